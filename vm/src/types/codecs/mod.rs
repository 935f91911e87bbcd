//! Text codecs: `str.encode`, `bytes.decode`, `str(b, encoding)` and the `_codecs`
//! module under `codecs.py`. Codecs: utf-8, utf-8-sig, utf-16/-le/-be,
//! utf-32/-le/-be, ascii, latin-1, cp1252, iso8859-15, unicode_escape,
//! raw_unicode_escape; error handlers strict, ignore, replace, backslashreplace,
//! xmlcharrefreplace (encoding). Errors carry CPython's
//! `(encoding, object, start, end, reason)`.
//!
//! revpy's strings cannot hold lone surrogates, so `surrogateescape` and
//! `surrogatepass` fail where they would have to make one, as `strict` does.

pub mod decode;
pub mod encode;

use crate::args::{Arity, KwSpec};
use crate::object::{ObjRef, Value};
use crate::types::str::methods::{must_str, this};
use crate::{Kw, PyErr, PyResult, Vm};

type Args<'a> = &'a [Value];

/// The Unicode name database, which the VM crate does not carry: the standard
/// library's `unicodedata` installs it (`\N{...}` in `unicode_escape`, the
/// `namereplace` error handler). Until then both fail as CPython without `unicodedata`.
pub struct NameDb {
    /// The name of a character (`unicodedata.name`), None if it has none.
    pub name: fn(char) -> Option<String>,
    /// The character a name (or alias) designates, as CPython's `\N{...}`.
    pub lookup: fn(&[u8]) -> Option<char>,
}

pub static NAME_DB: std::sync::OnceLock<NameDb> = std::sync::OnceLock::new();

/// One of the codecs revpy has. Byte orders: `Some(true)` little-endian,
/// `Some(false)` big-endian, `None` BOM-led.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Charmap(&'static [(u8, u16)]),
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    UnicodeEscape,
    RawUnicodeEscape,
}

/// Why encoding or decoding stopped.
#[derive(Debug)]
pub enum Fail {
    /// A UnicodeDecodeError/UnicodeEncodeError over `start..end`.
    Unicode {
        codec: &'static str,
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// An unknown error handler name (LookupError, raised only on an error).
    Handler(String),
    /// An encoding-only handler used to decode (TypeError, as CPython).
    NotForDecoding,
    /// `namereplace` needs the Unicode name database, which is not installed.
    NoNames,
}

/// cp1252's bytes 0x80-0x9f that differ from latin-1 (0x81, 0x8d, 0x8f, 0x90 and
/// 0x9d are undefined: 0).
static CP1252: [(u8, u16); 32] = [
    (0x80, 0x20ac),
    (0x81, 0),
    (0x82, 0x201a),
    (0x83, 0x0192),
    (0x84, 0x201e),
    (0x85, 0x2026),
    (0x86, 0x2020),
    (0x87, 0x2021),
    (0x88, 0x02c6),
    (0x89, 0x2030),
    (0x8a, 0x0160),
    (0x8b, 0x2039),
    (0x8c, 0x0152),
    (0x8d, 0),
    (0x8e, 0x017d),
    (0x8f, 0),
    (0x90, 0),
    (0x91, 0x2018),
    (0x92, 0x2019),
    (0x93, 0x201c),
    (0x94, 0x201d),
    (0x95, 0x2022),
    (0x96, 0x2013),
    (0x97, 0x2014),
    (0x98, 0x02dc),
    (0x99, 0x2122),
    (0x9a, 0x0161),
    (0x9b, 0x203a),
    (0x9c, 0x0153),
    (0x9d, 0),
    (0x9e, 0x017e),
    (0x9f, 0x0178),
];

/// iso8859-15's bytes that differ from latin-1.
static ISO8859_15: [(u8, u16); 8] = [
    (0xa4, 0x20ac),
    (0xa6, 0x0160),
    (0xa8, 0x0161),
    (0xb4, 0x017d),
    (0xb8, 0x017e),
    (0xbc, 0x0152),
    (0xbd, 0x0153),
    (0xbe, 0x0178),
];

/// A byte of a latin-1-based table codec as text (`None`: undefined).
pub fn charmap_decode(table: &[(u8, u16)], b: u8) -> Option<char> {
    match table.iter().find(|(k, _)| *k == b) {
        Some((_, 0)) => None,
        Some((_, c)) => char::from_u32(*c as u32),
        None => Some(b as char),
    }
}

/// A character of a latin-1-based table codec as a byte (`None`: unencodable).
pub fn charmap_encode(table: &[(u8, u16)], c: u32) -> Option<u8> {
    if c < 0x100 && !table.iter().any(|(k, _)| *k as u32 == c) {
        return Some(c as u8);
    }
    table
        .iter()
        .find(|(_, v)| *v != 0 && *v as u32 == c)
        .map(|(k, _)| *k)
}

/// CPython's `encodings.normalize_encoding` plus lower case: runs of
/// punctuation and spaces become one `_`.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// The codec for an encoding name (with CPython's aliases) and its canonical name
/// (`codecs.lookup(name).name`).
pub fn lookup(name: &str) -> Option<(Codec, &'static str)> {
    Some(match normalize(name).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            (Codec::Utf8, "utf-8")
        }
        "utf_8_sig" => (Codec::Utf8Sig, "utf-8-sig"),
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
        | "iso_ir_6" => (Codec::Ascii, "ascii"),
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso8859" | "iso_8859_1_1987" | "iso_ir_100" | "csisolatin1" | "ibm819" => {
            (Codec::Latin1, "iso8859-1")
        }
        "cp1252" | "windows_1252" | "1252" => (Codec::Charmap(&CP1252), "cp1252"),
        "iso8859_15" | "iso_8859_15" | "latin9" | "l9" => {
            (Codec::Charmap(&ISO8859_15), "iso8859-15")
        }
        "utf_16" | "u16" | "utf16" => (Codec::Utf16(None), "utf-16"),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => {
            (Codec::Utf16(Some(true)), "utf-16-le")
        }
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => (Codec::Utf16(Some(false)), "utf-16-be"),
        "utf_32" | "u32" | "utf32" => (Codec::Utf32(None), "utf-32"),
        "utf_32_le" | "utf_32le" => (Codec::Utf32(Some(true)), "utf-32-le"),
        "utf_32_be" | "utf_32be" => (Codec::Utf32(Some(false)), "utf-32-be"),
        "unicode_escape" => (Codec::UnicodeEscape, "unicode-escape"),
        "raw_unicode_escape" => (Codec::RawUnicodeEscape, "raw-unicode-escape"),
        _ => return None,
    })
}

/// The bytes-to-bytes and text-to-text codecs `codecs.encode` knows (written in
/// `codecs.py`): their canonical names.
pub fn transform_name(name: &str) -> Option<&'static str> {
    Some(match normalize(name).as_str() {
        "hex" | "hex_codec" => "hex",
        "base64" | "base_64" | "base64_codec" => "base64",
        "zlib" | "zip" | "zlib_codec" => "zlib",
        "rot13" | "rot_13" => "rot-13",
        "bz2" | "bz2_codec" => "bz2",
        "uu" | "uu_codec" => "uu",
        "quopri" | "quotedprintable" | "quoted_printable" | "quopri_codec" => "quopri",
        _ => return None,
    })
}

impl Codec {
    /// The codec's name in error messages (CPython's C codecs' own names).
    pub fn error_name(self) -> &'static str {
        match self {
            Codec::Utf8 | Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Charmap(_) => "charmap",
            Codec::Utf16(o) => {
                if o == Some(false) {
                    "utf-16-be"
                } else {
                    "utf-16-le"
                }
            }
            Codec::Utf32(o) => {
                if o == Some(false) {
                    "utf-32-be"
                } else {
                    "utf-32-le"
                }
            }
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
        }
    }
}

impl Vm {
    /// The codec named `name`, or CPython's LookupError.
    pub fn codec(&mut self, name: &str) -> PyResult<Codec> {
        self.text_codec(name, "")
    }

    /// The text codec named `name` for `str.encode` (`verb` "encode") or
    /// `bytes.decode` ("decode"): CPython's LookupError for unknown names and for
    /// codecs that are not text encodings.
    pub fn text_codec(&mut self, name: &str, verb: &str) -> PyResult<Codec> {
        if let Some((c, _)) = lookup(name) {
            return Ok(c);
        }
        let msg = match transform_name(name) {
            Some(_) if !verb.is_empty() => format!(
                "'{name}' is not a text encoding; use codecs.{verb}() to handle arbitrary codecs"
            ),
            _ => format!("unknown encoding: {name}"),
        };
        Err(self.new_error(self.types.lookup_error, msg))
    }

    /// Encode text, raising CPython's errors.
    pub fn encode_text(&mut self, s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
        encode::encode(codec, s, errors).map_err(|f| self.codec_error(f, Err(s)))
    }

    /// Decode bytes (all of them), raising CPython's errors.
    pub fn decode_bytes(&mut self, b: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
        match decode::decode(codec, b, errors, true) {
            Ok((s, _)) => Ok(s),
            Err(f) => {
                let input = if codec == Codec::Utf8Sig && b.starts_with(b"\xef\xbb\xbf") {
                    &b[3..]
                } else {
                    b
                };
                Err(self.codec_error(f, Ok(input)))
            }
        }
    }

    /// The Python exception for a codec failure on `input` (bytes when decoding).
    pub fn codec_error(&mut self, f: Fail, input: Result<&[u8], &str>) -> PyErr {
        match f {
            Fail::Unicode {
                codec,
                start,
                end,
                reason,
            } => {
                let (cls, obj) = match input {
                    Ok(b) => (self.types.unicode_decode_error, self.new_bytes(b.to_vec())),
                    Err(s) => (self.types.unicode_encode_error, self.new_str(s.to_string())),
                };
                let args = vec![
                    self.new_str(codec.to_string()),
                    obj,
                    Value::Int(start as i64),
                    Value::Int(end as i64),
                    self.new_str(reason.to_string()),
                ];
                self.new_exception(cls, args)
            }
            Fail::Handler(name) => self.new_error(
                self.types.lookup_error,
                format!("unknown error handler name '{name}'"),
            ),
            Fail::NotForDecoding => self.new_type_error(
                "don't know how to handle UnicodeDecodeError in error callback".into(),
            ),
            Fail::NoNames => self.new_error(
                self.types.lookup_error,
                "the 'namereplace' error handler needs the Unicode name database (unicodedata), which is not installed".into(),
            ),
        }
    }
}

/// An optional str argument (`None` -> `default`).
fn opt_str(vm: &mut Vm, v: Option<Value>, default: &str, what: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(v) => must_str(vm, v, what),
    }
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) fn s_encode(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "encode")?;
    const SPEC: KwSpec<2> = KwSpec::new("encode", ["encoding", "errors"]);
    let [enc, errors] = SPEC.parse(vm, &args[1..], kw)?;
    let enc = opt_str(vm, enc, "utf-8", "encode()")?;
    let errors = opt_str(vm, errors, "strict", "encode()")?;
    let codec = vm.text_codec(&enc, "encode")?;
    let s = s.to_string();
    let b = vm.encode_text(&s, codec, &errors)?;
    Ok(vm.new_bytes(b))
}

/// `bytes.decode` and `str(b, encoding, errors)`: `enc`/`errors` may be None/unset.
pub fn decode_value(vm: &mut Vm, b: &[u8], enc: Value, errors: Value) -> PyResult<Value> {
    let enc = if enc.is_none() || enc.is_undef() {
        "utf-8".to_string()
    } else {
        vm.expect_str(enc, "decode() argument 'encoding'")?
    };
    let errors = if errors.is_none() || errors.is_undef() {
        "strict".to_string()
    } else {
        vm.expect_str(errors, "decode() argument 'errors'")?
    };
    let codec = vm.text_codec(&enc, "decode")?;
    let s = vm.decode_bytes(b, codec, &errors)?;
    Ok(vm.new_str(s))
}

/// `_codecs.lookup_name(name)`: the canonical name, or None.
fn c_lookup_name(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let name = vm.expect_str(args[0], "lookup() argument")?;
    Ok(match lookup(&name) {
        Some((_, n)) => vm.new_str(n.to_string()),
        None => Value::None,
    })
}

/// `_codecs._encode(text, encoding, errors)` -> bytes (a native text codec).
fn c_encode_text(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = vm.expect_str(args[0], "text")?;
    let enc = vm.expect_str(args[1], "encoding")?;
    let errors = vm.expect_str(args[2], "errors")?;
    let codec = vm.codec(&enc)?;
    let b = vm.encode_text(&s, codec, &errors)?;
    Ok(vm.new_bytes(b))
}

/// `_codecs._decode(data, encoding, errors, final)` -> (text, bytes consumed).
fn c_decode_text(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let Some(b) = vm.bytes_of(args[0]) else {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    let enc = vm.expect_str(args[1], "encoding")?;
    let errors = vm.expect_str(args[2], "errors")?;
    let final_ = vm.truthy(args[3])?;
    let codec = vm.codec(&enc)?;
    match decode::decode(codec, &b, &errors, final_) {
        Ok((s, used)) => {
            let s = vm.new_str(s);
            Ok(vm.new_tuple(vec![s, Value::Int(used as i64)]))
        }
        Err(f) => Err(vm.codec_error(f, Ok(&b))),
    }
}

/// `_codecs.encode(obj, encoding='utf-8', errors='strict')` and `decode`, as
/// CPython's (pickles name `_codecs.encode`): text codecs natively, anything else
/// (transforms, registered search functions) through `codecs._generic_*`.
fn c_generic(vm: &mut Vm, args: Args, kw: Kw, encode: bool) -> PyResult<Value> {
    let name = if encode { "encode" } else { "decode" };
    let spec: KwSpec<3> = KwSpec::new(name, ["obj", "encoding", "errors"]).required(1);
    let [obj, enc, errors] = spec.parse(vm, args, kw)?;
    let obj = obj.unwrap_or(Value::None);
    let enc = opt_str(vm, enc, "utf-8", &format!("{name}()"))?;
    let errors = opt_str(vm, errors, "strict", &format!("{name}()"))?;
    if let Some((codec, _)) = lookup(&enc) {
        if encode {
            if let Some(s) = vm.as_str(obj) {
                let s = s.to_string();
                let b = vm.encode_text(&s, codec, &errors)?;
                return Ok(vm.new_bytes(b));
            }
        } else if let Some(b) = vm.bytes_of(obj) {
            let s = vm.decode_bytes(&b, codec, &errors)?;
            return Ok(vm.new_str(s));
        }
    }
    let m = vm.load_module("codecs", None)?;
    let k = vm.intern(if encode {
        "_generic_encode"
    } else {
        "_generic_decode"
    });
    let f = vm.getattr(m, k)?;
    let enc = vm.new_str(enc);
    let errors = vm.new_str(errors);
    vm.call(f, &[obj, enc, errors], &[])
}

fn c_encode(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    c_generic(vm, args, kw, true)
}

fn c_decode(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    c_generic(vm, args, kw, false)
}

/// The `_codecs` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_codecs");
    let d = vm.module_dict(m);
    vm.add_function(d, "lookup_name", c_lookup_name, Arity::exactly(1));
    vm.add_function(d, "_encode", c_encode_text, Arity::exactly(3));
    vm.add_function(d, "_decode", c_decode_text, Arity::exactly(4));
    vm.add_function(d, "encode", c_encode, Arity::parsed());
    vm.add_function(d, "decode", c_decode, Arity::parsed());
    Ok(m)
}

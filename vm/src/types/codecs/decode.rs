//! Decoders: bytes -> text for each codec, with the error handlers applied in
//! place. Pure functions (no VM); positions in failures are byte offsets.

use super::{Codec, Fail};

/// Decoded text plus how many input bytes were consumed (less than all only when
/// `final_` is false and the input ends inside a sequence).
pub type Decoded = Result<(String, usize), Fail>;

/// Output buffer that applies a decoding error handler.
struct Out<'a> {
    s: String,
    input: &'a [u8],
    errors: &'a str,
    codec: &'static str,
}

impl Out<'_> {
    fn bad(&mut self, start: usize, end: usize, reason: &'static str) -> Result<(), Fail> {
        match self.errors {
            "strict" | "surrogateescape" | "surrogatepass" => Err(Fail::Unicode {
                codec: self.codec,
                start,
                end,
                reason,
            }),
            "ignore" => Ok(()),
            "replace" => {
                self.s.push('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for b in &self.input[start..end] {
                    self.s.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            "xmlcharrefreplace" | "namereplace" => Err(Fail::NotForDecoding),
            other => Err(Fail::Handler(other.to_string())),
        }
    }
}

pub fn decode(codec: Codec, input: &[u8], errors: &str, final_: bool) -> Decoded {
    let mut out = Out {
        s: String::with_capacity(input.len()),
        input,
        errors,
        codec: codec.error_name(),
    };
    let used = match codec {
        Codec::Utf8 => utf8(&mut out, 0, final_)?,
        Codec::Utf8Sig => {
            let skip = if input.starts_with(b"\xef\xbb\xbf") {
                3
            } else {
                0
            };
            let mut o = Out {
                s: String::with_capacity(input.len()),
                input: &input[skip..],
                errors,
                codec: "utf-8",
            };
            let used = utf8(&mut o, 0, final_)?;
            return Ok((o.s, skip + used));
        }
        Codec::Ascii => {
            for (i, &b) in input.iter().enumerate() {
                if b < 0x80 {
                    out.s.push(b as char);
                } else {
                    out.bad(i, i + 1, "ordinal not in range(128)")?;
                }
            }
            input.len()
        }
        Codec::Latin1 => {
            out.s.extend(input.iter().map(|&b| b as char));
            input.len()
        }
        Codec::Charmap(table) => {
            for (i, &b) in input.iter().enumerate() {
                match super::charmap_decode(table, b) {
                    Some(c) => out.s.push(c),
                    None => out.bad(i, i + 1, "character maps to <undefined>")?,
                }
            }
            input.len()
        }
        Codec::Utf16(order) => return utf16(input, order, errors, final_),
        Codec::Utf32(order) => return utf32(input, order, errors, final_),
        Codec::UnicodeEscape => unicode_escape(&mut out, false)?,
        Codec::RawUnicodeEscape => unicode_escape(&mut out, true)?,
    };
    Ok((out.s, used))
}

fn utf8(out: &mut Out, mut pos: usize, final_: bool) -> Result<usize, Fail> {
    let input = out.input;
    while pos < input.len() {
        match std::str::from_utf8(&input[pos..]) {
            Ok(s) => {
                out.s.push_str(s);
                return Ok(input.len());
            }
            Err(e) => {
                let good = pos + e.valid_up_to();
                // SAFETY-free: the prefix was just validated.
                out.s
                    .push_str(std::str::from_utf8(&input[pos..good]).unwrap_or_default());
                match e.error_len() {
                    None => {
                        if !final_ {
                            return Ok(good);
                        }
                        out.bad(good, input.len(), "unexpected end of data")?;
                        return Ok(input.len());
                    }
                    Some(n) => {
                        let first = input[good];
                        let start_ok = matches!(first, 0xc2..=0xf4);
                        let (end, why) = if start_ok {
                            (good + n, "invalid continuation byte")
                        } else {
                            (good + 1, "invalid start byte")
                        };
                        out.bad(good, end, why)?;
                        pos = end;
                    }
                }
            }
        }
    }
    Ok(input.len())
}

/// Byte order: `None` reads a BOM (little-endian without one).
fn bom_order(input: &[u8], le: &[u8], be: &[u8]) -> (bool, usize) {
    if input.starts_with(le) {
        (true, le.len())
    } else if input.starts_with(be) {
        (false, be.len())
    } else {
        (true, 0)
    }
}

fn utf16(input: &[u8], order: Option<bool>, errors: &str, final_: bool) -> Decoded {
    let (le, mut pos) = match order {
        Some(le) => (le, 0),
        None => bom_order(input, b"\xff\xfe", b"\xfe\xff"),
    };
    let mut out = Out {
        s: String::with_capacity(input.len() / 2),
        input,
        errors,
        codec: if le { "utf-16-le" } else { "utf-16-be" },
    };
    let unit = |i: usize| -> u32 {
        let (a, b) = (input[i] as u32, input[i + 1] as u32);
        if le {
            a | (b << 8)
        } else {
            (a << 8) | b
        }
    };
    while pos < input.len() {
        if pos + 1 >= input.len() {
            if !final_ {
                return Ok((out.s, pos));
            }
            out.bad(pos, input.len(), "truncated data")?;
            pos = input.len();
            continue;
        }
        let u = unit(pos);
        if !(0xd800..0xe000).contains(&u) {
            out.s.push(char::from_u32(u).unwrap_or('\u{fffd}'));
            pos += 2;
        } else if u >= 0xdc00 {
            out.bad(pos, pos + 2, "illegal encoding")?;
            pos += 2;
        } else if pos + 3 >= input.len() {
            if !final_ {
                return Ok((out.s, pos));
            }
            out.bad(pos, input.len(), "unexpected end of data")?;
            pos = input.len();
        } else {
            let lo = unit(pos + 2);
            if (0xdc00..0xe000).contains(&lo) {
                let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                out.s.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                pos += 4;
            } else {
                out.bad(pos, pos + 2, "illegal UTF-16 surrogate")?;
                pos += 2;
            }
        }
    }
    Ok((out.s, input.len()))
}

fn utf32(input: &[u8], order: Option<bool>, errors: &str, final_: bool) -> Decoded {
    let (le, mut pos) = match order {
        Some(le) => (le, 0),
        None => bom_order(input, b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"),
    };
    let mut out = Out {
        s: String::with_capacity(input.len() / 4),
        input,
        errors,
        codec: if le { "utf-32-le" } else { "utf-32-be" },
    };
    while pos < input.len() {
        if pos + 4 > input.len() {
            if !final_ {
                return Ok((out.s, pos));
            }
            out.bad(pos, input.len(), "truncated data")?;
            break;
        }
        let b: [u8; 4] = input[pos..pos + 4].try_into().unwrap_or_default();
        let c = if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        };
        if c > 0x10ffff {
            out.bad(pos, pos + 4, "code point not in range(0x110000)")?;
        } else if (0xd800..0xe000).contains(&c) {
            out.bad(
                pos,
                pos + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            )?;
        } else {
            out.s.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        }
        pos += 4;
    }
    Ok((out.s, input.len()))
}

/// `unicode_escape` (Python string-literal escapes over latin-1 text) and
/// `raw_unicode_escape` (only `\uXXXX` and `\UXXXXXXXX`).
fn unicode_escape(out: &mut Out, raw: bool) -> Result<usize, Fail> {
    let input = out.input;
    let n = input.len();
    let mut i = 0;
    while i < n {
        let c = input[i];
        if c != b'\\' {
            out.s.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= n {
            if raw {
                out.s.push('\\');
            } else {
                out.bad(start, n, "\\ at end of string")?;
            }
            break;
        }
        let e = input[i];
        i += 1;
        let digits = match e {
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            _ if raw => {
                out.s.push('\\');
                out.s.push(e as char);
                continue;
            }
            b'\n' => continue,
            b'\\' | b'\'' | b'"' => {
                out.s.push(e as char);
                continue;
            }
            b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' => {
                out.s.push(match e {
                    b'a' => '\x07',
                    b'b' => '\x08',
                    b'f' => '\x0c',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => '\x0b',
                });
                continue;
            }
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match input.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.s.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                continue;
            }
            b'N' => {
                let Some(db) = super::NAME_DB.get() else {
                    // No name database: as CPython without `unicodedata`.
                    if input.get(i) == Some(&b'{') {
                        if let Some(close) = input[i..].iter().position(|&b| b == b'}') {
                            i += close + 1;
                        }
                    }
                    out.bad(
                        start,
                        i,
                        "\\N escapes not supported (can't load unicodedata module)",
                    )?;
                    continue;
                };
                // As CPython: `\N{name}`; a missing brace or an empty name is malformed
                // (the error ends where the scan stopped), an unknown name ends after
                // its closing brace.
                let mut reason = "malformed \\N character escape";
                if input.get(i) == Some(&b'{') {
                    let from = i + 1;
                    match input[from..].iter().position(|&b| b == b'}') {
                        None => i = input.len(),
                        Some(0) => i = from,
                        Some(n) => {
                            i = from + n + 1;
                            if let Some(c) = (db.lookup)(&input[from..from + n]) {
                                out.s.push(c);
                                continue;
                            }
                            reason = "unknown Unicode character name";
                        }
                    }
                }
                out.bad(start, i, reason)?;
                continue;
            }
            _ => {
                out.s.push('\\');
                out.s.push(e as char);
                continue;
            }
        };
        let mut v: u32 = 0;
        let mut got = 0;
        while got < digits {
            match input.get(i).and_then(|b| (*b as char).to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    i += 1;
                    got += 1;
                }
                None => break,
            }
        }
        if got < digits {
            let why = match digits {
                2 => "truncated \\xXX escape",
                4 => "truncated \\uXXXX escape",
                _ => "truncated \\UXXXXXXXX escape",
            };
            out.bad(start, i, why)?;
            continue;
        }
        match char::from_u32(v) {
            Some(c) => out.s.push(c),
            None if v < 0x110000 => {
                // A lone surrogate: revpy's strings cannot hold one.
                out.bad(start, i, "surrogates not allowed")?;
            }
            None => {
                let why = if raw {
                    "\\Uxxxxxxxx out of range"
                } else {
                    "illegal Unicode character"
                };
                out.bad(start, i, why)?;
            }
        }
    }
    Ok(n)
}

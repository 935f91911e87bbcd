//! Text encoding: `str.encode` with the codecs and error handlers revpy supports
//! (utf-8, ascii, latin-1; strict, ignore, replace, backslashreplace,
//! xmlcharrefreplace), with CPython's error messages.

use crate::object::Value;
use crate::types::str::methods::{must_str, this};
use crate::{PyResult, Vm};

type Args<'a> = &'a [Value];
use crate::{Kw, KwSpec};

pub(crate) fn s_encode(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "encode")?;
    const SPEC: KwSpec<2> = KwSpec::new("encode", ["encoding", "errors"]);
    let [enc, errors] = SPEC.parse(vm, &args[1..], kw)?;
    let enc = enc.unwrap_or(Value::None);
    let enc = if enc.is_none() {
        "utf-8".to_string()
    } else {
        must_str(vm, enc, "encode()")?
    };
    let errors = errors.unwrap_or(Value::None);
    let errors = if errors.is_none() {
        "strict".to_string()
    } else {
        must_str(vm, errors, "encode()")?
    };
    let e = enc.to_lowercase().replace('_', "-");
    let bytes = match e.as_str() {
        "utf-8" | "utf8" => s.as_bytes().to_vec(),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" | "l1" => {
            let ascii = e == "ascii" || e == "us-ascii";
            let limit = if ascii { 128 } else { 256 };
            let chars: Vec<char> = s.chars().collect();
            let mut out = vec![];
            for (i, &c) in chars.iter().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                    continue;
                }
                match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push(b'?'),
                    "backslashreplace" => {
                        let n = c as u32;
                        let t = if n <= 0xff {
                            format!("\\x{n:02x}")
                        } else if n <= 0xffff {
                            format!("\\u{n:04x}")
                        } else {
                            format!("\\U{n:08x}")
                        };
                        out.extend_from_slice(t.as_bytes());
                    }
                    "xmlcharrefreplace" => {
                        out.extend_from_slice(format!("&#{};", c as u32).as_bytes())
                    }
                    "strict" => {
                        // CPython reports the whole run of unencodable characters.
                        let end = (i..chars.len())
                            .find(|&j| (chars[j] as u32) < limit)
                            .unwrap_or(chars.len());
                        let codec = if ascii { "ascii" } else { "latin-1" };
                        let msg = if end - i == 1 {
                            let n = c as u32;
                            let r = if n <= 0xff {
                                format!("\\x{n:02x}")
                            } else if n <= 0xffff {
                                format!("\\u{n:04x}")
                            } else {
                                format!("\\U{n:08x}")
                            };
                            format!("'{codec}' codec can't encode character '{r}' in position {i}: ordinal not in range({limit})")
                        } else {
                            format!(
                                "'{codec}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                                end - 1
                            )
                        };
                        return Err(vm.new_error(vm.types.unicode_encode_error, msg));
                    }
                    other => {
                        return Err(vm.new_error(
                            vm.types.lookup_error,
                            format!("unknown error handler name '{other}'"),
                        ))
                    }
                }
            }
            out
        }
        _ => return Err(vm.new_error(vm.types.lookup_error, format!("unknown encoding: {enc}"))),
    };
    Ok(vm.new_bytes(bytes))
}

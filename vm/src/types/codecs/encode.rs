//! Encoders: text -> bytes for each codec, with the error handlers applied in
//! place. Pure functions (no VM); positions in failures are character indices.

use super::{Codec, Fail};

/// The `\xNN` / `\uNNNN` / `\UNNNNNNNN` escape of one character.
pub fn escape_char(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

pub fn encode(codec: Codec, s: &str, errors: &str) -> Result<Vec<u8>, Fail> {
    Ok(match codec {
        Codec::Utf8 => s.as_bytes().to_vec(),
        Codec::Utf8Sig => {
            let mut v = b"\xef\xbb\xbf".to_vec();
            v.extend_from_slice(s.as_bytes());
            v
        }
        Codec::Ascii => eight_bit(s, errors, "ascii", |c| (c < 0x80).then_some(c as u8))?,
        Codec::Latin1 => eight_bit(s, errors, "latin-1", |c| (c < 0x100).then_some(c as u8))?,
        Codec::Charmap(table) => {
            eight_bit(s, errors, "charmap", |c| super::charmap_encode(table, c))?
        }
        Codec::Utf16(order) => {
            let le = order.unwrap_or(true);
            let mut v = Vec::with_capacity(2 * s.len() + 2);
            if order.is_none() {
                v.extend_from_slice(b"\xff\xfe");
            }
            let mut buf = [0u16; 2];
            for c in s.chars() {
                for u in c.encode_utf16(&mut buf).iter() {
                    v.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
                }
            }
            v
        }
        Codec::Utf32(order) => {
            let le = order.unwrap_or(true);
            let mut v = Vec::with_capacity(4 * s.len() + 4);
            if order.is_none() {
                v.extend_from_slice(b"\xff\xfe\x00\x00");
            }
            for c in s.chars() {
                let n = c as u32;
                v.extend_from_slice(&if le { n.to_le_bytes() } else { n.to_be_bytes() });
            }
            v
        }
        Codec::UnicodeEscape => {
            let mut v = Vec::with_capacity(s.len());
            for c in s.chars() {
                match c {
                    '\\' => v.extend_from_slice(b"\\\\"),
                    '\t' => v.extend_from_slice(b"\\t"),
                    '\n' => v.extend_from_slice(b"\\n"),
                    '\r' => v.extend_from_slice(b"\\r"),
                    ' '..='\x7e' => v.push(c as u8),
                    _ => v.extend_from_slice(escape_char(c).as_bytes()),
                }
            }
            v
        }
        Codec::RawUnicodeEscape => {
            let mut v = Vec::with_capacity(s.len());
            for c in s.chars() {
                if (c as u32) < 0x100 {
                    v.push(c as u32 as u8);
                } else {
                    v.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            v
        }
    })
}

/// A one-byte-per-character codec; `map` gives a character's byte. CPython hands
/// the error handler each whole run of unencodable characters.
fn eight_bit(
    s: &str,
    errors: &str,
    codec: &'static str,
    map: impl Fn(u32) -> Option<u8>,
) -> Result<Vec<u8>, Fail> {
    let mut out = Vec::with_capacity(s.len());
    if s.is_ascii() && codec != "charmap" {
        out.extend_from_slice(s.as_bytes());
        return Ok(out);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = map(chars[i] as u32) {
            out.push(b);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| map(chars[j] as u32).is_some())
            .unwrap_or(chars.len());
        let run = &chars[i..end];
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let reason = if codec == "charmap" {
                    "character maps to <undefined>"
                } else if codec == "ascii" {
                    "ordinal not in range(128)"
                } else {
                    "ordinal not in range(256)"
                };
                return Err(Fail::Unicode {
                    codec,
                    start: i,
                    end,
                    reason,
                });
            }
            "ignore" => {}
            "replace" => out.extend(run.iter().map(|_| b'?')),
            "backslashreplace" => {
                for &c in run {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in run {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                let Some(db) = super::NAME_DB.get() else {
                    return Err(Fail::NoNames);
                };
                for &c in run {
                    match (db.name)(c) {
                        Some(n) => {
                            out.extend_from_slice(b"\\N{");
                            out.extend_from_slice(n.as_bytes());
                            out.push(b'}');
                        }
                        None => out.extend_from_slice(escape_char(c).as_bytes()),
                    }
                }
            }
            other => return Err(Fail::Handler(other.to_string())),
        }
        i = end;
    }
    Ok(out)
}

//! `_json`: the hot string routines of `json` in Rust (as CPython's `_json` C module).
//! The Python modules fall back to their own code for anything unusual, so error
//! messages come from one place.

use revpy_vm::Arity;
use revpy_vm::{Kind, ObjRef, PyResult, Value, Vm};

use revpy_vm::Kw;

fn text(vm: &Vm, v: Value) -> Option<std::rc::Rc<str>> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => Some(s.s.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    if b.len() < 4 {
        return None;
    }
    let s = std::str::from_utf8(&b[..4]).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// `scanstring_fast(s, end)`: the string literal whose opening quote is at `end - 1`,
/// as `(text, end)`, or None when the document is not ASCII or the literal is
/// malformed (the Python scanner then produces CPython's exact error).
fn scanstring_fast(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("scanstring_fast", args, 2, 2)?;
    let Some(s) = text(vm, args[0]) else {
        return Ok(Value::None);
    };
    let Value::Int(end) = args[1] else {
        return Ok(Value::None);
    };
    if !s.is_ascii() || end < 0 || end as usize > s.len() {
        return Ok(Value::None);
    }
    let b = s.as_bytes();
    let mut i = end as usize;
    let mut out = String::new();
    loop {
        let start = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
            i += 1;
        }
        if i >= b.len() || b[i] < 0x20 {
            return Ok(Value::None);
        }
        out.push_str(&s[start..i]);
        if b[i] == b'"' {
            i += 1;
            break;
        }
        // A backslash escape.
        i += 1;
        let Some(&e) = b.get(i) else {
            return Ok(Value::None);
        };
        i += 1;
        let c = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let Some(mut u) = hex4(&b[i..]) else {
                    return Ok(Value::None);
                };
                i += 4;
                if (0xD800..=0xDBFF).contains(&u)
                    && b.get(i) == Some(&b'\\')
                    && b.get(i + 1) == Some(&b'u')
                {
                    if let Some(u2) = hex4(&b[i + 2..]) {
                        if (0xDC00..=0xDFFF).contains(&u2) {
                            u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
                            i += 6;
                        }
                    }
                }
                match char::from_u32(u) {
                    Some(c) => c,
                    // A lone surrogate: let the Python code decide.
                    None => return Ok(Value::None),
                }
            }
            _ => return Ok(Value::None),
        };
        out.push(c);
    }
    let sv = vm.new_str(out);
    Ok(vm.new_tuple(vec![sv, Value::Int(i as i64)]))
}

fn short_escape(c: char) -> Option<&'static str> {
    Some(match c {
        '\\' => "\\\\",
        '"' => "\\\"",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => return None,
    })
}

fn encode(vm: &mut Vm, args: &[Value], ascii: bool) -> PyResult<Value> {
    vm.check_args("encode_basestring", args, 1, 1)?;
    let Some(s) = text(vm, args[0]) else {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!("first argument must be a string, not {t}")));
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if let Some(e) = short_escape(c) {
            out.push_str(e);
        } else if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) {
            let n = c as u32;
            if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                let m = n - 0x10000;
                out.push_str(&format!(
                    "\\u{:04x}\\u{:04x}",
                    0xD800 | ((m >> 10) & 0x3FF),
                    0xDC00 | (m & 0x3FF)
                ));
            }
        } else {
            out.push(c);
        }
    }
    out.push('"');
    Ok(vm.new_str(out))
}

fn encode_basestring(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    encode(vm, args, false)
}
fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    encode(vm, args, true)
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_json");
    let d = vm.module_dict(m);
    vm.add_function(d, "scanstring_fast", scanstring_fast, Arity::exactly(2));
    vm.add_function(d, "encode_basestring", encode_basestring, Arity::exactly(1));
    vm.add_function(
        d,
        "encode_basestring_ascii",
        encode_basestring_ascii,
        Arity::exactly(1),
    );
    Ok(m)
}

//! `bytes` and `bytearray`.

use crate::heap::Kind;
use crate::value::Value;
use crate::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

impl Vm {
    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        let c = self.types.bytes;
        Value::Obj(self.heap.alloc(c, Kind::Bytes(b)))
    }
    pub fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        let c = self.types.bytearray;
        Value::Obj(self.heap.alloc(c, Kind::ByteArray(b)))
    }
    /// The bytes of a bytes-like value.
    pub fn bytes_of(&self, v: Value) -> Option<Vec<u8>> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Bytes(b) | Kind::ByteArray(b) => Some(b.clone()),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Decode bytes with an encoding name (utf-8, ascii, latin-1).
pub fn decode(vm: &mut Vm, b: &[u8], enc: Value, errors: Value) -> PyResult<Value> {
    let enc = if enc.is_none() || enc.is_undef() {
        "utf-8".to_string()
    } else {
        vm.expect_str(enc, "decode() argument 'encoding'")?
    };
    let errors = if errors.is_none() || errors.is_undef() {
        "strict".to_string()
    } else {
        vm.expect_str(errors, "errors")?
    };
    let e = enc.to_lowercase().replace('_', "-");
    let s = match e.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(err) => {
                if errors == "replace" {
                    String::from_utf8_lossy(b).into_owned()
                } else if errors == "ignore" {
                    String::from_utf8_lossy(b).replace('\u{fffd}', "")
                } else {
                    let pos = err.valid_up_to();
                    return Err(vm.new_error(
                        vm.types.unicode_decode_error,
                        format!(
                            "'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte",
                            b[pos]
                        ),
                    ));
                }
            }
        },
        "ascii" => {
            if let Some(pos) = b.iter().position(|c| *c >= 128) {
                if errors == "strict" {
                    return Err(vm.new_error(
                        vm.types.unicode_decode_error,
                        format!("'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)", b[pos]),
                    ));
                }
            }
            b.iter()
                .map(|c| if *c < 128 { *c as char } else { '\u{fffd}' })
                .collect()
        }
        "latin-1" | "latin1" | "iso-8859-1" => b.iter().map(|c| *c as char).collect(),
        _ => return Err(vm.new_error(vm.types.lookup_error, format!("unknown encoding: {enc}"))),
    };
    Ok(vm.new_str(s))
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<u8>> {
    match args.first().and_then(|v| vm.bytes_of(*v)) {
        Some(b) => Ok(b),
        None => Err(vm.new_type_error("descriptor requires a 'bytes' object".into())),
    }
}

fn arg_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// Build a result of the same type as `like`.
fn same(vm: &mut Vm, like: Value, b: Vec<u8>) -> Value {
    if matches!(like, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::ByteArray(_))) {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

fn b_decode(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let enc = vm.arg_or(args, 1, kw, "encoding", Value::None);
    let err = vm.arg_or(args, 2, kw, "errors", Value::None);
    decode(vm, &b, enc, err)
}
fn b_hex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(vm.new_str(s))
}
fn b_fromhex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = vm.expect_str(args[1], "fromhex() argument")?;
    let clean: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = vec![];
    for (i, pair) in clean.chunks(2).enumerate() {
        let txt: String = pair.iter().collect();
        match u8::from_str_radix(&txt, 16) {
            Ok(v) if txt.len() == 2 => out.push(v),
            _ => {
                return Err(vm.new_value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i * 2 + 1
                )))
            }
        }
    }
    let cls = args[0];
    if cls.obj() == Some(vm.types.bytearray) {
        Ok(vm.new_bytearray(out))
    } else {
        Ok(vm.new_bytes(out))
    }
}
fn b_count(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let n = match args.get(1) {
        Some(Value::Int(i)) => b.iter().filter(|x| **x as i64 == *i).count(),
        Some(v) => {
            let sub = arg_bytes(vm, *v)?;
            if sub.is_empty() {
                b.len() + 1
            } else {
                let mut n = 0;
                let mut i = 0;
                while i + sub.len() <= b.len() {
                    if b[i..i + sub.len()] == sub[..] {
                        n += 1;
                        i += sub.len();
                    } else {
                        i += 1;
                    }
                }
                n
            }
        }
        None => return Err(vm.new_type_error("count() takes at least 1 argument (0 given)".into())),
    };
    Ok(Value::Int(n as i64))
}
fn find_sub(hay: &[u8], sub: &[u8], rev: bool) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    let range: Vec<usize> = (0..=hay.len() - sub.len()).collect();
    if rev {
        range
            .into_iter()
            .rev()
            .find(|&i| &hay[i..i + sub.len()] == sub)
    } else {
        range.into_iter().find(|&i| &hay[i..i + sub.len()] == sub)
    }
}
fn b_find(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let sub = match args.get(1) {
        Some(Value::Int(i)) => vec![*i as u8],
        Some(v) => arg_bytes(vm, *v)?,
        None => return Err(vm.new_type_error("find() takes at least 1 argument".into())),
    };
    Ok(Value::Int(
        find_sub(&b, &sub, false).map(|i| i as i64).unwrap_or(-1),
    ))
}
fn b_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    match b_find(vm, args, kw)? {
        Value::Int(-1) => Err(vm.new_value_error("subsection not found".into())),
        v => Ok(v),
    }
}
fn b_startswith(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let p = arg_bytes(vm, args[1])?;
    Ok(Value::Bool(b.starts_with(&p)))
}
fn b_endswith(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let p = arg_bytes(vm, args[1])?;
    Ok(Value::Bool(b.ends_with(&p)))
}
fn b_join(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let sep = this(vm, args)?;
    let items = vm.iterate(args[1])?;
    let mut out = vec![];
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let b = arg_bytes(vm, *it)?;
        out.extend(b);
    }
    Ok(same(vm, args[0], out))
}
fn b_split(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let sep = vm.arg_or(args, 1, kw, "sep", Value::None);
    let parts: Vec<Vec<u8>> = if sep.is_none() {
        b.split(|c| c.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| p.to_vec())
            .collect()
    } else {
        let s = arg_bytes(vm, sep)?;
        if s.is_empty() {
            return Err(vm.new_value_error("empty separator".into()));
        }
        let mut out = vec![];
        let mut start = 0;
        let mut i = 0;
        while i + s.len() <= b.len() {
            if b[i..i + s.len()] == s[..] {
                out.push(b[start..i].to_vec());
                i += s.len();
                start = i;
            } else {
                i += 1;
            }
        }
        out.push(b[start..].to_vec());
        out
    };
    let items = parts.into_iter().map(|p| same(vm, args[0], p)).collect();
    Ok(vm.new_list(items))
}
fn b_strip(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let chars = match args.get(1) {
        Some(v) if !v.is_none() => arg_bytes(vm, *v)?,
        _ => b" \t\n\r\x0b\x0c".to_vec(),
    };
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !chars.contains(c))
        .map(|i| i + 1)
        .unwrap_or(start);
    let r = b[start..end.max(start)].to_vec();
    Ok(same(vm, args[0], r))
}
fn b_upper(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(same(vm, args[0], b.to_ascii_uppercase()))
}
fn b_lower(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(same(vm, args[0], b.to_ascii_lowercase()))
}
fn b_replace(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    let old = arg_bytes(vm, args[1])?;
    let new = arg_bytes(vm, args[2])?;
    let mut out = vec![];
    let mut i = 0;
    while i < b.len() {
        if !old.is_empty() && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(same(vm, args[0], out))
}
fn b_isdigit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(Value::Bool(
        !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()),
    ))
}
fn b_isalpha(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(Value::Bool(
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic()),
    ))
}

fn ba_append(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let x = vm.expect_int(args[1], "")?;
    if !(0..256).contains(&x) {
        return Err(vm.new_value_error("byte must be in range(0, 256)".into()));
    }
    if let Some(Kind::ByteArray(b)) = args[0].obj().map(|r| vm.heap.kind_mut(r)) {
        b.push(x as u8);
    }
    Ok(Value::None)
}
fn ba_extend(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let more = match vm.bytes_of(args[1]) {
        Some(b) => b,
        None => {
            let mut v = vec![];
            for it in vm.iterate(args[1])? {
                v.push(vm.expect_int(it, "")? as u8);
            }
            v
        }
    };
    if let Some(Kind::ByteArray(b)) = args[0].obj().map(|r| vm.heap.kind_mut(r)) {
        b.extend(more);
    }
    Ok(Value::None)
}
fn ba_pop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("bytearray");
    let v = match vm.heap.kind_mut(r) {
        Kind::ByteArray(b) => b.pop(),
        _ => None,
    };
    match v {
        Some(x) => Ok(Value::Int(x as i64)),
        None => Err(vm.new_index_error("pop from empty bytearray")),
    }
}

fn bytes_from_arg(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Vec<u8>> {
    let src = vm.arg_or(args, 1, kw, "source", Value::Undef);
    if src.is_undef() {
        return Ok(vec![]);
    }
    if let Some(s) = vm.as_str(src) {
        let s = s.to_string();
        let enc = vm.arg_or(args, 2, kw, "encoding", Value::Undef);
        if enc.is_undef() {
            return Err(vm.new_type_error("string argument without an encoding".into()));
        }
        let sv = vm.new_str(s);
        let b = vm.call_method(sv, "encode", &[enc])?;
        return Ok(vm.bytes_of(b).unwrap_or_default());
    }
    if let Value::Int(n) = src {
        if n < 0 {
            return Err(vm.new_value_error("negative count".into()));
        }
        return Ok(vec![0; n as usize]);
    }
    if let Some(b) = vm.bytes_of(src) {
        return Ok(b);
    }
    let mut v = vec![];
    for it in vm.iterate(src)? {
        let x = vm.expect_int(it, "")?;
        if !(0..256).contains(&x) {
            return Err(vm.new_value_error("bytes must be in range(0, 256)".into()));
        }
        v.push(x as u8);
    }
    Ok(v)
}
fn bytes_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    let b = bytes_from_arg(vm, args, kw)?;
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Bytes(b))))
}
fn bytearray_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    let b = bytes_from_arg(vm, args, kw)?;
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::ByteArray(b))))
}

pub fn register(vm: &mut Vm) {
    let methods: &[(&'static str, crate::heap::NativeFn)] = &[
        ("decode", b_decode),
        ("hex", b_hex),
        ("count", b_count),
        ("find", b_find),
        ("index", b_index),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("join", b_join),
        ("split", b_split),
        ("strip", b_strip),
        ("upper", b_upper),
        ("lower", b_lower),
        ("replace", b_replace),
        ("isdigit", b_isdigit),
        ("isalpha", b_isalpha),
    ];
    for c in [vm.types.bytes, vm.types.bytearray] {
        for (n, f) in methods {
            vm.add_method(c, n, *f);
        }
        vm.add_classmethod(c, "fromhex", b_fromhex);
    }
    vm.add_staticmethod(vm.types.bytes, "__new__", bytes_new);
    vm.add_staticmethod(vm.types.bytearray, "__new__", bytearray_new);
    let ba = vm.types.bytearray;
    vm.add_method(ba, "append", ba_append);
    vm.add_method(ba, "extend", ba_extend);
    vm.add_method(ba, "pop", ba_pop);
}

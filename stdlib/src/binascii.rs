//! `binascii`: base64 and hex conversions and `crc32`, with CPython's `binascii.Error`
//! messages (`base64` is written in Python on top of it).

use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{ObjRef, PyErr, PyResult, Value, Vm};

use revpy_vm::Kw;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match vm.native_module_dict("binascii") {
        Ok(d) => {
            let k = vm.intern("Error");
            match vm.dict_get_str(d, k) {
                Some(Value::Obj(c)) => vm.new_error(c, msg.to_string()),
                _ => vm.new_value_error(msg.to_string()),
            }
        }
        Err(e) => e,
    }
}

/// A bytes-like argument, or an ASCII str where CPython accepts one (`a2b_*`).
fn data_arg(vm: &mut Vm, v: Value, allow_str: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b);
    }
    if allow_str {
        if let Some(s) = vm.as_str(v) {
            if !s.is_ascii() {
                return Err(vm.new_value_error(
                    "string argument should contain only ASCII characters".into(),
                ));
            }
            return Ok(s.as_bytes().to_vec());
        }
        let t = vm.type_name(v);
        return Err(vm.new_type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{t}'"
        )));
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")))
}

/// `a2b_base64(data, /, *, strict_mode=False)`.
fn a2b_base64(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("a2b_base64", ["data", "strict_mode"])
        .required(1)
        .posonly(1)
        .positional(1);
    let [data, sm] = SPEC.parse(vm, args, kw)?;
    let data = data_arg(vm, data.unwrap_or(Value::None), true)?;
    let strict = vm.truthy(sm.unwrap_or(Value::Bool(false)))?;
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad == 0 {
                return Err(error(vm, "Excess padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(vm.new_bytes(out));
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&x| x == c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        let v = v as u8;
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(vm.new_bytes(out)),
        1 => Err(error(
            vm,
            &format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            ),
        )),
        _ => Err(error(vm, "Incorrect padding")),
    }
}

/// `b2a_base64(data, /, *, newline=True)`.
fn b2a_base64(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("b2a_base64", ["data", "newline"])
        .required(1)
        .posonly(1)
        .positional(1);
    let [data, nl] = SPEC.parse(vm, args, kw)?;
    let data = data_arg(vm, data.unwrap_or(Value::None), false)?;
    let nl = vm.truthy(nl.unwrap_or(Value::Bool(true)))?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for k in 0..4 {
            if k <= ch.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if nl {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn hexlify(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    hexlify_as(vm, "hexlify", args, kw)
}
fn b2a_hex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    hexlify_as(vm, "b2a_hex", args, kw)
}
/// `hexlify(data, sep=<unrepresentable>, bytes_per_sep=1)` and its alias `b2a_hex`.
fn hexlify_as(vm: &mut Vm, name: &'static str, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [data, sep, bps] = KwSpec::new(name, ["data", "sep", "bytes_per_sep"])
        .required(1)
        .parse(vm, args, kw)?;
    let data = data_arg(vm, data.unwrap_or(Value::None), false)?;
    let sep = sep.unwrap_or(Value::None);
    let bps = bps.unwrap_or(Value::Int(1));
    let b = vm.new_bytes(data);
    let hex = vm.intern("hex");
    let f = vm.getattr(b, hex)?;
    let s = if sep.is_none() {
        vm.call(f, &[], &[])?
    } else {
        vm.call(f, &[sep, bps], &[])?
    };
    let s = vm.str_lossy(s);
    Ok(vm.new_bytes(s.into_bytes()))
}

fn unhexlify(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("unhexlify", kw)?;
    vm.check_args("unhexlify", args, 1, 1)?;
    let data = data_arg(vm, args[0], true)?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for p in data.chunks(2) {
        let h = (p[0] as char).to_digit(16);
        let l = (p[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

pub fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn crc32(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("crc32", kw)?;
    vm.check_args("crc32", args, 1, 2)?;
    let data = data_arg(vm, args[0], false)?;
    let start = match args.get(1) {
        Some(v) => {
            let i = vm.to_int(*v)?;
            match vm.num_of(i) {
                Some(revpy_vm::Num::I(x)) => x as u32,
                Some(revpy_vm::Num::B(b)) => {
                    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u32::MAX);
                    num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
                }
                _ => 0,
            }
        }
        None => 0,
    };
    Ok(Value::Int(crc32_update(start, &data) as i64))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("binascii");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("a2b_base64", a2b_base64, Arity::parsed()),
        ("b2a_base64", b2a_base64, Arity::parsed()),
        ("hexlify", hexlify, Arity::parsed()),
        ("b2a_hex", b2a_hex, Arity::parsed()),
        ("unhexlify", unhexlify, Arity::exactly(1)),
        ("a2b_hex", unhexlify, Arity::exactly(1)),
        ("crc32", crc32, Arity::range(1, 2)),
    ];
    vm.add_functions(d, fns);
    let ve = vm.types.value_error;
    let cls = vm.new_native_class("Error", ve, "binascii");
    let k = vm.intern("Error");
    vm.dict_set(d, k, Value::Obj(cls))?;
    let exc = vm.types.exception;
    let cls = vm.new_native_class("Incomplete", exc, "binascii");
    let k = vm.intern("Incomplete");
    vm.dict_set(d, k, Value::Obj(cls))?;
    Ok(m)
}

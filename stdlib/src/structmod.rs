//! `_struct` (re-exported by `struct`): packing values into bytes and back, with
//! CPython's format language (byte order, size and alignment prefixes, repeat
//! counts) and its `struct.error` messages. The `Struct` class is in
//! `python/struct.py`.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use revpy_vm::{Arity, NativeDef};
use revpy_vm::{Num, ObjRef, PyErr, PyResult, Value, Vm};

use revpy_vm::Kw;

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Little,
    Big,
}

/// One packed field: `code` at `offset`; for `s`/`p`, `len` is the byte count.
#[derive(Clone, Copy)]
struct Field {
    code: u8,
    offset: usize,
    len: usize,
}

struct Layout {
    order: Order,
    fields: Vec<Field>,
    size: usize,
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match vm.native_module_dict("_struct") {
        Ok(d) => {
            let k = vm.intern("error");
            match vm.dict_get_str(d, k) {
                Some(Value::Obj(c)) => vm.new_error(c, msg.to_string()),
                _ => vm.new_value_error(msg.to_string()),
            }
        }
        Err(e) => e,
    }
}

/// (size, alignment) of a code; None if the code is not valid in this mode.
fn code_size(code: u8, native: bool) -> Option<(usize, usize)> {
    let s = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((s, s))
}

fn format_text(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(s) = vm.as_str(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b.iter().map(|&c| c as char).collect());
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {t}"
    )))
}

fn parse(vm: &mut Vm, fmtv: Value) -> PyResult<Layout> {
    let fmt = format_text(vm, fmtv)?;
    let b = fmt.as_bytes();
    let mut i = 0;
    let (order, native) = match b.first() {
        Some(b'@') => {
            i = 1;
            (Order::Little, true)
        }
        Some(b'=') | Some(b'<') => {
            i = 1;
            (Order::Little, false)
        }
        Some(b'>') | Some(b'!') => {
            i = 1;
            (Order::Big, false)
        }
        _ => (Order::Little, true),
    };
    let mut fields = vec![];
    let mut off: usize = 0;
    let too_long = |vm: &mut Vm| error(vm, "total struct size too long");
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((b[i] - b'0') as usize))
                {
                    Some(n) if n <= isize::MAX as usize => n,
                    _ => return Err(error(vm, "total struct size too long")),
                };
                i += 1;
            }
            if i >= b.len() {
                return Err(error(vm, "repeat count given without format specifier"));
            }
            count = Some(n);
        }
        let code = b[i];
        i += 1;
        let Some((size, align)) = code_size(code, native) else {
            return Err(error(vm, "bad char in struct format"));
        };
        let n = count.unwrap_or(1);
        if native {
            off = off.div_ceil(align) * align;
        }
        match code {
            b's' | b'p' => {
                fields.push(Field {
                    code,
                    offset: off,
                    len: n,
                });
                off = off.checked_add(n).ok_or_else(|| too_long(vm))?;
            }
            b'x' => {
                off = off.checked_add(n).ok_or_else(|| too_long(vm))?;
            }
            _ => {
                if n > (isize::MAX as usize) / size.max(1) {
                    return Err(too_long(vm));
                }
                for k in 0..n {
                    fields.push(Field {
                        code,
                        offset: off + k * size,
                        len: size,
                    });
                }
                off = off.checked_add(n * size).ok_or_else(|| too_long(vm))?;
            }
        }
        if off > isize::MAX as usize {
            return Err(too_long(vm));
        }
    }
    Ok(Layout {
        order,
        fields,
        size: off,
    })
}

/// An integer argument as i128 (ints, bools, `__index__`).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    match vm.num_of(v) {
        Some(Num::I(i)) => return Ok(Some(BigInt::from(i))),
        Some(Num::B(b)) => return Ok(Some(b)),
        Some(_) => return Err(error(vm, "required argument is not an integer")),
        None => {}
    }
    if vm.as_str(v).is_none() {
        let n = vm.intern("__index__");
        if let Some(f) = vm.lookup_special(v, n) {
            let r = vm.call_special(f, &[v])?;
            if let Some(Num::I(_) | Num::B(_)) = vm.num_of(r) {
                return int_arg(vm, r);
            }
        }
    }
    Err(error(vm, "required argument is not an integer"))
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num_of(v) {
        Some(Num::F(f)) => Ok(f),
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::B(b)) => match b.to_f64().filter(|f| f.is_finite()) {
            Some(f) => Ok(f),
            None => Err(error(vm, "required argument is not a float")),
        },
        _ => {
            if vm.as_str(v).is_none() {
                let n = vm.intern("__float__");
                if let Some(f) = vm.lookup_special(v, n) {
                    let r = vm.call_special(f, &[v])?;
                    if let Some(Num::F(x)) = vm.num_of(r) {
                        return Ok(x);
                    }
                }
            }
            Err(error(vm, "required argument is not a float"))
        }
    }
}

fn put_uint(out: &mut [u8], mut x: u128, order: Order) {
    let n = out.len();
    for k in 0..n {
        let byte = (x & 0xff) as u8;
        x >>= 8;
        match order {
            Order::Little => out[k] = byte,
            Order::Big => out[n - 1 - k] = byte,
        }
    }
}

fn get_uint(b: &[u8], order: Order) -> u128 {
    let mut x: u128 = 0;
    match order {
        Order::Little => b.iter().rev().for_each(|&c| x = (x << 8) | c as u128),
        Order::Big => b.iter().for_each(|&c| x = (x << 8) | c as u128),
    }
    x
}

fn range_error(vm: &mut Vm, code: u8, size: usize, negative: bool) -> PyErr {
    let bits = size * 8;
    let msg = match code {
        b'b' => "byte format requires -128 <= number <= 127".to_string(),
        b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
        b'h' => "short format requires -32768 <= number <= 32767".to_string(),
        b'H' => "ushort format requires 0 <= number <= 65535".to_string(),
        _ if bits >= 64 || (code.is_ascii_uppercase() && negative) => {
            "argument out of range".to_string()
        }
        _ if code.is_ascii_lowercase() => {
            let m = 1i128 << (bits - 1);
            format!(
                "'{}' format requires {} <= number <= {}",
                code as char,
                -m,
                m - 1
            )
        }
        _ => format!(
            "'{}' format requires 0 <= number <= {}",
            code as char,
            (1u128 << bits) - 1
        ),
    };
    error(vm, &msg)
}

/// f64 -> IEEE half, rounding half to even; None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to units of the smallest subnormal (2^-24) or of the exponent's ulp.
    let e = a.log2().floor() as i32;
    let e = if a >= 2f64.powi(e + 1) {
        e + 1
    } else if a < 2f64.powi(e) {
        e - 1
    } else {
        e
    };
    if e < -14 {
        // Subnormal: mantissa = round(a / 2^-24).
        let m = round_half_even(a * 2f64.powi(24));
        return Some(sign | m as u16); // m may be 0x400: becomes the smallest normal.
    }
    let mut m = round_half_even(a * 2f64.powi(10 - e)); // in [1024, 2048]
    let mut e = e;
    if m >= 2048.0 {
        m /= 2.0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | ((m as u16) & 0x3ff))
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn pack_field(vm: &mut Vm, lay: &Layout, f: Field, v: Value, out: &mut [u8]) -> PyResult<()> {
    let dst = &mut out[f.offset..f.offset + f.len];
    match f.code {
        b's' | b'p' => {
            let Some(data) = vm.bytes_of(v) else {
                return Err(error(
                    vm,
                    &format!("argument for '{}' must be a bytes object", f.code as char),
                ));
            };
            if f.code == b's' {
                let n = data.len().min(f.len);
                dst[..n].copy_from_slice(&data[..n]);
            } else if f.len > 0 {
                let n = data.len().min(f.len - 1);
                dst[1..1 + n].copy_from_slice(&data[..n]);
                dst[0] = n.min(255) as u8;
            }
        }
        b'c' => match vm.bytes_of(v) {
            Some(data) if data.len() == 1 => dst[0] = data[0],
            _ => return Err(error(vm, "char format requires a bytes object of length 1")),
        },
        b'?' => dst[0] = vm.truthy(v)? as u8,
        b'e' | b'f' | b'd' => {
            let x = float_arg(vm, v)?;
            match f.code {
                b'e' => match to_half(x) {
                    Some(h) => put_uint(dst, h as u128, lay.order),
                    None => {
                        return Err(vm.new_overflow_error("float too large to pack with e format"))
                    }
                },
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        return Err(vm.new_overflow_error("float too large to pack with f format"));
                    }
                    put_uint(dst, y.to_bits() as u128, lay.order)
                }
                _ => put_uint(dst, x.to_bits() as u128, lay.order),
            }
        }
        code => {
            let Some(n) = int_arg(vm, v)? else {
                return Err(error(vm, "required argument is not an integer"));
            };
            let bits = f.len * 8;
            let signed = code.is_ascii_lowercase();
            let (lo, hi): (i128, i128) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            let x = match n.to_i128() {
                Some(x) if x >= lo && x <= hi => x,
                _ => {
                    let neg = n.sign() == num_bigint::Sign::Minus;
                    return Err(range_error(vm, code, f.len, neg));
                }
            };
            put_uint(dst, x as u128 & ((1u128 << bits) - 1), lay.order);
        }
    }
    Ok(())
}

fn unpack_field(vm: &mut Vm, lay: &Layout, f: Field, buf: &[u8]) -> Value {
    let src = &buf[f.offset..f.offset + f.len];
    match f.code {
        b's' => vm.new_bytes(src.to_vec()),
        b'p' => {
            if src.is_empty() {
                return vm.new_bytes(vec![]);
            }
            let n = (src[0] as usize).min(src.len() - 1);
            vm.new_bytes(src[1..1 + n].to_vec())
        }
        b'c' => vm.new_bytes(vec![src[0]]),
        b'?' => Value::Bool(src[0] != 0),
        b'e' => Value::Float(from_half(get_uint(src, lay.order) as u16)),
        b'f' => Value::Float(f32::from_bits(get_uint(src, lay.order) as u32) as f64),
        b'd' => Value::Float(f64::from_bits(get_uint(src, lay.order) as u64)),
        code => {
            let u = get_uint(src, lay.order);
            let bits = f.len * 8;
            let x: i128 = if code.is_ascii_lowercase() && u >> (bits - 1) & 1 == 1 {
                u as i128 - (1i128 << bits)
            } else {
                u as i128
            };
            match i64::try_from(x) {
                Ok(i) => Value::Int(i),
                Err(_) => vm.new_bigint(BigInt::from(x)),
            }
        }
    }
}

fn pack_values(vm: &mut Vm, lay: &Layout, vals: &[Value]) -> PyResult<Vec<u8>> {
    if vals.len() != lay.fields.len() {
        return Err(error(
            vm,
            &format!(
                "pack expected {} items for packing (got {})",
                lay.fields.len(),
                vals.len()
            ),
        ));
    }
    // Within the VM's allocation limit: MemoryError, not an abort.
    let mut out = vm.repeat_vec(&[0u8], lay.size)?;
    for (f, v) in lay.fields.iter().zip(vals) {
        pack_field(vm, lay, *f, *v, &mut out)?;
    }
    Ok(out)
}

fn unpack_values(vm: &mut Vm, lay: &Layout, buf: &[u8]) -> Value {
    let items: Vec<Value> = lay
        .fields
        .iter()
        .map(|f| unpack_field(vm, lay, *f, buf))
        .collect();
    vm.new_tuple(items)
}

fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn pack(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("pack", kw)?;
    if args.is_empty() {
        return Err(vm.new_type_error("pack expected at least 1 argument, got 0".into()));
    }
    let lay = parse(vm, args[0])?;
    let out = pack_values(vm, &lay, &args[1..])?;
    Ok(vm.new_bytes(out))
}

fn unpack(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("unpack", kw)?;
    vm.check_args("unpack", args, 2, 2)?;
    let lay = parse(vm, args[0])?;
    let buf = buffer_arg(vm, args[1])?;
    if buf.len() != lay.size {
        return Err(error(
            vm,
            &format!("unpack requires a buffer of {} bytes", lay.size),
        ));
    }
    Ok(unpack_values(vm, &lay, &buf))
}

fn offset_arg(vm: &mut Vm, args: &[Value], i: usize, kw: Kw) -> PyResult<i64> {
    let v = vm.arg_or(args, i, kw, "offset", Value::Int(0));
    vm.expect_int(v, "offset")
}

fn unpack_from(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.only_kwargs("unpack_from", kw, &["buffer", "offset"])?;
    if args.is_empty() {
        return Err(vm.new_type_error("unpack_from expected at least 1 argument, got 0".into()));
    }
    let lay = parse(vm, args[0])?;
    let bv = vm.arg_or(args, 1, kw, "buffer", Value::None);
    let buf = buffer_arg(vm, bv)?;
    let mut off = offset_arg(vm, args, 2, kw)?;
    let n = buf.len() as i64;
    if off < 0 {
        if off + n < 0 {
            return Err(error(
                vm,
                &format!("offset {off} out of range for {n}-byte buffer"),
            ));
        }
        if off + lay.size as i64 > 0 {
            let sz = lay.size;
            return Err(error(
                vm,
                &format!("not enough data to unpack {sz} bytes at offset {off}"),
            ));
        }
        off += n;
    }
    if n - off < lay.size as i64 {
        let msg = {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {n})",
                lay.size as i64 + off,
                lay.size
            )
        };
        return Err(error(vm, &msg));
    }
    let off = off as usize;
    Ok(unpack_values(vm, &lay, &buf[off..off + lay.size]))
}

fn pack_into(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("pack_into", kw)?;
    if args.len() < 3 {
        return Err(vm.new_type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            args.len()
        )));
    }
    let lay = parse(vm, args[0])?;
    let target = args[1];
    let n = match target.obj().map(|r| vm.heap.kind(r)) {
        Some(revpy_vm::Kind::ByteArray(b)) => b.len() as i64,
        _ => {
            let t = vm.type_name(target);
            return Err(vm.new_type_error(format!(
                "argument must be read-write bytes-like object, not {t}"
            )));
        }
    };
    let mut off = vm.expect_int(args[2], "offset")?;
    let data = pack_values(vm, &lay, &args[3..])?;
    if off < 0 {
        if off + (lay.size as i64) > 0 {
            let sz = lay.size;
            return Err(error(
                vm,
                &format!("no space to pack {sz} bytes at offset {off}"),
            ));
        }
        if off + n < 0 {
            return Err(error(
                vm,
                &format!("offset {off} out of range for {n}-byte buffer"),
            ));
        }
        off += n;
    }
    if n - off < lay.size as i64 {
        let msg = {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {off} (actual buffer size is {n})",
                lay.size as i64 + off,
                lay.size
            )
        };
        return Err(error(vm, &msg));
    }
    let off = off as usize;
    if let Some(r) = target.obj() {
        if let revpy_vm::Kind::ByteArray(b) = vm.heap.kind_mut(r) {
            b[off..off + data.len()].copy_from_slice(&data);
        }
    }
    Ok(Value::None)
}

fn calcsize(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("calcsize", kw)?;
    vm.check_args("calcsize", args, 1, 1)?;
    let lay = parse(vm, args[0])?;
    Ok(Value::Int(lay.size as i64))
}

/// `_iter_unpack(fmt, buffer)`: the list of tuples (`struct.iter_unpack` wraps it).
fn iter_unpack(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("iter_unpack", kw)?;
    vm.check_args("iter_unpack", args, 2, 2)?;
    let lay = parse(vm, args[0])?;
    let buf = buffer_arg(vm, args[1])?;
    if lay.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if buf.len() % lay.size != 0 {
        return Err(error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                lay.size
            ),
        ));
    }
    let mut out = vec![];
    for chunk in buf.chunks(lay.size) {
        out.push(unpack_values(vm, &lay, chunk));
    }
    Ok(vm.new_list(out))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_struct");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("pack", pack, Arity::at_least(1)),
        ("unpack", unpack, Arity::exactly(2)),
        ("unpack_from", unpack_from, Arity::range(1, 3).kw()),
        ("pack_into", pack_into, Arity::at_least(3)),
        ("calcsize", calcsize, Arity::exactly(1)),
        ("_iter_unpack", iter_unpack, Arity::exactly(2)),
    ];
    vm.add_functions(d, fns);
    let exc = vm.types.exception;
    let cls = vm.new_native_class("error", exc, "struct");
    let k = vm.intern("error");
    vm.dict_set(d, k, Value::Obj(cls))?;
    Ok(m)
}

//! `float` and `complex`.

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Kind;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

use crate::Kw;

/// Parse a float as `float(s)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        if lower.len() - body.len() > 1 {
            return None;
        }
        return Some(if neg { -v } else { v });
    }
    if t.is_empty()
        || t.contains("__")
        || t.starts_with('_')
        || t.ends_with('_')
        || t.contains("_.")
        || t.contains("._")
    {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    if !clean
        .chars()
        .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

impl Vm {
    /// `float(v)`.
    pub fn to_float(&mut self, v: Value) -> PyResult<f64> {
        match self.num_of(v) {
            Some(Num::F(f)) => return Ok(f),
            Some(Num::I(i)) => return Ok(i as f64),
            Some(Num::B(b)) => {
                return b
                    .to_f64()
                    .filter(|f| f.is_finite())
                    .ok_or_else(|| self.new_overflow_error("int too large to convert to float"))
            }
            _ => {}
        }
        if let Some(s) = self.as_str(v) {
            let s = s.to_string();
            return parse_float(&crate::types::str::unicode_tables::decimal_and_space_to_ascii(&s))
                .ok_or_else(|| {
                    let r = crate::protocols::repr::str_repr(&s);
                    self.new_value_error(format!("could not convert string to float: {r}"))
                });
        }
        for name in ["__float__", "__index__"] {
            let n = self.intern(name);
            if let Some(f) = self.lookup_special(v, n) {
                let r = self.call_special(f, &[v])?;
                return self.to_float(r);
            }
        }
        let t = self.type_name(v);
        Err(self.new_type_error(format!(
            "float() argument must be a string or a real number, not '{t}'"
        )))
    }
}

fn float_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    vm.no_kwargs("float", kw)?;
    vm.check_args("float", &args[1..], 0, 1)?;
    let bytes = match args.get(1) {
        Some(Value::Obj(r)) => match vm.heap.kind(*r) {
            Kind::Bytes(b) | Kind::ByteArray(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    };
    let f = match (args.get(1), bytes) {
        // float(b"1.5"): the bytes as ASCII text (CPython's message shows the bytes).
        (Some(v), Some(b)) => {
            let text = std::str::from_utf8(&b).ok().and_then(|s| {
                let s = crate::types::str::unicode_tables::decimal_and_space_to_ascii(s);
                parse_float(&s)
            });
            match text {
                Some(f) => f,
                None => {
                    let r = vm.repr(*v)?;
                    return Err(
                        vm.new_value_error(format!("could not convert string to float: {r}"))
                    );
                }
            }
        }
        (Some(v), None) => vm.to_float(*v)?,
        (None, _) => 0.0,
    };
    if cls == vm.types.float {
        return Ok(Value::Float(f));
    }
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Boxed(Value::Float(f)))))
}

fn this_f(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num_of(v) {
        Some(Num::F(f)) => Ok(f),
        _ => Err(vm.new_type_error("descriptor requires a 'float' object".into())),
    }
}

fn is_integer(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = this_f(vm, args[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = this_f(vm, args[0])?;
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio".into()));
    }
    let (mut m, mut e) = (f, 0i32);
    while m.fract() != 0.0 {
        m *= 2.0;
        e += 1;
    }
    let num = crate::types::int::float_to_bigint(m);
    let den = BigInt::from(1) << e as usize;
    let g = num.gcd(&den);
    let (n, d) = (num / &g, den / &g);
    let nv = vm.new_bigint(n);
    let dv = vm.new_bigint(d.abs());
    Ok(vm.new_tuple(vec![nv, dv]))
}

fn conjugate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Float(this_f(vm, args[0])?))
}

fn float_hex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = this_f(vm, args[0])?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else if f == 0.0 {
        if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .to_string()
    } else {
        let bits = f.to_bits();
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let m = format!("{mant:013x}");
        format!(
            "{sign}0x{lead}.{m}p{}{}",
            if e >= 0 { "+" } else { "-" },
            e.abs()
        )
    };
    Ok(vm.new_str(s))
}

/// `x * 2**e` without intermediate overflow or underflow (x has at most 53 bits, and
/// the result is representable or rounds as the caller decided).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Parse CPython's hexadecimal float syntax, rounding half to even.
fn parse_hex_float(s: &str) -> Result<f64, &'static str> {
    const INVALID: &str = "invalid hexadecimal floating-point string";
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let t = lower
        .strip_prefix("0x")
        .map(str::to_string)
        .unwrap_or(lower.clone());
    let (body, exp) = match t.find('p') {
        Some(k) => (&t[..k], Some(&t[k + 1..])),
        None => (&t[..], None),
    };
    let (int_part, frac_part) = match body.find('.') {
        Some(k) => (&body[..k], &body[k + 1..]),
        None => (body, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(INVALID);
    }
    let mut m = num_bigint::BigUint::from(0u32);
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(INVALID)?;
        m = m * 16u32 + d;
    }
    let mut e: i64 = -4 * frac_part.len() as i64;
    if let Some(x) = exp {
        let (eneg, digits) = match x.as_bytes().first() {
            Some(b'-') => (true, &x[1..]),
            Some(b'+') => (false, &x[1..]),
            _ => (false, x),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(INVALID);
        }
        let v: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        e += if eneg { -v } else { v };
    }
    if m.bits() == 0 {
        return Ok(sign * 0.0);
    }
    const TOO_LARGE: &str = "hexadecimal value too large to represent as a float";
    let bits = m.bits() as i64;
    let top = bits + e - 1;
    if top > 1023 {
        return Err(TOO_LARGE);
    }
    // Bits of precision available at this magnitude (fewer for subnormals).
    let prec = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = bits - prec.max(0);
    let (mant, e) = if shift > 0 {
        let sh = shift as u64;
        let q = &m >> sh;
        let rem = &m - (&q << sh);
        let half = num_bigint::BigUint::from(1u32) << (sh - 1);
        let odd = q.bit(0);
        let q = if rem > half || (rem == half && odd) {
            q + 1u32
        } else {
            q
        };
        (q, e + shift)
    } else {
        (m, e)
    };
    let mant_f = mant.to_f64().unwrap_or(f64::INFINITY);
    let r = ldexp(mant_f, e);
    if r.is_infinite() {
        return Err(TOO_LARGE);
    }
    Ok(sign * r)
}

fn float_fromhex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("fromhex", &args[1..], 1, 1)?;
    let Some(s) = vm.as_str(args[1]).map(str::to_string) else {
        let t = vm.type_name(args[1]);
        return Err(vm.new_type_error(format!("must be str, not {t}")));
    };
    match parse_hex_float(&s) {
        Ok(f) => {
            let v = Value::Float(f);
            match args[0] {
                Value::Obj(c) if c != vm.types.float => vm.call(Value::Obj(c), &[v], &[]),
                _ => Ok(v),
            }
        }
        Err(msg) if msg.starts_with("hex") => Err(vm.new_overflow_error(msg)),
        Err(msg) => Err(vm.new_value_error(msg.into())),
    }
}

fn float_trunc(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = this_f(vm, args[0])?;
    vm.float_to_int(f)
}
fn float_floor(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = this_f(vm, args[0])?;
    vm.float_to_int(f.floor())
}
fn float_ceil(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = this_f(vm, args[0])?;
    vm.float_to_int(f.ceil())
}

/// `complex(real=0, imag=0)`.
fn complex_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("complex", ["real", "imag"]);
    let [real, imag] = SPEC.parse(vm, &args[1..], kw)?;
    let (real, imag) = (real.unwrap_or(Value::Int(0)), imag.unwrap_or(Value::Int(0)));
    if let Some(s) = vm.as_str(real) {
        let s = s.trim().replace(['(', ')'], "");
        return match parse_complex(&s) {
            Some((r, i)) => Ok(vm.new_complex(r, i)),
            None => Err(vm.new_value_error("complex() arg is a malformed string".into())),
        };
    }
    let (rr, ri) = match complex_parts(vm, real)? {
        Some(p) => p,
        None => {
            let t = vm.type_name(real);
            return Err(vm.new_type_error(format!(
                "complex() first argument must be a string or a number, not '{t}'"
            )));
        }
    };
    let (ir, ii) = match complex_parts(vm, imag)? {
        Some(p) => p,
        None => {
            let t = vm.type_name(imag);
            return Err(vm.new_type_error(format!(
                "complex() second argument must be a number, not '{t}'"
            )));
        }
    };
    Ok(vm.new_complex(rr - ii, ri + ir))
}

/// A complex argument's (real, imag): numbers, `__complex__`, then `__float__` /
/// `__index__`; `None` for other objects.
fn complex_parts(vm: &mut Vm, v: Value) -> PyResult<Option<(f64, f64)>> {
    match vm.num_of(v) {
        Some(Num::C(a, b)) => return Ok(Some((a, b))),
        Some(n) => {
            return match n.to_f64() {
                Some(f) => Ok(Some((f, 0.0))),
                None => Err(vm.new_overflow_error("int too large to convert to float")),
            }
        }
        None => {}
    }
    let cn = vm.intern("__complex__");
    if let Some(f) = vm.lookup_special(v, cn) {
        let r = vm.call_special(f, &[v])?;
        return match vm.num_of(r) {
            Some(Num::C(a, b)) => Ok(Some((a, b))),
            _ => {
                let t = vm.type_name(r);
                Err(vm.new_type_error(format!("__complex__ returned non-complex (type {t})")))
            }
        };
    }
    for name in ["__float__", "__index__"] {
        let n = vm.intern(name);
        if vm.lookup_special(v, n).is_some() {
            return Ok(Some((vm.to_float(v)?, 0.0)));
        }
    }
    Ok(None)
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    if let Some(body) = s.strip_suffix('j').or_else(|| s.strip_suffix('J')) {
        // Find the split between real and imaginary parts.
        let bytes: Vec<char> = body.chars().collect();
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == '+' || bytes[i] == '-') && !matches!(bytes[i - 1], 'e' | 'E') {
                let re: String = bytes[..i].iter().collect();
                let im: String = bytes[i..].iter().collect();
                let im = if im == "+" || im == "-" {
                    format!("{im}1")
                } else {
                    im
                };
                return Some((parse_float(&re)?, parse_float(&im)?));
            }
        }
        let im = if body.is_empty() || body == "+" || body == "-" {
            format!("{body}1")
        } else {
            body.to_string()
        };
        return Some((0.0, parse_float(&im)?));
    }
    Some((parse_float(s)?, 0.0))
}

fn this_c(vm: &mut Vm, v: Value) -> PyResult<(f64, f64)> {
    match vm.num_of(v) {
        Some(Num::C(a, b)) => Ok((a, b)),
        _ => Err(vm.new_type_error("descriptor requires a 'complex' object".into())),
    }
}
fn c_conjugate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (a, b) = this_c(vm, args[0])?;
    Ok(vm.new_complex(a, -b))
}
fn c_real(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Float(this_c(vm, args[0])?.0))
}
fn c_imag(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Float(this_c(vm, args[0])?.1))
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.float;
    vm.add_staticmethod(c, "__new__", float_new, Arity::any().kw());
    let methods: &[NativeDef] = &[
        ("is_integer", is_integer, Arity::none()),
        ("as_integer_ratio", as_integer_ratio, Arity::none()),
        ("conjugate", conjugate, Arity::none()),
        ("hex", float_hex, Arity::none()),
        ("__trunc__", float_trunc, Arity::none()),
        ("__int__", float_trunc, Arity::none()),
        ("__floor__", float_floor, Arity::none()),
        ("__ceil__", float_ceil, Arity::none()),
    ];
    vm.add_methods(c, methods);
    vm.add_classmethod(c, "fromhex", float_fromhex, Arity::exactly(1));
    let cc = vm.types.complex;
    vm.add_staticmethod(cc, "__new__", complex_new, Arity::any().kw());
    vm.add_method(cc, "conjugate", c_conjugate, Arity::none());
    vm.add_getter(cc, "real", c_real);
    vm.add_getter(cc, "imag", c_imag);
    let _ = Signed::abs(&BigInt::from(1));
}

//! `int` and `bool`: construction from numbers and strings, and the int methods.

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Kind;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Num as _, Signed, ToPrimitive, Zero};

use crate::Kw;

/// Why `int(s, base)` refused a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseIntError {
    Invalid,
    /// More decimal (non-power-of-two base) digits than the limit: how many.
    TooManyDigits(usize),
}

/// Parse an int literal as `int(s, base)` does, accepting at most `max_digits`
/// digits in bases that are not powers of two (0: no limit), as CPython's
/// `sys.set_int_max_str_digits`.
pub fn parse_int_limited(s: &str, base: u32, max_digits: usize) -> Result<BigInt, ParseIntError> {
    let (neg, base, clean) = int_digits(s, base).ok_or(ParseIntError::Invalid)?;
    if max_digits > 0 && !base.is_power_of_two() && clean.len() > max_digits {
        return Err(ParseIntError::TooManyDigits(clean.len()));
    }
    let v = BigInt::from_str_radix(&clean, base).map_err(|_| ParseIntError::Invalid)?;
    Ok(if neg { -v } else { v })
}

/// Parse an int literal as `int(s, base)` does (no digit limit).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_limited(s, base, 0).ok()
}

/// The sign, base and digits (underscores removed) of an int literal, if valid.
fn int_digits(s: &str, base: u32) -> Option<(bool, u32, String)> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = if base == 0 {
        if let Some(r) = lower.strip_prefix("0x") {
            (16, r.to_string())
        } else if let Some(r) = lower.strip_prefix("0o") {
            (8, r.to_string())
        } else if let Some(r) = lower.strip_prefix("0b") {
            (2, r.to_string())
        } else {
            if lower.len() > 1
                && lower.starts_with('0')
                && lower.chars().any(|c| c != '0' && c != '_')
            {
                return None;
            }
            (10, lower.clone())
        }
    } else {
        let pref = match base {
            16 => lower.strip_prefix("0x"),
            8 => lower.strip_prefix("0o"),
            2 => lower.strip_prefix("0b"),
            _ => None,
        };
        (base, pref.map(|r| r.to_string()).unwrap_or(lower.clone()))
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10 || s.trim().len() != digits.len())
        .map(|d| d.to_string())
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    Some((neg, base, clean))
}

impl Vm {
    /// `int(v)` for one argument.
    pub fn to_int(&mut self, v: Value) -> PyResult<Value> {
        match self.num_of(v) {
            Some(Num::I(i)) => return Ok(Value::Int(i)),
            Some(Num::B(b)) => return Ok(self.new_bigint(b)),
            Some(Num::F(f)) => return self.float_to_int(f),
            _ => {}
        }
        if let Some(s) = self.as_str(v) {
            let s = s.to_string();
            let ascii = crate::types::str::unicode_tables::decimal_and_space_to_ascii(&s);
            return match parse_int_limited(&ascii, 10, self.int_max_str_digits) {
                Ok(b) => Ok(self.new_bigint(b)),
                Err(ParseIntError::TooManyDigits(n)) => Err(self.int_str_limit_error(Some(n))),
                Err(ParseIntError::Invalid) => {
                    let r = crate::protocols::repr::str_repr(&s);
                    Err(self
                        .new_value_error(format!("invalid literal for int() with base 10: {r}")))
                }
            };
        }
        if let Value::Obj(r) = v {
            if let Kind::Bytes(b) | Kind::ByteArray(b) = self.heap.kind(r) {
                let s = String::from_utf8_lossy(b).to_string();
                return match parse_int_limited(&s, 10, self.int_max_str_digits) {
                    Ok(b) => Ok(self.new_bigint(b)),
                    Err(ParseIntError::TooManyDigits(n)) => Err(self.int_str_limit_error(Some(n))),
                    Err(ParseIntError::Invalid) => {
                        let rr = crate::protocols::repr::bytes_repr(s.as_bytes());
                        Err(self.new_value_error(format!(
                            "invalid literal for int() with base 10: {rr}"
                        )))
                    }
                };
            }
        }
        for name in ["__int__", "__index__", "__trunc__"] {
            let n = self.intern(name);
            if let Some(f) = self.lookup_special(v, n) {
                let r = self.call_special(f, &[v])?;
                if let Some(Num::I(_) | Num::B(_)) = self.num_of(r) {
                    return self.to_int(r);
                }
                let t = self.type_name(r);
                return Err(self.new_type_error(format!("__int__ returned non-int (type {t})")));
            }
        }
        let t = self.type_name(v);
        Err(self.new_type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
        )))
    }

    pub fn float_to_int(&mut self, f: f64) -> PyResult<Value> {
        if f.is_nan() {
            return Err(self.new_value_error("cannot convert float NaN to integer".into()));
        }
        if f.is_infinite() {
            return Err(self.new_overflow_error("cannot convert float infinity to integer"));
        }
        let t = f.trunc();
        if t.abs() < 9.0e18 {
            return Ok(Value::Int(t as i64));
        }
        Ok(self.new_bigint(float_to_bigint(t)))
    }
}

/// An integral float as an exact big int.
pub fn float_to_bigint(f: f64) -> BigInt {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 {
        Sign::Minus
    } else {
        Sign::Plus
    };
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = if (bits >> 52) & 0x7ff == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let m = BigInt::from(mant);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if sign == Sign::Minus {
        -v
    } else {
        v
    }
}

fn int_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    // int(x=0, /, base=10)
    const SPEC: KwSpec<2> = KwSpec::new("int", ["x", "base"]).posonly(1);
    let [x, base] = SPEC.parse(vm, &args[1..], kw)?;
    let base = base.unwrap_or(Value::Undef);
    let v = match (x, base.is_undef()) {
        (None, true) => Value::Int(0),
        (None, false) => return Err(vm.new_type_error("int() missing string argument".into())),
        (Some(x), true) => vm.to_int(x)?,
        (Some(x), false) => {
            let b = vm.expect_int(base, "")?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0".into()));
            }
            let s = match vm.as_str(x) {
                Some(s) => {
                    crate::types::str::unicode_tables::decimal_and_space_to_ascii(s).into_owned()
                }
                None => match x {
                    Value::Obj(r) => match vm.heap.kind(r) {
                        Kind::Bytes(b) | Kind::ByteArray(b) => {
                            String::from_utf8_lossy(b).to_string()
                        }
                        _ => {
                            return Err(vm.new_type_error(
                                "int() can't convert non-string with explicit base".into(),
                            ))
                        }
                    },
                    _ => {
                        return Err(vm.new_type_error(
                            "int() can't convert non-string with explicit base".into(),
                        ))
                    }
                },
            };
            match parse_int_limited(&s, b as u32, vm.int_max_str_digits) {
                Ok(n) => vm.new_bigint(n),
                Err(ParseIntError::TooManyDigits(n)) => return Err(vm.int_str_limit_error(Some(n))),
                Err(ParseIntError::Invalid) => {
                    let r = crate::protocols::repr::str_repr(&s);
                    return Err(
                        vm.new_value_error(format!("invalid literal for int() with base {b}: {r}"))
                    );
                }
            }
        }
    };
    if cls == vm.types.int {
        return Ok(v);
    }
    if cls == vm.types.bool_ {
        let b = vm.truthy(v)?;
        return Ok(Value::Bool(b));
    }
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Boxed(v))))
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("bool", kw)?;
    vm.check_args("bool", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::Bool(vm.truthy(*v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn this_int(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match vm.num_of(v) {
        Some(n @ (Num::I(_) | Num::B(_))) => Ok(n.to_big()),
        _ => Err(vm.new_type_error("descriptor requires an 'int' object".into())),
    }
}

fn bit_length(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = this_int(vm, args[0])?;
    Ok(Value::Int(n.abs().bits() as i64))
}
fn bit_count(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = this_int(vm, args[0])?;
    let c: u64 = n
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(c as i64))
}
fn conjugate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = this_int(vm, args[0])?;
    Ok(vm.new_bigint(n))
}
fn as_integer_ratio(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = this_int(vm, args[0])?;
    let v = vm.new_bigint(n);
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}
fn is_integer(_vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = this_int(vm, args[0])?;
    const SPEC: KwSpec<3> =
        KwSpec::new("to_bytes", ["length", "byteorder", "signed"]).positional(2);
    let [len, order, signed] = SPEC.parse(vm, &args[1..], kw)?;
    let len = vm.expect_ssize(len.unwrap_or(Value::Int(1)))?;
    let order = match order {
        None => "big".to_string(),
        Some(order) => vm.expect_str(order, "byteorder")?,
    };
    let signed = match signed {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if order != "big" && order != "little" {
        return Err(vm.new_value_error("byteorder must be either 'little' or 'big'".into()));
    }
    if len < 0 {
        return Err(vm.new_value_error("length argument must be non-negative".into()));
    }
    let len = len as usize;
    vm.check_alloc(len, 1)?;
    if n.is_negative() && !signed {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes = vec![0];
    }
    if bytes.len() > len && !(bytes.len() == len + 1 && !signed && bytes[len] == 0) {
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    let more = len.saturating_sub(bytes.len());
    vm.reserve_vec(&mut bytes, more)?;
    bytes.resize(len, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn from_bytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("from_bytes", ["bytes", "byteorder", "signed"])
        .required(1)
        .positional(2);
    let [data, order, signed] = SPEC.parse(vm, &args[1..], kw)?;
    let data = data.unwrap_or(Value::None);
    let bytes: Vec<u8> = match data {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Bytes(b) | Kind::ByteArray(b) => b.clone(),
            _ => {
                let items = vm.iterate(data)?;
                let mut v = vec![];
                for it in items {
                    match u8::try_from(vm.expect_int(it, "")?) {
                        Ok(b) => v.push(b),
                        Err(_) => {
                            return Err(vm.new_value_error("bytes must be in range(0, 256)".into()))
                        }
                    }
                }
                v
            }
        },
        _ => return Err(vm.new_type_error("cannot convert to bytes".into())),
    };
    let order = match order {
        None => "big".to_string(),
        Some(order) => vm.expect_str(order, "byteorder")?,
    };
    let signed = match signed {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut b = bytes;
    if order == "big" {
        b.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&b)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &b)
    };
    Ok(vm.new_bigint(n))
}

fn int_index(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = this_int(vm, args[0])?;
    Ok(vm.new_bigint(n))
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.int;
    vm.add_staticmethod(c, "__new__", int_new, Arity::any().kw());
    vm.add_classmethod(c, "from_bytes", from_bytes, Arity::parsed());
    let methods: &[NativeDef] = &[
        ("bit_length", bit_length, Arity::none()),
        ("bit_count", bit_count, Arity::none()),
        ("conjugate", conjugate, Arity::none()),
        ("as_integer_ratio", as_integer_ratio, Arity::none()),
        ("is_integer", is_integer, Arity::none()),
        ("to_bytes", to_bytes, Arity::parsed()),
        ("__index__", int_index, Arity::none()),
        ("__int__", int_index, Arity::none()),
        ("__trunc__", int_index, Arity::none()),
        ("__floor__", int_index, Arity::none()),
        ("__ceil__", int_index, Arity::none()),
    ];
    vm.add_methods(c, methods);
    let b = vm.types.bool_;
    vm.add_staticmethod(b, "__new__", bool_new, Arity::any().kw());
    let _ = ToPrimitive::to_i64(&BigInt::zero());
}

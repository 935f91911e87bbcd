//! The numeric builtins: `abs`, `bin`/`oct`/`hex`, `divmod`, `pow` (with a modulus),
//! `round`.

use super::{Args, Kw};
use crate::args::KwSpec;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use revpy_compiler::opcodes::BinOp;

pub(super) fn b_abs(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("abs", args, 1, 1)?;
    let v = args[0];
    let cls = vm.type_of(v);
    let an = vm.names.__abs__;
    if let Some(f) = vm.user_override(cls, an) {
        return vm.call_special(f, &[v]);
    }
    match vm.num_of(v) {
        Some(Num::I(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.new_bigint(BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => Ok(vm.new_bigint(b.abs())),
        Some(Num::F(f)) => Ok(Value::Float(f.abs())),
        Some(Num::C(r, i)) => Ok(Value::Float(r.hypot(i))),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("bad operand type for abs(): '{t}'")))
        }
    }
}
fn radix(vm: &mut Vm, args: Args, base: u32, prefix: &str, name: &str) -> PyResult<Value> {
    vm.check_args(name, args, 1, 1)?;
    let n = match vm.num_of(args[0]) {
        Some(n @ (Num::I(_) | Num::B(_))) if !matches!(args[0], Value::Float(_)) => n.to_big(),
        _ => match vm.index_of(args[0])? {
            Some(i) => BigInt::from(i),
            None => {
                let t = vm.type_name(args[0]);
                return Err(
                    vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    let s = if n.is_negative() {
        format!("-{prefix}{}", n.abs().to_str_radix(base))
    } else {
        format!("{prefix}{}", n.to_str_radix(base))
    };
    Ok(vm.new_str(s))
}
pub(super) fn b_bin(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    radix(vm, args, 2, "0b", "bin")
}
pub(super) fn b_oct(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    radix(vm, args, 8, "0o", "oct")
}
pub(super) fn b_hex(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    radix(vm, args, 16, "0x", "hex")
}
pub(super) fn b_divmod(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    let (lt, rt) = (vm.type_of(a), vm.type_of(b));
    // The `nb_divmod` slot as a binary operator: a subclass's `__rdivmod__` first,
    // then `__divmod__`, then `__rdivmod__`, each of which may be NotImplemented.
    let dn = vm.intern("__divmod__");
    let rdn = vm.intern("__rdivmod__");
    let mut tried_r = false;
    if lt != rt && vm.is_subclass_ref(rt, lt) {
        if let Some(f) = vm.user_override(rt, rdn) {
            tried_r = true;
            let v = vm.call_special(f, &[b, a])?;
            if !v.is(vm.not_implemented) {
                return Ok(v);
            }
        }
    }
    if let Some(f) = vm.user_override(lt, dn) {
        let v = vm.call_special(f, &[a, b])?;
        if !v.is(vm.not_implemented) {
            return Ok(v);
        }
    }
    if lt != rt && !tried_r {
        if let Some(f) = vm.user_override(rt, rdn) {
            let v = vm.call_special(f, &[b, a])?;
            if !v.is(vm.not_implemented) {
                return Ok(v);
            }
        }
    }
    // int and float (subclasses included): their floor division and modulo (not a
    // subclass's own `__floordiv__`).
    let real = |vm: &Vm, v: Value| matches!(vm.num_of(v), Some(n) if !matches!(n, Num::C(..)));
    if real(vm, a) && real(vm, b) {
        if let Some(q) = vm.native_binop(a, b, BinOp::FloorDiv)? {
            if let Some(r) = vm.native_binop(a, b, BinOp::Mod)? {
                return Ok(vm.new_tuple(vec![q, r]));
            }
        }
    }
    let (ln, rn) = (vm.type_name(a), vm.type_name(b));
    Err(vm.new_type_error(format!(
        "unsupported operand type(s) for divmod(): '{ln}' and '{rn}'"
    )))
}
pub(super) fn b_pow(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("pow", ["base", "exp", "mod"]).required(2);
    let [base, exp, m] = SPEC.parse(vm, args, kw)?;
    let (base, exp) = (base.unwrap_or(Value::None), exp.unwrap_or(Value::None));
    let m = m.unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(base, exp, BinOp::Pow);
    }
    // Three-argument power uses only the base's `__pow__` (never `__rpow__`).
    let pn = vm.names.__pow__;
    let bt = vm.type_of(base);
    if let Some(f) = vm.user_override(bt, pn) {
        let v = vm.call_special(f, &[base, exp, m])?;
        if !v.is(vm.not_implemented) {
            return Ok(v);
        }
    }
    if vm.num_of(base).is_none() || vm.num_of(exp).is_none() || vm.num_of(m).is_none() {
        let (a, b, c) = (vm.type_name(base), vm.type_name(exp), vm.type_name(m));
        return Err(vm.new_type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{a}', '{b}', '{c}'"
        )));
    }
    match (vm.num_of(base), vm.num_of(exp), vm.num_of(m)) {
        (
            Some(b @ (Num::I(_) | Num::B(_))),
            Some(e @ (Num::I(_) | Num::B(_))),
            Some(md @ (Num::I(_) | Num::B(_))),
        ) => {
            let (b, e, md) = (b.to_big(), e.to_big(), md.to_big());
            if md.is_zero() {
                return Err(vm.new_value_error("pow() 3rd argument cannot be 0".into()));
            }
            // Squarings and multiplications modulo md, one per bit of e.
            let m_limbs = md.bits().div_ceil(64);
            vm.native_work(e.bits().saturating_mul(2).saturating_mul(m_limbs * m_limbs) / 4)?;
            let r = if e.is_negative() {
                // Modular inverse.
                let inv = mod_inverse(&b, &md).ok_or_else(|| {
                    vm.new_value_error("base is not invertible for the given modulus".into())
                })?;
                inv.modpow(&(-e), &md.abs())
            } else {
                b.modpow(&e, &md.abs())
            };
            // The result has the sign of the modulus, as Python's `%`.
            let m_abs = md.abs();
            let mut r = num_integer::Integer::mod_floor(&r, &m_abs);
            if md.is_negative() && !r.is_zero() {
                r -= &m_abs;
            }
            Ok(vm.new_bigint(r))
        }
        _ => Err(vm.new_type_error(
            "pow() 3rd argument not allowed unless all arguments are integers".into(),
        )),
    }
}
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if e.gcd != BigInt::from(1) {
        return None;
    }
    Some(e.x.mod_floor(&m))
}
pub(super) fn b_round(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("round", ["number", "ndigits"]).required(1);
    let [x, nd] = SPEC.parse(vm, args, kw)?;
    let (x, nd) = (x.unwrap_or(Value::None), nd.unwrap_or(Value::None));
    let cls = vm.type_of(x);
    let rn = vm.names.__round__;
    if let Some(f) = vm.user_override(cls, rn) {
        return if nd.is_none() {
            vm.call_special(f, &[x])
        } else {
            vm.call_special(f, &[x, nd])
        };
    }
    match vm.num_of(x) {
        Some(n @ (Num::I(_) | Num::B(_))) => {
            if nd.is_none() {
                return Ok(vm.new_bigint(n.to_big()));
            }
            let d = vm.expect_int(nd, "")?;
            if d >= 0 {
                return Ok(vm.new_bigint(n.to_big()));
            }
            let p = num_traits::pow(BigInt::from(10), (-d) as usize);
            let v = n.to_big();
            use num_integer::Integer;
            let (q, r) = v.div_mod_floor(&p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && q.is_odd()) {
                q + 1
            } else {
                q
            };
            Ok(vm.new_bigint(q * p))
        }
        Some(Num::F(f)) => {
            if nd.is_none() {
                if f.is_nan() {
                    return Err(vm.new_value_error("cannot convert float NaN to integer".into()));
                }
                if f.is_infinite() {
                    return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
                }
                let r = round_half_even(f);
                return vm.float_to_int(r);
            }
            let d = vm.expect_int(nd, "")?;
            Ok(Value::Float(round_to(f, d)))
        }
        _ => {
            let t = vm.type_name(x);
            Err(vm.new_type_error(format!("type {t} doesn't define __round__ method")))
        }
    }
}
fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}
/// round(x, ndigits) correctly rounded through the decimal representation.
fn round_to(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd > 300 {
        return x;
    }
    if nd < -308 {
        return 0.0 * x.signum();
    }
    if nd >= 0 {
        // As CPython (`_Py_dg_dtoa` mode 3, then `strtod`): the exact binary value
        // rounded half-even to `nd` decimals, read back. Rust's fixed-precision
        // formatting is that correctly rounded decimal string.
        let s = format!("{:.*}", nd as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-nd) as i32);
        let y = x / p;
        let r = round_half_even(y) * p;
        if r.is_finite() {
            r
        } else {
            x
        }
    }
}

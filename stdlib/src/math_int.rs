//! The exact integer functions of `math`: factorial, isqrt, comb, perm, gcd, lcm, prod.

use crate::math::Kw;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use revpy_compiler::opcodes::BinOp;
use revpy_vm::{KwSpec, Num, PyResult, Value, Vm};

/// An integer argument (ints, bools, `__index__`), as a big int.
pub(crate) fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if !matches!(v, Value::Float(_)) {
        match vm.num_of(v) {
            Some(Num::I(i)) => return Ok(BigInt::from(i)),
            Some(Num::B(b)) => return Ok(b),
            _ => {}
        }
    }
    if let Value::Obj(_) = v {
        let n = vm.names.__index__;
        if let Some(f) = vm.lookup_special(v, n) {
            let r = vm.call_special(f, &[v])?;
            match vm.num_of(r) {
                Some(Num::I(i)) => return Ok(BigInt::from(i)),
                Some(Num::B(b)) => return Ok(b),
                _ => {
                    let t = vm.type_name(r);
                    return Err(vm.new_type_error(format!("__index__ returned non-int (type {t})")));
                }
            }
        }
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
}

/// The product lo * (lo+1) * ... * (hi-1), split in halves so big multiplications
/// stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

pub fn factorial(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.factorial", args, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values".into()));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(
            vm.new_overflow_error("factorial() argument should not exceed 9223372036854775807")
        );
    };
    let r = range_product(1, n + 1);
    Ok(vm.new_bigint(r))
}

pub fn isqrt(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.isqrt", args, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative".into()));
    }
    let r = n.sqrt();
    Ok(vm.new_bigint(r))
}

fn nonneg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Err(vm.new_value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(n)
}

fn k_small(vm: &mut Vm, k: &BigInt) -> PyResult<u64> {
    k.to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| vm.new_overflow_error("k must not exceed 9223372036854775807"))
}

/// n * (n-1) * ... * (n-k+1).
fn falling(n: &BigInt, k: u64) -> BigInt {
    if let Some(nu) = n.to_u64() {
        return range_product(nu - k + 1, nu + 1);
    }
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    acc
}

pub fn comb(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("comb expected 2 arguments, got {}", args.len())));
    }
    let n = nonneg(vm, args[0], "n")?;
    let k = nonneg(vm, args[1], "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k_small(vm, &k)?;
    let r = falling(&n, k) / range_product(1, k + 1);
    Ok(vm.new_bigint(r))
}

pub fn perm(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("perm", args, 1, 2)?;
    let n = nonneg(vm, args[0], "n")?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => nonneg(vm, *v, "k")?,
        _ => n.clone(),
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k_small(vm, &k)?;
    let r = falling(&n, k);
    Ok(vm.new_bigint(r))
}

pub fn gcd(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("gcd", kw)?;
    let mut acc = BigInt::zero();
    for &a in args {
        let x = int_arg(vm, a)?;
        acc = acc.gcd(&x);
    }
    Ok(vm.new_bigint(acc))
}

pub fn lcm(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("lcm", kw)?;
    let mut acc = BigInt::one();
    for &a in args {
        let x = int_arg(vm, a)?;
        if x.is_zero() || acc.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&x);
    }
    if acc.sign() == Sign::Minus {
        acc = -acc;
    }
    Ok(vm.new_bigint(acc))
}

/// `math.prod(iterable, /, *, start=1)`.
pub fn prod(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("prod", ["iterable", "start"])
        .required(1)
        .posonly(1)
        .positional(1);
    let [iterable, start] = SPEC.parse(vm, args, kw)?;
    let mut acc = start.unwrap_or(Value::Int(1));
    let it = vm.get_iter(iterable.unwrap_or(Value::None))?;
    while let Some(v) = vm.iter_next(it)? {
        acc = match (acc, v) {
            (Value::Int(a), Value::Int(b)) => match a.checked_mul(b) {
                Some(p) => Value::Int(p),
                None => vm.binary_op(acc, v, BinOp::Mul)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a * b),
            _ => vm.binary_op(acc, v, BinOp::Mul)?,
        };
    }
    Ok(acc)
}

//! The `math` module, in Rust: floating-point functions with CPython's error rules
//! (`math domain error` / `math range error`), and the exact integer functions
//! (in `math_int.rs`).

use crate::math_special::{self as sp, MathErr};
use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{Num, ObjRef, PyResult, Value, Vm};
use std::f64::consts;

pub(crate) use revpy_vm::Kw;

/// A float argument: int, float, or an object with `__float__` / `__index__`.
pub(crate) fn arg_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num_of(v) {
        Some(Num::F(f)) => return Ok(f),
        Some(Num::I(i)) => return Ok(i as f64),
        Some(Num::B(b)) => {
            return num_traits::ToPrimitive::to_f64(&b)
                .filter(|f| f.is_finite())
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))
        }
        _ => {}
    }
    let is_str = vm.as_str(v).is_some();
    if !is_str {
        for name in ["__float__", "__index__"] {
            let n = vm.intern(name);
            if let Some(f) = vm.lookup_special(v, n) {
                let r = vm.call_special(f, &[v])?;
                return match vm.num_of(r) {
                    Some(Num::F(f)) => Ok(f),
                    Some(Num::I(_) | Num::B(_)) if name == "__index__" => arg_f64(vm, r),
                    _ => {
                        let t = vm.type_name(v);
                        let rt = vm.type_name(r);
                        Err(vm.new_type_error(format!(
                            "{t}.__float__ returned non-float (type {rt})"
                        )))
                    }
                };
            }
        }
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!("must be real number, not {t}")))
}

pub(crate) fn domain(vm: &mut Vm) -> revpy_vm::PyErr {
    vm.new_value_error("math domain error".into())
}
pub(crate) fn range_err(vm: &mut Vm) -> revpy_vm::PyErr {
    vm.new_overflow_error("math range error")
}
fn err(vm: &mut Vm, e: MathErr) -> revpy_vm::PyErr {
    match e {
        MathErr::Domain => domain(vm),
        MathErr::Range => range_err(vm),
    }
}

/// CPython's `math_1`: NaN from non-NaN is a domain error; inf from finite is a
/// range error (if the function can overflow) or a domain error (a singularity).
fn math_1(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    vm.check_args(&format!("math.{name}"), args, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_err(vm)
        } else {
            domain(vm)
        });
    }
    Ok(Value::Float(r))
}

fn math_2(vm: &mut Vm, name: &str, args: &[Value], f: fn(f64, f64) -> f64) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    let x = arg_f64(vm, args[0])?;
    let y = arg_f64(vm, args[1])?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

macro_rules! fn1 {
    ($($name:ident, $f:expr, $ovf:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
            math_1(vm, stringify!($name), args, $f, $ovf)
        })*
    };
}
fn1! {
    acos, f64::acos, false;
    acosh, f64::acosh, false;
    asin, f64::asin, false;
    asinh, f64::asinh, false;
    atan, f64::atan, false;
    atanh, f64::atanh, false;
    cos, f64::cos, false;
    cosh, f64::cosh, true;
    sin, f64::sin, false;
    sinh, f64::sinh, true;
    tan, f64::tan, false;
    tanh, f64::tanh, false;
    exp, f64::exp, true;
    exp2, f64::exp2, true;
    expm1, f64::exp_m1, true;
    log1p, f64::ln_1p, false;
    cbrt, c_cbrt, false;
    fabs, f64::abs, false;
    sqrt, f64::sqrt, false;
    erf, c_erf, false;
    erfc, c_erfc, false;
}

fn degrees(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.degrees", args, 1, 1)?;
    Ok(Value::Float(arg_f64(vm, args[0])? * (180.0 / consts::PI)))
}
fn radians(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.radians", args, 1, 1)?;
    Ok(Value::Float(arg_f64(vm, args[0])? * (consts::PI / 180.0)))
}

extern "C" {
    #[link_name = "erf"]
    fn libm_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn libm_erfc(x: f64) -> f64;
}
fn c_erf(x: f64) -> f64 {
    // SAFETY: a pure C library function on a plain double.
    unsafe { libm_erf(x) }
}
/// glibc's `cbrt` (as CPython calls it): a polynomial guess and one Halley step.
/// Rust's runtime carries its own `cbrt` that rounds differently.
#[allow(clippy::excessive_precision)]
fn c_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = sp::frexp(x.abs());
    let u = 0.354895765043919860
        + (1.50819193781584896
            + (-2.11499494167371287
                + (2.44693122563534430
                    + (-1.83469277483613086
                        + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    sp::ldexp(if x > 0.0 { ym } else { -ym }, (xe / 3) as i64)
}
fn c_erfc(x: f64) -> f64 {
    // SAFETY: a pure C library function on a plain double.
    unsafe { libm_erfc(x) }
}

fn atan2(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    math_2(vm, "atan2", args, f64::atan2)
}
fn copysign(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    math_2(vm, "copysign", args, f64::copysign)
}
fn remainder(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    math_2(vm, "remainder", args, sp::remainder)
}
fn fmod(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("fmod expected 2 arguments, got {}", args.len())));
    }
    let x = arg_f64(vm, args[0])?;
    let y = arg_f64(vm, args[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}
fn pow(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("pow expected 2 arguments, got {}", args.len())));
    }
    let x = arg_f64(vm, args[0])?;
    let y = arg_f64(vm, args[1])?;
    match sp::pow(x, y) {
        Ok(r) => Ok(Value::Float(r)),
        Err(e) => Err(err(vm, e)),
    }
}

fn math_1a(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> Result<f64, MathErr>,
) -> PyResult<Value> {
    vm.check_args(&format!("math.{name}"), args, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    match f(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(e) => Err(err(vm, e)),
    }
}
fn gamma(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    math_1a(vm, "gamma", args, sp::tgamma)
}
fn lgamma(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    math_1a(vm, "lgamma", args, sp::lgamma)
}

/// log of an argument that may be a huge int (CPython's `loghelper`).
fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(Num::B(b)) = vm.num_of(v) {
        if b.sign() != num_bigint::Sign::Plus {
            return Err(domain(vm));
        }
        if let Some(x) = num_traits::ToPrimitive::to_f64(&b).filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        let bits = b.bits() as i64;
        let shift = bits - 64;
        let top: num_bigint::BigInt = &b >> shift as usize;
        let top = num_traits::ToPrimitive::to_f64(&top).unwrap_or(1.0);
        let (m, e) = sp::frexp(top);
        return Ok(f(m) + f(2.0) * (e as f64 + shift as f64));
    }
    let x = arg_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    if x.is_infinite() {
        return Ok(x);
    }
    Ok(f(x))
}
fn log(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.new_type_error("math.log requires 1 to 2 arguments".into()));
    }
    let num = log_of(vm, args[0], f64::ln)?;
    if let Some(&b) = args.get(1) {
        let den = log_of(vm, b, f64::ln)?;
        if den == 0.0 {
            return Err(vm.new_zero_division("float division by zero"));
        }
        return Ok(Value::Float(num / den));
    }
    Ok(Value::Float(num))
}
fn log2(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.log2", args, 1, 1)?;
    Ok(Value::Float(log_of(vm, args[0], f64::log2)?))
}
fn log10(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.log10", args, 1, 1)?;
    Ok(Value::Float(log_of(vm, args[0], f64::log10)?))
}

fn pred(vm: &mut Vm, name: &str, args: &[Value], f: fn(f64) -> bool) -> PyResult<Value> {
    vm.check_args(&format!("math.{name}"), args, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(Value::Bool(f(x)))
}
fn isfinite(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    pred(vm, "isfinite", args, f64::is_finite)
}
fn isinf(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    pred(vm, "isinf", args, f64::is_infinite)
}
fn isnan(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    pred(vm, "isnan", args, f64::is_nan)
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`, also `cmath.isclose`'s parameters.
pub(crate) const ISCLOSE: KwSpec<4> = KwSpec::new("isclose", ["a", "b", "rel_tol", "abs_tol"])
    .required(2)
    .positional(2);

/// The tolerances of `isclose`: `(rel_tol, abs_tol)`.
pub(crate) fn tolerances(
    vm: &mut Vm,
    rel: Option<Value>,
    abs: Option<Value>,
) -> PyResult<(f64, f64)> {
    let rel = match rel {
        Some(v) => arg_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => arg_f64(vm, v)?,
        None => 0.0,
    };
    Ok((rel, abs))
}

fn isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [a, b, rel, abs] = ISCLOSE.parse(vm, args, kw)?;
    let a = arg_f64(vm, a.unwrap_or(Value::None))?;
    let b = arg_f64(vm, b.unwrap_or(Value::None))?;
    let (rel, abs) = tolerances(vm, rel, abs)?;
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative".into()));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn fsum(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.fsum", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    let mut acc = sp::FSum::default();
    while let Some(v) = vm.iter_next(it)? {
        let x = arg_f64(vm, v)?;
        if acc.add(x).is_err() {
            return Err(vm.new_overflow_error("intermediate overflow in fsum"));
        }
    }
    match acc.result() {
        Ok(r) => Ok(Value::Float(r)),
        Err(()) => Err(vm.new_value_error("-inf + inf in fsum".into())),
    }
}

fn norm_of(vm: &mut Vm, vals: &[Value], what: &str) -> PyResult<f64> {
    let _ = what;
    let mut v = Vec::with_capacity(vals.len());
    let (mut max, mut nan) = (0.0f64, false);
    for &x in vals {
        let f = arg_f64(vm, x)?.abs();
        nan |= f.is_nan();
        if f > max {
            max = f;
        }
        v.push(f);
    }
    Ok(sp::vector_norm(&mut v, max, nan))
}
fn hypot(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("math.hypot", kw)?;
    Ok(Value::Float(norm_of(vm, args, "hypot")?))
}
fn dist(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("dist expected 2 arguments, got {}", args.len())));
    }
    let mut pts = vec![];
    for &a in args {
        pts.push(vm.iterate(a)?);
    }
    if pts[0].len() != pts[1].len() {
        return Err(
            vm.new_value_error("both points must have the same number of dimensions".into())
        );
    }
    let mut diffs = Vec::with_capacity(pts[0].len());
    for (p, q) in pts[0].iter().zip(pts[1].iter()) {
        let a = arg_f64(vm, *p)?;
        let b = arg_f64(vm, *q)?;
        diffs.push(Value::Float(a - b));
    }
    Ok(Value::Float(norm_of(vm, &diffs, "dist")?))
}

fn frexp(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.frexp", args, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let (m, e) = sp::frexp(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}
fn ldexp(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("ldexp expected 2 arguments, got {}", args.len())));
    }
    let x = arg_f64(vm, args[0])?;
    let e = match vm.num_of(args[1]) {
        Some(Num::I(i)) => i,
        Some(Num::B(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.new_type_error("Expected an int as second argument to ldexp.".into())),
    };
    let r = sp::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}
fn modf(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.modf", args, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let (f, i) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    Ok(vm.new_tuple(vec![Value::Float(f), Value::Float(i)]))
}
fn nextafter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    math_2(vm, "nextafter", args, sp::nextafter)
}
fn ulp(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.ulp", args, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(Value::Float(sp::ulp(x)))
}

/// `floor`, `ceil`: ints as they are, floats rounded to ints, else `__floor__` /
/// `__ceil__`, else through float.
fn round_to_int(vm: &mut Vm, args: &[Value], name: &str, up: bool) -> PyResult<Value> {
    vm.check_args(&format!("math.{name}"), args, 1, 1)?;
    let v = args[0];
    match vm.num_of(v) {
        Some(Num::F(f)) if matches!(v, Value::Float(_)) => {
            return vm.float_to_int(if up { f.ceil() } else { f.floor() })
        }
        Some(Num::I(i)) if matches!(v, Value::Int(_) | Value::Bool(_)) => return Ok(Value::Int(i)),
        _ => {}
    }
    let n = vm.intern(&format!("__{name}__"));
    if let Some(f) = vm.lookup_special(v, n) {
        return vm.call_special(f, &[v]);
    }
    let f = arg_f64(vm, v)?;
    vm.float_to_int(if up { f.ceil() } else { f.floor() })
}
fn floor(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    round_to_int(vm, args, "floor", false)
}
fn ceil(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    round_to_int(vm, args, "ceil", true)
}
fn trunc(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("math.trunc", args, 1, 1)?;
    let v = args[0];
    match v {
        Value::Float(f) => return vm.float_to_int(f.trunc()),
        Value::Int(i) => return Ok(Value::Int(i)),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        _ => {}
    }
    let n = vm.names.__trunc__;
    if let Some(f) = vm.lookup_special(v, n) {
        return vm.call_special(f, &[v]);
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!("type {t} doesn't define __trunc__ method")))
}

/// Create the `math` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("math");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("acos", acos, Arity::exactly(1)),
        ("acosh", acosh, Arity::exactly(1)),
        ("asin", asin, Arity::exactly(1)),
        ("asinh", asinh, Arity::exactly(1)),
        ("atan", atan, Arity::exactly(1)),
        ("atan2", atan2, Arity::exactly(2)),
        ("atanh", atanh, Arity::exactly(1)),
        ("cbrt", cbrt, Arity::exactly(1)),
        ("ceil", ceil, Arity::exactly(1)),
        ("comb", crate::math_int::comb, Arity::exactly(2)),
        ("copysign", copysign, Arity::exactly(2)),
        ("cos", cos, Arity::exactly(1)),
        ("cosh", cosh, Arity::exactly(1)),
        ("degrees", degrees, Arity::exactly(1)),
        ("dist", dist, Arity::exactly(2)),
        ("erf", erf, Arity::exactly(1)),
        ("erfc", erfc, Arity::exactly(1)),
        ("exp", exp, Arity::exactly(1)),
        ("exp2", exp2, Arity::exactly(1)),
        ("expm1", expm1, Arity::exactly(1)),
        ("fabs", fabs, Arity::exactly(1)),
        ("factorial", crate::math_int::factorial, Arity::exactly(1)),
        ("floor", floor, Arity::exactly(1)),
        ("fmod", fmod, Arity::exactly(2)),
        ("frexp", frexp, Arity::exactly(1)),
        ("fsum", fsum, Arity::exactly(1)),
        ("gamma", gamma, Arity::exactly(1)),
        ("gcd", crate::math_int::gcd, Arity::any()),
        ("hypot", hypot, Arity::any()),
        ("isclose", isclose, Arity::parsed()),
        ("isfinite", isfinite, Arity::exactly(1)),
        ("isinf", isinf, Arity::exactly(1)),
        ("isnan", isnan, Arity::exactly(1)),
        ("isqrt", crate::math_int::isqrt, Arity::exactly(1)),
        ("lcm", crate::math_int::lcm, Arity::any()),
        ("ldexp", ldexp, Arity::exactly(2)),
        ("lgamma", lgamma, Arity::exactly(1)),
        (
            "log",
            log,
            Arity::range(1, 2).msg("math.log requires 1 to 2 arguments"),
        ),
        ("log10", log10, Arity::exactly(1)),
        ("log1p", log1p, Arity::exactly(1)),
        ("log2", log2, Arity::exactly(1)),
        ("modf", modf, Arity::exactly(1)),
        ("nextafter", nextafter, Arity::exactly(2)),
        ("perm", crate::math_int::perm, Arity::range(1, 2)),
        ("pow", pow, Arity::exactly(2)),
        ("prod", crate::math_int::prod, Arity::parsed()),
        ("radians", radians, Arity::exactly(1)),
        ("remainder", remainder, Arity::exactly(2)),
        ("sin", sin, Arity::exactly(1)),
        ("sinh", sinh, Arity::exactly(1)),
        ("sqrt", sqrt, Arity::exactly(1)),
        ("tan", tan, Arity::exactly(1)),
        ("tanh", tanh, Arity::exactly(1)),
        ("trunc", trunc, Arity::exactly(1)),
        ("ulp", ulp, Arity::exactly(1)),
    ];
    vm.add_functions(d, fns);
    for (n, v) in [
        ("pi", consts::PI),
        ("e", consts::E),
        ("tau", consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let k = vm.intern(n);
        vm.dict_set(d, k, Value::Float(v))?;
    }
    Ok(m)
}

//! `cmath` basics: sqrt, exp, log, log10, phase, polar, rect, the trigonometric and
//! hyperbolic functions (finite arguments follow CPython's formulas), isfinite,
//! isinf, isnan, isclose, and the constants.

use crate::math::{arg_f64, domain, range_err, Kw};
use revpy_compiler::opcodes::BinOp;
use revpy_vm::{Arity, NativeDef};
use revpy_vm::{Num, ObjRef, PyResult, Value, Vm};
use std::f64::consts;

type C = (f64, f64);

/// A complex argument: complex, real, or an object with `__complex__`/`__float__`.
fn arg_c(vm: &mut Vm, v: Value) -> PyResult<C> {
    if let Some(Num::C(re, im)) = vm.num_of(v) {
        return Ok((re, im));
    }
    let n = vm.intern("__complex__");
    if let Some(f) = vm.lookup_special(v, n) {
        let r = vm.call_special(f, &[v])?;
        if let Some(Num::C(re, im)) = vm.num_of(r) {
            return Ok((re, im));
        }
        let t = vm.type_name(r);
        return Err(vm.new_type_error(format!("__complex__ returned non-complex (type {t})")));
    }
    match arg_f64(vm, v) {
        Ok(x) => Ok((x, 0.0)),
        Err(_) => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("must be real number, not {t}")))
        }
    }
}

fn result(vm: &mut Vm, z: C, r: C) -> PyResult<Value> {
    let fin = z.0.is_finite() && z.1.is_finite();
    if fin && (r.0.is_nan() || r.1.is_nan()) {
        return Err(domain(vm));
    }
    if fin && (r.0.is_infinite() || r.1.is_infinite()) {
        return Err(range_err(vm));
    }
    Ok(vm.new_complex(r.0, r.1))
}

fn c_sqrt(z: C) -> C {
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    if z.1.is_infinite() {
        return (f64::INFINITY, z.1);
    }
    if z.0.is_infinite() {
        return if z.0 > 0.0 {
            (
                z.0,
                if z.1.is_nan() {
                    z.1
                } else {
                    0f64.copysign(z.1)
                },
            )
        } else {
            (
                if z.1.is_nan() { z.1.abs() } else { 0.0 },
                f64::INFINITY.copysign(z.1),
            )
        };
    }
    let ax = z.0.abs() / 8.0;
    let ay = z.1.abs();
    let s = 2.0 * (ax + ax.hypot(ay / 8.0)).sqrt();
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    }
}

fn c_exp(z: C) -> C {
    if z.1 == 0.0 && z.0.is_finite() {
        return (z.0.exp(), z.1);
    }
    let l = z.0.exp();
    (l * z.1.cos(), l * z.1.sin())
}

const LARGE: f64 = f64::MAX / 4.0;

fn c_log(z: C) -> Result<C, ()> {
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + consts::LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let s = 2f64.powi(53);
            (ax * s).hypot(ay * s).ln() - 53.0 * consts::LN_2
        } else {
            return Err(());
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((re, z.1.atan2(z.0)))
}

fn c_sinh(z: C) -> C {
    (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
}
fn c_cosh(z: C) -> C {
    (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
}
fn c_tanh(z: C) -> C {
    let (x, y) = z;
    if x.abs() > 354.0 {
        return (
            1f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        );
    }
    let tx = x.tanh();
    let ty = y.tan();
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}
fn c_sin(z: C) -> C {
    let r = c_sinh((-z.1, z.0));
    (r.1, -r.0)
}
fn c_cos(z: C) -> C {
    c_cosh((-z.1, z.0))
}
fn c_tan(z: C) -> C {
    let r = c_tanh((-z.1, z.0));
    (r.1, -r.0)
}

macro_rules! cfn {
    ($($name:ident, $f:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
            vm.check_args(stringify!($name), args, 1, 1)?;
            let z = arg_c(vm, args[0])?;
            let r = $f(z);
            result(vm, z, r)
        })*
    };
}
cfn! {
    sqrt, c_sqrt;
    exp, c_exp;
    sin, c_sin;
    cos, c_cos;
    tan, c_tan;
    sinh, c_sinh;
    cosh, c_cosh;
    tanh, c_tanh;
}

fn log_value(vm: &mut Vm, v: Value) -> PyResult<C> {
    let z = arg_c(vm, v)?;
    c_log(z).map_err(|_| domain(vm))
}
fn log(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("log", args, 1, 2)?;
    let l = log_value(vm, args[0])?;
    let lv = vm.new_complex(l.0, l.1);
    match args.get(1) {
        Some(&b) => {
            let lb = log_value(vm, b)?;
            let lbv = vm.new_complex(lb.0, lb.1);
            vm.binary_op(lv, lbv, BinOp::TrueDiv)
        }
        None => Ok(lv),
    }
}
fn log10(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("log10", args, 1, 1)?;
    let l = log_value(vm, args[0])?;
    Ok(vm.new_complex(l.0 / consts::LN_10, l.1 / consts::LN_10))
}
fn phase(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("phase", args, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    Ok(Value::Float(z.1.atan2(z.0)))
}
fn polar(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("polar", args, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    let r = z.0.hypot(z.1);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return Err(range_err(vm));
    }
    Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(z.1.atan2(z.0))]))
}
fn rect(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.new_type_error(format!("rect expected 2 arguments, got {}", args.len())));
    }
    let r = arg_f64(vm, args[0])?;
    let phi = arg_f64(vm, args[1])?;
    if r.is_finite() && phi.is_infinite() {
        return Err(domain(vm));
    }
    let (re, im) = if phi == 0.0 {
        (r, phi * r)
    } else {
        (r * phi.cos(), r * phi.sin())
    };
    Ok(vm.new_complex(re, im))
}
fn pred(vm: &mut Vm, args: &[Value], name: &str, f: fn(C) -> bool) -> PyResult<Value> {
    vm.check_args(name, args, 1, 1)?;
    let z = arg_c(vm, args[0])?;
    Ok(Value::Bool(f(z)))
}
fn isfinite(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    pred(vm, args, "isfinite", |z| z.0.is_finite() && z.1.is_finite())
}
fn isinf(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    pred(vm, args, "isinf", |z| {
        z.0.is_infinite() || z.1.is_infinite()
    })
}
fn isnan(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    pred(vm, args, "isnan", |z| z.0.is_nan() || z.1.is_nan())
}
fn isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [a, b, rel, abs] = crate::math::ISCLOSE.parse(vm, args, kw)?;
    let a = arg_c(vm, a.unwrap_or(Value::None))?;
    let b = arg_c(vm, b.unwrap_or(Value::None))?;
    let (rel, abs) = crate::math::tolerances(vm, rel, abs)?;
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative".into()));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b.0 - a.0).hypot(b.1 - a.1);
    let ma = a.0.hypot(a.1);
    let mb = b.0.hypot(b.1);
    Ok(Value::Bool(
        diff <= rel * mb || diff <= rel * ma || diff <= abs,
    ))
}

/// Create the `cmath` module.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("cmath");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("sqrt", sqrt, Arity::exactly(1)),
        ("exp", exp, Arity::exactly(1)),
        ("log", log, Arity::range(1, 2)),
        ("log10", log10, Arity::exactly(1)),
        ("phase", phase, Arity::exactly(1)),
        ("polar", polar, Arity::exactly(1)),
        ("rect", rect, Arity::exactly(2)),
        ("sin", sin, Arity::exactly(1)),
        ("cos", cos, Arity::exactly(1)),
        ("tan", tan, Arity::exactly(1)),
        ("sinh", sinh, Arity::exactly(1)),
        ("cosh", cosh, Arity::exactly(1)),
        ("tanh", tanh, Arity::exactly(1)),
        ("isfinite", isfinite, Arity::exactly(1)),
        ("isinf", isinf, Arity::exactly(1)),
        ("isnan", isnan, Arity::exactly(1)),
        ("isclose", isclose, Arity::parsed()),
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
    for (n, v) in [("infj", f64::INFINITY), ("nanj", f64::NAN)] {
        let k = vm.intern(n);
        let c = vm.new_complex(0.0, v);
        vm.dict_set(d, k, c)?;
    }
    Ok(m)
}

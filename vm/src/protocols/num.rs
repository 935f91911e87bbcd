//! Numeric arithmetic with CPython's semantics: machine ints promote to big ints,
//! floor division and modulo round toward negative infinity, true division gives
//! floats, `**` with negative exponents gives floats, bools act as ints.

use crate::object::limits::MAX_INT_BYTES;
use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use revpy_compiler::opcodes::BinOp;

/// A number, unpacked from a value.
#[derive(Clone, Debug)]
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
    C(f64, f64),
}

impl Num {
    pub fn to_big(&self) -> BigInt {
        match self {
            Num::I(i) => BigInt::from(*i),
            Num::B(b) => b.clone(),
            _ => BigInt::zero(),
        }
    }
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Num::I(i) => Some(*i as f64),
            Num::B(b) => b.to_f64().filter(|f| f.is_finite()),
            Num::F(f) => Some(*f),
            Num::C(..) => None,
        }
    }
    fn is_int(&self) -> bool {
        matches!(self, Num::I(_) | Num::B(_))
    }
}

impl Vm {
    /// The number a value holds (ints, bools, floats, complex, and their subclasses).
    pub fn num_of(&self, v: Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::I(i)),
            Value::Bool(b) => Some(Num::I(b as i64)),
            Value::Float(f) => Some(Num::F(f)),
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::BigInt(b) => Some(Num::B((**b).clone())),
                Kind::Complex(re, im) => Some(Num::C(*re, *im)),
                Kind::Boxed(inner) => self.num_of(*inner),
                _ => None,
            },
            _ => None,
        }
    }

    /// An int value from a big int, as a machine int when it fits.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => {
                let c = self.types.int;
                Value::Obj(self.heap.alloc(c, Kind::BigInt(Box::new(b))))
            }
        }
    }

    pub fn new_complex(&mut self, re: f64, im: f64) -> Value {
        let c = self.types.complex;
        Value::Obj(self.heap.alloc(c, Kind::Complex(re, im)))
    }

    pub fn num_value(&mut self, n: Num) -> Value {
        match n {
            Num::I(i) => Value::Int(i),
            Num::B(b) => self.new_bigint(b),
            Num::F(f) => Value::Float(f),
            Num::C(r, i) => self.new_complex(r, i),
        }
    }

    /// Arithmetic between two numbers; `None` if the operator does not apply.
    pub fn num_binop(
        &mut self,
        a: Num,
        b: Num,
        op: BinOp,
        bools: (bool, bool),
    ) -> PyResult<Option<Value>> {
        use Num::*;
        // Bitwise operators on two bools give a bool.
        if bools.0 && bools.1 && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
            let (x, y) = (matches!(a, I(1)), matches!(b, I(1)));
            return Ok(Some(Value::Bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            })));
        }
        if a.is_int() && b.is_int() {
            return self.int_binop(a, b, op).map(Some);
        }
        if let (C(..), _) | (_, C(..)) = (&a, &b) {
            return self.complex_binop(a, b, op);
        }
        let (Some(x), Some(y)) = (a.to_f64(), b.to_f64()) else {
            return Err(self.new_overflow_error("int too large to convert to float"));
        };
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.new_zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.new_zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.new_zero_division("float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => return self.float_pow(x, y).map(Some),
            _ => return Ok(None),
        };
        Ok(Some(Value::Float(r)))
    }

    fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.new_zero_division("0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            // A negative base with a fractional exponent gives a complex result,
            // computed as CPython's `_Py_c_pow`: |x| ** y at the angle atan2(0, x) * y.
            let (m, theta) = ((-x).powf(y), std::f64::consts::PI * y);
            return Ok(self.new_complex(m * theta.cos(), m * theta.sin()));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.new_overflow_error("(34, 'Numerical result out of range')"));
        }
        Ok(Value::Float(r))
    }

    fn int_binop(&mut self, a: Num, b: Num, op: BinOp) -> PyResult<Value> {
        use Num::*;
        if let (I(x), I(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            let fast = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::FloorDiv => {
                    if y == 0 {
                        return Err(self.new_zero_division("integer division or modulo by zero"));
                    }
                    x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
                }
                BinOp::Mod => {
                    if y == 0 {
                        return Err(self.new_zero_division("integer modulo by zero"));
                    }
                    x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y))
                }
                BinOp::And => Some(x & y),
                BinOp::Or => Some(x | y),
                BinOp::Xor => Some(x ^ y),
                BinOp::LShift => {
                    if y < 0 {
                        return Err(self.new_value_error("negative shift count".into()));
                    }
                    // Through i128 (no `abs` of i64::MIN): exact when it fits an i64.
                    if y < 64 {
                        i64::try_from((x as i128) << y).ok()
                    } else if x == 0 {
                        Some(0)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if y < 0 {
                        return Err(self.new_value_error("negative shift count".into()));
                    }
                    Some(if y >= 64 {
                        if x < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        x >> y
                    })
                }
                BinOp::TrueDiv => {
                    if y == 0 {
                        return Err(self.new_zero_division("division by zero"));
                    }
                    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                        return Ok(Value::Float(x as f64 / y as f64));
                    }
                    None
                }
                BinOp::Pow => {
                    if y < 0 {
                        if x == 0 {
                            return Err(
                                self.new_zero_division("0.0 cannot be raised to a negative power")
                            );
                        }
                        return self.float_pow(x as f64, y as f64);
                    }
                    if y <= u32::MAX as i64 {
                        x.checked_pow(y as u32)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(v) = fast {
                return Ok(Value::Int(v));
            }
        }
        let x = a.to_big();
        let y = b.to_big();
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => {
                if (x.bits() + y.bits()) / 8 > MAX_INT_BYTES as u64 {
                    return Err(self.memory_error());
                }
                self.native_work(mul_cost(x.bits(), y.bits()))?;
                x * y
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.new_zero_division(if op == BinOp::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    }));
                }
                // Long division: about (limbs of y) x (limbs of the quotient).
                let (lx, ly) = (limbs(x.bits()), limbs(y.bits()));
                self.native_work(ly.saturating_mul(lx.saturating_sub(ly) + 1))?;
                if op == BinOp::FloorDiv {
                    x.div_floor(&y)
                } else {
                    x.mod_floor(&y)
                }
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.new_value_error("negative shift count".into()));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                // The result has bits(x) + s bits: refuse what cannot be allocated.
                match y.to_usize() {
                    Some(s) if s.saturating_add(x.bits() as usize) / 8 <= MAX_INT_BYTES => x << s,
                    _ => return Err(self.memory_error()),
                }
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.new_value_error("negative shift count".into()));
                }
                let s = y.to_usize().unwrap_or(usize::MAX);
                if s > x.bits() as usize + 1 {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    // Python's >> floors.
                    let d = BigInt::from(1) << s;
                    x.div_floor(&d)
                }
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(self.new_zero_division("division by zero"));
                }
                return Ok(Value::Float(big_true_div(&x, &y)));
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let (fx, fy) = (
                        x.to_f64().unwrap_or(f64::INFINITY),
                        y.to_f64().unwrap_or(f64::NEG_INFINITY),
                    );
                    return self.float_pow(fx, fy);
                }
                if x.is_zero() || x.is_one() {
                    return Ok(Value::Int(if y.is_zero() {
                        1
                    } else {
                        x.to_i64().unwrap_or(0)
                    }));
                }
                if x == BigInt::from(-1) {
                    return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
                }
                // |x| >= 2: the result has about e * log2|x| bits.
                let log2 = match x.abs().to_f64() {
                    Some(f) if f.is_finite() => f.log2(),
                    _ => x.bits() as f64,
                };
                match y.to_u64() {
                    Some(e) if e as f64 * log2 / 8.0 <= MAX_INT_BYTES as f64 => {
                        // Squarings up to the result's size cost about 1.5 times
                        // the last one.
                        let bits = (e as f64 * log2) as u64;
                        self.native_work(mul_cost(bits, bits).saturating_mul(3) / 2)?;
                        num_traits::pow::Pow::pow(x, e)
                    }
                    _ => return Err(self.memory_error()),
                }
            }
            BinOp::MatMul => {
                return Err(self
                    .new_type_error("unsupported operand type(s) for @: 'int' and 'int'".into()))
            }
            _ => unreachable!("in-place ops are mapped to their base"),
        };
        Ok(self.new_bigint(r))
    }

    fn complex_binop(&mut self, a: Num, b: Num, op: BinOp) -> PyResult<Option<Value>> {
        let c = |n: &Num| match n {
            Num::C(r, i) => (*r, *i),
            other => (other.to_f64().unwrap_or(f64::INFINITY), 0.0),
        };
        let (ar, ai) = c(&a);
        let (br, bi) = c(&b);
        let (r, i) = match op {
            BinOp::Add => (ar + br, ai + bi),
            BinOp::Sub => (ar - br, ai - bi),
            BinOp::Mul => (ar * br - ai * bi, ar * bi + ai * br),
            BinOp::TrueDiv => {
                // CPython's `_Py_c_quot` (Smith's algorithm), for identical rounding.
                let (abr, abi) = (br.abs(), bi.abs());
                if abr >= abi {
                    if abr == 0.0 {
                        return Err(self.new_zero_division("complex division by zero"));
                    }
                    let ratio = bi / br;
                    let denom = br + bi * ratio;
                    ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
                } else if abi >= abr {
                    let ratio = br / bi;
                    let denom = br * ratio + bi;
                    ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
                } else {
                    (f64::NAN, f64::NAN)
                }
            }
            BinOp::Pow => {
                if ar == 0.0 && ai == 0.0 {
                    if bi == 0.0 && br >= 0.0 {
                        return Ok(Some(
                            self.new_complex(if br == 0.0 { 1.0 } else { 0.0 }, 0.0),
                        ));
                    }
                    return Err(self.new_zero_division("0.0 to a negative or complex power"));
                }
                // Integer powers by repeated multiplication, as CPython does for small ones.
                if bi == 0.0 && br.fract() == 0.0 && br.abs() <= 100.0 {
                    let mut n = br.abs() as i64;
                    let (mut rr, mut ri) = (1.0, 0.0);
                    let (mut xr, mut xi) = (ar, ai);
                    while n > 0 {
                        if n & 1 == 1 {
                            let t = rr * xr - ri * xi;
                            ri = rr * xi + ri * xr;
                            rr = t;
                        }
                        let t = xr * xr - xi * xi;
                        xi *= 2.0 * xr;
                        xr = t;
                        n >>= 1;
                    }
                    if br < 0.0 {
                        let d = rr * rr + ri * ri;
                        (rr / d, -ri / d)
                    } else {
                        (rr, ri)
                    }
                } else {
                    let abs = ar.hypot(ai);
                    let arg = ai.atan2(ar);
                    let len = abs.powf(br) * (-bi * arg).exp();
                    let phase = arg * br + bi * abs.ln();
                    (len * phase.cos(), len * phase.sin())
                }
            }
            BinOp::FloorDiv | BinOp::Mod => {
                return Err(self.new_type_error(format!(
                    "unsupported operand type(s) for {}: 'complex' and 'complex'",
                    op.symbol()
                )))
            }
            _ => return Ok(None),
        };
        Ok(Some(self.new_complex(r, i)))
    }
}

/// Python's float divmod: the remainder has the sign of the divisor.
/// 64-bit limbs of a number of `bits` bits.
fn limbs(bits: u64) -> u64 {
    bits.div_ceil(64)
}

/// Estimated work of multiplying numbers of `a` and `b` bits, in units of about one
/// instruction's time (schoolbook below 32 limbs, Karatsuba's n^1.585 above, as
/// num-bigint does), for `Vm::native_work`.
fn mul_cost(a: u64, b: u64) -> u64 {
    let (la, lb) = (limbs(a), limbs(b));
    let (small, big) = (la.min(lb), la.max(lb));
    let work = if small <= 32 {
        (small * big) as f64
    } else {
        // `big / small` Karatsuba products of two `small`-limb halves.
        (big as f64 / small as f64) * (small as f64).powf(1.585)
    };
    (work / 4.0) as u64
}

pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Correctly rounded-enough true division of big ints.
fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
        if a.is_finite() && b.is_finite() && a.abs() < 9.0e15 && b.abs() < 9.0e15 {
            return a / b;
        }
    }
    // Scale so the quotient keeps 64 significant bits.
    let shift = (x.bits() as i64 - y.bits() as i64 - 64).max(-1100);
    let (q, s) = if shift > 0 {
        (x / (y << shift as usize), shift)
    } else {
        ((x << (-shift) as usize) / y, shift)
    };
    q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(s as i32)
}

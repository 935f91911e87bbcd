//! Constant folding, as CPython 3.11's AST optimizer (`Python/ast_opt.c`) does it:
//! unary and binary operators on constants (with the same size limits, so that what is
//! folded, and therefore which values are shared constants, matches CPython), and
//! constant lists and sets used as iterables (`for x in [..]`, `x in {..}`) turned into
//! tuples and frozensets.
//!
//! Only operations whose result the VM would compute identically are folded; anything
//! else (errors, float `//`, `%` and `**`, huge results) is left for run time.

use crate::code::Constant;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{self, Expr};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

fn big(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn int_const(b: BigInt) -> Constant {
    match b.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(Box::new(b)),
    }
}

/// A float operand: floats, and ints exactly representable as floats.
fn float_operand(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) if i.unsigned_abs() < (1u64 << 53) => Some(*i as f64),
        _ => None,
    }
}

fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        _ => return None,
    })
}

/// `op operand` on a constant.
pub(crate) fn fold_unary(op: ast::UnaryOp, c: Constant) -> Option<Constant> {
    use ast::UnaryOp::*;
    let c = match c {
        Constant::Bool(b) if op != Not => Constant::Int(b as i64),
        c => c,
    };
    match (op, c) {
        (Not, c) => truthy(&c).map(|b| Constant::Bool(!b)),
        (USub, Constant::Int(i)) => Some(match i.checked_neg() {
            Some(n) => Constant::Int(n),
            None => int_const(-BigInt::from(i)),
        }),
        (USub, Constant::BigInt(b)) => Some(int_const(-*b)),
        (USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (USub, Constant::Complex(r, i)) => Some(Constant::Complex(-r, -i)),
        (
            UAdd,
            c @ (Constant::Int(_)
            | Constant::BigInt(_)
            | Constant::Float(_)
            | Constant::Complex(..)),
        ) => Some(c),
        (Invert, Constant::Int(i)) => Some(Constant::Int(!i)),
        (Invert, Constant::BigInt(b)) => Some(int_const(-*b - 1)),
        _ => None,
    }
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (mut q, mut r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    (q, r)
}

fn fold_int(op: ast::Operator, a: BigInt, b: BigInt) -> Option<Constant> {
    use ast::Operator::*;
    let bits = |x: &BigInt| x.bits();
    Some(int_const(match op {
        Add => a + b,
        Sub => a - b,
        Mult => {
            if bits(&a) + bits(&b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        FloorDiv | Mod => {
            if b.is_zero() {
                return None;
            }
            let (q, r) = floor_divmod(&a, &b);
            if op == FloorDiv {
                q
            } else {
                r
            }
        }
        Div => {
            let (x, y) = (a.to_i64()?, b.to_i64()?);
            if y == 0 || x.unsigned_abs() >= (1 << 53) || y.unsigned_abs() >= (1 << 53) {
                return None;
            }
            return Some(Constant::Float(x as f64 / y as f64));
        }
        Pow => {
            if b.is_negative() {
                return None;
            }
            let w = b.to_u64()?;
            if !a.is_zero() && w > 0 && bits(&a) > MAX_INT_SIZE / w {
                return None;
            }
            num_traits::pow::pow(a, w as usize)
        }
        LShift => {
            if b.is_negative() {
                return None;
            }
            let w = b.to_u64()?;
            if !a.is_zero() && (w > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - w) {
                return None;
            }
            a << w as usize
        }
        RShift => {
            if b.is_negative() {
                return None;
            }
            let w = b.to_u64().unwrap_or(u64::MAX).min(u32::MAX as u64);
            a >> w as usize
        }
        BitAnd => a & b,
        BitOr => a | b,
        BitXor => a ^ b,
        MatMult => return None,
    }))
}

fn repeat_count(n: &Constant) -> Option<i64> {
    match n {
        Constant::Int(i) => Some(*i),
        _ => None,
    }
}

/// `l op r` on constants.
pub(crate) fn fold_binary(op: ast::Operator, l: Constant, r: Constant) -> Option<Constant> {
    use ast::Operator::*;
    use Constant as C;
    // Bools take part as ints (CPython folds True + 1), except in bitwise operators
    // where two bools give a bool: left alone.
    if matches!((&l, &r), (C::Bool(_), _) | (_, C::Bool(_))) {
        return None;
    }
    if let (Some(a), Some(b)) = (big(&l), big(&r)) {
        return fold_int(op, a, b);
    }
    if matches!(l, C::Float(_)) || matches!(r, C::Float(_)) {
        let (x, y) = (float_operand(&l)?, float_operand(&r)?);
        return Some(C::Float(match op {
            Add => x + y,
            Sub => x - y,
            Mult => x * y,
            Div if y != 0.0 => x / y,
            _ => return None,
        }));
    }
    match (op, l, r) {
        (Add, C::Str(a), C::Str(b)) => Some(C::Str(format!("{a}{b}").into())),
        (Add, C::Bytes(a), C::Bytes(b)) => Some(C::Bytes([&a[..], &b[..]].concat().into())),
        (Add, C::Tuple(a), C::Tuple(b)) => {
            Some(C::Tuple(a.iter().chain(b.iter()).cloned().collect()))
        }
        (Mult, s @ (C::Str(_) | C::Bytes(_) | C::Tuple(_)), n)
        | (Mult, n, s @ (C::Str(_) | C::Bytes(_) | C::Tuple(_))) => {
            let n = repeat_count(&n)?.max(0) as usize;
            match s {
                C::Str(a) => {
                    let len = a.chars().count();
                    (len.checked_mul(n)? <= MAX_STR_SIZE).then(|| C::Str(a.repeat(n).into()))
                }
                C::Bytes(a) => {
                    (a.len().checked_mul(n)? <= MAX_STR_SIZE).then(|| C::Bytes(a.repeat(n).into()))
                }
                C::Tuple(a) => (a.len().checked_mul(n)? <= MAX_COLLECTION_SIZE)
                    .then(|| C::Tuple(a.iter().cloned().cycle().take(a.len() * n).collect())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Every element of a display, if all are constants (and none is starred).
pub(crate) fn const_elements(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter().map(super::expr::constant_of).collect()
}

/// An iterable operand CPython makes a constant (`fold_iter`): a list of constants as a
/// tuple, a set of constants as a frozenset.
pub(crate) fn iter_constant(e: &Expr) -> Option<Constant> {
    match e {
        Expr::List(l) => const_elements(&l.elts).map(|v| Constant::Tuple(v.into())),
        Expr::Set(s) => const_elements(&s.elts).map(|v| Constant::FrozenSet(v.into())),
        _ => None,
    }
}

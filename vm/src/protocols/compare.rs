//! Comparisons of built-in values without dunder calls (numbers, strings, bytes,
//! sequences, dicts, sets), with CPython's semantics and error messages.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::CmpOp;
use std::cmp::Ordering;

fn ord_result(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}
fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(_) | Num::B(_), Num::I(_) | Num::B(_)) => Some(a.to_big().cmp(&b.to_big())),
        (Num::F(x), other) | (other, Num::F(x)) => {
            let flip = matches!(b, Num::F(_)) && !matches!(a, Num::F(_));
            let xv = *x;
            if xv.is_nan() {
                return None;
            }
            let o = if xv.is_infinite() {
                if xv > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            } else {
                // Compare exactly: floor of the float against the int.
                let fl = xv.floor();
                let ib = other.to_big();
                let fb = crate::types::int::float_to_bigint(fl);
                match fb.cmp(&ib) {
                    Ordering::Equal => {
                        if xv > fl {
                            Ordering::Greater
                        } else {
                            Ordering::Equal
                        }
                    }
                    o => o,
                }
            };
            Some(if flip { o.reverse() } else { o })
        }
        _ => None,
    }
}
/// Comparisons between built-in values; `None` when the types do not compare.
pub fn native_compare(vm: &mut Vm, l: Value, r: Value, op: CmpOp) -> PyResult<Option<bool>> {
    if let (Some(a), Some(b)) = (vm.num_of(l), vm.num_of(r)) {
        if let (Num::C(..), _) | (_, Num::C(..)) = (&a, &b) {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                let ca = match a {
                    Num::C(x, y) => (x, y),
                    other => (other.to_f64().unwrap_or(f64::NAN), 0.0),
                };
                let cb = match b {
                    Num::C(x, y) => (x, y),
                    other => (other.to_f64().unwrap_or(f64::NAN), 0.0),
                };
                return Ok(Some((ca == cb) == (op == CmpOp::Eq)));
            }
            return Ok(None);
        }
        return Ok(Some(match num_cmp(&a, &b) {
            Some(o) => ord_result(o, op),
            None => op == CmpOp::Ne,
        }));
    }
    let (Value::Obj(a), Value::Obj(b)) = (l, r) else {
        return Ok(match op {
            CmpOp::Eq if l.is_none() || r.is_none() => Some(l.is(r)),
            CmpOp::Ne if l.is_none() || r.is_none() => Some(!l.is(r)),
            _ => None,
        });
    };
    match (vm.heap.kind(a), vm.heap.kind(b)) {
        (Kind::Str(x), Kind::Str(y)) => Ok(Some(ord_result(x.s.cmp(&y.s), op))),
        (Kind::Bytes(x) | Kind::ByteArray(x), Kind::Bytes(y) | Kind::ByteArray(y)) => {
            Ok(Some(ord_result(x.cmp(y), op)))
        }
        (Kind::List(x), Kind::List(y)) | (Kind::Tuple(x), Kind::Tuple(y)) => {
            let (x, y) = (x.clone(), y.clone());
            vm.nested(IN_COMPARISON, |vm| seq_compare(vm, &x, &y, op))
                .map(Some)
        }
        (Kind::Set(_) | Kind::FrozenSet(_), Kind::Set(_) | Kind::FrozenSet(_)) => vm
            .nested(IN_COMPARISON, |vm| {
                crate::types::set::set_compare(vm, l, r, op)
            })
            .map(Some),
        (Kind::Dict(_), Kind::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => vm
            .nested(IN_COMPARISON, |vm| dict_eq(vm, a, b))
            .map(|eq| Some(eq == (op == CmpOp::Eq))),
        (Kind::Slice(s1), Kind::Slice(s2)) => {
            // Slices compare as (start, stop, step) tuples.
            let (x, y) = (s1.to_vec(), s2.to_vec());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Kind::Range(..) | Kind::BigRange(_), Kind::Range(..) | Kind::BigRange(_))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
        {
            let eq = vm.range_eq(a, b);
            Ok(Some(eq == (op == CmpOp::Eq)))
        }
        (Kind::DictView(d1, w1), Kind::DictView(d2, w2))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) && *w1 != 1 && *w1 == *w2 =>
        {
            let (x, y) = (Value::Obj(*d1), Value::Obj(*d2));
            let xs = vm.iterate(l)?;
            let ys = vm.iterate(r)?;
            let _ = (x, y);
            let s1 = vm.new_set_from(xs)?;
            let s2 = vm.new_set_from(ys)?;
            crate::types::set::set_compare(vm, s1, s2, op).map(Some)
        }
        (Kind::DictView(_, w), Kind::Set(_) | Kind::FrozenSet(_)) if *w != 1 => {
            let xs = vm.iterate(l)?;
            let s1 = vm.new_set_from(xs)?;
            crate::types::set::set_compare(vm, s1, r, op).map(Some)
        }
        _ => Ok(None),
    }
}
/// The end of CPython's RecursionError message for comparisons nested too deep.
const IN_COMPARISON: &str = " in comparison";
/// `a == b` for two dicts.
fn dict_eq(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    let (xi, yl) = (vm.dict_items(a), vm.dict_len(b));
    if xi.len() != yl {
        return Ok(false);
    }
    for (k, v) in xi {
        match vm.dict_get(b, k)? {
            Some(w) if vm.eq(v, w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}
fn seq_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !vm.eq(*p, *q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let v = vm.compare(*p, *q, op)?;
                    vm.truthy(v)
                }
            };
        }
    }
    Ok(ord_result(x.len().cmp(&y.len()), op))
}

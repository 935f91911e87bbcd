//! The operator instructions: the register fast paths of arithmetic and
//! comparison on ints and floats (called inside `dispatch.rs`'s arms, inlined), and
//! the general cases, which go to the protocols (`protocols/ops.rs`,
//! `protocols/compare.rs`, `protocols/subscript.rs`, ...). `dispatch.rs` calls the
//! `*_op` methods after `sync!()`; each works on `self.stack`.

use super::quicken::{EQUAL, UNORDERED};
use crate::object::{IterKind, Kind, Value};
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::{BinOp, CmpOp};
use std::cmp::Ordering;

// BINARY_OP's operand values with a fast path (a `BinOp`'s operand is its index in
// `BinOp::ALL`, which is its discriminant): the fast path matches the operand itself,
// without decoding it first.
const ADD: u32 = BinOp::Add as u32;
const IADD: u32 = BinOp::IAdd as u32;
const SUB: u32 = BinOp::Sub as u32;
const ISUB: u32 = BinOp::ISub as u32;
const MUL: u32 = BinOp::Mul as u32;
const IMUL: u32 = BinOp::IMul as u32;
const FLOORDIV: u32 = BinOp::FloorDiv as u32;
const IFLOORDIV: u32 = BinOp::IFloorDiv as u32;
const MOD: u32 = BinOp::Mod as u32;
const IMOD: u32 = BinOp::IMod as u32;
const AND: u32 = BinOp::And as u32;
const IAND: u32 = BinOp::IAnd as u32;
const OR: u32 = BinOp::Or as u32;
const IOR: u32 = BinOp::IOr as u32;
const XOR: u32 = BinOp::Xor as u32;
const IXOR: u32 = BinOp::IXor as u32;
const TRUEDIV: u32 = BinOp::TrueDiv as u32;
const ITRUEDIV: u32 = BinOp::ITrueDiv as u32;
const POW: u32 = BinOp::Pow as u32;
const IPOW: u32 = BinOp::IPow as u32;

/// BINARY_OP's fast path, for operand `a`: `l op r` when both are ints or floats
/// (built-in, not subclasses: those are heap objects) and the result needs nothing
/// else (no overflow, no division by zero, floor division and modulo of non-negative
/// ints). None: the general case.
#[inline(always)]
pub(super) fn binary_op_fast(a: u32, l: Value, r: Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (l, r) {
        return match a {
            ADD | IADD => x.checked_add(y).map(Value::Int),
            SUB | ISUB => x.checked_sub(y).map(Value::Int),
            MUL | IMUL => x.checked_mul(y).map(Value::Int),
            FLOORDIV | IFLOORDIV if y > 0 && x >= 0 => Some(Value::Int(x / y)),
            MOD | IMOD if y > 0 && x >= 0 => Some(Value::Int(x % y)),
            AND | IAND => Some(Value::Int(x & y)),
            OR | IOR => Some(Value::Int(x | y)),
            XOR | IXOR => Some(Value::Int(x ^ y)),
            _ => None,
        };
    }
    let x = match l {
        Value::Float(f) => f,
        Value::Int(i) => i as f64,
        _ => return None,
    };
    let y = match r {
        Value::Float(f) => f,
        Value::Int(i) => i as f64,
        _ => return None,
    };
    match a {
        ADD | IADD => Some(Value::Float(x + y)),
        SUB | ISUB => Some(Value::Float(x - y)),
        MUL | IMUL => Some(Value::Float(x * y)),
        TRUEDIV | ITRUEDIV if y != 0.0 => Some(Value::Float(x / y)),
        // A positive base: no ZeroDivisionError, no complex result; an
        // infinite result (OverflowError or an infinite operand) goes the
        // general way (protocols/num.rs, float_pow).
        POW | IPOW if x > 0.0 => {
            let r = x.powf(y);
            (!r.is_infinite()).then_some(Value::Float(r))
        }
        _ => None,
    }
}

/// The outcome bit of an ordering (`quicken::LESS`, `EQUAL`, `GREATER`).
#[inline(always)]
fn outcome(o: Ordering) -> u16 {
    1 << (o as i8 + 1)
}

/// COMPARE_OP's fast path: the outcome of comparing two ints or two floats (ints by
/// value, floats as Rust's operators: NaN `UNORDERED`), which the instruction's
/// mask turns into its result (interp/quicken.rs). 0: not two ints or floats.
#[inline(always)]
pub(super) fn compare_outcome(l: Value, r: Value) -> u16 {
    match (l, r) {
        (Value::Int(x), Value::Int(y)) => outcome(x.cmp(&y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y).map_or(UNORDERED, outcome),
        _ => 0,
    }
}

impl Vm {
    /// COMPARE_OP's fast path for two exact `str`s (a subclass may define `__eq__`):
    /// the outcome, as `compare_outcome`; UTF-8 byte order is code point order, as
    /// CPython compares. 0: not two exact strs.
    #[inline]
    pub(super) fn compare_str_outcome(&self, l: Value, r: Value) -> u16 {
        let (Value::Obj(a), Value::Obj(b)) = (l, r) else {
            return 0;
        };
        let str_ = self.types.str;
        let oa = self.heap.get(a);
        let Kind::Str(x) = &oa.kind else {
            return 0;
        };
        let ob = self.heap.get(b);
        let Kind::Str(y) = &ob.kind else {
            return 0;
        };
        if oa.class != str_ || ob.class != str_ {
            return 0;
        }
        if a == b || x.s.ptr_eq(&y.s) {
            return EQUAL;
        }
        outcome(x.s.as_bytes().cmp(y.s.as_bytes()))
    }

    /// CONTAINS_OP's fast path: an int or an exact str in an exact set or frozenset,
    /// when every key compared with it compares without Python code. None: the
    /// general case.
    #[inline(never)]
    pub(super) fn contains_fast(&self, item: Value, container: Value) -> Option<bool> {
        let Value::Obj(r) = container else {
            return None;
        };
        let o = self.heap.get(r);
        let (Kind::Set(t) | Kind::FrozenSet(t)) = &o.kind else {
            return None;
        };
        if o.class != self.types.set && o.class != self.types.frozenset {
            return None;
        }
        let hash = match item {
            Value::Int(i) => crate::object::hash::hash_int(i),
            Value::Obj(ir) => match &self.heap.get(ir).kind {
                Kind::Str(x) if self.heap.get(ir).class == self.types.str => x.hash(),
                _ => return None,
            },
            _ => return None,
        };
        let slow = std::cell::Cell::new(false);
        let found = t.find_with(hash, item, |k| match (k, item) {
            (Value::Int(a), Value::Int(b)) => a == b,
            _ => self.simple_eq(k, item).unwrap_or_else(|| {
                slow.set(true);
                false
            }),
        });
        (!slow.get()).then_some(found.is_some())
    }

    /// BINARY_OP, the general case.
    pub(super) fn binary_op_slow(&mut self, op: BinOp) -> PyResult<()> {
        let r = self.pop();
        let l = self.pop();
        if op == BinOp::Add {
            if let Some(v) = self.concat_fast(l, r) {
                self.stack.push(v);
                return Ok(());
            }
        }
        let v = self.binary_op(l, r, op)?;
        self.stack.push(v);
        Ok(())
    }

    /// `l + r` for two built-in lists, tuples or strs of the exact classes (as
    /// `sequence_binop`, in one allocation; as CPython, an exact tuple or str plus
    /// an empty one is itself). None: the general case.
    fn concat_fast(&mut self, l: Value, r: Value) -> Option<Value> {
        let (Value::Obj(a), Value::Obj(b)) = (l, r) else {
            return None;
        };
        let (oa, ob) = (self.heap.get(a), self.heap.get(b));
        if oa.class != ob.class {
            return None;
        }
        let cls = oa.class;
        match (&oa.kind, &ob.kind) {
            (Kind::List(x), Kind::List(y)) if cls == self.types.list => {
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Some(self.new_list(v))
            }
            (Kind::Tuple(x), Kind::Tuple(y)) if cls == self.types.tuple => {
                if y.is_empty() {
                    return Some(l);
                }
                if x.is_empty() {
                    return Some(r);
                }
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Some(self.new_tuple(v))
            }
            (Kind::Str(x), Kind::Str(y)) if cls == self.types.str => {
                if y.s.is_empty() {
                    return Some(l);
                }
                if x.s.is_empty() {
                    return Some(r);
                }
                let s = crate::object::text::Text::concat(&x.s, &y.s);
                let c = self.types.str;
                Some(Value::Obj(
                    self.heap.alloc(c, Kind::Str(crate::object::PyStr::new(s))),
                ))
            }
            _ => None,
        }
    }

    /// BINARY_OP on an instance of a class written in Python whose method for the
    /// operator is a plain function: push that method's frame for the loop to run (no
    /// nested loop). The operands stay on the stack below it; RETURN_VALUE finishes
    /// the operator (`finish_binop_frame`). False: nothing done.
    pub(super) fn binary_op_frame(&mut self, op: BinOp, arg: u32) -> PyResult<bool> {
        let len = self.stack.len();
        let (l, r) = (self.stack[len - 2], self.stack[len - 1]);
        let Some(f) = self.binary_op_left_method(l, r, op) else {
            return Ok(false);
        };
        if !self.push_positional_frame(f, &[l, r], len)? {
            return Ok(false);
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.ret = super::RET_BINOP + arg as u8;
        }
        Ok(true)
    }

    /// A BINARY_OP method frame returned `v`: pop its operands off the caller's
    /// stack and push the result, going on with the protocol if it is NotImplemented.
    pub(super) fn finish_binop_frame(&mut self, ret: u8, v: Value) -> PyResult<()> {
        let r = self.pop();
        let l = self.pop();
        let v = if v.is(self.not_implemented) {
            let op = BinOp::from_arg((ret - super::RET_BINOP) as u32).unwrap_or(BinOp::Add);
            self.binary_op_user_rest(l, r, op, false)?
        } else {
            v
        };
        self.stack.push(v);
        Ok(())
    }

    /// COMPARE_OP, the general case.
    pub(super) fn compare_slow(&mut self, op: CmpOp) -> PyResult<()> {
        let r = self.pop();
        let l = self.pop();
        let v = self.compare(l, r, op)?;
        self.stack.push(v);
        Ok(())
    }

    /// UNARY_NEGATIVE.
    pub(super) fn unary_negative_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        let r = self.unary_neg(v)?;
        self.stack.push(r);
        Ok(())
    }

    /// UNARY_POSITIVE.
    pub(super) fn unary_positive_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        let r = self.unary_pos(v)?;
        self.stack.push(r);
        Ok(())
    }

    /// UNARY_NOT.
    pub(super) fn unary_not_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        let b = self.truthy(v)?;
        self.stack.push(Value::Bool(!b));
        Ok(())
    }

    /// UNARY_INVERT.
    pub(super) fn unary_invert_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        let r = self.unary_invert(v)?;
        self.stack.push(r);
        Ok(())
    }

    /// CONTAINS_OP: `in`, or `not in` when `negate`.
    pub(super) fn contains_op(&mut self, negate: bool) -> PyResult<()> {
        let r = self.pop();
        let l = self.pop();
        let b = self.contains(r, l)?;
        self.stack.push(Value::Bool(b != negate));
        Ok(())
    }

    /// BINARY_SUBSCR, the general case.
    pub(super) fn binary_subscr_slow(&mut self) -> PyResult<()> {
        let key = self.pop();
        let obj = self.pop();
        // A built-in dict (no `__missing__`): straight to the table.
        if let Value::Obj(r) = obj {
            let o = self.heap.get(r);
            if o.class == self.types.dict && matches!(o.kind, Kind::Dict(_)) {
                // The operands stay rooted while a key's `__eq__` may run.
                self.stack.extend_from_slice(&[obj, key]);
                let v = self.dict_get(r, key);
                self.stack.truncate(self.stack.len() - 2);
                let v = match v? {
                    Some(v) => v,
                    None => return Err(self.new_key_error(key)),
                };
                self.stack.push(v);
                return Ok(());
            }
        }
        let v = self.getitem(obj, key)?;
        self.stack.push(v);
        Ok(())
    }

    /// STORE_SUBSCR, the general case.
    pub(super) fn store_subscr_slow(&mut self) -> PyResult<()> {
        let key = self.pop();
        let obj = self.pop();
        let v = self.pop();
        // A built-in dict: straight to the table.
        if let Value::Obj(r) = obj {
            let o = self.heap.get(r);
            if o.class == self.types.dict && matches!(o.kind, Kind::Dict(_)) {
                // The operands stay rooted while a key's `__eq__` may run.
                self.stack.extend_from_slice(&[v, obj, key]);
                let res = self.dict_set(r, key, v);
                self.stack.truncate(self.stack.len() - 3);
                return res;
            }
        }
        self.setitem(obj, key, v)
    }

    /// DELETE_SUBSCR.
    pub(super) fn delete_subscr_op(&mut self) -> PyResult<()> {
        let key = self.pop();
        let obj = self.pop();
        self.delitem(obj, key)
    }

    /// GET_ITER. An exact list, tuple, range, dict or set (whose `__iter__` no
    /// program can change) gets its iterator here, without `get_iter`'s lookups.
    pub(super) fn get_iter_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        if let Value::Obj(r) = v {
            let o = self.heap.get(r);
            let t = &self.types;
            let fast = match &o.kind {
                Kind::List(_) if o.class == t.list => {
                    Some((t.list_iterator, IterKind::Seq { seq: r, idx: 0 }))
                }
                Kind::Tuple(_) if o.class == t.tuple => {
                    Some((t.tuple_iterator, IterKind::Seq { seq: r, idx: 0 }))
                }
                // range has no subclasses.
                Kind::Range(start, stop, step) => {
                    Some((t.range_iterator, IterKind::range(*start, *stop, *step)))
                }
                Kind::Dict(d) if o.class == t.dict => Some((
                    t.dict_keyiterator,
                    IterKind::Dict {
                        dict: r,
                        idx: 0,
                        len: d.len(),
                        what: 0,
                    },
                )),
                Kind::Set(st) if o.class == t.set => Some((
                    t.set_iterator,
                    IterKind::Set {
                        set: r,
                        idx: 0,
                        len: st.len(),
                    },
                )),
                _ => None,
            };
            if let Some((cls, state)) = fast {
                let it = self.new_iter(cls, state);
                self.stack.push(it);
                return Ok(());
            }
        }
        let it = self.get_iter(v)?;
        self.stack.push(it);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binop_operands_are_discriminants() {
        for (i, &op) in BinOp::ALL.iter().enumerate() {
            assert_eq!(op as u32, i as u32);
            assert_eq!(BinOp::from_arg(op as u32), Some(op));
        }
        assert_eq!(BinOp::from_arg(ADD), Some(BinOp::Add));
        assert_eq!(BinOp::from_arg(IPOW), Some(BinOp::IPow));
    }

    #[test]
    fn comparison_outcomes() {
        use super::super::quicken::{GREATER, LESS};
        assert_eq!(compare_outcome(Value::Int(1), Value::Int(2)), LESS);
        assert_eq!(compare_outcome(Value::Int(2), Value::Int(2)), EQUAL);
        assert_eq!(compare_outcome(Value::Int(3), Value::Int(2)), GREATER);
        assert_eq!(
            compare_outcome(Value::Float(f64::NAN), Value::Float(1.0)),
            UNORDERED
        );
        assert_eq!(
            compare_outcome(Value::Float(-0.0), Value::Float(0.0)),
            EQUAL
        );
        assert_eq!(compare_outcome(Value::Int(1), Value::Float(1.0)), 0);
    }
}

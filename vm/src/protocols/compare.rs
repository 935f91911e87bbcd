//! Comparisons: rich comparison with the dunder protocol (reflected operands,
//! NotImplemented), `==` and `<` as natives use them, and comparisons of built-in
//! values without dunder calls (numbers, strings, bytes, sequences, dicts, sets), with
//! CPython's semantics and error messages.

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
        // Bound methods are equal when they bind the same function to the same object.
        (Kind::BoundMethod(f1, s1), Kind::BoundMethod(f2, s2))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
        {
            let same = f1.is(*f2) && s1.is(*s2);
            Ok(Some(same == (op == CmpOp::Eq)))
        }
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

impl Vm {
    /// `l <op> r` for rich comparisons.
    pub fn compare(&mut self, l: Value, r: Value, op: CmpOp) -> PyResult<Value> {
        if !self.is_user_value(l) && !self.is_user_value(r) {
            if let Some(b) = self.native_compare(l, r, op)? {
                return Ok(Value::Bool(b));
            }
            if let Some(v) = self.opaque_compare(l, r, op)? {
                return Ok(v);
            }
        } else {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                if let Some(same) = self.plain_identity_eq(l, r) {
                    return Ok(Value::Bool(same == (op == CmpOp::Eq)));
                }
            }
            let lt = self.type_of(l);
            let rt = self.type_of(r);
            let n = cmp_dunder(&self.names, op);
            let rn = cmp_dunder(&self.names, op.swapped());
            let mut tried = false;
            if lt != rt && self.is_subclass_ref(rt, lt) {
                if let Some(f) = self.user_override(rt, rn) {
                    tried = true;
                    let v = self.call_special(f, &[r, l])?;
                    if !v.is(self.not_implemented) {
                        return Ok(v);
                    }
                }
            }
            if let Some(f) = self.user_override(lt, n) {
                let v = self.call_special(f, &[l, r])?;
                if !v.is(self.not_implemented) {
                    return Ok(v);
                }
            } else if self.inherits_builtin_compare(lt, n) {
                // `class S(str)` defining only `__lt__`: `S() > S()` runs the
                // inherited `str.__gt__`, before any reflected `__lt__`.
                if let Some(v) = self.builtin_compare(l, r, op)? {
                    return Ok(v);
                }
            } else if op == CmpOp::Ne {
                // object.__ne__ inverts __eq__.
                let eqn = self.names.__eq__;
                if let Some(f) = self.user_override(lt, eqn) {
                    let v = self.call_special(f, &[l, r])?;
                    if !v.is(self.not_implemented) {
                        let b = self.truthy(v)?;
                        return Ok(Value::Bool(!b));
                    }
                }
            }
            if !tried {
                if let Some(f) = self.user_override(rt, rn) {
                    let v = self.call_special(f, &[r, l])?;
                    if !v.is(self.not_implemented) {
                        return Ok(v);
                    }
                } else if self.inherits_builtin_compare(rt, rn) {
                    if let Some(v) = self.builtin_compare(l, r, op)? {
                        return Ok(v);
                    }
                } else if op == CmpOp::Ne {
                    let eqn = self.names.__eq__;
                    if let Some(f) = self.user_override(rt, eqn) {
                        let v = self.call_special(f, &[r, l])?;
                        if !v.is(self.not_implemented) {
                            let b = self.truthy(v)?;
                            return Ok(Value::Bool(!b));
                        }
                    }
                }
            }
            // Built-in payloads of subclasses of built-in types.
            if let Some(v) = self.builtin_compare(l, r, op)? {
                return Ok(v);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(l.is(r))),
            CmpOp::Ne => Ok(Value::Bool(!l.is(r))),
            _ => {
                let (lt, rt) = (self.type_name(l), self.type_name(r));
                Err(self.new_type_error(format!(
                    "'{}' not supported between instances of '{lt}' and '{rt}'",
                    op.symbol()
                )))
            }
        }
    }
    /// `l == r` of plain instances (and None) of classes that define neither
    /// `__eq__` nor `__ne__`: every method the protocol would try is `object`'s (or
    /// None's), which leave it to identity (deltablue's `c != determining`). `None`
    /// for anything else. Runs no Python code.
    fn plain_identity_eq(&mut self, l: Value, r: Value) -> Option<bool> {
        let plain_class = |vm: &Vm, v: Value| match v {
            Value::None => Some(None),
            Value::Obj(o) => {
                let h = vm.heap.get(o);
                (matches!(h.kind, Kind::Object(_))
                    && vm.class_data(h.class).base_kind == crate::object::BaseKind::Object)
                    .then_some(Some(h.class))
            }
            _ => None,
        };
        let (lc, rc) = (plain_class(self, l)?, plain_class(self, r)?);
        let (eq, ne) = (self.names.__eq__, self.names.__ne__);
        for c in [lc, rc.filter(|c| Some(*c) != lc)].into_iter().flatten() {
            if self.user_override(c, eq).is_some() || self.user_override(c, ne).is_some() {
                return None;
            }
        }
        Some(l.is(r))
    }

    /// The comparison of opaque payloads (`object::opaque`): the left operand's table,
    /// then the right one's with the operator swapped; `None` if neither answers.
    fn opaque_compare(&mut self, l: Value, r: Value, op: CmpOp) -> PyResult<Option<Value>> {
        let table = |vm: &Vm, v: Value| match v {
            Value::Obj(o) => vm.opaque_protocols(o).and_then(|p| p.compare),
            _ => None,
        };
        if let Some(f) = table(self, l) {
            let v = f(self, l, r, op)?;
            if !v.is(self.not_implemented) {
                return Ok(Some(v));
            }
        }
        if let Some(f) = table(self, r) {
            let v = f(self, r, l, op.swapped())?;
            if !v.is(self.not_implemented) {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
    /// Whether `name` (a comparison dunder) resolves on `cls` to a built-in type's
    /// method other than `object`'s: the built-in comparison of the payloads runs.
    fn inherits_builtin_compare(&mut self, cls: ObjRef, name: Value) -> bool {
        match self.lookup_with_owner(cls, name) {
            (Some(f), false) => {
                let object = self.types.object;
                !self.class_lookup(object, name).is_some_and(|o| o.is(f))
            }
            _ => false,
        }
    }
    /// The built-in comparison of two values (payloads of built-in types and their
    /// subclasses); `None` when it does not apply (NotImplemented).
    fn builtin_compare(&mut self, l: Value, r: Value, op: CmpOp) -> PyResult<Option<Value>> {
        if let Some(b) = self.native_compare(l, r, op)? {
            return Ok(Some(Value::Bool(b)));
        }
        self.opaque_compare(l, r, op)
    }
    fn native_compare(&mut self, l: Value, r: Value, op: CmpOp) -> PyResult<Option<bool>> {
        crate::protocols::compare::native_compare(self, l, r, op)
    }
    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(f) if f.is_nan()) {
            return Ok(true);
        }
        if let Some(r) = self.simple_eq(a, b) {
            return Ok(r);
        }
        let v = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(v)
    }
    /// `a < b` as a bool (sorting, min, max).
    pub fn lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            _ => {
                if let Some(r) = self.simple_lt(a, b) {
                    return Ok(r);
                }
                let v = self.compare(a, b, CmpOp::Lt)?;
                self.truthy(v)
            }
        }
    }
    /// `a > b` as a bool (max).
    pub fn gt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = self.simple_lt(b, a) {
            return Ok(r);
        }
        let v = self.compare(a, b, CmpOp::Gt)?;
        self.truthy(v)
    }
    /// `a < b` decidable without running Python code, for the keys of sorts and
    /// min/max: numbers, exact strs, and exact tuples of those whose first differing
    /// items are such (found with `simple_eq`); `None` otherwise.
    fn simple_lt(&self, a: Value, b: Value) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x < y),
            (Value::Float(x), Value::Float(y)) => Some(x < y),
            // Bools are ints (sort keys such as `(x == y, n)`).
            (Value::Bool(x), Value::Bool(y)) => Some(!x & y),
            (Value::Bool(x), Value::Int(y)) => Some((x as i64) < y),
            (Value::Int(x), Value::Bool(y)) => Some(x < y as i64),
            (Value::Obj(x), Value::Obj(y)) => {
                let (cx, cy) = (self.heap.get(x).class, self.heap.get(y).class);
                if cx != cy {
                    return None;
                }
                match (self.heap.kind(x), self.heap.kind(y)) {
                    // Code point order is UTF-8 byte order.
                    (Kind::Str(p), Kind::Str(q)) if cx == self.types.str => Some(p.s < q.s),
                    (Kind::Tuple(p), Kind::Tuple(q)) if cx == self.types.tuple => {
                        for (u, v) in p.iter().zip(q.iter()) {
                            if !self.simple_eq(*u, *v)? {
                                return match (u, v) {
                                    (Value::Obj(_), Value::Obj(_)) => {
                                        let (cu, cv) = (self.type_of(*u), self.type_of(*v));
                                        if cu == cv && cu == self.types.str {
                                            self.simple_lt(*u, *v)
                                        } else {
                                            None
                                        }
                                    }
                                    (Value::Obj(_), _) | (_, Value::Obj(_)) => None,
                                    _ => self.simple_lt(*u, *v),
                                };
                            }
                        }
                        Some(p.len() < q.len())
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Equality decidable without running Python code; `None` when it may need to.
    pub fn simple_eq(&self, a: Value, b: Value) -> Option<bool> {
        self.simple_eq_depth(a, b, 0)
    }
    /// `simple_eq` of values nested `depth` tuples deep: deeper ones are left to
    /// `compare`, which counts its recursion.
    fn simple_eq_depth(&self, a: Value, b: Value, depth: u32) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::Float(x), Value::Float(y)) => Some(x == y),
            (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
                Some(int_float_eq(x, y))
            }
            (Value::Bool(x), Value::Bool(y)) => Some(x == y),
            (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => {
                Some(x as i64 == y)
            }
            (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
                Some((x as i64) as f64 == y)
            }
            (Value::None, Value::None) => Some(true),
            (Value::Obj(ra), Value::Obj(rb)) => {
                if ra == rb {
                    return Some(true);
                }
                let (ka, kb) = (self.heap.kind(ra), self.heap.kind(rb));
                let ca = self.heap.get(ra).class;
                let cb = self.heap.get(rb).class;
                let user = !self.class_data(ca).is_builtin || !self.class_data(cb).is_builtin;
                match (ka, kb) {
                    (Kind::Str(x), Kind::Str(y)) if !user => Some(x.s == y.s),
                    (Kind::Object(_), _) | (_, Kind::Object(_)) => {
                        if user {
                            None
                        } else {
                            Some(false)
                        }
                    }
                    (Kind::Tuple(x), Kind::Tuple(y)) if !user => {
                        if x.len() != y.len() {
                            return Some(false);
                        }
                        if depth >= 32 {
                            return None;
                        }
                        for (p, q) in x.iter().zip(y.iter()) {
                            match self.simple_eq_depth(*p, *q, depth + 1) {
                                Some(true) => {}
                                Some(false) => return Some(false),
                                None => return None,
                            }
                        }
                        Some(true)
                    }
                    (Kind::BigInt(x), Kind::BigInt(y)) => Some(x == y),
                    (Kind::Bytes(x), Kind::Bytes(y)) => Some(x == y),
                    (Kind::BoundMethod(f1, s1), Kind::BoundMethod(f2, s2)) if !user => {
                        Some(f1.is(*f2) && s1.is(*s2))
                    }
                    (Kind::Function(_), _)
                    | (_, Kind::Function(_))
                    | (Kind::Class(_), _)
                    | (_, Kind::Class(_))
                        if !user =>
                    {
                        Some(false)
                    }
                    _ => None,
                }
            }
            (Value::Obj(r), other) | (other, Value::Obj(r)) => {
                let cls = self.heap.get(r).class;
                if !self.class_data(cls).is_builtin {
                    return None;
                }
                match (self.heap.kind(r), other) {
                    (Kind::Str(_) | Kind::List(_) | Kind::Tuple(_) | Kind::Dict(_), _) => {
                        Some(false)
                    }
                    (Kind::BigInt(_), Value::Int(_)) => Some(false),
                    (_, Value::None) => Some(false),
                    _ => None,
                }
            }
            (Value::None, _) | (_, Value::None) => Some(false),
            _ => None,
        }
    }
}

fn cmp_dunder(n: &crate::names::Names, op: CmpOp) -> Value {
    match op {
        CmpOp::Lt => n.__lt__,
        CmpOp::Le => n.__le__,
        CmpOp::Eq => n.__eq__,
        CmpOp::Ne => n.__ne__,
        CmpOp::Gt => n.__gt__,
        CmpOp::Ge => n.__ge__,
    }
}
pub(crate) fn int_float_eq(i: i64, f: f64) -> bool {
    if f.fract() != 0.0 || !f.is_finite() {
        return false;
    }
    if f.abs() < 9.0e15 {
        return i as f64 == f;
    }
    // Large: compare exactly through i128.
    (-9.3e18..=9.3e18).contains(&f) && (f as i128) == i as i128
}

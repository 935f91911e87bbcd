//! Operators: binary and unary operators with the dunder protocol (reflected and
//! in-place forms, NotImplemented), rich comparisons, truth, membership and hashing.

use crate::object::Kind;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::{BinOp, CmpOp};

/// The (plain, reflected, in-place) method names of an operator, pre-interned.
fn dunders(n: &crate::names::Names, op: BinOp) -> (Value, Value, Value) {
    match op.base() {
        BinOp::Add => (n.__add__, n.__radd__, n.__iadd__),
        BinOp::Sub => (n.__sub__, n.__rsub__, n.__isub__),
        BinOp::Mul => (n.__mul__, n.__rmul__, n.__imul__),
        BinOp::TrueDiv => (n.__truediv__, n.__rtruediv__, n.__itruediv__),
        BinOp::FloorDiv => (n.__floordiv__, n.__rfloordiv__, n.__ifloordiv__),
        BinOp::Mod => (n.__mod__, n.__rmod__, n.__imod__),
        BinOp::Pow => (n.__pow__, n.__rpow__, n.__ipow__),
        BinOp::LShift => (n.__lshift__, n.__rlshift__, n.__ilshift__),
        BinOp::RShift => (n.__rshift__, n.__rrshift__, n.__irshift__),
        BinOp::And => (n.__and__, n.__rand__, n.__iand__),
        BinOp::Or => (n.__or__, n.__ror__, n.__ior__),
        BinOp::Xor => (n.__xor__, n.__rxor__, n.__ixor__),
        _ => (n.__matmul__, n.__rmatmul__, n.__imatmul__),
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

impl Vm {
    fn is_user_value(&self, v: Value) -> bool {
        matches!(v, Value::Obj(_)) && !self.class_data(self.type_of(v)).is_builtin
    }

    /// `l <op> r`.
    pub fn binary_op(&mut self, l: Value, r: Value, op: BinOp) -> PyResult<Value> {
        if self.is_user_value(l) || self.is_user_value(r) {
            return self.binary_op_user(l, r, op);
        }
        if op.is_inplace() {
            if let Some(v) = self.inplace_native(l, r, op.base())? {
                return Ok(v);
            }
        }
        if let Some(v) = self.native_binop(l, r, op.base())? {
            return Ok(v);
        }
        Err(self.unsupported_operands(l, r, op))
    }

    fn unsupported_operands(&mut self, l: Value, r: Value, op: BinOp) -> crate::PyErr {
        let (lt, rt) = (self.type_name(l), self.type_name(r));
        if op.base() == BinOp::Pow && !op.is_inplace() {
            return self.new_type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{lt}' and '{rt}'"
            ));
        }
        self.new_type_error(format!(
            "unsupported operand type(s) for {}: '{lt}' and '{rt}'",
            op.symbol()
        ))
    }

    fn binary_op_user(&mut self, l: Value, r: Value, op: BinOp) -> PyResult<Value> {
        let (n, rn, iname) = dunders(&self.names, op);
        let lt = self.type_of(l);
        let rt = self.type_of(r);
        if op.is_inplace() {
            let n = iname;
            if let Some(f) = self.user_override(lt, n) {
                let v = self.call(f, &[l, r], &[])?;
                if !v.is(self.not_implemented) {
                    return Ok(v);
                }
            } else if !self.class_data(lt).is_builtin || self.is_user_value(l) {
                if let Some(v) = self.inplace_native(l, r, op.base())? {
                    return Ok(v);
                }
            }
        }
        let mut tried_reflected = false;
        if lt != rt && self.is_subclass_ref(rt, lt) {
            if let Some(f) = self.user_override(rt, rn) {
                tried_reflected = true;
                let v = self.call(f, &[r, l], &[])?;
                if !v.is(self.not_implemented) {
                    return Ok(v);
                }
            }
        }
        if let Some(f) = self.user_override(lt, n) {
            let v = self.call(f, &[l, r], &[])?;
            if !v.is(self.not_implemented) {
                return Ok(v);
            }
        } else if let Some(v) = self.native_binop(l, r, op.base())? {
            return Ok(v);
        }
        if !tried_reflected && lt != rt {
            if let Some(f) = self.user_override(rt, rn) {
                let v = self.call(f, &[r, l], &[])?;
                if !v.is(self.not_implemented) {
                    return Ok(v);
                }
            }
        }
        Err(self.sequence_fallback_error(l, r, op))
    }

    /// When both operands declined `+` or `*`: CPython then tries the sequence
    /// protocol (sq_concat / sq_repeat) of built-in sequences, whose errors name the
    /// sequence type.
    fn sequence_fallback_error(&mut self, l: Value, r: Value, op: BinOp) -> crate::PyErr {
        let seq_name = |vm: &Vm, v: Value| -> Option<&'static str> {
            let Value::Obj(o) = v else { return None };
            Some(match vm.heap.kind(o) {
                Kind::Str(_) => "str",
                Kind::List(_) => "list",
                Kind::Tuple(_) => "tuple",
                Kind::Bytes(_) => "bytes",
                Kind::ByteArray(_) => "bytearray",
                _ => return None,
            })
        };
        match op.base() {
            BinOp::Add => {
                if let Some(name) = seq_name(self, l) {
                    let t = self.type_name(r);
                    let msg = match name {
                        "bytes" | "bytearray" => format!("can't concat {t} to {name}"),
                        _ => format!("can only concatenate {name} (not \"{t}\") to {name}"),
                    };
                    return self.new_type_error(msg);
                }
            }
            BinOp::Mul => {
                let other = if seq_name(self, l).is_some() {
                    Some(r)
                } else if seq_name(self, r).is_some() {
                    Some(l)
                } else {
                    None
                };
                if let Some(o) = other {
                    let t = self.type_name(o);
                    return self.new_type_error(format!(
                        "can't multiply sequence by non-int of type '{t}'"
                    ));
                }
            }
            _ => {}
        }
        self.unsupported_operands(l, r, op)
    }

    /// The built-in meaning of an operator on built-in operands (payloads of subclass
    /// instances included); `None` if it has none.
    pub fn native_binop(&mut self, l: Value, r: Value, op: BinOp) -> PyResult<Option<Value>> {
        if let (Some(a), Some(b)) = (self.num_of(l), self.num_of(r)) {
            let bools = (matches!(l, Value::Bool(_)), matches!(r, Value::Bool(_)));
            return self.num_binop(a, b, op, bools);
        }
        crate::types::sequence_ops::sequence_binop(self, l, r, op)
    }

    /// In-place operators of mutable built-ins (`list +=`, `set |=`, `dict |=`).
    pub(crate) fn inplace_native(
        &mut self,
        l: Value,
        r: Value,
        op: BinOp,
    ) -> PyResult<Option<Value>> {
        let Value::Obj(lr) = l else { return Ok(None) };
        match (self.heap.kind(lr), op) {
            (Kind::List(_), BinOp::Add) => {
                self.list_extend(l, r)?;
                Ok(Some(l))
            }
            (Kind::List(_), BinOp::Mul) => {
                let Some(n) = self.index_ssize(r)? else {
                    return Ok(None);
                };
                let orig = self.list_items(l);
                self.repeat_len(orig.len(), n.max(0) as usize, None)?;
                let items = self.repeat_vec(&orig, n.max(0) as usize)?;
                self.heap
                    .charge(16 * items.len().saturating_sub(orig.len()) as u64);
                if let Kind::List(v) = self.heap.kind_mut(lr) {
                    *v = items;
                }
                Ok(Some(l))
            }
            (Kind::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                if !self.is_set_like(r) {
                    return Ok(None);
                }
                crate::types::set::set_inplace(self, l, r, op).map(Some)
            }
            (Kind::Dict(_), BinOp::Or) => {
                // `d |= x` is `d.update(x)`: any mapping or iterable of pairs.
                crate::types::dict::dict_update_from(self, lr, r)?;
                Ok(Some(l))
            }
            (Kind::ByteArray(_), BinOp::Add) => {
                let Some(b) = self.bytes_of(r) else {
                    return Ok(None);
                };
                self.heap.charge(b.len() as u64);
                if let Kind::ByteArray(a) = self.heap.kind_mut(lr) {
                    a.extend(b);
                }
                Ok(Some(l))
            }
            (Kind::ByteArray(_), BinOp::Mul) => {
                let Some(n) = self.index_ssize(r)? else {
                    return Ok(None);
                };
                let orig = self.bytes_of(l).unwrap_or_default();
                self.repeat_len(orig.len(), n.max(0) as usize, None)?;
                let b = self.repeat_vec(&orig, n.max(0) as usize)?;
                self.heap.charge(b.len().saturating_sub(orig.len()) as u64);
                if let Kind::ByteArray(a) = self.heap.kind_mut(lr) {
                    *a = b;
                }
                Ok(Some(l))
            }
            _ => Ok(None),
        }
    }

    pub fn unary_neg(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => match i.checked_neg() {
                Some(n) => Ok(Value::Int(n)),
                None => Ok(self.new_bigint(-num_bigint::BigInt::from(i))),
            },
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_dunder(v, "__neg__", "-", |vm, n| match n {
                Num::B(b) => Ok(vm.new_bigint(-b)),
                Num::C(r, i) => Ok(vm.new_complex(-r, -i)),
                Num::I(i) => vm.unary_neg(Value::Int(i)),
                Num::F(f) => Ok(Value::Float(-f)),
            }),
        }
    }

    pub fn unary_pos(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            _ => self.unary_dunder(v, "__pos__", "+", |vm, n| Ok(vm.num_value(n))),
        }
    }

    pub fn unary_invert(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            _ => self.unary_dunder(v, "__invert__", "~", |vm, n| match n {
                Num::B(b) => Ok(vm.new_bigint(!b)),
                Num::I(i) => Ok(Value::Int(!i)),
                _ => Err(vm.new_type_error("bad operand type for unary ~: 'float'".into())),
            }),
        }
    }

    fn unary_dunder(
        &mut self,
        v: Value,
        name: &str,
        sym: &str,
        native: impl FnOnce(&mut Vm, Num) -> PyResult<Value>,
    ) -> PyResult<Value> {
        let cls = self.type_of(v);
        let n = self.intern(name);
        if let Some(f) = self.user_override(cls, n) {
            return self.call(f, &[v], &[]);
        }
        if let Some(num) = self.num_of(v) {
            if !(sym == "~" && matches!(num, Num::F(_) | Num::C(..))) {
                return native(self, num);
            }
        }
        let t = self.type_name(v);
        Err(self.new_type_error(format!("bad operand type for unary {sym}: '{t}'")))
    }

    /// Truth value (`bool(v)`).
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Obj(r) => {
                let cls = self.heap.get(r).class;
                if !self.class_data(cls).is_builtin {
                    let b = self.names.__bool__;
                    if let Some(f) = self.class_lookup(cls, b) {
                        let res = self.call(f, &[v], &[])?;
                        return match res {
                            Value::Bool(b) => Ok(b),
                            _ => {
                                let t = self.type_name(res);
                                Err(self.new_type_error(format!(
                                    "__bool__ should return bool, returned {t}"
                                )))
                            }
                        };
                    }
                    let l = self.names.__len__;
                    if self.user_override(cls, l).is_some() {
                        // mp_length / sq_length: the length checks of len() apply.
                        return Ok(self.len(v)? != 0);
                    }
                }
                match self.heap.kind(r) {
                    Kind::Str(s) => !s.s.is_empty(),
                    Kind::List(l) | Kind::Tuple(l) => !l.is_empty(),
                    Kind::Dict(d) => !d.is_empty(),
                    Kind::Set(s) | Kind::FrozenSet(s) => !s.is_empty(),
                    Kind::Bytes(b) | Kind::ByteArray(b) => !b.is_empty(),
                    Kind::BigInt(_) => true,
                    Kind::Complex(a, b) => *a != 0.0 || *b != 0.0,
                    Kind::Boxed(inner) => {
                        let inner = *inner;
                        return self.truthy(inner);
                    }
                    Kind::Range(start, stop, step) => range_len(*start, *stop, *step) > 0,
                    Kind::BigRange(_) => true,
                    Kind::DictView(d, _) => {
                        let d = *d;
                        return self.len(Value::Obj(d)).map(|n| n > 0);
                    }
                    Kind::Opaque(_) => {
                        let l = self.names.__len__;
                        match self.class_lookup(cls, l) {
                            Some(f) => {
                                let n = self.call(f, &[v], &[])?;
                                return Ok(self.index_of(n)?.unwrap_or(0) != 0);
                            }
                            None => true,
                        }
                    }
                    _ => true,
                }
            }
        })
    }

    /// `l <op> r` for rich comparisons.
    pub fn compare(&mut self, l: Value, r: Value, op: CmpOp) -> PyResult<Value> {
        if !self.is_user_value(l) && !self.is_user_value(r) {
            if let Some(b) = self.native_compare(l, r, op)? {
                return Ok(Value::Bool(b));
            }
        } else {
            let lt = self.type_of(l);
            let rt = self.type_of(r);
            let n = cmp_dunder(&self.names, op);
            let rn = cmp_dunder(&self.names, op.swapped());
            let mut tried = false;
            if lt != rt && self.is_subclass_ref(rt, lt) {
                if let Some(f) = self.user_override(rt, rn) {
                    tried = true;
                    let v = self.call(f, &[r, l], &[])?;
                    if !v.is(self.not_implemented) {
                        return Ok(v);
                    }
                }
            }
            if let Some(f) = self.user_override(lt, n) {
                let v = self.call(f, &[l, r], &[])?;
                if !v.is(self.not_implemented) {
                    return Ok(v);
                }
            } else if op == CmpOp::Ne {
                // object.__ne__ inverts __eq__.
                let eqn = self.names.__eq__;
                if let Some(f) = self.user_override(lt, eqn) {
                    let v = self.call(f, &[l, r], &[])?;
                    if !v.is(self.not_implemented) {
                        let b = self.truthy(v)?;
                        return Ok(Value::Bool(!b));
                    }
                }
            }
            if !tried {
                if let Some(f) = self.user_override(rt, rn) {
                    let v = self.call(f, &[r, l], &[])?;
                    if !v.is(self.not_implemented) {
                        return Ok(v);
                    }
                } else if op == CmpOp::Ne {
                    let eqn = self.names.__eq__;
                    if let Some(f) = self.user_override(rt, eqn) {
                        let v = self.call(f, &[r, l], &[])?;
                        if !v.is(self.not_implemented) {
                            let b = self.truthy(v)?;
                            return Ok(Value::Bool(!b));
                        }
                    }
                }
            }
            // Built-in payloads of subclasses of built-in types.
            if let Some(b) = self.native_compare(l, r, op)? {
                return Ok(Value::Bool(b));
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

    fn native_compare(&mut self, l: Value, r: Value, op: CmpOp) -> PyResult<Option<bool>> {
        crate::protocols::compare::native_compare(self, l, r, op)
    }

    /// LOAD_GLOBAL: globals, then builtins.
    #[inline]
    pub(crate) fn load_global(
        &mut self,
        globals: crate::object::ObjRef,
        name: Value,
    ) -> PyResult<Value> {
        if let Some(v) = self.dict_get_str(globals, name) {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_str(self.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
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
                let v = self.compare(a, b, CmpOp::Lt)?;
                self.truthy(v)
            }
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
                    (Kind::Object, _) | (_, Kind::Object) => {
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

    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        use crate::object::hash::*;
        Ok(match v {
            Value::Int(i) => hash_int(i),
            Value::Bool(b) => b as i64,
            Value::Float(f) => hash_float(f),
            Value::None | Value::Undef => 0x1c3c_5a6e,
            Value::Obj(r) => {
                let cls = self.heap.get(r).class;
                if !self.class_data(cls).is_builtin {
                    let hn = self.names.__hash__;
                    match self.class_lookup(cls, hn) {
                        Some(Value::None) => {
                            let t = self.class_name(cls);
                            return Err(self.new_type_error(format!("unhashable type: '{t}'")));
                        }
                        Some(f) if !matches!(f, Value::Obj(fr) if matches!(self.heap.kind(fr), Kind::Native(_))) =>
                        {
                            let h = self.call(f, &[v], &[])?;
                            return match self.num_of(h) {
                                Some(Num::I(i)) => Ok(if i == -1 { -2 } else { i }),
                                Some(Num::B(b)) => Ok(hash_bigint(&b)),
                                _ => Err(self.new_type_error(
                                    "__hash__ method should return an integer".into(),
                                )),
                            };
                        }
                        _ => {}
                    }
                }
                return self.hash_builtin(r);
            }
        })
    }

    /// The hash of a heap object by its built-in type (`str.__hash__`, `tuple.__hash__`,
    /// `object.__hash__`).
    pub fn hash_builtin(&mut self, r: crate::object::ObjRef) -> PyResult<i64> {
        use crate::object::hash::*;
        let cls = self.heap.get(r).class;
        Ok({
            {
                match self.heap.kind(r) {
                    Kind::Str(s) => s.hash(),
                    Kind::BigInt(b) => hash_bigint(b),
                    Kind::Boxed(inner) => {
                        let inner = *inner;
                        return self.hash(inner);
                    }
                    Kind::Complex(re, im) => hash_complex(*re, *im),
                    Kind::Bytes(b) => hash_bytes(b),
                    Kind::Tuple(items) => {
                        let items = items.clone();
                        return self.hash_tuple_items(items);
                    }
                    Kind::FrozenSet(s) => s.frozen_hash(),
                    Kind::List(_)
                    | Kind::Dict(_)
                    | Kind::Set(_)
                    | Kind::ByteArray(_)
                    | Kind::DictView(..) => {
                        let t = self.class_name(cls);
                        return Err(self.new_type_error(format!("unhashable type: '{t}'")));
                    }
                    Kind::Slice(..) => {
                        return Err(self.new_type_error("unhashable type: 'slice'".into()));
                    }
                    Kind::BoundMethod(f, s) => {
                        let (f, s) = (*f, *s);
                        let hf = self.hash(f)?;
                        let hs = self.hash(s)?;
                        hf ^ hs
                    }
                    Kind::Range(..) | Kind::BigRange(_) => return self.range_hash(r),
                    Kind::Opaque(_) => {
                        // Library types (e.g. `collections.deque`) set `__hash__` to
                        // None to be unhashable.
                        let hn = self.names.__hash__;
                        if let Some(Value::None) = self.class_lookup(cls, hn) {
                            let t = self.class_name(cls);
                            return Err(self.new_type_error(format!("unhashable type: '{t}'")));
                        }
                        let s = self.heap.get(r).serial as i64;
                        s.rotate_right(4) & i64::MAX
                    }
                    _ => {
                        let s = self.heap.get(r).serial as i64;
                        s.rotate_right(4) & i64::MAX
                    }
                }
            }
        })
    }

    /// The hash of a tuple with these items. Tuples nested in it are hashed with an
    /// explicit stack, not by recursion, so any depth works (as in CPython, which
    /// does not limit it either).
    fn hash_tuple_items(&mut self, items: Vec<Value>) -> PyResult<i64> {
        let mut levels: Vec<(Vec<Value>, Vec<i64>)> = vec![(items, vec![])];
        let mut result = 0;
        while let Some((items, hs)) = levels.last_mut() {
            if hs.len() == items.len() {
                let h = crate::object::hash::hash_tuple(hs.iter().copied());
                levels.pop();
                match levels.last_mut() {
                    Some((_, parent)) => parent.push(h),
                    None => result = h,
                }
                continue;
            }
            let it = items[hs.len()];
            let nested = match it {
                Value::Obj(r) if self.class_data(self.heap.get(r).class).is_builtin => {
                    match self.heap.kind(r) {
                        Kind::Tuple(inner) => Some(inner.clone()),
                        _ => None,
                    }
                }
                _ => None,
            };
            match nested {
                Some(inner) => levels.push((inner, Vec::with_capacity(0))),
                None => {
                    let h = self.hash(it)?;
                    if let Some((_, hs)) = levels.last_mut() {
                        hs.push(h);
                    }
                }
            }
        }
        Ok(result)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let cls = self.type_of(container);
        if !self.class_data(cls).is_builtin {
            let cn = self.names.__contains__;
            if let Some(f) = self.user_override(cls, cn) {
                let v = self.call(f, &[container, item], &[])?;
                return self.truthy(v);
            }
        }
        self.contains_builtin(container, item)
    }

    /// `item in container` with the built-in meaning (`list.__contains__`), falling
    /// back to iteration.
    pub fn contains_builtin(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Value::Obj(r) = container {
            match self.heap.kind(r) {
                Kind::Str(s) => {
                    let hay = s.s.clone();
                    return match item {
                        Value::Obj(ir) => match self.heap.kind(ir) {
                            Kind::Str(n) => Ok(hay.contains(&*n.s)),
                            _ => Err(self.in_string_error(item)),
                        },
                        _ => Err(self.in_string_error(item)),
                    };
                }
                Kind::List(items) | Kind::Tuple(items) => {
                    let items = items.clone();
                    for it in items {
                        if self.eq(it, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Kind::Dict(_) => return Ok(self.dict_get(r, item)?.is_some()),
                Kind::DictView(d, what) => {
                    let (d, what) = (*d, *what);
                    return crate::types::dict::view_contains(self, d, what, item);
                }
                Kind::Set(_) | Kind::FrozenSet(_) => return self.set_contains(r, item),
                Kind::BigRange(_) => {
                    if let Some(b) = self.big_range_contains(r, item)? {
                        return Ok(b);
                    }
                }
                Kind::Range(start, stop, step) => {
                    let (start, stop, step) = (*start, *stop, *step);
                    if let Some(Num::I(i)) = self
                        .num_of(item)
                        .filter(|_| !matches!(item, Value::Float(_)))
                    {
                        let inrange = if step > 0 {
                            i >= start && i < stop
                        } else {
                            i <= start && i > stop
                        };
                        return Ok(inrange && (i - start) % step == 0);
                    }
                }
                Kind::Bytes(b) | Kind::ByteArray(b) => {
                    let hay = b.clone();
                    return match item {
                        Value::Int(i) => {
                            if !(0..256).contains(&i) {
                                return Err(
                                    self.new_value_error("byte must be in range(0, 256)".into())
                                );
                            }
                            Ok(hay.contains(&(i as u8)))
                        }
                        Value::Obj(ir) => match self.heap.kind(ir) {
                            Kind::Bytes(n) | Kind::ByteArray(n) => {
                                Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..]))
                            }
                            _ => Err(self.new_type_error("a bytes-like object is required".into())),
                        },
                        _ => Err(self.new_type_error("a bytes-like object is required".into())),
                    };
                }
                _ => {}
            }
        }
        // Fall back to iteration.
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                let t = self.type_name(container);
                return Err(self.new_type_error(format!("argument of type '{t}' is not iterable")));
            }
        };
        while let Some(x) = self.iter_next(it)? {
            if self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn in_string_error(&mut self, item: Value) -> crate::PyErr {
        let t = self.type_name(item);
        self.new_type_error(format!(
            "'in <string>' requires string as left operand, not {t}"
        ))
    }

    /// An integer from a value usable as an index (`__index__`); `None` if it is not one.
    pub fn index_of(&mut self, v: Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(i)),
            Value::Bool(b) => Ok(Some(b as i64)),
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::BigInt(_) => Err(self.new_error(
                    self.types.index_error,
                    "cannot fit 'int' into an index-sized integer".into(),
                )),
                Kind::Boxed(Value::Int(i)) => Ok(Some(*i)),
                _ => {
                    let idx = self.names.__index__;
                    match self.lookup_special(v, idx) {
                        Some(f) if !self.class_data(self.type_of(v)).is_builtin => {
                            let r = self.call(f, &[v], &[])?;
                            self.index_of(r)
                        }
                        _ => Ok(None),
                    }
                }
            },
            _ => Ok(None),
        }
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

pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

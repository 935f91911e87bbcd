//! Operators: binary and unary operators with the dunder protocol (reflected and
//! in-place forms, NotImplemented) and truth. Comparisons are in `compare.rs`,
//! `in` in `membership.rs`, `hash()` in `hashing.rs`.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::BinOp;

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

impl Vm {
    fn is_class_value(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Class(_)))
    }

    pub(crate) fn is_user_value(&self, v: Value) -> bool {
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
        if let Some(v) = self.opaque_binop(l, r, op)? {
            return Ok(v);
        }
        Err(self.unsupported_operands(l, r, op))
    }

    /// Operators on opaque payloads (`object::opaque`) are their classes' methods
    /// (`__add__`, `__radd__`, `__iadd__`, ...), as for a class written in Python.
    fn opaque_binop(&mut self, l: Value, r: Value, op: BinOp) -> PyResult<Option<Value>> {
        let is_opaque = |vm: &Vm, v: Value| matches!(v, Value::Obj(o) if matches!(vm.heap.kind(o), Kind::Opaque(_)));
        if !is_opaque(self, l) && !is_opaque(self, r) {
            return Ok(None);
        }
        let (n, rn, iname) = dunders(&self.names, op.base());
        let (lt, rt) = (self.type_of(l), self.type_of(r));
        let mut tries = vec![];
        if op.is_inplace() {
            tries.push((lt, iname, l, r));
        }
        tries.push((lt, n, l, r));
        if lt != rt {
            tries.push((rt, rn, r, l));
        }
        for (cls, name, a, b) in tries {
            if let Some(f) = self.class_lookup(cls, name) {
                let v = self.call_special(f, &[a, b])?;
                if !v.is(self.not_implemented) {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
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
                let v = self.call_special(f, &[l, r])?;
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
        } else if let Some(v) = self.native_binop(l, r, op.base())? {
            return Ok(v);
        }
        self.binary_op_user_rest(l, r, op, tried_reflected)
    }

    /// The rest of `binary_op_user` after the left operand's method declined (or
    /// there was none): the reflected method, then opaque payloads, then the error.
    pub(crate) fn binary_op_user_rest(
        &mut self,
        l: Value,
        r: Value,
        op: BinOp,
        tried_reflected: bool,
    ) -> PyResult<Value> {
        let (_, rn, _) = dunders(&self.names, op);
        let (lt, rt) = (self.type_of(l), self.type_of(r));
        if !tried_reflected && lt != rt {
            if let Some(f) = self.user_override(rt, rn) {
                let v = self.call_special(f, &[r, l])?;
                if !v.is(self.not_implemented) {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = self.opaque_binop(l, r, op)? {
            return Ok(v);
        }
        Err(self.sequence_fallback_error(l, r, op))
    }

    /// The method BINARY_OP may run as a frame of its own: `l` is an instance of a
    /// class written in Python whose method for `op` is a plain function, and the
    /// protocol calls that method first (no reflected method of a subclass of `l`'s
    /// class goes before it, no in-place method). `None`: use `binary_op`.
    pub(crate) fn binary_op_left_method(
        &mut self,
        l: Value,
        r: Value,
        op: BinOp,
    ) -> Option<ObjRef> {
        let Value::Obj(lr) = l else { return None };
        let o = self.heap.get(lr);
        if !matches!(o.kind, Kind::Object(_)) {
            return None;
        }
        let lt = o.class;
        if self.class_data(lt).is_builtin {
            return None;
        }
        let rt = self.type_of(r);
        if lt != rt && self.is_subclass_ref(rt, lt) {
            return None;
        }
        let (n, _, iname) = dunders(&self.names, op);
        if op.is_inplace() && self.user_override(lt, iname).is_some() {
            return None;
        }
        match self.user_override(lt, n) {
            Some(Value::Obj(f)) if matches!(self.heap.kind(f), Kind::Function(_)) => Some(f),
            _ => None,
        }
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
        // `int | None`: PEP 604 unions (`type.__or__`).
        if op == BinOp::Or && (self.is_class_value(l) || self.is_class_value(r)) {
            return self.type_or(l, r);
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
            return self.call_special(f, &[v]);
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
                        let res = self.call_special(f, &[v])?;
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
                    Kind::Range(..) | Kind::BigRange(_) => self.range_truthy(r),
                    Kind::DictView(d, _) => {
                        let d = *d;
                        return self.len(Value::Obj(d)).map(|n| n > 0);
                    }
                    Kind::Opaque(o) => {
                        if let Some(f) = o.protocols().len {
                            return Ok(f(self, v)? != 0);
                        }
                        let l = self.names.__len__;
                        match self.class_lookup(cls, l) {
                            Some(f) => {
                                let n = self.call_special(f, &[v])?;
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
        let b = self.builtins_of(globals);
        if let Some(v) = self.dict_get_str(b, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// The builtins code running with `globals` sees: `globals['__builtins__']` (a
    /// dict, or a module's dict) when it is there, as CPython; else the interpreter's.
    pub(crate) fn builtins_of(&self, globals: crate::object::ObjRef) -> crate::object::ObjRef {
        let k = self.names.__builtins__;
        match self.dict_get_str(globals, k) {
            Some(Value::Obj(r)) => match self.heap.kind(r) {
                crate::object::Kind::Dict(_) => r,
                crate::object::Kind::Module(m) => m.dict,
                _ => self.builtins,
            },
            _ => self.builtins,
        }
    }
}

//! `hash()`: `__hash__` and the hashes of built-in values (with CPython's errors for
//! unhashable ones); the hash functions themselves are in `object/hash.rs`.

use crate::object::Kind;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        use crate::object::hash::*;
        Ok(match v {
            Value::Int(i) => hash_int(i),
            Value::Bool(b) => b as i64,
            Value::Float(f) => hash_float(f),
            Value::None | Value::Undef => 0x1c3c_5a6e,
            Value::Obj(r) => {
                let o = self.heap.get(r);
                let cls = o.class;
                // An exact str (names, most dict keys): its cached hash, without
                // the class checks below.
                if let Kind::Str(s) = &o.kind {
                    if cls == self.types.str {
                        return Ok(s.hash());
                    }
                }
                if !self.class_data(cls).is_builtin {
                    let hn = self.names.__hash__;
                    match self.class_lookup(cls, hn) {
                        Some(Value::None) => {
                            let t = self.class_name(cls);
                            return Err(self.new_type_error(format!("unhashable type: '{t}'")));
                        }
                        // A native `__hash__` of a built-in type is `hash_builtin`'s
                        // (library types such as weakref.ref have their own).
                        Some(f)
                            if !matches!(f, Value::Obj(fr) if matches!(self.heap.kind(fr),
                                Kind::Native(nf) if nf.cls.is_none_or(|c| self.class_data(c).is_builtin))) =>
                        {
                            let h = self.call_special(f, &[v])?;
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
                    Kind::Opaque(o) => {
                        match o.protocols().hash {
                            crate::object::opaque::HashProto::Fn(f) => {
                                return f(self, Value::Obj(r))
                            }
                            crate::object::opaque::HashProto::Unhashable => {
                                let t = self.class_name(cls);
                                return Err(self.new_type_error(format!("unhashable type: '{t}'")));
                            }
                            crate::object::opaque::HashProto::Identity => {}
                        }
                        // Library types without a protocol table set `__hash__` to
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
}

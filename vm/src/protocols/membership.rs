//! Membership: `in` (`__contains__`, built-in containers, iteration as the
//! fallback) and finding an item's index.

use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

impl Vm {
    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let cls = self.type_of(container);
        if !self.class_data(cls).is_builtin {
            let cn = self.names.__contains__;
            if let Some(f) = self.user_override(cls, cn) {
                if f.is_none() {
                    let t = self.type_name(container);
                    return Err(self.new_type_error(format!("'{t}' object is not a container")));
                }
                let v = self.call_special(f, &[container, item])?;
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
                Kind::Opaque(o) if o.protocols().contains.is_some() => {
                    let f = o.protocols().contains.expect("checked");
                    return f(self, container, item);
                }
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
                Kind::Range(..) | Kind::BigRange(_) => {
                    if let Some(b) = self.range_contains(r, item)? {
                        return Ok(b);
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
                            let r = self.call_special(f, &[v])?;
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

//! The `match` statement's instructions: the subject's length, whether it is a
//! mapping or a sequence, mapping and class patterns, and `**rest`.
//! `dispatch.rs` calls the `*_op` methods after `sync!()`; each works on `self.stack`.

use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

/// Types whose class patterns match the subject itself with one positional pattern.
const SELF_MATCHING: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Vm {
    /// GET_LEN: `len(subject)` pushed above it.
    #[inline(never)]
    pub(super) fn get_len_op(&mut self) -> PyResult<()> {
        let v = self.top();
        let n = self.len(v)?;
        self.stack.push(Value::Int(n as i64));
        Ok(())
    }

    /// MATCH_MAPPING.
    #[inline(never)]
    pub(super) fn match_mapping_op(&mut self) -> PyResult<()> {
        let v = self.top();
        let b = self.is_mapping(v);
        self.stack.push(Value::Bool(b));
        Ok(())
    }

    /// MATCH_SEQUENCE.
    #[inline(never)]
    pub(super) fn match_sequence_op(&mut self) -> PyResult<()> {
        let v = self.top();
        let b = self.is_match_sequence(v);
        self.stack.push(Value::Bool(b));
        Ok(())
    }

    /// MATCH_KEYS: subject and key tuple stay; the values (or None) are pushed.
    #[inline(never)]
    pub(super) fn match_keys_op(&mut self) -> PyResult<()> {
        let keys = self.top();
        let subj = self.peek(2);
        let r = self.match_keys(subj, keys)?;
        self.stack.push(r);
        Ok(())
    }

    /// MATCH_CLASS with `npos` positional sub-patterns.
    #[inline(never)]
    pub(super) fn match_class_op(&mut self, npos: usize) -> PyResult<()> {
        let names = self.pop();
        let cls = self.pop();
        let subj = self.pop();
        let r = self.match_class(subj, cls, npos, names)?;
        self.stack.push(r);
        Ok(())
    }

    /// COPY_DICT_WITHOUT_KEYS (`**rest`).
    #[inline(never)]
    pub(super) fn copy_dict_without_keys_op(&mut self) -> PyResult<()> {
        let keys = self.pop();
        let subj = self.top();
        let r = self.copy_dict_without(subj, keys)?;
        self.stack.push(r);
        Ok(())
    }

    pub(crate) fn is_mapping(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Dict(_) => true,
                Kind::Opaque(_) | Kind::Object(_) => {
                    let k = self.names.keys;
                    let gi = self.names.__getitem__;
                    let cls = self.type_of(v);
                    !self.class_data(cls).is_builtin
                        && self.class_lookup(cls, k).is_some()
                        && self.class_lookup(cls, gi).is_some()
                        && self.class_name(cls) != "str"
                }
                _ => false,
            },
            _ => false,
        }
    }

    pub(crate) fn is_match_sequence(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::List(_) | Kind::Tuple(_) | Kind::Range(..) | Kind::BigRange(_) => true,
                Kind::Opaque(o) => o.protocols().sequence,
                _ => false,
            },
            _ => false,
        }
    }

    /// MATCH_KEYS: the values of `keys` in `subj`, or None if one is missing.
    fn match_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let mut out = vec![];
        for k in self.tuple_items(keys) {
            let v = if let Some(d) = subj
                .obj()
                .filter(|r| matches!(self.heap.kind(*r), Kind::Dict(_)))
            {
                match self.dict_get(d, k)? {
                    Some(v) => Some(v),
                    None => {
                        let cls = self.type_of(subj);
                        let m = self.names.__missing__;
                        if !self.class_data(cls).is_builtin && self.class_lookup(cls, m).is_some() {
                            match self.getitem(subj, k) {
                                Ok(v) => Some(v),
                                Err(e) if self.isinstance_ref(e.0, self.types.key_error) => None,
                                Err(e) => return Err(e),
                            }
                        } else {
                            None
                        }
                    }
                }
            } else {
                match self.getitem(subj, k) {
                    Ok(v) => Some(v),
                    Err(e) if self.isinstance_ref(e.0, self.types.key_error) => None,
                    Err(e) => return Err(e),
                }
            };
            match v {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    /// MATCH_CLASS: the attributes for a class pattern, or None if it does not match.
    fn match_class(
        &mut self,
        subj: Value,
        cls: Value,
        npos: usize,
        names: Value,
    ) -> PyResult<Value> {
        let Some(c) = cls
            .obj()
            .filter(|r| matches!(self.heap.kind(*r), Kind::Class(_)))
        else {
            return Err(self.new_type_error("called match pattern must be a class".into()));
        };
        if !self.isinstance(subj, c) {
            return Ok(Value::None);
        }
        let mut out = vec![];
        if npos > 0 {
            let ma = self.names.__match_args__;
            let cname = self.class_name(c);
            match self.class_lookup(c, ma) {
                Some(args) => {
                    let args = self.tuple_items(args);
                    if npos > args.len() {
                        let s = if args.len() == 1 { "" } else { "s" };
                        return Err(self.new_type_error(format!(
                            "{cname}() accepts {} positional sub-pattern{s} ({npos} given)",
                            args.len()
                        )));
                    }
                    for a in &args[..npos] {
                        match self.getattr_opt(subj, *a)? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
                None if self.class_data(c).is_builtin
                    && SELF_MATCHING.contains(&cname.as_str()) =>
                {
                    if npos > 1 {
                        return Err(self.new_type_error(format!(
                            "{cname}() accepts 1 positional sub-pattern ({npos} given)"
                        )));
                    }
                    out.push(subj);
                }
                None => {
                    return Err(self.new_type_error(format!(
                        "{cname}() accepts 0 positional sub-patterns ({npos} given)"
                    )))
                }
            }
        }
        for n in self.tuple_items(names) {
            match self.getattr_opt(subj, n)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    /// COPY_DICT_WITHOUT_KEYS.
    fn copy_dict_without(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let d = self.new_dict();
        let items = match subj.obj() {
            Some(r) if matches!(self.heap.kind(r), Kind::Dict(_)) => self.dict_items(r),
            _ => {
                let ks = self.call_method(subj, "keys", &[])?;
                let mut v = vec![];
                for k in self.iterate(ks)? {
                    let val = self.getitem(subj, k)?;
                    v.push((k, val));
                }
                v
            }
        };
        for (k, v) in items {
            self.dict_set(d, k, v)?;
        }
        for k in self.tuple_items(keys) {
            self.dict_del(d, k)?;
        }
        Ok(Value::Obj(d))
    }
}

//! Instruction helpers that are too long to sit in the dispatch loop: `with`,
//! keyword dict building for calls, and the `match` statement's checks.

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
    /// A class body's namespace lookup: plain dicts directly, mappings returned by a
    /// metaclass `__prepare__` through their `__getitem__` (KeyError: not found).
    pub(crate) fn namespace_get(
        &mut self,
        ns: crate::object::ObjRef,
        name: Value,
    ) -> PyResult<Option<Value>> {
        if self.heap.get(ns).class == self.types.dict {
            return self.dict_get(ns, name);
        }
        match self.getitem(Value::Obj(ns), name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance_ref(e.0, self.types.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A class body's namespace store (see `namespace_get`).
    pub(crate) fn namespace_set(
        &mut self,
        ns: crate::object::ObjRef,
        name: Value,
        v: Value,
    ) -> PyResult<()> {
        if self.heap.get(ns).class == self.types.dict {
            return self.dict_set(ns, name, v);
        }
        self.setitem(Value::Obj(ns), name, v)
    }

    /// DICT_UPDATE / DICT_MERGE.
    pub(crate) fn dict_update_op(
        &mut self,
        d: Value,
        m: Value,
        merge: bool,
        _code: &crate::object::CodeData,
        _fi: usize,
    ) -> PyResult<()> {
        let dr = d.obj().expect("dict");
        let is_mapping = self.is_dict(m) || {
            let k = self.names.keys;
            self.lookup_special(m, k).is_some()
        };
        if !is_mapping {
            let t = self.type_name(m);
            if merge {
                let f = self.peek(3);
                let fname = self.function_str(f);
                return Err(self.new_type_error(format!(
                    "{fname} argument after ** must be a mapping, not {t}"
                )));
            }
            return Err(self.new_type_error(format!("'{t}' object is not a mapping")));
        }
        if merge {
            let items = if self.is_dict(m) {
                self.dict_items(m.obj().expect("dict"))
            } else {
                let keys = self.call_method(m, "keys", &[])?;
                let mut v = vec![];
                for k in self.iterate(keys)? {
                    let val = self.getitem(m, k)?;
                    v.push((k, val));
                }
                v
            };
            for (k, v) in items {
                if self.as_str(k).is_none() {
                    return Err(self.new_type_error("keywords must be strings".into()));
                }
                if self.dict_get(dr, k)?.is_some() {
                    let f = self.peek(3);
                    let fname = self.function_str(f);
                    let kn = self.str_of(k).to_string();
                    return Err(self.new_type_error(format!(
                        "{fname} got multiple values for keyword argument '{kn}'"
                    )));
                }
                self.dict_set(dr, k, v)?;
            }
            return Ok(());
        }
        crate::types::dict::dict_update_from(self, dr, m)
    }

    /// `module.qualname()` as CPython's `_PyObject_FunctionStr` names a callable in the
    /// errors of `f(*args, **kwargs)` (the module is left out for builtins).
    pub(crate) fn function_str(&mut self, f: Value) -> String {
        let with_module = |vm: &mut Vm, module: Value, qualname: String| -> String {
            match vm.as_str(module) {
                Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
                _ => format!("{qualname}()"),
            }
        };
        match f {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(func) => {
                    let (m, q) = (func.module, self.str_of(func.qualname).to_string());
                    with_module(self, m, q)
                }
                Kind::Native(nf) => match nf.owner {
                    Some(o) => format!("{o}.{}()", nf.name),
                    None => format!("{}()", nf.name),
                },
                Kind::BoundMethod(inner, _) => {
                    let inner = *inner;
                    self.function_str(inner)
                }
                Kind::Class(cd) => {
                    let (d, q) = (cd.dict, self.str_of(cd.qualname).to_string());
                    let key = self.names.__module__;
                    let m = self.dict_get_str(d, key).unwrap_or(Value::None);
                    with_module(self, m, q)
                }
                _ => format!("{} object", self.type_name(f)),
            },
            _ => format!("{} object", self.type_name(f)),
        }
    }

    /// The positional arguments of CALL_FUNCTION_EX: the items of `args`, with
    /// CPython's error when it is not iterable at all.
    pub(crate) fn star_args(&mut self, f: Value, args: Value) -> PyResult<Vec<Value>> {
        match self.iterate(args) {
            Ok(v) => Ok(v),
            Err(e) if self.not_iterable_error(e, args) => {
                let (fname, t) = (self.function_str(f), self.type_name(args));
                Err(self.new_type_error(format!(
                    "{fname} argument after * must be an iterable, not {t}"
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// LIST_EXTEND (`[*a]`, `f(x, *a)`): CPython's error for a non-iterable.
    pub(crate) fn list_extend_op(&mut self, l: Value, it: Value) -> PyResult<()> {
        match self.list_extend(l, it) {
            Err(e) if self.not_iterable_error(e, it) => {
                let t = self.type_name(it);
                Err(self.new_type_error(format!("Value after * must be an iterable, not {t}")))
            }
            r => r,
        }
    }

    /// Whether `e` is the TypeError of iterating `v`, whose type has neither
    /// `__iter__` nor `__getitem__`.
    fn not_iterable_error(&mut self, e: crate::PyErr, v: Value) -> bool {
        if !self.isinstance_ref(e.0, self.types.type_error) {
            return false;
        }
        let (it, gi) = (self.intern("__iter__"), self.intern("__getitem__"));
        self.lookup_special(v, it).is_none() && self.lookup_special(v, gi).is_none()
    }

    /// BEFORE_WITH: (bound __exit__, result of __enter__).
    pub(crate) fn before_with(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let en = self.names.__enter__;
        let ex = self.names.__exit__;
        let cls = self.type_of(mgr);
        let enter = self.class_lookup(cls, en);
        let exit = self.class_lookup(cls, ex);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let t = self.type_name(mgr);
            return Err(self.new_type_error(format!(
                "'{t}' object does not support the context manager protocol"
            )));
        };
        let exit_b = self.bind_descriptor(exit, mgr, cls)?;
        let enter_b = self.bind_descriptor(enter, mgr, cls)?;
        let r = self.call(enter_b, &[], &[])?;
        Ok((exit_b, r))
    }

    /// WITH_EXCEPT_START: __exit__(type, value, traceback).
    pub(crate) fn with_exit_exc(&mut self, exit: Value, exc: Value) -> PyResult<Value> {
        let t = Value::Obj(self.type_of(exc));
        self.call(exit, &[t, exc, Value::None], &[])
    }

    pub(crate) fn is_mapping(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Dict(_) => true,
                Kind::Opaque(_) | Kind::Object => {
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
            Value::Obj(r) => {
                matches!(
                    self.heap.kind(r),
                    Kind::List(_) | Kind::Tuple(_) | Kind::Range(..)
                ) || matches!(self.heap.kind(r), Kind::Opaque(_))
                    && self.class_name(self.type_of(v)) == "deque"
            }
            _ => false,
        }
    }

    /// MATCH_KEYS: the values of `keys` in `subj`, or None if one is missing.
    pub(crate) fn match_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
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
    pub(crate) fn match_class(
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
    pub(crate) fn copy_dict_without(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
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

//! Classes: calling a class (`__new__` then `__init__`), `class` statements
//! (`__build_class__`, `type.__new__`), `__slots__`, C3 method resolution order
//! (`super` is in `super_type.rs`).

use crate::interp::Exit;
use crate::object::{BaseKind, ClassData, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// A new, empty instance of a class whose layout is a plain object.
    pub fn new_instance(&mut self, cls: ObjRef) -> Value {
        // Room for the attributes its class's instances got (`ClassData::attr_hint`).
        let hint = match self.heap.kind(cls) {
            Kind::Class(c) => c.attr_hint as usize,
            _ => 0,
        };
        let attrs = crate::object::attrs::Attrs::with_capacity(hint);
        Value::Obj(self.heap.alloc(cls, Kind::Object(attrs)))
    }

    /// `cls(*args, **kwargs)`.
    pub fn call_class(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        if cls == self.types.type_ && args.len() == 1 && kwargs.is_empty() {
            return Ok(Value::Obj(self.type_of(args[0])));
        }
        if let Some(f) = self.meta_call_override(cls) {
            let mut full = vec![Value::Obj(cls)];
            full.extend_from_slice(args);
            return self.call_special_kw(f, &full, kwargs);
        }
        self.call_class_default(cls, args, kwargs)
    }

    /// A metaclass's own `__call__` (not `type.__call__`), which calling `cls` runs.
    pub(crate) fn meta_call_override(&mut self, cls: ObjRef) -> Option<Value> {
        let meta = self.heap.get(cls).class;
        if meta == self.types.type_ || self.class_data(meta).is_builtin {
            return None;
        }
        let call = self.names.__call__;
        let f = self.class_lookup(meta, call)?;
        let type_call = self.class_lookup(self.types.type_, call);
        if type_call.map(|t| t.is(f)).unwrap_or(false) {
            return None;
        }
        Some(f)
    }

    /// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`.
    pub fn call_class_default(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let new_name = self.names.__new__;
        let init_name = self.names.__init__;
        let new = self.class_lookup(cls, new_name).unwrap_or(self.object_new);
        let obj = if new.is(self.object_new) {
            if self.class_is_abstract(cls) {
                return Err(self.abstract_error(cls));
            }
            let init = self.class_lookup(cls, init_name);
            let object_init = self.class_lookup(self.types.object, init_name);
            if (!args.is_empty() || !kwargs.is_empty())
                && init
                    .map(|i| i.is(object_init.unwrap_or(Value::None)))
                    .unwrap_or(true)
            {
                let n = self.class_name(cls);
                return Err(self.new_type_error(format!("{n}() takes no arguments")));
            }
            self.new_instance(cls)
        } else {
            // `type.__call__` gets `cls.__new__` as an attribute of the class (bound
            // with no instance: a staticmethod gives its function, a classmethod a
            // method of `cls`, a user descriptor what `__get__(None, cls)` returns),
            // then passes `cls` first.
            let f = match new {
                Value::Obj(r) => match self.heap.kind(r) {
                    Kind::StaticMethod(f) => *f,
                    Kind::Function(_) | Kind::Native(_) => new,
                    _ => self.bind_descriptor(new, Value::Undef, cls)?,
                },
                _ => new,
            };
            let mut full = vec![Value::Obj(cls)];
            full.extend_from_slice(args);
            self.call(f, &full, kwargs)?
        };
        if !self.isinstance(obj, cls) {
            return Ok(obj);
        }
        let init = self.class_lookup(cls, init_name);
        let object_init = self.class_lookup(self.types.object, init_name);
        if let Some(init) = init {
            if !Some(init)
                .map(|i| i.is(object_init.unwrap_or(Value::None)))
                .unwrap_or(false)
            {
                let mut full = vec![obj];
                full.extend_from_slice(args);
                let r = self.call_special_kw(init, &full, kwargs)?;
                if !r.is_none() {
                    let t = self.type_name(r);
                    return Err(
                        self.new_type_error(format!("__init__() should return None, not '{t}'"))
                    );
                }
            }
        }
        Ok(obj)
    }

    pub(crate) fn class_is_abstract(&mut self, cls: ObjRef) -> bool {
        let key = self.names.__abstractmethods__;
        match self.class_lookup(cls, key) {
            Some(v) => self.len(v).map(|n| n > 0).unwrap_or(false),
            None => false,
        }
    }

    fn abstract_error(&mut self, cls: ObjRef) -> crate::PyErr {
        let key = self.names.__abstractmethods__;
        let methods = self.class_lookup(cls, key).unwrap_or(Value::None);
        let mut names: Vec<String> = self
            .iterate(methods)
            .unwrap_or_default()
            .into_iter()
            .map(|v| self.str_lossy(v))
            .collect();
        names.sort();
        let n = self.class_name(cls);
        let plural = if names.len() == 1 { "" } else { "s" };
        let list = names.join(", ");
        self.new_type_error(format!(
            "Can't instantiate abstract class {n} with abstract method{plural} {list}"
        ))
    }

    /// `__build_class__(func, name, *bases, **kwds)`: run the class body, then call the
    /// metaclass.
    pub(crate) fn build_class(
        &mut self,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        if args.len() < 2 {
            return Err(self.new_type_error("__build_class__: not enough arguments".into()));
        }
        let func = args[0];
        let name = args[1];
        let fr = match func {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_)) => r,
            _ => return Err(self.new_type_error("__build_class__: func must be a function".into())),
        };
        if self.as_str(name).is_none() {
            return Err(self.new_type_error("__build_class__: name is not a string".into()));
        }
        let orig_bases: Vec<Value> = args[2..].to_vec();
        let bases = self.resolve_mro_entries(&orig_bases)?;
        let mut meta: Option<Value> = None;
        let mut kw: Vec<(Value, Value)> = vec![];
        for (k, v) in kwargs {
            if self.str_of(*k) == "metaclass" {
                meta = Some(*v);
            } else {
                kw.push((*k, *v));
            }
        }
        let meta = match meta {
            Some(m) => m,
            None => {
                // The most derived metaclass of the bases.
                let mut m = self.types.type_;
                for b in &bases {
                    let bm = self.type_of(*b);
                    if self.is_subclass_ref(bm, m) {
                        m = bm;
                    }
                }
                Value::Obj(m)
            }
        };
        let ns = self.prepare_namespace(meta, name, &bases, &kw)?;
        if bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(*b))
        {
            let k = self.intern("__orig_bases__");
            let t = self.new_tuple(orig_bases.clone());
            self.dict_set(ns, k, t)?;
        }
        let depth = self.frames.len();
        let sp = self.stack.len();
        let cell = if self.push_function_frame(fr, &[], &[], sp)? {
            self.frames.last_mut().expect("frame").locals = Some(ns);
            self.gc_holds += 1;
            let r = self.run(depth);
            self.gc_holds -= 1;
            match r? {
                Exit::Return(v) => v,
                Exit::Yield(_) => Value::None,
            }
        } else {
            // A generator function as the body (CPython makes the generator and
            // leaves the namespace empty).
            self.stack.truncate(sp);
            Value::None
        };
        let bases_t = self.new_tuple(bases);
        let cls = self.call(meta, &[name, bases_t, Value::Obj(ns)], &kw)?;
        if let Value::Obj(c) = cell {
            if let Kind::Cell(_) = self.heap.kind(c) {
                self.cell_set(cell, cls);
            }
        }
        Ok(cls)
    }

    /// PEP 560: a base that is not a class may stand for classes through
    /// `__mro_entries__(bases)` (e.g. `Generic[T]`).
    fn resolve_mro_entries(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        let me = self.intern("__mro_entries__");
        for &b in bases {
            if self.is_class(b) {
                out.push(b);
                continue;
            }
            match self.getattr_opt(b, me)? {
                Some(f) => {
                    let orig = self.new_tuple(bases.to_vec());
                    let r = self.call(f, &[orig], &[])?;
                    let is_tuple =
                        matches!(r, Value::Obj(t) if matches!(self.heap.kind(t), Kind::Tuple(_)));
                    if !is_tuple {
                        return Err(
                            self.new_type_error("__mro_entries__ must return a tuple".into())
                        );
                    }
                    out.extend(self.tuple_items(r));
                }
                None => out.push(b),
            }
        }
        Ok(out)
    }

    /// The class body's namespace: `meta.__prepare__(name, bases, **kwds)` when the
    /// metaclass defines it (it must return a dict or a dict subclass), else a new dict.
    fn prepare_namespace(
        &mut self,
        meta: Value,
        name: Value,
        bases: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<ObjRef> {
        let prep = self.names.__prepare__;
        let custom = match meta {
            Value::Obj(m) if matches!(self.heap.kind(m), Kind::Class(_)) => {
                m != self.types.type_ && self.class_lookup(m, prep).is_some()
            }
            _ => false,
        };
        if !custom {
            return Ok(self.new_dict());
        }
        let f = self.getattr(meta, prep)?;
        let bases_t = self.new_tuple(bases.to_vec());
        let ns = self.call(f, &[name, bases_t], kw)?;
        match ns {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Dict(_)) => Ok(r),
            _ => {
                let m = self.str_lossy(name);
                let t = self.type_name(ns);
                Err(self
                    .new_type_error(format!("{m}.__prepare__() must return a mapping, not {t}")))
            }
        }
    }

    /// `type.__new__(meta, name, bases, ns, **kwds)`.
    pub(crate) fn type_new(
        &mut self,
        meta: ObjRef,
        name: Value,
        bases: Value,
        ns: Value,
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let mut base_refs: Vec<ObjRef> = vec![];
        for b in self.iterate(bases)? {
            match b {
                Value::Obj(r) if matches!(self.heap.kind(r), Kind::Class(_)) => base_refs.push(r),
                _ => {
                    let t = self.type_name(b);
                    return Err(self.new_type_error(format!("bases must be types, not {t}")));
                }
            }
        }
        if base_refs.is_empty() {
            base_refs.push(self.types.object);
        }
        for b in &base_refs {
            if matches!(
                self.class_data(*b).base_kind,
                BaseKind::Bool | BaseKind::NoneType
            ) || *b == self.types.slice
                || *b == self.types.range
                || *b == self.types.function
                || *b == self.types.generator
            {
                let bn = self.class_name(*b);
                return Err(
                    self.new_type_error(format!("type '{bn}' is not an acceptable base type"))
                );
            }
        }
        // The layout comes from the first base with a non-object layout.
        let mut base_kind = BaseKind::Object;
        for b in &base_refs {
            let k = self.class_data(*b).base_kind;
            if k != BaseKind::Object && k != BaseKind::Other {
                if base_kind != BaseKind::Object && base_kind != k {
                    return Err(
                        self.new_type_error("multiple bases have instance lay-out conflict".into())
                    );
                }
                base_kind = k;
            }
        }
        let dict = self.new_dict();
        let Value::Obj(nsr) = ns else {
            return Err(self.new_type_error("type.__new__() argument 3 must be dict".into()));
        };
        let items = match self.heap.kind(nsr) {
            Kind::Dict(d) => d.items(),
            _ => return Err(self.new_type_error("type.__new__() argument 3 must be dict".into())),
        };
        let mut qualname = name;
        for (k, v) in items {
            let ks = self.str_of(k).to_string();
            let v = match ks.as_str() {
                "__qualname__" => {
                    qualname = v;
                    continue;
                }
                "__classcell__" => continue,
                "__new__" => self.wrap_static(v),
                "__init_subclass__" | "__class_getitem__" => self.wrap_classmethod(v),
                _ => v,
            };
            self.dict_set(dict, k, v)?;
        }
        // `type(name, bases, ns)` takes `__module__` from the caller's globals.
        let mk = self.names.__module__;
        if self.dict_get_str(dict, mk).is_none() {
            if let Some(g) = self.frames.last().map(|f| f.globals) {
                let nk = self.names.__name__;
                if let Some(n) = self.dict_get_str(g, nk) {
                    self.dict_set(dict, mk, n)?;
                }
            }
        }
        // A class that defines `__eq__` but not `__hash__` is unhashable.
        let (eq, hash) = (self.names.__eq__, self.names.__hash__);
        if self.dict_get_str(dict, eq).is_some() && self.dict_get_str(dict, hash).is_none() {
            self.dict_set(dict, hash, Value::None)?;
        }
        // Every class has its own `__doc__` (None without a docstring).
        let doc = self.names.__doc__;
        if self.dict_get_str(dict, doc).is_none() {
            self.dict_set(dict, doc, Value::None)?;
        }
        let cls = self.heap.alloc(
            meta,
            Kind::Class(Box::new(ClassData {
                name,
                qualname,
                bases: base_refs.clone(),
                mro: vec![],
                dict,
                base_kind,
                is_builtin: false,
                version: 0,
                slots: None,
                attr_hint: 0,
            })),
        );
        let mro = self.c3_mro(cls, &base_refs)?;
        let (slots, own_slots) = self.compute_slots(name, nsr, &base_refs, &mro)?;
        if let Kind::Class(c) = self.heap.kind_mut(cls) {
            c.mro = mro;
            c.slots = slots;
        }
        self.add_member_descriptors(cls, &own_slots);
        self.mro_cache.invalidate();
        // __set_name__ on attributes that want it.
        let set_name = self.names.__set_name__;
        let entries = match self.heap.kind(dict) {
            Kind::Dict(d) => d.items(),
            _ => vec![],
        };
        for (k, v) in entries {
            if let Some(f) = self.lookup_special(v, set_name) {
                if matches!(v, Value::Obj(r) if !matches!(self.heap.kind(r), Kind::Class(_))) {
                    self.call_special(f, &[v, Value::Obj(cls), k])?;
                }
            }
        }
        // __init_subclass__ of the parent.
        let isc = self.names.__init_subclass__;
        let mro: Vec<ObjRef> = self.class_data(cls).mro[1..].to_vec();
        for c in mro {
            let d = self.class_data(c).dict;
            if let Some(f) = self.dict_get_str(d, isc) {
                let bound = self.bind_descriptor(f, Value::Undef, cls)?;
                let bound = match bound {
                    Value::Obj(r) if matches!(self.heap.kind(r), Kind::Native(_)) => {
                        // object.__init_subclass__: no keyword arguments allowed.
                        if !kwargs.is_empty() {
                            let n = self.class_name(cls);
                            return Err(self.new_type_error(format!(
                                "{n}.__init_subclass__() takes no keyword arguments"
                            )));
                        }
                        break;
                    }
                    b => b,
                };
                self.call(bound, &[], kwargs)?;
                break;
            }
        }
        self.note_finalizer_class(cls);
        Ok(Value::Obj(cls))
    }

    fn wrap_static(&mut self, v: Value) -> Value {
        if matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_))) {
            let c = self.types.staticmethod;
            Value::Obj(self.heap.alloc(c, Kind::StaticMethod(v)))
        } else {
            v
        }
    }

    fn wrap_classmethod(&mut self, v: Value) -> Value {
        if matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_))) {
            let c = self.types.classmethod;
            Value::Obj(self.heap.alloc(c, Kind::ClassMethod(v)))
        } else {
            v
        }
    }

    /// `obj.__class__ = cls`: only between user classes with the same layout.
    pub(crate) fn set_class(&mut self, obj: ObjRef, value: Value) -> PyResult<()> {
        let Some(new) = value
            .obj()
            .filter(|r| matches!(self.heap.kind(*r), Kind::Class(_)))
        else {
            let t = self.type_name(value);
            return Err(self.new_type_error(format!(
                "__class__ must be set to a class, not '{t}' object"
            )));
        };
        let old = self.heap.get(obj).class;
        // A module may become an instance of a ModuleType subclass and back
        // (module-level properties and `__setattr__`, as CPython allows).
        if matches!(self.heap.kind(obj), Kind::Module(_)) {
            let module = self.types.module;
            if self.is_subclass_ref(new, module) && self.class_slots(new).is_none() {
                self.heap.get_mut(obj).class = new;
                return Ok(());
            }
        }
        if self.class_data(old).is_builtin || self.class_data(new).is_builtin {
            return Err(self.new_type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses"
                    .into(),
            ));
        }
        if self.class_data(old).base_kind != self.class_data(new).base_kind
            || !slots_same(self, self.class_slots(old), self.class_slots(new))
        {
            let (a, b) = (self.class_name(new), self.class_name(old));
            return Err(self.new_type_error(format!(
                "__class__ assignment: '{a}' object layout differs from '{b}'"
            )));
        }
        // A class's new metaclass may have another `__call__` (cached answers,
        // such as `plain_list_subclass`'s, depend on it).
        if matches!(self.heap.kind(obj), Kind::Class(_)) {
            self.mro_cache.invalidate();
        }
        self.heap.get_mut(obj).class = new;
        Ok(())
    }

    /// The slot names of a class whose instances have no `__dict__`.
    pub(crate) fn class_slots(&self, cls: ObjRef) -> Option<&[Value]> {
        self.class_data(cls).slots.as_deref()
    }

    /// Whether an instance of `cls` may have attribute `name` (always, unless the class
    /// uses `__slots__` without `__dict__`).
    pub(crate) fn slot_allows(&self, cls: ObjRef, name: Value) -> bool {
        match self.class_slots(cls) {
            None => true,
            Some(slots) => {
                let n = self.str_of(name);
                slots.iter().any(|s| s.is(name) || self.str_of(*s) == n)
            }
        }
    }

    /// The `slots` field of a new class (`None` when its instances get a
    /// `__dict__`), and the slots the class itself declares (each gets a member
    /// descriptor).
    #[allow(clippy::type_complexity)]
    fn compute_slots(
        &mut self,
        name: Value,
        ns: ObjRef,
        bases: &[ObjRef],
        mro: &[ObjRef],
    ) -> PyResult<(Option<Box<[Value]>>, Vec<Value>)> {
        let sk = self.intern("__slots__");
        let Some(spec) = self.dict_get(ns, sk)? else {
            return Ok((None, vec![]));
        };
        let items = if self.as_str(spec).is_some() {
            vec![spec]
        } else {
            self.iterate(spec)?
        };
        let cname = self.str_of(name).trim_start_matches('_').to_string();
        let mut own: Vec<Value> = vec![];
        let mut has_dict = false;
        for it in items {
            let Some(s) = self.as_str(it).map(|s| s.to_string()) else {
                let t = self.type_name(it);
                return Err(
                    self.new_type_error(format!("__slots__ items must be strings, not '{t}'"))
                );
            };
            if s == "__dict__" {
                has_dict = true;
                continue;
            }
            if s == "__weakref__" {
                continue;
            }
            let key = self.intern(&s);
            if self.dict_get(ns, key)?.is_some() {
                return Err(self
                    .new_value_error(format!("'{s}' in __slots__ conflicts with class variable")));
            }
            let mangled = if s.starts_with("__") && !s.ends_with("__") && !cname.is_empty() {
                format!("_{cname}{s}")
            } else {
                s
            };
            own.push(self.intern(&mangled));
        }
        let declared = own.clone();
        let _ = bases;
        for c in &mro[1..] {
            let cd = self.class_data(*c);
            if cd.is_builtin {
                continue;
            }
            match &cd.slots {
                None => has_dict = true,
                Some(s) => own.extend(s.iter().copied()),
            }
        }
        let slots = if has_dict {
            None
        } else {
            Some(own.into_boxed_slice())
        };
        Ok((slots, declared))
    }

    /// C3 linearization.
    pub(crate) fn c3_mro(&mut self, cls: ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].contains(b) {
                let n = self.class_name(*b);
                return Err(self.new_type_error(format!("duplicate base class {n}")));
            }
        }
        let mut seqs: Vec<Vec<ObjRef>> = bases
            .iter()
            .map(|b| self.class_data(*b).mro.clone())
            .collect();
        seqs.push(bases.to_vec());
        let mut out = vec![cls];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut pick = None;
            for s in &seqs {
                let head = s[0];
                if !seqs.iter().any(|t| t[1..].contains(&head)) {
                    pick = Some(head);
                    break;
                }
            }
            let Some(h) = pick else {
                // CPython names the heads of the sequences left to merge.
                let mut heads: Vec<ObjRef> = vec![];
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                let names: Vec<String> = heads.iter().map(|b| self.class_name(*b)).collect();
                return Err(self.new_type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(h);
            for s in seqs.iter_mut() {
                if s[0] == h {
                    s.remove(0);
                }
            }
        }
    }
}

fn slots_same(vm: &Vm, a: Option<&[Value]>, b: Option<&[Value]>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| vm.str_of(*p) == vm.str_of(*q))
        }
        _ => false,
    }
}

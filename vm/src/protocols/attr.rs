//! Attribute access: types of values, MRO lookup (cached), descriptors (functions,
//! properties, static and class methods, user descriptors), `__getattr__` and friends.

use crate::object::{ClassData, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// The class of a value.
    #[inline]
    pub fn type_of(&self, v: Value) -> ObjRef {
        match v {
            Value::Obj(r) => self.heap.get(r).class,
            Value::Int(_) => self.types.int,
            Value::Float(_) => self.types.float,
            Value::Bool(_) => self.types.bool_,
            Value::None | Value::Undef => self.types.none_type,
        }
    }

    pub fn class_data(&self, cls: ObjRef) -> &ClassData {
        match self.heap.kind(cls) {
            Kind::Class(c) => c,
            _ => panic!("revpy internal error: not a class"),
        }
    }

    pub fn is_class(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Class(_)))
    }

    pub fn class_name(&self, cls: ObjRef) -> String {
        self.str_of(self.class_data(cls).name).to_string()
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: Value) -> String {
        self.class_name(self.type_of(v))
    }

    pub fn is_subclass_ref(&self, a: ObjRef, b: ObjRef) -> bool {
        a == b || self.class_data(a).mro.contains(&b)
    }

    pub fn isinstance_ref(&self, obj: ObjRef, cls: ObjRef) -> bool {
        self.is_subclass_ref(self.heap.get(obj).class, cls)
    }

    /// `isinstance(v, cls)` for a class object.
    pub fn isinstance(&self, v: Value, cls: ObjRef) -> bool {
        self.is_subclass_ref(self.type_of(v), cls)
    }

    /// Find `name` in the class's MRO (no descriptor binding), and whether it was found
    /// in a user (not built-in) class. Cached for interned names.
    #[inline]
    pub fn lookup_with_owner(&mut self, cls: ObjRef, name: Value) -> (Option<Value>, bool) {
        let Value::Obj(nr) = name else {
            return (None, false);
        };
        if let Some(hit) = self.mro_cache.get(cls, nr) {
            return hit;
        }
        let interned = matches!(self.heap.kind(nr), Kind::Str(s) if s.interned);
        let mut found = (None, false);
        let n = self.class_data(cls).mro.len();
        for i in 0..n {
            let c = self.class_data(cls).mro[i];
            let cd = self.class_data(c);
            let (d, builtin) = (cd.dict, cd.is_builtin);
            if let Some(v) = self.dict_get_str(d, name) {
                found = (Some(v), !builtin);
                break;
            }
        }
        if interned {
            self.mro_cache.put(cls, nr, found.0, found.1);
        }
        found
    }

    /// Find `name` in the class's MRO (no descriptor binding). Cached for interned names.
    #[inline]
    pub fn class_lookup(&mut self, cls: ObjRef, name: Value) -> Option<Value> {
        self.lookup_with_owner(cls, name).0
    }

    /// Look up a special method on the type of `obj` (not the instance).
    pub fn lookup_special(&mut self, obj: Value, name: Value) -> Option<Value> {
        let cls = self.type_of(obj);
        self.class_lookup(cls, name)
    }

    /// The attribute if the first class in the MRO defining `name` is a user class (the
    /// built-in behaviour applies otherwise).
    #[inline]
    pub fn user_override(&mut self, cls: ObjRef, name: Value) -> Option<Value> {
        match self.lookup_with_owner(cls, name) {
            (Some(v), true) => Some(v),
            _ => None,
        }
    }

    /// Call a special method `f` found on the type of `args[0]` (by `user_override`,
    /// `lookup_special`, `class_lookup`) with `args` = the instance and the arguments,
    /// as CPython's `vectorcall_method`: a function (or a method of a built-in type)
    /// gets the instance first; anything else is bound through its type's `__get__`
    /// (`staticmethod` gets no instance, `classmethod` the class, a property or a user
    /// descriptor gives what its getter returns) and called without it, and a callable
    /// without `__get__` is called without the instance.
    #[inline]
    pub fn call_special(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        if self.is_plain_method(f) {
            return self.call(f, args, &[]);
        }
        self.call_special_bound(f, args, &[])
    }

    /// `call_special` with keyword arguments.
    pub fn call_special_kw(
        &mut self,
        f: Value,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        if self.is_plain_method(f) {
            return self.call(f, args, kwargs);
        }
        self.call_special_bound(f, args, kwargs)
    }

    /// Whether a class attribute is called with the instance prepended when used as a
    /// special method (a function, or a method of a built-in type): no binding needed.
    #[inline]
    pub fn is_plain_method(&self, f: Value) -> bool {
        match f {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(_) => true,
                Kind::Native(nf) => nf.binds,
                _ => false,
            },
            _ => false,
        }
    }

    /// `call_special` of anything but a plain method: bound first.
    #[inline(never)]
    fn call_special_bound(
        &mut self,
        f: Value,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let obj = args[0];
        let cls = self.type_of(obj);
        let bound = self.bind_descriptor(f, obj, cls)?;
        self.call(bound, &args[1..], kwargs)
    }

    fn is_data_descriptor(&mut self, descr: Value) -> bool {
        let Value::Obj(r) = descr else { return false };
        match self.heap.kind(r) {
            Kind::Property(_) => true,
            Kind::Function(_) | Kind::Native(_) | Kind::StaticMethod(_) | Kind::ClassMethod(_) => {
                false
            }
            Kind::Object(_) | Kind::Opaque(_) => {
                let set = self.names.__set__;
                let del = self.names.__delete__;
                let cls = self.heap.get(r).class;
                self.class_lookup(cls, set).is_some() || self.class_lookup(cls, del).is_some()
            }
            _ => false,
        }
    }

    /// Bind a descriptor found on `cls` for access through `obj` (Undef: through the class).
    pub(crate) fn bind_descriptor(
        &mut self,
        descr: Value,
        obj: Value,
        cls: ObjRef,
    ) -> PyResult<Value> {
        let Value::Obj(r) = descr else {
            return Ok(descr);
        };
        match self.heap.kind(r) {
            Kind::Function(_) => {
                if obj.is_undef() {
                    Ok(descr)
                } else {
                    Ok(self.new_bound_method(descr, obj))
                }
            }
            Kind::Native(nf) => {
                if nf.binds && !obj.is_undef() {
                    Ok(self.new_bound_method(descr, obj))
                } else {
                    Ok(descr)
                }
            }
            Kind::StaticMethod(f) => Ok(*f),
            Kind::ClassMethod(f) => {
                let f = *f;
                Ok(self.new_bound_method(f, Value::Obj(cls)))
            }
            Kind::Property(p) => {
                if obj.is_undef() {
                    return Ok(descr);
                }
                let fget = p[0];
                if fget.is_none() {
                    let tcls = self.type_of(obj);
                    return Err(self.property_missing(r, tcls, "getter"));
                }
                self.call(fget, &[obj], &[])
            }
            // Instances of classes written in Python, and of native types that define
            // `__get__` (`functools._lru_cache_wrapper` binds as a method).
            Kind::Object(_) | Kind::Opaque(_) => {
                let get = self.names.__get__;
                let dcls = self.heap.get(r).class;
                match self.class_lookup(dcls, get) {
                    Some(g) => {
                        let inst = if obj.is_undef() { Value::None } else { obj };
                        self.call(g, &[descr, inst, Value::Obj(cls)], &[])
                    }
                    None => Ok(descr),
                }
            }
            _ => Ok(descr),
        }
    }

    /// "property 'x' of 'C' object has no setter" (or "property of 'C' object ..." when
    /// the property never got a name from `__set_name__`), as CPython 3.11.
    pub(crate) fn property_missing(&mut self, p: ObjRef, cls: ObjRef, what: &str) -> crate::PyErr {
        let qn = self.str_of(self.class_data(cls).qualname).to_string();
        let tn = crate::protocols::repr::str_repr(&qn);
        let name = match self.heap.kind(p) {
            Kind::Property(parts) => parts[4],
            _ => Value::None,
        };
        let msg = match self.as_str(name) {
            Some(n) => {
                let n = crate::protocols::repr::str_repr(n);
                format!("property {n} of {tn} object has no {what}")
            }
            None => format!("property of {tn} object has no {what}"),
        };
        self.new_error(self.types.attribute_error, msg)
    }

    /// The instance dict of an object, if it has one. A plain instance whose
    /// attributes are inline (`object::attrs`) gets a dict holding them now (and keeps
    /// it), so the caller sees and may change the live attributes.
    pub fn instance_dict(&mut self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) => {
                let o = self.heap.get(r);
                match &o.kind {
                    Kind::Module(m) => Some(m.dict),
                    Kind::Object(a) if o.dict().is_none() && !a.is_empty() => {
                        Some(self.materialize_dict(r))
                    }
                    _ => o.dict(),
                }
            }
            _ => None,
        }
    }

    /// The dict of a plain instance (or any object that may have one), made now if it
    /// has none: inline attributes move into it, in order.
    pub fn materialize_dict(&mut self, r: ObjRef) -> ObjRef {
        if let Some(d) = self.heap.get(r).dict() {
            return d;
        }
        let d = self.new_dict();
        let pairs = match self.heap.kind_mut(r) {
            Kind::Object(a) => a.take(),
            _ => vec![],
        };
        for (k, v) in pairs {
            let h = match k {
                Value::Obj(kr) => match self.heap.kind(kr) {
                    Kind::Str(s) => s.hash(),
                    _ => 0,
                },
                _ => 0,
            };
            if let Kind::Dict(x) = self.heap.kind_mut(d) {
                crate::object::dict_table::unshared(x).insert_new(h, k, v);
            }
            self.heap.charge(crate::object::DICT_ENTRY_BYTES);
        }
        self.heap.get_mut(r).set_dict(Some(d));
        d
    }

    /// The `(name, value)` pairs of an object's own storage (inline attributes or
    /// instance dict), in order, without making a dict; `None` when it has neither.
    pub fn instance_items(&self, v: Value) -> Option<Vec<(Value, Value)>> {
        let Value::Obj(r) = v else { return None };
        let o = self.heap.get(r);
        match (&o.kind, o.dict()) {
            (Kind::Module(m), _) => Some(self.dict_items(m.dict)),
            (_, Some(d)) => Some(self.dict_items(d)),
            (Kind::Object(a), None) if !a.is_empty() => Some(a.0.clone()),
            _ => None,
        }
    }

    /// An attribute in an object's own storage (its inline attributes, its dict or
    /// a module's namespace), looked up by a str name without making a dict and
    /// without running Python code.
    pub fn instance_attr(&self, v: Value, name: Value) -> Option<Value> {
        let Value::Obj(r) = v else { return None };
        let o = self.heap.get(r);
        let d = match &o.kind {
            Kind::Module(m) => m.dict,
            Kind::Object(a) if o.dict().is_none() => {
                return a.find(&self.heap, name).and_then(|i| a.at(i)).map(|p| p.1);
            }
            _ => o.dict()?,
        };
        self.dict_get_str(d, name)
    }

    /// Whether instances of the object's class may get attributes (user classes,
    /// functions).
    fn can_have_dict(&self, r: ObjRef) -> bool {
        let o = self.heap.get(r);
        match &o.kind {
            Kind::Function(_) | Kind::Module(_) | Kind::Exception(_) => true,
            Kind::Class(_) => false,
            // Native types whose instances get a dict when made (`functools.partial`).
            Kind::Opaque(_) if o.dict().is_some() => true,
            _ => {
                let cd = self.class_data(o.class);
                !cd.is_builtin && cd.slots.is_none()
            }
        }
    }

    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// `getattr(obj, name, None)`-like: `None` when the attribute does not exist
    /// (AttributeError raised by user code is also turned into `None`).
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        if !self.class_data(cls).is_builtin {
            let ga = self.names.__getattribute__;
            if let Some(f) = self.user_override(cls, ga) {
                let r = self.call_special(f, &[obj, name]);
                return match r {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.isinstance_ref(e.0, self.types.attribute_error) => {
                        self.getattr_fallback(obj, cls, name, Some(e))
                    }
                    Err(e) => Err(e),
                };
            }
        }
        if let Some(v) = self.generic_getattr(obj, name)? {
            return Ok(Some(v));
        }
        self.getattr_fallback(obj, cls, name, None)
    }

    fn getattr_fallback(
        &mut self,
        obj: Value,
        cls: ObjRef,
        name: Value,
        err: Option<crate::PyErr>,
    ) -> PyResult<Option<Value>> {
        let gattr = self.names.__getattr__;
        // PEP 562: a module's own `__getattr__(name)` is called for missing names.
        if let Value::Obj(r) = obj {
            if let Kind::Module(m) = self.heap.kind(r) {
                let d = m.dict;
                if let Some(f) = self.dict_get(d, gattr)? {
                    return self.call(f, &[name], &[]).map(Some);
                }
            }
        }
        if !self.class_data(cls).is_builtin {
            if let Some(f) = self.class_lookup(cls, gattr) {
                return match self.call_special(f, &[obj, name]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.isinstance_ref(e.0, self.types.attribute_error) => {
                        // Keep the user's message.
                        Err(e)
                    }
                    Err(e) => Err(e),
                };
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `object.__getattribute__`: descriptors, instance dict, class attributes.
    pub fn generic_getattr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        // Classes: look through their own MRO. Super objects: through the MRO after the
        // starting class.
        if let Value::Obj(r) = obj {
            match self.heap.kind(r) {
                Kind::Class(_) => return self.class_getattr(r, name),
                Kind::Super(c, o) => {
                    let (c, o) = (*c, *o);
                    return self.super_getattr(c, o, name);
                }
                _ => {}
            }
        }
        let cls = self.type_of(obj);
        let descr = self.class_lookup(cls, name);
        if let Some(d) = descr {
            // A slot (`__slots__`): the value is in the instance's storage.
            if let Some(slot) = self.member_name(d) {
                return Ok(self.instance_attr(obj, slot));
            }
            if self.is_data_descriptor(d) {
                return self.bind_descriptor(d, obj, cls).map(Some);
            }
        }
        if descr.is_none() && name.is(self.names.__class__) {
            // `object.__class__` is a data descriptor: an instance-dict entry does not
            // hide it.
            return Ok(Some(Value::Obj(cls)));
        }
        if let Some(v) = self.instance_attr(obj, name) {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            // A built-in type's `__module__` belongs to the type, not to its instances
            // (CPython keeps it on the metatype): `[].__module__` is an AttributeError.
            let is_module =
                matches!((name, self.names.__module__), (Value::Obj(a), Value::Obj(b)) if a == b);
            if !(is_module && self.class_data(cls).is_builtin) {
                return self.bind_descriptor(d, obj, cls).map(Some);
            }
        }
        if let Value::Obj(r) = obj {
            if let Some(f) = self.opaque_protocols(r).and_then(|p| p.getattr) {
                return f(self, obj, name);
            }
        }
        self.special_attr(obj, name)
    }

    fn class_getattr(&mut self, cls: ObjRef, name: Value) -> PyResult<Option<Value>> {
        if let Some(v) = self.special_class_attr(cls, name)? {
            return Ok(Some(v));
        }
        // A data descriptor of a metaclass (a property on it) wins over the class's
        // own attribute, as in `type.__getattribute__`.
        let meta = self.heap.get(cls).class;
        if meta != self.types.type_ {
            if let Some(d) = self.class_lookup(meta, name) {
                if self.is_data_descriptor(d) {
                    return self.bind_descriptor(d, Value::Obj(cls), meta).map(Some);
                }
            }
        }
        if let Some(d) = self.class_lookup(cls, name) {
            return self.bind_descriptor(d, Value::Undef, cls).map(Some);
        }
        // Attributes of the metaclass (type): `mro`, `__subclasses__`, ...
        if let Some(d) = self.class_lookup(meta, name) {
            return self.bind_descriptor(d, Value::Obj(cls), meta).map(Some);
        }
        Ok(None)
    }

    /// Whether an attribute exists (`hasattr`).
    pub fn hasattr(&mut self, obj: Value, name: Value) -> PyResult<bool> {
        match self.getattr_opt(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if self.isinstance_ref(e.0, self.types.attribute_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The LOAD_METHOD protocol: `(function, self)` when the attribute is a method
    /// found on the class, else `(attribute, Undef)`.
    pub fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(obj);
        let builtin = self.class_data(cls).is_builtin;
        if !builtin {
            let ga = self.names.__getattribute__;
            if self.user_override(cls, ga).is_some() {
                return Ok((self.getattr(obj, name)?, Value::Undef));
            }
        }
        if !matches!(obj, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Class(_) | Kind::Module(_) | Kind::Super(..)))
        {
            if let Some(Value::Obj(d)) = self.class_lookup(cls, name) {
                let is_method = match self.heap.kind(d) {
                    Kind::Function(_) => true,
                    Kind::Native(nf) => nf.binds,
                    _ => false,
                };
                if is_method {
                    let shadowed = self.instance_attr(obj, name).is_some();
                    if !shadowed {
                        return Ok((Value::Obj(d), obj));
                    }
                }
            }
        }
        // `super().method(...)`: the function and the instance, without a bound method.
        if let Value::Obj(r) = obj {
            if let Kind::Super(start, inst) = self.heap.kind(r) {
                let (start, inst) = (*start, *inst);
                if cls == self.types.super_ {
                    if let Some(f) = self.super_method(start, inst, name) {
                        return Ok((f, inst));
                    }
                }
            }
        }
        Ok((self.getattr(obj, name)?, Value::Undef))
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if !self.class_data(cls).is_builtin {
            let sa = self.names.__setattr__;
            if let Some(f) = self.user_override(cls, sa) {
                self.call_special(f, &[obj, name, value])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            return Err(self.attribute_error(obj, name));
        };
        if let Kind::Class(c) = self.heap.kind(r) {
            if c.is_builtin {
                let n = self.str_of(name).to_string();
                let cn = self.class_name(r);
                return Err(self.new_type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{cn}'"
                )));
            }
            let d = c.dict;
            if name.is(self.names.__bases__) {
                return self.set_bases(r, Some(value));
            }
            // The metaclass (`object.__class__`'s setter), not a class attribute.
            if name.is(self.names.__class__) {
                return self.set_class(r, value);
            }
            // A class's names are its own fields (reprs and errors use them).
            if let Some(n @ ("__name__" | "__qualname__")) = self.as_str(name) {
                let n = n.to_string();
                if self.as_str(value).is_none() {
                    let cn = self.class_name(r);
                    let t = self.type_name(value);
                    return Err(self
                        .new_type_error(format!("can only assign string to {cn}.{n}, not '{t}'")));
                }
                if let Kind::Class(c) = self.heap.kind_mut(r) {
                    if n == "__name__" {
                        c.name = value;
                    } else {
                        c.qualname = value;
                    }
                }
                return Ok(());
            }
            self.mro_cache.invalidate();
            self.dict_set(d, name, value)?;
            if self.as_str(name) == Some("__del__") {
                self.note_finalizer_class(r);
            }
            return Ok(());
        }
        let cls = self.heap.get(r).class;
        if name.is(self.names.__class__) {
            return self.set_class(r, value);
        }
        if let Some(descr) = self.class_lookup(cls, name) {
            if let Value::Obj(dr) = descr {
                match self.heap.kind(dr) {
                    Kind::Property(p) => {
                        let fset = p[1];
                        if fset.is_none() {
                            return Err(self.property_missing(dr, cls, "setter"));
                        }
                        self.call(fset, &[obj, value], &[])?;
                        return Ok(());
                    }
                    // A slot: stored below, in the instance's storage.
                    Kind::Opaque(_) if self.member_name(descr).is_some() => {}
                    Kind::Object(_) | Kind::Opaque(_) => {
                        let set = self.names.__set__;
                        let dcls = self.heap.get(dr).class;
                        if let Some(s) = self.class_lookup(dcls, set) {
                            self.call_special(s, &[descr, obj, value])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Kind::Module(m) = self.heap.kind(r) {
            let d = m.dict;
            return self.dict_set(d, name, value);
        }
        if let Kind::Exception(_) = self.heap.kind(r) {
            let n = self.str_of(name).to_string();
            if crate::types::exceptions::exc_setattr(self, r, &n, value)? {
                return Ok(());
            }
        }
        if let Kind::Function(_) = self.heap.kind(r) {
            // A function's names are its own fields (tracebacks and argument
            // errors use them), as CPython's func_name/func_qualname.
            let which = self.as_str(name).map(|n| n.to_string());
            if let Some(n @ ("__name__" | "__qualname__")) = which.as_deref() {
                if self.as_str(value).is_none() {
                    return Err(self.new_type_error(format!("{n} must be set to a string object")));
                }
                if let Kind::Function(f) = self.heap.kind_mut(r) {
                    if n == "__name__" {
                        f.name = value;
                    } else {
                        f.qualname = value;
                    }
                }
                return Ok(());
            }
            // The defaults calls use (namedtuple sets them on an eval'd lambda).
            if which.as_deref() == Some("__defaults__") {
                let defaults = if value.is_none() {
                    vec![]
                } else if matches!(value, Value::Obj(v) if matches!(self.heap.kind(v), Kind::Tuple(_)))
                {
                    self.tuple_items(value)
                } else {
                    return Err(
                        self.new_type_error("__defaults__ must be set to a tuple object".into())
                    );
                };
                if let Kind::Function(f) = self.heap.kind_mut(r) {
                    f.defaults = defaults;
                }
                return Ok(());
            }
            // The code calls run (CPython's func_set_code): a code object whose
            // free variables match the function's closure.
            if which.as_deref() == Some("__code__") {
                let code = match value {
                    Value::Obj(v) => match self.heap.kind(v) {
                        Kind::Code(c) => Some(c.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(code) = code else {
                    return Err(self.new_type_error("__code__ must be set to a code object".into()));
                };
                let (nclosure, fname) = match self.heap.kind(r) {
                    Kind::Function(f) => (f.closure.len(), f.name),
                    _ => unreachable!("checked above"),
                };
                let nfree = code.code.freevars.len();
                if nfree != nclosure {
                    let fname = self.str_of(fname).to_string();
                    return Err(self.new_value_error(format!(
                        "{fname}() requires a code object with {nclosure} free vars, not {nfree}"
                    )));
                }
                if let Kind::Function(f) = self.heap.kind_mut(r) {
                    f.code = code;
                    f.code_obj = value;
                }
                return Ok(());
            }
            if which.as_deref() == Some("__kwdefaults__") {
                let kw = match value {
                    Value::None => None,
                    Value::Obj(v) if matches!(self.heap.kind(v), Kind::Dict(_)) => Some(v),
                    _ => {
                        return Err(self
                            .new_type_error("__kwdefaults__ must be set to a dict object".into()))
                    }
                };
                if let Kind::Function(f) = self.heap.kind_mut(r) {
                    f.kwdefaults = kw;
                }
                return Ok(());
            }
        }
        if !self.slot_allows(cls, name) {
            // A method or class attribute of that name: "read-only", as CPython.
            return Err(self.attribute_error_set(obj, name));
        }
        if !self.can_have_dict(r) && self.class_slots(cls).is_none() {
            return Err(self.attribute_error_set(obj, name));
        }
        let o = self.heap.get(r);
        let d = match (o.dict(), &o.kind) {
            (Some(d), _) => d,
            (None, Kind::Object(a)) => {
                if let Some(i) = a.find(&self.heap, name) {
                    if let Kind::Object(a) = self.heap.kind_mut(r) {
                        a.set_at(i, value);
                    }
                    return Ok(());
                }
                let str_name =
                    matches!(name, Value::Obj(n) if self.heap.get(n).class == self.types.str);
                if str_name && a.len() < crate::object::attrs::MAX_INLINE_ATTRS {
                    let interned = crate::object::attrs::is_interned(&self.heap, name);
                    crate::object::attrs::note_attr_name(&self.heap, name);
                    if let Kind::Object(a) = self.heap.kind_mut(r) {
                        let grew = a.push(name, value, interned);
                        self.heap.charge(grew);
                    }
                    return Ok(());
                }
                self.materialize_dict(r)
            }
            (None, _) => {
                let d = self.new_dict();
                self.heap.get_mut(r).set_dict(Some(d));
                d
            }
        };
        self.dict_set(d, name, value)
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if !self.class_data(cls).is_builtin {
            let da = self.names.__delattr__;
            if let Some(f) = self.user_override(cls, da) {
                self.call_special(f, &[obj, name])?;
                return Ok(());
            }
        }
        self.generic_delattr(obj, name)
    }

    pub fn generic_delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            return Err(self.attribute_error(obj, name));
        };
        if let Kind::Class(c) = self.heap.kind(r) {
            let d = c.dict;
            if name.is(self.names.__bases__) {
                return self.set_bases(r, None);
            }
            self.mro_cache.invalidate();
            if self.dict_del(d, name)? {
                return Ok(());
            }
            return Err(self.attribute_error(obj, name));
        }
        let cls = self.heap.get(r).class;
        if let Some(Value::Obj(dr)) = self.class_lookup(cls, name) {
            if let Kind::Property(p) = self.heap.kind(dr) {
                let fdel = p[2];
                if fdel.is_none() {
                    return Err(self.property_missing(dr, cls, "deleter"));
                }
                self.call(fdel, &[obj], &[])?;
                return Ok(());
            }
            // A descriptor with `__delete__` (written in Python or native); a
            // slot's value is deleted from the instance's storage below.
            if matches!(self.heap.kind(dr), Kind::Object(_) | Kind::Opaque(_))
                && self.member_name(Value::Obj(dr)).is_none()
            {
                let del = self.names.__delete__;
                let dcls = self.heap.get(dr).class;
                if let Some(f) = self.class_lookup(dcls, del) {
                    self.call_special(f, &[Value::Obj(dr), obj])?;
                    return Ok(());
                }
            }
        }
        let o = self.heap.get(r);
        if let (None, Kind::Object(a)) = (o.dict(), &o.kind) {
            if let Some(i) = a.find(&self.heap, name) {
                if let Kind::Object(a) = self.heap.kind_mut(r) {
                    a.remove(i);
                }
                return Ok(());
            }
            return Err(self.attribute_error(obj, name));
        }
        if let Some(d) = self.instance_dict(obj) {
            if self.dict_del(d, name)? {
                return Ok(());
            }
        }
        Err(self.attribute_error(obj, name))
    }

    pub fn attribute_error(&mut self, obj: Value, name: Value) -> crate::PyErr {
        let e = self.attribute_error_message(obj, name);
        // As CPython's `exc.name` and `exc.obj` (for "Did you mean", `suggestions.rs`).
        let (kn, ko) = (self.names.name, self.names.obj);
        let _ = self.generic_setattr(Value::Obj(e.0), kn, name);
        let _ = self.generic_setattr(Value::Obj(e.0), ko, obj);
        e
    }

    fn attribute_error_message(&mut self, obj: Value, name: Value) -> crate::PyErr {
        let n = self.str_of(name).to_string();
        let msg = match obj {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Class(_)) => {
                format!(
                    "type object '{}' has no attribute '{n}'",
                    self.class_name(r)
                )
            }
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Module(_)) => {
                let mname = match self.heap.kind(r) {
                    Kind::Module(m) => self.str_of(m.name).to_string(),
                    _ => String::new(),
                };
                format!("module '{mname}' has no attribute '{n}'")
            }
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        self.new_error(self.types.attribute_error, msg)
    }

    fn attribute_error_set(&mut self, obj: Value, name: Value) -> crate::PyErr {
        let n = self.str_of(name).to_string();
        let tn = self.type_name(obj);
        let has = self.lookup_special(obj, name).is_some();
        let msg = if has {
            format!("'{tn}' object attribute '{n}' is read-only")
        } else {
            format!("'{tn}' object has no attribute '{n}'")
        };
        self.new_error(self.types.attribute_error, msg)
    }

    /// Attributes every object has that are not in any dict (`__class__`, `__dict__`, ...),
    /// and data attributes of built-in objects.
    fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let n = self.str_of(name).to_string();
        let r = match obj {
            Value::Obj(r) => r,
            _ => {
                return Ok(match n.as_str() {
                    "__class__" => Some(Value::Obj(self.type_of(obj))),
                    "real" => match obj {
                        Value::Bool(b) => Some(Value::Int(b as i64)),
                        _ => Some(obj),
                    },
                    "imag" => match obj {
                        Value::Float(_) => Some(Value::Float(0.0)),
                        _ => Some(Value::Int(0)),
                    },
                    "numerator" => match obj {
                        Value::Bool(b) => Some(Value::Int(b as i64)),
                        Value::Int(_) => Some(obj),
                        _ => None,
                    },
                    "denominator" => match obj {
                        Value::Int(_) | Value::Bool(_) => Some(Value::Int(1)),
                        _ => None,
                    },
                    _ => None,
                })
            }
        };
        match n.as_str() {
            "__class__" => return Ok(Some(Value::Obj(self.heap.get(r).class))),
            "__dict__" if self.class_slots(self.heap.get(r).class).is_some() => {}
            "__dict__" => {
                if let Some(d) = self.instance_dict(obj) {
                    return Ok(Some(Value::Obj(d)));
                }
                if self.can_have_dict(r) {
                    let d = self.new_dict();
                    self.heap.get_mut(r).set_dict(Some(d));
                    return Ok(Some(Value::Obj(d)));
                }
            }
            _ => {}
        }
        crate::protocols::builtin_attrs::builtin_attr(self, r, &n)
    }

    fn special_class_attr(&mut self, cls: ObjRef, name: Value) -> PyResult<Option<Value>> {
        let n = self.str_of(name);
        let c = self.class_data(cls);
        Ok(Some(match n {
            "__name__" => c.name,
            "__qualname__" => c.qualname,
            "__mro__" => {
                let mro: Vec<Value> = c.mro.iter().map(|r| Value::Obj(*r)).collect();
                self.new_tuple(mro)
            }
            "__bases__" => {
                let b: Vec<Value> = c.bases.iter().map(|r| Value::Obj(*r)).collect();
                self.new_tuple(b)
            }
            "__base__" => self.tp_base(cls).map_or(Value::None, Value::Obj),
            "__dict__" => Value::Obj(c.dict),
            "__class__" => Value::Obj(self.heap.get(cls).class),
            // A built-in type whose instances have a `__module__` getter (functions):
            // the type itself is in builtins.
            "__module__" => {
                let d = c.dict;
                let k = self.names.__module__;
                match self.dict_get_str(d, k) {
                    Some(Value::Obj(p)) if matches!(self.heap.kind(p), Kind::Property(_)) => {
                        self.intern("builtins")
                    }
                    _ => return Ok(None),
                }
            }
            "__doc__" => {
                let d = c.dict;
                let k = self.names.__doc__;
                match self.dict_get_str(d, k) {
                    // The type of objects with their own docs (functions): the
                    // type's own, as CPython's `type.__doc__` reads `tp_doc`.
                    Some(Value::Obj(p)) if matches!(self.heap.kind(p), Kind::Property(_)) => {
                        let name = self.str_of(self.class_data(cls).name).to_string();
                        match crate::builtins::docs::of_class(&name) {
                            Some(doc) => self.new_str(doc.to_string()),
                            None => Value::None,
                        }
                    }
                    v => v.unwrap_or(Value::None),
                }
            }
            _ => return Ok(None),
        }))
    }
}

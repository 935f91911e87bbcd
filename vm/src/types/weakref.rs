//! Weak references (`_weakref.ref`), finalizers (`__del__`), and the `gc` module.
//!
//! A weak reference is an opaque payload (`WeakRef`) whose referent the collector
//! does not trace. The collector (`object/gc.rs`) clears weak references to the
//! objects it finds unreachable and queues their callbacks; it keeps unreachable
//! objects whose class has a `__del__` for one more cycle and queues the call.
//! The queued calls run right after the collection (`Vm::run_finalizers`), at a
//! point fixed by the program: collections happen at allocation counts, never at
//! times, so a recording and its replay finalize at the same instants.
//! `gc.collect()` runs a full collection and its finalizers.

use crate::object::opaque::OpaqueObject;
use crate::object::{Kind, ObjRef, Value};
use crate::{Arity, PyErr, PyResult, Vm};
use std::any::Any;

type Kw<'a> = &'a [(Value, Value)];

/// The payload of a `weakref.ref`: the referent (None once it was collected), the
/// callback (None once called or if none), and the referent's hash once taken.
#[derive(Clone, Debug)]
pub struct WeakRef {
    pub target: Option<ObjRef>,
    pub callback: Value,
    pub hash: Option<i64>,
}

impl OpaqueObject for WeakRef {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        // Not the target: that is what makes the reference weak.
        f(self.callback)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn get(vm: &Vm, v: Value) -> Option<&WeakRef> {
    match vm.heap.kind(v.obj()?) {
        Kind::Opaque(o) => o.as_any().downcast_ref::<WeakRef>(),
        _ => None,
    }
}

fn get_mut(vm: &mut Vm, v: Value) -> Option<&mut WeakRef> {
    match vm.heap.kind_mut(v.obj()?) {
        Kind::Opaque(o) => o.as_any_mut().downcast_mut::<WeakRef>(),
        _ => None,
    }
}

fn this(vm: &mut Vm, v: Value) -> PyResult<WeakRef> {
    match get(vm, v) {
        Some(w) => Ok(w.clone()),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!(
                "descriptor requires a 'weakref.ReferenceType' object but received a '{t}'"
            )))
        }
    }
}

impl Vm {
    /// Whether `v` may be the referent of a weak reference (as CPython: instances of
    /// classes, functions, methods, classes, sets, generators, modules, ...; not
    /// ints, strs, tuples, lists, dicts or bytes, unless of a subclass).
    fn weakrefable(&self, v: Value) -> Option<ObjRef> {
        let r = v.obj()?;
        let cls = self.heap.get(r).class;
        if !self.class_data(cls).is_builtin {
            return Some(r);
        }
        match self.heap.kind(r) {
            Kind::Object(_)
            | Kind::Function(_)
            | Kind::BoundMethod(..)
            | Kind::Native(_)
            | Kind::Class(_)
            | Kind::Module(_)
            | Kind::Code(_)
            | Kind::Generator(_)
            | Kind::Set(_)
            | Kind::FrozenSet(_)
            | Kind::Property(_)
            | Kind::Opaque(_) => Some(r),
            _ => None,
        }
    }

    /// Register a class whose instances have a `__del__` (called when a class is
    /// created).
    pub(crate) fn note_finalizer_class(&mut self, cls: ObjRef) {
        let k = self.intern("__del__");
        if self.class_lookup(cls, k).is_some() && !self.heap.weak.del_classes.contains(&cls) {
            self.heap.weak.del_classes.push(cls);
        }
    }

    /// Make the calls the last collections queued: weak reference callbacks and
    /// `__del__` methods, in the order queued. An exception in one is reported as
    /// CPython does ("Exception ignored in: ...") and does not propagate.
    pub fn run_finalizers(&mut self) {
        if self.heap.weak.running {
            return;
        }
        self.heap.weak.running = true;
        while !self.heap.weak.pending.is_empty() {
            let (f, arg) = self.heap.weak.pending.remove(0);
            let base = self.temp_roots.len();
            self.temp_roots.push(f);
            self.temp_roots.push(arg);
            let (func, res) = if matches!(f, Value::Undef) {
                let k = self.intern("__del__");
                match self.lookup_special(arg, k) {
                    Some(d) => (d, self.call_special(d, &[arg])),
                    None => (Value::None, Ok(Value::None)),
                }
            } else {
                (f, self.call(f, &[arg], &[]))
            };
            if let Err(e) = res {
                self.report_unraisable(e, func);
            }
            self.temp_roots.truncate(base);
        }
        self.heap.weak.running = false;
    }

    fn report_unraisable(&mut self, e: PyErr, func: Value) {
        let what = self.repr(func).unwrap_or_else(|_| "<object>".into());
        let tb = self.format_exception(e);
        let _ = self
            .effects
            .write_stderr(&format!("Exception ignored in: {what}\n{tb}"));
    }

    /// At exit: the functions registered with `atexit` (if the program imported
    /// it), last registered first; an exception in one is reported as CPython does
    /// and the others still run.
    pub(crate) fn run_atexit(&mut self) {
        if self.abort.is_some() {
            return;
        }
        let key = self.intern("atexit");
        let Some(m @ Value::Obj(_)) = self.dict_get_str(self.modules, key) else {
            return;
        };
        let ck = self.intern("_callbacks");
        let Ok(list @ Value::Obj(lr)) = self.getattr(m, ck) else {
            return;
        };
        loop {
            let entry = match self.heap.kind_mut(lr) {
                Kind::List(v) => v.pop(),
                _ => None,
            };
            let Some(entry) = entry else { break };
            let parts = match entry.obj().map(|r| self.heap.kind(r)) {
                Some(Kind::Tuple(t)) if t.len() == 3 => t.clone(),
                _ => continue,
            };
            let base = self.temp_roots.len();
            self.temp_roots.extend([list, entry]);
            let args = self.tuple_items(parts[1]);
            let kw: Vec<(Value, Value)> = match parts[2].obj() {
                Some(d) if matches!(self.heap.kind(d), Kind::Dict(_)) => self.dict_items(d),
                _ => vec![],
            };
            let r = self.call(parts[0], &args, &kw);
            self.temp_roots.truncate(base);
            if let Err(e) = r {
                if self.abort.is_some() {
                    return;
                }
                if self.isinstance_ref(e.0, self.types.system_exit) {
                    continue;
                }
                let what = self.repr(parts[0]).unwrap_or_else(|_| "<object>".into());
                let tb = self.format_exception(e);
                self.effects.flush_stdout();
                let _ = self.effects.write_stderr(&format!(
                    "Exception ignored in atexit callback: {what}\n{tb}"
                ));
            }
        }
    }

    /// At exit, as CPython's interpreter shutdown: the main module's globals are
    /// released one by one in definition order, and objects with a `__del__` that
    /// become unreachable are finalized at that point (those only containers held, at
    /// the end, in creation order). Only when some class has a `__del__`.
    pub(crate) fn finalize_main_globals(&mut self) {
        if self.abort.is_some() || self.heap.weak.del_classes.is_empty() || self.gc_holds != 0 {
            return;
        }
        let key = self.names.__main__;
        let Some(Value::Obj(m)) = self.dict_get_str(self.modules, key) else {
            return;
        };
        if !matches!(self.heap.kind(m), Kind::Module(_)) {
            return;
        }
        let d = self.module_dict(m);
        let items = self.dict_items(d);
        let names: Vec<Value> = items
            .iter()
            .filter(|(k, _)| self.as_str(*k).is_some_and(|s| s != "__builtins__"))
            .map(|(k, _)| *k)
            .collect();
        for k in names {
            let Some(old) = self.dict_get_str(d, k) else {
                continue;
            };
            if self.dict_set(d, k, Value::None).is_err() {
                return;
            }
            // A collection per global holding an object with a `__del__` (what
            // containers hold is finalized by the last collection, in creation order).
            let finalizable = match old {
                Value::Obj(o) => {
                    let cls = self.heap.get(o).class;
                    self.heap.weak.del_classes.contains(&cls)
                }
                _ => false,
            };
            if finalizable {
                self.collect_now();
                if self.abort.is_some() {
                    return;
                }
            }
        }
        self.collect_now();
    }

    /// `gc.collect()`: a full collection now (unless a native up the stack holds
    /// values the collector cannot see), then the finalizers it queued. Returns the
    /// number of objects freed.
    pub fn collect_now(&mut self) -> usize {
        if self.gc_holds != 0 {
            return 0;
        }
        let before = self.heap.live;
        self.collect_garbage();
        let mut freed = before.saturating_sub(self.heap.live);
        // Objects kept for their finalizers go in a second pass, as CPython frees
        // them in the same call.
        if self.heap.weak.finalized_last {
            let before = self.heap.live;
            self.collect_garbage();
            freed += before.saturating_sub(self.heap.live);
        }
        freed
    }
}

fn ref_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| v.obj()) else {
        return Err(vm.new_type_error("ref.__new__(): not enough arguments".into()));
    };
    if !kw.is_empty() {
        return Err(vm.new_type_error("ref() takes no keyword arguments".into()));
    }
    let rest = &args[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(vm.new_type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            rest.len()
        )));
    }
    let Some(target) = vm.weakrefable(rest[0]) else {
        let t = vm.type_name(rest[0]);
        return Err(vm.new_type_error(format!("cannot create weak reference to '{t}' object")));
    };
    let callback = rest.get(1).copied().unwrap_or(Value::None);
    let plain = vm.types_weakref() == Some(cls);
    if plain && callback.is_none() {
        // As CPython: a reference without callback is shared.
        for w in vm.heap.weak.refs.clone().into_iter().rev() {
            if vm.heap.get(w).class == cls {
                if let Some(x) = get(vm, Value::Obj(w)) {
                    if x.target == Some(target) && x.callback.is_none() {
                        return Ok(Value::Obj(w));
                    }
                }
            }
        }
    }
    let r = vm.heap.alloc(
        cls,
        Kind::Opaque(Box::new(WeakRef {
            target: Some(target),
            callback,
            hash: None,
        })),
    );
    if !plain {
        let d = vm.new_dict();
        vm.heap.get_mut(r).set_dict(Some(d));
    }
    vm.heap.weak.refs.push(r);
    Ok(Value::Obj(r))
}

fn ref_init(_: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn ref_call(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(this(vm, args[0])?
        .target
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn ref_hash(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let w = this(vm, args[0])?;
    if let Some(h) = w.hash {
        return Ok(Value::Int(h));
    }
    let Some(t) = w.target else {
        return Err(vm.new_type_error("weak object has gone away".into()));
    };
    let h = vm.hash(Value::Obj(t))?;
    if let Some(x) = get_mut(vm, args[0]) {
        x.hash = Some(h);
    }
    Ok(Value::Int(h))
}

fn ref_eq_impl(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let a = this(vm, args[0])?;
    let Some(b) = get(vm, args[1]).cloned() else {
        return Ok(None);
    };
    match (a.target, b.target) {
        (Some(x), Some(y)) => Ok(Some(vm.eq(Value::Obj(x), Value::Obj(y))?)),
        _ => Ok(Some(args[0].obj() == args[1].obj())),
    }
}

fn ref_eq(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(match ref_eq_impl(vm, args)? {
        Some(b) => Value::Bool(b),
        None => vm.not_implemented,
    })
}

fn ref_ne(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(match ref_eq_impl(vm, args)? {
        Some(b) => Value::Bool(!b),
        None => vm.not_implemented,
    })
}

fn ref_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let w = this(vm, args[0])?;
    let me = vm.id_of(args[0]);
    let s = match w.target {
        None => format!("<weakref at {me:#x}; dead>"),
        Some(t) => {
            let tn = vm.type_name(Value::Obj(t));
            let tid = vm.id_of(Value::Obj(t));
            let nk = vm.names.__name__;
            let name = match vm.getattr(Value::Obj(t), nk) {
                Ok(n) => vm.as_str(n).map(|s| s.to_string()),
                Err(_) => None,
            };
            match name {
                Some(n) => format!("<weakref at {me:#x}; to '{tn}' at {tid:#x} ({n})>"),
                None => format!("<weakref at {me:#x}; to '{tn}' at {tid:#x}>"),
            }
        }
    };
    Ok(vm.new_str(s))
}

fn ref_callback(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(this(vm, args[0])?.callback)
}

fn ref_class_getitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = vm.load_module("_generic_alias", None)?;
    let k = vm.intern("GenericAlias");
    let f = vm.getattr(m, k)?;
    vm.call(f, &[args[0], args[1]], &[])
}

/// The weak references to `obj` (live ones, in creation order).
fn refs_to(vm: &Vm, obj: Value) -> Vec<ObjRef> {
    let Some(t) = obj.obj() else { return vec![] };
    vm.heap
        .weak
        .refs
        .iter()
        .copied()
        .filter(|w| get(vm, Value::Obj(*w)).is_some_and(|x| x.target == Some(t)))
        .collect()
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(refs_to(vm, args[0]).len() as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let v = refs_to(vm, args[0]).into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(v))
}

impl Vm {
    /// The `_weakref.ref` class, once the module was created.
    fn types_weakref(&mut self) -> Option<ObjRef> {
        let d = self.native_module_dict("_weakref").ok()?;
        let k = self.intern("ref");
        self.dict_get_str(d, k).and_then(|v| v.obj())
    }
}

/// Create `_weakref`: `ref` (also `ReferenceType`), `getweakrefcount`, `getweakrefs`.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_weakref");
    let md = vm.module_dict(m);
    let obj = vm.types.object;
    let cls = vm.new_native_class("ReferenceType", obj, "weakref");
    if let Kind::Class(c) = vm.heap.kind_mut(cls) {
        // Dispatch through the class's methods (subclasses such as KeyedRef).
        c.is_builtin = false;
    }
    vm.add_staticmethod(cls, "__new__", ref_new, Arity::any().kw());
    vm.add_methods(
        cls,
        &[
            ("__init__", ref_init, Arity::any().kw()),
            ("__call__", ref_call, Arity::none()),
            ("__hash__", ref_hash, Arity::none()),
            ("__eq__", ref_eq, Arity::exactly(1)),
            ("__ne__", ref_ne, Arity::exactly(1)),
            ("__repr__", ref_repr, Arity::none()),
        ],
    );
    vm.add_classmethod(
        cls,
        "__class_getitem__",
        ref_class_getitem,
        Arity::exactly(1),
    );
    vm.add_getter(cls, "__callback__", ref_callback);
    for name in ["ref", "ReferenceType"] {
        let k = vm.intern(name);
        vm.dict_set(md, k, Value::Obj(cls))?;
    }
    vm.add_function(md, "getweakrefcount", getweakrefcount, Arity::exactly(1));
    vm.add_function(md, "getweakrefs", getweakrefs, Arity::exactly(1));
    Ok(m)
}

fn gc_collect(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(vm.collect_now() as i64))
}

fn gc_enable(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    vm.heap.weak.disabled = false;
    Ok(Value::None)
}

fn gc_disable(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    vm.heap.weak.disabled = true;
    Ok(Value::None)
}

fn gc_isenabled(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(!vm.heap.weak.disabled))
}

fn gc_get_count(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    let n = (vm.heap.allocs / crate::object::heap::OBJECT_BYTES) as i64;
    Ok(vm.new_tuple(vec![Value::Int(n), Value::Int(0), Value::Int(0)]))
}

fn gc_get_threshold(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![Value::Int(700), Value::Int(10), Value::Int(10)]))
}

fn gc_noop(_: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn gc_is_tracked(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(match args[0] {
        Value::Obj(r) => !matches!(
            vm.heap.kind(r),
            Kind::Str(_) | Kind::BigInt(_) | Kind::Bytes(_) | Kind::Complex(..)
        ),
        _ => false,
    }))
}

fn gc_is_finalized(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(match args[0] {
        Value::Obj(r) => {
            let s = vm.heap.get(r).serial;
            vm.heap.weak.finalized.contains(&s)
        }
        _ => false,
    }))
}

/// Create `gc`: `collect`, `enable`/`disable`/`isenabled` (revpy's collector still
/// runs when disabled: it is the only one; `isenabled` reports the setting),
/// `get_count`, `get_threshold`/`set_threshold`, `is_tracked`, `is_finalized`,
/// `garbage`.
pub fn create_gc(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("gc");
    let md = vm.module_dict(m);
    vm.add_functions(
        md,
        &[
            ("collect", gc_collect, Arity::range(0, 1).kw()),
            ("enable", gc_enable, Arity::none()),
            ("disable", gc_disable, Arity::none()),
            ("isenabled", gc_isenabled, Arity::none()),
            ("get_count", gc_get_count, Arity::none()),
            ("get_threshold", gc_get_threshold, Arity::none()),
            ("set_threshold", gc_noop, Arity::range(1, 3)),
            ("freeze", gc_noop, Arity::none()),
            ("unfreeze", gc_noop, Arity::none()),
            ("is_tracked", gc_is_tracked, Arity::exactly(1)),
            ("is_finalized", gc_is_finalized, Arity::exactly(1)),
        ],
    );
    vm.mark_gc_safe(md, "collect");
    let g = vm.new_list(vec![]);
    let k = vm.intern("garbage");
    vm.dict_set(md, k, g)?;
    Ok(m)
}

//! `_functools`: `reduce`, `partial`, `cmp_to_key` and `_lru_cache_wrapper` in Rust, as
//! CPython's `Modules/_functoolsmodule.c` (revpy's `functools.py` imports them over
//! its Python definitions):
//! - `reduce` takes items one at a time (collector-safe);
//! - `partial` objects flatten nested partials without attributes, merge keywords at
//!   each call (the stored dict may be changed), have a `__dict__`, CPython's repr
//!   (`functools.partial(<function f at ...>, 1, a=2)`, `...` when recursive),
//!   `__reduce__`/`__setstate__`, and can be subclassed;
//! - `cmp_to_key` returns a `functools.KeyWrapper` whose comparisons call the
//!   function and compare its result with 0;
//! - `_lru_cache_wrapper` keeps CPython's key (`args`, a separator object, keyword
//!   pairs, the types when `typed`; a lone int or str argument is its own key), hashes
//!   it once per call, an LRU list with CPython's eviction and reentrancy rules,
//!   `cache_info()`/`cache_clear()`, and binds as a method.

use revpy_compiler::opcodes::CmpOp;
use revpy_vm::object::opaque::{HashProto, OpaqueObject, Protocols};
use revpy_vm::{Arity, Kind, Kw, KwSpec, ObjRef, PyResult, Value, Vm};

fn callable(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Function(_) | Kind::Native(_) | Kind::BoundMethod(..) | Kind::Class(_) => true,
            _ => {
                let c = vm.names.__call__;
                vm.lookup_special(v, c).is_some()
            }
        },
        _ => false,
    }
}

// ---------------------------------------------------------------- reduce

fn reduce(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_type_error("reduce() takes no keyword arguments".into()));
    }
    let (func, seq) = (args[0], args[1]);
    let mut result = args.get(2).copied();
    let it = match vm.get_iter(seq) {
        Ok(it) => it,
        Err(e) => {
            if vm.isinstance_ref(e.0, vm.types.type_error) {
                return Err(vm.new_type_error("reduce() arg 2 must support iteration".into()));
            }
            return Err(e);
        }
    };
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = (|| -> PyResult<Option<Value>> {
        while let Some(item) = vm.iter_next_gc(it)? {
            result = Some(match result {
                None => item,
                Some(acc) => {
                    vm.temp_roots.push(item);
                    let v = vm.call(func, &[acc, item], &[])?;
                    vm.temp_roots.truncate(mark + 1);
                    v
                }
            });
            if let Some(v) = result {
                vm.temp_roots.truncate(mark + 1);
                vm.temp_roots.push(v);
            }
        }
        Ok(result)
    })();
    vm.temp_roots.truncate(mark);
    match r? {
        Some(v) => Ok(v),
        None => Err(vm.new_type_error("reduce() of empty iterable with no initial value".into())),
    }
}

// ---------------------------------------------------------------- partial

#[derive(Clone, Debug)]
struct Partial {
    func: Value,
    /// A tuple.
    args: Value,
    /// A dict (callers may change it: it is read at every call).
    kw: Value,
}

impl OpaqueObject for Partial {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.func);
        f(self.args);
        f(self.kw);
    }
    fn protocols(&self) -> &'static Protocols {
        &PARTIAL
    }
}

static PARTIAL: Protocols = Protocols {
    repr: Some(partial_repr),
    getattr: Some(partial_getattr),
    ..Protocols::NONE
};

fn partial_of(vm: &Vm, v: Value) -> Option<Partial> {
    vm.opaque_ref::<Partial>(v).cloned()
}

fn has_attrs(vm: &Vm, v: Value) -> bool {
    vm.instance_items(v).is_some_and(|i| !i.is_empty())
}

fn partial_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().unwrap_or(vm.types.object);
    let Some(&first) = args.get(1) else {
        return Err(vm.new_type_error("type 'partial' takes at least one argument".into()));
    };
    let (mut func, mut pargs, mut pkw) = (first, vec![], vec![]);
    if let Some(p) = partial_of(vm, first) {
        if !has_attrs(vm, first) {
            func = p.func;
            pargs = vm.tuple_items(p.args);
            if let Some(d) = p.kw.obj() {
                pkw = vm.dict_items(d);
            }
        }
    }
    if !callable(vm, func) {
        return Err(vm.new_type_error("the first argument must be callable".into()));
    }
    pargs.extend_from_slice(&args[2..]);
    let t = vm.new_tuple(pargs);
    let d = vm.new_dict();
    for (k, v) in pkw.into_iter().chain(kw.iter().copied()) {
        vm.dict_set(d, k, v)?;
    }
    let obj = vm.new_opaque(
        cls,
        Partial {
            func,
            args: t,
            kw: Value::Obj(d),
        },
    );
    if let Value::Obj(r) = obj {
        let id = vm.new_dict();
        vm.heap.get_mut(r).set_dict(Some(id));
    }
    Ok(obj)
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(p) = partial_of(vm, args[0]) else {
        return Err(vm.new_type_error("expected a functools.partial".into()));
    };
    let mut all = vm.tuple_items(p.args);
    all.extend_from_slice(&args[1..]);
    let stored = p.kw.obj().map(|d| vm.dict_items(d)).unwrap_or_default();
    if stored.is_empty() {
        return vm.call(p.func, &all, kw);
    }
    // {**stored, **kw}: a keyword of the call replaces a stored one.
    let mut merged = stored;
    for &(k, v) in kw {
        match merged.iter().position(|(mk, _)| vm.str_eq(*mk, k)) {
            Some(i) => merged[i].1 = v,
            None => merged.push((k, v)),
        }
    }
    vm.call(p.func, &all, &merged)
}

/// `type(self).__name__` as CPython's `tp_name`: `functools.partial` for the type
/// itself.
fn type_display(vm: &mut Vm, me: Value, module: &str) -> String {
    let cls = vm.type_of(me);
    let name = vm.class_name(cls);
    if vm.class_data(cls).is_builtin {
        format!("{module}.{name}")
    } else {
        name
    }
}

fn partial_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let Some(p) = partial_of(vm, me) else {
        return Ok("functools.partial(...)".into());
    };
    let name = type_display(vm, me, "functools");
    let Some(r) = me.obj() else {
        return Ok(format!("{name}(...)"));
    };
    // Py_ReprEnter: a partial inside its own arguments shows as `...`.
    if !vm.repr_guard.insert(r) {
        return Ok("...".into());
    }
    let out = (|| -> PyResult<String> {
        let mut s = format!("{name}({}", vm.repr(p.func)?);
        for a in vm.tuple_items(p.args) {
            s.push_str(", ");
            s.push_str(&vm.repr(a)?);
        }
        if let Some(d) = p.kw.obj() {
            for (k, v) in vm.dict_items(d) {
                let ks = vm.str_value(k)?;
                let ks = vm.as_str(ks).unwrap_or("").to_string();
                s.push_str(&format!(", {ks}={}", vm.repr(v)?));
            }
        }
        s.push(')');
        Ok(s)
    })();
    vm.repr_guard.remove(&r);
    out
}

fn partial_getattr(vm: &mut Vm, me: Value, name: Value) -> PyResult<Option<Value>> {
    if partial_of(vm, me).is_none() {
        return Ok(None);
    }
    Ok(match vm.as_str(name) {
        Some("__dict__") => vm.instance_dict(me).map(Value::Obj),
        _ => None,
    })
}

fn partial_field(vm: &mut Vm, me: Value, which: u8) -> PyResult<Value> {
    match partial_of(vm, me) {
        Some(p) => Ok([p.func, p.args, p.kw][which as usize]),
        None => {
            let t = vm.type_name(me);
            Err(vm.new_type_error(format!(
                "descriptor for 'functools.partial' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}
fn get_func(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    partial_field(vm, args[0], 0)
}
fn get_args(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    partial_field(vm, args[0], 1)
}
fn get_keywords(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    partial_field(vm, args[0], 2)
}
fn readonly(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Err(vm.new_error(vm.types.attribute_error, "readonly attribute".into()))
}

/// Read-only members (`p.func = f` is "AttributeError: readonly attribute", as
/// CPython's `READONLY` members): properties whose setter and deleter refuse.
fn add_readonly(
    vm: &mut Vm,
    cls: ObjRef,
    name: &'static str,
    get: revpy_vm::NativeFn,
) -> PyResult<()> {
    let getter = vm.add_function_value(name, get, Arity::exactly(1));
    let setter = vm.add_function_value(name, readonly, Arity::range(1, 2));
    let pcls = vm.types.property;
    let p = vm.heap.alloc(
        pcls,
        Kind::Property(Box::new([getter, setter, setter, Value::None, Value::None])),
    );
    let k = vm.intern(name);
    let d = vm.class_data(cls).dict;
    vm.dict_set(d, k, Value::Obj(p))
}

fn partial_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = args[0];
    let Some(p) = partial_of(vm, me) else {
        return Err(vm.new_type_error("expected a functools.partial".into()));
    };
    let cls = Value::Obj(vm.type_of(me));
    let dict = match vm.instance_dict(me) {
        Some(d) if vm.dict_len(d) > 0 => Value::Obj(d),
        _ => Value::None,
    };
    let a = vm.new_tuple(vec![p.func]);
    let state = vm.new_tuple(vec![p.func, p.args, p.kw, dict]);
    Ok(vm.new_tuple(vec![cls, a, state]))
}

fn partial_setstate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (me, state) = (args[0], args[1]);
    let is_tuple = matches!(state, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)));
    let items = if is_tuple {
        vm.tuple_items(state)
    } else {
        vec![]
    };
    if items.len() != 4 {
        return Err(vm.new_type_error("invalid partial state".into()));
    }
    let (func, fargs, kw, dict) = (items[0], items[1], items[2], items[3]);
    let args_ok = vm.isinstance(fargs, vm.types.tuple);
    let kw_ok = kw.is_none() || vm.isinstance(kw, vm.types.dict);
    if !callable(vm, func) || !args_ok || !kw_ok {
        return Err(vm.new_type_error("invalid partial state".into()));
    }
    let fargs = if vm.type_of(fargs) == vm.types.tuple {
        fargs
    } else {
        let items = vm.tuple_items(fargs);
        vm.new_tuple(items)
    };
    let kw = match kw.obj() {
        Some(d) if vm.heap.get(d).class == vm.types.dict => kw,
        Some(d) => {
            let nd = vm.new_dict();
            for (k, v) in vm.dict_items(d) {
                vm.dict_set(nd, k, v)?;
            }
            Value::Obj(nd)
        }
        None => Value::Obj(vm.new_dict()),
    };
    if let Some(p) = vm.opaque_mut::<Partial>(me) {
        p.func = func;
        p.args = fargs;
        p.kw = kw;
    }
    if let Value::Obj(r) = me {
        let d = match dict.obj() {
            Some(d) => d,
            None => vm.new_dict(),
        };
        vm.heap.get_mut(r).set_dict(Some(d));
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- cmp_to_key

#[derive(Clone, Debug)]
struct KeyWrapper {
    cmp: Value,
    /// Undef in the wrapper `cmp_to_key` returns (calling it makes keys).
    obj: Value,
}

impl OpaqueObject for KeyWrapper {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.cmp);
        f(self.obj);
    }
    fn protocols(&self) -> &'static Protocols {
        &KEYWRAPPER
    }
}

static KEYWRAPPER: Protocols = Protocols {
    compare: Some(key_compare),
    hash: HashProto::Unhashable,
    getattr: Some(key_getattr),
    ..Protocols::NONE
};

fn key_compare(vm: &mut Vm, me: Value, other: Value, op: CmpOp) -> PyResult<Value> {
    let a = vm.opaque_ref::<KeyWrapper>(me).cloned();
    let b = vm.opaque_ref::<KeyWrapper>(other).cloned();
    let (Some(a), Some(b)) = (a, b) else {
        return Err(vm.new_type_error("other argument must be K instance".into()));
    };
    if a.obj.is_undef() || b.obj.is_undef() {
        return Err(vm.new_error(vm.types.attribute_error, "object".into()));
    }
    let res = vm.call(a.cmp, &[a.obj, b.obj], &[])?;
    vm.compare(res, Value::Int(0), op)
}

fn key_getattr(vm: &mut Vm, me: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(k) = vm.opaque_ref::<KeyWrapper>(me).cloned() else {
        return Ok(None);
    };
    Ok(match vm.as_str(name) {
        Some("obj") => Some(if k.obj.is_undef() { Value::None } else { k.obj }),
        _ => None,
    })
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("cmp_to_key", ["mycmp"]).required(1);
    let [mycmp] = SPEC.parse(vm, args, kw)?;
    let cls = keywrapper_class(vm)?;
    Ok(vm.new_opaque(
        cls,
        KeyWrapper {
            cmp: mycmp.unwrap_or(Value::None),
            obj: Value::Undef,
        },
    ))
}

fn keywrapper_class(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.load_module("_functools", None)?;
    let k = vm.intern("KeyWrapper");
    match vm.getattr(m, k)? {
        Value::Obj(c) => Ok(c),
        _ => Err(vm.new_type_error("_functools.KeyWrapper is missing".into())),
    }
}

fn key_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("K", ["obj"]).required(1);
    let Some(k) = vm.opaque_ref::<KeyWrapper>(args[0]).cloned() else {
        return Err(vm.new_type_error("expected a functools.KeyWrapper".into()));
    };
    let [obj] = SPEC.parse(vm, &args[1..], kw)?;
    let cls = vm.type_of(args[0]);
    Ok(vm.new_opaque(
        cls,
        KeyWrapper {
            cmp: k.cmp,
            obj: obj.unwrap_or(Value::None),
        },
    ))
}

// ---------------------------------------------------------------- lru_cache

#[derive(Clone, Debug)]
struct Link {
    key: Value,
    hash: i64,
    result: Value,
    prev: usize,
    next: usize,
}

/// The index of the list's root (a sentinel, as CPython's `root` link).
const ROOT: usize = 0;

#[derive(Clone, Debug)]
struct LruCache {
    func: Value,
    /// None: unbounded; Some(0): no caching.
    maxsize: Option<usize>,
    typed: bool,
    /// key -> link index (bounded) or key -> result (unbounded).
    cache: Value,
    links: Vec<Link>,
    hits: i64,
    misses: i64,
    kwd_mark: Value,
    cache_info_type: Value,
}

impl OpaqueObject for LruCache {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.func);
        f(self.cache);
        f(self.kwd_mark);
        f(self.cache_info_type);
        for l in &self.links {
            f(l.key);
            f(l.result);
        }
    }
    fn protocols(&self) -> &'static Protocols {
        &LRU
    }
}

static LRU: Protocols = Protocols {
    repr: Some(lru_repr),
    getattr: Some(lru_getattr),
    ..Protocols::NONE
};

fn lru_getattr(vm: &mut Vm, me: Value, name: Value) -> PyResult<Option<Value>> {
    Ok(match vm.as_str(name) {
        Some("__dict__") => vm.instance_dict(me).map(Value::Obj),
        _ => None,
    })
}

fn lru_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    // CPython shows the wrapper as the function it wraps (it has the same __name__ and
    // __qualname__ after update_wrapper): `<functools._lru_cache_wrapper object at ...>`.
    let serial = me.obj().map(|r| vm.heap.get(r).serial).unwrap_or(0);
    Ok(format!(
        "<functools._lru_cache_wrapper object at {serial:#x}>"
    ))
}

fn lru_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<4> = KwSpec::new(
        "lru_cache",
        ["user_function", "maxsize", "typed", "cache_info_type"],
    )
    .required(4);
    let cls = args[0].obj().unwrap_or(vm.types.object);
    let a = SPEC
        .parse(vm, &args[1..], kw)?
        .map(|v| v.unwrap_or(Value::None));
    let func = a[0];
    if !callable(vm, func) {
        return Err(vm.new_type_error("the first argument must be callable".into()));
    }
    let maxsize = if a[1].is_none() {
        None
    } else if vm.isinstance(a[1], vm.types.int) {
        let n = vm.index_of(a[1]).unwrap_or(Some(i64::MAX)).unwrap_or(0);
        Some(n.max(0) as usize)
    } else {
        return Err(vm.new_type_error("maxsize should be integer or None".into()));
    };
    let typed = vm.truthy(a[2])?;
    let cache = Value::Obj(vm.new_dict());
    let object = Value::Obj(vm.types.object);
    let kwd_mark = vm.call(object, &[], &[])?;
    let root = Link {
        key: Value::None,
        hash: 0,
        result: Value::None,
        prev: ROOT,
        next: ROOT,
    };
    let obj = vm.new_opaque(
        cls,
        LruCache {
            func,
            maxsize,
            typed,
            cache,
            links: vec![root],
            hits: 0,
            misses: 0,
            kwd_mark,
            cache_info_type: a[3],
        },
    );
    if let Value::Obj(r) = obj {
        let d = vm.new_dict();
        vm.heap.get_mut(r).set_dict(Some(d));
        let k = vm.intern("__wrapped__");
        vm.dict_set(d, k, func)?;
    }
    Ok(obj)
}

fn exact(vm: &Vm, v: Value, cls: ObjRef) -> bool {
    match v {
        Value::Int(_) => cls == vm.types.int,
        Value::Obj(r) => vm.heap.get(r).class == cls,
        _ => false,
    }
}

/// `lru_cache_make_key`.
fn make_key(vm: &mut Vm, c: &LruCache, args: &[Value], kw: Kw) -> Value {
    if !c.typed && kw.is_empty() {
        if let [one] = args {
            if exact(vm, *one, vm.types.str) || exact(vm, *one, vm.types.int) {
                return *one;
            }
        }
        return vm.new_tuple(args.to_vec());
    }
    let mut key = args.to_vec();
    if !kw.is_empty() {
        key.push(c.kwd_mark);
        for (k, v) in kw {
            key.push(*k);
            key.push(*v);
        }
    }
    if c.typed {
        for a in args {
            key.push(Value::Obj(vm.type_of(*a)));
        }
        for (_, v) in kw {
            key.push(Value::Obj(vm.type_of(*v)));
        }
    }
    vm.new_tuple(key)
}

fn lru_state(vm: &mut Vm, me: Value) -> PyResult<LruCache> {
    match vm.opaque_ref::<LruCache>(me) {
        Some(c) => Ok(c.clone()),
        None => Err(vm.new_type_error("expected a functools._lru_cache_wrapper".into())),
    }
}

fn with_cache<T>(vm: &mut Vm, me: Value, f: impl FnOnce(&mut LruCache) -> T) -> Option<T> {
    vm.opaque_mut::<LruCache>(me).map(f)
}

/// Calling the wrapper is one level of recursion: hashing the key can call the
/// wrapper again without a Python frame between (an `lru_cache`d `__hash__`
/// hashing `self`), which must end in RecursionError, not a stack overflow.
fn lru_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.nested(" while calling a Python object", |vm| {
        lru_call_inner(vm, args, kw)
    })
}

fn lru_call_inner(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let me = args[0];
    let args = &args[1..];
    let (func, maxsize) = match vm.opaque_ref::<LruCache>(me) {
        Some(c) => (c.func, c.maxsize),
        None => return Err(vm.new_type_error("expected a functools._lru_cache_wrapper".into())),
    };
    if maxsize == Some(0) {
        with_cache(vm, me, |c| c.misses += 1);
        return vm.call(func, args, kw);
    }
    let c = lru_state(vm, me)?;
    let key = make_key(vm, &c, args, kw);
    let hash = vm.hash(key)?;
    let Some(cache) = c.cache.obj() else {
        return vm.call(func, args, kw);
    };
    let Some(maxsize) = maxsize else {
        if let Some(v) = vm.dict_get_hashed(cache, key, hash)? {
            with_cache(vm, me, |c| c.hits += 1);
            return Ok(v);
        }
        with_cache(vm, me, |c| c.misses += 1);
        let result = vm.call(func, args, kw)?;
        vm.dict_set_hashed(cache, key, hash, result)?;
        return Ok(result);
    };
    if let Some(Value::Int(i)) = vm.dict_get_hashed(cache, key, hash)? {
        let i = i as usize;
        let hit = with_cache(vm, me, |c| {
            if i < c.links.len() {
                unlink(c, i);
                append(c, i);
                c.hits += 1;
                Some(c.links[i].result)
            } else {
                None
            }
        });
        if let Some(Some(v)) = hit {
            return Ok(v);
        }
    }
    with_cache(vm, me, |c| c.misses += 1);
    let result = vm.call(func, args, kw)?;
    if vm.dict_get_hashed(cache, key, hash)?.is_some() {
        // The same key was added while the function ran.
        return Ok(result);
    }
    let c = lru_state(vm, me)?;
    let live = vm.dict_len(cache);
    let empty_list = c.links[ROOT].next == ROOT;
    if live < maxsize || empty_list {
        let i = with_cache(vm, me, |c| {
            c.links.push(Link {
                key,
                hash,
                result,
                prev: ROOT,
                next: ROOT,
            });
            let i = c.links.len() - 1;
            append(c, i);
            i
        })
        .unwrap_or(ROOT);
        vm.dict_set_hashed(cache, key, hash, Value::Int(i as i64))?;
        return Ok(result);
    }
    // Full: reuse the oldest link for the new key.
    let oldest = c.links[ROOT].next;
    let (oldkey, oldhash) = (c.links[oldest].key, c.links[oldest].hash);
    with_cache(vm, me, |c| unlink(c, oldest));
    vm.dict_pop_hashed(cache, oldkey, oldhash)?;
    with_cache(vm, me, |c| {
        let l = &mut c.links[oldest];
        l.key = key;
        l.hash = hash;
        l.result = result;
        append(c, oldest);
    });
    vm.dict_set_hashed(cache, key, hash, Value::Int(oldest as i64))?;
    Ok(result)
}

fn unlink(c: &mut LruCache, i: usize) {
    let (p, n) = (c.links[i].prev, c.links[i].next);
    c.links[p].next = n;
    c.links[n].prev = p;
}

/// Make link `i` the most recently used.
fn append(c: &mut LruCache, i: usize) {
    let last = c.links[ROOT].prev;
    c.links[last].next = i;
    c.links[i].prev = last;
    c.links[i].next = ROOT;
    c.links[ROOT].prev = i;
}

fn cache_info(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let c = lru_state(vm, args[0])?;
    let size = c.cache.obj().map(|d| vm.dict_len(d)).unwrap_or(0) as i64;
    let maxsize = match c.maxsize {
        None => Value::None,
        Some(n) => Value::Int(n as i64),
    };
    vm.call(
        c.cache_info_type,
        &[
            Value::Int(c.hits),
            Value::Int(c.misses),
            maxsize,
            Value::Int(size),
        ],
        &[],
    )
}

fn cache_clear(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = args[0];
    let cache = lru_state(vm, me)?.cache;
    with_cache(vm, me, |c| {
        c.hits = 0;
        c.misses = 0;
        c.links.truncate(1);
        c.links[ROOT].prev = ROOT;
        c.links[ROOT].next = ROOT;
    });
    let fresh = vm.new_dict();
    with_cache(vm, me, |c| c.cache = Value::Obj(fresh));
    let _ = cache;
    Ok(Value::None)
}

/// `__get__`: a bound method when looked up through an instance.
fn lru_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (me, obj) = (args[0], args.get(1).copied().unwrap_or(Value::None));
    if obj.is_none() {
        return Ok(me);
    }
    Ok(vm.new_bound_method(me, obj))
}

fn lru_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    // CPython pickles the wrapper by its qualified name.
    let k = vm.intern("__qualname__");
    vm.getattr(args[0], k)
}

fn lru_copy(_: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_functools");
    let d = vm.module_dict(m);
    vm.add_function(d, "reduce", reduce, Arity::range(2, 3).kw());
    vm.mark_gc_safe(d, "reduce");
    vm.add_function(d, "cmp_to_key", cmp_to_key, Arity::any().kw());

    let partial = vm.new_opaque_class("partial", "functools", &PARTIAL);
    vm.make_generic(partial);
    vm.add_staticmethod(partial, "__new__", partial_new, Arity::any().kw());
    vm.add_method(partial, "__call__", partial_call, Arity::any().kw());
    vm.add_method(partial, "__reduce__", partial_reduce, Arity::none());
    vm.add_method(partial, "__setstate__", partial_setstate, Arity::exactly(1));
    add_readonly(vm, partial, "func", get_func)?;
    add_readonly(vm, partial, "args", get_args)?;
    add_readonly(vm, partial, "keywords", get_keywords)?;
    let k = vm.intern("partial");
    vm.dict_set(d, k, Value::Obj(partial))?;

    let kw = vm.new_opaque_class("KeyWrapper", "functools", &KEYWRAPPER);
    vm.add_method(kw, "__call__", key_call, Arity::any().kw());
    let k = vm.intern("KeyWrapper");
    vm.dict_set(d, k, Value::Obj(kw))?;

    let lru = vm.new_opaque_class("_lru_cache_wrapper", "functools", &LRU);
    vm.add_staticmethod(lru, "__new__", lru_new, Arity::any().kw());
    vm.add_method(lru, "__call__", lru_call, Arity::any().kw());
    vm.add_method(lru, "cache_info", cache_info, Arity::none());
    vm.add_method(lru, "cache_clear", cache_clear, Arity::none());
    vm.add_method(lru, "__get__", lru_get, Arity::range(1, 2));
    vm.add_method(lru, "__reduce__", lru_reduce, Arity::none());
    vm.add_method(lru, "__copy__", lru_copy, Arity::none());
    vm.add_method(lru, "__deepcopy__", lru_copy, Arity::exactly(1));
    let k = vm.intern("_lru_cache_wrapper");
    vm.dict_set(d, k, Value::Obj(lru))?;
    Ok(m)
}

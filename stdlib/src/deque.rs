//! `collections.deque` (module `_collections`): a double-ended queue over a
//! `VecDeque`, with CPython's methods, error messages and repr.
//!
//! A built-in type in one file (see `revpy_vm::object::opaque`): the payload
//! ([`Deque`]), its protocols ([`DEQUE`]: repr, len, compare, iter, getitem, contains,
//! unhashable), its methods (the table in [`create`]) and one registration line
//! (`new_opaque_class`). Its iterator is a second such type ([`DequeIter`]).

use revpy_compiler::opcodes::CmpOp;
use revpy_vm::object::opaque::{HashProto, OpaqueObject, Protocols};
use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{Kind, ObjRef, PyErr, PyResult, Value, Vm};
use std::collections::VecDeque;

use revpy_vm::Kw;

#[derive(Clone, Debug, Default)]
struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation; iterators compare it.
    state: u64,
}

impl OpaqueObject for Deque {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.items.iter().for_each(|v| f(*v));
    }
    fn protocols(&self) -> &'static Protocols {
        &DEQUE
    }
    /// Its items by length, not capacity: a copy (`clone_box`, a debugger
    /// checkpoint) must count the same bytes for its collections to come at the
    /// same points, and a cloned `VecDeque` does not keep its capacity.
    fn gc_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.items.len() * 16
    }
}

/// How the VM's operators treat a deque.
static DEQUE: Protocols = Protocols {
    repr: Some(repr),
    len: Some(item_count),
    hash: HashProto::Unhashable,
    compare: Some(compare),
    iter: Some(|vm, me| make_iter(vm, me, false)),
    getitem: Some(getitem),
    contains: Some(|vm, me, item| Ok(find(vm, me, item, 0, usize::MAX)?.is_some())),
    sequence: true,
    ..Protocols::NONE
};

#[derive(Clone, Debug)]
struct DequeIter {
    dq: Value,
    idx: usize,
    state: u64,
    rev: bool,
}

impl OpaqueObject for DequeIter {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.dq)
    }
    fn protocols(&self) -> &'static Protocols {
        &DEQUE_ITER
    }
}

static DEQUE_ITER: Protocols = Protocols {
    iter: Some(|_, me| Ok(me)),
    next: Some(iter_next),
    ..Protocols::NONE
};

fn get(vm: &Vm, v: Value) -> Option<&Deque> {
    vm.opaque_ref::<Deque>(v)
}

fn get_mut(vm: &mut Vm, v: Value) -> Option<&mut Deque> {
    vm.opaque_mut::<Deque>(v)
}

fn bad_self(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.type_name(v);
    vm.new_type_error(format!(
        "descriptor requires a 'collections.deque' object but received a '{t}'"
    ))
}

/// The deque `v`, mutably (its state bumped), or a TypeError.
fn this(vm: &mut Vm, v: Value) -> PyResult<&mut Deque> {
    if get(vm, v).is_none() {
        return Err(bad_self(vm, v));
    }
    let d = get_mut(vm, v).expect("checked above");
    d.state = d.state.wrapping_add(1);
    Ok(d)
}

/// A copy of the items (for operations that call back into Python).
/// The length, without copying the items.
fn item_count(vm: &mut Vm, v: Value) -> PyResult<usize> {
    match get(vm, v) {
        Some(d) => Ok(d.items.len()),
        None => Err(bad_self(vm, v)),
    }
}

fn items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    match get(vm, v) {
        Some(d) => Ok(d.items.iter().copied().collect()),
        None => Err(bad_self(vm, v)),
    }
}

fn push(d: &mut Deque, v: Value, left: bool) {
    if d.maxlen == Some(0) {
        return;
    }
    if d.maxlen == Some(d.items.len()) {
        if left {
            d.items.pop_back();
        } else {
            d.items.pop_front();
        }
    }
    if left {
        d.items.push_front(v);
    } else {
        d.items.push_back(v);
    }
}

fn deque_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| v.obj()) else {
        return Err(vm.new_type_error("deque.__new__(): not enough arguments".into()));
    };
    let r = vm.heap.alloc(cls, Kind::Opaque(Box::new(Deque::default())));
    if vm.class_data(cls).bases.first() != Some(&vm.types.object) {
        let d = vm.new_dict();
        vm.heap.get_mut(r).set_dict(Some(d));
    }
    Ok(Value::Obj(r))
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("deque", ["iterable", "maxlen"]);
    let [iterable, maxlen] = SPEC.parse(vm, &args[1..], kw)?;
    let iterable = iterable.unwrap_or(Value::Undef);
    let maxlen = maxlen.unwrap_or(Value::None);
    let maxlen = if maxlen.is_none() {
        None
    } else {
        let Some(n) = vm.index_of(maxlen)? else {
            return Err(vm.new_type_error("an integer is required".into()));
        };
        if n < 0 {
            return Err(vm.new_value_error("maxlen must be non-negative".into()));
        }
        Some(n as usize)
    };
    let vals = if matches!(iterable, Value::Undef) {
        vec![]
    } else {
        vm.iterate(iterable)?
    };
    let d = this(vm, args[0])?;
    d.maxlen = maxlen;
    d.items.clear();
    for v in vals {
        push(d, v, false);
    }
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("append", &args[1..], 1, 1)?;
    push(this(vm, args[0])?, args[1], false);
    Ok(Value::None)
}
fn appendleft(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("appendleft", &args[1..], 1, 1)?;
    push(this(vm, args[0])?, args[1], true);
    Ok(Value::None)
}
fn extend_side(vm: &mut Vm, args: &[Value], name: &str, left: bool) -> PyResult<Value> {
    vm.check_args(name, &args[1..], 1, 1)?;
    let vals = vm.iterate(args[1])?;
    let d = this(vm, args[0])?;
    for v in vals {
        push(d, v, left);
    }
    Ok(Value::None)
}
fn extend(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    extend_side(vm, args, "extend", false)
}
fn extendleft(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    extend_side(vm, args, "extendleft", true)
}
fn pop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("pop", &args[1..], 0, 0)?;
    match this(vm, args[0])?.items.pop_back() {
        Some(v) => Ok(v),
        None => Err(vm.new_index_error("pop from an empty deque")),
    }
}
fn popleft(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("popleft", &args[1..], 0, 0)?;
    match this(vm, args[0])?.items.pop_front() {
        Some(v) => Ok(v),
        None => Err(vm.new_index_error("pop from an empty deque")),
    }
}
fn clear(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?.items.clear();
    Ok(Value::None)
}
fn rotate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("rotate", &args[1..], 0, 1)?;
    let n = match args.get(1) {
        Some(v) => match vm.index_of(*v)? {
            Some(n) => n,
            None => {
                let t = vm.type_name(*v);
                return Err(
                    vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => 1,
    };
    let d = this(vm, args[0])?;
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}
fn reverse(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args[0])?;
    d.items.make_contiguous().reverse();
    Ok(Value::None)
}

fn state(vm: &Vm, v: Value) -> u64 {
    get(vm, v).map(|d| d.state).unwrap_or(0)
}

/// Index of the first item equal to `x` in `start..stop`, checking for mutation.
fn find(vm: &mut Vm, dq: Value, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let st = state(vm, dq);
    let mut i = start;
    loop {
        let item = match get(vm, dq) {
            Some(d) if i < stop.min(d.items.len()) => d.items[i],
            _ => return Ok(None),
        };
        let eq = vm.eq(item, x)?;
        if state(vm, dq) != st {
            return Err(vm.new_error(
                vm.types.runtime_error,
                "deque mutated during iteration".into(),
            ));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn count(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("count", &args[1..], 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find(vm, args[0], args[1], i, usize::MAX)? {
        n += 1;
        i = j + 1;
    }
    Ok(Value::Int(n))
}
fn remove(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("remove", &args[1..], 1, 1)?;
    match find(vm, args[0], args[1], 0, usize::MAX)? {
        Some(i) => {
            this(vm, args[0])?.items.remove(i);
            Ok(Value::None)
        }
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.new_value_error(format!("{r} is not in deque")))
        }
    }
}
fn clamp_index(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let Some(i) = vm.index_of(v)? else {
        return Err(
            vm.new_type_error("slice indices must be integers or have an __index__ method".into())
        );
    };
    Ok(if i < 0 {
        (i + len as i64).max(0) as usize
    } else {
        (i as usize).min(len)
    })
}
fn index(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("index", &args[1..], 1, 3)?;
    let len = item_count(vm, args[0])?;
    let start = match args.get(2) {
        Some(v) => clamp_index(vm, *v, len)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => clamp_index(vm, *v, len)?,
        None => len,
    };
    match find(vm, args[0], args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.new_value_error(format!("{r} is not in deque")))
        }
    }
}
fn insert(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("insert", &args[1..], 2, 2)?;
    let (len, full) = match get(vm, args[0]) {
        Some(d) => (d.items.len(), d.maxlen == Some(d.items.len())),
        None => return Err(bad_self(vm, args[0])),
    };
    if full {
        return Err(vm.new_index_error("deque already at its maximum size"));
    }
    let i = clamp_index(vm, args[1], len)?;
    this(vm, args[0])?.items.insert(i, args[2]);
    Ok(Value::None)
}

/// A position from an index value: `deque index out of range` when outside.
fn position(vm: &mut Vm, dq: Value, v: Value) -> PyResult<usize> {
    let len = item_count(vm, dq)? as i64;
    let Some(i) = vm.index_of(v)? else {
        let t = vm.type_name(v);
        return Err(vm.new_type_error(format!("sequence index must be integer, not '{t}'")));
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_index_error("deque index out of range"));
    }
    Ok(j as usize)
}
fn getitem(vm: &mut Vm, me: Value, key: Value) -> PyResult<Value> {
    let i = position(vm, me, key)?;
    Ok(get(vm, me).map(|d| d.items[i]).unwrap_or(Value::None))
}
fn setitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let i = position(vm, args[0], args[1])?;
    this(vm, args[0])?.items[i] = args[2];
    Ok(Value::None)
}
fn delitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let i = position(vm, args[0], args[1])?;
    this(vm, args[0])?.items.remove(i);
    Ok(Value::None)
}
fn maxlen(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get(vm, args[0]) {
        Some(d) => Ok(d.maxlen.map_or(Value::None, |m| Value::Int(m as i64))),
        None => Err(bad_self(vm, args[0])),
    }
}

fn repr(vm: &mut Vm, me_v: Value) -> PyResult<String> {
    let vals = items(vm, me_v)?;
    let ml = get(vm, me_v).and_then(|d| d.maxlen);
    let cls = vm.type_of(me_v);
    let name = vm.class_name(cls);
    let Some(me) = me_v.obj() else {
        return Err(bad_self(vm, me_v));
    };
    if vm.repr_guard.contains(&me) {
        return Ok("[...]".into());
    }
    vm.repr_guard.insert(me);
    let mut parts = Vec::with_capacity(vals.len());
    for v in vals {
        match vm.repr(v) {
            Ok(s) => parts.push(s),
            Err(e) => {
                vm.repr_guard.remove(&me);
                return Err(e);
            }
        }
    }
    vm.repr_guard.remove(&me);
    let s = match ml {
        Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
        None => format!("{name}([{}])", parts.join(", ")),
    };
    Ok(s)
}

fn new_like(vm: &mut Vm, of: Value, vals: Vec<Value>) -> PyResult<Value> {
    let cls = vm.type_of(of);
    let ml = get(vm, of).and_then(|d| d.maxlen);
    let mut d = Deque {
        maxlen: ml,
        ..Deque::default()
    };
    for v in vals {
        push(&mut d, v, false);
    }
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(d)))))
}
fn copy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let vals = items(vm, args[0])?;
    new_like(vm, args[0], vals)
}
fn add(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if get(vm, args[1]).is_none() {
        let t = vm.type_name(args[1]);
        return Err(vm.new_type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    }
    let mut vals = items(vm, args[0])?;
    vals.extend(items(vm, args[1])?);
    new_like(vm, args[0], vals)
}
fn iadd(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    extend(vm, args, kw)?;
    Ok(args[0])
}
fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    Ok(vm.index_of(v)?.map(|n| n.max(0) as usize))
}
fn mul(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(n) = repeat_count(vm, args[1])? else {
        return Ok(vm.not_implemented);
    };
    let vals = items(vm, args[0])?;
    let mut out = Vec::with_capacity(vals.len() * n.min(1 << 20));
    for _ in 0..n {
        out.extend_from_slice(&vals);
    }
    new_like(vm, args[0], out)
}
fn imul(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(n) = repeat_count(vm, args[1])? else {
        return Ok(vm.not_implemented);
    };
    let vals = items(vm, args[0])?;
    let d = this(vm, args[0])?;
    d.items.clear();
    for _ in 0..n {
        for v in &vals {
            push(d, *v, false);
        }
    }
    Ok(args[0])
}

fn compare(vm: &mut Vm, me: Value, other: Value, op: CmpOp) -> PyResult<Value> {
    if get(vm, other).is_none() {
        return Ok(vm.not_implemented);
    }
    let a = items(vm, me)?;
    let b = items(vm, other)?;
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.len() != b.len() {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !vm.eq(*x, *y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(*x, *y, op),
            };
        }
    }
    let (la, lb) = (a.len(), b.len());
    Ok(Value::Bool(match op {
        CmpOp::Eq => true,
        CmpOp::Ne => false,
        CmpOp::Lt => la < lb,
        CmpOp::Le => la <= lb,
        CmpOp::Gt => la > lb,
        _ => la >= lb,
    }))
}
fn reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let vals = items(vm, args[0])?;
    let ml = get(vm, args[0]).and_then(|d| d.maxlen);
    let cls = Value::Obj(vm.type_of(args[0]));
    let l = vm.new_list(vals);
    let m = ml.map_or(Value::None, |m| Value::Int(m as i64));
    let a = vm.new_tuple(vec![l, m]);
    Ok(vm.new_tuple(vec![cls, a]))
}

fn make_iter(vm: &mut Vm, dq: Value, rev: bool) -> PyResult<Value> {
    let st = match get(vm, dq) {
        Some(d) => d.state,
        None => return Err(bad_self(vm, dq)),
    };
    let md = vm.native_module_dict("_collections")?;
    let k = vm.intern(if rev {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    });
    let Some(Value::Obj(cls)) = vm.dict_get_str(md, k) else {
        return Err(vm.new_type_error("deque iterator type missing".into()));
    };
    let it = DequeIter {
        dq,
        idx: 0,
        state: st,
        rev,
    };
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(it)))))
}
fn reversed(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    make_iter(vm, args[0], true)
}
fn iter_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(it) = vm.opaque_ref::<DequeIter>(me).cloned() else {
        return Err(vm.new_type_error("expected a deque iterator".into()));
    };
    // One look at the deque: mutated, exhausted, or the next item.
    let next = match get(vm, it.dq) {
        Some(d) if d.state != it.state => None,
        Some(d) => {
            let len = d.items.len();
            if it.idx >= len {
                return Ok(None);
            }
            let pos = if it.rev { len - 1 - it.idx } else { it.idx };
            Some(d.items[pos])
        }
        None => return Ok(None),
    };
    let Some(v) = next else {
        return Err(vm.new_error(
            vm.types.runtime_error,
            "deque mutated during iteration".into(),
        ));
    };
    if let Some(i) = vm.opaque_mut::<DequeIter>(me) {
        i.idx += 1;
    }
    Ok(Some(v))
}

/// `_caller_module(depth)`: the `__name__` of the module whose code runs `depth`
/// frames below the caller (so `namedtuple` can set `__module__` as CPython does).
fn caller_module(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let depth = match args.first() {
        Some(v) => vm.index_of(*v)?.unwrap_or(0).max(0) as usize,
        None => 0,
    };
    let n = vm.frames.len();
    if depth >= n {
        return Ok(Value::None);
    }
    let g = vm.frames[n - 1 - depth].globals;
    let k = vm.names.__name__;
    Ok(vm.dict_get_str(g, k).unwrap_or(Value::None))
}

/// Create `_collections` (deque and its iterators).
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_collections");
    let md = vm.module_dict(m);
    let cls = vm.new_opaque_class("deque", "collections", &DEQUE);
    vm.make_generic(cls);
    vm.add_staticmethod(cls, "__new__", deque_new, Arity::any().kw());
    let methods: &[NativeDef] = &[
        ("__init__", deque_init, Arity::any().kw()),
        ("append", append, Arity::exactly(1)),
        ("appendleft", appendleft, Arity::exactly(1)),
        ("extend", extend, Arity::exactly(1)),
        ("extendleft", extendleft, Arity::exactly(1)),
        ("pop", pop, Arity::none()),
        ("popleft", popleft, Arity::none()),
        ("clear", clear, Arity::none()),
        ("rotate", rotate, Arity::range(0, 1)),
        ("reverse", reverse, Arity::none()),
        ("count", count, Arity::exactly(1)),
        ("remove", remove, Arity::exactly(1)),
        ("index", index, Arity::range(1, 3)),
        ("insert", insert, Arity::exactly(2)),
        ("copy", copy, Arity::none()),
        ("__copy__", copy, Arity::none()),
        ("__setitem__", setitem, Arity::exactly(2)),
        ("__delitem__", delitem, Arity::exactly(1)),
        ("__add__", add, Arity::exactly(1)),
        ("__iadd__", iadd, Arity::exactly(1)),
        ("__mul__", mul, Arity::exactly(1)),
        ("__rmul__", mul, Arity::exactly(1)),
        ("__imul__", imul, Arity::exactly(1)),
        ("__reversed__", reversed, Arity::none()),
        ("__reduce__", reduce, Arity::none()),
    ];
    vm.add_methods(cls, methods);
    vm.add_getter(cls, "maxlen", maxlen);
    let k = vm.intern("deque");
    vm.dict_set(md, k, Value::Obj(cls))?;
    vm.add_function(md, "_caller_module", caller_module, Arity::range(0, 1));
    crate::counter::install(vm, md);
    crate::counter::install_tuplegetter(vm, md)?;
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let ic = vm.new_opaque_class(name, "_collections", &DEQUE_ITER);
        let k = vm.intern(name);
        vm.dict_set(md, k, Value::Obj(ic))?;
    }
    Ok(m)
}

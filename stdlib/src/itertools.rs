//! `_itertools`: the iterator types of `itertools` in Rust, following CPython's
//! `Modules/itertoolsmodule.c` (revpy's `itertools.py` imports them over its Python
//! definitions; `groupby` and `tee` stay in Python). Each is a type of its own
//! (`type(chain())` is `itertools.chain`, subclassable), with CPython's argument
//! errors, the same calls of the inner iterators and functions in the same order,
//! and CPython's reprs for `count` and `repeat`.
//!
//! All of them share one payload ([`Iter`]) whose variant is the state of one kind.

use revpy_compiler::opcodes::BinOp;
use revpy_vm::object::opaque::{OpaqueObject, Protocols};
use revpy_vm::{Arity, Kind, Kw, KwSpec, ObjRef, PyResult, Value, Vm};

#[derive(Clone, Debug)]
enum It {
    Count {
        n: Value,
        step: Value,
    },
    Repeat {
        obj: Value,
        /// None: forever.
        left: Option<i64>,
    },
    Cycle {
        /// Undef once exhausted (then `saved` repeats).
        it: Value,
        saved: Vec<Value>,
        idx: usize,
    },
    Accumulate {
        it: Value,
        func: Value,
        total: Value,
        initial: Value,
    },
    Chain {
        source: Value,
        active: Value,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        func: Value,
        it: Value,
        start: bool,
    },
    TakeWhile {
        func: Value,
        it: Value,
        stop: bool,
    },
    FilterFalse {
        func: Value,
        it: Value,
    },
    Islice {
        it: Value,
        next: i64,
        /// -1 for None.
        stop: i64,
        step: i64,
        cnt: i64,
    },
    Pairwise {
        it: Value,
        old: Value,
    },
    Starmap {
        func: Value,
        it: Value,
    },
    ZipLongest {
        its: Vec<Value>,
        active: usize,
        fill: Value,
    },
    Product {
        pools: Vec<Vec<Value>>,
        indices: Vec<usize>,
        started: bool,
        stopped: bool,
    },
    Permutations {
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        started: bool,
        stopped: bool,
    },
    Combinations {
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        started: bool,
        stopped: bool,
        replace: bool,
    },
}

#[derive(Clone, Debug)]
struct Iter(It);

impl OpaqueObject for Iter {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        match &self.0 {
            It::Count { n, step } => {
                f(*n);
                f(*step)
            }
            It::Repeat { obj, .. } => f(*obj),
            It::Cycle { it, saved, .. } => {
                f(*it);
                saved.iter().for_each(|v| f(*v))
            }
            It::Accumulate {
                it,
                func,
                total,
                initial,
            } => [*it, *func, *total, *initial].into_iter().for_each(f),
            It::Chain { source, active } => {
                f(*source);
                f(*active)
            }
            It::Compress { data, selectors } => {
                f(*data);
                f(*selectors)
            }
            It::DropWhile { func, it, .. }
            | It::TakeWhile { func, it, .. }
            | It::FilterFalse { func, it }
            | It::Starmap { func, it } => {
                f(*func);
                f(*it)
            }
            It::Islice { it, .. } => f(*it),
            It::Pairwise { it, old } => {
                f(*it);
                f(*old)
            }
            It::ZipLongest { its, fill, .. } => {
                its.iter().for_each(|v| f(*v));
                f(*fill)
            }
            It::Product { pools, .. } => pools.iter().flatten().for_each(|v| f(*v)),
            It::Permutations { pool, .. } | It::Combinations { pool, .. } => {
                pool.iter().for_each(|v| f(*v))
            }
        }
    }
    fn protocols(&self) -> &'static Protocols {
        &ITER
    }
}

static ITER: Protocols = Protocols {
    repr: Some(repr),
    iter: Some(|_, me| Ok(me)),
    next: Some(next),
    ..Protocols::NONE
};

fn state(vm: &Vm, me: Value) -> Option<It> {
    vm.opaque_ref::<Iter>(me).map(|i| i.0.clone())
}

fn set_state(vm: &mut Vm, me: Value, st: It) {
    if let Some(i) = vm.opaque_mut::<Iter>(me) {
        i.0 = st;
    }
}

fn repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let cls = vm.type_of(me);
    let name = vm.class_name(cls);
    match state(vm, me) {
        Some(It::Count { n, step }) => {
            let one = matches!(step, Value::Int(1))
                || matches!(step, Value::Bool(true))
                || (matches!(step, Value::Obj(_))
                    && vm.isinstance(step, vm.types.int)
                    && vm.eq(step, Value::Int(1))?);
            if one {
                Ok(format!("{name}({})", vm.repr(n)?))
            } else {
                Ok(format!("{name}({}, {})", vm.repr(n)?, vm.repr(step)?))
            }
        }
        Some(It::Repeat { obj, left }) => {
            let o = vm.nested(" while getting the repr of an object", |vm| vm.repr(obj))?;
            Ok(match left {
                None => format!("{name}({o})"),
                Some(n) => format!("{name}({o}, {n})"),
            })
        }
        _ => Ok(vm.default_repr(me.obj().unwrap_or(cls))),
    }
}

fn next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(st) = state(vm, me) else {
        return Err(vm.new_type_error("expected an itertools iterator".into()));
    };
    match st {
        It::Count { n, step } => {
            let next = match (n, step) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
                _ => vm.binary_op(n, step, BinOp::Add)?,
            };
            set_state(vm, me, It::Count { n: next, step });
            Ok(Some(n))
        }
        It::Repeat { obj, left } => match left {
            None => Ok(Some(obj)),
            Some(0) => Ok(None),
            Some(k) => {
                set_state(
                    vm,
                    me,
                    It::Repeat {
                        obj,
                        left: Some(k - 1),
                    },
                );
                Ok(Some(obj))
            }
        },
        It::Cycle { it, saved, idx } => {
            if !it.is_undef() {
                if let Some(v) = vm.iter_next(it)? {
                    if let Some(Iter(It::Cycle { saved, .. })) = vm.opaque_mut::<Iter>(me) {
                        saved.push(v);
                    }
                    return Ok(Some(v));
                }
                if let Some(Iter(It::Cycle { it, .. })) = vm.opaque_mut::<Iter>(me) {
                    *it = Value::Undef;
                }
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved[idx % saved.len()];
            if let Some(Iter(It::Cycle { idx: i, saved, .. })) = vm.opaque_mut::<Iter>(me) {
                *i = (*i + 1) % saved.len().max(1);
            }
            Ok(Some(v))
        }
        It::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if !initial.is_none() {
                set_state(
                    vm,
                    me,
                    It::Accumulate {
                        it,
                        func,
                        total: initial,
                        initial: Value::None,
                    },
                );
                return Ok(Some(initial));
            }
            let Some(val) = vm.iter_next(it)? else {
                return Ok(None);
            };
            let newtotal = if total.is_undef() {
                val
            } else if func.is_none() {
                vm.binary_op(total, val, BinOp::Add)?
            } else {
                vm.call(func, &[total, val], &[])?
            };
            if let Some(Iter(It::Accumulate { total, .. })) = vm.opaque_mut::<Iter>(me) {
                *total = newtotal;
            }
            Ok(Some(newtotal))
        }
        It::Chain {
            mut source,
            mut active,
        } => {
            let r = loop {
                if source.is_undef() {
                    break Ok(None);
                }
                if active.is_undef() {
                    let iterable = match vm.iter_next(source) {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            source = Value::Undef;
                            break Ok(None);
                        }
                        Err(e) => break Err(e),
                    };
                    match vm.get_iter(iterable) {
                        Ok(a) => active = a,
                        Err(e) => {
                            source = Value::Undef;
                            break Err(e);
                        }
                    }
                }
                match vm.iter_next(active) {
                    Ok(Some(v)) => break Ok(Some(v)),
                    Ok(None) => active = Value::Undef,
                    Err(e) => break Err(e),
                }
            };
            set_state(vm, me, It::Chain { source, active });
            r
        }
        It::Compress { data, selectors } => loop {
            let Some(datum) = vm.iter_next(data)? else {
                return Ok(None);
            };
            let Some(sel) = vm.iter_next(selectors)? else {
                return Ok(None);
            };
            if vm.truthy(sel)? {
                return Ok(Some(datum));
            }
        },
        It::DropWhile { func, it, start } => {
            let mut start = start;
            loop {
                let Some(item) = vm.iter_next(it)? else {
                    return Ok(None);
                };
                if start {
                    return Ok(Some(item));
                }
                let good = vm.call(func, &[item], &[])?;
                if !vm.truthy(good)? {
                    start = true;
                    set_state(vm, me, It::DropWhile { func, it, start });
                    return Ok(Some(item));
                }
            }
        }
        It::TakeWhile { func, it, stop } => {
            if stop {
                return Ok(None);
            }
            let Some(item) = vm.iter_next(it)? else {
                return Ok(None);
            };
            let good = vm.call(func, &[item], &[])?;
            if vm.truthy(good)? {
                return Ok(Some(item));
            }
            set_state(
                vm,
                me,
                It::TakeWhile {
                    func,
                    it,
                    stop: true,
                },
            );
            Ok(None)
        }
        It::FilterFalse { func, it } => loop {
            let Some(item) = vm.iter_next(it)? else {
                return Ok(None);
            };
            let ok = if func.is_none() || func.is(Value::Obj(vm.types.bool_)) {
                vm.truthy(item)?
            } else {
                let r = vm.call(func, &[item], &[])?;
                vm.truthy(r)?
            };
            if !ok {
                return Ok(Some(item));
            }
        },
        It::Islice {
            it,
            mut next,
            stop,
            step,
            mut cnt,
        } => {
            if it.is_undef() {
                return Ok(None);
            }
            let finish = |vm: &mut Vm, cnt: i64, next: i64| {
                set_state(
                    vm,
                    me,
                    It::Islice {
                        it: Value::Undef,
                        next,
                        stop,
                        step,
                        cnt,
                    },
                );
                Ok(None)
            };
            while cnt < next {
                match vm.iter_next(it) {
                    Ok(Some(_)) => cnt += 1,
                    Ok(None) => return finish(vm, cnt, next),
                    Err(e) => {
                        finish(vm, cnt, next)?;
                        return Err(e);
                    }
                }
                set_state(
                    vm,
                    me,
                    It::Islice {
                        it,
                        next,
                        stop,
                        step,
                        cnt,
                    },
                );
            }
            if stop != -1 && cnt >= stop {
                return finish(vm, cnt, next);
            }
            let item = match vm.iter_next(it) {
                Ok(Some(v)) => v,
                Ok(None) => return finish(vm, cnt, next),
                Err(e) => {
                    finish(vm, cnt, next)?;
                    return Err(e);
                }
            };
            cnt += 1;
            let old = next;
            next = next.wrapping_add(step);
            if next < old || (stop != -1 && next > stop) {
                next = stop;
            }
            set_state(
                vm,
                me,
                It::Islice {
                    it,
                    next,
                    stop,
                    step,
                    cnt,
                },
            );
            Ok(Some(item))
        }
        It::Pairwise { it, old } => {
            if it.is_undef() {
                return Ok(None);
            }
            let old = if old.is_undef() {
                match vm.iter_next(it)? {
                    Some(v) => {
                        set_state(vm, me, It::Pairwise { it, old: v });
                        v
                    }
                    None => {
                        set_state(
                            vm,
                            me,
                            It::Pairwise {
                                it: Value::Undef,
                                old: Value::Undef,
                            },
                        );
                        return Ok(None);
                    }
                }
            } else {
                old
            };
            let Some(new) = vm.iter_next(it)? else {
                set_state(
                    vm,
                    me,
                    It::Pairwise {
                        it: Value::Undef,
                        old: Value::Undef,
                    },
                );
                return Ok(None);
            };
            set_state(vm, me, It::Pairwise { it, old: new });
            Ok(Some(vm.new_tuple(vec![old, new])))
        }
        It::Starmap { func, it } => {
            let Some(args) = vm.iter_next(it)? else {
                return Ok(None);
            };
            let args = match args {
                Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)) => vm.tuple_items(args),
                _ => vm.iterate(args)?,
            };
            vm.call(func, &args, &[]).map(Some)
        }
        It::ZipLongest {
            mut its,
            mut active,
            fill,
        } => {
            if its.is_empty() || active == 0 {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for i in 0..its.len() {
                let it = its[i];
                if it.is_undef() {
                    out.push(fill);
                    continue;
                }
                match vm.iter_next(it) {
                    Ok(Some(v)) => out.push(v),
                    Ok(None) => {
                        active -= 1;
                        if active == 0 {
                            set_state(
                                vm,
                                me,
                                It::ZipLongest {
                                    its,
                                    active: 0,
                                    fill,
                                },
                            );
                            return Ok(None);
                        }
                        out.push(fill);
                        its[i] = Value::Undef;
                    }
                    Err(e) => {
                        set_state(
                            vm,
                            me,
                            It::ZipLongest {
                                its,
                                active: 0,
                                fill,
                            },
                        );
                        return Err(e);
                    }
                }
            }
            set_state(vm, me, It::ZipLongest { its, active, fill });
            Ok(Some(vm.new_tuple(out)))
        }
        It::Product {
            pools,
            mut indices,
            started,
            stopped,
        } => {
            if stopped {
                return Ok(None);
            }
            if !started {
                if pools.iter().any(|p| p.is_empty()) {
                    set_state(
                        vm,
                        me,
                        It::Product {
                            pools,
                            indices,
                            started: true,
                            stopped: true,
                        },
                    );
                    return Ok(None);
                }
                let t: Vec<Value> = pools.iter().map(|p| p[0]).collect();
                set_state(
                    vm,
                    me,
                    It::Product {
                        pools,
                        indices,
                        started: true,
                        stopped: false,
                    },
                );
                return Ok(Some(vm.new_tuple(t)));
            }
            let mut i = pools.len();
            let mut done = true;
            while i > 0 {
                i -= 1;
                indices[i] += 1;
                if indices[i] == pools[i].len() {
                    indices[i] = 0;
                } else {
                    done = false;
                    break;
                }
            }
            if done {
                set_state(
                    vm,
                    me,
                    It::Product {
                        pools,
                        indices,
                        started: true,
                        stopped: true,
                    },
                );
                return Ok(None);
            }
            let t: Vec<Value> = pools.iter().zip(&indices).map(|(p, &j)| p[j]).collect();
            set_state(
                vm,
                me,
                It::Product {
                    pools,
                    indices,
                    started: true,
                    stopped: false,
                },
            );
            Ok(Some(vm.new_tuple(t)))
        }
        It::Permutations {
            pool,
            r,
            mut indices,
            mut cycles,
            started,
            stopped,
        } => {
            let n = pool.len();
            if stopped {
                return Ok(None);
            }
            let stop = |vm: &mut Vm, pool, indices, cycles| {
                set_state(
                    vm,
                    me,
                    It::Permutations {
                        pool,
                        r,
                        indices,
                        cycles,
                        started: true,
                        stopped: true,
                    },
                );
                Ok(None)
            };
            if !started {
                if r > n {
                    return stop(vm, pool, indices, cycles);
                }
            } else {
                if n == 0 {
                    return stop(vm, pool, indices, cycles);
                }
                // Decrement rightmost cycle, moving leftward upon zero rollover.
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        // rotation: indices[i:] = indices[i+1:] + indices[i:i+1]
                        let index = indices[i];
                        indices.copy_within(i + 1.., i);
                        let last = indices.len() - 1;
                        indices[last] = index;
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        let len = indices.len();
                        indices.swap(i, len - j);
                        found = true;
                        break;
                    }
                }
                if !found {
                    return stop(vm, pool, indices, cycles);
                }
            }
            let t: Vec<Value> = indices[..r].iter().map(|&k| pool[k]).collect();
            set_state(
                vm,
                me,
                It::Permutations {
                    pool,
                    r,
                    indices,
                    cycles,
                    started: true,
                    stopped: false,
                },
            );
            Ok(Some(vm.new_tuple(t)))
        }
        It::Combinations {
            pool,
            r,
            mut indices,
            started,
            stopped,
            replace,
        } => {
            let n = pool.len();
            if stopped {
                return Ok(None);
            }
            let stop = |vm: &mut Vm, pool, indices| {
                set_state(
                    vm,
                    me,
                    It::Combinations {
                        pool,
                        r,
                        indices,
                        started: true,
                        stopped: true,
                        replace,
                    },
                );
                Ok(None)
            };
            if !started {
                if (!replace && r > n) || (replace && n == 0 && r > 0) {
                    return stop(vm, pool, indices);
                }
            } else if replace {
                // Scan indices right-to-left until finding one that is not at its maximum.
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    if indices[i] != n - 1 {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return stop(vm, pool, indices);
                }
                let v = indices[i] + 1;
                for x in &mut indices[i..] {
                    *x = v;
                }
            } else {
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    if indices[i] != i + n - r {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return stop(vm, pool, indices);
                }
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
            }
            let t: Vec<Value> = indices.iter().map(|&k| pool[k]).collect();
            set_state(
                vm,
                me,
                It::Combinations {
                    pool,
                    r,
                    indices,
                    started: true,
                    stopped: false,
                    replace,
                },
            );
            Ok(Some(vm.new_tuple(t)))
        }
    }
}

// ---------------------------------------------------------------- constructors

fn cls_of(vm: &Vm, args: &[Value]) -> ObjRef {
    args[0].obj().unwrap_or(vm.types.object)
}

fn make(vm: &mut Vm, cls: ObjRef, st: It) -> Value {
    let v = vm.new_opaque(cls, Iter(st));
    if let Value::Obj(r) = v {
        // A subclass written in Python gets an instance dict.
        if !vm.class_data(cls).is_builtin {
            let d = vm.new_dict();
            vm.heap.get_mut(r).set_dict(Some(d));
        }
    }
    v
}

/// CPython's `_PyArg_NoKeywords` for the types built with `PyArg_UnpackTuple`
/// (only the exact type refuses keywords; a subclass may take them).
fn no_kw(vm: &mut Vm, cls: ObjRef, name: &str, kw: Kw) -> PyResult<()> {
    if !kw.is_empty() && vm.class_data(cls).is_builtin {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn count_args(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let (which, b) = if n < min {
            (if min == max { "" } else { "at least " }, min)
        } else {
            (if min == max { "" } else { "at most " }, max)
        };
        let s = if b == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!("{name} expected {which}{b} argument{s}, got {n}")));
    }
    Ok(())
}

/// `PyNumber_Check`.
fn is_number(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        Value::Obj(_) => {
            if vm.isinstance(v, vm.types.int)
                || vm.isinstance(v, vm.types.float)
                || vm.isinstance(v, vm.types.complex)
            {
                return true;
            }
            ["__index__", "__int__", "__float__"].iter().any(|n| {
                let k = vm.intern(n);
                vm.lookup_special(v, k).is_some()
            })
        }
        _ => false,
    }
}

fn count_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("count", ["start", "step"]);
    let cls = cls_of(vm, args);
    let [start, step] = SPEC.parse(vm, &args[1..], kw)?;
    for v in [start, step].into_iter().flatten() {
        if !is_number(vm, v) {
            return Err(vm.new_type_error("a number is required".into()));
        }
    }
    let n = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    Ok(make(vm, cls, It::Count { n, step }))
}

fn repeat_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("repeat", ["object", "times"]).required(1);
    let cls = cls_of(vm, args);
    let [obj, times] = SPEC.parse(vm, &args[1..], kw)?;
    let left = match times {
        None => None,
        Some(t) => Some(ssize(vm, t)?.max(0)),
    };
    Ok(make(
        vm,
        cls,
        It::Repeat {
            obj: obj.unwrap_or(Value::None),
            left,
        },
    ))
}

/// An `n` format argument (`Py_ssize_t` through `__index__`).
fn ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Value::Obj(r) = v {
        if matches!(vm.heap.kind(r), Kind::BigInt(_)) {
            return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t"));
        }
    }
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match state(vm, args[0]) {
        Some(It::Repeat { left: Some(n), .. }) => Ok(Value::Int(n)),
        _ => Err(vm.new_type_error("len() of unsized object".into())),
    }
}

fn cycle_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_of(vm, args);
    no_kw(vm, cls, "cycle", kw)?;
    count_args(vm, "cycle", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    Ok(make(
        vm,
        cls,
        It::Cycle {
            it,
            saved: vec![],
            idx: 0,
        },
    ))
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("accumulate", ["iterable", "func", "initial"])
        .required(1)
        .positional(2);
    let cls = cls_of(vm, args);
    let [iterable, func, initial] = SPEC.parse(vm, &args[1..], kw)?;
    let it = vm.get_iter(iterable.unwrap_or(Value::None))?;
    Ok(make(
        vm,
        cls,
        It::Accumulate {
            it,
            func: func.unwrap_or(Value::None),
            total: Value::Undef,
            initial: initial.unwrap_or(Value::None),
        },
    ))
}

fn chain_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_of(vm, args);
    no_kw(vm, cls, "chain", kw)?;
    let t = vm.new_tuple(args[1..].to_vec());
    let source = vm.get_iter(t)?;
    Ok(make(
        vm,
        cls,
        It::Chain {
            source,
            active: Value::Undef,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = cls_of(vm, args);
    let source = vm.get_iter(args[1])?;
    Ok(make(
        vm,
        cls,
        It::Chain {
            source,
            active: Value::Undef,
        },
    ))
}

fn compress_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("compress", ["data", "selectors"]).required(2);
    let cls = cls_of(vm, args);
    let [data, selectors] = SPEC.parse(vm, &args[1..], kw)?;
    let data = vm.get_iter(data.unwrap_or(Value::None))?;
    let selectors = vm.get_iter(selectors.unwrap_or(Value::None))?;
    Ok(make(vm, cls, It::Compress { data, selectors }))
}

/// `(function, iterable, /)` constructors.
fn func_it(vm: &mut Vm, name: &str, args: &[Value], kw: Kw) -> PyResult<(ObjRef, Value, Value)> {
    let cls = cls_of(vm, args);
    no_kw(vm, cls, name, kw)?;
    count_args(vm, name, &args[1..], 2, 2)?;
    let it = vm.get_iter(args[2])?;
    Ok((cls, args[1], it))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (cls, func, it) = func_it(vm, "dropwhile", args, kw)?;
    Ok(make(
        vm,
        cls,
        It::DropWhile {
            func,
            it,
            start: false,
        },
    ))
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (cls, func, it) = func_it(vm, "takewhile", args, kw)?;
    Ok(make(
        vm,
        cls,
        It::TakeWhile {
            func,
            it,
            stop: false,
        },
    ))
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (cls, func, it) = func_it(vm, "filterfalse", args, kw)?;
    Ok(make(vm, cls, It::FilterFalse { func, it }))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (cls, func, it) = func_it(vm, "starmap", args, kw)?;
    Ok(make(vm, cls, It::Starmap { func, it }))
}

/// `PyNumber_AsSsize_t` with the error cleared: -1 for anything that is not a
/// small int (CPython's islice then reports the argument).
fn slice_index(vm: &mut Vm, v: Value) -> i64 {
    if let Value::Obj(r) = v {
        if matches!(vm.heap.kind(r), Kind::BigInt(_)) {
            return -1;
        }
    }
    match vm.index_of(v) {
        Ok(Some(i)) => i,
        _ => -1,
    }
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let cls = cls_of(vm, args);
    no_kw(vm, cls, "islice", kw)?;
    let a = &args[1..];
    count_args(vm, "islice", a, 2, 4)?;
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if a.len() == 2 {
        if !a[1].is_none() {
            stop = slice_index(vm, a[1]);
            if stop == -1 {
                return Err(vm.new_value_error(STOP.into()));
            }
        }
    } else {
        if !a[1].is_none() {
            start = slice_index(vm, a[1]);
        }
        if !a[2].is_none() {
            stop = slice_index(vm, a[2]);
            if stop == -1 {
                return Err(vm.new_value_error(STOP.into()));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.new_value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.".into(),
        ));
    }
    if a.len() == 4 && !a[3].is_none() {
        step = slice_index(vm, a[3]);
    }
    if step < 1 {
        return Err(
            vm.new_value_error("Step for islice() must be a positive integer or None.".into())
        );
    }
    let it = vm.get_iter(a[0])?;
    Ok(make(
        vm,
        cls,
        It::Islice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_of(vm, args);
    no_kw(vm, cls, "pairwise", kw)?;
    count_args(vm, "pairwise", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    Ok(make(
        vm,
        cls,
        It::Pairwise {
            it,
            old: Value::Undef,
        },
    ))
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_of(vm, args);
    let mut fill = Value::None;
    if !kw.is_empty() {
        match kw {
            [(k, v)] if vm.as_str(*k) == Some("fillvalue") => fill = *v,
            _ => {
                return Err(
                    vm.new_type_error("zip_longest() got an unexpected keyword argument".into())
                )
            }
        }
    }
    let mut its = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        its.push(vm.get_iter(*a)?);
    }
    let active = its.len();
    Ok(make(vm, cls, It::ZipLongest { its, active, fill }))
}

fn product_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = cls_of(vm, args);
    let mut repeat = 1i64;
    if !kw.is_empty() {
        const SPEC: KwSpec<1> = KwSpec::new("product", ["repeat"]).positional(0);
        let [r] = SPEC.parse(vm, &[], kw)?;
        if let Some(r) = r {
            repeat = ssize(vm, r)?;
        }
        if repeat < 0 {
            return Err(vm.new_value_error("repeat argument cannot be negative".into()));
        }
    }
    let mut base = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        base.push(vm.iterate(*a)?);
    }
    let n = if base.is_empty() { 0 } else { repeat as usize };
    let mut pools = Vec::with_capacity(base.len() * n);
    for _ in 0..n {
        pools.extend(base.iter().cloned());
    }
    let indices = vec![0; pools.len()];
    Ok(make(
        vm,
        cls,
        It::Product {
            pools,
            indices,
            started: false,
            stopped: false,
        },
    ))
}

fn r_arg(vm: &mut Vm, r: Value) -> PyResult<usize> {
    let r = ssize(vm, r)?;
    if r < 0 {
        return Err(vm.new_value_error("r must be non-negative".into()));
    }
    Ok(r as usize)
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("permutations", ["iterable", "r"]).required(1);
    let cls = cls_of(vm, args);
    let [iterable, r] = SPEC.parse(vm, &args[1..], kw)?;
    let pool = vm.iterate(iterable.unwrap_or(Value::None))?;
    let n = pool.len();
    let r = match r {
        None | Some(Value::None) => n,
        Some(r) if !vm.isinstance(r, vm.types.int) => {
            return Err(vm.new_type_error("Expected int as r".into()));
        }
        Some(r) => r_arg(vm, r)?,
    };
    let indices = (0..n).collect();
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(make(
        vm,
        cls,
        It::Permutations {
            pool,
            r,
            indices,
            cycles,
            started: false,
            stopped: false,
        },
    ))
}

fn combinations_common(
    vm: &mut Vm,
    name: &'static str,
    args: &[Value],
    kw: Kw,
    replace: bool,
) -> PyResult<Value> {
    let spec: KwSpec<2> = KwSpec::new(name, ["iterable", "r"]).required(2);
    let cls = cls_of(vm, args);
    let [iterable, r] = spec.parse(vm, &args[1..], kw)?;
    let pool = vm.iterate(iterable.unwrap_or(Value::None))?;
    let r = r_arg(vm, r.unwrap_or(Value::None))?;
    let indices = if replace {
        vec![0; r]
    } else {
        (0..r).collect()
    };
    Ok(make(
        vm,
        cls,
        It::Combinations {
            pool,
            r,
            indices,
            started: false,
            stopped: false,
            replace,
        },
    ))
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    combinations_common(vm, "combinations", args, kw, false)
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    combinations_common(vm, "combinations_with_replacement", args, kw, true)
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_itertools");
    let d = vm.module_dict(m);
    let types: [(&str, revpy_vm::NativeFn); 17] = [
        ("count", count_new),
        ("repeat", repeat_new),
        ("cycle", cycle_new),
        ("accumulate", accumulate_new),
        ("chain", chain_new),
        ("compress", compress_new),
        ("dropwhile", dropwhile_new),
        ("takewhile", takewhile_new),
        ("filterfalse", filterfalse_new),
        ("islice", islice_new),
        ("pairwise", pairwise_new),
        ("starmap", starmap_new),
        ("zip_longest", zip_longest_new),
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
    ];
    for (name, new) in types {
        let cls = vm.new_opaque_class(name, "itertools", &ITER);
        vm.add_staticmethod(cls, "__new__", new, Arity::any().kw());
        match name {
            "repeat" => vm.add_method(cls, "__length_hint__", repeat_length_hint, Arity::none()),
            "chain" => {
                vm.add_classmethod(cls, "from_iterable", chain_from_iterable, Arity::exactly(1));
                vm.make_generic(cls);
            }
            _ => {}
        }
        let k = vm.intern(name);
        vm.dict_set(d, k, Value::Obj(cls))?;
    }
    Ok(m)
}

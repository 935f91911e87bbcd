//! `_copy.deepcopy(x, memo, other)`: the recursion of `copy.deepcopy` in Rust for the
//! built-in types it copies itself (atomic values, exact lists, dicts and tuples,
//! classes), with `copy.py`'s memo discipline: `memo[id(x)]` is consulted first and
//! set (to the new list or dict before its items are copied, so cycles resolve), a
//! tuple whose items all copy to themselves is returned as is, and every copied
//! object is kept alive in `memo[id(memo)]`. Anything else is handed to `other(x,
//! memo)` (Python: `__deepcopy__`, `__reduce_ex__`, reconstruction), which recurses
//! through `copy.deepcopy` and so back here. Collector-safe: values being built are
//! rooted while Python code runs.

use revpy_vm::{Arity, Kind, Kw, ObjRef, PyResult, Value, Vm};

struct Ctx {
    memo: ObjRef,
    other: Value,
}

/// Types `copy.deepcopy` returns unchanged (`copy._atomic`, and classes).
fn atomic(vm: &Vm, v: Value) -> bool {
    let Value::Obj(r) = v else {
        return true;
    };
    let cls = vm.heap.get(r).class;
    let t = &vm.types;
    if cls == t.str
        || cls == t.int
        || cls == t.bytes
        || cls == t.complex
        || cls == t.float
        || cls == t.range
        || cls == t.function
        || cls == t.builtin_function
        || cls == t.property
        || cls == t.type_
        || cls == t.ellipsis_type
        || cls == t.not_implemented_type
        || cls == t.none_type
    {
        return true;
    }
    // issubclass(cls, type): classes (and metaclass instances) are atomic.
    matches!(vm.heap.kind(r), Kind::Class(_))
}

fn memo_get(vm: &mut Vm, c: &Ctx, id: i64) -> PyResult<Option<Value>> {
    vm.dict_get(c.memo, Value::Int(id))
}

fn deep(vm: &mut Vm, x: Value, c: &Ctx) -> PyResult<Value> {
    if atomic(vm, x) {
        // `memo.get(id(x))` first, as copy.deepcopy does (a memo may map anything).
        if let Value::Obj(_) = x {
            let id = vm.id_of(x);
            if let Some(y) = memo_get(vm, c, id)? {
                return Ok(y);
            }
        }
        return Ok(x);
    }
    let id = vm.id_of(x);
    if let Some(y) = memo_get(vm, c, id)? {
        return Ok(y);
    }
    let r = x.obj().expect("non-atomic values are heap objects");
    let cls = vm.heap.get(r).class;
    let (list_t, dict_t, tuple_t) = (vm.types.list, vm.types.dict, vm.types.tuple);
    vm.enter_native(" while calling a Python object")?;
    let y = (|| -> PyResult<Value> {
        if cls == list_t {
            let y = vm.new_list(vec![]);
            vm.dict_set(c.memo, Value::Int(id), y)?;
            let mut i = 0;
            loop {
                let item = match vm.heap.kind(r) {
                    Kind::List(v) => v.get(i).copied(),
                    _ => None,
                };
                let Some(item) = item else { break };
                let z = deep(vm, item, c)?;
                vm.list_append(y, z)?;
                i += 1;
            }
            Ok(y)
        } else if cls == dict_t {
            let n = vm.dict_len(r);
            let y = Value::Obj(vm.new_dict_sized(n));
            vm.dict_set(c.memo, Value::Int(id), y)?;
            let yd = y.obj().expect("a dict");
            let mark = vm.temp_roots.len();
            for (k, v) in vm.dict_items(r) {
                let k2 = deep(vm, k, c)?;
                vm.temp_roots.push(k2);
                let v2 = deep(vm, v, c)?;
                vm.temp_roots.push(v2);
                vm.dict_set(yd, k2, v2)?;
                vm.temp_roots.truncate(mark);
            }
            Ok(y)
        } else if cls == tuple_t {
            let items = vm.tuple_items(x);
            let mark = vm.temp_roots.len();
            let mut same = true;
            let mut out = Vec::with_capacity(items.len());
            for a in &items {
                let z = deep(vm, *a, c)?;
                vm.temp_roots.push(z);
                same = same && z.is(*a);
                out.push(z);
            }
            let res = match memo_get(vm, c, id)? {
                Some(y) => y,
                None if same => x,
                None => vm.new_tuple(out),
            };
            vm.temp_roots.truncate(mark);
            Ok(res)
        } else {
            let m = Value::Obj(c.memo);
            vm.call(c.other, &[x, m], &[])
        }
    })();
    vm.leave_native();
    let y = y?;
    if !y.is(x) {
        let mark = vm.temp_roots.len();
        vm.temp_roots.push(y);
        vm.dict_set(c.memo, Value::Int(id), y)?;
        keep_alive(vm, x, c)?;
        vm.temp_roots.truncate(mark);
    }
    Ok(y)
}

/// `memo[id(memo)].append(x)` (a new list the first time).
fn keep_alive(vm: &mut Vm, x: Value, c: &Ctx) -> PyResult<()> {
    let key = Value::Int(vm.id_of(Value::Obj(c.memo)));
    match vm.dict_get(c.memo, key)? {
        Some(l) if matches!(l, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::List(_))) => {
            vm.list_append(l, x)
        }
        Some(l) => {
            vm.call_method(l, "append", &[x])?;
            Ok(())
        }
        None => {
            let l = vm.new_list(vec![x]);
            vm.dict_set(c.memo, key, l)
        }
    }
}

fn deepcopy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (x, memo, other) = (args[0], args[1], args[2]);
    let Some(memo) = memo
        .obj()
        .filter(|r| matches!(vm.heap.kind(*r), Kind::Dict(_)))
    else {
        return Err(vm.new_type_error("deepcopy() memo must be a dict".into()));
    };
    deep(vm, x, &Ctx { memo, other })
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_copy");
    let d = vm.module_dict(m);
    vm.add_function(d, "deepcopy", deepcopy, Arity::exactly(3));
    vm.mark_gc_safe(d, "deepcopy");
    Ok(m)
}

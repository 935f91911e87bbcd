//! `_collections._count_elements(mapping, iterable)`: the counting loop of
//! `Counter.update`, as CPython's C helper: when `mapping` is a dict whose class keeps
//! dict's `get` and `__setitem__`, counts go straight into the dict (`oldval + 1`, no
//! `__missing__`); otherwise `mapping[elem] = mapping.get(elem, 0) + 1`. Elements are
//! taken one at a time, so an iterable that raises leaves the counts made so far.
//! Collector-safe: the iterator, the element and the new count are rooted while
//! Python code (hashing, `__eq__`, `__add__`, generators) runs.

use revpy_compiler::opcodes::BinOp;
use revpy_vm::{Arity, Kw, ObjRef, PyResult, Value, Vm};

/// Whether `cls` finds the same `name` as `dict` does.
fn keeps_dict_method(vm: &mut Vm, cls: ObjRef, name: &str) -> bool {
    let k = vm.intern(name);
    let dict = vm.types.dict;
    match (vm.class_lookup(cls, k), vm.class_lookup(dict, k)) {
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    }
}

fn count_elements(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (mapping, iterable) = (args[0], args[1]);
    let it = vm.get_iter(iterable)?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = count_loop(vm, mapping, it, mark + 1);
    vm.temp_roots.truncate(mark);
    r.map(|_| Value::None)
}

fn count_loop(vm: &mut Vm, mapping: Value, it: Value, mark: usize) -> PyResult<()> {
    let cls = vm.type_of(mapping);
    let fast = vm.isinstance(mapping, vm.types.dict)
        && keeps_dict_method(vm, cls, "get")
        && keeps_dict_method(vm, cls, "__setitem__");
    let one = Value::Int(1);
    if let (true, Some(d)) = (fast, mapping.obj()) {
        while let Some(key) = vm.iter_next_gc(it)? {
            vm.temp_roots.push(key);
            let newval = match vm.dict_get(d, key)? {
                None => one,
                Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
                Some(old) => vm.binary_op(old, one, BinOp::Add)?,
            };
            vm.temp_roots.push(newval);
            vm.dict_set(d, key, newval)?;
            vm.temp_roots.truncate(mark);
        }
        return Ok(());
    }
    let k = vm.intern("get");
    let get = vm.getattr(mapping, k)?;
    vm.temp_roots.push(get);
    let mark = mark + 1;
    while let Some(key) = vm.iter_next_gc(it)? {
        vm.temp_roots.push(key);
        let old = vm.call(get, &[key, Value::Int(0)], &[])?;
        vm.temp_roots.push(old);
        let newval = vm.binary_op(old, one, BinOp::Add)?;
        vm.temp_roots.push(newval);
        vm.setitem(mapping, key, newval)?;
        vm.temp_roots.truncate(mark);
    }
    Ok(())
}

/// Add the helpers to `_collections` (its dict `md`).
pub fn install(vm: &mut Vm, md: ObjRef) {
    vm.add_function(md, "_count_elements", count_elements, Arity::exactly(2));
    vm.mark_gc_safe(md, "_count_elements");
}

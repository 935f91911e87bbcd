//! `_heapq`: the heap functions of `heapq` in Rust, as CPython's `Modules/_heapqmodule.c`:
//! the same comparisons (`<` only, in the same order, so the order of equal items and
//! the calls of user `__lt__` are CPython's), the same swaps, the cache-friendly
//! `heapify` for lists over 2500 items, and the same errors (a list changed by a
//! comparison is a RuntimeError). `heapq.py` (CPython's) keeps `merge`, `nlargest`
//! and `nsmallest` and uses these.

use revpy_vm::{Arity, Kind, Kw, ObjRef, PyErr, PyResult, Value, Vm};

/// The list argument, or CPython's TypeError (`heappush() argument 1 must be list,
/// not int`; `argument` alone for one-argument functions).
fn heap_arg(vm: &mut Vm, v: Value, func: &str, numbered: bool) -> PyResult<ObjRef> {
    if let Value::Obj(r) = v {
        if matches!(vm.heap.kind(r), Kind::List(_)) {
            return Ok(r);
        }
    }
    let t = if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    };
    let which = if numbered { "argument 1" } else { "argument" };
    Err(vm.new_type_error(format!("{func}() {which} must be list, not {t}")))
}

fn items(vm: &mut Vm, r: ObjRef) -> &mut Vec<Value> {
    match vm.heap.kind_mut(r) {
        Kind::List(v) => v,
        _ => unreachable!("checked to be a list"),
    }
}

fn len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.kind(r) {
        Kind::List(v) => v.len(),
        _ => 0,
    }
}

fn get(vm: &Vm, r: ObjRef, i: usize) -> Value {
    match vm.heap.kind(r) {
        Kind::List(v) => v[i],
        _ => Value::None,
    }
}

fn index_error(vm: &mut Vm) -> PyErr {
    vm.new_index_error("index out of range")
}

fn changed(vm: &mut Vm) -> PyErr {
    vm.new_error(
        vm.types.runtime_error,
        "list changed size during iteration".into(),
    )
}

/// `a < b` for the min-heap, `b < a` for the max-heap.
fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    if max {
        vm.lt(b, a)
    } else {
        vm.lt(a, b)
    }
}

/// Move the item at `pos` up towards `startpos` while it is less than its parent.
fn siftdown(vm: &mut Vm, r: ObjRef, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = len(vm, r);
    if pos >= size {
        return Err(index_error(vm));
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = (get(vm, r, pos), get(vm, r, parentpos));
        let lt = less(vm, newitem, parent, max)?;
        if size != len(vm, r) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        items(vm, r).swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Bubble the smaller child up from `pos` to a leaf, then sift the item down.
fn siftup(vm: &mut Vm, r: ObjRef, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = len(vm, r);
    let startpos = pos;
    if pos >= endpos {
        return Err(index_error(vm));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (get(vm, r, childpos), get(vm, r, childpos + 1));
            let lt = less(vm, a, b, max)?;
            if !lt {
                childpos += 1;
            }
            if endpos != len(vm, r) {
                return Err(changed(vm));
            }
        }
        items(vm, r).swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, r, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "heappush", true)?;
    vm.list_append(args[0], args[1])?;
    let n = len(vm, r);
    siftdown(vm, r, 0, n - 1, false)?;
    Ok(Value::None)
}

fn pop_internal(vm: &mut Vm, r: ObjRef, max: bool) -> PyResult<Value> {
    let Some(lastelt) = items(vm, r).pop() else {
        return Err(index_error(vm));
    };
    if len(vm, r) == 0 {
        return Ok(lastelt);
    }
    let returnitem = std::mem::replace(&mut items(vm, r)[0], lastelt);
    siftup(vm, r, 0, max)?;
    Ok(returnitem)
}

fn heappop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "heappop", false)?;
    pop_internal(vm, r, false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "_heappop_max", false)?;
    pop_internal(vm, r, true)
}

fn replace_internal(vm: &mut Vm, r: ObjRef, item: Value, max: bool) -> PyResult<Value> {
    if len(vm, r) == 0 {
        return Err(index_error(vm));
    }
    let returnitem = std::mem::replace(&mut items(vm, r)[0], item);
    siftup(vm, r, 0, max)?;
    Ok(returnitem)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "heapreplace", true)?;
    replace_internal(vm, r, args[1], false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "_heapreplace_max", true)?;
    replace_internal(vm, r, args[1], true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "heappushpop", true)?;
    let item = args[1];
    if len(vm, r) == 0 {
        return Ok(item);
    }
    let top = get(vm, r, 0);
    if !vm.lt(top, item)? {
        return Ok(item);
    }
    if len(vm, r) == 0 {
        return Err(index_error(vm));
    }
    let returnitem = std::mem::replace(&mut items(vm, r)[0], item);
    siftup(vm, r, 0, false)?;
    Ok(returnitem)
}

/// The largest power of two not above `n` (`keep_top_bit`).
fn keep_top_bit(mut n: usize) -> usize {
    let mut i = 0;
    while n > 1 {
        n >>= 1;
        i += 1;
    }
    n << i
}

fn heapify_internal(vm: &mut Vm, r: ObjRef, max: bool) -> PyResult<Value> {
    let n = len(vm, r);
    if n > 2500 {
        // CPython's cache-friendly order: the same comparisons, the same heap.
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        for range in [(mhalf, leftmost), (leftmost, m)] {
            for i in (range.0..range.1).rev() {
                let mut j = i;
                loop {
                    siftup(vm, r, j, max)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
        }
        return Ok(Value::None);
    }
    for i in (0..n >> 1).rev() {
        siftup(vm, r, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "heapify", false)?;
    heapify_internal(vm, r, false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = heap_arg(vm, args[0], "_heapify_max", false)?;
    heapify_internal(vm, r, true)
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_heapq");
    let d = vm.module_dict(m);
    vm.add_function(d, "heappush", heappush, Arity::exactly(2));
    vm.add_function(d, "heappop", heappop, Arity::exactly(1));
    vm.add_function(d, "heappushpop", heappushpop, Arity::exactly(2));
    vm.add_function(d, "heapify", heapify, Arity::exactly(1));
    vm.add_function(d, "heapreplace", heapreplace, Arity::exactly(2));
    vm.add_function(d, "_heappop_max", heappop_max, Arity::exactly(1));
    vm.add_function(d, "_heapreplace_max", heapreplace_max, Arity::exactly(2));
    vm.add_function(d, "_heapify_max", heapify_max, Arity::exactly(1));
    let k = vm.intern("__about__");
    let about = vm.new_str("Heap queues".into());
    vm.dict_set(d, k, about)?;
    Ok(m)
}

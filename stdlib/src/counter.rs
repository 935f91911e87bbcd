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

// ---------------------------------------------------------------- _tuplegetter

use revpy_vm::object::opaque::{OpaqueObject, Protocols};
use revpy_vm::Kind;

/// `_collections._tuplegetter(index, doc)`: the field descriptor of a namedtuple
/// (a data descriptor reading item `index` of the tuple), as CPython's C type.
#[derive(Clone, Debug)]
struct TupleGetter {
    index: i64,
}

impl OpaqueObject for TupleGetter {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, _: &mut dyn FnMut(Value)) {}
    fn protocols(&self) -> &'static Protocols {
        &Protocols::NONE
    }
}

fn tuplegetter_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_type_error("_tuplegetter() takes no keyword arguments".into()));
    }
    let cls = args[0].obj().unwrap_or(vm.types.object);
    let a = &args[1..];
    if a.len() != 2 {
        return Err(vm.new_type_error(format!(
            "_tuplegetter expected 2 arguments, got {}",
            a.len()
        )));
    }
    let Some(index) = vm.index_of(a[0])? else {
        let t = vm.type_name(a[0]);
        return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    let v = vm.new_opaque(cls, TupleGetter { index });
    if let Value::Obj(r) = v {
        // `__doc__` is the instance's own (CPython: a writable member).
        let d = vm.new_dict();
        let k = vm.names.__doc__;
        vm.dict_set(d, k, a[1])?;
        vm.heap.get_mut(r).set_dict(Some(d));
    }
    Ok(v)
}

fn getter_index(vm: &mut Vm, me: Value) -> PyResult<i64> {
    match vm.opaque_ref::<TupleGetter>(me) {
        Some(g) => Ok(g.index),
        None => Err(vm.new_type_error("expected a _tuplegetter".into())),
    }
}

fn tuplegetter_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (me, obj) = (args[0], args[1]);
    let index = getter_index(vm, me)?;
    if obj.is_none() {
        return Ok(me);
    }
    let item = match obj {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Tuple(items) => Some(items.get(index as usize).copied()),
            _ => None,
        },
        _ => None,
    };
    match item {
        Some(Some(v)) => Ok(v),
        Some(None) => Err(vm.new_index_error("tuple index out of range")),
        None => {
            let t = vm.type_name(obj);
            Err(vm.new_type_error(format!(
                "descriptor for index '{index}' for tuple subclasses doesn't apply to '{t}' object"
            )))
        }
    }
}

fn tuplegetter_set(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Err(vm.new_error(vm.types.attribute_error, "can't set attribute".into()))
}

fn tuplegetter_delete(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Err(vm.new_error(vm.types.attribute_error, "can't delete attribute".into()))
}

fn tuplegetter_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = args[0];
    let index = getter_index(vm, me)?;
    let k = vm.names.__doc__;
    let doc = match vm.instance_dict(me) {
        Some(d) => vm.dict_get_str(d, k).unwrap_or(Value::None),
        None => Value::None,
    };
    let cls = Value::Obj(vm.type_of(me));
    let a = vm.new_tuple(vec![Value::Int(index), doc]);
    Ok(vm.new_tuple(vec![cls, a]))
}

/// Add `_tuplegetter` to `_collections` (its dict `md`).
pub fn install_tuplegetter(vm: &mut Vm, md: ObjRef) -> PyResult<()> {
    let cls = vm.new_opaque_class("_tuplegetter", "collections", &Protocols::NONE);
    vm.add_staticmethod(cls, "__new__", tuplegetter_new, Arity::any().kw());
    vm.add_method(cls, "__get__", tuplegetter_get, Arity::range(1, 2));
    vm.add_method(cls, "__set__", tuplegetter_set, Arity::exactly(2));
    vm.add_method(cls, "__delete__", tuplegetter_delete, Arity::exactly(1));
    vm.add_method(cls, "__reduce__", tuplegetter_reduce, Arity::none());
    let k = vm.intern("_tuplegetter");
    vm.dict_set(md, k, Value::Obj(cls))
}

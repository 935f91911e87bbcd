//! Functions, bound methods, cells, and the descriptor types `property`,
//! `staticmethod` and `classmethod`.

use crate::args::{Arity, KwSpec};
use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

use crate::Kw;

impl Vm {
    pub fn new_cell(&mut self, v: Value) -> Value {
        let c = self.types.cell;
        Value::Obj(self.heap.alloc(c, Kind::Cell(v)))
    }
    #[inline]
    pub fn cell_get(&self, cell: Value) -> Value {
        match cell {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Cell(v) => *v,
                _ => Value::Undef,
            },
            _ => Value::Undef,
        }
    }
    #[inline]
    pub fn cell_set(&mut self, cell: Value, v: Value) {
        if let Value::Obj(r) = cell {
            if let Kind::Cell(c) = self.heap.kind_mut(r) {
                *c = v;
            }
        }
    }
    pub fn new_bound_method(&mut self, f: Value, obj: Value) -> Value {
        // A bound built-in method (`"".join`) is a builtin_function_or_method, as
        // CPython's; a bound Python function a method.
        let native = matches!(f, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Native(_)));
        let c = if native {
            self.types.builtin_function
        } else {
            self.types.method
        };
        Value::Obj(self.heap.alloc(c, Kind::BoundMethod(f, obj)))
    }
}

/// `property.__new__`: an empty property; `__init__` (the subclass's, if any) fills it.
fn property_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    Ok(Value::Obj(
        vm.heap
            .alloc(cls, Kind::Property(Box::new([Value::None; 5]))),
    ))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`; the doc defaults to fget's.
fn property_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<4> = KwSpec::new("property", ["fget", "fset", "fdel", "doc"]);
    let [fget, fset, fdel, doc] = SPEC.parse(vm, &args[1..], kw)?;
    let [fget, fset, fdel, mut doc] = [fget, fset, fdel, doc].map(|v| v.unwrap_or(Value::None));
    if doc.is_none() {
        if let Value::Obj(f) = fget {
            if let Kind::Function(func) = vm.heap.kind(f) {
                doc = func.doc;
            }
        }
    }
    if let Value::Obj(p) = args[0] {
        if let Kind::Property(parts) = vm.heap.kind_mut(p) {
            parts[..4].copy_from_slice(&[fget, fset, fdel, doc]);
        }
    }
    Ok(Value::None)
}

fn property_with(vm: &mut Vm, args: &[Value], slot: usize) -> PyResult<Value> {
    let Some(Value::Obj(p)) = args.first() else {
        return Err(vm.new_type_error("property expected".into()));
    };
    let Kind::Property(parts) = vm.heap.kind(*p) else {
        return Err(vm.new_type_error("property expected".into()));
    };
    let mut parts = **parts;
    parts[slot] = args.get(1).copied().unwrap_or(Value::None);
    let cls = vm.heap.get(*p).class;
    Ok(Value::Obj(
        vm.heap.alloc(cls, Kind::Property(Box::new(parts))),
    ))
}
fn property_set_name(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__set_name__", &args[1..], 2, 2)?;
    if let Some(Value::Obj(p)) = args.first() {
        if let Kind::Property(parts) = vm.heap.kind_mut(*p) {
            parts[4] = args[2];
        }
    }
    Ok(Value::None)
}
fn property_getter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_with(vm, args, 2)
}
fn property_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let obj = args.get(1).copied().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args[0]);
    }
    let cls = vm.type_of(obj);
    vm.bind_descriptor(args[0], obj, cls)
}
/// `property.__set__(obj, value)` and `__delete__(obj)`: what assignment and
/// `del` do (attribute access takes the property's parts directly; these make
/// a property a data descriptor for `inspect` and explicit calls).
fn property_set(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_store(vm, args, 1, "setter")
}
fn property_delete(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_store(vm, args, 2, "deleter")
}
fn property_store(vm: &mut Vm, args: &[Value], i: usize, what: &str) -> PyResult<Value> {
    let f = property_part(vm, args, i)?;
    let obj = args[1];
    if f.is_none() {
        let (Value::Obj(p), cls) = (args[0], vm.type_of(obj)) else {
            return Ok(Value::None);
        };
        return Err(vm.property_missing(p, cls, what));
    }
    vm.call(f, &args[1..], &[])?;
    Ok(Value::None)
}
fn property_part(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Value> {
    match args.first() {
        Some(Value::Obj(p)) => match vm.heap.kind(*p) {
            Kind::Property(parts) => Ok(parts[i]),
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}
fn property_fget(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_part(vm, args, 0)
}
fn property_fset(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_part(vm, args, 1)
}
fn property_fdel(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_part(vm, args, 2)
}
fn property_doc(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    property_part(vm, args, 3)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("staticmethod", &args[1..], 1, 1)?;
    let cls = args[0].obj().expect("class");
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::StaticMethod(args[1]))))
}
/// `types.CellType([contents])`: a cell, empty without an argument.
fn cell_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_type_error("cell() takes no keyword arguments".into()));
    }
    if args.len() > 2 {
        return Err(vm.new_type_error(format!(
            "cell expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let cls = args[0].obj().expect("class");
    let v = args.get(1).copied().unwrap_or(Value::Undef);
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Cell(v))))
}
fn classmethod_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("classmethod", &args[1..], 1, 1)?;
    let cls = args[0].obj().expect("class");
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::ClassMethod(args[1]))))
}
fn wrapped_func(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match args.first() {
        Some(Value::Obj(r)) => match vm.heap.kind(*r) {
            Kind::StaticMethod(f) | Kind::ClassMethod(f) => Ok(*f),
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}
fn staticmethod_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let f = wrapped_func(vm, args, kw)?;
    vm.call(f, &args[1..], kw)
}

fn method_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.call(args[0], &args[1..], kw)
}

/// `function.__doc__` (readable and writable) and `method.__doc__` (the function's).
fn func_doc_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Function(f) => Ok(f.doc),
            Kind::BoundMethod(f, _) => {
                let (f, k) = (*f, vm.names.__doc__);
                Ok(vm.getattr_opt(f, k)?.unwrap_or(Value::None))
            }
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}
/// `__doc__` and `__text_signature__` of a built-in function or method: CPython's
/// (`builtins::docs`), None for natives CPython does not have.
fn native_doc(vm: &mut Vm, args: &[Value], signature: bool) -> PyResult<Value> {
    let f = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::BoundMethod(f, _) => *f,
            _ => args[0],
        },
        v => v,
    };
    let text = match f {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(nf) => {
                let (sig, doc) = crate::builtins::docs::of_native(nf);
                if signature {
                    sig
                } else {
                    doc
                }
            }
            _ => None,
        },
        _ => None,
    };
    Ok(text.map_or(Value::None, |t| vm.new_str(t.to_string())))
}
/// `str.join.__objclass__`: the class a method descriptor belongs to.
fn native_objclass(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match args[0].obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Native(nf)) => Ok(nf.cls.map_or(Value::None, Value::Obj)),
        _ => Ok(Value::None),
    }
}
fn native_doc_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    native_doc(vm, args, false)
}
fn native_signature_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    native_doc(vm, args, true)
}
fn func_module_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Function(f) => Ok(f.module),
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}
fn func_module_set(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let (Some(Value::Obj(r)), Some(v)) = (args.first(), args.get(1)) {
        if let Kind::Function(f) = vm.heap.kind_mut(*r) {
            f.module = *v;
            return Ok(Value::None);
        }
    }
    Err(vm.new_error(vm.types.attribute_error, "readonly attribute".into()))
}
fn func_doc_set(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let (Some(Value::Obj(r)), Some(v)) = (args.first(), args.get(1)) {
        if let Kind::Function(f) = vm.heap.kind_mut(*r) {
            f.doc = *v;
            return Ok(Value::None);
        }
    }
    Err(vm.new_error(vm.types.attribute_error, "readonly attribute".into()))
}

/// `f.__get__(obj, type=None)` for functions, staticmethod and classmethod objects.
fn descr_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__get__", &args[1..], 1, 2)?;
    let obj = args[1];
    let cls = match args.get(2) {
        Some(Value::Obj(c)) if matches!(vm.heap.kind(*c), Kind::Class(_)) => *c,
        _ if !obj.is_none() => vm.type_of(obj),
        _ => {
            return Err(vm.new_type_error("__get__(None, None) is invalid".into()));
        }
    };
    let inst = if obj.is_none() { Value::Undef } else { obj };
    vm.bind_descriptor(args[0], inst, cls)
}

pub fn register(vm: &mut Vm) {
    for t in [
        vm.types.function,
        vm.types.staticmethod,
        vm.types.classmethod,
    ] {
        vm.add_method(t, "__get__", descr_get, Arity::range(1, 2));
    }
    for t in [vm.types.function, vm.types.method] {
        vm.add_getter(t, "__doc__", func_doc_get);
    }
    for bf in [vm.types.builtin_function, vm.types.method_descriptor] {
        vm.add_getter(bf, "__doc__", native_doc_get);
        vm.add_getter(bf, "__text_signature__", native_signature_get);
    }
    let md = vm.types.method_descriptor;
    vm.add_method(md, "__get__", descr_get, Arity::range(1, 2));
    vm.add_getter(md, "__objclass__", native_objclass);
    let setter = vm.add_function_value("__doc__", func_doc_set, Arity::exactly(2));
    let k = vm.names.__doc__;
    let fd = vm.class_data(vm.types.function).dict;
    if let Some(Value::Obj(pr)) = vm.dict_get_str(fd, k) {
        if let Kind::Property(p) = vm.heap.kind_mut(pr) {
            p[1] = setter;
        }
    }
    vm.add_getter(vm.types.function, "__module__", func_module_get);
    let setter = vm.add_function_value("__module__", func_module_set, Arity::exactly(2));
    let k = vm.names.__module__;
    if let Some(Value::Obj(pr)) = vm.dict_get_str(fd, k) {
        if let Kind::Property(p) = vm.heap.kind_mut(pr) {
            p[1] = setter;
        }
    }
    let p = vm.types.property;
    vm.add_staticmethod(p, "__new__", property_new, Arity::any().kw());
    vm.add_method(p, "__init__", property_init, Arity::parsed());
    vm.add_method(p, "__set_name__", property_set_name, Arity::exactly(2));
    vm.add_method(p, "getter", property_getter, Arity::exactly(1));
    vm.add_method(p, "setter", property_setter, Arity::exactly(1));
    vm.add_method(p, "deleter", property_deleter, Arity::exactly(1));
    vm.add_method(p, "__get__", property_get, Arity::range(1, 2));
    vm.add_method(p, "__set__", property_set, Arity::exactly(2));
    vm.add_method(p, "__delete__", property_delete, Arity::exactly(1));
    vm.add_getter(p, "fget", property_fget);
    vm.add_getter(p, "fset", property_fset);
    vm.add_getter(p, "fdel", property_fdel);
    vm.add_getter(p, "__doc__", property_doc);
    let s = vm.types.staticmethod;
    vm.add_staticmethod(s, "__new__", staticmethod_new, Arity::any().kw());
    vm.add_getter(s, "__func__", wrapped_func);
    vm.add_method(s, "__call__", staticmethod_call, Arity::any().kw());
    let c = vm.types.classmethod;
    vm.add_staticmethod(c, "__new__", classmethod_new, Arity::any().kw());
    let cell = vm.types.cell;
    vm.add_staticmethod(cell, "__new__", cell_new, Arity::any().kw());
    vm.add_getter(c, "__func__", wrapped_func);
    for t in [
        vm.types.function,
        vm.types.method,
        vm.types.builtin_function,
        vm.types.method_descriptor,
    ] {
        vm.add_method(t, "__call__", method_call, Arity::any().kw());
    }
}

//! `object` and `type`: the methods every object and every class has.

use crate::args::{Arity, NativeDef};
use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

use crate::Kw;

fn object_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(vm.new_type_error("object.__new__(): not enough arguments".into()));
    };
    if !matches!(vm.heap.kind(*cls), Kind::Class(_)) {
        return Err(vm.new_type_error("object.__new__(X): X is not a type object".into()));
    }
    if vm.class_is_abstract(*cls) {
        return vm.call_class(*cls, &[], &[]);
    }
    Ok(vm.new_instance(*cls))
}
/// `object.__init__(self, *args, **kw)`: extra arguments are an error when the class
/// overrides `__init__` (they were meant for a base that takes none) or does not
/// override `__new__` either (nothing took them), as CPython's `object_init`. Checked only for classes
/// written in Python over `object`: a built-in base may route its own arguments here.
/// `object.__init__`, for the CALL fast path's identity test (`interp/call_fast.rs`).
pub(crate) const OBJECT_INIT: crate::object::NativeFn = object_init;

fn object_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() <= 1 && kw.is_empty() {
        return Ok(Value::None);
    }
    let cls = vm.type_of(args[0]);
    let object = vm.types.object;
    let plain = vm.class_data(cls).mro.iter().all(|c| {
        *c == object || {
            let d = vm.class_data(*c);
            !d.is_builtin && d.base_kind == crate::object::BaseKind::Object
        }
    });
    if !plain {
        return Ok(Value::None);
    }
    let (init_name, new_name) = (vm.names.__init__, vm.names.__new__);
    let init = vm.class_lookup(cls, init_name);
    let base_init = vm.class_lookup(object, init_name);
    if !matches!((init, base_init), (Some(a), Some(b)) if a.is(b)) {
        return Err(vm.new_type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)".into(),
        ));
    }
    let new = vm.class_lookup(cls, new_name);
    if new.is_none_or(|n| n.is(vm.object_new)) {
        return Err(vm.new_type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)".into(),
        ));
    }
    Ok(Value::None)
}
fn object_setattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__setattr__", args, 3, 3)?;
    vm.generic_setattr(args[0], args[1], args[2])?;
    Ok(Value::None)
}
fn object_getattribute(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__getattribute__", args, 2, 2)?;
    match vm.generic_getattr(args[0], args[1])? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(args[0], args[1])),
    }
}
fn object_delattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__delattr__", args, 2, 2)?;
    vm.generic_delattr(args[0], args[1])?;
    Ok(Value::None)
}
fn object_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = match args[0] {
        Value::Obj(r) => vm.default_repr(r),
        v => vm.repr(v)?,
    };
    Ok(vm.new_str(s))
}
fn object_str(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = vm.repr(args[0])?;
    Ok(vm.new_str(s))
}
fn object_eq(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(if args[0].is(args[1]) {
        Value::Bool(true)
    } else {
        vm.not_implemented
    })
}
fn object_ne(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = vm.compare(args[0], args[1], revpy_compiler::opcodes::CmpOp::Eq)?;
    if r.is(vm.not_implemented) {
        return Ok(r);
    }
    let b = vm.truthy(r)?;
    Ok(Value::Bool(!b))
}
fn object_hash(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let h = match args[0] {
        Value::Obj(r) => (vm.heap.get(r).serial as i64).rotate_right(4) & i64::MAX,
        v => vm.hash(v)?,
    };
    Ok(Value::Int(h))
}
fn object_format(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let spec = args
        .get(1)
        .map(|s| vm.str_of(*s).to_string())
        .unwrap_or_default();
    if !spec.is_empty() {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!(
            "unsupported format string passed to {t}.__format__"
        )));
    }
    vm.str_value(args[0])
}
fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let name = match args.first() {
        Some(Value::Obj(c)) if matches!(vm.heap.kind(*c), crate::object::Kind::Class(_)) => {
            vm.class_name(*c)
        }
        _ => "object".to_string(),
    };
    if !kw.is_empty() {
        return Err(vm.new_type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(vm.new_type_error(format!(
            "{name}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::None)
}
fn object_dir(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let names = crate::builtins::dir_names(vm, args[0])?;
    let items = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}
/// A helper of `copyreg` (the default reduce, written in Python there).
fn copyreg_call(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.load_module("copyreg", None)?;
    let k = vm.intern(name);
    let f = vm.getattr(m, k)?;
    vm.call(f, args, &[])
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has one, else
/// CPython's default (copyreg's `_reduce_ex` below protocol 2, `__newobj__` and
/// `__getstate__()` from 2 on).
fn object_reduce_ex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let proto = vm.expect_int(args[1], "")?;
    let cls = vm.type_of(args[0]);
    let reduce = vm.names.__reduce__;
    let own = vm.class_lookup(cls, reduce);
    let base = vm.class_lookup(vm.types.object, reduce);
    let overridden = match (own, base) {
        (Some(a), Some(b)) => !a.is(b),
        (a, _) => a.is_some(),
    };
    if overridden {
        let f = vm.getattr(args[0], reduce)?;
        return vm.call(f, &[], &[]);
    }
    // Objects whose state lives in Rust (files, locks, ...) cannot be rebuilt from
    // `__newobj__` and a dict: CPython's "cannot pickle" TypeError.
    if let Value::Obj(r) = args[0] {
        if matches!(vm.heap.kind(r), Kind::Opaque(_)) {
            let getstate = vm.intern("__getstate__");
            if vm.user_override(cls, getstate).is_none() {
                let n = vm.class_data(cls).name;
                let mut name = vm.str_lossy(n);
                let m = vm.names.__module__;
                let module = vm.getattr(Value::Obj(cls), m).ok();
                if let Some(module) = module.and_then(|v| vm.as_str(v).map(str::to_string)) {
                    if module != "builtins" {
                        name = format!("{module}.{name}");
                    }
                }
                return Err(vm.new_type_error(format!("cannot pickle '{name}' object")));
            }
        }
    }
    copyreg_call(vm, "_revpy_reduce_ex", &[args[0], Value::Int(proto)])
}

/// `object.__reduce__()`: copyreg's `_reduce_ex(self, 0)`.
fn object_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    copyreg_call(vm, "_reduce_ex", &[args[0], Value::Int(0)])
}

/// `object.__getstate__()`: the instance dict (None if empty) and slot values.
fn object_getstate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    copyreg_call(vm, "_revpy_getstate", &[args[0]])
}

fn type_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let meta = args[0].obj().expect("metaclass");
    match args.len() {
        2 => Ok(Value::Obj(vm.type_of(args[1]))),
        4 => vm.type_new(meta, args[1], args[2], args[3], kw),
        _ => Err(vm.new_type_error("type() takes 1 or 3 arguments".into())),
    }
}
/// `type.__prepare__(name, bases, **kwds)`: the class body's namespace, a new dict.
fn type_prepare(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}
fn type_init(_vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::None)
}
fn type_mro(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let c = args[0].obj().expect("class");
    let mro: Vec<Value> = vm
        .class_data(c)
        .mro
        .iter()
        .map(|r| Value::Obj(*r))
        .collect();
    Ok(vm.new_list(mro))
}
fn type_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(c) = args[0]
        .obj()
        .filter(|r| matches!(vm.heap.kind(*r), Kind::Class(_)))
    else {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{t}'"
        )));
    };
    vm.call_class_default(c, &args[1..], kw)
}
/// `C.__subclasses__()`: the classes with `C` among their bases, oldest first
/// (CPython lists them in the order they were made; like CPython, a subclass
/// nothing refers to any more is listed until it is collected).
fn type_subclasses(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(cls) = args[0].obj() else {
        return Ok(vm.new_list(vec![]));
    };
    let mut subs: Vec<(u64, Value)> = vm
        .heap
        .objects()
        .filter_map(|(i, o)| match &o.kind {
            Kind::Class(c) if c.bases.contains(&cls) => {
                Some((o.serial, Value::Obj(crate::object::ObjRef(i as u32))))
            }
            _ => None,
        })
        .collect();
    subs.sort_unstable_by_key(|s| s.0);
    let items = subs.into_iter().map(|s| s.1).collect();
    Ok(vm.new_list(items))
}
fn type_instancecheck(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let c = args[0].obj().expect("class");
    Ok(Value::Bool(vm.isinstance(args[1], c)))
}
fn type_subclasscheck(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let c = args[0].obj().expect("class");
    let Some(s) = args[1]
        .obj()
        .filter(|r| matches!(vm.heap.kind(*r), Kind::Class(_)))
    else {
        return Err(vm.new_type_error("issubclass() arg 1 must be a class".into()));
    };
    Ok(Value::Bool(vm.is_subclass_ref(s, c)))
}

/// `builtin_function.__reduce__()`: a function by its qualified name (pickle saves
/// it as a global), a method as `(getattr, (owner, name))`, as CPython.
fn native_reduce(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    // `"".join` (a bound built-in method): `(getattr, (self, name))`.
    if let Some(Kind::BoundMethod(..)) = args[0].obj().map(|r| vm.heap.kind(r)) {
        return method_reduce(vm, args, kw);
    }
    let Some(Kind::Native(nf)) = args[0].obj().map(|r| vm.heap.kind(r)) else {
        return Err(vm.new_type_error("descriptor '__reduce__' requires a builtin function".into()));
    };
    let (name, cls, role) = (nf.name, nf.cls, nf.role);
    match (role, cls) {
        (crate::args::Role::Method | crate::args::Role::ClassMethod, Some(c)) => {
            let g = vm.intern("getattr");
            let getattr = vm.dict_get_str(vm.builtins, g).unwrap_or(Value::None);
            let n = vm.new_str(name.to_string());
            let t = vm.new_tuple(vec![Value::Obj(c), n]);
            Ok(vm.new_tuple(vec![getattr, t]))
        }
        _ => {
            let q = vm.intern("__qualname__");
            vm.getattr(args[0], q)
        }
    }
}

/// `method.__reduce__()`: `(getattr, (self, name))`.
fn method_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(Kind::BoundMethod(f, s)) = args[0].obj().map(|r| vm.heap.kind(r)) else {
        return Err(vm.new_type_error("descriptor '__reduce__' requires a method".into()));
    };
    let (f, s) = (*f, *s);
    let n = vm.names.__name__;
    let name = vm.getattr(f, n)?;
    let g = vm.intern("getattr");
    let getattr = vm.dict_get_str(vm.builtins, g).unwrap_or(Value::None);
    let t = vm.new_tuple(vec![s, name]);
    Ok(vm.new_tuple(vec![getattr, t]))
}

pub fn register(vm: &mut Vm) {
    for t in [vm.types.builtin_function, vm.types.method_descriptor] {
        vm.add_method(t, "__reduce__", native_reduce, Arity::none());
    }
    vm.add_method(vm.types.method, "__reduce__", method_reduce, Arity::none());
    let o = vm.types.object;
    vm.add_staticmethod(o, "__new__", object_new, Arity::any().kw());
    vm.add_classmethod(
        o,
        "__init_subclass__",
        object_init_subclass,
        Arity::none().kw(),
    );
    let methods: &[NativeDef] = &[
        ("__init__", object_init, Arity::any().kw()),
        ("__setattr__", object_setattr, Arity::exactly(2)),
        ("__getattribute__", object_getattribute, Arity::exactly(1)),
        ("__delattr__", object_delattr, Arity::exactly(1)),
        ("__repr__", object_repr, Arity::none()),
        ("__str__", object_str, Arity::none()),
        ("__eq__", object_eq, Arity::exactly(1)),
        ("__ne__", object_ne, Arity::exactly(1)),
        ("__hash__", object_hash, Arity::none()),
        ("__format__", object_format, Arity::exactly(1)),
        ("__dir__", object_dir, Arity::none()),
        ("__reduce_ex__", object_reduce_ex, Arity::exactly(1)),
        ("__reduce__", object_reduce, Arity::none()),
        ("__getstate__", object_getstate, Arity::none()),
    ];
    vm.add_methods(o, methods);
    let t = vm.types.type_;
    vm.add_staticmethod(t, "__new__", type_new, Arity::any().kw());
    vm.add_method(t, "__init__", type_init, Arity::any().kw());
    vm.add_method(t, "mro", type_mro, Arity::none());
    vm.add_classmethod(t, "__prepare__", type_prepare, Arity::any().kw());
    vm.add_method(t, "__call__", type_call, Arity::any().kw());
    vm.add_method(t, "__subclasses__", type_subclasses, Arity::none());
    vm.add_method(
        t,
        "__instancecheck__",
        type_instancecheck,
        Arity::exactly(1),
    );
    vm.add_method(
        t,
        "__subclasscheck__",
        type_subclasscheck,
        Arity::exactly(1),
    );
}

//! `BaseException` and its attributes (`args`, `__cause__`, `__context__`, ...).

use crate::heap::{ExcData, Kind};
use crate::value::Value;
use crate::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

fn exc_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    let a = vm.new_tuple(args[1..].to_vec());
    Ok(Value::Obj(vm.heap.alloc(
        cls,
        Kind::Exception(Box::new(ExcData {
            args: a,
            traceback: vec![],
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
        })),
    )))
}

fn exc_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = vm.new_tuple(args[1..].to_vec());
    if let Some(Value::Obj(r)) = args.first() {
        let r = *r;
        if !kw.is_empty() {
            let tn = vm.type_name(args[0]);
            if !vm.isinstance_ref(r, vm.types.import_error) {
                return Err(vm.new_type_error(format!("{tn}() takes no keyword arguments")));
            }
            for (k, v) in kw {
                let ks = vm.as_str(*k).unwrap_or("").to_string();
                if ks != "name" && ks != "path" {
                    return Err(vm.new_type_error(format!(
                        "'{ks}' is an invalid keyword argument for {tn}()"
                    )));
                }
                let key = vm.intern(&ks);
                vm.generic_setattr(Value::Obj(r), key, *v)?;
            }
        }
        if let Kind::Exception(e) = vm.heap.kind_mut(r) {
            e.args = a;
        }
    }
    Ok(Value::None)
}

impl Vm {
    /// An ImportError (or subclass) with its `name` attribute set, as the import
    /// machinery raises them.
    pub fn new_import_error(
        &mut self,
        cls: crate::value::ObjRef,
        msg: String,
        name: &str,
    ) -> crate::PyErr {
        let e = self.new_error(cls, msg);
        let key = self.intern("name");
        let v = self.new_str(name.to_string());
        let _ = self.generic_setattr(Value::Obj(e.0), key, v);
        e
    }
}

fn exc_with_traceback(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}

fn exc_str(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let args_v = vm.exception_args(r);
    let s = match args_v.len() {
        0 => String::new(),
        1 => vm.str(args_v[0])?,
        _ => {
            let t = vm.new_tuple(args_v);
            vm.repr(t)?
        }
    };
    Ok(vm.new_str(s))
}

fn exc_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let cls = vm.heap.get(r).class;
    let name = vm.class_name(cls);
    let a = vm.exception_args(r);
    let s = if a.len() == 1 {
        format!("{name}({})", vm.repr(a[0])?)
    } else {
        let t = vm.new_tuple(a);
        format!("{name}{}", vm.repr(t)?)
    };
    Ok(vm.new_str(s))
}

/// Attribute reads on exception objects.
pub fn exc_attr(vm: &mut Vm, r: crate::value::ObjRef, name: &str) -> Option<Value> {
    let Kind::Exception(e) = vm.heap.kind(r) else {
        return None;
    };
    let (args, cause, context, suppress) = (e.args, e.cause, e.context, e.suppress_context);
    let first = vm.tuple_items(args).first().copied().unwrap_or(Value::None);
    Some(match name {
        "args" => args,
        "__cause__" => cause,
        "__context__" => context,
        "__suppress_context__" => Value::Bool(suppress),
        "__traceback__" => Value::None,
        "value" if vm.isinstance_ref(r, vm.types.stop_iteration) => first,
        "code" if vm.isinstance_ref(r, vm.types.system_exit) => first,
        "msg" if vm.isinstance_ref(r, vm.types.syntax_error) => first,
        "errno" | "strerror" | "filename" if vm.isinstance_ref(r, vm.types.os_error) => {
            let items = vm.tuple_items(args);
            let i = match name {
                "errno" => 0,
                "strerror" => 1,
                _ => 2,
            };
            if items.len() >= 2 {
                items.get(i).copied().unwrap_or(Value::None)
            } else {
                Value::None
            }
        }
        "name" | "path" if vm.isinstance_ref(r, vm.types.import_error) => Value::None,
        "msg" if vm.isinstance_ref(r, vm.types.import_error) => first,
        "name"
            if vm.isinstance_ref(r, vm.types.name_error)
                || vm.isinstance_ref(r, vm.types.attribute_error) =>
        {
            Value::None
        }
        _ => return None,
    })
}

/// Attribute writes that go to the exception's own fields.
pub fn exc_setattr(vm: &mut Vm, r: crate::value::ObjRef, name: &str, v: Value) -> PyResult<bool> {
    let is_exc = matches!(vm.heap.kind(r), Kind::Exception(_));
    if !is_exc {
        return Ok(false);
    }
    let tuple = if name == "args" {
        Some(vm.iterate(v)?)
    } else {
        None
    };
    let newargs = tuple.map(|t| vm.new_tuple(t));
    let Kind::Exception(e) = vm.heap.kind_mut(r) else {
        return Ok(false);
    };
    match name {
        "__cause__" => {
            e.cause = v;
            e.suppress_context = true;
        }
        "__context__" => e.context = v,
        "__suppress_context__" => e.suppress_context = matches!(v, Value::Bool(true)),
        "__traceback__" => {}
        "args" => e.args = newargs.unwrap_or(Value::None),
        _ => return Ok(false),
    }
    Ok(true)
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.base_exception;
    vm.add_staticmethod(c, "__new__", exc_new);
    vm.add_method(c, "__init__", exc_init);
    vm.add_method(c, "with_traceback", exc_with_traceback);
    vm.add_method(c, "__str__", exc_str);
    vm.add_method(c, "__repr__", exc_repr);
}

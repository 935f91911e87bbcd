//! The module type's constructor: `types.ModuleType(name, doc=None)` and
//! subclasses of it, as CPython's `module.__new__`/`module.__init__`.

use crate::args::{Arity, Kw, KwSpec};
use crate::object::{Kind, ModuleData, ObjRef, Value};
use crate::{PyResult, Vm};

/// `module.__new__(cls, *args, **kwargs)`: a module of class `cls` with an
/// empty namespace (`__init__` names it).
fn module_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    let d = vm.new_dict();
    let name = vm.names.__name__;
    let _ = vm.dict_set(d, name, Value::None);
    Ok(Value::Obj(vm.heap.alloc(
        cls,
        Kind::Module(Box::new(ModuleData {
            name: Value::None,
            dict: d,
        })),
    )))
}

/// `module.__init__(self, name, doc=None)`: sets `__name__`, `__doc__`, and
/// `__package__`, `__loader__`, `__spec__` to None, as CPython.
fn module_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("module", ["name", "doc"]).required(1);
    let [name, doc] = SPEC.parse(vm, &args[1..], kw)?;
    let name = name.expect("required");
    if vm.as_str(name).is_none() {
        let t = vm.type_name(name);
        return Err(vm.new_type_error(format!("module() argument 'name' must be str, not {t}")));
    }
    let Some(m) = args[0].obj() else {
        return Ok(Value::None);
    };
    let Kind::Module(md) = vm.heap.kind(m) else {
        return Ok(Value::None);
    };
    let d = md.dict;
    let entries = [
        (vm.names.__name__, name),
        (vm.names.__doc__, doc.unwrap_or(Value::None)),
        (vm.intern("__package__"), Value::None),
        (vm.intern("__loader__"), Value::None),
        (vm.intern("__spec__"), Value::None),
    ];
    for (k, v) in entries {
        vm.dict_set(d, k, v)?;
    }
    if let Kind::Module(md) = vm.heap.kind_mut(m) {
        md.name = name;
    }
    Ok(Value::None)
}

/// Whether a module without a file has `__loader__` None (made by
/// `ModuleType(...)`): CPython shows it as `<module 'name'>`, not as a
/// built-in module.
pub(crate) fn has_no_loader(vm: &mut Vm, m: ObjRef) -> bool {
    let Kind::Module(md) = vm.heap.kind(m) else {
        return false;
    };
    let d = md.dict;
    let loader = vm.intern("__loader__");
    matches!(vm.dict_get_str(d, loader), Some(Value::None))
}

pub fn register(vm: &mut Vm) {
    let m = vm.types.module;
    vm.add_staticmethod(m, "__new__", module_new, Arity::any().kw());
    vm.add_method(m, "__init__", module_init, Arity::any().kw());
}

//! `_imp`: what `runpy` (in Python) needs of the import system: a module's source
//! without running it. (CPython's `_imp` is its import machinery's C half; revpy's
//! holds only this.)

use revpy_vm::Kw;
use revpy_vm::{Arity, NativeDef};
use revpy_vm::{ObjRef, PyResult, Value, Vm};

/// `find_source(name)`: `(file name, source, is_package)` of Python module `name`
/// (its parent packages imported first), or None if there is none or it is native.
fn find_source(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("find_source", kw)?;
    let name = vm.expect_str(args[0], "name")?;
    Ok(match vm.module_source(&name)? {
        Some((path, source, is_pkg)) => {
            let p = vm.new_str(path);
            let s = vm.new_str(source);
            vm.new_tuple(vec![p, s, Value::Bool(is_pkg)])
        }
        None => Value::None,
    })
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_imp");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[("find_source", find_source, Arity::exactly(1))];
    vm.add_functions(d, fns);
    Ok(m)
}

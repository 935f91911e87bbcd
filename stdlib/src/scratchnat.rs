//! Scratch native module.
use revpy_vm::{Arity, Kw, ObjRef, PyResult, Value, Vm};

fn triple(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = vm.expect_int(args[0], "n")?;
    Ok(Value::Int(n * 3))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("scratchnat");
    let md = vm.module_dict(m);
    vm.add_function(md, "triple", triple, Arity::exactly(1));
    Ok(m)
}

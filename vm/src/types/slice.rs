//! `slice`: construction and `indices`.

use crate::args::Arity;
use crate::object::{Kind, Value};
use crate::{PyResult, Vm};

use crate::Kw;

impl Vm {
    /// `repr(slice)`.
    pub(crate) fn slice_repr(&mut self, r: crate::object::ObjRef) -> PyResult<String> {
        let Kind::Slice(s) = self.heap.kind(r) else {
            unreachable!("a slice")
        };
        let [a, b, c] = **s;
        Ok(format!(
            "slice({}, {}, {})",
            self.repr(a)?,
            self.repr(b)?,
            self.repr(c)?
        ))
    }
}

fn slice_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        n => return Err(vm.new_type_error(format!("slice expected at least 1 argument, got {n}"))),
    };
    Ok(vm.new_slice(start, stop, step))
}
fn slice_indices(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let len = vm.expect_int(args[1], "")?;
    let (a, b, c) = vm.slice_indices(args[0], len)?;
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

pub fn register(vm: &mut Vm) {
    let s = vm.types.slice;
    vm.add_staticmethod(s, "__new__", slice_new, Arity::any().kw());
    vm.add_method(s, "indices", slice_indices, Arity::exactly(1));
}

//! PEP 585 and PEP 604 at run time: `list[int]` (`types.GenericAlias`) and
//! `int | None` (`types.UnionType`). The two types are written in Python
//! (`stdlib/python/_generic_alias.py`); this file connects them to the built-in
//! classes: the `__class_getitem__` of the generic built-ins and `type.__or__`.

use crate::object::{ObjRef, Value};
use crate::{Arity, PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// The built-in classes that take `[...]` (as in CPython 3.11).
fn generic_builtins(vm: &Vm) -> Vec<ObjRef> {
    let t = &vm.types;
    vec![
        t.list,
        t.dict,
        t.tuple,
        t.set,
        t.frozenset,
        t.type_,
        t.enumerate,
        t.dict_keys,
        t.dict_values,
        t.dict_items,
    ]
}

impl Vm {
    /// A function of the `_generic_alias` module.
    fn alias_helper(&mut self, name: &str) -> PyResult<Value> {
        let m = self.load_module("_generic_alias", None)?;
        let k = self.intern(name);
        self.getattr(m, k)
    }

    /// `a | b` when one side is a class: a `types.UnionType` if both sides are
    /// classes, None, generic aliases or unions; `None` if not (the operator then
    /// tries the other side or fails).
    pub(crate) fn type_or(&mut self, a: Value, b: Value) -> PyResult<Option<Value>> {
        let f = self.alias_helper("_union_or")?;
        let v = self.call(f, &[a, b], &[])?;
        Ok(if v.is(self.not_implemented) {
            None
        } else {
            Some(v)
        })
    }
}

fn class_getitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = vm.alias_helper("GenericAlias")?;
    vm.call(f, &[args[0], args[1]], &[])
}

fn type_or(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm.type_or(args[0], args[1])?.unwrap_or(vm.not_implemented))
}

fn type_ror(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm.type_or(args[1], args[0])?.unwrap_or(vm.not_implemented))
}

impl Vm {
    /// Make `cls[...]` a `types.GenericAlias`, as the generic built-ins do (for
    /// native classes that cannot be given `__class_getitem__` from Python).
    pub fn make_generic(&mut self, cls: ObjRef) {
        self.add_classmethod(cls, "__class_getitem__", class_getitem, Arity::exactly(1));
    }
}

pub(crate) fn register(vm: &mut Vm) {
    for cls in generic_builtins(vm) {
        vm.add_classmethod(cls, "__class_getitem__", class_getitem, Arity::exactly(1));
    }
    let t = vm.types.type_;
    vm.add_method(t, "__or__", type_or, Arity::exactly(1));
    vm.add_method(t, "__ror__", type_ror, Arity::exactly(1));
}

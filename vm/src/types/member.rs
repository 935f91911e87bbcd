//! `member_descriptor`: what `__slots__` puts in a class for each slot
//! (`C.a` is `<member 'a' of 'C' objects>`).
//!
//! A slot's value lives in the instance's own attribute storage (the same as
//! an attribute of a class without slots; `__slots__` only restricts the
//! names), so the attribute protocols (`protocols/attr.rs`) read and write it
//! there directly when they meet a member descriptor, without calling its
//! `__get__`/`__set__`; those are here for code that calls them by hand
//! (`C.a.__get__(obj)`, `copyreg`, `inspect`).

use crate::args::Arity;
use crate::object::opaque::OpaqueObject;
use crate::object::{Kind, ObjRef, Value};
use crate::{PyResult, Vm};

type Kw<'a> = &'a [(Value, Value)];

/// A slot of class `owner` named `name` (the mangled name for `__private`).
#[derive(Clone, Debug)]
pub struct MemberDescr {
    pub name: Value,
    pub owner: ObjRef,
}

impl OpaqueObject for MemberDescr {
    crate::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.name);
        f(Value::Obj(self.owner));
    }
}

impl Vm {
    /// The slot name if `v` is a member descriptor.
    #[inline]
    pub fn member_name(&self, v: Value) -> Option<Value> {
        let Value::Obj(r) = v else { return None };
        match self.heap.kind(r) {
            Kind::Opaque(o) => o.as_any().downcast_ref::<MemberDescr>().map(|m| m.name),
            _ => None,
        }
    }

    /// Put a member descriptor for each of `slots` in class `cls`'s namespace.
    pub(crate) fn add_member_descriptors(&mut self, cls: ObjRef, slots: &[Value]) {
        let mcls = self.types.member_descriptor;
        let dict = self.class_data(cls).dict;
        for &name in slots {
            let d = MemberDescr { name, owner: cls };
            let v = Value::Obj(self.heap.alloc(mcls, Kind::Opaque(Box::new(d))));
            if let Kind::Dict(_) = self.heap.kind(dict) {
                // A fresh class's dict: setting a str key cannot fail.
                let _ = self.dict_set(dict, name, v);
            }
        }
        self.mro_cache.invalidate();
    }
}

fn this(vm: &mut Vm, v: Value) -> PyResult<MemberDescr> {
    if let Value::Obj(r) = v {
        if let Kind::Opaque(o) = vm.heap.kind(r) {
            if let Some(m) = o.as_any().downcast_ref::<MemberDescr>() {
                return Ok(m.clone());
            }
        }
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!(
        "descriptor requires a 'member_descriptor' object but received a '{t}'"
    )))
}

/// The instance a descriptor method received, checked as CPython does.
fn instance_of(vm: &mut Vm, m: &MemberDescr, inst: Value) -> PyResult<Value> {
    if vm.isinstance(inst, m.owner) {
        return Ok(inst);
    }
    let n = vm.str_of(m.name).to_string();
    let c = vm.class_name(m.owner);
    let t = vm.type_name(inst);
    Err(vm.new_type_error(format!(
        "descriptor '{n}' for '{c}' objects doesn't apply to a '{t}' object"
    )))
}

fn member_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let inst = args.get(1).copied().unwrap_or(Value::None);
    if inst.is_none() {
        return Ok(args[0]);
    }
    let inst = instance_of(vm, &m, inst)?;
    match vm.instance_attr(inst, m.name) {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(inst, m.name)),
    }
}

fn member_set(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let inst = instance_of(vm, &m, args[1])?;
    vm.generic_setattr(inst, m.name, args[2])?;
    Ok(Value::None)
}

fn member_delete(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let inst = instance_of(vm, &m, args[1])?;
    vm.generic_delattr(inst, m.name)?;
    Ok(Value::None)
}

fn member_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let s = format!(
        "<member '{}' of '{}' objects>",
        vm.str_of(m.name),
        vm.class_name(m.owner)
    );
    Ok(vm.new_str(s))
}

fn member_name_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(this(vm, args[0])?.name)
}

fn member_objclass(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Obj(this(vm, args[0])?.owner))
}

fn member_qualname(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let q = vm.str_of(vm.class_data(m.owner).qualname).to_string();
    let s = format!("{q}.{}", vm.str_of(m.name));
    Ok(vm.new_str(s))
}

pub fn register(vm: &mut Vm) {
    let cls = vm.types.member_descriptor;
    vm.add_method(cls, "__get__", member_get, Arity::range(1, 2));
    vm.add_method(cls, "__set__", member_set, Arity::exactly(2));
    vm.add_method(cls, "__delete__", member_delete, Arity::exactly(1));
    vm.add_method(cls, "__repr__", member_repr, Arity::none());
    let getters: &[(&'static str, crate::object::NativeFn)] = &[
        ("__name__", member_name_get),
        ("__objclass__", member_objclass),
        ("__qualname__", member_qualname),
    ];
    vm.add_getters(cls, getters);
}

//! Scratch: a fixed-size ring buffer, to try the "built-in type" recipe.

use revpy_vm::object::opaque::{HashProto, OpaqueObject, Protocols, TypeDef};
use revpy_vm::{Arity, Kw, PyResult, Value, Vm};

#[derive(Clone, Debug)]
struct Ring {
    items: Vec<Value>,
}

impl OpaqueObject for Ring {
    revpy_vm::opaque_object_boilerplate!(); // clone_box, as_any, as_any_mut
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.items.iter().for_each(|v| f(*v))
    }
    fn protocols(&self) -> &'static Protocols {
        &RING
    }
}

static RING: Protocols = Protocols {
    len: Some(|vm, me| Ok(vm.opaque_ref::<Ring>(me).map_or(0, |r| r.items.len()))),
    repr: Some(ring_repr),
    hash: HashProto::Unhashable,
    ..Protocols::NONE
};

fn ring_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let items = vm
        .opaque_ref::<Ring>(me)
        .map(|r| r.items.clone())
        .unwrap_or_default();
    let mut parts = vec![];
    for v in items {
        parts.push(vm.repr(v)?);
    }
    Ok(format!("Ring([{}])", parts.join(", ")))
}

fn ring_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    let items = vm.iterate(args[1])?;
    Ok(vm.new_opaque(cls, Ring { items }))
}

fn ring_push(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(r) = vm.opaque_mut::<Ring>(args[0]) {
        if !r.items.is_empty() {
            r.items.remove(0);
        }
        r.items.push(args[1]);
    }
    Ok(Value::None)
}

pub static RING_TYPE: TypeDef = TypeDef {
    name: "Ring",
    module: "_collections",
    protocols: &RING,
    new: Some((ring_new, Arity::exactly(1))),
    methods: &[("push", ring_push, Arity::exactly(1))],
};

//! Built-in types in one file: a Rust payload behind [`OpaqueObject`] plus a
//! [`Protocols`] table saying how the VM's operators treat it.
//!
//! A type defined this way (e.g. `collections.deque` in `stdlib/src/deque.rs`) is one
//! file holding
//! - its payload: a `Clone + Debug` struct implementing [`OpaqueObject`] (clonable for
//!   snapshots, reporting the values it holds to the collector);
//! - its protocols: a `static` [`Protocols`] table (repr, len, hash, compare, iter,
//!   next, getitem, contains, getattr), each entry a plain Rust function;
//! - its methods: a table of natives (`crate::NativeDef`);
//!
//! and it is registered with one line, `vm.add_type(module_dict, &TYPE_DEF)?` (a
//! [`TypeDef`] names the class, its protocols, constructor and methods; or
//! [`Vm::new_opaque_class`] for a class that needs more), in the module (or
//! `bootstrap.rs`) that exposes it. The protocols in `vm/src/protocols/` (`repr()`,
//! `len()`, `hash()`, `==`/`<`, `iter()`/`next()`, `obj[key]`, `in`, attribute access,
//! truth) call the table directly for such objects, without looking up a Python-level
//! dunder. `new_opaque_class` also installs the matching dunders (`__repr__`,
//! `__len__`, `__eq__`, ...) on the class, so `deque.__len__(d)`, `super().__repr__()`
//! and subclasses written in Python see them as in CPython; a subclass that defines
//! its own dunder is called instead of the table (the protocols check for user
//! overrides first).

use crate::object::{Kind, ObjRef, Value};
use crate::{Arity, PyResult, Vm};
use revpy_compiler::opcodes::CmpOp;
use std::any::Any;
use std::fmt::Debug;

/// The payload of an object of a type defined outside the interpreter's `Kind`s.
pub trait OpaqueObject: Debug + Any {
    fn clone_box(&self) -> Box<dyn OpaqueObject>;
    /// Call `f` on every value the payload holds (the collector's roots through it).
    fn trace(&self, f: &mut dyn FnMut(Value));
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    /// How the VM's operators treat objects with this payload. The default has no
    /// entries: every operator goes through the class's Python-level methods.
    fn protocols(&self) -> &'static Protocols {
        &Protocols::NONE
    }
    /// The host handle (an open file of the effects layer) that this object alone
    /// owns: when the collector frees the object, the host closes it.
    fn host_handle(&self) -> Option<i64> {
        None
    }
    /// Bytes the payload owns, as the collector counts them (`Kind::gc_bytes`; 0 by
    /// default). Types made and dropped in bulk count theirs (re's match objects,
    /// which went uncounted: `stdlib_mix` waited for four times its live heap in
    /// garbage), as do those that hold many values (a deque). A function of the
    /// payload's contents alone (lengths, not capacities: `clone_box` need not keep
    /// those), so a copy (a debugger checkpoint) collects where its original does.
    fn gc_bytes(&self) -> usize {
        0
    }
}

/// `clone_box`, `as_any` and `as_any_mut` of an [`OpaqueObject`] whose type is `Clone`:
/// write `revpy_vm::opaque_object_boilerplate!();` inside the `impl`.
#[macro_export]
macro_rules! opaque_object_boilerplate {
    () => {
        fn clone_box(&self) -> Box<dyn $crate::object::opaque::OpaqueObject> {
            Box::new(self.clone())
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
        fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
            self
        }
    };
}

impl Clone for Box<dyn OpaqueObject> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// How `hash()` treats a type's objects.
#[derive(Clone, Copy)]
pub enum HashProto {
    /// `object.__hash__`: by identity (the creation serial).
    Identity,
    /// `__hash__ = None`: `TypeError: unhashable type`.
    Unhashable,
    /// Computed from the payload.
    Fn(fn(&mut Vm, Value) -> PyResult<i64>),
}

pub type ReprFn = fn(&mut Vm, Value) -> PyResult<String>;
pub type LenFn = fn(&mut Vm, Value) -> PyResult<usize>;
pub type CompareFn = fn(&mut Vm, Value, Value, CmpOp) -> PyResult<Value>;
pub type IterFn = fn(&mut Vm, Value) -> PyResult<Value>;
pub type NextFn = fn(&mut Vm, Value) -> PyResult<Option<Value>>;
pub type GetItemFn = fn(&mut Vm, Value, Value) -> PyResult<Value>;
pub type ContainsFn = fn(&mut Vm, Value, Value) -> PyResult<bool>;
pub type GetAttrFn = fn(&mut Vm, Value, Value) -> PyResult<Option<Value>>;

/// The protocols of an opaque type: each entry receives the VM and the object (`me`,
/// an instance of the type or of a subclass), may call back into Python, and raises
/// with CPython's exceptions. `None` means the type does not have the protocol (the
/// operator then behaves as for a plain `object`).
#[derive(Clone, Copy)]
pub struct Protocols {
    /// `repr(me)`.
    pub repr: Option<ReprFn>,
    /// `len(me)`; also the truth value (an object of length 0 is false).
    pub len: Option<LenFn>,
    /// `hash(me)`.
    pub hash: HashProto,
    /// `me OP other` (`me` is the left operand, or the right one with the operator
    /// swapped); `vm.not_implemented` when `other` is of a type it does not compare with.
    pub compare: Option<CompareFn>,
    /// `iter(me)`.
    pub iter: Option<IterFn>,
    /// `next(me)` of an iterator; `None` when exhausted (StopIteration).
    pub next: Option<NextFn>,
    /// `me[key]`.
    pub getitem: Option<GetItemFn>,
    /// `item in me` (without it, `in` iterates).
    pub contains: Option<ContainsFn>,
    /// Attributes computed from the payload (`me.name`), consulted after the class's
    /// attributes and the instance dict; `None` for no such attribute.
    pub getattr: Option<GetAttrFn>,
    /// A sequence for the `match` statement (CPython's `Py_TPFLAGS_SEQUENCE`): a
    /// pattern `case [a, *rest]` matches it.
    pub sequence: bool,
}

impl Protocols {
    /// No protocols: start from this with `..Protocols::NONE`.
    pub const NONE: Protocols = Protocols {
        repr: None,
        len: None,
        hash: HashProto::Identity,
        compare: None,
        iter: None,
        next: None,
        getitem: None,
        contains: None,
        getattr: None,
        sequence: false,
    };
}

/// Everything [`Vm::add_type`] needs to make the class of an opaque type, as a
/// `static` in the type's file:
///
/// ```ignore
/// pub static RING_TYPE: TypeDef = TypeDef {
///     name: "Ring",
///     module: "mymod",
///     protocols: &RING,
///     new: Some((ring_new, Arity::exactly(1))),
///     methods: &[("push", ring_push, Arity::exactly(1))],
/// };
/// ```
pub struct TypeDef {
    /// The class's `__name__`.
    pub name: &'static str,
    /// Its `__module__` (repr and errors show `module.name` unless it is `builtins`).
    pub module: &'static str,
    pub protocols: &'static Protocols,
    /// `__new__(cls, ...)` (a static method receiving the class; `cls` may be a
    /// subclass), or None when Python code cannot create instances.
    pub new: Option<(crate::NativeFn, Arity)>,
    /// The methods: `(name, function, arity)`, `args[0]` being the instance.
    pub methods: &'static [crate::NativeDef],
}

impl Vm {
    /// Make the class of an opaque type (see [`TypeDef`]) and bind it as `def.name`
    /// in `dict` (a module's namespace). Returns the class.
    pub fn add_type(&mut self, dict: ObjRef, def: &TypeDef) -> PyResult<ObjRef> {
        let cls = self.new_opaque_class(def.name, def.module, def.protocols);
        if let Some((f, arity)) = def.new {
            self.add_staticmethod(cls, "__new__", f, arity);
        }
        self.add_methods(cls, def.methods);
        let k = self.intern(def.name);
        self.dict_set(dict, k, Value::Obj(cls))?;
        Ok(cls)
    }

    /// The protocol table of `r`'s payload, if it is an opaque object.
    #[inline]
    pub fn opaque_protocols(&self, r: ObjRef) -> Option<&'static Protocols> {
        match self.heap.kind(r) {
            Kind::Opaque(o) => Some(o.protocols()),
            _ => None,
        }
    }

    /// The payload of `v` if it is an opaque object of type `T`.
    pub fn opaque_ref<T: OpaqueObject>(&self, v: Value) -> Option<&T> {
        match self.heap.kind(v.obj()?) {
            Kind::Opaque(o) => o.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    /// The payload of `v`, mutably, if it is an opaque object of type `T`.
    pub fn opaque_mut<T: OpaqueObject>(&mut self, v: Value) -> Option<&mut T> {
        match self.heap.kind_mut(v.obj()?) {
            Kind::Opaque(o) => o.as_any_mut().downcast_mut::<T>(),
            _ => None,
        }
    }

    /// A new object of class `cls` holding `payload`.
    pub fn new_opaque(&mut self, cls: ObjRef, payload: impl OpaqueObject) -> Value {
        Value::Obj(self.heap.alloc(cls, Kind::Opaque(Box::new(payload))))
    }

    /// Register an opaque type: a built-in class `name` (subclass of `object`, shown
    /// as `module.name`) whose instances' payloads answer `protocols`, with the
    /// dunders for those protocols installed (`__repr__`, `__len__`, `__hash__`, the
    /// six comparisons, `__iter__`, `__next__`, `__getitem__`, `__contains__`). Add the
    /// constructor (`__new__`/`__init__`) and the methods to the returned class.
    pub fn new_opaque_class(
        &mut self,
        name: &str,
        module: &str,
        protocols: &'static Protocols,
    ) -> ObjRef {
        let obj = self.types.object;
        let cls = self.new_native_class(name, obj, module);
        let p = protocols;
        if p.repr.is_some() {
            self.add_method(cls, "__repr__", dunder_repr, Arity::none());
        }
        if p.len.is_some() {
            self.add_method(cls, "__len__", dunder_len, Arity::none());
        }
        match p.hash {
            HashProto::Identity => {}
            HashProto::Unhashable => {
                let cd = self.class_data(cls).dict;
                let hk = self.names.__hash__;
                // A str key in a fresh dict: cannot fail.
                let _ = self.dict_set(cd, hk, Value::None);
            }
            HashProto::Fn(_) => self.add_method(cls, "__hash__", dunder_hash, Arity::none()),
        }
        if p.compare.is_some() {
            let ops: [(&'static str, crate::NativeFn); 6] = [
                ("__eq__", dunder_eq),
                ("__ne__", dunder_ne),
                ("__lt__", dunder_lt),
                ("__le__", dunder_le),
                ("__gt__", dunder_gt),
                ("__ge__", dunder_ge),
            ];
            for (n, f) in ops {
                self.add_method(cls, n, f, Arity::exactly(1));
            }
        }
        if p.iter.is_some() {
            self.add_method(cls, "__iter__", dunder_iter, Arity::none());
        }
        if p.next.is_some() {
            self.add_method(cls, "__next__", dunder_next, Arity::none());
        }
        if p.getitem.is_some() {
            self.add_method(cls, "__getitem__", dunder_getitem, Arity::exactly(1));
        }
        if p.contains.is_some() {
            self.add_method(cls, "__contains__", dunder_contains, Arity::exactly(1));
        }
        cls
    }

    /// The table of `me` (an instance of an opaque class, checked by the call), or the
    /// TypeError of an instance whose payload is not an opaque object (made by
    /// `object.__new__`).
    fn protocols_of(&mut self, me: Value, dunder: &str) -> PyResult<&'static Protocols> {
        match me.obj().and_then(|r| self.opaque_protocols(r)) {
            Some(p) => Ok(p),
            None => {
                let t = self.type_name(me);
                Err(self.new_type_error(format!(
                    "descriptor '{dunder}' cannot be applied to this '{t}' object (it has no native payload)"
                )))
            }
        }
    }
}

use crate::Kw;

fn missing(vm: &mut Vm, me: Value, dunder: &str) -> crate::PyErr {
    let t = vm.type_name(me);
    vm.new_type_error(format!("'{t}' object has no native {dunder}"))
}

fn dunder_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__repr__")?.repr {
        Some(f) => {
            let s = f(vm, args[0])?;
            Ok(vm.new_str(s))
        }
        None => Err(missing(vm, args[0], "__repr__")),
    }
}

fn dunder_len(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__len__")?.len {
        Some(f) => Ok(Value::Int(f(vm, args[0])? as i64)),
        None => Err(missing(vm, args[0], "__len__")),
    }
}

fn dunder_hash(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__hash__")?.hash {
        HashProto::Fn(f) => Ok(Value::Int(f(vm, args[0])?)),
        _ => vm.hash(args[0]).map(Value::Int),
    }
}

fn dunder_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let dunder = match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    };
    match vm.protocols_of(args[0], dunder)?.compare {
        Some(f) => f(vm, args[0], args[1], op),
        None => Err(missing(vm, args[0], dunder)),
    }
}
fn dunder_eq(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    dunder_compare(vm, args, CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    dunder_compare(vm, args, CmpOp::Ne)
}
fn dunder_lt(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    dunder_compare(vm, args, CmpOp::Lt)
}
fn dunder_le(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    dunder_compare(vm, args, CmpOp::Le)
}
fn dunder_gt(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    dunder_compare(vm, args, CmpOp::Gt)
}
fn dunder_ge(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    dunder_compare(vm, args, CmpOp::Ge)
}

fn dunder_iter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__iter__")?.iter {
        Some(f) => f(vm, args[0]),
        None => Err(missing(vm, args[0], "__iter__")),
    }
}

fn dunder_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__next__")?.next {
        Some(f) => match f(vm, args[0])? {
            Some(v) => Ok(v),
            None => Err(vm.new_stop_iteration(Value::None)),
        },
        None => Err(missing(vm, args[0], "__next__")),
    }
}

fn dunder_getitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__getitem__")?.getitem {
        Some(f) => f(vm, args[0], args[1]),
        None => Err(missing(vm, args[0], "__getitem__")),
    }
}

fn dunder_contains(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.protocols_of(args[0], "__contains__")?.contains {
        Some(f) => f(vm, args[0], args[1]).map(Value::Bool),
        None => Err(missing(vm, args[0], "__contains__")),
    }
}

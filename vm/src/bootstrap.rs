//! Building a fresh VM: the type objects (bootstrapping `type` and `object`), the
//! `builtins` and `sys` modules, and every built-in method.

use crate::args::{Arity, NativeDef, Role};
use crate::effects::Effects;
use crate::names::Names;
use crate::object::{BaseKind, ClassData, Heap, Kind, NativeFn, NativeFunc};
use crate::object::{ObjRef, Value};
use crate::types::{Types, TYPE_TABLE};
use crate::Vm;

pub(crate) fn new_vm() -> Vm {
    let mut heap = Heap::new();
    // Class objects first, in table order; `type` (index 1) is the class of them all.
    let refs: Vec<ObjRef> = TYPE_TABLE
        .iter()
        .map(|_| heap.alloc(ObjRef(1), Kind::Object(Default::default())))
        .collect();
    let types = Types::from_refs(&refs);
    let mut vm = Vm {
        heap,
        stack: Vec::with_capacity(1024),
        frames: Vec::with_capacity(64),
        types,
        names: Names::empty(),
        builtins: ObjRef(0),
        modules: ObjRef(0),
        interned: Default::default(),
        interned_extra: Default::default(),
        eval_cache: Default::default(),
        exc_info: Value::None,
        reraising: false,
        in_flight: Default::default(),
        recursion_limit: 1000,
        gc_holds: 0,
        effects: Effects::live(),
        code_roots: vec![],
        object_new: Value::None,
        builtin_build_class: Value::None,
        not_implemented: Value::None,
        ellipsis: Value::None,
        mro_cache: Default::default(),
        module_name_at: (0, 0),
        stop_points: 0,
        instructions: 0,
        hooked: false,
        hook: None,
        step_instructions: false,
        loops: 0,
        inline_gens: 0,
        native_depth_limit: crate::embed::native_depth_limit(),
        limits: Default::default(),
        trace: false,
        temp_roots: vec![],
        drains: vec![],
        repr_guard: Default::default(),
        native_depth: 0,
        int_max_str_digits: crate::object::limits::DEFAULT_INT_MAX_STR_DIGITS,
        char_cache: vec![],
        abort: None,
        sys: None,
        argv: vec![],
        script_dir: ".".into(),
        loaded_sources: Default::default(),
        native_modules: vec![],
        frozen_modules: vec![],
        host_functions: vec![],
        threads: Default::default(),
    };
    for (i, (_, name, base, kind)) in TYPE_TABLE.iter().enumerate() {
        let dict = vm.new_dict();
        let name_v = vm.intern(name);
        let (bases, mut mro) = if i == 0 {
            (vec![], vec![])
        } else {
            let bi = TYPE_TABLE
                .iter()
                .position(|t| t.0 == *base)
                .expect("base in table");
            let b = refs[bi];
            (vec![b], vm.class_data(b).mro.clone())
        };
        mro.insert(0, refs[i]);
        vm.heap.get_mut(refs[i]).kind = Kind::Class(Box::new(ClassData {
            name: name_v,
            qualname: name_v,
            bases,
            mro,
            dict,
            base_kind: *kind,
            is_builtin: true,
            version: 0,
            slots: None,
            attr_hint: 0,
        }));
    }
    vm.names = Names::new(&mut vm);
    let nt = vm.types.not_implemented_type;
    vm.not_implemented = Value::Obj(vm.heap.alloc(nt, Kind::NotImplemented));
    let et = vm.types.ellipsis_type;
    vm.ellipsis = Value::Obj(vm.heap.alloc(et, Kind::Ellipsis));
    // Every builtin class says it lives in `builtins`.
    let module_key = vm.names.__module__;
    let builtins_name = vm.intern("builtins");
    for r in refs.iter() {
        // A function's `__module__` is its own (found as a built-in attribute).
        if *r == vm.types.function {
            continue;
        }
        let d = vm.class_data(*r).dict;
        let _ = vm.dict_set(d, module_key, builtins_name);
    }
    // Every built-in type has its own `__doc__`, CPython's (instances with their own
    // docs, such as functions, get a getter below).
    let doc_key = vm.names.__doc__;
    for r in refs.iter() {
        let d = vm.class_data(*r).dict;
        let name = vm.str_of(vm.class_data(*r).name).to_string();
        let v = match crate::builtins::docs::of_class(&name) {
            Some(doc) => vm.new_str(doc.to_string()),
            None => Value::None,
        };
        let _ = vm.dict_set(d, doc_key, v);
    }
    let bm = vm.new_module("builtins");
    vm.builtins = vm.module_dict(bm);
    vm.modules = vm.new_dict();
    let _ = vm.dict_set(vm.modules, builtins_name, Value::Obj(bm));
    crate::types::object_type::register(&mut vm);
    crate::types::int::register(&mut vm);
    crate::types::float::register(&mut vm);
    crate::types::str::register(&mut vm);
    crate::types::bytes::register(&mut vm);
    crate::types::list::register(&mut vm);
    crate::types::tuple::register(&mut vm);
    crate::types::dict::register(&mut vm);
    crate::types::set::register(&mut vm);
    crate::types::function::register(&mut vm);
    crate::types::generator::register(&mut vm);
    crate::types::coroutine::register(&mut vm);
    crate::types::exceptions::register(&mut vm);
    crate::types::frame::register(&mut vm);
    crate::types::member::register(&mut vm);
    crate::types::range::register(&mut vm);
    crate::types::slice::register(&mut vm);
    crate::types::iterators::register(&mut vm);
    crate::types::dunders::register(&mut vm);
    crate::types::generic_alias::register(&mut vm);
    crate::types::memoryview::register(&mut vm);
    crate::types::module::register(&mut vm);
    crate::builtins::register(&mut vm);
    // Types and exceptions are builtins too.
    for (i, (field, name, _, _)) in TYPE_TABLE.iter().enumerate() {
        let public = crate::types::is_exception_field(field)
            || matches!(
                *field,
                "object"
                    | "type_"
                    | "int"
                    | "bool_"
                    | "float"
                    | "complex"
                    | "str"
                    | "bytes"
                    | "bytearray"
                    | "list"
                    | "tuple"
                    | "dict"
                    | "set"
                    | "frozenset"
                    | "range"
                    | "slice"
                    | "property"
                    | "staticmethod"
                    | "classmethod"
                    | "super_"
                    | "enumerate"
                    | "zip"
                    | "map"
                    | "filter"
                    | "reversed"
            );
        if public {
            let k = vm.intern(name);
            let _ = vm.dict_set(vm.builtins, k, Value::Obj(refs[i]));
        }
    }
    // Aliases CPython has.
    for (alias, target) in [("EnvironmentError", "OSError"), ("IOError", "OSError")] {
        let t = vm.intern(target);
        if let Ok(Some(v)) = vm.dict_get(vm.builtins, t) {
            let k = vm.intern(alias);
            let _ = vm.dict_set(vm.builtins, k, v);
        }
    }
    let object_new_key = vm.names.__new__;
    vm.object_new = vm
        .class_lookup(vm.types.object, object_new_key)
        .unwrap_or(Value::None);
    let bc = vm.intern("__build_class__");
    vm.builtin_build_class = vm
        .dict_get(vm.builtins, bc)
        .ok()
        .flatten()
        .unwrap_or(Value::None);
    crate::builtins::sys::create(&mut vm);
    vm
}

impl Vm {
    #[allow(clippy::too_many_arguments)]
    fn native(
        &mut self,
        name: &'static str,
        f: NativeFn,
        arity: Arity,
        role: Role,
        cls: Option<ObjRef>,
        binds: bool,
        module: Option<&'static str>,
    ) -> Value {
        let owner = cls.and_then(|c| self.class_static_name(c));
        // `str.join` is a method_descriptor, `len` and `dict.fromkeys` builtins.
        let bf = if binds && role == Role::Method && cls.is_some() {
            self.types.method_descriptor
        } else {
            self.types.builtin_function
        };
        Value::Obj(self.heap.alloc(
            bf,
            Kind::Native(Box::new(NativeFunc {
                name,
                owner,
                f,
                binds,
                host: None,
                gc_safe: false,
                arity,
                role,
                cls,
                module,
            })),
        ))
    }

    fn class_dict_set(&mut self, cls: ObjRef, name: &'static str, v: Value) {
        let k = self.intern(name);
        let d = self.class_data(cls).dict;
        let _ = self.dict_set(d, k, v);
    }

    /// Add a method (binds `self`, an instance of `cls`) to a class. `arity` counts
    /// the arguments after `self`.
    pub fn add_method(&mut self, cls: ObjRef, name: &'static str, f: NativeFn, arity: Arity) {
        let v = self.native(name, f, arity, Role::Method, Some(cls), true, None);
        self.class_dict_set(cls, name, v);
    }

    /// Add every method of a table (see `add_method`).
    pub fn add_methods(&mut self, cls: ObjRef, methods: &[NativeDef]) {
        for (name, f, arity) in methods {
            self.add_method(cls, name, *f, *arity);
        }
    }

    /// Add a class method (receives `cls` or a subclass of it) to a class. `arity`
    /// counts the arguments after the class.
    pub fn add_classmethod(&mut self, cls: ObjRef, name: &'static str, f: NativeFn, arity: Arity) {
        let v = self.native(name, f, arity, Role::ClassMethod, Some(cls), false, None);
        let cm_cls = self.types.classmethod;
        let cm = Value::Obj(self.heap.alloc(cm_cls, Kind::ClassMethod(v)));
        self.class_dict_set(cls, name, cm);
    }

    /// Add a static method (no implicit first argument) to a class. `__new__` is a
    /// static method whose first argument is the class to build: checked to be a
    /// subclass of `cls` that this `__new__` can build (`arity` counts the arguments
    /// after it).
    pub fn add_staticmethod(&mut self, cls: ObjRef, name: &'static str, f: NativeFn, arity: Arity) {
        let role = if name == "__new__" {
            Role::New
        } else {
            Role::Function
        };
        let v = self.native(name, f, arity, role, Some(cls), false, None);
        let sm_cls = self.types.staticmethod;
        let sm = Value::Obj(self.heap.alloc(sm_cls, Kind::StaticMethod(v)));
        self.class_dict_set(cls, name, sm);
    }

    /// Add a read-only property computed by `f(self)`, `self` an instance of `cls`.
    pub fn add_getter(&mut self, cls: ObjRef, name: &'static str, f: NativeFn) {
        let getter = self.native(name, f, Arity::none(), Role::Method, Some(cls), false, None);
        let pcls = self.types.property;
        let p = Value::Obj(self.heap.alloc(
            pcls,
            Kind::Property(Box::new([
                getter,
                Value::None,
                Value::None,
                Value::None,
                Value::None,
            ])),
        ));
        self.class_dict_set(cls, name, p);
    }

    /// Add every getter of a table (see `add_getter`).
    pub fn add_getters(&mut self, cls: ObjRef, getters: &[(&'static str, NativeFn)]) {
        for (name, f) in getters {
            self.add_getter(cls, name, *f);
        }
    }

    /// A native function object not stored anywhere yet.
    pub fn add_function_value(&mut self, name: &'static str, f: NativeFn, arity: Arity) -> Value {
        self.native(name, f, arity, Role::Function, None, false, None)
    }

    /// Declare the native stored under `name` in `dict` collector-safe (see
    /// `NativeFunc::gc_safe`).
    pub fn mark_gc_safe(&mut self, dict: ObjRef, name: &str) {
        let k = self.intern(name);
        let mut v = self.dict_get_str(dict, k);
        if let Some(Value::Obj(r)) = v {
            if let Kind::StaticMethod(inner) | Kind::ClassMethod(inner) = self.heap.kind(r) {
                v = Some(*inner);
            }
        }
        if let Some(Value::Obj(r)) = v {
            if let Kind::Native(nf) = self.heap.kind_mut(r) {
                nf.gc_safe = true;
            }
        }
    }

    /// Add a plain function to a namespace dict (module functions, builtins).
    pub fn add_function(
        &mut self,
        dict: ObjRef,
        name: &'static str,
        f: NativeFn,
        arity: Arity,
    ) -> Value {
        let module = self.static_module_name(dict);
        let v = self.native(name, f, arity, Role::Function, None, false, module);
        let k = self.intern(name);
        let _ = self.dict_set(dict, k, v);
        v
    }

    /// Add every function of a table (see `add_function`).
    pub fn add_functions(&mut self, dict: ObjRef, fns: &[NativeDef]) {
        for (name, f, arity) in fns {
            self.add_function(dict, name, *f, *arity);
        }
    }

    /// The `__name__` of a native module's dict as a static string (None for
    /// `builtins` and unknown modules).
    fn static_module_name(&mut self, dict: ObjRef) -> Option<&'static str> {
        let key = self.names.__name__;
        let v = self.dict_get_str(dict, key)?;
        let name = self.as_str(v)?;
        if name == "sys" {
            return Some("sys");
        }
        self.native_modules
            .iter()
            .find(|(m, _)| *m == name)
            .map(|(m, _)| *m)
    }

    /// A new class object created from Rust (for native modules).
    pub fn new_native_class(&mut self, name: &str, base: ObjRef, module: &str) -> ObjRef {
        let dict = self.new_dict();
        let name_v = self.intern(name);
        let mut mro = self.class_data(base).mro.clone();
        let base_kind = self.class_data(base).base_kind;
        let cls_type = self.types.type_;
        let r = self.heap.alloc(
            cls_type,
            Kind::Class(Box::new(ClassData {
                name: name_v,
                qualname: name_v,
                bases: vec![base],
                mro: vec![],
                dict,
                base_kind,
                is_builtin: true,
                version: 0,
                slots: None,
                attr_hint: 0,
            })),
        );
        mro.insert(0, r);
        if let Kind::Class(c) = self.heap.kind_mut(r) {
            c.mro = mro;
        }
        let mk = self.names.__module__;
        let mv = self.new_str(module.to_string());
        let _ = self.dict_set(dict, mk, mv);
        r
    }

    fn class_static_name(&self, cls: ObjRef) -> Option<&'static str> {
        let name = self.str_of(self.class_data(cls).name);
        TYPE_TABLE.iter().find(|t| t.1 == name).map(|t| t.1)
    }

    /// Whether instances of `cls` are plain objects of a user class (or builtin layout).
    pub fn base_kind(&self, cls: ObjRef) -> BaseKind {
        self.class_data(cls).base_kind
    }
}

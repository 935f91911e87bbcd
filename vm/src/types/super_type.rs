//! `super`: creating the proxy (zero-argument form included) and looking attributes up
//! past the given class in the MRO.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// `super()` / `super(cls, obj)`.
    pub(crate) fn make_super(&mut self, args: &[Value]) -> PyResult<Value> {
        let (cls, obj) = match args.len() {
            2 => (args[0], args[1]),
            0 => match self.super_implicit_args() {
                Ok(a) => a,
                Err(m) => return Err(self.new_error(self.types.runtime_error, m.into())),
            },
            _ => return Err(self.new_type_error("super() takes 0 or 2 arguments".into())),
        };
        let c = match cls {
            Value::Obj(c) if matches!(self.heap.kind(c), Kind::Class(_)) => c,
            _ => {
                let t = self.type_name(cls);
                return Err(
                    self.new_type_error(format!("super() argument 1 must be a type, not {t}"))
                );
            }
        };
        // super_check: obj is an instance of the type, or a subclass of it.
        let is_sub_type = matches!(obj, Value::Obj(o)
            if matches!(self.heap.kind(o), Kind::Class(_)) && self.is_subclass_ref(o, c));
        if !obj.is_none() && !is_sub_type && !self.isinstance(obj, c) {
            return Err(self.new_type_error(
                "super(type, obj): obj must be an instance or subtype of type".into(),
            ));
        }
        Ok(self.new_super(c, obj))
    }

    /// A super object of the built-in class, its arguments checked.
    pub(crate) fn new_super(&mut self, c: ObjRef, obj: Value) -> Value {
        let sc = self.types.super_;
        Value::Obj(self.heap.alloc(sc, Kind::Super(c, obj)))
    }

    /// The class and object of a zero-argument `super()` in the running frame: its
    /// `__class__` cell and its first argument (from its cell if it has one), or the
    /// RuntimeError's message. Allocates nothing.
    pub(crate) fn super_implicit_args(&self) -> Result<(Value, Value), &'static str> {
        let Some(f) = self.frames.last() else {
            return Err("super(): no arguments");
        };
        let base = f.base as usize;
        let c = &f.code.code;
        // (CPython's order: the arguments first.)
        if c.argcount == 0 || c.varnames.is_empty() {
            return Err("super(): no arguments");
        }
        let Some(ci) = c.freevars.iter().position(|n| &**n == "__class__") else {
            return Err("super(): __class__ cell not found");
        };
        let cell = self.stack[base + c.varnames.len() + c.cellvars.len() + ci];
        let cls = self.cell_get(cell);
        let mut first = self.stack[base];
        if let Some((cidx, _)) = c.cell_params.iter().find(|(_, p)| *p == 0) {
            let cellv = self.stack[base + c.varnames.len() + *cidx as usize];
            first = self.cell_get(cellv);
        }
        if cls.is_undef() {
            return Err("super(): empty __class__ cell");
        }
        Ok((cls, first))
    }
    /// Attribute lookup through a super object.
    pub(crate) fn super_getattr(
        &mut self,
        start: ObjRef,
        obj: Value,
        name: Value,
    ) -> PyResult<Option<Value>> {
        // As CPython's `supercheck`: a class that derives from `start` uses its own
        // MRO; anything else (incl. a class in a metaclass method) its type's.
        let obj_is_class = self.is_class(obj)
            && obj
                .obj()
                .map(|c| self.is_subclass_ref(c, start))
                .unwrap_or(false);
        let mro_owner = if obj_is_class {
            obj.obj().expect("class")
        } else {
            self.type_of(obj)
        };
        if let Some(v) = self.super_find(start, mro_owner, name) {
            let inst = if obj_is_class { Value::Undef } else { obj };
            // Class methods bind to the class the lookup started from.
            return self.bind_descriptor(v, inst, mro_owner).map(Some);
        }
        // Not found past `start`: the super object's own attributes.
        Ok(match self.str_of(name) {
            "__class__" => Some(Value::Obj(self.types.super_)),
            "__thisclass__" => Some(Value::Obj(start)),
            "__self__" => Some(obj),
            "__self_class__" => Some(Value::Obj(mro_owner)),
            _ => None,
        })
    }

    /// The first definition of `name` in `mro_owner`'s MRO after `start`.
    fn super_find(&self, start: ObjRef, mro_owner: ObjRef, name: Value) -> Option<Value> {
        let mro = &self.class_data(mro_owner).mro;
        let pos = mro
            .iter()
            .position(|c| *c == start)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        mro[pos..]
            .iter()
            .find_map(|c| self.dict_get_str(self.class_data(*c).dict, name))
    }

    /// As `super_method`, also for a native method that binds (`object.__init__`
    /// behind `super().__init__()`): the LOAD_METHOD inline cache's plan
    /// (`interp/inline.rs`), which holds for the instance's class, `start` and the
    /// method-cache epoch.
    pub(crate) fn super_method_plan(
        &self,
        start: ObjRef,
        cls: ObjRef,
        name: Value,
    ) -> Option<Value> {
        let v = self.super_find(start, cls, name)?;
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(_) => Some(v),
                Kind::Native(nf) if nf.binds => Some(v),
                _ => None,
            },
            _ => None,
        }
    }

    /// LOAD_METHOD on `super(start, obj)` for an instance `obj`: the plain function
    /// found after `start` in its class's MRO, unbound (the caller passes `obj`).
    pub(crate) fn super_method(&self, start: ObjRef, obj: Value, name: Value) -> Option<Value> {
        if self.is_class(obj) {
            return None;
        }
        let v = self.super_find(start, self.type_of(obj), name)?;
        match v {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_)) => Some(v),
            _ => None,
        }
    }
}

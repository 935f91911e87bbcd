//! The instructions on variables and namespaces that have no register fast path:
//! deleting locals and cells, globals, the names of module and class bodies,
//! attributes, imports, and the REPL's echo. `dispatch.rs` calls these after
//! `sync!()`; each works on `self.stack`.

use crate::object::{CodeData, ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// The namespace of `STORE_NAME`/`IMPORT *`: the body's locals, else the globals.
    #[inline]
    fn name_ns(&self, fi: usize) -> ObjRef {
        self.frames[fi].locals.unwrap_or(self.frames[fi].globals)
    }

    /// A class body's namespace lookup: plain dicts directly, mappings returned by a
    /// metaclass `__prepare__` through their `__getitem__` (KeyError: not found).
    pub(crate) fn namespace_get(&mut self, ns: ObjRef, name: Value) -> PyResult<Option<Value>> {
        if self.heap.get(ns).class == self.types.dict {
            return self.dict_get(ns, name);
        }
        match self.getitem(Value::Obj(ns), name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance_ref(e.0, self.types.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A class body's namespace store (see `namespace_get`).
    pub(crate) fn namespace_set(&mut self, ns: ObjRef, name: Value, v: Value) -> PyResult<()> {
        if self.heap.get(ns).class == self.types.dict {
            return self.dict_set(ns, name, v);
        }
        self.setitem(Value::Obj(ns), name, v)
    }

    /// DELETE_FAST: local `i` of the frame whose locals start at `base`.
    #[inline(never)]
    pub(super) fn delete_fast_op(
        &mut self,
        code: &CodeData,
        base: usize,
        i: usize,
    ) -> PyResult<()> {
        if self.stack[base + i].is_undef() {
            let name = code.code.varnames[i].clone();
            return Err(self.unbound_local(&name));
        }
        self.stack[base + i] = Value::Undef;
        Ok(())
    }

    /// LOAD_CLASSDEREF: a free variable of a class body, looked up in the body's
    /// namespace first.
    #[inline(never)]
    pub(super) fn load_class_deref_op(
        &mut self,
        code: &CodeData,
        fi: usize,
        base: usize,
        i: usize,
    ) -> PyResult<()> {
        let name = code.code.cell_name(i);
        let key = self.intern(name);
        let from_ns = match self.frames[fi].locals {
            Some(ns) => self.dict_get(ns, key)?,
            None => None,
        };
        let v = match from_ns {
            Some(v) => v,
            None => {
                let cell = self.stack[base + code.code.varnames.len() + i];
                self.cell_get(cell)
            }
        };
        if v.is_undef() {
            return Err(self.unbound_deref(code, i));
        }
        self.stack.push(v);
        Ok(())
    }

    /// DELETE_DEREF.
    #[inline(never)]
    pub(super) fn delete_deref_op(
        &mut self,
        code: &CodeData,
        base: usize,
        i: usize,
    ) -> PyResult<()> {
        let cell = self.stack[base + code.code.varnames.len() + i];
        if self.cell_get(cell).is_undef() {
            return Err(self.unbound_deref(code, i));
        }
        self.cell_set(cell, Value::Undef);
        Ok(())
    }

    /// STORE_GLOBAL.
    #[inline(never)]
    pub(super) fn store_global_op(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let v = self.pop();
        let g = self.frames[fi].globals;
        // Rebinding an existing global (a module-level loop's variables): found by
        // its name, no hashing or equality protocol.
        if let Some(i) = self.dict_find_str(g, name) {
            self.dict_mut_storing(g, v).set_value_at(i, v);
            return Ok(());
        }
        self.dict_set(g, name, v)
    }

    /// DELETE_GLOBAL.
    #[inline(never)]
    pub(super) fn delete_global_op(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let g = self.frames[fi].globals;
        if !self.dict_del(g, name)? {
            return Err(self.name_error(name));
        }
        Ok(())
    }

    /// LOAD_NAME: the body's namespace, then the globals and the builtins.
    #[inline(never)]
    pub(super) fn load_name_op(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let v = match self.frames[fi].locals {
            Some(ns) => self.namespace_get(ns, name)?,
            None => None,
        };
        let v = match v {
            Some(v) => v,
            None => {
                let g = self.frames[fi].globals;
                self.load_global(g, name)?
            }
        };
        self.stack.push(v);
        Ok(())
    }

    /// STORE_NAME.
    #[inline(never)]
    pub(super) fn store_name_op(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let v = self.pop();
        let ns = self.name_ns(fi);
        self.namespace_set(ns, name, v)
    }

    /// DELETE_NAME.
    #[inline(never)]
    pub(super) fn delete_name_op(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let ns = self.name_ns(fi);
        if !self.dict_del(ns, name)? {
            return Err(self.name_error(name));
        }
        Ok(())
    }

    /// DELETE_ATTR.
    #[inline(never)]
    pub(super) fn delete_attr_op(&mut self, name: Value) -> PyResult<()> {
        let obj = self.pop();
        self.delattr(obj, name)
    }

    /// SETUP_ANNOTATIONS: an empty `__annotations__` dict in the body's namespace.
    #[inline(never)]
    pub(super) fn setup_annotations_op(&mut self, fi: usize) -> PyResult<()> {
        let ns = self.name_ns(fi);
        let key = self.intern("__annotations__");
        if self.dict_get(ns, key)?.is_none() {
            let d = self.new_dict();
            self.dict_set(ns, key, Value::Obj(d))?;
        }
        Ok(())
    }

    /// IMPORT_NAME.
    #[inline(never)]
    pub(super) fn import_name_op(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let fromlist = self.pop();
        let level = self.pop();
        let g = self.frames[fi].globals;
        let m = self.import_name(name, fromlist, level, g)?;
        self.stack.push(m);
        Ok(())
    }

    /// IMPORT_FROM.
    #[inline(never)]
    pub(super) fn import_from_op(&mut self, name: Value) -> PyResult<()> {
        let m = self.top();
        let v = self.import_from(m, name)?;
        self.stack.push(v);
        Ok(())
    }

    /// IMPORT_STAR.
    #[inline(never)]
    pub(super) fn import_star_op(&mut self, fi: usize) -> PyResult<()> {
        let m = self.pop();
        let ns = self.name_ns(fi);
        self.import_star(m, ns)
    }

    /// PRINT_EXPR: the REPL shows an expression statement's value.
    #[inline(never)]
    pub(super) fn print_expr_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        self.print_expr(v)
    }
}

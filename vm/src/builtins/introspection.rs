//! The builtins that look at objects and namespaces: `callable`, `dir`, the
//! `*attr` functions, `globals`/`locals`/`vars`, `hash`, `id`, `isinstance`,
//! `issubclass`.

use super::{Args, Kw};
use crate::object::Value;
use crate::object::{Kind, ObjRef};
use crate::{PyResult, Vm};

pub(super) fn b_callable(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("callable", args, 1, 1)?;
    let v = args[0];
    let r = match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Function(_) | Kind::Native(_) | Kind::BoundMethod(..) | Kind::Class(_) => true,
            _ => {
                let c = vm.names.__call__;
                vm.lookup_special(v, c).is_some()
            }
        },
        _ => false,
    };
    Ok(Value::Bool(r))
}
/// The names `dir(obj)` lists, sorted.
pub fn dir_names(vm: &mut Vm, obj: Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = vec![];
    let add_dict = |vm: &mut Vm, d: crate::object::ObjRef, names: &mut Vec<String>| {
        for (k, _) in vm.dict_items(d) {
            if let Some(s) = vm.as_str(k) {
                names.push(s.to_string());
            }
        }
    };
    for (k, _) in vm.instance_items(obj).unwrap_or_default() {
        if let Some(s) = vm.as_str(k) {
            names.push(s.to_string());
        }
    }
    let cls = if vm.is_class(obj) {
        obj.obj().expect("class")
    } else {
        vm.type_of(obj)
    };
    for c in vm.class_data(cls).mro.clone() {
        let d = vm.class_data(c).dict;
        let before = names.len();
        add_dict(vm, d, &mut names);
        // A built-in type's `__module__` belongs to its metatype (as in CPython), so
        // neither the type nor its instances list it.
        if vm.class_data(c).is_builtin {
            let mut i = before;
            while i < names.len() {
                if names[i] == "__module__" {
                    names.remove(i);
                } else {
                    i += 1;
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}
pub(super) fn b_dir(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("dir", args, 0, 1)?;
    let names = match args.first() {
        Some(o) => {
            let dn = vm.names.__dir__;
            let cls = vm.type_of(*o);
            if let Some(f) = vm.user_override(cls, dn) {
                let r = vm.call_special(f, &[*o])?;
                let mut items = vm.iterate(r)?;
                vm.sort_values(&mut items, Value::None, false)?;
                return Ok(vm.new_list(items));
            }
            dir_names(vm, *o)?
        }
        None => {
            let f = vm.frames.last().map(|f| f.locals.unwrap_or(f.globals));
            let mut n: Vec<String> = match f {
                Some(d) => vm
                    .dict_items(d)
                    .into_iter()
                    .filter_map(|(k, _)| vm.as_str(k).map(|s| s.to_string()))
                    .collect(),
                None => vec![],
            };
            n.sort();
            n
        }
    };
    let items = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}
fn name_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Value> {
    match vm.as_str(v) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let t = vm.type_name(v);
            let _ = fname;
            Err(vm.new_type_error(format!("attribute name must be string, not '{t}'")))
        }
    }
}
pub(super) fn b_getattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("getattr", args, 2, 3)?;
    let n = name_arg(vm, args[1], "getattr")?;
    match args.get(2) {
        None => vm.getattr(args[0], n),
        Some(d) => match vm.getattr_opt(args[0], n) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(*d),
            Err(e) if vm.isinstance_ref(e.0, vm.types.attribute_error) => Ok(*d),
            Err(e) => Err(e),
        },
    }
}
pub(super) fn b_setattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("setattr", args, 3, 3)?;
    let n = name_arg(vm, args[1], "setattr")?;
    vm.setattr(args[0], n, args[2])?;
    Ok(Value::None)
}
pub(super) fn b_hasattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("hasattr", args, 2, 2)?;
    let n = name_arg(vm, args[1], "hasattr")?;
    Ok(Value::Bool(vm.hasattr(args[0], n)?))
}
pub(super) fn b_delattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("delattr", args, 2, 2)?;
    let n = name_arg(vm, args[1], "delattr")?;
    vm.delattr(args[0], n)?;
    Ok(Value::None)
}
pub(super) fn b_globals(vm: &mut Vm, _args: Args, _: Kw) -> PyResult<Value> {
    Ok(vm
        .frames
        .last()
        .map(|f| Value::Obj(f.globals))
        .unwrap_or(Value::None))
}
pub(super) fn b_locals(vm: &mut Vm, _args: Args, _: Kw) -> PyResult<Value> {
    frame_locals(vm, vm.frames.len().wrapping_sub(1))
}
/// The locals of frame `fi` as `locals()` sees them: the namespace of module and class
/// bodies, a fresh snapshot dict of a function's variables (None: no such frame).
pub fn frame_locals(vm: &mut Vm, fi: usize) -> PyResult<Value> {
    let Some(f) = vm.frames.get(fi).cloned() else {
        return Ok(Value::None);
    };
    if let Some(l) = f.locals {
        return Ok(Value::Obj(l));
    }
    if f.code.code.flags & revpy_compiler::code::flags::NAME_LOCALS == 0
        && f.code.code.name.as_ref() != "<module>"
    {
        let d = vm.new_dict();
        let c = &f.code.code;
        for (i, name) in f.code.varnames.iter().enumerate() {
            let v = vm.stack[f.base as usize + i];
            if !v.is_undef() {
                vm.dict_set(d, *name, v)?;
            }
        }
        let nv = c.varnames.len();
        for i in 0..c.cellvars.len() + c.freevars.len() {
            let cell = vm.stack[f.base as usize + nv + i];
            let v = vm.cell_get(cell);
            if !v.is_undef() {
                let k = vm.intern(c.cell_name(i));
                vm.dict_set(d, k, v)?;
            }
        }
        return Ok(Value::Obj(d));
    }
    Ok(Value::Obj(f.globals))
}
pub(super) fn b_vars(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    vm.check_args("vars", args, 0, 1)?;
    match args.first() {
        None => b_locals(vm, args, kw),
        Some(o) => {
            let dk = vm.names.__dict__;
            match vm.getattr_opt(*o, dk)? {
                Some(d) => Ok(d),
                None => {
                    Err(vm.new_type_error("vars() argument must have __dict__ attribute".into()))
                }
            }
        }
    }
}
pub(super) fn b_hash(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(args[0])?))
}
pub(super) fn b_id(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("id", args, 1, 1)?;
    Ok(Value::Int(vm.id_of(args[0])))
}
fn class_or_tuple(vm: &mut Vm, t: Value, fname: &str) -> PyResult<Vec<crate::object::ObjRef>> {
    match t {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Class(_) => Ok(vec![r]),
            Kind::Tuple(items) => {
                let items = items.clone();
                let mut out = vec![];
                for it in items {
                    out.extend(class_or_tuple(vm, it, fname)?);
                }
                Ok(out)
            }
            _ => Err(vm.new_type_error(format!(
                "{fname}() arg 2 must be a type, a tuple of types, or a union"
            ))),
        },
        _ => Err(vm.new_type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}
/// `isinstance(x, t)` / `issubclass(x, t)` when `t` is neither a class nor a tuple:
/// the `__instancecheck__` / `__subclasscheck__` of its type (unions, generic
/// aliases, typing's special forms), if it has one.
fn check_hook(vm: &mut Vm, t: Value, x: Value, name: Value) -> PyResult<Option<bool>> {
    let Value::Obj(r) = t else { return Ok(None) };
    if matches!(vm.heap.kind(r), Kind::Class(_) | Kind::Tuple(_)) {
        return Ok(None);
    }
    let Some(f) = vm.lookup_special(t, name) else {
        return Ok(None);
    };
    let v = vm.call_special(f, &[t, x])?;
    Ok(Some(vm.truthy(v)?))
}
/// The answer when `t` or an item of the tuple `t` checks itself (see `check_hook`);
/// `None` when only classes are involved (the callers' own loops handle those).
fn isinstance_any(vm: &mut Vm, x: Value, t: Value, sub: bool) -> PyResult<Option<bool>> {
    let name = if sub {
        vm.names.__subclasscheck__
    } else {
        vm.names.__instancecheck__
    };
    if let Some(b) = check_hook(vm, t, x, name)? {
        return Ok(Some(b));
    }
    if let Value::Obj(r) = t {
        if let Kind::Tuple(items) = vm.heap.kind(r) {
            let items = items.clone();
            if items.iter().any(
                |it| !matches!(it, Value::Obj(o) if matches!(vm.heap.kind(*o), Kind::Class(_))),
            ) {
                for it in items {
                    let yes = match isinstance_any(vm, x, it, sub)? {
                        Some(b) => b,
                        None => {
                            let f = if sub { b_issubclass } else { b_isinstance };
                            matches!(f(vm, &[x, it], &[])?, Value::Bool(true))
                        }
                    };
                    if yes {
                        return Ok(Some(true));
                    }
                }
                return Ok(Some(false));
            }
        }
    }
    Ok(None)
}
/// CPython's second chance in `isinstance(obj, cls)` when `type(obj)` is not a
/// subclass of `cls`: `obj.__class__`, if it is another class, and a subclass
/// (proxies and mocks pose as the class they wrap this way). Only looked up
/// when `type(obj)` overrides `__class__` or `__getattribute__`: otherwise
/// `obj.__class__` is `type(obj)`.
fn isinstance_by_class_attr(vm: &mut Vm, obj: Value, cls: ObjRef) -> PyResult<bool> {
    let t = vm.type_of(obj);
    if !class_attr_may_differ(vm, t) {
        return Ok(false);
    }
    let ca = vm.names.__class__;
    // An AttributeError means "no __class__" (CPython's _PyObject_LookupAttr).
    let icls = match vm.getattr(obj, ca) {
        Ok(v) => v,
        Err(e) if vm.isinstance_ref(e.0, vm.types.attribute_error) => return Ok(false),
        Err(e) => return Err(e),
    };
    let Value::Obj(icls) = icls else {
        return Ok(false);
    };
    if icls == t || !matches!(vm.heap.kind(icls), Kind::Class(_)) {
        return Ok(false);
    }
    Ok(vm.is_subclass_ref(icls, cls))
}

/// Whether `obj.__class__` may be another class than `type(obj)`, for an
/// instance of `t`: `t` is a user class overriding `__class__` or
/// `__getattribute__`.
pub(crate) fn class_attr_may_differ(vm: &mut Vm, t: ObjRef) -> bool {
    if vm.class_data(t).is_builtin {
        return false;
    }
    let object = vm.types.object;
    let overrides = |vm: &mut Vm, name| {
        let mine = vm.class_lookup(t, name);
        let base = vm.class_lookup(object, name);
        !matches!((mine, base), (Some(m), Some(b)) if m.is(b))
    };
    let (ca, ga) = (vm.names.__class__, vm.names.__getattribute__);
    overrides(vm, ca) || overrides(vm, ga)
}

pub(crate) fn b_isinstance(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("isinstance", args, 2, 2)?;
    if let Some(b) = isinstance_any(vm, args[0], args[1], false)? {
        return Ok(Value::Bool(b));
    }
    // The common case: one class with a built-in metaclass.
    if let Value::Obj(c) = args[1] {
        if let Kind::Class(_) = vm.heap.kind(c) {
            let meta = vm.heap.get(c).class;
            if vm.class_data(meta).is_builtin {
                let b = vm.isinstance(args[0], c) || isinstance_by_class_attr(vm, args[0], c)?;
                return Ok(Value::Bool(b));
            }
        }
    }
    for c in class_or_tuple(vm, args[1], "isinstance")? {
        if vm.isinstance(args[0], c) || isinstance_by_class_attr(vm, args[0], c)? {
            return Ok(Value::Bool(true));
        }
        let ic = vm.names.__instancecheck__;
        let meta = vm.heap.get(c).class;
        if !vm.class_data(meta).is_builtin {
            if let Some(f) = vm.class_lookup(meta, ic) {
                let r = vm.call_special(f, &[Value::Obj(c), args[0]])?;
                if vm.truthy(r)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(Value::Bool(false))
}
pub(super) fn b_issubclass(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("issubclass", args, 2, 2)?;
    if let Some(b) = isinstance_any(vm, args[0], args[1], true)? {
        return Ok(Value::Bool(b));
    }
    let Some(a) = args[0]
        .obj()
        .filter(|r| matches!(vm.heap.kind(*r), Kind::Class(_)))
    else {
        return Err(vm.new_type_error("issubclass() arg 1 must be a class".into()));
    };
    for c in class_or_tuple(vm, args[1], "issubclass")? {
        if vm.is_subclass_ref(a, c) {
            return Ok(Value::Bool(true));
        }
        let sc = vm.names.__subclasscheck__;
        let meta = vm.heap.get(c).class;
        if !vm.class_data(meta).is_builtin {
            if let Some(f) = vm.class_lookup(meta, sc) {
                let r = vm.call_special(f, &[Value::Obj(c), Value::Obj(a)])?;
                if vm.truthy(r)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(Value::Bool(false))
}
impl Vm {
    /// `id(v)`: the creation serial number for objects; a deterministic value for
    /// immediates.
    pub fn id_of(&self, v: Value) -> i64 {
        match v {
            Value::Obj(r) => self.heap.get(r).serial as i64,
            Value::None | Value::Undef => 1 << 40,
            Value::Bool(b) => (1 << 40) + 1 + b as i64,
            Value::Int(i) => (2 << 40) + (i.rem_euclid(1 << 39)),
            Value::Float(f) => (3 << 40) + (f.to_bits() as i64).rem_euclid(1 << 39),
        }
    }
}

//! `dict`: lookups (with Python-level `__eq__`/`__hash__` where keys need them),
//! views, and the dict methods.

use crate::args::{Arity, NativeDef};
use crate::object::dict_table::{Dict, Probe};
use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};
use std::rc::Rc;

use crate::Kw;

impl Vm {
    pub fn new_dict(&mut self) -> ObjRef {
        let c = self.types.dict;
        self.heap.alloc(c, Kind::Dict(Rc::new(Dict::new())))
    }

    /// An empty dict with room for `n` entries and no more (a literal, a copy).
    pub fn new_dict_sized(&mut self, n: usize) -> ObjRef {
        let c = self.types.dict;
        self.heap
            .alloc(c, Kind::Dict(Rc::new(Dict::with_capacity(n))))
    }

    /// Free the unused entry room of a dict that is done growing (a parsed object).
    pub fn dict_trim(&mut self, d: ObjRef) {
        self.dict_mut(d).trim();
    }

    fn dict_ref(&self, d: ObjRef) -> &Dict {
        match self.heap.kind(d) {
            Kind::Dict(x) => x,
            _ => panic!("revpy internal error: not a dict"),
        }
    }

    /// The dict for replacing a value with `v` (`Heap::get_mut_storing`: no write
    /// barrier unless `v` is young: `counts[w] = counts.get(w, 0) + 1` does not make
    /// a big old dict a root of every minor collection).
    pub(crate) fn dict_mut_storing(&mut self, d: ObjRef, v: Value) -> &mut Dict {
        match &mut self.heap.get_mut_storing(d, v).kind {
            Kind::Dict(x) => crate::object::dict_table::unshared(x),
            _ => panic!("revpy internal error: not a dict"),
        }
    }

    pub(crate) fn dict_mut(&mut self, d: ObjRef) -> &mut Dict {
        match self.heap.kind_mut(d) {
            Kind::Dict(x) => crate::object::dict_table::unshared(x),
            _ => panic!("revpy internal error: not a dict"),
        }
    }

    /// Find the entry index of `key` (hash given), running `__eq__` if needed.
    fn dict_find(&mut self, d: ObjRef, key: Value, hash: i64) -> PyResult<Option<usize>> {
        let probe = {
            let vm = &*self;
            vm.dict_ref(d)
                .probe(hash, key, &mut |k| vm.simple_eq(k, key))
        };
        match probe {
            Probe::Found(i) => Ok(Some(i)),
            Probe::NotFound => Ok(None),
            Probe::Slow(cands) => {
                // In probe order, up to the first equal one (as CPython: the later
                // candidates' `__eq__` does not run).
                let mut answers = vec![];
                for c in cands {
                    let e = self.eq(c, key)?;
                    answers.push((c, e));
                    if e {
                        break;
                    }
                }
                let vm = &*self;
                let p = vm.dict_ref(d).probe(hash, key, &mut |k| {
                    answers
                        .iter()
                        .find(|(c, _)| c.is(k))
                        .map(|(_, e)| *e)
                        .or(Some(false))
                });
                Ok(match p {
                    Probe::Found(i) => Some(i),
                    _ => None,
                })
            }
        }
    }

    /// `d.get(key)` (without `__missing__`).
    pub fn dict_get(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        Ok(self
            .dict_find(d, key, hash)?
            .map(|i| self.dict_ref(d).value_at(i)))
    }

    /// Lookup by a str key with no Python code involved (namespaces, class dicts).
    pub fn dict_get_str(&self, d: ObjRef, key: Value) -> Option<Value> {
        let Value::Obj(kr) = key else { return None };
        let Kind::Str(ks) = self.heap.kind(kr) else {
            return None;
        };
        let hash = ks.hash();
        let dict = self.dict_ref(d);
        dict.find_with(hash, key, |k| match k {
            Value::Obj(r) => matches!(self.heap.kind(r), Kind::Str(s) if s.s == ks.s),
            _ => false,
        })
        .map(|i| dict.value_at(i))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: ObjRef, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        match self.dict_find(d, key, hash)? {
            Some(i) => self.dict_mut_storing(d, value).set_value_at(i, value),
            None => {
                self.heap.dict_for_insert(d).insert_new(hash, key, value);
                self.heap.charge(crate::object::DICT_ENTRY_BYTES);
            }
        }
        Ok(())
    }

    /// `del d[key]`; false if absent.
    pub fn dict_del(&mut self, d: ObjRef, key: Value) -> PyResult<bool> {
        let hash = self.hash(key)?;
        match self.dict_find(d, key, hash)? {
            Some(i) => {
                self.heap.dict_remove_at(d, i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Remove and return the value for `key`, if present.
    pub fn dict_pop(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        match self.dict_find(d, key, hash)? {
            Some(i) => Ok(Some(self.heap.dict_remove_at(d, i).1)),
            None => Ok(None),
        }
    }

    /// `d.get(key)` for a key whose hash is known (CPython's
    /// `_PyDict_GetItem_KnownHash`: the key's `__hash__` is not called again).
    pub fn dict_get_hashed(&mut self, d: ObjRef, key: Value, hash: i64) -> PyResult<Option<Value>> {
        Ok(self
            .dict_find(d, key, hash)?
            .map(|i| self.dict_ref(d).value_at(i)))
    }

    /// `d[key] = value` for a key whose hash is known.
    pub fn dict_set_hashed(
        &mut self,
        d: ObjRef,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        match self.dict_find(d, key, hash)? {
            Some(i) => self.dict_mut_storing(d, value).set_value_at(i, value),
            None => {
                self.heap.dict_for_insert(d).insert_new(hash, key, value);
                self.heap.charge(crate::object::DICT_ENTRY_BYTES);
            }
        }
        Ok(())
    }

    /// Remove `key` (hash known) and return its value, if present.
    pub fn dict_pop_hashed(&mut self, d: ObjRef, key: Value, hash: i64) -> PyResult<Option<Value>> {
        match self.dict_find(d, key, hash)? {
            Some(i) => Ok(Some(self.heap.dict_remove_at(d, i).1)),
            None => Ok(None),
        }
    }

    pub fn dict_items(&self, d: ObjRef) -> Vec<(Value, Value)> {
        self.dict_ref(d).items()
    }

    pub fn dict_len(&self, d: ObjRef) -> usize {
        self.dict_ref(d).len()
    }

    pub(crate) fn is_dict(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Dict(_)))
    }
}

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn dict_update_from(vm: &mut Vm, d: ObjRef, other: Value) -> PyResult<()> {
    if let Value::Obj(o) = other {
        if let Kind::Dict(od) = vm.heap.kind(o) {
            let items = od.items();
            if vm.dict_len(d) == 0 {
                vm.dict_mut(d).presize(items.len());
            }
            for (k, v) in items {
                vm.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let keys_name = vm.names.keys;
        if vm.lookup_special(other, keys_name).is_some() {
            let keys = vm.call_method(other, "keys", &[])?;
            for k in vm.iterate(keys)? {
                let v = vm.getitem(other, k)?;
                vm.dict_set(d, k, v)?;
            }
            return Ok(());
        }
    }
    let items = vm.iterate(other)?;
    for (i, item) in items.into_iter().enumerate() {
        let pair = match vm.iterate(item) {
            Ok(p) => p,
            Err(_) => {
                return Err(vm.new_type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
        };
        if pair.len() != 2 {
            return Err(vm.new_value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        vm.dict_set(d, pair[0], pair[1])?;
    }
    Ok(())
}

/// Membership in a keys/items view.
pub fn view_contains(vm: &mut Vm, d: ObjRef, what: u8, item: Value) -> PyResult<bool> {
    match what {
        0 => Ok(vm.dict_get(d, item)?.is_some()),
        1 => {
            for v in vm.dict_ref(d).values() {
                if vm.eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let pair = vm.tuple_items(item);
            if pair.len() != 2
                || !matches!(item, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)))
            {
                return Ok(false);
            }
            match vm.dict_get(d, pair[0])? {
                Some(v) => vm.eq(v, pair[1]),
                None => Ok(false),
            }
        }
    }
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::Dict(_)) => Ok(*r),
        _ => Err(vm.new_type_error("descriptor requires a 'dict' object".into())),
    }
}

fn d_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    Ok(Value::Obj(
        vm.heap.alloc(cls, Kind::Dict(Rc::new(Dict::new()))),
    ))
}

fn d_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    vm.check_args("dict", &args[1..], 0, 1)?;
    if let Some(o) = args.get(1) {
        dict_update_from(vm, d, *o)?;
    }
    for (k, v) in kw {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(Value::None)
}

/// `dict.get`, for `call_fast`'s in-place `d.get(key)`.
pub(crate) const D_GET: crate::object::NativeFn = d_get;

fn d_get(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    vm.check_args("get", &args[1..], 1, 2)?;
    Ok(vm
        .dict_get(d, args[1])?
        .unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn d_setdefault(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    vm.check_args("setdefault", &args[1..], 1, 2)?;
    if let Some(v) = vm.dict_get(d, args[1])? {
        return Ok(v);
    }
    let dv = args.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(d, args[1], dv)?;
    Ok(dv)
}

fn d_pop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    vm.check_args("pop", &args[1..], 1, 2)?;
    match vm.dict_pop(d, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(dv) => Ok(*dv),
            None => Err(vm.new_key_error(args[1])),
        },
    }
}

fn d_popitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    match vm.dict_ref(d).last_index() {
        Some(i) => {
            let (k, v) = vm.heap.dict_remove_at(d, i);
            Ok(vm.new_tuple(vec![k, v]))
        }
        None => Err(vm.new_error(vm.types.key_error, "popitem(): dictionary is empty".into())),
    }
}

fn d_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    vm.check_args("update", &args[1..], 0, 1)?;
    if let Some(o) = args.get(1) {
        dict_update_from(vm, d, *o)?;
    }
    for (k, v) in kw {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(Value::None)
}

fn d_copy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    let copy = vm.dict_ref(d).clone();
    let c = vm.types.dict;
    Ok(Value::Obj(vm.heap.alloc(c, Kind::Dict(Rc::new(copy)))))
}

fn d_clear(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    vm.dict_mut(d).clear();
    Ok(Value::None)
}

fn view(vm: &mut Vm, args: &[Value], what: u8) -> PyResult<Value> {
    let d = this(vm, args)?;
    let c = [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ][what as usize];
    Ok(Value::Obj(vm.heap.alloc(c, Kind::DictView(d, what))))
}
fn d_keys(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view(vm, args, 0)
}
fn d_values(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view(vm, args, 1)
}
fn d_items(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view(vm, args, 2)
}

fn d_fromkeys(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("fromkeys", &args[1..], 1, 2)?;
    let cls = args[0];
    let d = vm.call(cls, &[], &[])?;
    let v = args.get(2).copied().unwrap_or(Value::None);
    let Some(dr) = d.obj() else { return Ok(d) };
    for k in vm.iterate(args[1])? {
        if matches!(vm.heap.kind(dr), Kind::Dict(_)) && vm.class_data(vm.type_of(d)).is_builtin {
            vm.dict_set(dr, k, v)?;
        } else {
            vm.setitem(d, k, v)?;
        }
    }
    Ok(d)
}

fn d_reversed(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    let keys: Vec<Value> = vm.dict_ref(d).keys().into_iter().rev().collect();
    let l = vm.new_list(keys);
    vm.get_iter(l)
}

fn d_or(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = this(vm, args)?;
    if !vm.is_dict(args[1]) {
        return Ok(vm.not_implemented);
    }
    let copy = vm.dict_ref(d).clone();
    let c = vm.types.dict;
    let n = vm.heap.alloc(c, Kind::Dict(Rc::new(copy)));
    dict_update_from(vm, n, args[1])?;
    Ok(Value::Obj(n))
}

/// `reversed(d.keys())`, `reversed(d.values())`, `reversed(d.items())`.
fn view_reversed(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (d, what) = match args.first() {
        Some(Value::Obj(r)) => match vm.heap.kind(*r) {
            Kind::DictView(d, w) => (*d, *w),
            _ => return Err(vm.new_type_error("descriptor requires a dict view".into())),
        },
        _ => return Err(vm.new_type_error("descriptor requires a dict view".into())),
    };
    let items: Vec<(Value, Value)> = vm.dict_items(d).into_iter().rev().collect();
    let vals: Vec<Value> = match what {
        0 => items.into_iter().map(|(k, _)| k).collect(),
        1 => items.into_iter().map(|(_, v)| v).collect(),
        _ => items
            .into_iter()
            .map(|(k, v)| vm.new_tuple(vec![k, v]))
            .collect(),
    };
    let l = vm.new_list(vals);
    vm.get_iter(l)
}

fn view_set_op(vm: &mut Vm, args: &[Value], op: revpy_compiler::opcodes::BinOp) -> PyResult<Value> {
    let a = vm.iterate(args[0])?;
    let s = vm.new_set_from(a)?;
    vm.binary_op(s, args[1], op)
}
fn v_and(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view_set_op(vm, args, revpy_compiler::opcodes::BinOp::And)
}
fn v_or(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view_set_op(vm, args, revpy_compiler::opcodes::BinOp::Or)
}
fn v_sub(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view_set_op(vm, args, revpy_compiler::opcodes::BinOp::Sub)
}
fn v_xor(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    view_set_op(vm, args, revpy_compiler::opcodes::BinOp::Xor)
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.dict;
    vm.add_staticmethod(c, "__new__", d_new, Arity::any().kw());
    vm.add_classmethod(c, "fromkeys", d_fromkeys, Arity::range(1, 2));
    let methods: &[NativeDef] = &[
        ("__init__", d_init, Arity::any().kw()),
        ("get", d_get, Arity::range(1, 2)),
        ("setdefault", d_setdefault, Arity::range(1, 2)),
        ("pop", d_pop, Arity::range(1, 2)),
        ("popitem", d_popitem, Arity::none()),
        ("update", d_update, Arity::range(0, 1).kw()),
        ("copy", d_copy, Arity::none()),
        ("clear", d_clear, Arity::none()),
        ("keys", d_keys, Arity::none()),
        ("values", d_values, Arity::none()),
        ("items", d_items, Arity::none()),
        ("__reversed__", d_reversed, Arity::none()),
        ("__or__", d_or, Arity::exactly(1)),
    ];
    vm.add_methods(c, methods);
    for view_cls in [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ] {
        vm.add_method(view_cls, "__reversed__", view_reversed, Arity::none());
    }
    for view_cls in [vm.types.dict_keys, vm.types.dict_items] {
        vm.add_method(view_cls, "__and__", v_and, Arity::exactly(1));
        vm.add_method(view_cls, "__or__", v_or, Arity::exactly(1));
        vm.add_method(view_cls, "__sub__", v_sub, Arity::exactly(1));
        vm.add_method(view_cls, "__xor__", v_xor, Arity::exactly(1));
    }
}

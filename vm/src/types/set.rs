//! `set` and `frozenset`: operations in CPython's order of insertion so that
//! iteration order matches CPython.

use crate::dict::Probe;
use crate::heap::Kind;
use crate::set::SetTable;
use crate::value::{ObjRef, Value};
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::BinOp;

type Kw<'a> = &'a [(Value, Value)];

impl Vm {
    fn table(&self, r: ObjRef) -> &SetTable {
        match self.heap.kind(r) {
            Kind::Set(s) | Kind::FrozenSet(s) => s,
            _ => panic!("revpy internal error: not a set"),
        }
    }
    fn table_mut(&mut self, r: ObjRef) -> &mut SetTable {
        match self.heap.kind_mut(r) {
            Kind::Set(s) | Kind::FrozenSet(s) => s,
            _ => panic!("revpy internal error: not a set"),
        }
    }

    pub fn is_set_like(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Set(_) | Kind::FrozenSet(_)))
    }

    fn set_find(&mut self, s: ObjRef, key: Value, hash: i64) -> PyResult<Option<usize>> {
        let probe = {
            let vm = &*self;
            vm.table(s).probe(hash, key, &mut |k| vm.simple_eq(k, key))
        };
        match probe {
            Probe::Found(i) => Ok(Some(i)),
            Probe::NotFound => Ok(None),
            Probe::Slow(cands) => {
                let mut answers = vec![];
                for c in cands {
                    let e = self.eq(c, key)?;
                    answers.push((c, e));
                }
                let vm = &*self;
                Ok(match vm.table(s).probe(hash, key, &mut |k| {
                    answers.iter().find(|(c, _)| c.is(k)).map(|(_, e)| *e).or(Some(false))
                }) {
                    Probe::Found(i) => Some(i),
                    _ => None,
                })
            }
        }
    }

    fn set_add_hashed(&mut self, s: ObjRef, key: Value, hash: i64) -> PyResult<()> {
        if self.set_find(s, key, hash)?.is_none() {
            self.table_mut(s).insert_new(hash, key);
        }
        Ok(())
    }

    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        self.set_add_hashed(s.obj().expect("set"), key, hash)
    }

    pub fn set_contains(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let hash = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // A set as a key is looked up as the equal frozenset.
                if matches!(key, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Set(_))) {
                    let items: Vec<Value> = self.table(key.obj().expect("set")).iter().collect();
                    let f = self.new_frozenset(items)?;
                    return self.set_contains(s, f);
                }
                return Err(e);
            }
        };
        Ok(self.set_find(s, key, hash)?.is_some())
    }

    /// Remove `key`; false if absent.
    pub fn set_discard(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let hash = self.hash(key)?;
        match self.set_find(s, key, hash)? {
            Some(i) => {
                self.table_mut(s).remove_slot(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `s.update(iterable)` with CPython's fast paths for sets and dicts.
    pub fn set_update(&mut self, s: Value, it: Value) -> PyResult<()> {
        let sr = s.obj().expect("set");
        if let Value::Obj(o) = it {
            if o == sr {
                return Ok(());
            }
            match self.heap.kind(o) {
                Kind::Set(other) | Kind::FrozenSet(other) => {
                    let other = (**other).clone();
                    if !self.table_mut(sr).merge_into_empty(&other) {
                        for (h, k) in other.iter_with_hash() {
                            self.set_add_hashed(sr, k, h)?;
                        }
                    }
                    return Ok(());
                }
                Kind::Dict(d) => {
                    let entries: Vec<(i64, Value)> = d.iter().map(|e| (e.hash, e.key)).collect();
                    self.table_mut(sr).reserve_for(entries.len());
                    for (h, k) in entries {
                        self.set_add_hashed(sr, k, h)?;
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        for v in self.iterate(it)? {
            self.set_add(s, v)?;
        }
        Ok(())
    }

    pub fn new_set_from(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let c = self.types.set;
        let s = Value::Obj(self.heap.alloc(c, Kind::Set(Box::new(SetTable::new()))));
        for v in items {
            self.set_add(s, v)?;
        }
        Ok(s)
    }

    pub fn new_frozenset(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = self.new_set_from(items)?;
        let r = s.obj().expect("set");
        let t = std::mem::take(self.table_mut(r));
        let c = self.types.frozenset;
        Ok(Value::Obj(self.heap.alloc(c, Kind::FrozenSet(Box::new(t)))))
    }

    /// A new set or frozenset (same class as `like`) from a table.
    fn set_like(&mut self, like: Value, t: SetTable) -> Value {
        let frozen = matches!(like, Value::Obj(r) if matches!(self.heap.kind(r), Kind::FrozenSet(_)));
        if frozen {
            let c = self.types.frozenset;
            Value::Obj(self.heap.alloc(c, Kind::FrozenSet(Box::new(t))))
        } else {
            let c = self.types.set;
            Value::Obj(self.heap.alloc(c, Kind::Set(Box::new(t))))
        }
    }

    pub(crate) fn set_items(&self, s: Value) -> Vec<Value> {
        match s {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Set(t) | Kind::FrozenSet(t) => t.iter().collect(),
                _ => vec![],
            },
            _ => vec![],
        }
    }
}

/// A set of the items of any iterable (sets are used directly).
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_set_like(v) {
        return Ok(v);
    }
    let items = vm.iterate(v)?;
    vm.new_set_from(items)
}

fn copy_table(vm: &Vm, v: Value) -> SetTable {
    let mut t = SetTable::new();
    let src = vm.table(v.obj().expect("set")).clone();
    t.merge_into_empty(&src);
    t
}

/// set `op` set, producing a new set (the binary operators and the named methods).
pub fn set_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let ar = a.obj().expect("set");
    match op {
        BinOp::Or => {
            let t = copy_table(vm, a);
            let r = vm.set_like(a, t);
            vm.set_update(r, b)?;
            Ok(r)
        }
        BinOp::And => {
            // CPython iterates over the smaller set and inserts those in the other.
            let (small, big) = if vm.table(b.obj().expect("set")).len() > vm.table(ar).len() { (a, b) } else { (b, a) };
            let items: Vec<(i64, Value)> = vm.table(small.obj().expect("set")).iter_with_hash().collect();
            let r = vm.set_like(a, SetTable::new());
            let br = big.obj().expect("set");
            for (h, k) in items {
                if vm.set_find(br, k, h)?.is_some() {
                    vm.set_add_hashed(r.obj().expect("set"), k, h)?;
                }
            }
            Ok(r)
        }
        BinOp::Sub => {
            let items: Vec<(i64, Value)> = vm.table(ar).iter_with_hash().collect();
            let r = vm.set_like(a, SetTable::new());
            let br = b.obj().expect("set");
            for (h, k) in items {
                if vm.set_find(br, k, h)?.is_none() {
                    vm.set_add_hashed(r.obj().expect("set"), k, h)?;
                }
            }
            Ok(r)
        }
        _ => {
            let t = copy_table(vm, a);
            let r = vm.set_like(a, t);
            let rr = r.obj().expect("set");
            let items: Vec<(i64, Value)> = vm.table(b.obj().expect("set")).iter_with_hash().collect();
            for (h, k) in items {
                match vm.set_find(rr, k, h)? {
                    Some(i) => {
                        vm.table_mut(rr).remove_slot(i);
                    }
                    None => vm.table_mut(rr).insert_new(h, k),
                }
            }
            Ok(r)
        }
    }
}

/// The in-place operators `|= &= -= ^=` on a set.
pub fn set_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let ar = a.obj().expect("set");
    match op {
        BinOp::Or => vm.set_update(a, b)?,
        BinOp::Sub => {
            for k in vm.set_items(b) {
                vm.set_discard(ar, k)?;
            }
        }
        _ => {
            let r = set_binop(vm, a, b, op)?;
            let t = std::mem::take(vm.table_mut(r.obj().expect("set")));
            *vm.table_mut(ar) = t;
        }
    }
    Ok(a)
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v) if vm.is_set_like(*v) => Ok(*v),
        _ => Err(vm.new_type_error("descriptor requires a 'set' object".into())),
    }
}

fn method_binop(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut acc = {
        let t = copy_table(vm, s);
        vm.set_like(s, t)
    };
    if args.len() == 1 && op == BinOp::And {
        return Ok(acc);
    }
    for other in &args[1..] {
        let o = as_set(vm, *other)?;
        acc = set_binop(vm, acc, o, op)?;
    }
    Ok(acc)
}
fn s_union(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    method_binop(vm, args, BinOp::Or)
}
fn s_intersection(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    method_binop(vm, args, BinOp::And)
}
fn s_difference(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    method_binop(vm, args, BinOp::Sub)
}
fn s_symmetric_difference(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("symmetric_difference", &args[1..], 1, 1)?;
    method_binop(vm, args, BinOp::Xor)
}

fn inplace_method(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let s = this(vm, args)?;
    for other in &args[1..] {
        let o = as_set(vm, *other)?;
        set_inplace(vm, s, o, op)?;
    }
    Ok(Value::None)
}
fn s_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    for other in &args[1..] {
        vm.set_update(s, *other)?;
    }
    Ok(Value::None)
}
fn s_intersection_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    inplace_method(vm, args, BinOp::And)
}
fn s_difference_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    inplace_method(vm, args, BinOp::Sub)
}
fn s_symmetric_difference_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    inplace_method(vm, args, BinOp::Xor)
}

fn s_add(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("set.add", &args[1..], 1, 1)?;
    vm.set_add(s, args[1])?;
    Ok(Value::None)
}
fn s_discard(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("set.discard", &args[1..], 1, 1)?;
    vm.set_discard(s.obj().expect("set"), args[1])?;
    Ok(Value::None)
}
fn s_remove(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("set.remove", &args[1..], 1, 1)?;
    if !vm.set_discard(s.obj().expect("set"), args[1])? {
        return Err(vm.new_key_error(args[1]));
    }
    Ok(Value::None)
}
fn s_pop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    match vm.table_mut(s.obj().expect("set")).pop() {
        Some(v) => Ok(v),
        None => Err(vm.new_error(vm.types.key_error, "pop from an empty set".into())),
    }
}
fn s_clear(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.table_mut(s.obj().expect("set")).clear();
    Ok(Value::None)
}
fn s_copy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    let t = copy_table(vm, s);
    Ok(vm.set_like(s, t))
}

fn subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let br = b.obj().expect("set");
    if vm.table(a.obj().expect("set")).len() > vm.table(br).len() {
        return Ok(false);
    }
    for k in vm.set_items(a) {
        if !vm.set_contains(br, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}
fn s_issubset(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("issubset", &args[1..], 1, 1)?;
    let o = as_set(vm, args[1])?;
    Ok(Value::Bool(subset(vm, s, o)?))
}
fn s_issuperset(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("issuperset", &args[1..], 1, 1)?;
    let o = as_set(vm, args[1])?;
    Ok(Value::Bool(subset(vm, o, s)?))
}
fn s_isdisjoint(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("isdisjoint", &args[1..], 1, 1)?;
    let sr = s.obj().expect("set");
    for k in vm.iterate(args[1])? {
        if vm.set_contains(sr, k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Comparisons between sets (subset order) for `native_compare`.
pub fn set_compare(vm: &mut Vm, a: Value, b: Value, op: revpy_compiler::opcodes::CmpOp) -> PyResult<bool> {
    use revpy_compiler::opcodes::CmpOp::*;
    let (la, lb) = (vm.set_items(a).len(), vm.set_items(b).len());
    Ok(match op {
        Eq => la == lb && subset(vm, a, b)?,
        Ne => !(la == lb && subset(vm, a, b)?),
        Le => subset(vm, a, b)?,
        Lt => la < lb && subset(vm, a, b)?,
        Ge => subset(vm, b, a)?,
        Gt => la > lb && subset(vm, b, a)?,
    })
}

fn set_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    if vm.is_subclass_ref(cls, vm.types.frozenset) {
        let items = match args.get(1) {
            Some(v) => vm.iterate(*v)?,
            None => vec![],
        };
        let f = vm.new_frozenset(items)?;
        if cls == vm.types.frozenset {
            return Ok(f);
        }
        let t = std::mem::take(vm.table_mut(f.obj().expect("set")));
        return Ok(Value::Obj(vm.heap.alloc(cls, Kind::FrozenSet(Box::new(t)))));
    }
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Set(Box::new(SetTable::new())))))
}
fn set_init(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    if matches!(s, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::FrozenSet(_))) {
        return Ok(Value::None);
    }
    vm.check_args("set", &args[1..], 0, 1)?;
    vm.table_mut(s.obj().expect("set")).clear();
    if let Some(v) = args.get(1) {
        vm.set_update(s, *v)?;
    }
    Ok(Value::None)
}

pub fn register(vm: &mut Vm) {
    for c in [vm.types.set, vm.types.frozenset] {
        vm.add_staticmethod(c, "__new__", set_new);
        let methods: &[(&'static str, crate::heap::NativeFn)] = &[
            ("union", s_union),
            ("intersection", s_intersection),
            ("difference", s_difference),
            ("symmetric_difference", s_symmetric_difference),
            ("issubset", s_issubset),
            ("issuperset", s_issuperset),
            ("isdisjoint", s_isdisjoint),
            ("copy", s_copy),
        ];
        for (n, f) in methods {
            vm.add_method(c, n, *f);
        }
    }
    let c = vm.types.set;
    let methods: &[(&'static str, crate::heap::NativeFn)] = &[
        ("__init__", set_init),
        ("add", s_add),
        ("discard", s_discard),
        ("remove", s_remove),
        ("pop", s_pop),
        ("clear", s_clear),
        ("update", s_update),
        ("intersection_update", s_intersection_update),
        ("difference_update", s_difference_update),
        ("symmetric_difference_update", s_symmetric_difference_update),
    ];
    for (n, f) in methods {
        vm.add_method(c, n, *f);
    }
}

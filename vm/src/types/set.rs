//! `set` and `frozenset`: operations in CPython's order of insertion so that
//! iteration order matches CPython.

use crate::args::{Arity, NativeDef};
use crate::interp::{Drain, DrainMode};
use crate::object::dict_table::Probe;
use crate::object::set_table::SetTable;
use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::BinOp;

use crate::Kw;

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
        // Keys that compare without Python code (ints, strs, ...): one monomorphic probe.
        {
            let vm = &*self;
            let slow = std::cell::Cell::new(false);
            let r = vm.table(s).find_with(hash, key, |k| match (k, key) {
                // Equal hashes of two small ints mean equal ints.
                (Value::Int(a), Value::Int(b)) => a == b,
                _ => match vm.simple_eq(k, key) {
                    Some(b) => b,
                    None => {
                        slow.set(true);
                        false
                    }
                },
            });
            if !slow.get() {
                return Ok(r);
            }
        }
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
                Ok(
                    match vm.table(s).probe(hash, key, &mut |k| {
                        answers
                            .iter()
                            .find(|(c, _)| c.is(k))
                            .map(|(_, e)| *e)
                            .or(Some(false))
                    }) {
                        Probe::Found(i) => Some(i),
                        _ => None,
                    },
                )
            }
        }
    }

    fn set_add_hashed(&mut self, s: ObjRef, key: Value, hash: i64) -> PyResult<()> {
        if self.set_find(s, key, hash)?.is_none() {
            self.table_mut(s).insert_new(hash, key);
            self.heap.charge(2 * crate::object::SET_SLOT_BYTES);
        }
        Ok(())
    }

    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        self.set_add_hashed(s.obj().expect("set"), key, hash)
    }

    /// The key to look up and its hash: an unhashable set is looked up as the equal
    /// frozenset (CPython's `set_contains_key` and `set_discard_key`); any other
    /// unhashable key raises.
    fn set_key_hash(&mut self, key: Value) -> PyResult<(Value, i64)> {
        match self.hash(key) {
            Ok(h) => Ok((key, h)),
            Err(e) => {
                if matches!(key, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Set(_))) {
                    let items: Vec<Value> = self.table(key.obj().expect("set")).iter().collect();
                    let f = self.new_frozenset(items)?;
                    return Ok((f, self.hash(f)?));
                }
                Err(e)
            }
        }
    }

    pub fn set_contains(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let (key, hash) = self.set_key_hash(key)?;
        Ok(self.set_find(s, key, hash)?.is_some())
    }

    /// Remove `key`; false if absent (`discard` and `remove`).
    pub fn set_discard(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let (key, hash) = self.set_key_hash(key)?;
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
                Kind::Dict(d) if self.heap.get(o).class == self.types.dict => {
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
        if let Some(g) = self.as_generator(it) {
            if self.table(sr).is_empty() {
                return self.set_update_from_generator(s, g);
            }
        }
        for v in self.iterate(it)? {
            self.set_add(s, v)?;
        }
        Ok(())
    }

    /// `set(g)` of a generator: each value is added before the generator resumes,
    /// as CPython does (an `__hash__` written in Python runs between two items). The
    /// generator is drained (`interp/drain.rs`) while it yields values whose hashing
    /// runs no Python code; after any other value, it is resumed item by item.
    fn set_update_from_generator(&mut self, s: Value, g: ObjRef) -> PyResult<()> {
        self.temp_roots.push(Value::Obj(g));
        let mut d = Drain::new(DrainMode::Hashable);
        loop {
            let next = self.drain_generator(g, &mut d, true)?;
            for v in std::mem::take(&mut d.items) {
                self.set_add(s, v)?;
            }
            let Some(v) = next else {
                return Ok(());
            };
            let simple = self.hash_is_native(v);
            self.set_add(s, v)?;
            if !simple {
                break;
            }
        }
        // The set may now hold keys whose equality runs Python code.
        while let Some(v) = self.iter_next(Value::Obj(g))? {
            self.set_add(s, v)?;
        }
        Ok(())
    }

    pub fn new_set_from(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let c = self.types.set;
        let s = Value::Obj(self.heap.alloc(c, Kind::Set(Box::default())));
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
        let frozen =
            matches!(like, Value::Obj(r) if matches!(self.heap.kind(r), Kind::FrozenSet(_)));
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

fn is_exact_dict(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Dict(_)) && vm.heap.get(r).class == vm.types.dict)
}

/// CPython's `set_intersection(so, other)`: a new set of the same type as `so`.
fn intersection(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let ar = a.obj().expect("set");
    if a.is(b) {
        let t = copy_table(vm, a);
        return Ok(vm.set_like(a, t));
    }
    let r = vm.set_like(a, SetTable::new());
    let rr = r.obj().expect("set");
    if vm.is_set_like(b) {
        // Iterate over the smaller set, looking each key up in the larger.
        let br = b.obj().expect("set");
        let (small, big) = if vm.table(br).len() > vm.table(ar).len() {
            (ar, br)
        } else {
            (br, ar)
        };
        let items: Vec<(i64, Value)> = vm.table(small).iter_with_hash().collect();
        for (h, k) in items {
            if vm.set_find(big, k, h)?.is_some() {
                vm.set_add_hashed(rr, k, h)?;
            }
        }
        return Ok(r);
    }
    vm.temp_roots.push(r);
    let res = (|| {
        for k in vm.iterate(b)? {
            let h = vm.hash(k)?;
            if vm.set_find(ar, k, h)?.is_some() {
                vm.set_add_hashed(rr, k, h)?;
            }
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    res.map(|_| r)
}

/// CPython's `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, a: Value, b: Value) -> PyResult<()> {
    let ar = a.obj().expect("set");
    if a.is(b) {
        vm.table_mut(ar).clear();
        return Ok(());
    }
    let keys: Vec<Value> = if vm.is_set_like(b) {
        vm.set_items(b)
    } else {
        vm.iterate(b)?
    };
    for k in keys {
        vm.set_discard(ar, k)?;
    }
    Ok(())
}

/// CPython's `set_difference(so, other)`.
fn difference(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let ar = a.obj().expect("set");
    let other_size = if vm.is_set_like(b) {
        Some(vm.table(b.obj().expect("set")).len())
    } else if is_exact_dict(vm, b) {
        Some(vm.dict_len(b.obj().expect("dict")))
    } else {
        None
    };
    match other_size {
        Some(n) if (vm.table(ar).len() >> 2) <= n => {
            let items: Vec<(i64, Value)> = vm.table(ar).iter_with_hash().collect();
            let r = vm.set_like(a, SetTable::new());
            let rr = r.obj().expect("set");
            let br = b.obj().expect("container");
            let b_is_set = vm.is_set_like(b);
            for (h, k) in items {
                let present = if b_is_set {
                    vm.set_find(br, k, h)?.is_some()
                } else {
                    vm.dict_get(br, k)?.is_some()
                };
                if !present {
                    vm.set_add_hashed(rr, k, h)?;
                }
            }
            Ok(r)
        }
        _ => {
            // Copy, then discard what the other holds.
            let t = copy_table(vm, a);
            let r = vm.set_like(a, t);
            vm.temp_roots.push(r);
            let res = difference_update(vm, r, b);
            vm.temp_roots.pop();
            res.map(|_| r)
        }
    }
}

/// CPython's `set_symmetric_difference_update(so, other)`.
fn symmetric_difference_update(vm: &mut Vm, a: Value, b: Value) -> PyResult<()> {
    let ar = a.obj().expect("set");
    if a.is(b) {
        vm.table_mut(ar).clear();
        return Ok(());
    }
    let entries: Vec<(i64, Value)> = if is_exact_dict(vm, b) {
        match vm.heap.kind(b.obj().expect("dict")) {
            Kind::Dict(d) => d.iter().map(|e| (e.hash, e.key)).collect(),
            _ => vec![],
        }
    } else if vm.is_set_like(b) {
        vm.table(b.obj().expect("set")).iter_with_hash().collect()
    } else {
        let tmp = vm.set_like(a, SetTable::new());
        vm.set_update(tmp, b)?;
        vm.table(tmp.obj().expect("set")).iter_with_hash().collect()
    };
    for (h, k) in entries {
        match vm.set_find(ar, k, h)? {
            Some(i) => {
                vm.table_mut(ar).remove_slot(i);
            }
            None => vm.set_add_hashed(ar, k, h)?,
        }
    }
    Ok(())
}

/// set `op` set, producing a new set (the binary operators), as CPython's set_or,
/// set_and, set_sub and set_xor.
pub fn set_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Or => {
            let t = copy_table(vm, a);
            let r = vm.set_like(a, t);
            vm.set_update(r, b)?;
            Ok(r)
        }
        BinOp::And => intersection(vm, a, b),
        BinOp::Sub => difference(vm, a, b),
        _ => {
            // A copy of the other set (with the type of `a`), updated with `a`.
            let t = copy_table(vm, b);
            let r = vm.set_like(a, t);
            symmetric_difference_update(vm, r, a)?;
            Ok(r)
        }
    }
}

fn is_view_set(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::DictView(_, w) if *w != 1))
}

/// CPython's `dictviews_to_set`: a new set of a view's (or any iterable's) items; a
/// keys view of an exact dict takes the dict fast path of `set_update`.
fn view_to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let mut src = v;
    if let Value::Obj(r) = v {
        if let Kind::DictView(d, 0) = vm.heap.kind(r) {
            let d = Value::Obj(*d);
            if is_exact_dict(vm, d) {
                src = d;
            }
        }
    }
    let s = vm.set_like(Value::None, SetTable::new());
    vm.temp_roots.push(s);
    let r = vm.set_update(s, src);
    vm.temp_roots.pop();
    r.map(|_| s)
}

/// `a op b` where `a` or `b` is a keys or items view (CPython's dictviews_or, _and,
/// _sub and _xor: a set built from the left operand, updated in place).
pub fn dictview_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if op == BinOp::And {
        let (mut view, mut other) = if is_view_set(vm, a) { (a, b) } else { (b, a) };
        let len_view = vm.len(view)?;
        let other_is_set = matches!(other, Value::Obj(r) if vm.heap.get(r).class == vm.types.set);
        if other_is_set && len_view <= vm.len(other)? {
            return intersection(vm, other, view);
        }
        if is_view_set(vm, other) && vm.len(other)? > len_view {
            std::mem::swap(&mut view, &mut other);
        }
        let r = vm.set_like(Value::None, SetTable::new());
        vm.temp_roots.push(r);
        let res = (|| {
            for k in vm.iterate(other)? {
                if vm.contains(view, k)? {
                    vm.set_add(r, k)?;
                }
            }
            Ok(())
        })();
        vm.temp_roots.pop();
        return res.map(|_| r);
    }
    let s = view_to_set(vm, a)?;
    vm.temp_roots.push(s);
    let res = match op {
        BinOp::Or => vm.set_update(s, b),
        BinOp::Sub => difference_update(vm, s, b),
        _ => symmetric_difference_update(vm, s, b),
    };
    vm.temp_roots.pop();
    res.map(|_| s)
}

/// The in-place operators `|= &= -= ^=` on a set.
pub fn set_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let ar = a.obj().expect("set");
    match op {
        BinOp::Or => vm.set_update(a, b)?,
        BinOp::Sub => difference_update(vm, a, b)?,
        BinOp::Xor => symmetric_difference_update(vm, a, b)?,
        _ => {
            let r = intersection(vm, a, b)?;
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

fn s_union(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    let t = copy_table(vm, s);
    let r = vm.set_like(s, t);
    for other in &args[1..] {
        if !other.is(s) {
            vm.set_update(r, *other)?;
        }
    }
    Ok(r)
}
fn s_intersection(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    if args.len() == 1 {
        let t = copy_table(vm, s);
        return Ok(vm.set_like(s, t));
    }
    let mut acc = s;
    for other in &args[1..] {
        acc = intersection(vm, acc, *other)?;
    }
    Ok(acc)
}
fn s_difference(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    if args.len() == 1 {
        let t = copy_table(vm, s);
        return Ok(vm.set_like(s, t));
    }
    let r = difference(vm, s, args[1])?;
    for other in &args[2..] {
        difference_update(vm, r, *other)?;
    }
    Ok(r)
}
fn s_symmetric_difference(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("symmetric_difference", &args[1..], 1, 1)?;
    let r = vm.set_like(s, SetTable::new());
    vm.set_update(r, args[1])?;
    symmetric_difference_update(vm, r, s)?;
    Ok(r)
}

fn s_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    for other in &args[1..] {
        vm.set_update(s, *other)?;
    }
    Ok(Value::None)
}
fn s_intersection_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    let r = s_intersection(vm, args, kw)?;
    let t = std::mem::take(vm.table_mut(r.obj().expect("set")));
    *vm.table_mut(s.obj().expect("set")) = t;
    Ok(Value::None)
}
fn s_difference_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    for other in &args[1..] {
        difference_update(vm, s, *other)?;
    }
    Ok(Value::None)
}
fn s_symmetric_difference_update(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    vm.check_args("symmetric_difference_update", &args[1..], 1, 1)?;
    symmetric_difference_update(vm, s, args[1])?;
    Ok(Value::None)
}

/// `set.add` and `set.discard`, for the CALL instructions' fast paths
/// (`interp/call_native.rs`).
pub(crate) const S_ADD: crate::object::NativeFn = s_add;
pub(crate) const S_DISCARD: crate::object::NativeFn = s_discard;

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
pub fn set_compare(
    vm: &mut Vm,
    a: Value,
    b: Value,
    op: revpy_compiler::opcodes::CmpOp,
) -> PyResult<bool> {
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

fn set_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    if cls == vm.types.frozenset {
        vm.no_kwargs("frozenset", kw)?;
    }
    if vm.is_subclass_ref(cls, vm.types.frozenset) {
        if let Some(v) = args.get(1) {
            // frozenset(f) is f itself for an exact frozenset.
            if cls == vm.types.frozenset
                && matches!(v, Value::Obj(r) if vm.heap.get(*r).class == cls)
            {
                return Ok(*v);
            }
        }
        let tmp = vm.new_set_from(vec![])?;
        if let Some(v) = args.get(1) {
            vm.temp_roots.push(tmp);
            let r = vm.set_update(tmp, *v);
            vm.temp_roots.pop();
            r?;
        }
        let t = std::mem::take(vm.table_mut(tmp.obj().expect("set")));
        return Ok(Value::Obj(vm.heap.alloc(cls, Kind::FrozenSet(Box::new(t)))));
    }
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Set(Box::default()))))
}
fn set_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(vm, args)?;
    if matches!(s, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::FrozenSet(_))) {
        return Ok(Value::None);
    }
    vm.no_kwargs("set", kw)?;
    vm.check_args("set", &args[1..], 0, 1)?;
    vm.table_mut(s.obj().expect("set")).clear();
    if let Some(v) = args.get(1) {
        vm.set_update(s, *v)?;
    }
    Ok(Value::None)
}

pub fn register(vm: &mut Vm) {
    for c in [vm.types.set, vm.types.frozenset] {
        vm.add_staticmethod(c, "__new__", set_new, Arity::any().kw());
        let methods: &[NativeDef] = &[
            ("union", s_union, Arity::any()),
            ("intersection", s_intersection, Arity::any()),
            ("difference", s_difference, Arity::any()),
            (
                "symmetric_difference",
                s_symmetric_difference,
                Arity::exactly(1),
            ),
            ("issubset", s_issubset, Arity::exactly(1)),
            ("issuperset", s_issuperset, Arity::exactly(1)),
            ("isdisjoint", s_isdisjoint, Arity::exactly(1)),
            ("copy", s_copy, Arity::none()),
        ];
        vm.add_methods(c, methods);
    }
    let c = vm.types.set;
    let methods: &[NativeDef] = &[
        ("__init__", set_init, Arity::any().kw()),
        ("add", s_add, Arity::exactly(1)),
        ("discard", s_discard, Arity::exactly(1)),
        ("remove", s_remove, Arity::exactly(1)),
        ("pop", s_pop, Arity::none()),
        ("clear", s_clear, Arity::none()),
        ("update", s_update, Arity::any()),
        ("intersection_update", s_intersection_update, Arity::any()),
        ("difference_update", s_difference_update, Arity::any()),
        (
            "symmetric_difference_update",
            s_symmetric_difference_update,
            Arity::exactly(1),
        ),
    ];
    vm.add_methods(c, methods);
}

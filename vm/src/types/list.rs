//! `list`; its sort is CPython's timsort (`crate::protocols::sort`).

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

use crate::Kw;

impl Vm {
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        let c = self.types.list;
        Value::Obj(self.heap.alloc(c, Kind::List(items)))
    }

    pub fn list_items(&self, v: Value) -> Vec<Value> {
        self.tuple_items(v)
    }

    /// `l.append(v)`; `MemoryError` if the list cannot grow (see `limits`).
    pub fn list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(r) = l {
            if let Some(items) = self.heap.list_for_append(r) {
                if items.len() < items.capacity() {
                    items.push(v);
                    self.heap.charge(16);
                    return Ok(());
                }
                return self.list_grow_push(r, v);
            }
        }
        Ok(())
    }

    /// Append to a full list: grow it within the allocation limit. Only appends
    /// (`Heap::list_for_append`): the items stay as they were, one more at the end.
    /// (Grown in place, as `reserve_vec` checks it: every comprehension's list
    /// grows a few times.)
    #[cold]
    fn list_grow_push(&mut self, r: ObjRef, v: Value) -> PyResult<()> {
        let Kind::List(items) = self.heap.kind(r) else {
            return Ok(());
        };
        let Some(n) = items.len().checked_add(1) else {
            return Err(self.memory_error());
        };
        self.check_alloc(n, std::mem::size_of::<Value>())?;
        let Some(items) = self.heap.list_for_append(r) else {
            return Ok(());
        };
        if items.try_reserve(1).is_err() {
            return Err(self.memory_error());
        }
        items.push(v);
        self.heap.charge(16);
        Ok(())
    }

    pub fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        let items = self.iterate(it)?;
        if let Value::Obj(r) = l {
            // Appends only (`Heap::list_for_append`).
            let Some(dst) = self.heap.list_for_append(r) else {
                return Ok(());
            };
            let mut dst = std::mem::take(dst);
            let grown = self.reserve_vec(&mut dst, items.len());
            if grown.is_ok() {
                self.heap.charge(16 * items.len() as u64);
                dst.extend(items);
            }
            if let Some(slot) = self.heap.list_for_append(r) {
                *slot = dst;
            }
            grown?;
        }
        Ok(())
    }

    fn list_ref(&mut self, v: Value, name: &str) -> PyResult<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::List(_)) => Ok(r),
            _ => Err(self.new_type_error(format!(
                "descriptor '{name}' for 'list' objects doesn't apply"
            ))),
        }
    }

    fn list_mut(&mut self, r: ObjRef) -> &mut Vec<Value> {
        match self.heap.kind_mut(r) {
            Kind::List(v) => v,
            _ => unreachable!("checked list"),
        }
    }

    /// Sort values in place as CPython's `list.sort` (see `crate::protocols::sort`): keys computed
    /// once, stable, `reverse` keeping stability. The items and keys stay GC roots
    /// while Python code (keys, `__lt__`) runs.
    pub fn sort_values(
        &mut self,
        items: &mut Vec<Value>,
        key: Value,
        reverse: bool,
    ) -> PyResult<()> {
        let mark = self.temp_roots.len();
        self.temp_roots.extend_from_slice(items);
        let r = self.sort_values_rooted(items, key, reverse);
        self.temp_roots.truncate(mark);
        r
    }

    fn sort_values_rooted(
        &mut self,
        items: &mut Vec<Value>,
        key: Value,
        reverse: bool,
    ) -> PyResult<()> {
        let keys = if key.is_none() {
            None
        } else {
            let mut ks = Vec::with_capacity(items.len());
            for &it in items.iter() {
                let k = self.call_rooted(key, &[it])?;
                self.temp_roots.push(k);
                ks.push(k);
            }
            Some(ks)
        };
        crate::protocols::sort::list_sort(self, items, keys, reverse)
    }
}

pub(crate) fn l_append(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("list.append", &args[1..], 1, 1)?;
    let r = vm.list_ref(args[0], "append")?;
    vm.list_append(Value::Obj(r), args[1])?;
    Ok(Value::None)
}
fn l_extend(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("list.extend", &args[1..], 1, 1)?;
    vm.list_ref(args[0], "extend")?;
    vm.list_extend(args[0], args[1])?;
    Ok(Value::None)
}
/// `list.pop`, for the CALL fast path's identity test (`interp/call_fast.rs`).
pub(crate) const L_POP: crate::object::NativeFn = l_pop;

fn l_pop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("pop", &args[1..], 0, 1)?;
    let r = vm.list_ref(args[0], "pop")?;
    let len = vm.list_mut(r).len() as i64;
    if len == 0 {
        return Err(vm.new_index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(v) => vm.expect_int(*v, "")?,
        None => -1,
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(vm.new_index_error("pop index out of range"));
    }
    Ok(vm.list_mut(r).remove(i as usize))
}
fn l_insert(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("insert", &args[1..], 2, 2)?;
    let r = vm.list_ref(args[0], "insert")?;
    let len = vm.list_mut(r).len() as i64;
    let i = vm.expect_int(args[1], "")?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    vm.list_mut(r).insert(i as usize, args[2]);
    Ok(Value::None)
}
fn l_remove(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("list.remove", &args[1..], 1, 1)?;
    let r = vm.list_ref(args[0], "remove")?;
    let items = vm.list_mut(r).clone();
    for (i, it) in items.iter().enumerate() {
        if vm.eq(*it, args[1])? {
            vm.list_mut(r).remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.new_value_error("list.remove(x): x not in list".into()))
}
fn l_clear(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = vm.list_ref(args[0], "clear")?;
    vm.list_mut(r).clear();
    Ok(Value::None)
}
fn l_copy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = vm.list_ref(args[0], "copy")?;
    let items = vm.list_mut(r).clone();
    Ok(vm.new_list(items))
}
fn l_reverse(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = vm.list_ref(args[0], "reverse")?;
    vm.list_mut(r).reverse();
    Ok(Value::None)
}
fn l_sort(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("sort", ["key", "reverse"]).positional(0);
    let [key, rev] = SPEC.parse(vm, &args[1..], kw)?;
    let r = vm.list_ref(args[0], "sort")?;
    let key = key.unwrap_or(Value::None);
    let rev = match rev {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut items = std::mem::take(vm.list_mut(r));
    let res = vm.sort_values(&mut items, key, rev);
    let during = std::mem::replace(vm.list_mut(r), items);
    res?;
    if !during.is_empty() {
        return Err(vm.new_value_error("list modified during sort".into()));
    }
    Ok(Value::None)
}
fn l_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::List(vec![]))))
}
fn l_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("list", kw)?;
    vm.check_args("list", &args[1..], 0, 1)?;
    let r = vm.list_ref(args[0], "__init__")?;
    let items = match args.get(1) {
        Some(v) => vm.iterate_sized(*v)?,
        None => vec![],
    };
    vm.heap.charge(16 * items.len() as u64);
    *vm.list_mut(r) = items;
    Ok(Value::None)
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.list;
    vm.add_staticmethod(c, "__new__", l_new, Arity::any().kw());
    let methods: &[NativeDef] = &[
        ("__init__", l_init, Arity::any().kw()),
        ("append", l_append, Arity::exactly(1)),
        ("extend", l_extend, Arity::exactly(1)),
        ("pop", l_pop, Arity::range(0, 1)),
        ("insert", l_insert, Arity::exactly(2)),
        ("remove", l_remove, Arity::exactly(1)),
        ("clear", l_clear, Arity::none()),
        ("copy", l_copy, Arity::none()),
        ("reverse", l_reverse, Arity::none()),
        ("sort", l_sort, Arity::parsed()),
        ("count", crate::types::tuple::seq_count, Arity::exactly(1)),
        ("index", crate::types::tuple::seq_index, Arity::range(1, 3)),
    ];
    vm.add_methods(c, methods);
    let d = vm.class_data(c).dict;
    vm.mark_gc_safe(d, "__init__");
    // Its items are rooted while the key function runs (`sort_values`).
    vm.mark_gc_safe(d, "sort");
}

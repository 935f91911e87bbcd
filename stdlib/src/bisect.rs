//! `_bisect`: `bisect_left`, `bisect_right`, `insort_left` and `insort_right` in Rust,
//! as CPython's `Modules/_bisectmodule.c`: the same probes (`mid = (lo + hi) // 2`,
//! `item < a[mid]` or `a[mid] < item`, the key called on `a[mid]` each time), items
//! read with the sequence protocol (a list directly, anything else through
//! `__getitem__`), `insert` called on a non-list, and CPython's argument errors.

use revpy_vm::{Arity, Kind, Kw, KwSpec, ObjRef, PyResult, Value, Vm};

struct Args {
    a: Value,
    x: Value,
    lo: i64,
    /// `None` for the sequence's length.
    hi: Option<i64>,
    key: Value,
}

fn parse(vm: &mut Vm, name: &'static str, args: &[Value], kw: Kw) -> PyResult<Args> {
    let spec: KwSpec<5> = KwSpec::new(name, ["a", "x", "lo", "hi", "key"])
        .required(2)
        .positional(4);
    let [a, x, lo, hi, key] = spec.parse(vm, args, kw)?;
    let lo = match lo {
        None => 0,
        Some(v) => match vm.index_of(v)? {
            Some(i) => i,
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    let hi = match hi {
        None | Some(Value::None) => None,
        Some(v) => match vm.index_of(v)? {
            // CPython's default is -1: an explicit -1 also means "the length".
            Some(-1) => None,
            Some(i) => Some(i),
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.new_type_error(format!("argument should be integer or None, not '{t}'"))
                );
            }
        },
    };
    Ok(Args {
        a: a.unwrap_or(Value::None),
        x: x.unwrap_or(Value::None),
        lo,
        hi,
        key: key.unwrap_or(Value::None),
    })
}

/// A list whose items can be read directly (its class does not override
/// `__getitem__`).
fn plain_list(vm: &mut Vm, a: Value) -> Option<ObjRef> {
    let r = a.obj()?;
    if !matches!(vm.heap.kind(r), Kind::List(_)) {
        return None;
    }
    let cls = vm.heap.get(r).class;
    if cls == vm.types.list {
        return Some(r);
    }
    let gi = vm.names.__getitem__;
    vm.user_override(cls, gi).is_none().then_some(r)
}

fn item(vm: &mut Vm, a: Value, list: Option<ObjRef>, i: i64) -> PyResult<Value> {
    if let Some(r) = list {
        if let Kind::List(v) = vm.heap.kind(r) {
            return match v.get(i as usize) {
                Some(x) => Ok(*x),
                None => Err(vm.new_index_error("list index out of range")),
            };
        }
    }
    vm.getitem(a, Value::Int(i))
}

fn search(vm: &mut Vm, a: &Args, x: Value, right: bool) -> PyResult<i64> {
    let mut lo = a.lo;
    if lo < 0 {
        return Err(vm.new_value_error("lo must be non-negative".into()));
    }
    let mut hi = match a.hi {
        Some(h) => h,
        None => vm.len(a.a)? as i64,
    };
    let list = plain_list(vm, a.a);
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut litem = item(vm, a.a, list, mid)?;
        if !a.key.is_none() {
            litem = vm.call(a.key, &[litem], &[])?;
        }
        let below = if right {
            vm.lt(x, litem)?
        } else {
            !vm.lt(litem, x)?
        };
        if below {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(vm, "bisect_right", args, kw)?;
    search(vm, &a, a.x, true).map(Value::Int)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(vm, "bisect_left", args, kw)?;
    search(vm, &a, a.x, false).map(Value::Int)
}

fn insort(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let probe = if a.key.is_none() {
        a.x
    } else {
        vm.call(a.key, &[a.x], &[])?
    };
    let index = search(vm, &a, probe, right)?;
    let exact =
        a.a.obj()
            .is_some_and(|r| vm.heap.get(r).class == vm.types.list);
    if exact {
        let r = a.a.obj().expect("a list");
        if let Kind::List(v) = vm.heap.kind_mut(r) {
            let at = (index.max(0) as usize).min(v.len());
            v.insert(at, a.x);
        }
        vm.heap.charge(16);
    } else {
        vm.call_method(a.a, "insert", &[Value::Int(index), a.x])?;
    }
    Ok(Value::None)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(vm, "insort_right", args, kw)?;
    insort(vm, a, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = parse(vm, "insort_left", args, kw)?;
    insort(vm, a, false)
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_bisect");
    let d = vm.module_dict(m);
    vm.add_function(d, "bisect_right", bisect_right, Arity::parsed());
    vm.add_function(d, "bisect_left", bisect_left, Arity::parsed());
    vm.add_function(d, "insort_right", insort_right, Arity::parsed());
    vm.add_function(d, "insort_left", insort_left, Arity::parsed());
    Ok(m)
}

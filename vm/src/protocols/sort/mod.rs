//! CPython 3.11's list sort (Objects/listobject.c, `list_sort_impl`), ported so that
//! the sequence of `<` comparisons is exactly CPython's: programs that print from
//! `__lt__` (or count calls) see the same thing under revpy.
//!
//! Timsort: natural runs found left to right (descending runs reversed), short runs
//! extended to `minrun` with binary insertion sort, runs merged by the powersort
//! policy (new in 3.11) with `merge_lo` / `merge_hi` and galloping. Keys are computed
//! once before sorting; `reverse=True` reverses before and after a forward sort so
//! the sort stays stable. When a comparison raises, the error propagates and the
//! items are left in whatever permutation the merge had reached, as in CPython.
//!
//! The pre-sort check of CPython picks specialised comparisons for homogeneous
//! keys. For built-in types they have no observable effect, but for instances of a
//! user class CPython calls the class's `__lt__` directly (and only on
//! `NotImplemented` goes through the full `a < b` protocol, calling `__lt__` again
//! and then the reflected `__gt__`); `Cmp` reproduces that, also for the first
//! items of tuple keys.

mod merge;

use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};
pub use merge::list_sort;

const MIN_GALLOP: usize = 7;

/// Which comparison the pre-sort check chose.
#[derive(Clone, Copy)]
enum Cmp {
    /// `PyObject_RichCompareBool(v, w, Py_LT)`.
    Safe,
    /// All keys are instances of one user class defining `__lt__` (the function).
    Object(Value),
    /// All keys are non-empty exact tuples; the first items compare with `Object(f)`
    /// when they are all instances of one user class defining `__lt__`.
    Tuple(Option<Value>),
}

fn object_lt(vm: &mut Vm, f: Value, v: Value, w: Value) -> PyResult<bool> {
    let r = vm.call_special(f, &[v, w])?;
    if r.is(vm.not_implemented) {
        return vm.lt(v, w);
    }
    match r {
        Value::Bool(b) => Ok(b),
        other => vm.truthy(other),
    }
}

impl Cmp {
    fn lt(self, vm: &mut Vm, v: Value, w: Value) -> PyResult<bool> {
        match self {
            Cmp::Safe => vm.lt(v, w),
            Cmp::Object(f) => object_lt(vm, f, v, w),
            Cmp::Tuple(elem) => {
                // unsafe_tuple_compare: the first differing position by `==`, then `<`.
                // Items are read in place (tuples do not change, the keys are rooted).
                let (Some((vt, vn)), Some((wt, wn))) = (exact_tuple(vm, v), exact_tuple(vm, w))
                else {
                    return vm.lt(v, w);
                };
                let mut i = 0;
                while i < vn && i < wn {
                    if !vm.eq(tuple_item(vm, vt, i), tuple_item(vm, wt, i))? {
                        break;
                    }
                    i += 1;
                }
                if i >= vn || i >= wn {
                    return Ok(vn < wn);
                }
                let (a, b) = (tuple_item(vm, vt, i), tuple_item(vm, wt, i));
                match (i, elem) {
                    (0, Some(f)) => object_lt(vm, f, a, b),
                    _ => vm.lt(a, b),
                }
            }
        }
    }
}

/// A non-empty exact tuple and its length.
fn exact_tuple(vm: &Vm, v: Value) -> Option<(crate::object::ObjRef, usize)> {
    let r = v.obj()?;
    if vm.heap.get(r).class != vm.types.tuple {
        return None;
    }
    match vm.heap.kind(r) {
        Kind::Tuple(items) if !items.is_empty() => Some((r, items.len())),
        _ => None,
    }
}

/// Item `i` (in range) of a tuple.
fn tuple_item(vm: &Vm, t: crate::object::ObjRef, i: usize) -> Value {
    match vm.heap.kind(t) {
        Kind::Tuple(items) => items[i],
        _ => Value::None,
    }
}

/// The pre-sort check: which comparison to use for these keys.
fn choose_cmp(vm: &mut Vm, keys: &[Value]) -> Cmp {
    if keys.len() < 2 {
        return Cmp::Safe;
    }
    let in_tuples = exact_tuple(vm, keys[0]).is_some();
    let mut firsts = Vec::with_capacity(keys.len());
    for k in keys {
        if in_tuples {
            match exact_tuple(vm, *k) {
                Some((t, _)) => firsts.push(tuple_item(vm, t, 0)),
                None => return Cmp::Safe,
            }
        } else {
            firsts.push(*k);
        }
    }
    let t0 = vm.type_of(firsts[0]);
    let same_type = firsts.iter().all(|v| vm.type_of(*v) == t0);
    let elem = if same_type && matches!(firsts[0], Value::Obj(_)) && !vm.class_data(t0).is_builtin {
        let name = vm.intern("__lt__");
        vm.user_override(t0, name)
    } else {
        None
    };
    if in_tuples {
        Cmp::Tuple(elem)
    } else {
        match elem {
            Some(f) => Cmp::Object(f),
            None => Cmp::Safe,
        }
    }
}

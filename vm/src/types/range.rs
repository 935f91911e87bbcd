//! `range`: construction, and the operations on ranges whose bounds or length do not
//! fit machine integers (`Kind::BigRange`, e.g. `range(10**20)`). Ranges that fit use
//! `Kind::Range` with i64 bounds, chosen so that iterating never overflows.

use crate::args::Arity;
use crate::object::{IterKind, Kind};
use crate::object::{ObjRef, Value};
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::Kw;

/// The number of items of range(a, b, c) (c != 0).
pub fn big_len(a: &BigInt, b: &BigInt, c: &BigInt) -> BigInt {
    let (lo, hi, step) = if c.is_positive() {
        (a, b, c.clone())
    } else {
        (b, a, -c)
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - 1u32) / step + 1u32
}

/// The length of `range(start, stop, step)` with machine-integer bounds.
pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

impl Vm {
    /// `bool(range)`: whether it is not empty.
    pub(crate) fn range_truthy(&self, r: ObjRef) -> bool {
        match self.heap.kind(r) {
            Kind::Range(a, b, c) => range_len(*a, *b, *c) > 0,
            _ => {
                let (a, b, c) = self.range_bounds(r).expect("range");
                big_len(&a, &b, &c).is_positive()
            }
        }
    }

    /// `x in range` for an int `x` (None: `x` is not an int, compare by equality).
    pub(crate) fn range_contains(&mut self, r: ObjRef, item: Value) -> PyResult<Option<bool>> {
        let Kind::Range(start, stop, step) = *self.heap.kind(r) else {
            return self.big_range_contains(r, item);
        };
        let Some(Num::I(i)) = self
            .num_of(item)
            .filter(|_| !matches!(item, Value::Float(_)))
        else {
            return self.big_range_contains(r, item);
        };
        let inrange = if step > 0 {
            i >= start && i < stop
        } else {
            i <= start && i > stop
        };
        Ok(Some(inrange && (i - start) % step == 0))
    }

    /// `range[key]` (`is_slice`: the key is a slice).
    pub(crate) fn range_getitem(
        &mut self,
        r: ObjRef,
        key: Value,
        is_slice: bool,
    ) -> PyResult<Value> {
        match *self.heap.kind(r) {
            // Machine-integer bounds and index; anything else (slices, big ints,
            // `__index__` objects, wrong types) as for big bounds.
            Kind::Range(a, b, c) if !is_slice && matches!(key, Value::Int(_) | Value::Bool(_)) => {
                let len = range_len(a, b, c) as usize;
                let i = self.seq_index(key, len, "range object")?;
                Ok(Value::Int(a + i as i64 * c))
            }
            _ => self.big_range_getitem(r, key),
        }
    }

    /// A range object: machine-int bounds when everything (length, bounds, one step
    /// past either end) fits, big bounds otherwise.
    pub fn new_range(&mut self, start: BigInt, stop: BigInt, step: BigInt) -> Value {
        let small = (|| {
            let (a, b, c) = (start.to_i64()?, stop.to_i64()?, step.to_i64()?);
            a.checked_add(c)?;
            b.checked_add(c)?;
            b.checked_sub(a)?;
            Some((a, b, c))
        })();
        let cls = self.types.range;
        let kind = match small {
            Some((a, b, c)) => Kind::Range(a, b, c),
            None => Kind::BigRange(Box::new([start, stop, step])),
        };
        Value::Obj(self.heap.alloc(cls, kind))
    }

    /// (start, stop, step) of a range object, as big ints.
    pub fn range_bounds(&self, r: ObjRef) -> Option<(BigInt, BigInt, BigInt)> {
        match self.heap.kind(r) {
            Kind::Range(a, b, c) => Some(((*a).into(), (*b).into(), (*c).into())),
            Kind::BigRange(p) => Some((p[0].clone(), p[1].clone(), p[2].clone())),
            _ => None,
        }
    }

    /// An integer operand as a big int (ints, bools, `__index__`); `None` if not one.
    pub fn index_big(&mut self, v: Value) -> PyResult<Option<BigInt>> {
        if matches!(v, Value::Float(_)) {
            return Ok(None);
        }
        match self.num_of(v) {
            Some(Num::I(i)) => return Ok(Some(i.into())),
            Some(Num::B(b)) => return Ok(Some(b)),
            Some(_) => return Ok(None),
            None => {}
        }
        // A class's `__index__` may return a big int: kept whole (`index_of` would
        // refuse it), for the caller to clamp or use as CPython does.
        if let Value::Obj(_) = v {
            let idx = self.names.__index__;
            if !self.class_data(self.type_of(v)).is_builtin {
                if let Some(f) = self.lookup_special(v, idx) {
                    let r = self.call_special(f, &[v])?;
                    if let Some(Num::B(b)) = self.num_of(r) {
                        return Ok(Some(b));
                    }
                    return Ok(self.index_of(r)?.map(BigInt::from));
                }
            }
        }
        Ok(self.index_of(v)?.map(BigInt::from))
    }

    /// `len(range)` for a big range: OverflowError when it does not fit.
    pub(crate) fn big_range_len(&mut self, r: ObjRef) -> PyResult<usize> {
        let (a, b, c) = self.range_bounds(r).expect("range");
        match big_len(&a, &b, &c).to_i64() {
            Some(n) => Ok(n as usize),
            None => Err(self.new_overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// `x in range` for a big range (ints only; other values compare by equality).
    pub(crate) fn big_range_contains(&mut self, r: ObjRef, item: Value) -> PyResult<Option<bool>> {
        if matches!(item, Value::Float(_))
            || !matches!(self.num_of(item), Some(Num::I(_) | Num::B(_)))
        {
            return Ok(None);
        }
        let Some(x) = self.index_big(item)? else {
            return Ok(None);
        };
        let (a, b, c) = self.range_bounds(r).expect("range");
        let inside = if c.is_positive() {
            x >= a && x < b
        } else {
            x <= a && x > b
        };
        Ok(Some(inside && ((x - a) % c).is_zero()))
    }

    /// `range[key]` for a big range.
    pub(crate) fn big_range_getitem(&mut self, r: ObjRef, key: Value) -> PyResult<Value> {
        if let Some(v) = self.small_range_slice(r, key) {
            return Ok(v);
        }
        let (a, b, c) = self.range_bounds(r).expect("range");
        let len = big_len(&a, &b, &c);
        if let Value::Obj(k) = key {
            if let Kind::Slice(sl) = self.heap.kind(k) {
                let [s0, s1, s2] = **sl;
                let (i, j, step) = self.big_slice_indices(s0, s1, s2, &len)?;
                return Ok(self.new_range(&a + &i * &c, &a + &j * &c, &c * step));
            }
        }
        let Some(i) = self.index_big(key)? else {
            let t = self.type_name(key);
            return Err(
                self.new_type_error(format!("range indices must be integers or slices, not {t}"))
            );
        };
        let i = if i.is_negative() { i + &len } else { i };
        if i.is_negative() || i >= len {
            return Err(self.new_index_error("range object index out of range"));
        }
        Ok(self.new_bigint(a + i * c))
    }

    /// `range[i:j:k]` of a machine-int range with int or None slice parts and a
    /// nonzero step: what the big-int path computes, in i128 (no part can overflow
    /// it: every bound is within i64 and the length at most 2**64). None for any
    /// other case.
    fn small_range_slice(&mut self, r: ObjRef, key: Value) -> Option<Value> {
        let Kind::Range(a, b, c) = *self.heap.kind(r) else {
            return None;
        };
        let Value::Obj(k) = key else { return None };
        let Kind::Slice(sl) = self.heap.kind(k) else {
            return None;
        };
        let part = |v: Value| match v {
            Value::None => Some(None),
            Value::Int(i) => Some(Some(i as i128)),
            _ => None,
        };
        let [s0, s1, s2] = **sl;
        let (start, stop, step) = (part(s0)?, part(s1)?, part(s2)?);
        let step = step.unwrap_or(1);
        if step == 0 {
            return None;
        }
        let len = range_len(a, b, c) as i128;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |x: i128| {
            if x < 0 {
                (x + len).max(lower)
            } else {
                x.min(upper)
            }
        };
        let (dstart, dstop) = if step < 0 {
            (upper, lower)
        } else {
            (lower, upper)
        };
        let i = start.map_or(dstart, fix);
        let j = stop.map_or(dstop, fix);
        let (a, c) = (a as i128, c as i128);
        let (na, nb, nc) = (a + i * c, a + j * c, c * step);
        // A machine-int range when `new_range` would make one (the same tests).
        let small = (|| {
            let (x, y, z) = (
                i64::try_from(na).ok()?,
                i64::try_from(nb).ok()?,
                i64::try_from(nc).ok()?,
            );
            x.checked_add(z)?;
            y.checked_add(z)?;
            y.checked_sub(x)?;
            Some((x, y, z))
        })();
        Some(match small {
            Some((x, y, z)) => {
                let cls = self.types.range;
                Value::Obj(self.heap.alloc(cls, Kind::Range(x, y, z)))
            }
            None => self.new_range(BigInt::from(na), BigInt::from(nb), BigInt::from(nc)),
        })
    }

    /// `slice.indices(len)` with big ints (CPython's `_PySlice_GetLongIndices`).
    fn big_slice_indices(
        &mut self,
        start: Value,
        stop: Value,
        step: Value,
        len: &BigInt,
    ) -> PyResult<(BigInt, BigInt, BigInt)> {
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<BigInt>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.index_big(v)? {
                Some(x) => Ok(Some(x)),
                None => Err(vm.new_type_error(
                    "slice indices must be integers or None or have an __index__ method".into(),
                )),
            }
        };
        let step = get(self, step)?.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return Err(self.new_value_error("slice step cannot be zero".into()));
        }
        let neg = step.is_negative();
        let (lower, upper) = if neg {
            (BigInt::from(-1), len - 1u32)
        } else {
            (BigInt::zero(), len.clone())
        };
        let fix = |x: BigInt| -> BigInt {
            if x.is_negative() {
                (x + len).max(lower.clone())
            } else {
                x.min(upper.clone())
            }
        };
        let start = match get(self, start)? {
            Some(x) => fix(x),
            None => {
                if neg {
                    upper.clone()
                } else {
                    lower.clone()
                }
            }
        };
        let stop = match get(self, stop)? {
            Some(x) => fix(x),
            None => {
                if neg {
                    lower.clone()
                } else {
                    upper.clone()
                }
            }
        };
        Ok((start, stop, step))
    }

    /// `repr(range)`.
    pub(crate) fn range_repr(&self, r: ObjRef) -> String {
        let (a, b, c) = self.range_bounds(r).expect("range");
        if c.is_one() {
            format!("range({a}, {b})")
        } else {
            format!("range({a}, {b}, {c})")
        }
    }

    /// `hash(range)`: the hash of (len, start, step), with None for what does not
    /// matter (CPython's range_hash).
    pub(crate) fn range_hash(&mut self, r: ObjRef) -> PyResult<i64> {
        let (a, b, c) = self.range_bounds(r).expect("range");
        let len = big_len(&a, &b, &c);
        let l = self.new_bigint(len.clone());
        let (s, st) = if len.is_zero() {
            (Value::None, Value::None)
        } else if len.is_one() {
            (self.new_bigint(a), Value::None)
        } else {
            (self.new_bigint(a), self.new_bigint(c))
        };
        let t = self.new_tuple(vec![l, s, st]);
        self.hash(t)
    }

    /// `range == range`: same sequence of values.
    pub(crate) fn range_eq(&self, x: ObjRef, y: ObjRef) -> bool {
        let (a1, b1, c1) = self.range_bounds(x).expect("range");
        let (a2, b2, c2) = self.range_bounds(y).expect("range");
        let (l1, l2) = (big_len(&a1, &b1, &c1), big_len(&a2, &b2, &c2));
        l1 == l2 && (l1.is_zero() || (a1 == a2 && (l1.is_one() || c1 == c2)))
    }

    /// An iterator over a big range (item by item through indexing), or over the
    /// reversed range.
    pub(crate) fn big_range_iter(&mut self, r: ObjRef, reverse: bool) -> PyResult<Value> {
        let target = if reverse {
            let (a, b, c) = self.range_bounds(r).expect("range");
            let len = big_len(&a, &b, &c);
            let last = &a + (len - 1u32) * &c;
            let v = self.new_range(last, &a - &c, -c);
            if let Value::Obj(nr) = v {
                if let Kind::Range(..) = self.heap.kind(nr) {
                    return self.get_iter_builtin(v);
                }
            }
            v.obj().expect("range")
        } else {
            r
        };
        let c = self.types.range_iterator;
        Ok(self.new_iter(
            c,
            IterKind::GetItem {
                obj: target,
                idx: 0,
            },
        ))
    }
}

fn range_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("range", kw)?;
    let a = &args[1..];
    if a.is_empty() {
        return Err(vm.new_type_error("range expected at least 1 argument, got 0".into()));
    }
    if a.len() > 3 {
        return Err(vm.new_type_error(format!(
            "range expected at most 3 arguments, got {}",
            a.len()
        )));
    }
    let mut n: Vec<BigInt> = vec![];
    for v in a {
        match vm.index_big(*v)? {
            Some(x) => n.push(x),
            None => {
                let t = vm.type_name(*v);
                return Err(
                    vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    let mut it = n.into_iter();
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), it.next().unwrap_or_default(), BigInt::one()),
        2 => (
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
            BigInt::one(),
        ),
        _ => (
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
        ),
    };
    if step.is_zero() {
        return Err(vm.new_value_error("range() arg 3 must not be zero".into()));
    }
    Ok(vm.new_range(start, stop, step))
}

fn this(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(r) if vm.range_bounds(r).is_some() => Ok(r),
        _ => Err(vm.new_type_error("descriptor requires a 'range' object".into())),
    }
}

fn range_index(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = this(vm, args[0])?;
    vm.check_args("index", &args[1..], 1, 1)?;
    let x = args[1];
    if vm.contains_builtin(Value::Obj(r), x)? {
        if let (Some(x), Some((a, _, c))) = (vm.index_big(x)?, vm.range_bounds(r)) {
            if matches!(vm.num_of(args[1]), Some(Num::I(_) | Num::B(_))) {
                return Ok(vm.new_bigint((x - a) / c));
            }
        }
        // Equal but not an int (e.g. 3.0): the position by iteration.
        let items = vm.iterate(Value::Obj(r))?;
        for (i, it) in items.into_iter().enumerate() {
            if vm.eq(it, x)? {
                return Ok(Value::Int(i as i64));
            }
        }
    }
    let s = vm.repr(x)?;
    Err(vm.new_value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = this(vm, args[0])?;
    vm.check_args("count", &args[1..], 1, 1)?;
    if matches!(vm.num_of(args[1]), Some(Num::I(_) | Num::B(_)))
        && !matches!(args[1], Value::Float(_))
    {
        return Ok(Value::Int(
            vm.contains_builtin(Value::Obj(r), args[1])? as i64
        ));
    }
    let mut n = 0;
    for it in vm.iterate(Value::Obj(r))? {
        if vm.eq(it, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_attr(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Value> {
    let r = this(vm, args[0])?;
    let (a, b, c) = vm.range_bounds(r).expect("range");
    let v = [a, b, c].into_iter().nth(i).unwrap_or_default();
    Ok(vm.new_bigint(v))
}
fn range_start(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    range_attr(vm, args, 0)
}
fn range_stop(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    range_attr(vm, args, 1)
}
fn range_step(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    range_attr(vm, args, 2)
}

pub fn register(vm: &mut Vm) {
    let r = vm.types.range;
    vm.add_staticmethod(r, "__new__", range_new, Arity::any().kw());
    vm.add_method(r, "index", range_index, Arity::exactly(1));
    vm.add_method(r, "count", range_count, Arity::exactly(1));
    vm.add_getter(r, "start", range_start);
    vm.add_getter(r, "stop", range_stop);
    vm.add_getter(r, "step", range_step);
}

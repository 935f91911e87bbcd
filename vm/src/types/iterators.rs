//! The built-in iterator types: the iterators of built-in containers (one step of
//! each in `builtin_iter_next`), `enumerate`, `zip`, `map`, `filter`, `reversed`,
//! and their `__iter__`/`__next__`/`__length_hint__`.

use crate::args::{Arity, KwSpec};
use crate::object::{IterKind, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::BinOp;
use smallvec::SmallVec;

use crate::Kw;

/// One step of a built-in iterator.
#[inline(always)]
pub fn builtin_iter_next(vm: &mut Vm, r: ObjRef) -> PyResult<Option<Value>> {
    iter_step(vm, r, true)
}

/// `next()` of an instance of a Python subclass of a built-in iterator type: its
/// `__next__` (the built-in one unless overridden), StopIteration meaning the end.
#[cold]
fn subclass_next(vm: &mut Vm, r: ObjRef) -> PyResult<Option<Value>> {
    let nx = vm.names.__next__;
    let Some(f) = vm.lookup_special(Value::Obj(r), nx) else {
        return iter_step(vm, r, false);
    };
    match vm.call_special(f, &[Value::Obj(r)]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.isinstance_ref(e.0, vm.types.stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// One step of a built-in iterator. `overridable`: an instance of a Python
/// subclass (of enumerate, map, zip, filter) steps by its `__next__`, which may be
/// overridden; false for the built-in `__next__` itself (what `super().__next__()`
/// in an override runs).
fn iter_step(vm: &mut Vm, r: ObjRef, overridable: bool) -> PyResult<Option<Value>> {
    let Kind::Iter(state) = vm.heap.kind(r) else {
        return Ok(None);
    };
    // zip and map: their iterators are copied to the native stack, not to a new Vec
    // per item.
    match state {
        // The iterator types a Python class may subclass (the others need no check).
        IterKind::Zip { .. }
        | IterKind::Map { .. }
        | IterKind::Enumerate { .. }
        | IterKind::Filter { .. }
        | IterKind::Reversed { .. }
            if overridable && !vm.class_data(vm.heap.get(r).class).is_builtin =>
        {
            return subclass_next(vm, r);
        }
        IterKind::Zip { its, strict } => {
            let (its, strict): (SmallVec<[Value; 4]>, bool) =
                (its.iter().copied().collect(), *strict);
            return zip_next(vm, r, &its, strict);
        }
        IterKind::Map { fits } => {
            let fits: SmallVec<[Value; 4]> = fits.iter().copied().collect();
            return map_next(vm, fits[0], &fits[1..]);
        }
        _ => {}
    }
    let state = state.clone();
    let set_state = |vm: &mut Vm, s: IterKind| {
        if let Kind::Iter(st) = vm.heap.kind_mut(r) {
            *st = s;
        }
    };
    match state {
        IterKind::Seq { seq, idx } => {
            let item = match vm.heap.kind(seq) {
                Kind::List(v) | Kind::Tuple(v) => v.get(idx).copied(),
                Kind::Bytes(b) | Kind::ByteArray(b) => b.get(idx).map(|x| Value::Int(*x as i64)),
                _ => None,
            };
            match item {
                Some(v) => {
                    set_state(vm, IterKind::Seq { seq, idx: idx + 1 });
                    Ok(Some(v))
                }
                None => {
                    set_state(vm, IterKind::Exhausted);
                    Ok(None)
                }
            }
        }
        IterKind::Range { cur, stop, step } => {
            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                set_state(
                    vm,
                    IterKind::Range {
                        cur: cur + step as i64,
                        stop,
                        step,
                    },
                );
                Ok(Some(Value::Int(cur)))
            } else {
                Ok(None)
            }
        }
        IterKind::RangeWide(b) => {
            let [cur, stop, step] = *b;
            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                // A range's bounds fit, so its last item plus the step does too
                // (`Kind::Range` is made only then); saturate all the same.
                set_state(
                    vm,
                    IterKind::RangeWide(Box::new([cur.saturating_add(step), stop, step])),
                );
                Ok(Some(Value::Int(cur)))
            } else {
                Ok(None)
            }
        }
        IterKind::Str { s, byte } => {
            let text = vm.str_of(Value::Obj(s));
            match text[byte..].chars().next() {
                Some(c) => {
                    let nb = byte + c.len_utf8();
                    let v = vm.char_str(c);
                    set_state(vm, IterKind::Str { s, byte: nb });
                    Ok(Some(v))
                }
                None => Ok(None),
            }
        }
        IterKind::Dict {
            dict,
            idx,
            len,
            what,
        } => {
            let (cur_len, raw) = match vm.heap.kind(dict) {
                Kind::Dict(d) => (d.len(), d.raw_len()),
                _ => (0, 0),
            };
            if cur_len != len {
                // Sticky, as CPython's: every later next() raises too.
                set_state(
                    vm,
                    IterKind::Dict {
                        dict,
                        idx,
                        len: usize::MAX,
                        what,
                    },
                );
                return Err(vm.new_error(
                    vm.types.runtime_error,
                    "dictionary changed size during iteration".into(),
                ));
            }
            let mut i = idx;
            while i < raw {
                let e = match vm.heap.kind(dict) {
                    Kind::Dict(d) => d.entry_at(i),
                    _ => None,
                };
                i += 1;
                if let Some(e) = e {
                    set_state(
                        vm,
                        IterKind::Dict {
                            dict,
                            idx: i,
                            len,
                            what,
                        },
                    );
                    let v = match what {
                        0 => e.key,
                        1 => e.value,
                        _ => vm.new_tuple(vec![e.key, e.value]),
                    };
                    return Ok(Some(v));
                }
            }
            set_state(
                vm,
                IterKind::Dict {
                    dict,
                    idx: i,
                    len,
                    what,
                },
            );
            Ok(None)
        }
        IterKind::Set { set, idx, len } => {
            let (cur_len, raw) = match vm.heap.kind(set) {
                Kind::Set(s) | Kind::FrozenSet(s) => (s.len(), s.raw_len()),
                _ => (0, 0),
            };
            if cur_len != len {
                // Sticky, as CPython's: every later next() raises too.
                set_state(
                    vm,
                    IterKind::Set {
                        set,
                        idx,
                        len: usize::MAX,
                    },
                );
                return Err(vm.new_error(
                    vm.types.runtime_error,
                    "Set changed size during iteration".into(),
                ));
            }
            let mut i = idx;
            while i < raw {
                let k = match vm.heap.kind(set) {
                    Kind::Set(s) | Kind::FrozenSet(s) => s.slot_at(i),
                    _ => None,
                };
                i += 1;
                if let Some(k) = k {
                    set_state(vm, IterKind::Set { set, idx: i, len });
                    return Ok(Some(k));
                }
            }
            set_state(vm, IterKind::Set { set, idx: i, len });
            Ok(None)
        }
        IterKind::Enumerate { it, count } => match vm.iter_next(Value::Obj(it))? {
            Some(v) => {
                let next = vm.binary_op(count, Value::Int(1), BinOp::Add)?;
                set_state(vm, IterKind::Enumerate { it, count: next });
                Ok(Some(vm.new_tuple(vec![count, v])))
            }
            None => Ok(None),
        },
        IterKind::Zip { its, strict } => zip_next(vm, r, &its, strict),
        IterKind::Map { fits } => map_next(vm, fits[0], &fits[1..]),
        IterKind::Filter { f, it, negate } => loop {
            let Some(v) = vm.iter_next(Value::Obj(it))? else {
                return Ok(None);
            };
            let keep = if f.is_none() {
                vm.truthy(v)?
            } else {
                let r = vm.call(f, &[v], &[])?;
                vm.truthy(r)?
            };
            if keep != negate {
                return Ok(Some(v));
            }
        },
        IterKind::Reversed { seq, idx } => {
            if idx < 0 {
                return Ok(None);
            }
            let v = vm.getitem(Value::Obj(seq), Value::Int(idx as i64))?;
            set_state(vm, IterKind::Reversed { seq, idx: idx - 1 });
            Ok(Some(v))
        }
        IterKind::Callable { f, sentinel } => {
            let v = vm.call(Value::Obj(f), &[], &[])?;
            if vm.eq(v, sentinel)? {
                set_state(vm, IterKind::Exhausted);
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        IterKind::GetItem { obj, idx } => match vm.getitem(Value::Obj(obj), Value::Int(idx)) {
            Ok(v) => {
                set_state(vm, IterKind::GetItem { obj, idx: idx + 1 });
                Ok(Some(v))
            }
            Err(e)
                if vm.isinstance_ref(e.0, vm.types.index_error)
                    || vm.isinstance_ref(e.0, vm.types.stop_iteration) =>
            {
                set_state(vm, IterKind::Exhausted);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        IterKind::Exhausted => Ok(None),
    }
}
/// The next tuple of a `zip` iterator over `its`.
fn zip_next(vm: &mut Vm, r: ObjRef, its: &[Value], strict: bool) -> PyResult<Option<Value>> {
    let set_state = |vm: &mut Vm, s: IterKind| {
        if let Kind::Iter(st) = vm.heap.kind_mut(r) {
            *st = s;
        }
    };
    let mut items = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match vm.iter_next(*it)? {
            Some(v) => items.push(v),
            None => {
                if strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        let msg = if i == 1 {
                            format!(
                                "zip() argument {} is shorter than argument{plural}{}",
                                i + 1,
                                i
                            )
                        } else {
                            format!("zip() argument {} is shorter than arguments 1-{}", i + 1, i)
                        };
                        return Err(vm.new_value_error(msg));
                    }
                    for (j, other) in its.iter().enumerate().skip(1) {
                        if vm.iter_next(*other)?.is_some() {
                            let msg = if j == 1 {
                                "zip() argument 2 is longer than argument 1".to_string()
                            } else {
                                format!("zip() argument {} is longer than arguments 1-{}", j + 1, j)
                            };
                            return Err(vm.new_value_error(msg));
                        }
                    }
                }
                set_state(vm, IterKind::Exhausted);
                return Ok(None);
            }
        }
    }
    if its.is_empty() {
        return Ok(None);
    }
    Ok(Some(vm.new_tuple(items)))
}

/// The next result of a `map` iterator calling `f` over `its`.
fn map_next(vm: &mut Vm, f: Value, its: &[Value]) -> PyResult<Option<Value>> {
    let mut args: SmallVec<[Value; 4]> = SmallVec::new();
    for it in its {
        match vm.iter_next(*it)? {
            Some(v) => args.push(v),
            None => return Ok(None),
        }
    }
    vm.call(f, &args, &[]).map(Some)
}

/// The object an iterator state refers to for `it`, the result of `get_iter`: an
/// object unless a native `__iter__` returned something else, which CPython's
/// `PyObject_GetIter` rejects so.
fn iter_ref(vm: &mut Vm, it: Value) -> PyResult<ObjRef> {
    match it {
        Value::Obj(r) => Ok(r),
        _ => {
            let t = vm.type_name(it);
            Err(vm.new_type_error(format!("iter() returned non-iterator of type '{t}'")))
        }
    }
}

/// `enumerate(iterable, start=0)`.
fn enumerate_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = args[0].obj().expect("class");
    let [it, start] = if c == vm.types.enumerate {
        enumerate_args(vm, &args[1..], kw)?
    } else {
        // A subclass goes through CPython's `enum_new`, an Argument Clinic parser.
        const SPEC: KwSpec<2> = KwSpec::new("enumerate", ["iterable", "start"]).required(1);
        SPEC.parse(vm, &args[1..], kw)?
    };
    let (it, start) = (it.unwrap_or(Value::None), start.unwrap_or(Value::Int(0)));
    let iter = vm.get_iter(it)?;
    let iter = iter_ref(vm, iter)?;
    Ok(vm.new_iter(
        c,
        IterKind::Enumerate {
            it: iter,
            count: start,
        },
    ))
}
/// `enumerate(...)` called on the type itself: CPython's `enum_vectorcall`, which
/// takes a keyword only in its own place (`enumerate(x, iterable=y)` names an
/// invalid keyword, where a clinic parser would say "given by name and position").
fn enumerate_args(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<[Option<Value>; 2]> {
    let (nargs, nkw) = (args.len(), kw.len());
    // The keywords expected at the positions after the positional arguments.
    let expect = |vm: &mut Vm, i: usize, name: &str| -> PyResult<()> {
        match vm.as_str(kw[i].0) {
            Some(k) if k == name => Ok(()),
            k => {
                let k = k.unwrap_or("").to_string();
                Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )))
            }
        }
    };
    match (nargs + nkw, nkw) {
        (2, 0) => Ok([Some(args[0]), Some(args[1])]),
        (2, 1) => {
            expect(vm, 0, "start")?;
            Ok([Some(args[0]), Some(kw[0].1)])
        }
        (2, _) => {
            if vm.as_str(kw[0].0) == Some("start") {
                expect(vm, 1, "iterable")?;
                return Ok([Some(kw[1].1), Some(kw[0].1)]);
            }
            expect(vm, 0, "iterable")?;
            expect(vm, 1, "start")?;
            Ok([Some(kw[0].1), Some(kw[1].1)])
        }
        (1, 0) => Ok([Some(args[0]), None]),
        (1, _) => {
            expect(vm, 0, "iterable")?;
            Ok([Some(kw[0].1), None])
        }
        _ if nargs == 0 => {
            Err(vm.new_type_error("enumerate() missing required argument 'iterable'".into()))
        }
        (n, _) => {
            Err(vm.new_type_error(format!("enumerate() takes at most 2 arguments ({n} given)")))
        }
    }
}

/// `zip(*iterables, strict=False)`.
fn zip_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("zip", ["strict"]).positional(0);
    let [strict] = SPEC.parse(vm, &[], kw)?;
    let strict = match strict {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = vec![];
    for a in &args[1..] {
        its.push(vm.get_iter(*a)?);
    }
    let c = args[0].obj().expect("class");
    Ok(vm.new_iter(
        c,
        IterKind::Zip {
            its: its.into_boxed_slice(),
            strict,
        },
    ))
}
fn map_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.new_type_error("map() must have at least two arguments.".into()));
    }
    let mut fits = vec![args[1]];
    for a in &args[2..] {
        fits.push(vm.get_iter(*a)?);
    }
    let c = args[0].obj().expect("class");
    Ok(vm.new_iter(
        c,
        IterKind::Map {
            fits: fits.into_boxed_slice(),
        },
    ))
}
fn filter_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("filter", &args[1..], 2, 2)?;
    let it = vm.get_iter(args[2])?;
    let it = iter_ref(vm, it)?;
    let c = args[0].obj().expect("class");
    Ok(vm.new_iter(
        c,
        IterKind::Filter {
            f: args[1],
            it,
            negate: false,
        },
    ))
}
fn reversed_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("reversed", &args[1..], 1, 1)?;
    let seq = args[1];
    if let Value::Obj(r) = seq {
        if let Kind::BigRange(_) = vm.heap.kind(r) {
            return vm.big_range_iter(r, true);
        }
    }
    let rn = vm.names.__reversed__;
    if let Some(f) = vm.lookup_special(seq, rn) {
        if f.is_none() {
            let t = vm.type_name(seq);
            return Err(vm.new_type_error(format!("'{t}' object is not reversible")));
        }
        return vm.call_special(f, &[seq]);
    }
    let gi = vm.names.__getitem__;
    let ok = match seq {
        Value::Obj(r) => {
            matches!(
                vm.heap.kind(r),
                Kind::List(_)
                    | Kind::Tuple(_)
                    | Kind::Str(_)
                    | Kind::Range(..)
                    | Kind::Bytes(_)
                    | Kind::ByteArray(_)
            ) || vm.lookup_special(seq, gi).is_some()
        }
        _ => false,
    };
    if !ok {
        let t = vm.type_name(seq);
        return Err(vm.new_type_error(format!("'{t}' object is not reversible")));
    }
    let n = vm.len(seq)? as isize;
    let c = args[0].obj().expect("class");
    let seq = seq.obj().expect("checked an object above");
    Ok(vm.new_iter(c, IterKind::Reversed { seq, idx: n - 1 }))
}
fn iter_self(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}
fn iter_next_method(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    // The built-in `__next__`, also of a subclass that overrides it (its
    // `super().__next__()`): `iter_next` would call the override.
    let next = match args[0] {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Iter(_)) => {
            vm.native_step()?;
            iter_step(vm, r, false)?
        }
        it => vm.iter_next(it)?,
    };
    match next {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(Value::None)),
    }
}
fn iter_length_hint(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("iterator");
    let n = match vm.heap.kind(r) {
        Kind::Iter(s) => match s {
            IterKind::Seq { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                vm.len(Value::Obj(seq))?.saturating_sub(idx) as i64
            }
            IterKind::Range { cur, stop, step } => {
                crate::types::range::range_len(*cur, *stop, *step as i64)
            }
            IterKind::RangeWide(r) => crate::types::range::range_len(r[0], r[1], r[2]),
            _ => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(n))
}

pub fn register(vm: &mut Vm) {
    vm.add_staticmethod(
        vm.types.enumerate,
        "__new__",
        enumerate_new,
        Arity::any().kw(),
    );
    vm.add_staticmethod(vm.types.zip, "__new__", zip_new, Arity::any().kw());
    vm.add_staticmethod(vm.types.map, "__new__", map_new, Arity::any().kw());
    vm.add_staticmethod(vm.types.filter, "__new__", filter_new, Arity::any().kw());
    vm.add_staticmethod(
        vm.types.reversed,
        "__new__",
        reversed_new,
        Arity::any().kw(),
    );
    let t = vm.types.clone();
    for c in [
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.bytes_iterator,
        t.callable_iterator,
        t.iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
    ] {
        vm.add_method(c, "__iter__", iter_self, Arity::none());
        vm.add_method(c, "__next__", iter_next_method, Arity::none());
        vm.add_method(c, "__length_hint__", iter_length_hint, Arity::none());
    }
}

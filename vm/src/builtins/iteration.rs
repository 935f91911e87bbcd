//! The builtins over iterables: `all`, `any`, `iter`, `next`, `min`/`max`,
//! `sum`, `sorted`.

use super::{Args, Kw};
use crate::args::KwSpec;
use crate::interp::{Drain, DrainMode};
use crate::object::Value;
use crate::object::{IterKind, Kind};
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::BinOp;

pub(super) fn b_all(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("all", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    if let Some(g) = vm.as_generator(it) {
        // Drained: the values known truthy never leave the generator's loop.
        let mut d = Drain::new(DrainMode::All);
        while let Some(v) = vm.drain_generator(g, &mut d, false)? {
            if !vm.truthy(v)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    while let Some(v) = vm.iter_next_gc(it)? {
        if !vm.truthy(v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
pub(super) fn b_any(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("any", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    if let Some(g) = vm.as_generator(it) {
        // Drained: the values known falsy never leave the generator's loop.
        let mut d = Drain::new(DrainMode::Any);
        while let Some(v) = vm.drain_generator(g, &mut d, false)? {
            if vm.truthy(v)? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    while let Some(v) = vm.iter_next_gc(it)? {
        if vm.truthy(v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
pub(super) fn b_iter(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("iter", args, 1, 2)?;
    if args.len() == 2 {
        let callable = super::introspection::b_callable(vm, &args[..1], &[])?;
        let (Value::Obj(f), Value::Bool(true)) = (args[0], callable) else {
            return Err(vm.new_type_error("iter(v, w): v must be callable".into()));
        };
        let c = vm.types.callable_iterator;
        return Ok(vm.new_iter(
            c,
            IterKind::Callable {
                f,
                sentinel: args[1],
            },
        ));
    }
    vm.get_iter(args[0])
}
pub(super) fn b_next(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("next", args, 1, 2)?;
    let it = args[0];
    let is_iter = match it {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Iter(_) | Kind::Generator(_) => true,
            _ => {
                let n = vm.names.__next__;
                vm.lookup_special(it, n).is_some()
            }
        },
        _ => false,
    };
    if !is_iter {
        let t = vm.type_name(it);
        return Err(vm.new_type_error(format!("'{t}' object is not an iterator")));
    }
    // Generators: keep the StopIteration value of a `return`.
    if let Value::Obj(r) = it {
        if let Kind::Generator(_) = vm.heap.kind(r) {
            return match vm.resume_generator(r, Value::None, None)? {
                crate::interp::Exit::Yield(v) => Ok(v),
                crate::interp::Exit::Return(v) => match args.get(1) {
                    Some(d) => Ok(*d),
                    None => Err(vm.new_stop_iteration(v)),
                },
            };
        }
    }
    if !matches!(it, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Iter(_))) {
        let n = vm.names.__next__;
        let f = vm.lookup_special(it, n).expect("checked");
        return match vm.call_special(f, &[it]) {
            Ok(v) => Ok(v),
            Err(e) if args.len() == 2 && vm.isinstance_ref(e.0, vm.types.stop_iteration) => {
                Ok(args[1])
            }
            Err(e) => Err(e),
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(*d),
            None => Err(vm.new_stop_iteration(Value::None)),
        },
    }
}
pub(super) fn minmax(vm: &mut Vm, args: Args, kw: Kw, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    // min(iterable, *, key=None, default=...) / min(a, b, *args, key=None)
    let [key, default] = KwSpec::new(name, ["key", "default"])
        .positional(0)
        .parse(vm, &[], kw)?;
    let key = key.unwrap_or(Value::None);
    // The best item, its key, the current item and its key stay visible to the
    // collector in these slots: key functions and comparisons may run Python code,
    // which may collect.
    let base = vm.temp_roots.len();
    vm.temp_roots.extend([Value::Undef; 4]);
    match args.len() {
        0 => return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => {
            // One item at a time, as CPython: `max(d.items(), key=...)` never holds
            // all the item tuples at once.
            let it = vm.get_iter(args[0])?;
            vm.temp_roots.push(it);
            while let Some(x) = vm.iter_next_gc(it)? {
                minmax_step(vm, x, key, is_max, base)?;
            }
        }
        _ => {
            if default.is_some() {
                return Err(vm.new_type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            // The arguments are rooted by the caller.
            for &x in args {
                minmax_step(vm, x, key, is_max, base)?;
            }
        }
    }
    let best = vm.temp_roots[base];
    vm.temp_roots.truncate(base);
    if best.is_undef() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.new_value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    Ok(best)
}

/// One item of `min`/`max`: its key, compared with the best so far (the slots of
/// `temp_roots` from `base`: best item, its key, this item, its key).
fn minmax_step(vm: &mut Vm, x: Value, key: Value, is_max: bool, base: usize) -> PyResult<()> {
    vm.temp_roots[base + 2] = x;
    let k = if key.is_none() {
        x
    } else {
        vm.call_rooted(key, &[x])?
    };
    if vm.temp_roots[base].is_undef() {
        vm.temp_roots[base] = x;
        vm.temp_roots[base + 1] = k;
        return Ok(());
    }
    vm.temp_roots[base + 3] = k;
    let best_key = vm.temp_roots[base + 1];
    // As CPython: `item > best` for max, `item < best` for min.
    let better = if is_max {
        vm.gt(k, best_key)?
    } else {
        vm.lt(k, best_key)?
    };
    if better {
        vm.temp_roots[base] = x;
        vm.temp_roots[base + 1] = k;
    }
    Ok(())
}
pub(super) fn b_max(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    minmax(vm, args, kw, true)
}
pub(super) fn b_min(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    minmax(vm, args, kw, false)
}
pub(super) fn b_sum(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    // sum(iterable, /, start=0)
    const SPEC: KwSpec<2> = KwSpec::new("sum", ["iterable", "start"])
        .required(1)
        .posonly(1);
    let [_, start] = SPEC.parse(vm, args, kw)?;
    let mut acc = start.unwrap_or(Value::Int(0));
    if vm.as_str(acc).is_some() {
        return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]".into()));
    }
    // An exact list or tuple: read by index as its iterator would (the length is
    // read again at each step, so an `__add__` that changes the list is seen).
    let seq = match args[0] {
        Value::Obj(r)
            if matches!(vm.heap.kind(r), Kind::List(_) | Kind::Tuple(_)) && {
                let c = vm.heap.get(r).class;
                c == vm.types.list || c == vm.types.tuple
            } =>
        {
            Some(r)
        }
        _ => None,
    };
    let it = match seq {
        Some(_) => Value::None,
        None => vm.get_iter(args[0])?,
    };
    vm.temp_roots.push(it);
    // The running total stays visible to the collector in this slot.
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(acc);
    let mut idx = 0;
    // A generator is drained: int and float values are added in its loop (as
    // below), the others come here.
    let gen = vm.as_generator(it);
    let mut drain = Drain::new(DrainMode::Sum);
    loop {
        let v = match seq {
            None if gen.is_some() && matches!(acc, Value::Int(_) | Value::Float(_)) => {
                drain.acc = acc;
                let v = vm.drain_generator(gen.expect("generator"), &mut drain, false)?;
                acc = drain.acc;
                vm.temp_roots[slot] = acc;
                v
            }
            Some(r) => {
                vm.native_step()?;
                let v = match vm.heap.kind(r) {
                    Kind::List(items) | Kind::Tuple(items) => items.get(idx).copied(),
                    _ => None,
                };
                idx += 1;
                v
            }
            None => vm.iter_next_gc(it)?,
        };
        let Some(v) = v else { break };
        acc = match (acc, v) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(acc, v, BinOp::Add)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            // int + float is float(int) + float (i64 to f64 rounds as CPython).
            (Value::Int(a), Value::Float(b)) => Value::Float(a as f64 + b),
            (Value::Float(a), Value::Int(b)) => Value::Float(a + b as f64),
            _ => vm.binary_op(acc, v, BinOp::Add)?,
        };
        vm.temp_roots[slot] = acc;
    }
    Ok(acc)
}
pub(super) fn b_sorted(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    // The iterable is positional-only (declared `Arity::exactly(1)`): the spec reads
    // the keywords, named as CPython's errors name them (`sort()`).
    const SPEC: KwSpec<2> = KwSpec::new("sort", ["key", "reverse"]).positional(0);
    let [key, rev] = SPEC.parse(vm, &[], kw)?;
    let mut items = vm.iterate_rooted(args[0])?;
    let key = key.unwrap_or(Value::None);
    let rev = match rev {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    vm.sort_values(&mut items, key, rev)?;
    Ok(vm.new_list(items))
}

//! The `builtins` module's functions.

pub mod sys;

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Value;
use crate::object::{IterKind, Kind};
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use revpy_compiler::opcodes::BinOp;

type Args<'a> = &'a [Value];
type Kw<'a> = &'a [(Value, Value)];

fn b_print(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    vm.only_kwargs("print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match vm.kwarg(kw, "sep") {
        Some(Value::None) | None => " ".to_string(),
        Some(v) => vm.expect_str(v, "sep")?,
    };
    let end = match vm.kwarg(kw, "end") {
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => vm.expect_str(v, "end")?,
    };
    let mut pieces = Vec::with_capacity(args.len());
    for a in args {
        match vm.as_str(*a) {
            Some(s) if vm.class_data(vm.type_of(*a)).is_builtin => pieces.push(s.to_string()),
            _ => pieces.push(vm.str(*a)?),
        }
    }
    let file = match vm.kwarg(kw, "file") {
        None | Some(Value::None) => None,
        Some(f) => Some(f),
    };
    let mut out = pieces.join(&sep);
    out.push_str(&end);
    match file {
        None => {
            let r = vm.effects.write_stdout(&out);
            vm.fx(r)?;
        }
        Some(f) => {
            if !sys::write_std_stream(vm, f, &out)? {
                // Other files get each piece in its own write() call, as CPython does.
                for (i, p) in pieces.into_iter().enumerate() {
                    if i > 0 {
                        let s = vm.new_str(sep.clone());
                        vm.call_method(f, "write", &[s])?;
                    }
                    let s = vm.new_str(p);
                    vm.call_method(f, "write", &[s])?;
                }
                let s = vm.new_str(end);
                vm.call_method(f, "write", &[s])?;
            }
        }
    }
    if let Some(fl) = vm.kwarg(kw, "flush") {
        if vm.truthy(fl)? {
            match file {
                None => vm.effects.flush_stdout(),
                Some(f) => {
                    vm.call_method(f, "flush", &[])?;
                }
            }
        }
    }
    Ok(Value::None)
}

fn b_input(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str(*p)?;
        let r = vm.effects.write_stdout(&s);
        vm.fx(r)?;
    }
    let r = vm.effects.read_line();
    let line = vm.fx(r)?;
    if line.is_empty() {
        return Err(vm.new_error(vm.types.eof_error, "EOF when reading a line".into()));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    let line = line.strip_suffix('\r').unwrap_or(line).to_string();
    Ok(vm.new_str(line))
}

fn b_len(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("len", args, 1, 1)?;
    Ok(Value::Int(vm.len(args[0])? as i64))
}
fn b_repr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("repr", args, 1, 1)?;
    let s = vm.repr(args[0])?;
    Ok(vm.new_str(s))
}
fn b_ascii(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("ascii", args, 1, 1)?;
    let s = vm.ascii(args[0])?;
    Ok(vm.new_str(s))
}
fn b_abs(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("abs", args, 1, 1)?;
    let v = args[0];
    let cls = vm.type_of(v);
    let an = vm.names.__abs__;
    if let Some(f) = vm.user_override(cls, an) {
        return vm.call(f, &[v], &[]);
    }
    match vm.num_of(v) {
        Some(Num::I(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.new_bigint(BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => Ok(vm.new_bigint(b.abs())),
        Some(Num::F(f)) => Ok(Value::Float(f.abs())),
        Some(Num::C(r, i)) => Ok(Value::Float(r.hypot(i))),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("bad operand type for abs(): '{t}'")))
        }
    }
}
fn b_all(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("all", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    while let Some(v) = vm.iter_next_gc(it)? {
        if !vm.truthy(v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
fn b_any(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("any", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    while let Some(v) = vm.iter_next_gc(it)? {
        if vm.truthy(v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn radix(vm: &mut Vm, args: Args, base: u32, prefix: &str, name: &str) -> PyResult<Value> {
    vm.check_args(name, args, 1, 1)?;
    let n = match vm.num_of(args[0]) {
        Some(n @ (Num::I(_) | Num::B(_))) if !matches!(args[0], Value::Float(_)) => n.to_big(),
        _ => match vm.index_of(args[0])? {
            Some(i) => BigInt::from(i),
            None => {
                let t = vm.type_name(args[0]);
                return Err(
                    vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    let s = if n.is_negative() {
        format!("-{prefix}{}", n.abs().to_str_radix(base))
    } else {
        format!("{prefix}{}", n.to_str_radix(base))
    };
    Ok(vm.new_str(s))
}
fn b_bin(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    radix(vm, args, 2, "0b", "bin")
}
fn b_oct(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    radix(vm, args, 8, "0o", "oct")
}
fn b_hex(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    radix(vm, args, 16, "0x", "hex")
}
fn b_callable(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
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
fn b_chr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("chr", args, 1, 1)?;
    let i = vm.expect_int(args[0], "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.char_str(c)),
        None => {
            if (0xd800..0xe000).contains(&i) {
                // Lone surrogates cannot be represented; use the replacement character.
                return Ok(vm.new_str('\u{fffd}'.to_string()));
            }
            Err(vm.new_value_error("chr() arg not in range(0x110000)".into()))
        }
    }
}
fn b_ord(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("ord", args, 1, 1)?;
    if let Some(s) = vm.as_str(args[0]) {
        let mut cs = s.chars();
        return match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => {
                let n = s.chars().count();
                Err(vm.new_type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )))
            }
        };
    }
    if let Some(b) = vm.bytes_of(args[0]) {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    let t = vm.type_name(args[0]);
    Err(vm.new_type_error(format!("ord() expected string of length 1, but {t} found")))
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
    if let Some(d) = vm.instance_dict(obj) {
        add_dict(vm, d, &mut names);
    }
    let cls = if vm.is_class(obj) {
        obj.obj().expect("class")
    } else {
        vm.type_of(obj)
    };
    for c in vm.class_data(cls).mro.clone() {
        let d = vm.class_data(c).dict;
        add_dict(vm, d, &mut names);
    }
    names.sort();
    names.dedup();
    Ok(names)
}

fn b_dir(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("dir", args, 0, 1)?;
    let names = match args.first() {
        Some(o) => {
            let dn = vm.names.__dir__;
            let cls = vm.type_of(*o);
            if let Some(f) = vm.user_override(cls, dn) {
                let r = vm.call(f, &[*o], &[])?;
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
fn b_divmod(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    let cls = vm.type_of(a);
    let dn = vm.intern("__divmod__");
    if let Some(f) = vm.user_override(cls, dn) {
        return vm.call(f, &[a, b], &[]);
    }
    let q = vm.binary_op(a, b, BinOp::FloorDiv)?;
    let r = vm.binary_op(a, b, BinOp::Mod)?;
    Ok(vm.new_tuple(vec![q, r]))
}
fn b_format(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => vm.expect_str(*s, "format() argument 2")?,
        None => String::new(),
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.new_str(s))
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
fn b_getattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
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
fn b_setattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("setattr", args, 3, 3)?;
    let n = name_arg(vm, args[1], "setattr")?;
    vm.setattr(args[0], n, args[2])?;
    Ok(Value::None)
}
fn b_hasattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("hasattr", args, 2, 2)?;
    let n = name_arg(vm, args[1], "hasattr")?;
    Ok(Value::Bool(vm.hasattr(args[0], n)?))
}
fn b_delattr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("delattr", args, 2, 2)?;
    let n = name_arg(vm, args[1], "delattr")?;
    vm.delattr(args[0], n)?;
    Ok(Value::None)
}
fn b_globals(vm: &mut Vm, _args: Args, _: Kw) -> PyResult<Value> {
    Ok(vm
        .frames
        .last()
        .map(|f| Value::Obj(f.globals))
        .unwrap_or(Value::None))
}
fn b_locals(vm: &mut Vm, _args: Args, _: Kw) -> PyResult<Value> {
    let Some(f) = vm.frames.last().cloned() else {
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
fn b_vars(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
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
fn b_hash(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(args[0])?))
}
fn b_id(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
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
fn b_isinstance(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("isinstance", args, 2, 2)?;
    // The common case: one class with a built-in metaclass.
    if let Value::Obj(c) = args[1] {
        if let Kind::Class(_) = vm.heap.kind(c) {
            let meta = vm.heap.get(c).class;
            if vm.class_data(meta).is_builtin {
                return Ok(Value::Bool(vm.isinstance(args[0], c)));
            }
        }
    }
    for c in class_or_tuple(vm, args[1], "isinstance")? {
        if vm.isinstance(args[0], c) {
            return Ok(Value::Bool(true));
        }
        let ic = vm.names.__instancecheck__;
        let meta = vm.heap.get(c).class;
        if !vm.class_data(meta).is_builtin {
            if let Some(f) = vm.class_lookup(meta, ic) {
                let r = vm.call(f, &[Value::Obj(c), args[0]], &[])?;
                if vm.truthy(r)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(Value::Bool(false))
}
fn b_issubclass(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("issubclass", args, 2, 2)?;
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
                let r = vm.call(f, &[Value::Obj(c), Value::Obj(a)], &[])?;
                if vm.truthy(r)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(Value::Bool(false))
}
fn b_iter(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("iter", args, 1, 2)?;
    if args.len() == 2 {
        let c = vm.types.callable_iterator;
        return Ok(vm.new_iter(
            c,
            IterKind::Callable {
                f: args[0],
                sentinel: args[1],
            },
        ));
    }
    vm.get_iter(args[0])
}
fn b_next(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
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
        return match vm.call(f, &[it], &[]) {
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
fn minmax(vm: &mut Vm, args: Args, kw: Kw, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    vm.only_kwargs(name, kw, &["key", "default"])?;
    let key = vm.kwarg(kw, "key").unwrap_or(Value::None);
    let default = vm.kwarg(kw, "default");
    let items = match args.len() {
        0 => return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate_rooted(args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.new_type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.new_value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0];
    let mut best_key = if key.is_none() {
        best
    } else {
        vm.call(key, &[best], &[])?
    };
    for it in &items[1..] {
        let k = if key.is_none() {
            *it
        } else {
            vm.call(key, &[*it], &[])?
        };
        let better = if is_max {
            vm.lt(best_key, k)?
        } else {
            vm.lt(k, best_key)?
        };
        if better {
            best = *it;
            best_key = k;
        }
    }
    Ok(best)
}
fn b_max(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    minmax(vm, args, kw, true)
}
fn b_min(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    minmax(vm, args, kw, false)
}
fn b_sum(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    vm.check_args("sum", args, 1, 2)?;
    let mut acc = vm.arg_or(args, 1, kw, "start", Value::Int(0));
    if vm.as_str(acc).is_some() {
        return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]".into()));
    }
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    // The running total stays visible to the collector in this slot.
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(acc);
    while let Some(v) = vm.iter_next_gc(it)? {
        acc = match (acc, v) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(acc, v, BinOp::Add)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(acc, v, BinOp::Add)?,
        };
        vm.temp_roots[slot] = acc;
    }
    Ok(acc)
}
fn b_pow(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("pow", ["base", "exp", "mod"]).required(2);
    let [base, exp, m] = SPEC.parse(vm, args, kw)?;
    let (base, exp) = (base.unwrap_or(Value::None), exp.unwrap_or(Value::None));
    let m = m.unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(base, exp, BinOp::Pow);
    }
    match (vm.num_of(base), vm.num_of(exp), vm.num_of(m)) {
        (
            Some(b @ (Num::I(_) | Num::B(_))),
            Some(e @ (Num::I(_) | Num::B(_))),
            Some(md @ (Num::I(_) | Num::B(_))),
        ) => {
            let (b, e, md) = (b.to_big(), e.to_big(), md.to_big());
            if md.is_zero() {
                return Err(vm.new_value_error("pow() 3rd argument cannot be 0".into()));
            }
            let r = if e.is_negative() {
                // Modular inverse.
                let inv = mod_inverse(&b, &md).ok_or_else(|| {
                    vm.new_value_error("base is not invertible for the given modulus".into())
                })?;
                inv.modpow(&(-e), &md.abs())
            } else {
                b.modpow(&e, &md.abs())
            };
            let mut r = ((r % &md) + &md) % &md;
            if md.is_negative() && !r.is_zero() {
                r += &md;
                r = ((r % &md) + &md) % &md;
                if !r.is_zero() {
                    r -= md.abs();
                }
            }
            Ok(vm.new_bigint(r))
        }
        _ => Err(vm.new_type_error(
            "pow() 3rd argument not allowed unless all arguments are integers".into(),
        )),
    }
}
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if e.gcd != BigInt::from(1) {
        return None;
    }
    Some(e.x.mod_floor(&m))
}
fn b_round(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("round", ["number", "ndigits"]).required(1);
    let [x, nd] = SPEC.parse(vm, args, kw)?;
    let (x, nd) = (x.unwrap_or(Value::None), nd.unwrap_or(Value::None));
    let cls = vm.type_of(x);
    let rn = vm.names.__round__;
    if let Some(f) = vm.user_override(cls, rn) {
        return if nd.is_none() {
            vm.call(f, &[x], &[])
        } else {
            vm.call(f, &[x, nd], &[])
        };
    }
    match vm.num_of(x) {
        Some(n @ (Num::I(_) | Num::B(_))) => {
            if nd.is_none() {
                return Ok(vm.new_bigint(n.to_big()));
            }
            let d = vm.expect_int(nd, "")?;
            if d >= 0 {
                return Ok(vm.new_bigint(n.to_big()));
            }
            let p = num_traits::pow(BigInt::from(10), (-d) as usize);
            let v = n.to_big();
            use num_integer::Integer;
            let (q, r) = v.div_mod_floor(&p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && q.is_odd()) {
                q + 1
            } else {
                q
            };
            Ok(vm.new_bigint(q * p))
        }
        Some(Num::F(f)) => {
            if nd.is_none() {
                if f.is_nan() {
                    return Err(vm.new_value_error("cannot convert float NaN to integer".into()));
                }
                if f.is_infinite() {
                    return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
                }
                let r = round_half_even(f);
                return vm.float_to_int(r);
            }
            let d = vm.expect_int(nd, "")?;
            Ok(Value::Float(round_to(f, d)))
        }
        _ => {
            let t = vm.type_name(x);
            Err(vm.new_type_error(format!("type {t} doesn't define __round__ method")))
        }
    }
}
fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}
/// round(x, ndigits) correctly rounded through the decimal representation.
fn round_to(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd > 300 {
        return x;
    }
    if nd < -308 {
        return 0.0 * x.signum();
    }
    if nd >= 0 {
        // Format with enough digits, then round half-even on the exact decimal expansion.
        let s = format!("{:.*}", (nd as usize) + 30, x);
        let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
        let keep = &frac[..nd as usize];
        let rest = &frac[nd as usize..];
        let digits = format!("{int_part}{keep}");
        let neg = digits.starts_with('-');
        let mut d: Vec<u8> = digits
            .trim_start_matches('-')
            .bytes()
            .map(|b| b - b'0')
            .collect();
        let first = rest.as_bytes().first().map(|b| b - b'0').unwrap_or(0);
        let tail_nonzero = rest.as_bytes().iter().skip(1).any(|b| *b != b'0');
        // Exact half needs the exact binary value: check using a longer expansion.
        let exact = format!("{:.*}", 1100, x);
        let exact_rest = &exact.split_once('.').map(|(_, f)| f).unwrap_or("")[nd as usize..];
        let exact_tail_nonzero = exact_rest.as_bytes().iter().skip(1).any(|b| *b != b'0');
        let _ = tail_nonzero;
        let round_up = first > 5
            || (first == 5 && (exact_tail_nonzero || d.last().is_some_and(|l| l % 2 == 1)));
        if round_up {
            let mut i = d.len();
            loop {
                if i == 0 {
                    d.insert(0, 1);
                    break;
                }
                i -= 1;
                if d[i] == 9 {
                    d[i] = 0;
                } else {
                    d[i] += 1;
                    break;
                }
            }
        }
        let s: String = d.iter().map(|x| (x + b'0') as char).collect();
        let (ip, fp) = s.split_at(s.len() - nd as usize);
        let txt = format!(
            "{}{}.{}",
            if neg { "-" } else { "" },
            if ip.is_empty() { "0" } else { ip },
            fp
        );
        txt.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-nd) as i32);
        let y = x / p;
        let r = round_half_even(y) * p;
        if r.is_finite() {
            r
        } else {
            x
        }
    }
}
fn b_sorted(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
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
fn b_build_class(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    vm.build_class(args, kw)
}
fn b_import(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<5> = KwSpec::new(
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
    )
    .required(1);
    let [name, _, _, fromlist, level] = SPEC.parse(vm, args, kw)?;
    let name = name.unwrap_or(Value::None);
    if vm.as_str(name).is_none() {
        return Err(vm.new_type_error("module name must be a string".into()));
    }
    let globals = vm.frames.last().map(|f| f.globals).unwrap_or(vm.builtins);
    let fromlist = fromlist.unwrap_or(Value::None);
    let level = level.unwrap_or(Value::Int(0));
    vm.import_name(name, fromlist, level, globals)
}
fn super_new(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.make_super(&args[1..])
}
fn b_exit(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let code = args.first().copied().unwrap_or(Value::None);
    Err(vm.new_exception(
        vm.types.system_exit,
        if code.is_none() { vec![] } else { vec![code] },
    ))
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

pub fn register(vm: &mut Vm) {
    let b = vm.builtins;
    let fns: &[NativeDef] = &[
        ("print", b_print, Arity::any().kw()),
        ("input", b_input, Arity::range(0, 1)),
        ("len", b_len, Arity::exactly(1)),
        ("repr", b_repr, Arity::exactly(1)),
        ("ascii", b_ascii, Arity::exactly(1)),
        ("abs", b_abs, Arity::exactly(1)),
        ("all", b_all, Arity::exactly(1)),
        ("any", b_any, Arity::exactly(1)),
        ("bin", b_bin, Arity::exactly(1)),
        ("oct", b_oct, Arity::exactly(1)),
        ("hex", b_hex, Arity::exactly(1)),
        ("callable", b_callable, Arity::exactly(1)),
        ("chr", b_chr, Arity::exactly(1)),
        ("ord", b_ord, Arity::exactly(1)),
        ("dir", b_dir, Arity::range(0, 1)),
        ("divmod", b_divmod, Arity::exactly(2)),
        ("format", b_format, Arity::range(1, 2)),
        ("getattr", b_getattr, Arity::range(2, 3)),
        ("setattr", b_setattr, Arity::exactly(3)),
        ("hasattr", b_hasattr, Arity::exactly(2)),
        ("delattr", b_delattr, Arity::exactly(2)),
        ("globals", b_globals, Arity::none()),
        ("locals", b_locals, Arity::none()),
        ("vars", b_vars, Arity::range(0, 1)),
        ("hash", b_hash, Arity::exactly(1)),
        ("id", b_id, Arity::exactly(1)),
        ("isinstance", b_isinstance, Arity::exactly(2)),
        ("issubclass", b_issubclass, Arity::exactly(2)),
        ("iter", b_iter, Arity::range(1, 2)),
        ("next", b_next, Arity::range(1, 2)),
        ("max", b_max, Arity::any().kw()),
        ("min", b_min, Arity::any().kw()),
        ("sum", b_sum, Arity::any().kw()),
        ("pow", b_pow, Arity::parsed()),
        ("round", b_round, Arity::parsed()),
        ("sorted", b_sorted, Arity::exactly(1).kw()),
        ("__build_class__", b_build_class, Arity::any().kw()),
        ("__import__", b_import, Arity::parsed()),
        ("exit", b_exit, Arity::range(0, 1)),
        ("quit", b_exit, Arity::range(0, 1)),
    ];
    vm.add_functions(b, fns);
    let s = vm.types.super_;
    vm.add_staticmethod(s, "__new__", super_new, Arity::any().kw());
    for name in ["sum", "sorted", "max", "min", "any", "all"] {
        vm.mark_gc_safe(b, name);
    }
    let nk = vm.intern("NotImplemented");
    let ni = vm.not_implemented;
    let _ = vm.dict_set(b, nk, ni);
    let ek = vm.intern("Ellipsis");
    let el = vm.ellipsis;
    let _ = vm.dict_set(b, ek, el);
    let dk = vm.intern("__debug__");
    let _ = vm.dict_set(b, dk, Value::Bool(true));
    let _ = ToPrimitive::to_i64(&BigInt::zero());
}

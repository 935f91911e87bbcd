//! The `builtins` module's functions: the table that registers them (`register`)
//! and the small ones (`len`, `repr`, `chr`, `ord`, `format`, `__import__`, ...); the
//! others by theme in `print_input`, `numbers`, `iteration`, `introspection`, and
//! the `sys` module in `sys`, what `site` adds (`exit`, `help`, ...) in `site`.

pub(crate) mod docs;
mod exec;
pub(crate) mod introspection;
mod iteration;
#[rustfmt::skip]
mod native_docs;
mod numbers;
mod print_input;
pub(crate) mod site;
pub mod sys;
mod sys_info;

pub use exec::code_object;
pub use introspection::{dir_names, frame_locals};

use introspection::*;
use iteration::*;

/// `next` and `iter`, for the CALL instructions' fast paths (`interp/call_native.rs`).
pub(crate) const B_NEXT: crate::object::NativeFn = b_next;
pub(crate) const B_ITER: crate::object::NativeFn = b_iter;
use numbers::*;
use print_input::*;

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Value;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

type Args<'a> = &'a [Value];
use crate::Kw;

pub(crate) fn b_len(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
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

fn b_format(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => vm.expect_str(*s, "format() argument 2")?,
        None => String::new(),
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.new_str(s))
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
        ("compile", exec::b_compile, Arity::parsed()),
        ("exec", exec::b_exec, Arity::parsed()),
        ("eval", exec::b_eval, Arity::parsed()),
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
    site::register(vm);
    let _ = ToPrimitive::to_i64(&BigInt::zero());
}

//! The constructors of `bytes` and `bytearray`, and bytearray's mutating methods.
//! (Item and slice assignment and deletion are in `subscript.rs`, `+=` and `*=` in
//! `ops.rs`.)

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::types::bytes::{arg_byte, this};
use crate::{PyResult, Vm};

type Args<'a> = &'a [Value];
use crate::Kw;

fn ba_ref(vm: &mut Vm, args: Args, name: &str) -> PyResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::ByteArray(_)) => Ok(*r),
        _ => Err(vm.new_type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply"
        ))),
    }
}

fn ba_mut(vm: &mut Vm, r: ObjRef) -> &mut Vec<u8> {
    match vm.heap.kind_mut(r) {
        Kind::ByteArray(b) => b,
        _ => unreachable!("checked bytearray"),
    }
}

/// The bytes of an iterable of ints (for `extend` and the constructors).
fn ints_to_bytes(vm: &mut Vm, src: Value, is_bytes: bool) -> PyResult<Vec<u8>> {
    let mut v = vec![];
    for it in vm.iterate(src)? {
        let x = vm.expect_int(it, "")?;
        if !(0..256).contains(&x) {
            let what = if is_bytes { "bytes" } else { "byte" };
            return Err(vm.new_value_error(format!("{what} must be in range(0, 256)")));
        }
        v.push(x as u8);
    }
    Ok(v)
}

fn ba_append(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "append")?;
    vm.check_args("append", &args[1..], 1, 1)?;
    let x = arg_byte(vm, args[1])?;
    ba_mut(vm, r).push(x);
    vm.heap.charge(1);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "extend")?;
    vm.check_args("extend", &args[1..], 1, 1)?;
    let src = args[1];
    let more = match vm.bytes_of(src) {
        Some(b) => b,
        None => {
            if vm.as_str(src).is_none() && vm.get_iter(src).is_err() {
                let t = vm.type_name(src);
                return Err(vm.new_type_error(format!("can't extend bytearray with {t}")));
            }
            ints_to_bytes(vm, src, false)?
        }
    };
    vm.heap.charge(more.len() as u64);
    ba_mut(vm, r).extend(more);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "insert")?;
    vm.check_args("insert", &args[1..], 2, 2)?;
    let i = vm.expect_int(args[1], "")?;
    let x = arg_byte(vm, args[2])?;
    let b = ba_mut(vm, r);
    let len = b.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.insert(i as usize, x);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "pop")?;
    vm.check_args("pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(v) => vm.expect_int(*v, "")?,
        None => -1,
    };
    let len = ba_mut(vm, r).len() as i64;
    if len == 0 {
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(vm.new_index_error("pop index out of range"));
    }
    let x = ba_mut(vm, r).remove(i as usize);
    Ok(Value::Int(x as i64))
}

fn ba_remove(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "remove")?;
    vm.check_args("remove", &args[1..], 1, 1)?;
    let x = arg_byte(vm, args[1])?;
    let b = ba_mut(vm, r);
    match b.iter().position(|c| *c == x) {
        Some(i) => {
            b.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.new_value_error("value not found in bytearray".into())),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "reverse")?;
    ba_mut(vm, r).reverse();
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "clear")?;
    ba_mut(vm, r).clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    ba_ref(vm, args, "copy")?;
    let b = this(vm, args)?;
    Ok(vm.new_bytearray(b))
}

/// The initial contents of `bytes(source, encoding, errors)` / `bytearray(...)`
/// (`args` after the class or the instance).
fn bytes_from_arg(vm: &mut Vm, args: Args, kw: Kw, is_bytes: bool) -> PyResult<Vec<u8>> {
    let name = if is_bytes { "bytes" } else { "bytearray" };
    let [src, enc, errors] =
        KwSpec::new(name, ["source", "encoding", "errors"]).parse(vm, args, kw)?;
    let [src, enc, errors] = [src, enc, errors].map(|v| v.unwrap_or(Value::Undef));
    if src.is_undef() {
        if !enc.is_undef() || !errors.is_undef() {
            let msg = if enc.is_undef() {
                "errors without a string argument"
            } else {
                "encoding without a string argument"
            };
            return Err(vm.new_type_error(msg.into()));
        }
        return Ok(vec![]);
    }
    if let Some(s) = vm.as_str(src) {
        let s = s.to_string();
        if enc.is_undef() {
            return Err(vm.new_type_error("string argument without an encoding".into()));
        }
        let sv = vm.new_str(s);
        let mut cargs = vec![enc];
        if !errors.is_undef() {
            cargs.push(errors);
        }
        let b = vm.call_method(sv, "encode", &cargs)?;
        return Ok(vm.bytes_of(b).unwrap_or_default());
    }
    if !enc.is_undef() || !errors.is_undef() {
        let msg = if enc.is_undef() {
            "errors without a string argument"
        } else {
            "encoding without a string argument"
        };
        return Err(vm.new_type_error(msg.into()));
    }
    if is_bytes && matches!(src, Value::Obj(_)) {
        let name = vm.intern("__bytes__");
        let cls = vm.type_of(src);
        if let Some(f) = vm.user_override(cls, name) {
            let b = vm.call_special(f, &[src])?;
            return match vm.bytes_of(b) {
                Some(b) => Ok(b),
                None => {
                    let t = vm.type_name(b);
                    Err(vm.new_type_error(format!("__bytes__ returned non-bytes (type {t})")))
                }
            };
        }
    }
    if let Some(b) = vm.bytes_of(src) {
        return Ok(b);
    }
    if let Some(n) = vm.index_ssize(src)? {
        if n < 0 {
            return Err(vm.new_value_error("negative count".into()));
        }
        return vm.repeat_vec(&[0], n as usize);
    }
    if vm.get_iter(src).is_err() {
        let t = vm.type_name(src);
        let what = if is_bytes { "bytes" } else { "bytearray" };
        return Err(vm.new_type_error(format!("cannot convert '{t}' object to {what}")));
    }
    ints_to_bytes(vm, src, is_bytes)
}

fn bytes_new(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| v.obj()) else {
        return Err(vm.new_type_error("bytes.__new__(X): X is not a type object".into()));
    };
    let b = bytes_from_arg(vm, &args[1..], kw, true)?;
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Bytes(b))))
}

/// `bytearray.__new__`: an empty bytearray; `__init__` (the subclass's, if any) fills it.
fn bytearray_new(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| v.obj()) else {
        return Err(vm.new_type_error("bytearray.__new__(X): X is not a type object".into()));
    };
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::ByteArray(vec![]))))
}

/// `bytearray(source=b'', encoding=None, errors=None)`: replaces the contents.
fn bytearray_init(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let r = ba_ref(vm, args, "__init__")?;
    let b = bytes_from_arg(vm, &args[1..], kw, false)?;
    *ba_mut(vm, r) = b;
    Ok(Value::None)
}

pub fn register(vm: &mut Vm) {
    vm.add_staticmethod(vm.types.bytes, "__new__", bytes_new, Arity::any().kw());
    vm.add_staticmethod(
        vm.types.bytearray,
        "__new__",
        bytearray_new,
        Arity::any().kw(),
    );
    let ba = vm.types.bytearray;
    let methods: &[NativeDef] = &[
        ("__init__", bytearray_init, Arity::parsed()),
        ("append", ba_append, Arity::exactly(1)),
        ("extend", ba_extend, Arity::exactly(1)),
        ("insert", ba_insert, Arity::exactly(2)),
        ("pop", ba_pop, Arity::range(0, 1)),
        ("remove", ba_remove, Arity::exactly(1)),
        ("reverse", ba_reverse, Arity::none()),
        ("clear", ba_clear, Arity::none()),
        ("copy", ba_copy, Arity::none()),
    ];
    vm.add_methods(ba, methods);
}

//! `sys`'s descriptions of the interpreter: `float_info`, `int_info`, `hash_info`,
//! `thread_info` (struct sequences: tuples with named fields), the encodings, and
//! `sys.exception()`.

use crate::args::{Arity, NativeDef};
use crate::object::{Kind, ObjRef, Value};
use crate::{Kw, PyResult, Vm};

/// The field names of a struct sequence class (its `_fields`).
fn fields_of(vm: &mut Vm, v: Value) -> Vec<String> {
    let cls = vm.type_of(v);
    let k = vm.intern("_fields");
    let d = vm.class_data(cls).dict;
    match vm.dict_get_str(d, k) {
        Some(t) => vm.tuple_items(t).iter().map(|n| vm.str_lossy(*n)).collect(),
        None => vec![],
    }
}

/// `seq.name`: the item at the name's place in `_fields`.
fn seq_getattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let name = vm.str_lossy(args[1]);
    let fields = fields_of(vm, args[0]);
    if let Some(i) = fields.iter().position(|f| *f == name) {
        if let Some(v) = vm.tuple_items(args[0]).get(i) {
            return Ok(*v);
        }
    }
    let t = vm.type_name(args[0]);
    let cls = vm.types.attribute_error;
    Err(vm.new_error(cls, format!("'sys.{t}' object has no attribute '{name}'")))
}

/// `sys.float_info(max=..., ...)`.
fn seq_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let fields = fields_of(vm, args[0]);
    let items = vm.tuple_items(args[0]);
    let mut parts = vec![];
    for (f, v) in fields.iter().zip(items) {
        let r = vm.repr(v)?;
        parts.push(format!("{f}={r}"));
    }
    let t = vm.type_name(args[0]);
    Ok(vm.new_str(format!("sys.{t}({})", parts.join(", "))))
}

/// A struct sequence `sys.NAME` holding `items` under `fields`.
fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], items: Vec<Value>) -> Value {
    let tuple = vm.types.tuple;
    let cls = vm.new_native_class(name, tuple, "sys");
    if let Kind::Class(c) = vm.heap.kind_mut(cls) {
        // Dispatch through the class's methods (`__getattr__`, `__repr__`).
        c.is_builtin = false;
    }
    vm.add_method(cls, "__getattr__", seq_getattr, Arity::exactly(1));
    vm.add_method(cls, "__repr__", seq_repr, Arity::none());
    let names: Vec<Value> = fields.iter().map(|f| vm.new_str(f.to_string())).collect();
    let names = vm.new_tuple(names);
    let d = vm.class_data(cls).dict;
    let k = vm.intern("_fields");
    let _ = vm.dict_set(d, k, names);
    Value::Obj(vm.heap.alloc(cls, Kind::Tuple(items)))
}

fn getdefaultencoding(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm.intern("utf-8"))
}

fn getfilesystemencodeerrors(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm.intern("surrogateescape"))
}

fn is_finalizing(_: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

/// `sys.exception()`: the exception being handled, or None (3.11).
fn exception(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(vm.exc_info)
}

/// Add the descriptions to the `sys` dict `d`.
pub(super) fn register(vm: &mut Vm, d: ObjRef) {
    let fns: &[NativeDef] = &[
        ("getdefaultencoding", getdefaultencoding, Arity::none()),
        ("getfilesystemencoding", getdefaultencoding, Arity::none()),
        (
            "getfilesystemencodeerrors",
            getfilesystemencodeerrors,
            Arity::none(),
        ),
        ("is_finalizing", is_finalizing, Arity::none()),
        ("exception", exception, Arity::none()),
    ];
    vm.add_functions(d, fns);
    let s = |vm: &mut Vm, t: &str| vm.new_str(t.to_string());
    let float_info = struct_seq(
        vm,
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
    );
    let int_info = struct_seq(
        vm,
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
    );
    let siphash = s(vm, "siphash13");
    let hash_info = struct_seq(
        vm,
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        vec![
            Value::Int(64),
            Value::Int(2_305_843_009_213_693_951),
            Value::Int(314_159),
            Value::Int(0),
            Value::Int(1_000_003),
            siphash,
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    // Green threads in one VM (docs/threads.md): no OS thread library to name.
    let green = s(vm, "revpy-green");
    let thread_info = struct_seq(
        vm,
        "thread_info",
        &["name", "lock", "version"],
        vec![green, Value::None, Value::None],
    );
    let short = s(vm, "short");
    let empty = s(vm, "");
    let warnoptions = vm.new_list(vec![]);
    let xoptions = Value::Obj(vm.new_dict());
    for (name, v) in [
        ("float_info", float_info),
        ("int_info", int_info),
        ("hash_info", hash_info),
        ("thread_info", thread_info),
        ("maxunicode", Value::Int(0x10ffff)),
        ("hexversion", Value::Int(0x030b_07f0)),
        ("api_version", Value::Int(1013)),
        ("float_repr_style", short),
        ("abiflags", empty),
        // revpy compiles in memory and never writes .pyc files.
        ("dont_write_bytecode", Value::Bool(true)),
        ("warnoptions", warnoptions),
        ("_xoptions", xoptions),
    ] {
        let k = vm.intern(name);
        let _ = vm.dict_set(d, k, v);
    }
}

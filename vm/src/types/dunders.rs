//! The special methods of the built-in types as attributes (`int.__add__`,
//! `str.__mul__`, `list.__eq__`, `dict.__getitem__`, ...), so that calling them
//! directly, through `super()` in subclasses, or via `getattr` behaves as in CPython.
//!
//! Each one is a generic native parameterized by the type family and the operation
//! (const generics), implemented with the VM's built-in operator functions — never
//! the user-dispatching ones, so a subclass's `super().__getitem__(k)` cannot loop.
//! Operand types a built-in does not handle give `NotImplemented`, as in CPython.

use crate::object::{IterKind, Kind, NativeFn};
use crate::object::{ObjRef, Value};
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::{BinOp, CmpOp};

use crate::Kw;

// Type families.
const INT: u8 = 0;
const FLOAT: u8 = 1;
const COMPLEX: u8 = 2;
const STR: u8 = 3;
const BYTES: u8 = 4;
const BYTEARRAY: u8 = 5;
const LIST: u8 = 6;
const TUPLE: u8 = 7;
const DICT: u8 = 8;
const SET: u8 = 9;
const FROZENSET: u8 = 10;
const RANGE: u8 = 11;

const FAMILY_NAMES: [&str; 12] = [
    "int",
    "float",
    "complex",
    "str",
    "bytes",
    "bytearray",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "range",
];

fn family(vm: &Vm, v: Value) -> Option<u8> {
    Some(match v {
        Value::Int(_) | Value::Bool(_) => INT,
        Value::Float(_) => FLOAT,
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::BigInt(_) => INT,
            Kind::Boxed(inner) => return family(vm, *inner),
            Kind::Complex(..) => COMPLEX,
            Kind::Str(_) => STR,
            Kind::Bytes(_) => BYTES,
            Kind::ByteArray(_) => BYTEARRAY,
            Kind::List(_) => LIST,
            Kind::Tuple(_) => TUPLE,
            Kind::Dict(_) => DICT,
            Kind::Set(_) => SET,
            Kind::FrozenSet(_) => FROZENSET,
            Kind::Range(..) | Kind::BigRange(_) => RANGE,
            _ => return None,
        },
        _ => return None,
    })
}

fn is_numeric(f: u8) -> bool {
    f <= COMPLEX
}

/// Whether the built-in `self_fam` operator accepts an operand of family `other`
/// (numbers: ints with ints, floats with ints and floats, complex with all three).
fn accepts(self_fam: u8, other: Option<u8>) -> bool {
    let Some(o) = other else { return false };
    if is_numeric(self_fam) {
        return is_numeric(o) && o <= self_fam;
    }
    match self_fam {
        BYTES | BYTEARRAY => o == BYTES || o == BYTEARRAY,
        SET | FROZENSET => o == SET || o == FROZENSET,
        f => o == f,
    }
}

/// The receiver, checked to be of the family (`descriptor '__add__' requires a 'int'
/// object but received a 'str'`).
fn receiver(vm: &mut Vm, args: &[Value], fam: u8, name: &str) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(vm.new_type_error(format!("descriptor '{name}' needs an argument")));
    };
    let ok = match family(vm, v) {
        Some(f) => f == fam,
        None => false,
    };
    if !ok {
        let t = vm.type_name(v);
        let owner = FAMILY_NAMES[fam as usize];
        return Err(vm.new_type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{t}'"
        )));
    }
    Ok(v)
}

fn arg(vm: &mut Vm, args: &[Value], kw: Kw, n: usize, name: &str) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != n + 1 {
        let plural = if n == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!(
            "expected {n} argument{plural}, got {}",
            args.len().saturating_sub(1)
        )));
    }
    Ok(args.get(1).copied().unwrap_or(Value::None))
}

const BIN_NAMES: [(&str, &str, &str); 14] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__and__", "__rand__", "__iand__"),
    ("__or__", "__ror__", "__ior__"),
    ("__xor__", "__rxor__", "__ixor__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__divmod__", "__rdivmod__", "__idivmod__"),
];
const DIVMOD: u8 = 13;

fn binop_of(op: u8) -> BinOp {
    BinOp::ALL[op as usize]
}

/// The operator's built-in result, `None` for NotImplemented.
fn compute(vm: &mut Vm, fam: u8, l: Value, r: Value, op: u8) -> PyResult<Option<Value>> {
    if op == DIVMOD {
        if !is_numeric(fam) {
            return Ok(None);
        }
        let q = vm.native_binop(l, r, BinOp::FloorDiv)?;
        let m = vm.native_binop(l, r, BinOp::Mod)?;
        return Ok(match (q, m) {
            (Some(q), Some(m)) => Some(vm.new_tuple(vec![q, m])),
            _ => None,
        });
    }
    vm.native_binop(l, r, binop_of(op))
}

/// `x.__op__(y)`.
fn binary<const F: u8, const OP: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let name = BIN_NAMES[OP as usize].0;
    let l = receiver(vm, args, F, name)?;
    let r = arg(vm, args, kw, 1, name)?;
    if is_numeric(F) && !accepts(F, family(vm, r)) {
        return Ok(vm.not_implemented);
    }
    Ok(compute(vm, F, l, r, OP)?.unwrap_or(vm.not_implemented))
}

/// `x.__rop__(y)`: `y op x` with the built-in meaning.
fn reflected<const F: u8, const OP: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let name = BIN_NAMES[OP as usize].1;
    let s = receiver(vm, args, F, name)?;
    let other = arg(vm, args, kw, 1, name)?;
    // Sequence repetition commutes: `n * seq` is `seq * n`.
    let repeat = binop_of(OP) == BinOp::Mul && !is_numeric(F);
    if !repeat && !accepts(F, family(vm, other)) {
        return Ok(vm.not_implemented);
    }
    let (l, r) = if repeat { (s, other) } else { (other, s) };
    Ok(compute(vm, F, l, r, OP)?.unwrap_or(vm.not_implemented))
}

/// `x.__iop__(y)` of the mutable built-ins.
fn inplace<const F: u8, const OP: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let name = BIN_NAMES[OP as usize].2;
    let l = receiver(vm, args, F, name)?;
    let r = arg(vm, args, kw, 1, name)?;
    Ok(vm
        .inplace_native(l, r, binop_of(OP))?
        .unwrap_or(vm.not_implemented))
}

const CMP_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

/// `x.__lt__(y)` and the other rich comparisons.
fn compare<const F: u8, const OP: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let name = CMP_NAMES[OP as usize];
    let l = receiver(vm, args, F, name)?;
    let r = arg(vm, args, kw, 1, name)?;
    let op = CmpOp::ALL[OP as usize];
    let ordered = !matches!(op, CmpOp::Eq | CmpOp::Ne);
    if !accepts(F, family(vm, r)) || (ordered && matches!(F, COMPLEX | DICT | RANGE)) {
        return Ok(vm.not_implemented);
    }
    Ok(
        match crate::protocols::compare::native_compare(vm, l, r, op)? {
            Some(b) => Value::Bool(b),
            None => vm.not_implemented,
        },
    )
}

fn obj_of(v: Value) -> ObjRef {
    v.obj().expect("container")
}

fn d_len<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__len__")?;
    arg(vm, args, kw, 0, "__len__")?;
    let n = match vm.builtin_len(obj_of(s)) {
        Some(n) => n,
        None => vm.len(s)?,
    };
    Ok(Value::Int(n as i64))
}
fn d_getitem<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__getitem__")?;
    let k = arg(vm, args, kw, 1, "__getitem__")?;
    vm.getitem_builtin(s, k)
}
fn d_setitem<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__setitem__")?;
    if !kw.is_empty() || args.len() != 3 {
        return Err(vm.new_type_error(format!(
            "expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    vm.setitem_builtin(s, args[1], args[2])?;
    Ok(Value::None)
}
fn d_delitem<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__delitem__")?;
    let k = arg(vm, args, kw, 1, "__delitem__")?;
    vm.delitem_builtin(s, k)?;
    Ok(Value::None)
}
fn d_contains<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__contains__")?;
    let k = arg(vm, args, kw, 1, "__contains__")?;
    Ok(Value::Bool(vm.contains_builtin(s, k)?))
}
fn d_iter<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__iter__")?;
    arg(vm, args, kw, 0, "__iter__")?;
    vm.get_iter_builtin(s)
}
fn d_reversed<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__reversed__")?;
    arg(vm, args, kw, 0, "__reversed__")?;
    let n = vm.builtin_len(obj_of(s)).unwrap_or(0) as isize;
    let c = vm.types.reversed;
    Ok(vm.new_iter(
        c,
        IterKind::Reversed {
            seq: obj_of(s),
            idx: n - 1,
        },
    ))
}
fn d_hash<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__hash__")?;
    arg(vm, args, kw, 0, "__hash__")?;
    let h = match s {
        Value::Obj(r) => vm.hash_builtin(r)?,
        v => vm.hash(v)?,
    };
    Ok(Value::Int(h))
}
fn d_repr<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__repr__")?;
    arg(vm, args, kw, 0, "__repr__")?;
    let text = match s {
        Value::Obj(r) => vm.builtin_repr(r)?,
        v => vm.repr(v)?,
    };
    Ok(vm.new_str(text))
}
fn d_str<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = receiver(vm, args, F, "__str__")?;
    arg(vm, args, kw, 0, "__str__")?;
    let text = vm.str_of(s).to_string();
    Ok(vm.new_str(text))
}

fn payload(vm: &mut Vm, args: &[Value], fam: u8, name: &str) -> PyResult<Num> {
    let s = receiver(vm, args, fam, name)?;
    Ok(vm.num_of(s).expect("number"))
}
fn d_bool<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = payload(vm, args, F, "__bool__")?;
    arg(vm, args, kw, 0, "__bool__")?;
    let v = vm.num_value(n);
    Ok(Value::Bool(vm.truthy(v)?))
}
fn d_neg<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = payload(vm, args, F, "__neg__")?;
    arg(vm, args, kw, 0, "__neg__")?;
    let v = vm.num_value(n);
    vm.unary_neg(v)
}
fn d_pos<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = payload(vm, args, F, "__pos__")?;
    arg(vm, args, kw, 0, "__pos__")?;
    Ok(vm.num_value(n))
}
fn d_abs<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = payload(vm, args, F, "__abs__")?;
    arg(vm, args, kw, 0, "__abs__")?;
    Ok(match n {
        Num::I(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.new_bigint(-num_bigint::BigInt::from(i)),
        },
        Num::B(b) => vm.new_bigint(num_traits::Signed::abs(&b)),
        Num::F(f) => Value::Float(f.abs()),
        Num::C(r, i) => Value::Float(r.hypot(i)),
    })
}
fn d_invert<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = payload(vm, args, F, "__invert__")?;
    arg(vm, args, kw, 0, "__invert__")?;
    let v = vm.num_value(n);
    vm.unary_invert(v)
}
fn d_float<const F: u8>(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = payload(vm, args, F, "__float__")?;
    arg(vm, args, kw, 0, "__float__")?;
    match n.to_f64() {
        Some(f) => Ok(Value::Float(f)),
        None => Err(vm.new_overflow_error("int too large to convert to float")),
    }
}

/// Register `f` under `name` unless the type already defines it, with the arguments
/// of that slot (`Arity::of_slot`).
fn put(vm: &mut Vm, cls: ObjRef, name: &'static str, f: NativeFn) {
    let k = vm.intern(name);
    let d = vm.class_data(cls).dict;
    if vm.dict_get_str(d, k).is_none() {
        vm.add_method(cls, name, f, crate::args::Arity::of_slot(name));
    }
}

macro_rules! binops {
    ($vm:expr, $cls:expr, $fam:expr, [$($op:expr),*]) => {
        $( put($vm, $cls, BIN_NAMES[$op as usize].0, binary::<$fam, $op>); )*
    };
}
macro_rules! rbinops {
    ($vm:expr, $cls:expr, $fam:expr, [$($op:expr),*]) => {
        $( put($vm, $cls, BIN_NAMES[$op as usize].1, reflected::<$fam, $op>); )*
    };
}
macro_rules! ibinops {
    ($vm:expr, $cls:expr, $fam:expr, [$($op:expr),*]) => {
        $( put($vm, $cls, BIN_NAMES[$op as usize].2, inplace::<$fam, $op>); )*
    };
}
macro_rules! comparisons {
    ($vm:expr, $cls:expr, $fam:expr) => {
        put($vm, $cls, "__lt__", compare::<$fam, 0>);
        put($vm, $cls, "__le__", compare::<$fam, 1>);
        put($vm, $cls, "__eq__", compare::<$fam, 2>);
        put($vm, $cls, "__ne__", compare::<$fam, 3>);
        put($vm, $cls, "__gt__", compare::<$fam, 4>);
        put($vm, $cls, "__ge__", compare::<$fam, 5>);
    };
}
macro_rules! container {
    ($vm:expr, $cls:expr, $fam:expr) => {
        put($vm, $cls, "__len__", d_len::<$fam>);
        put($vm, $cls, "__contains__", d_contains::<$fam>);
        put($vm, $cls, "__iter__", d_iter::<$fam>);
        put($vm, $cls, "__repr__", d_repr::<$fam>);
    };
}
macro_rules! number {
    ($vm:expr, $cls:expr, $fam:expr) => {
        put($vm, $cls, "__bool__", d_bool::<$fam>);
        put($vm, $cls, "__neg__", d_neg::<$fam>);
        put($vm, $cls, "__pos__", d_pos::<$fam>);
        put($vm, $cls, "__abs__", d_abs::<$fam>);
        put($vm, $cls, "__hash__", d_hash::<$fam>);
        put($vm, $cls, "__repr__", d_repr::<$fam>);
    };
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.clone();
    // Numbers. Operator indices follow BinOp: Add 0, Sub 1, Mul 2, TrueDiv 3,
    // FloorDiv 4, Mod 5, Pow 6, LShift 7, RShift 8, And 9, Or 10, Xor 11; 13 divmod.
    binops!(vm, t.int, INT, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
    rbinops!(vm, t.int, INT, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
    comparisons!(vm, t.int, INT);
    number!(vm, t.int, INT);
    put(vm, t.int, "__invert__", d_invert::<INT>);
    put(vm, t.int, "__float__", d_float::<INT>);
    binops!(vm, t.float, FLOAT, [0, 1, 2, 3, 4, 5, 6, 13]);
    rbinops!(vm, t.float, FLOAT, [0, 1, 2, 3, 4, 5, 6, 13]);
    comparisons!(vm, t.float, FLOAT);
    number!(vm, t.float, FLOAT);
    put(vm, t.float, "__float__", d_float::<FLOAT>);
    binops!(vm, t.complex, COMPLEX, [0, 1, 2, 3, 6]);
    rbinops!(vm, t.complex, COMPLEX, [0, 1, 2, 3, 6]);
    comparisons!(vm, t.complex, COMPLEX);
    number!(vm, t.complex, COMPLEX);
    // Sequences.
    binops!(vm, t.str, STR, [0, 2, 5]);
    rbinops!(vm, t.str, STR, [2]);
    comparisons!(vm, t.str, STR);
    container!(vm, t.str, STR);
    put(vm, t.str, "__getitem__", d_getitem::<STR>);
    put(vm, t.str, "__hash__", d_hash::<STR>);
    put(vm, t.str, "__str__", d_str::<STR>);
    binops!(vm, t.bytes, BYTES, [0, 2, 5]);
    rbinops!(vm, t.bytes, BYTES, [2]);
    comparisons!(vm, t.bytes, BYTES);
    container!(vm, t.bytes, BYTES);
    put(vm, t.bytes, "__getitem__", d_getitem::<BYTES>);
    put(vm, t.bytes, "__hash__", d_hash::<BYTES>);
    binops!(vm, t.bytearray, BYTEARRAY, [0, 2, 5]);
    rbinops!(vm, t.bytearray, BYTEARRAY, [2]);
    ibinops!(vm, t.bytearray, BYTEARRAY, [0, 2]);
    comparisons!(vm, t.bytearray, BYTEARRAY);
    container!(vm, t.bytearray, BYTEARRAY);
    put(vm, t.bytearray, "__getitem__", d_getitem::<BYTEARRAY>);
    put(vm, t.bytearray, "__setitem__", d_setitem::<BYTEARRAY>);
    put(vm, t.bytearray, "__delitem__", d_delitem::<BYTEARRAY>);
    binops!(vm, t.list, LIST, [0, 2]);
    rbinops!(vm, t.list, LIST, [2]);
    ibinops!(vm, t.list, LIST, [0, 2]);
    comparisons!(vm, t.list, LIST);
    container!(vm, t.list, LIST);
    put(vm, t.list, "__getitem__", d_getitem::<LIST>);
    put(vm, t.list, "__setitem__", d_setitem::<LIST>);
    put(vm, t.list, "__delitem__", d_delitem::<LIST>);
    put(vm, t.list, "__reversed__", d_reversed::<LIST>);
    binops!(vm, t.tuple, TUPLE, [0, 2]);
    rbinops!(vm, t.tuple, TUPLE, [2]);
    comparisons!(vm, t.tuple, TUPLE);
    container!(vm, t.tuple, TUPLE);
    put(vm, t.tuple, "__getitem__", d_getitem::<TUPLE>);
    put(vm, t.tuple, "__hash__", d_hash::<TUPLE>);
    // Mappings and sets.
    binops!(vm, t.dict, DICT, [10]);
    rbinops!(vm, t.dict, DICT, [10]);
    ibinops!(vm, t.dict, DICT, [10]);
    comparisons!(vm, t.dict, DICT);
    container!(vm, t.dict, DICT);
    put(vm, t.dict, "__getitem__", d_getitem::<DICT>);
    put(vm, t.dict, "__setitem__", d_setitem::<DICT>);
    put(vm, t.dict, "__delitem__", d_delitem::<DICT>);
    binops!(vm, t.set, SET, [1, 9, 10, 11]);
    rbinops!(vm, t.set, SET, [1, 9, 10, 11]);
    ibinops!(vm, t.set, SET, [1, 9, 10, 11]);
    comparisons!(vm, t.set, SET);
    container!(vm, t.set, SET);
    binops!(vm, t.frozenset, FROZENSET, [1, 9, 10, 11]);
    rbinops!(vm, t.frozenset, FROZENSET, [1, 9, 10, 11]);
    comparisons!(vm, t.frozenset, FROZENSET);
    container!(vm, t.frozenset, FROZENSET);
    put(vm, t.frozenset, "__hash__", d_hash::<FROZENSET>);
    comparisons!(vm, t.range, RANGE);
    container!(vm, t.range, RANGE);
    put(vm, t.range, "__getitem__", d_getitem::<RANGE>);
    put(vm, t.range, "__hash__", d_hash::<RANGE>);
    // Mutable containers are unhashable: `__hash__` is None, as in CPython.
    let none_hash = vm.names.__hash__;
    for c in [t.list, t.dict, t.set, t.bytearray] {
        let d = vm.class_data(c).dict;
        let _ = vm.dict_set(d, none_hash, Value::None);
    }
}

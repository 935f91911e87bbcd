//! The smaller built-in types: `range`, `slice`, the iterator types (`enumerate`,
//! `zip`, `map`, `filter`, `reversed`, ...); sequence operators; comparisons of
//! built-in values; attributes of built-in objects.

use crate::args::Arity;
use crate::object::{IterKind, Kind};
use crate::object::{ObjRef, Value};
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::{BinOp, CmpOp};
use std::cmp::Ordering;

type Kw<'a> = &'a [(Value, Value)];

/// One step of a built-in iterator.
pub fn builtin_iter_next(vm: &mut Vm, r: ObjRef) -> PyResult<Option<Value>> {
    let Kind::Iter(state) = vm.heap.kind(r) else {
        return Ok(None);
    };
    let state = (**state).clone();
    let set_state = |vm: &mut Vm, s: IterKind| {
        if let Kind::Iter(st) = vm.heap.kind_mut(r) {
            **st = s;
        }
    };
    match state {
        IterKind::Seq { seq, idx } => {
            let item = match seq {
                Value::Obj(s) => match vm.heap.kind(s) {
                    Kind::List(v) | Kind::Tuple(v) => v.get(idx).copied(),
                    Kind::Bytes(b) | Kind::ByteArray(b) => {
                        b.get(idx).map(|x| Value::Int(*x as i64))
                    }
                    _ => None,
                },
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
                        cur: cur + step,
                        stop,
                        step,
                    },
                );
                Ok(Some(Value::Int(cur)))
            } else {
                Ok(None)
            }
        }
        IterKind::Str { s, byte } => {
            let text = vm.str_of(s);
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
                set_state(vm, IterKind::Exhausted);
                return Err(vm.new_error(
                    vm.types.runtime_error,
                    "dictionary changed size during iteration".into(),
                ));
            }
            let mut i = idx;
            while i < raw {
                let e = match vm.heap.kind(dict) {
                    Kind::Dict(d) => d.entry_at(i).copied(),
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
                set_state(vm, IterKind::Exhausted);
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
        IterKind::Enumerate { it, count } => match vm.iter_next(it)? {
            Some(v) => {
                let next = vm.binary_op(count, Value::Int(1), BinOp::Add)?;
                set_state(vm, IterKind::Enumerate { it, count: next });
                Ok(Some(vm.new_tuple(vec![count, v])))
            }
            None => Ok(None),
        },
        IterKind::Zip { its, strict } => {
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
                                    format!(
                                        "zip() argument {} is shorter than arguments 1-{}",
                                        i + 1,
                                        i
                                    )
                                };
                                return Err(vm.new_value_error(msg));
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if vm.iter_next(*other)?.is_some() {
                                    let msg = if j == 1 {
                                        "zip() argument 2 is longer than argument 1".to_string()
                                    } else {
                                        format!(
                                            "zip() argument {} is longer than arguments 1-{}",
                                            j + 1,
                                            j
                                        )
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
        IterKind::Map { f, its } => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.iter_next(*it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(f, &args, &[]).map(Some)
        }
        IterKind::Filter { f, it, negate } => loop {
            let Some(v) = vm.iter_next(it)? else {
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
            let v = vm.getitem(seq, Value::Int(idx as i64))?;
            set_state(vm, IterKind::Reversed { seq, idx: idx - 1 });
            Ok(Some(v))
        }
        IterKind::Callable { f, sentinel } => {
            let v = vm.call(f, &[], &[])?;
            if vm.eq(v, sentinel)? {
                set_state(vm, IterKind::Exhausted);
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        IterKind::GetItem { obj, idx } => match vm.getitem(obj, Value::Int(idx)) {
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

/// Built-in operators on sequences, sets and dicts (`+`, `*`, `%`, `|`, `&`, `-`, `^`).
pub fn sequence_binop(vm: &mut Vm, l: Value, r: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Value::Obj(lr), rv) = (l, r) else {
        // int * sequence
        if op == BinOp::Mul {
            if let Some(n) = vm.index_ssize(l)? {
                if let Value::Obj(rr) = r {
                    if matches!(
                        vm.heap.kind(rr),
                        Kind::Str(_)
                            | Kind::List(_)
                            | Kind::Tuple(_)
                            | Kind::Bytes(_)
                            | Kind::ByteArray(_)
                    ) {
                        return repeat(vm, r, n).map(Some);
                    }
                }
            }
        }
        return Ok(None);
    };
    match (vm.heap.kind(lr), op) {
        // A big int times a sequence: too many copies (OverflowError).
        (Kind::BigInt(_), BinOp::Mul)
            if matches!(rv, Value::Obj(rr) if matches!(
                vm.heap.kind(rr),
                Kind::Str(_) | Kind::List(_) | Kind::Tuple(_) | Kind::Bytes(_) | Kind::ByteArray(_)
            )) =>
        {
            match vm.index_ssize(l)? {
                Some(n) => repeat(vm, rv, n).map(Some),
                None => Ok(None),
            }
        }
        (Kind::Str(a), BinOp::Add) => {
            if let Some(b) = vm.as_str(rv) {
                let mut s = String::with_capacity(a.s.len() + b.len());
                s.push_str(&a.s);
                s.push_str(b);
                return Ok(Some(vm.new_str(s)));
            }
            if matches!(rv, Value::Obj(_)) && !vm.class_data(vm.type_of(rv)).is_builtin {
                return Ok(None);
            }
            let t = vm.type_name(rv);
            Err(vm.new_type_error(format!("can only concatenate str (not \"{t}\") to str")))
        }
        (Kind::Bytes(a) | Kind::ByteArray(a), BinOp::Mod) => {
            let (fmt, is_ba) = (a.clone(), matches!(vm.heap.kind(lr), Kind::ByteArray(_)));
            let b = vm.bytes_percent(&fmt, rv)?;
            Ok(Some(if is_ba {
                vm.new_bytearray(b)
            } else {
                vm.new_bytes(b)
            }))
        }
        (Kind::Str(a), BinOp::Mod) => {
            let fmt = a.s.to_string();
            let s = vm.percent_format(&fmt, rv)?;
            Ok(Some(vm.new_str(s)))
        }
        (Kind::List(a), BinOp::Add) => match rv {
            Value::Obj(rr) => match vm.heap.kind(rr) {
                Kind::List(b) => {
                    let mut v = a.clone();
                    v.extend_from_slice(b);
                    Ok(Some(vm.new_list(v)))
                }
                _ => {
                    if !vm.class_data(vm.type_of(rv)).is_builtin {
                        return Ok(None);
                    }
                    let t = vm.type_name(rv);
                    Err(vm
                        .new_type_error(format!("can only concatenate list (not \"{t}\") to list")))
                }
            },
            _ => {
                let t = vm.type_name(rv);
                Err(vm.new_type_error(format!("can only concatenate list (not \"{t}\") to list")))
            }
        },
        (Kind::Tuple(a), BinOp::Add) => match rv {
            Value::Obj(rr) => match vm.heap.kind(rr) {
                Kind::Tuple(b) => {
                    let mut v = a.clone();
                    v.extend_from_slice(b);
                    Ok(Some(vm.new_tuple(v)))
                }
                _ => {
                    if !vm.class_data(vm.type_of(rv)).is_builtin {
                        return Ok(None);
                    }
                    let t = vm.type_name(rv);
                    Err(vm.new_type_error(format!(
                        "can only concatenate tuple (not \"{t}\") to tuple"
                    )))
                }
            },
            _ => {
                let t = vm.type_name(rv);
                Err(vm.new_type_error(format!("can only concatenate tuple (not \"{t}\") to tuple")))
            }
        },
        (Kind::Bytes(a) | Kind::ByteArray(a), BinOp::Add) => {
            let is_ba = matches!(vm.heap.kind(lr), Kind::ByteArray(_));
            match vm.bytes_of(rv) {
                Some(b) => {
                    let mut v = a.clone();
                    v.extend(b);
                    Ok(Some(if is_ba {
                        vm.new_bytearray(v)
                    } else {
                        vm.new_bytes(v)
                    }))
                }
                None => {
                    let t = vm.type_name(rv);
                    let what = if is_ba { "bytearray" } else { "bytes" };
                    Err(vm.new_type_error(format!("can't concat {t} to {what}")))
                }
            }
        }
        (
            Kind::Str(_) | Kind::List(_) | Kind::Tuple(_) | Kind::Bytes(_) | Kind::ByteArray(_),
            BinOp::Mul,
        ) => match vm.index_ssize(rv)? {
            Some(n) => repeat(vm, l, n).map(Some),
            None => {
                if matches!(rv, Value::Obj(_)) && !vm.class_data(vm.type_of(rv)).is_builtin {
                    return Ok(None);
                }
                if matches!(rv, Value::Float(_))
                    || vm.as_str(rv).is_some()
                    || matches!(rv, Value::Obj(_))
                {
                    let t = vm.type_name(rv);
                    return Err(vm.new_type_error(format!(
                        "can't multiply sequence by non-int of type '{t}'"
                    )));
                }
                Ok(None)
            }
        },
        (_, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) if matches!(rv, Value::Obj(rr) if matches!(vm.heap.kind(rr), Kind::DictView(_, w) if *w != 1)) => {
            crate::types::set::dictview_binop(vm, l, rv, op).map(Some)
        }
        (Kind::Set(_) | Kind::FrozenSet(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
            if !vm.is_set_like(rv) {
                return Ok(None);
            }
            crate::types::set::set_binop(vm, l, rv, op).map(Some)
        }
        (Kind::Dict(_), BinOp::Or) => {
            if !vm.is_dict(rv) {
                return Ok(None);
            }
            let copy = vm.dict_items(lr);
            let d = vm.new_dict();
            for (k, v) in copy {
                vm.dict_set(d, k, v)?;
            }
            crate::types::dict::dict_update_from(vm, d, rv)?;
            Ok(Some(Value::Obj(d)))
        }
        (Kind::DictView(_, w), BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) if *w != 1 => {
            crate::types::set::dictview_binop(vm, l, rv, op).map(Some)
        }
        _ => Ok(None),
    }
}

/// `seq * n` for the built-in sequences, with CPython's errors for results too long
/// (`OverflowError` past Py_ssize_t for str and bytes) or too large (`MemoryError`).
fn repeat(vm: &mut Vm, seq: Value, n: i64) -> PyResult<Value> {
    let n = n.max(0) as usize;
    let Value::Obj(r) = seq else { return Ok(seq) };
    Ok(match vm.heap.kind(r) {
        Kind::Str(s) => {
            let (text, chars) = (s.s.clone(), s.char_len as usize);
            vm.repeat_len(chars, n, Some("repeated string is too long"))?;
            let t = vm.repeat_str(&text, n)?;
            vm.new_str(t)
        }
        Kind::List(v) | Kind::Tuple(v) => {
            let (items, list) = (v.clone(), matches!(vm.heap.kind(r), Kind::List(_)));
            vm.repeat_len(items.len(), n, None)?;
            let out = vm.repeat_vec(&items, n)?;
            if list {
                vm.new_list(out)
            } else {
                vm.new_tuple(out)
            }
        }
        Kind::Bytes(b) | Kind::ByteArray(b) => {
            let (b, bytes) = (b.clone(), matches!(vm.heap.kind(r), Kind::Bytes(_)));
            let msg = bytes.then_some("repeated bytes are too long");
            vm.repeat_len(b.len(), n, msg)?;
            let out = vm.repeat_vec(&b, n)?;
            if bytes {
                vm.new_bytes(out)
            } else {
                vm.new_bytearray(out)
            }
        }
        _ => seq,
    })
}

fn ord_result(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(_) | Num::B(_), Num::I(_) | Num::B(_)) => Some(a.to_big().cmp(&b.to_big())),
        (Num::F(x), other) | (other, Num::F(x)) => {
            let flip = matches!(b, Num::F(_)) && !matches!(a, Num::F(_));
            let xv = *x;
            if xv.is_nan() {
                return None;
            }
            let o = if xv.is_infinite() {
                if xv > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            } else {
                // Compare exactly: floor of the float against the int.
                let fl = xv.floor();
                let ib = other.to_big();
                let fb = crate::types::int::float_to_bigint(fl);
                match fb.cmp(&ib) {
                    Ordering::Equal => {
                        if xv > fl {
                            Ordering::Greater
                        } else {
                            Ordering::Equal
                        }
                    }
                    o => o,
                }
            };
            Some(if flip { o.reverse() } else { o })
        }
        _ => None,
    }
}

/// Comparisons between built-in values; `None` when the types do not compare.
pub fn native_compare(vm: &mut Vm, l: Value, r: Value, op: CmpOp) -> PyResult<Option<bool>> {
    if let (Some(a), Some(b)) = (vm.num_of(l), vm.num_of(r)) {
        if let (Num::C(..), _) | (_, Num::C(..)) = (&a, &b) {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                let ca = match a {
                    Num::C(x, y) => (x, y),
                    other => (other.to_f64().unwrap_or(f64::NAN), 0.0),
                };
                let cb = match b {
                    Num::C(x, y) => (x, y),
                    other => (other.to_f64().unwrap_or(f64::NAN), 0.0),
                };
                return Ok(Some((ca == cb) == (op == CmpOp::Eq)));
            }
            return Ok(None);
        }
        return Ok(Some(match num_cmp(&a, &b) {
            Some(o) => ord_result(o, op),
            None => op == CmpOp::Ne,
        }));
    }
    let (Value::Obj(a), Value::Obj(b)) = (l, r) else {
        return Ok(match op {
            CmpOp::Eq if l.is_none() || r.is_none() => Some(l.is(r)),
            CmpOp::Ne if l.is_none() || r.is_none() => Some(!l.is(r)),
            _ => None,
        });
    };
    match (vm.heap.kind(a), vm.heap.kind(b)) {
        (Kind::Str(x), Kind::Str(y)) => Ok(Some(ord_result(x.s.cmp(&y.s), op))),
        (Kind::Bytes(x) | Kind::ByteArray(x), Kind::Bytes(y) | Kind::ByteArray(y)) => {
            Ok(Some(ord_result(x.cmp(y), op)))
        }
        (Kind::List(x), Kind::List(y)) | (Kind::Tuple(x), Kind::Tuple(y)) => {
            let (x, y) = (x.clone(), y.clone());
            vm.nested(IN_COMPARISON, |vm| seq_compare(vm, &x, &y, op))
                .map(Some)
        }
        (Kind::Set(_) | Kind::FrozenSet(_), Kind::Set(_) | Kind::FrozenSet(_)) => vm
            .nested(IN_COMPARISON, |vm| {
                crate::types::set::set_compare(vm, l, r, op)
            })
            .map(Some),
        (Kind::Dict(_), Kind::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => vm
            .nested(IN_COMPARISON, |vm| dict_eq(vm, a, b))
            .map(|eq| Some(eq == (op == CmpOp::Eq))),
        (Kind::Slice(s1), Kind::Slice(s2)) => {
            // Slices compare as (start, stop, step) tuples.
            let (x, y) = (s1.to_vec(), s2.to_vec());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Kind::Range(..) | Kind::BigRange(_), Kind::Range(..) | Kind::BigRange(_))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
        {
            let eq = vm.range_eq(a, b);
            Ok(Some(eq == (op == CmpOp::Eq)))
        }
        (Kind::DictView(d1, w1), Kind::DictView(d2, w2))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) && *w1 != 1 && *w1 == *w2 =>
        {
            let (x, y) = (Value::Obj(*d1), Value::Obj(*d2));
            let xs = vm.iterate(l)?;
            let ys = vm.iterate(r)?;
            let _ = (x, y);
            let s1 = vm.new_set_from(xs)?;
            let s2 = vm.new_set_from(ys)?;
            crate::types::set::set_compare(vm, s1, s2, op).map(Some)
        }
        (Kind::DictView(_, w), Kind::Set(_) | Kind::FrozenSet(_)) if *w != 1 => {
            let xs = vm.iterate(l)?;
            let s1 = vm.new_set_from(xs)?;
            crate::types::set::set_compare(vm, s1, r, op).map(Some)
        }
        _ => Ok(None),
    }
}

/// The end of CPython's RecursionError message for comparisons nested too deep.
const IN_COMPARISON: &str = " in comparison";

/// `a == b` for two dicts.
fn dict_eq(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    let (xi, yl) = (vm.dict_items(a), vm.dict_len(b));
    if xi.len() != yl {
        return Ok(false);
    }
    for (k, v) in xi {
        match vm.dict_get(b, k)? {
            Some(w) if vm.eq(v, w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

fn seq_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !vm.eq(*p, *q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let v = vm.compare(*p, *q, op)?;
                    vm.truthy(v)
                }
            };
        }
    }
    Ok(ord_result(x.len().cmp(&y.len()), op))
}

/// Data attributes of built-in objects.
pub fn builtin_attr(vm: &mut Vm, r: ObjRef, name: &str) -> PyResult<Option<Value>> {
    if let Some(v) = crate::types::exceptions::exc_attr(vm, r, name) {
        return Ok(Some(v));
    }
    Ok(match vm.heap.kind(r) {
        Kind::Function(f) => match name {
            "__name__" => Some(f.name),
            "__qualname__" => Some(f.qualname),
            "__module__" => Some(f.module),
            "__doc__" => Some(f.doc),
            "__defaults__" => {
                let d = f.defaults.clone();
                Some(if d.is_empty() {
                    Value::None
                } else {
                    vm.new_tuple(d)
                })
            }
            "__kwdefaults__" => Some(f.kwdefaults.map(Value::Obj).unwrap_or(Value::None)),
            "__globals__" => Some(Value::Obj(f.globals)),
            "__annotations__" => {
                let a = f.annotations;
                Some(match a {
                    Some(d) => Value::Obj(d),
                    None => {
                        let d = vm.new_dict();
                        if let Kind::Function(f) = vm.heap.kind_mut(r) {
                            f.annotations = Some(d);
                        }
                        Value::Obj(d)
                    }
                })
            }
            "__closure__" => {
                let c = f.closure.clone();
                Some(if c.is_empty() {
                    Value::None
                } else {
                    vm.new_tuple(c)
                })
            }
            "__code__" => {
                let code = f.code.clone();
                let cls = vm.types.code;
                Some(Value::Obj(vm.heap.alloc(cls, Kind::Code(code))))
            }
            _ => None,
        },
        Kind::Code(c) => {
            let c = c.clone();
            match name {
                "co_name" => Some(vm.new_str(c.code.name.to_string())),
                "co_filename" => Some(vm.new_str(c.code.filename.to_string())),
                "co_firstlineno" => Some(Value::Int(c.code.first_line as i64)),
                "co_argcount" => Some(Value::Int(c.code.argcount as i64)),
                "co_varnames" => {
                    let names = c.varnames.clone();
                    Some(vm.new_tuple(names))
                }
                _ => None,
            }
        }
        Kind::BoundMethod(f, s) => {
            let (f, s) = (*f, *s);
            match name {
                "__self__" => Some(s),
                "__func__" => Some(f),
                _ => {
                    let n = vm.intern(name);
                    return vm.getattr_opt(f, n);
                }
            }
        }
        Kind::Native(nf) => match name {
            "__name__" => Some(vm.new_str(nf.name.to_string())),
            "__qualname__" => {
                let q = match nf.owner {
                    Some(o) => format!("{o}.{}", nf.name),
                    None => nf.name.to_string(),
                };
                Some(vm.new_str(q))
            }
            "__module__" => Some(if nf.owner.is_none() {
                vm.intern("builtins")
            } else {
                Value::None
            }),
            "__doc__" => Some(Value::None),
            _ => None,
        },
        Kind::Slice(s) => match name {
            "start" => Some(s[0]),
            "stop" => Some(s[1]),
            "step" => Some(s[2]),
            _ => None,
        },
        Kind::Cell(v) => match name {
            "cell_contents" => Some(*v),
            _ => None,
        },
        Kind::Generator(g) => match name {
            "__name__" => Some(g.name),
            "__qualname__" => Some(g.qualname),
            "gi_running" => Some(Value::Bool(g.running)),
            _ => None,
        },
        Kind::Module(m) => match name {
            "__name__" => Some(m.name),
            _ => None,
        },
        Kind::Boxed(inner) => {
            let inner = *inner;
            match name {
                "real" | "numerator" => Some(inner),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            }
        }
        Kind::BigInt(_) => match name {
            "real" | "numerator" => Some(Value::Obj(r)),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        _ => None,
    })
}

fn slice_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        n => return Err(vm.new_type_error(format!("slice expected at least 1 argument, got {n}"))),
    };
    Ok(vm.new_slice(start, stop, step))
}
fn slice_indices(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let len = vm.expect_int(args[1], "")?;
    let (a, b, c) = vm.slice_indices(args[0], len)?;
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let it = vm.arg_or(args, 1, kw, "iterable", Value::Undef);
    if it.is_undef() {
        return Err(
            vm.new_type_error("enumerate() missing required argument 'iterable' (pos 1)".into())
        );
    }
    let start = vm.arg_or(args, 2, kw, "start", Value::Int(0));
    let iter = vm.get_iter(it)?;
    let c = args[0].obj().expect("class");
    Ok(vm.new_iter(
        c,
        IterKind::Enumerate {
            it: iter,
            count: start,
        },
    ))
}
fn zip_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.only_kwargs("zip", kw, &["strict"])?;
    let strict = match vm.kwarg(kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = vec![];
    for a in &args[1..] {
        its.push(vm.get_iter(*a)?);
    }
    let c = args[0].obj().expect("class");
    Ok(vm.new_iter(c, IterKind::Zip { its, strict }))
}
fn map_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.new_type_error("map() must have at least two arguments.".into()));
    }
    let mut its = vec![];
    for a in &args[2..] {
        its.push(vm.get_iter(*a)?);
    }
    let c = args[0].obj().expect("class");
    Ok(vm.new_iter(c, IterKind::Map { f: args[1], its }))
}
fn filter_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("filter", &args[1..], 2, 2)?;
    let it = vm.get_iter(args[2])?;
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
        return vm.call(f, &[seq], &[]);
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
    Ok(vm.new_iter(c, IterKind::Reversed { seq, idx: n - 1 }))
}
fn iter_self(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}
fn iter_next_method(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(Value::None)),
    }
}
fn iter_length_hint(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("iterator");
    let n = match vm.heap.kind(r) {
        Kind::Iter(s) => match &**s {
            IterKind::Seq { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                vm.len(seq)?.saturating_sub(idx) as i64
            }
            IterKind::Range { cur, stop, step } => {
                crate::protocols::ops::range_len(*cur, *stop, *step)
            }
            _ => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(n))
}

pub fn register(vm: &mut Vm) {
    crate::types::range::register(vm);
    let s = vm.types.slice;
    vm.add_staticmethod(s, "__new__", slice_new, Arity::any().kw());
    vm.add_method(s, "indices", slice_indices, Arity::exactly(1));
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

//! The operators of the built-in sequences (`+`, `*` and their in-place forms on
//! str, bytes, bytearray, list and tuple).

use crate::object::Value;
use crate::object::{Kind, PyStr};
use crate::{PyResult, Vm};
use revpy_compiler::opcodes::BinOp;

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
                let s = crate::object::text::Text::concat(&a.s, b);
                let c = vm.types.str;
                return Ok(Some(Value::Obj(vm.heap.alloc(c, Kind::Str(PyStr::new(s))))));
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

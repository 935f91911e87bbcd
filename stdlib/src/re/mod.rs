//! `_sre`: revpy's regular expression engine (a backtracking matcher written for
//! revpy), used by `re` (written in Python, `stdlib/python/re/`).
//!
//! - `compile(pattern, flags)` -> `(program, groups, ((name, index), ...), flags)`,
//!   or `ValueError(message, position)` for a bad pattern;
//! - `match(program, string, pos, endpos, mode, must_advance)` -> a list
//!   `[start0, end0, start1, end1, ..., lastindex]` (-1 for unset groups) or None;
//!   mode 0 = match at pos, 1 = fullmatch, 2 = search.

mod compile;
mod exec;
mod parse;

use revpy_vm::opaque::OpaqueObject;
use revpy_vm::{Kind, ObjRef, PyResult, Value, Vm};
use std::any::Any;
use std::rc::Rc;

type Kw<'a> = &'a [(Value, Value)];

#[derive(Debug, Clone)]
struct Compiled {
    prog: Rc<compile::Program>,
    is_bytes: bool,
    /// The text last matched against, decoded to characters (finditer and sub call
    /// `match` repeatedly on the same string).
    cache: Option<(Rc<str>, Rc<Vec<char>>)>,
}

impl OpaqueObject for Compiled {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn text_of(vm: &mut Vm, v: Value) -> Option<(Vec<char>, bool)> {
    if let Some(s) = vm.as_str(v) {
        return Some((s.chars().collect(), false));
    }
    vm.bytes_of(v)
        .map(|b| (b.into_iter().map(|x| x as char).collect(), true))
}

fn re_compile(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("compile", args, 2, 2)?;
    let Some((pat, is_bytes)) = text_of(vm, args[0]) else {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!(
            "first argument must be string or compiled pattern, not {t}"
        )));
    };
    let flags = vm.expect_int(args[1], "flags")? as u32;
    let parsed = match parse::parse(&pat, flags, is_bytes) {
        Ok(p) => p,
        Err(e) => {
            let pos = if e.pos == usize::MAX {
                -1
            } else {
                e.pos as i64
            };
            return Err(pattern_error(vm, e.msg, pos));
        }
    };
    let prog = match compile::compile(&parsed.node, parsed.groups) {
        Ok(p) => p,
        Err(m) => return Err(pattern_error(vm, m, -1)),
    };
    let cls = vm.types.object;
    let obj = vm.heap.alloc(
        cls,
        Kind::Opaque(Box::new(Compiled {
            prog: Rc::new(prog),
            is_bytes,
            cache: None,
        })),
    );
    let mut names = vec![];
    for (n, g) in parsed.names {
        let nv = vm.new_str(n);
        names.push(vm.new_tuple(vec![nv, Value::Int(g as i64)]));
    }
    let names = vm.new_tuple(names);
    Ok(vm.new_tuple(vec![
        Value::Obj(obj),
        Value::Int(parsed.groups as i64),
        names,
        Value::Int(parsed.flags as i64),
    ]))
}

fn pattern_error(vm: &mut Vm, msg: String, pos: i64) -> revpy_vm::PyErr {
    let m = vm.new_str(msg);
    let p = if pos < 0 {
        Value::None
    } else {
        Value::Int(pos)
    };
    let cls = vm.types.value_error;
    vm.new_exception(cls, vec![m, p])
}

fn compiled_ref(vm: &Vm, v: Value) -> Option<ObjRef> {
    let r = v.obj()?;
    match vm.heap.kind(r) {
        Kind::Opaque(o) if o.as_any().downcast_ref::<Compiled>().is_some() => Some(r),
        _ => None,
    }
}

/// The characters of `v`, reusing the pattern's cache for the same str object.
fn chars_for(vm: &mut Vm, pr: ObjRef, v: Value) -> PyResult<Rc<Vec<char>>> {
    let text: Option<Rc<str>> = match v.obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Str(s)) => Some(s.s.clone()),
        _ => None,
    };
    if let Some(t) = text {
        if let Kind::Opaque(o) = vm.heap.kind(pr) {
            if let Some(c) = o.as_any().downcast_ref::<Compiled>() {
                if let Some((k, chars)) = &c.cache {
                    if Rc::ptr_eq(k, &t) {
                        return Ok(chars.clone());
                    }
                }
            }
        }
        let chars = Rc::new(t.chars().collect::<Vec<char>>());
        if let Kind::Opaque(o) = vm.heap.kind_mut(pr) {
            if let Some(c) = o.as_any_mut().downcast_mut::<Compiled>() {
                c.cache = Some((t, chars.clone()));
            }
        }
        return Ok(chars);
    }
    match text_of(vm, v) {
        Some((c, _)) => Ok(Rc::new(c)),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("expected string or bytes-like object, got '{t}'")))
        }
    }
}

fn re_match(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("match", args, 6, 6)?;
    let Some(pr) = compiled_ref(vm, args[0]) else {
        return Err(vm.new_type_error("match() needs a compiled program".into()));
    };
    let (prog, is_bytes) = match vm.heap.kind(pr) {
        Kind::Opaque(o) => match o.as_any().downcast_ref::<Compiled>() {
            Some(c) => (c.prog.clone(), c.is_bytes),
            None => return Ok(Value::None),
        },
        _ => return Ok(Value::None),
    };
    let is_str = vm.as_str(args[1]).is_some();
    if is_bytes && is_str {
        return Err(vm.new_type_error("cannot use a bytes pattern on a string-like object".into()));
    }
    if !is_bytes && !is_str {
        if vm.bytes_of(args[1]).is_some() {
            return Err(
                vm.new_type_error("cannot use a string pattern on a bytes-like object".into())
            );
        }
        let t = vm.type_name(args[1]);
        return Err(vm.new_type_error(format!("expected string or bytes-like object, got '{t}'")));
    }
    let text = chars_for(vm, pr, args[1])?;
    let n = text.len() as i64;
    let clamp = |v: i64| -> usize { v.clamp(0, n) as usize };
    let pos = clamp(vm.expect_int(args[2], "pos")?);
    let endpos = clamp(vm.expect_int(args[3], "endpos")?);
    let mode = vm.expect_int(args[4], "mode")?;
    let must_advance = vm.truthy(args[5])?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let ex = exec::Exec {
        prog: &prog,
        text: &text,
        end: endpos,
        reject_empty_at: must_advance.then_some(pos),
        fullmatch: mode == 1,
    };
    let Some(st) = ex.find(pos, mode == 2) else {
        return Ok(Value::None);
    };
    let mut out: Vec<Value> = st
        .slots
        .iter()
        .map(|s| Value::Int(if *s == exec::UNSET { -1 } else { *s as i64 }))
        .collect();
    // A group is reported only when both of its ends are set.
    for g in 0..out.len() / 2 {
        if matches!(out[2 * g], Value::Int(-1)) || matches!(out[2 * g + 1], Value::Int(-1)) {
            out[2 * g] = Value::Int(-1);
            out[2 * g + 1] = Value::Int(-1);
        }
    }
    out.push(Value::Int(st.lastindex as i64));
    Ok(vm.new_list(out))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_sre");
    let d = vm.module_dict(m);
    vm.add_function(d, "compile", re_compile, revpy_vm::Arity::exactly(2));
    vm.add_function(d, "match", re_match, revpy_vm::Arity::exactly(6));
    Ok(m)
}

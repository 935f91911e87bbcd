//! `compile`, `exec` and `eval`: code compiled while the program runs (always a
//! function of the program, so as deterministic as the rest), run in the caller's or
//! the given namespaces, with CPython 3.11's argument checks and errors.

use super::{Args, Kw};
use crate::args::KwSpec;
use crate::object::{Kind, ObjRef, Value};
use crate::{PyErr, PyResult, Vm};
use revpy_compiler::pycompile::{self, Error};
use revpy_compiler::{CodeObject, CompileError, CompileMode, ErrorKind};
use std::rc::Rc;

/// The `co_flags` of the calling Python code (its `__future__` features are inherited).
fn caller_flags(vm: &Vm) -> u32 {
    vm.frames.last().map(|f| f.code.code.flags).unwrap_or(0)
}

/// The source argument of `compile`/`exec`/`eval` as text: str, or bytes-like decoded as
/// UTF-8. `None` when it is neither.
fn source_text(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    if let Some(s) = vm.as_str(v) {
        return Ok(Some(s.to_string()));
    }
    let bytes = match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Bytes(b) | Kind::ByteArray(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    };
    match bytes {
        Some(b) => match String::from_utf8(b) {
            Ok(s) => Ok(Some(s)),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                let byte = e.as_bytes()[pos];
                let _ = what;
                Err(vm.new_error(
                    vm.types.syntax_error,
                    format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"
                    ),
                ))
            }
        },
        None => Ok(None),
    }
}

/// Raise what the compiler reported: SyntaxError (and subclasses) with CPython's
/// attributes, ValueError for bad arguments.
pub(crate) fn compile_error(vm: &mut Vm, e: Error, source: &str, eval: bool) -> PyErr {
    match e {
        Error::Value(m) => vm.new_value_error(m),
        Error::Unsupported(m) => vm.new_error(vm.types.not_implemented_error, m),
        Error::Compile(c) => syntax_error_from(vm, &c, source, eval),
    }
}

/// A SyntaxError (or the class the compiler names) for a compile error.
pub(crate) fn syntax_error_from(vm: &mut Vm, c: &CompileError, source: &str, eval: bool) -> PyErr {
    if c.kind == ErrorKind::Unsupported {
        return vm.new_error(vm.types.not_implemented_error, c.to_string());
    }
    let cls = {
        let k = vm.intern(c.python_type);
        match vm.dict_get_str(vm.builtins, k) {
            Some(Value::Obj(r)) if vm.is_class(Value::Obj(r)) => r,
            _ => vm.types.syntax_error,
        }
    };
    if !vm.is_subclass_ref(cls, vm.types.syntax_error) || c.line == 0 {
        return vm.new_error(cls, c.message.clone());
    }
    let msg = vm.new_str(c.message.clone());
    let file = vm.new_str(c.filename.clone());
    let text = match &c.source_line {
        Some(l) => {
            // CPython's text ends with a newline, except in eval mode where the source
            // has none after the line.
            let nl = !eval || source.split('\n').count() > c.line as usize;
            let t = if nl { format!("{l}\n") } else { l.clone() };
            vm.new_str(t)
        }
        None => Value::None,
    };
    let loc = vm.new_tuple(vec![
        file,
        Value::Int(c.line as i64),
        Value::Int(c.col as i64),
        text,
        Value::Int(c.line as i64),
        Value::Int(c.end_col as i64),
    ]);
    let e = vm.new_exception(cls, vec![msg, loc]);
    crate::types::exceptions::set_syntax_error_fields(vm, e.0);
    e
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub(super) fn b_compile(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<7> = KwSpec::new(
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
    )
    .required(3)
    .positional(6);
    let [src, filename, mode, flags, dont_inherit, optimize, _] = SPEC.parse(vm, args, kw)?;
    let (src, filename, mode) = (
        src.unwrap_or(Value::None),
        filename.unwrap_or(Value::None),
        mode.unwrap_or(Value::None),
    );
    let filename = match vm.as_str(filename) {
        Some(s) => s.to_string(),
        None => match vm.bytes_of(filename) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                let fsp = vm.intern("__fspath__");
                match vm.lookup_special(filename, fsp) {
                    Some(f) => {
                        let p = vm.call_special(f, &[filename])?;
                        vm.expect_str(p, "compile() filename")?
                    }
                    None => {
                        let t = vm.type_name(filename);
                        return Err(vm.new_type_error(format!(
                            "expected str, bytes or os.PathLike object, not {t}"
                        )));
                    }
                }
            }
        },
    };
    let mode = match vm.as_str(mode) {
        Some(s) => s.to_string(),
        None => {
            let t = vm.type_name(mode);
            return Err(
                vm.new_type_error(format!("compile() argument 'mode' must be str, not {t}"))
            );
        }
    };
    let flags = match flags {
        Some(v) => vm.expect_int(v, "")?,
        None => 0,
    };
    let dont_inherit = match dont_inherit {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let optimize = match optimize {
        Some(v) => vm.expect_int(v, "")?,
        None => -1,
    };
    let Some(text) = source_text(vm, src, "compile")? else {
        return Err(
            vm.new_type_error("compile() arg 1 must be a string, bytes or AST object".into())
        );
    };
    let inherited = caller_flags(vm);
    match pycompile::compile(
        &text,
        &filename,
        &mode,
        flags,
        dont_inherit,
        optimize,
        inherited,
    ) {
        Ok(code) => Ok(code_value(vm, &code)),
        Err(e) => Err(compile_error(vm, e, &text, mode == "eval")),
    }
}

/// A code object value for compiled code.
pub(crate) fn code_value(vm: &mut Vm, code: &Rc<CodeObject>) -> Value {
    let data = vm.load_code(code);
    let cls = vm.types.code;
    Value::Obj(vm.heap.alloc(cls, Kind::Code(data)))
}

/// A code object for loaded code (`f.__code__`, `frame.f_code`).
pub fn code_object(vm: &mut Vm, data: Rc<crate::object::CodeData>) -> Value {
    let cls = vm.types.code;
    Value::Obj(vm.heap.alloc(cls, Kind::Code(data)))
}

/// The namespaces `exec`/`eval` run in: (globals, locals).
fn namespaces(
    vm: &mut Vm,
    name: &str,
    globals: Option<Value>,
    locals: Option<Value>,
) -> PyResult<(ObjRef, ObjRef)> {
    let globals = globals.filter(|v| !v.is_none());
    let locals = locals.filter(|v| !v.is_none());
    if let Some(l) = locals {
        if !vm.is_mapping(l) {
            let msg = if name == "exec" {
                let t = vm.type_name(l);
                format!("locals must be a mapping or None, not {t}")
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.new_type_error(msg));
        }
    }
    let g = match globals {
        Some(g) => {
            if !vm.is_dict(g) {
                let gi = vm.names.__getitem__;
                let mapping_like = vm.lookup_special(g, gi).is_some();
                let msg = if name == "exec" {
                    let t = vm.type_name(g);
                    format!("exec() globals must be a dict, not {t}")
                } else if mapping_like {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                };
                return Err(vm.new_type_error(msg));
            }
            g.obj().expect("dict")
        }
        None => match vm.frames.last() {
            Some(f) => f.globals,
            None => vm.new_dict(),
        },
    };
    let l = match locals {
        Some(l) => l.obj().expect("mapping"),
        None if globals.is_some() => g,
        None => match super::introspection::frame_locals(vm, vm.frames.len().wrapping_sub(1))? {
            Value::Obj(r) => r,
            _ => g,
        },
    };
    // CPython puts the builtins in the globals if they have none.
    let bk = vm.intern("__builtins__");
    if vm.dict_get(g, bk)?.is_none() {
        let b = Value::Obj(vm.builtins);
        vm.dict_set(g, bk, b)?;
    }
    Ok((g, l))
}

fn exec_or_eval(vm: &mut Vm, name: &'static str, args: Args, kw: Kw) -> PyResult<Value> {
    let (src, globals, locals, closure) = if name == "exec" {
        // exec(source, globals=None, locals=None, /, *, closure=None)
        let spec: KwSpec<4> = KwSpec::new(name, ["source", "globals", "locals", "closure"])
            .required(1)
            .posonly(1)
            .positional(3);
        let [src, globals, locals, closure] = spec.parse(vm, args, kw)?;
        (src, globals, locals, closure.filter(|c| !c.is_none()))
    } else {
        let spec: KwSpec<3> = KwSpec::new(name, ["source", "globals", "locals"])
            .required(1)
            .posonly(1);
        let [src, globals, locals] = spec.parse(vm, args, kw)?;
        (src, globals, locals, None)
    };
    let src = src.unwrap_or(Value::None);
    let mut cells: Vec<Value> = vec![];
    let mode = if name == "eval" {
        CompileMode::Eval
    } else {
        CompileMode::Module
    };
    let code = match src {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Code(_)) => {
            let Kind::Code(c) = vm.heap.kind(r) else {
                unreachable!()
            };
            let c = c.clone();
            let n = c.code.freevars.len();
            if n == 0 {
                if closure.is_some() {
                    return Err(
                        vm.new_type_error("cannot use a closure with this code object".into())
                    );
                }
            } else {
                // A tuple of exactly `n` cells (CPython's check).
                let ok = match closure {
                    Some(Value::Obj(t)) => match vm.heap.kind(t) {
                        Kind::Tuple(items) if items.len() == n => {
                            let items = items.clone();
                            let all_cells = items.iter().all(|v| {
                                matches!(v, Value::Obj(r) if matches!(vm.heap.kind(*r), Kind::Cell(_)))
                            });
                            if all_cells {
                                cells = items;
                            }
                            all_cells
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if !ok {
                    return Err(vm.new_type_error(format!(
                        "code object requires a closure of exactly length {n}"
                    )));
                }
            }
            c
        }
        _ if closure.is_some() => {
            return Err(
                vm.new_type_error("closure can only be used when source is a code object".into())
            )
        }
        _ => {
            let text = match source_text(vm, src, name)? {
                Some(t) => t,
                None => {
                    return Err(vm.new_type_error(format!(
                        "{name}() arg 1 must be a string, bytes or code object"
                    )))
                }
            };
            let inherited = caller_flags(vm);
            match pycompile::compile_for_exec(&text, mode, inherited) {
                Ok(c) => vm.load_code(&c),
                Err(e) => {
                    let text = if name == "eval" {
                        text.trim_start_matches([' ', '\t']).to_string()
                    } else {
                        text
                    };
                    return Err(compile_error(vm, e, &text, name == "eval"));
                }
            }
        }
    };
    let (g, l) = namespaces(vm, name, globals, locals)?;
    vm.temp_roots.push(Value::Obj(g));
    vm.temp_roots.push(Value::Obj(l));
    let r = vm.run_code_with_cells(code, g, Some(l), &cells);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    let v = r?;
    Ok(if name == "eval" { v } else { Value::None })
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub(super) fn b_exec(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    exec_or_eval(vm, "exec", args, kw)
}

/// `eval(source, globals=None, locals=None)`.
pub(super) fn b_eval(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    exec_or_eval(vm, "eval", args, kw)
}

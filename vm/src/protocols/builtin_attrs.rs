//! Data attributes of built-in objects (`f.__name__`, `z.real`, `s.start`, ...):
//! what attribute lookup finds on a built-in object before its class's MRO.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

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
                if !f.code_obj.is_undef() {
                    return Ok(Some(f.code_obj));
                }
                let code = f.code.clone();
                let cls = vm.types.code;
                let c = Value::Obj(vm.heap.alloc(cls, Kind::Code(code)));
                if let Kind::Function(f) = vm.heap.kind_mut(r) {
                    f.code_obj = c;
                }
                Some(c)
            }
            _ => None,
        },
        Kind::Code(c) => {
            let c = c.clone();
            code_attr(vm, &c, name)
        }
        Kind::BoundMethod(f, s) => {
            let (f, s) = (*f, *s);
            match name {
                "__self__" => Some(s),
                // A bound built-in method has no function object behind it.
                "__func__" if !matches!(f, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Native(_))) => {
                    Some(f)
                }
                "__func__" => None,
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
                vm.intern(nf.module.unwrap_or("builtins"))
            } else {
                Value::None
            }),
            "__doc__" => Some(Value::None),
            // `int.__new__.__self__ is int` (copyreg relies on it); module functions
            // belong to their module.
            "__self__" if nf.role == crate::args::Role::New => nf.cls.map(Value::Obj),
            "__self__" if nf.owner.is_none() => {
                let k = vm.intern(nf.module.unwrap_or("builtins"));
                let modules = vm.modules;
                vm.dict_get_str(modules, k)
            }
            _ => None,
        },
        Kind::Slice(s) => match name {
            "start" => Some(s[0]),
            "stop" => Some(s[1]),
            "step" => Some(s[2]),
            _ => None,
        },
        Kind::Cell(v) => match name {
            "cell_contents" if v.is_undef() => {
                return Err(vm.new_value_error("Cell is empty".into()));
            }
            "cell_contents" => Some(*v),
            _ => None,
        },
        Kind::Generator(g) => match name {
            "__name__" => Some(g.name),
            "__qualname__" => Some(g.qualname),
            "gi_running" => Some(Value::Bool(g.running)),
            "gi_suspended" => Some(Value::Bool(g.started && !g.running && !g.finished)),
            "gi_frame" => Some(crate::types::frame::generator_frame(vm, r)?),
            "gi_code" => g
                .frame
                .as_ref()
                .map(|f| f.code.clone())
                .map(|c| crate::builtins::code_object(vm, c)),
            _ => None,
        },
        Kind::Coroutine(g) => match name {
            "__name__" => Some(g.name),
            "__qualname__" => Some(g.qualname),
            "cr_running" | "ag_running" => Some(Value::Bool(g.running)),
            "cr_suspended" | "ag_suspended" => {
                Some(Value::Bool(g.started && !g.running && !g.finished))
            }
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

/// The `co_*` attributes of a code object, as CPython 3.11 shows them.
fn code_attr(vm: &mut Vm, c: &crate::object::CodeData, name: &str) -> Option<Value> {
    use revpy_compiler::code::flags;
    let code = &c.code;
    let strs = |vm: &mut Vm, names: &[std::rc::Rc<str>]| {
        let items = names.iter().map(|n| vm.intern(n)).collect();
        vm.new_tuple(items)
    };
    Some(match name {
        "co_name" => vm.new_str(code.name.to_string()),
        "co_qualname" => vm.new_str(code.qualname.to_string()),
        "co_filename" => vm.new_str(code.filename.to_string()),
        "co_firstlineno" => Value::Int(code.first_line as i64),
        "co_argcount" => Value::Int(code.argcount as i64),
        "co_posonlyargcount" => Value::Int(code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(code.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.varnames.len() as i64),
        "co_stacksize" => Value::Int(code.max_stack as i64),
        "co_varnames" => {
            let names = c.varnames.clone();
            vm.new_tuple(names)
        }
        "co_names" => {
            let names = c.names.clone();
            vm.new_tuple(names)
        }
        "co_cellvars" => strs(vm, &code.cellvars),
        "co_freevars" => strs(vm, &code.freevars),
        "co_consts" => {
            // A function's docstring is its first constant in CPython.
            let mut items = c.consts.clone();
            if let Some(d) = &code.doc {
                let d = vm.new_str(d.to_string());
                items.insert(0, d);
            }
            vm.new_tuple(items)
        }
        "co_flags" => {
            // CO_OPTIMIZED | CO_NEWLOCALS for functions, CO_NESTED inside functions;
            // revpy's own NAME_LOCALS bit (module and class bodies) is not shown.
            let is_function =
                code.flags & flags::NAME_LOCALS == 0 && code.name.as_ref() != "<module>";
            let mut f = code.flags & !flags::NAME_LOCALS;
            if is_function {
                f |= 0x1 | 0x2;
                if code.qualname.contains("<locals>") {
                    f |= 0x10;
                }
            }
            Value::Int(f as i64)
        }
        _ => return None,
    })
}

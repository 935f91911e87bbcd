//! Evaluation for debuggers: run an expression or statements in the namespace of a
//! frame of a (copied) VM. The caller is responsible for running this on a copy of
//! the state and for putting the effects in `Mode::Sandbox` (DESIGN.md invariant 6).

use crate::object::Kind;
use crate::{ObjRef, PyResult, Value, Vm};
use revpy_compiler::{CodeObject, CompileMode};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Compiled debugger code by (how it is wrapped, source), shared by all copies of
/// a VM: a watch expression is evaluated at every stop point of a search.
pub type EvalCache = Rc<RefCell<HashMap<(u8, String), Rc<CodeObject>>>>;

/// Look up or compile (and remember) the code for `source` wrapped as `how`.
fn cached(
    cache: &EvalCache,
    how: u8,
    source: &str,
    compile: impl FnOnce() -> Result<Rc<CodeObject>, String>,
) -> Result<Rc<CodeObject>, String> {
    let key = (how, source.to_string());
    if let Some(c) = cache.borrow().get(&key) {
        return Ok(c.clone());
    }
    let code = compile()?;
    let mut map = cache.borrow_mut();
    if map.len() >= 256 {
        map.clear();
    }
    map.insert(key, code.clone());
    Ok(code)
}

/// The name the value of an evaluated expression is stored under.
const RESULT: &str = "__revdb_result__";

impl Vm {
    /// Evaluate `source` in frame `frame_index` (an index into `self.frames`; `None`:
    /// the `__main__` module, for when the program has finished). With `expr`, the
    /// source is an expression and its value is returned; otherwise it is statements
    /// and the result is None. `bindings` are extra names visible to the code (the
    /// debugger's anchors). Assignments to a function's fast locals are written back.
    pub fn eval_in_frame(
        &mut self,
        frame_index: Option<usize>,
        source: &str,
        expr: bool,
        bindings: &[(String, Value)],
    ) -> PyResult<Value> {
        // Compiled as a class body, whose names are looked up in a namespace dict
        // (locals, then globals, then builtins); module code uses globals only.
        let code = match cached(&self.eval_cache, expr as u8, source, || {
            compile_body(source, expr)
        }) {
            Ok(c) => c,
            Err(msg) => return Err(self.new_error(self.types.syntax_error, msg)),
        };
        let frame = frame_index.and_then(|i| self.frames.get(i).cloned());
        let (globals, locals, fast) = match &frame {
            None => {
                let key = self.names.__main__;
                let main = self.dict_get(self.modules, key)?;
                let d = match main {
                    Some(Value::Obj(m)) => match self.heap.kind(m) {
                        Kind::Module(md) => Some(md.dict),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(d) = d else {
                    return Err(self.new_error(
                        self.types.runtime_error,
                        "there is no frame to evaluate in".into(),
                    ));
                };
                (d, d, false)
            }
            Some(f) => match f.locals {
                Some(l) => (f.globals, l, false),
                None if f.code.code.name.as_ref() == "<module>" => (f.globals, f.globals, false),
                None => {
                    let d = self.new_dict();
                    let c = f.code.code.clone();
                    for (i, name) in f.code.varnames.clone().iter().enumerate() {
                        let v = self.stack[f.base as usize + i];
                        if !v.is_undef() {
                            self.dict_set(d, *name, v)?;
                        }
                    }
                    let nv = c.varnames.len();
                    for i in 0..c.cellvars.len() + c.freevars.len() {
                        let cell = self.stack[f.base as usize + nv + i];
                        let v = self.cell_get(cell);
                        if !v.is_undef() {
                            let k = self.intern(c.cell_name(i));
                            self.dict_set(d, k, v)?;
                        }
                    }
                    (f.globals, d, true)
                }
            },
        };
        // Names the evaluation may add to the namespace: restored afterwards.
        let mut names: Vec<String> =
            vec![RESULT.into(), "__module__".into(), "__qualname__".into()];
        names.extend(bindings.iter().map(|(n, _)| n.clone()));
        let mut saved = vec![];
        for n in &names {
            let k = self.intern(n);
            let old = self.dict_get(locals, k)?;
            saved.push((k, old));
        }
        for (name, v) in bindings {
            let k = self.intern(name);
            self.dict_set(locals, k, *v)?;
        }
        let data = self.load_code(&code);
        let r = self.run_code(data, globals, Some(locals));
        let rkey = self.intern(RESULT);
        let value = match r {
            Ok(_) if expr => self
                .dict_get(locals, rkey)
                .ok()
                .flatten()
                .unwrap_or(Value::None),
            Ok(_) => Value::None,
            Err(e) => {
                self.restore(locals, &saved);
                return Err(e);
            }
        };
        self.restore(locals, &saved);
        if fast {
            if let Some(f) = &frame {
                self.write_back(f.base as usize, &f.code.varnames.clone(), locals)?;
            }
        }
        Ok(value)
    }

    /// Evaluate `source` with builtins and `bindings` only (no program names):
    /// debugger watch expressions.
    pub fn eval_isolated(
        &mut self,
        source: &str,
        expr: bool,
        bindings: &[(String, Value)],
    ) -> PyResult<Value> {
        let code = match cached(&self.eval_cache, 2 + expr as u8, source, || {
            let text = if expr {
                format!("{RESULT} = ({source}\n)\n")
            } else {
                format!("{source}\n")
            };
            revpy_compiler::compile(&text, "<revdb>", CompileMode::Module)
                .map_err(|e| e.message.clone())
        }) {
            Ok(c) => c,
            Err(msg) => return Err(self.new_error(self.types.syntax_error, msg)),
        };
        let d = self.new_dict();
        let bkey = self.intern("__builtins__");
        self.dict_set(d, bkey, Value::Obj(self.builtins))?;
        for (name, v) in bindings {
            let k = self.intern(name);
            self.dict_set(d, k, *v)?;
        }
        let data = self.load_code(&code);
        self.run_code(data, d, Some(d))?;
        let rkey = self.intern(RESULT);
        Ok(self.dict_get(d, rkey)?.unwrap_or(Value::None))
    }

    fn restore(&mut self, d: ObjRef, saved: &[(Value, Option<Value>)]) {
        for (k, old) in saved {
            let _ = match old {
                Some(v) => self.dict_set(d, *k, *v),
                None => self.dict_del(d, *k).map(|_| ()),
            };
        }
    }

    fn write_back(&mut self, base: usize, names: &[Value], locals: ObjRef) -> PyResult<()> {
        for (i, name) in names.iter().enumerate() {
            if let Some(v) = self.dict_get(locals, *name)? {
                self.stack[base + i] = v;
            }
        }
        Ok(())
    }
}

/// The wrapper class's name: only underscores, so that no private name in the
/// evaluated source is mangled (as in pdb, which compiles at module level).
const WRAPPER: &str = "___";

/// Compile `source` as the body of a class (an expression is assigned to `RESULT`)
/// and return that body's code.
fn compile_body(source: &str, expr: bool) -> Result<Rc<CodeObject>, String> {
    let mut text = format!("class {WRAPPER}:\n");
    if expr {
        text.push_str(&format!("    {RESULT} = ({source}\n)\n"));
    } else {
        for line in source.lines() {
            text.push_str("    ");
            text.push_str(line);
            text.push('\n');
        }
        text.push_str("    pass\n");
    }
    let module = revpy_compiler::compile(&text, "<revdb>", CompileMode::Module)
        .map_err(|e| e.message.clone())?;
    module
        .consts
        .iter()
        .find_map(|c| match c {
            revpy_compiler::Constant::Code(code) if code.name.as_ref() == WRAPPER => {
                Some(code.clone())
            }
            _ => None,
        })
        .ok_or_else(|| "cannot compile the expression".to_string())
}

/// Reading without running any code: the debugger's fast path for watch
/// expressions like `$0.value`, checked at every stop point of a search. Each
/// answers None where Python would run code (descriptors, `__getattribute__`,
/// a user `__repr__`) or where the case is not simple; the caller then
/// evaluates the expression for real.
impl Vm {
    /// `obj.name` when it is a plain instance (or class) attribute.
    pub fn peek_attr(&self, obj: ObjRef, name: &str) -> Option<Value> {
        let key = self
            .interned
            .get(name)
            .or_else(|| self.interned_extra.get(name))?;
        let key = Value::Obj(*key);
        let o = self.heap.get(obj);
        let cd = self.class_data(o.class);
        if cd.is_builtin {
            return None;
        }
        let ga = self.names.__getattribute__;
        let mut class_attr = None;
        for &c in cd.mro.iter() {
            let ccd = self.class_data(c);
            if !ccd.is_builtin && self.dict_get_str(ccd.dict, ga).is_some() {
                return None;
            }
            if class_attr.is_none() {
                class_attr = self.dict_get_str(ccd.dict, key);
            }
        }
        // A class attribute that is an object may be a data descriptor (which
        // wins over the instance dict) unless it is a plain function or string.
        let class_plain = match class_attr {
            Some(Value::Obj(r)) => match self.heap.kind(r) {
                Kind::Str(_) => true,
                Kind::Function(_) | Kind::Native(_) => false,
                _ => return None,
            },
            _ => true,
        };
        if let Some(v) = self.instance_attr(Value::Obj(obj), key) {
            return Some(v);
        }
        class_attr.filter(|_| class_plain)
    }

    /// `repr(v)` of None, booleans, ints, floats and strings.
    pub fn peek_repr(&self, v: Value) -> Option<String> {
        match v {
            Value::None | Value::Undef => Some("None".into()),
            Value::Bool(b) => Some(if b { "True" } else { "False" }.into()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(revpy_compiler::float_repr(f)),
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Str(s) if self.heap.get(r).class == self.types.str => {
                    Some(crate::protocols::repr::str_repr(&s.s))
                }
                _ => None,
            },
        }
    }
}

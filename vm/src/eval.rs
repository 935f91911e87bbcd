//! Evaluation for debuggers: run an expression or statements in the namespace of a
//! frame of a (copied) VM. The caller is responsible for running this on a copy of
//! the state and for putting the effects in `Mode::Sandbox` (DESIGN.md invariant 6).

use crate::{ObjRef, PyResult, Value, Vm};
use revpy_compiler::CompileMode;

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
        let text = if expr {
            format!("{RESULT} = ({source}\n)\n")
        } else {
            format!("{source}\n")
        };
        let code = match revpy_compiler::compile(&text, "<revdb>", CompileMode::Module) {
            Ok(c) => c,
            Err(e) => {
                let msg = e.message.to_string();
                return Err(self.new_error(self.types.syntax_error, msg));
            }
        };
        let frame = frame_index.and_then(|i| self.frames.get(i).cloned());
        let (globals, locals, fast) = match &frame {
            None => {
                let key = self.names.__main__;
                let main = self.dict_get(self.modules, key)?;
                let Some(Value::Obj(m)) = main else {
                    return Err(self.new_error(
                        self.types.runtime_error,
                        "there is no frame to evaluate in".into(),
                    ));
                };
                let d = self.module_dict(m);
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
        let mut keys = vec![];
        for (name, v) in bindings {
            let k = self.intern(name);
            self.dict_set(locals, k, *v)?;
            keys.push(k);
        }
        let data = self.load_code(&code);
        let r = self.run_code(data, globals, Some(locals));
        let rkey = self.intern(RESULT);
        let value = match r {
            Ok(_) if expr => self.dict_get(locals, rkey)?.unwrap_or(Value::None),
            Ok(_) => Value::None,
            Err(e) => {
                self.cleanup(locals, &keys, rkey);
                return Err(e);
            }
        };
        if fast {
            if let Some(f) = &frame {
                self.write_back(f.base as usize, &f.code.varnames.clone(), locals)?;
            }
        }
        self.cleanup(locals, &keys, rkey);
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
        let text = if expr {
            format!("{RESULT} = ({source}\n)\n")
        } else {
            format!("{source}\n")
        };
        let code = match revpy_compiler::compile(&text, "<revdb>", CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return Err(self.new_error(self.types.syntax_error, e.message.clone())),
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

    fn cleanup(&mut self, locals: ObjRef, keys: &[Value], rkey: Value) {
        for k in keys.iter().chain(std::iter::once(&rkey)) {
            let _ = self.dict_del(locals, *k);
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

//! Running programs: loading code objects, module objects, running the main module
//! to its end, and the exit status (uncaught exceptions reported as CPython does).

use crate::debug::StopKind;
use crate::interp::{Exit, Frame};
use crate::object::{CodeData, Kind, ModuleData, ObjRef, Value};
use crate::{PyErr, PyResult, Vm};
use revpy_compiler::{CodeObject, Constant};
use std::rc::Rc;

/// How a program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Normal end or `sys.exit(n)`.
    Code(i32),
    /// Execution was stopped from outside the program (a replay diverged or ran past
    /// the end of its recording): the message says why.
    Aborted(String),
}

impl Vm {
    /// Prepare a compiled code object (and those nested in it) for execution.
    pub fn load_code(&mut self, code: &Rc<CodeObject>) -> Rc<CodeData> {
        let consts: Vec<Value> = code.consts.iter().map(|c| self.const_value(c)).collect();
        // Roots for good (`code_roots`): see `Heap::young_roots`.
        for v in &consts {
            self.heap.note_permanent_root(*v);
        }
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let varnames = code.varnames.iter().map(|n| self.intern(n)).collect();
        let fn_names = (self.intern(&code.name), self.intern(&code.qualname));
        let data = Rc::new(CodeData {
            code: code.clone(),
            consts,
            names,
            varnames,
            fn_names,
            nlocalsplus: code.nlocalsplus(),
            frame_need: code.nlocalsplus() + code.max_stack as usize + 8,
            fast_args: crate::interp::fast_args(code),
            has_cells: !code.cellvars.is_empty() || !code.freevars.is_empty(),
            caches: Default::default(),
            quick: crate::interp::quicken(&code.instrs),
            stepped: Default::default(),
        });
        self.code_roots.push(data.clone());
        data
    }

    fn const_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => self.new_bigint((**b).clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex(r, i) => self.new_complex(*r, *i),
            Constant::Str(s) => self.intern(s),
            Constant::Bytes(b) => self.new_bytes(b.to_vec()),
            Constant::Tuple(items) => {
                let vals = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(vals)
            }
            Constant::FrozenSet(items) => {
                // CPython builds the frozenset from the tuple of items, and then (merging
                // code constants) again from that frozenset's iteration order.
                let vals: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                let first = self.new_frozenset(vals).unwrap_or(Value::None);
                let again = self.set_items(first);
                self.new_frozenset(again).unwrap_or(Value::None)
            }
            Constant::Code(code) => {
                let data = self.load_code(code);
                let cls = self.types.code;
                Value::Obj(self.heap.alloc(cls, Kind::Code(data)))
            }
            Constant::Ellipsis => self.ellipsis,
        }
    }

    /// Create a module object with a fresh globals dict. It is not registered in
    /// `sys.modules`: nothing keeps it alive across a collection unless the caller
    /// makes it reachable (see "Keeping objects alive" in the crate docs);
    /// [`Vm::exec_in_module`] keeps it while its code runs.
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let d = self.new_dict();
        let n = self.new_str(name.to_string());
        let key = self.names.__name__;
        let _ = self.dict_set(d, key, n);
        let doc = self.names.__doc__;
        let _ = self.dict_set(d, doc, Value::None);
        let b = Value::Obj(self.builtins);
        let bkey = self.intern("__builtins__");
        let _ = self.dict_set(d, bkey, b);
        let cls = self.types.module;
        self.heap
            .alloc(cls, Kind::Module(Box::new(ModuleData { name: n, dict: d })))
    }

    /// The globals dict of a module object.
    pub fn module_dict(&self, m: ObjRef) -> ObjRef {
        match self.heap.kind(m) {
            Kind::Module(md) => md.dict,
            _ => panic!("not a module"),
        }
    }

    /// Run module code in a module's namespace and wait for it to finish.
    pub fn exec_in_module(&mut self, code: &Rc<CodeObject>, module: ObjRef) -> PyResult<Value> {
        let data = self.load_code(code);
        let globals = self.module_dict(module);
        // The module object may be referenced by nothing else while its code runs (an
        // embedder's module outside `sys.modules`): the collector must keep it.
        let n = self.temp_roots.len();
        self.temp_roots.push(Value::Obj(module));
        let r = self.run_code(data, globals, None);
        self.temp_roots.truncate(n);
        r
    }

    pub(crate) fn run_code(
        &mut self,
        data: Rc<CodeData>,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> PyResult<Value> {
        self.run_code_with_cells(data, globals, locals, &[])
    }

    /// `run_code` for `exec(code, closure=...)`: the code's own cells are new (empty)
    /// and its free variables are the cells given (as many as it has).
    pub(crate) fn run_code_with_cells(
        &mut self,
        data: Rc<CodeData>,
        globals: ObjRef,
        locals: Option<ObjRef>,
        free: &[Value],
    ) -> PyResult<Value> {
        let depth = self.frames.len();
        let nested = depth > 0;
        let base = self.stack.len();
        self.stack.resize(base + data.nlocalsplus, Value::Undef);
        let (nvar, ncell) = (data.code.varnames.len(), data.code.cellvars.len());
        for i in 0..ncell {
            let cell = self.new_cell(Value::Undef);
            self.stack[base + nvar + i] = cell;
        }
        for (i, c) in free.iter().enumerate().take(data.code.freevars.len()) {
            self.stack[base + nvar + ncell + i] = *c;
        }
        self.frames.push(Frame {
            code: data,
            ip: 0,
            base: base as u32,
            ret_sp: base as u32,
            globals,
            locals,
            gen: None,
            init_self: Value::Undef,
            obj: Value::Undef,
            ret: crate::interp::RET_PLAIN,
        });
        // A module imported by running code: the importer holds values in Rust.
        self.gc_holds += nested as u32;
        let r = self.run(depth);
        self.gc_holds -= nested as u32;
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Ok(Value::None),
        }
    }

    /// Run a program's main module as `__main__`. Returns the exit status, having
    /// printed a traceback for an uncaught exception.
    /// The `__main__` module, registered in `sys.modules`: its `__builtins__` is the
    /// `builtins` module (other modules get its dict), as CPython's.
    pub fn new_main_module(&mut self) -> ObjRef {
        let m = self.new_module("__main__");
        let builtins_key = self.intern("builtins");
        if let Some(b) = self.dict_get_str(self.modules, builtins_key) {
            let d = self.module_dict(m);
            let _ = self.dict_set(d, self.names.__builtins__, b);
        }
        let key = self.names.__main__;
        let _ = self.dict_set(self.modules, key, Value::Obj(m));
        m
    }

    pub fn run_main(&mut self, code: Rc<CodeObject>) -> Result<ExitStatus, String> {
        let m = self.new_main_module();
        let file_key = self.intern("__file__");
        let path = match self.main_file_path(&code.filename) {
            Ok(p) => p,
            Err(e) => return Ok(self.finish_main(Err(e))),
        };
        let fname = self.new_str(path);
        let d = self.module_dict(m);
        let _ = self.dict_set(d, file_key, fname);
        let r = self.exec_in_module(&code, m).map(|_| ());
        Ok(self.finish_main(r))
    }

    /// The main script's `__file__`: absolute, as CPython 3.9+ makes it (the working
    /// directory joined with the name given, unnormalised), for a program run as a
    /// script (`set_argv` was called: the command line and the debugger). Reading the
    /// working directory is an effect (`os.getcwd`), done only for a relative name.
    /// An embedder's program keeps the name it was compiled with.
    // Effects boundary: the world is touched only in the live closure of an effect.
    #[allow(clippy::disallowed_methods)]
    pub fn main_file_path(&mut self, name: &str) -> PyResult<String> {
        if self.argv.is_empty() || name.is_empty() || name.starts_with('/') || name.starts_with('<')
        {
            return Ok(name.to_string());
        }
        let r = self.effects.effect(crate::EffectKind::Getcwd, |_| {
            match std::env::current_dir() {
                Ok(p) => crate::effects::log::Val::Str(p.to_string_lossy().into_owned()),
                Err(e) => crate::effects::io_error_val(&e),
            }
        });
        Ok(match self.fx(r)? {
            crate::effects::log::Val::Str(cwd) if cwd.ends_with('/') => format!("{cwd}{name}"),
            crate::effects::log::Val::Str(cwd) => format!("{cwd}/{name}"),
            _ => name.to_string(),
        })
    }

    /// Report an uncaught exception as CPython does and compute the exit status.
    pub fn handle_uncaught(&mut self, e: PyErr) -> ExitStatus {
        if let Some(a) = &self.abort {
            if let Some(code) = a.exit_code {
                return ExitStatus::Code(code);
            }
            return ExitStatus::Aborted(a.message.clone());
        }
        if self.isinstance_ref(e.0, self.types.system_exit) {
            let code = self.exception_args(e.0);
            let arg = match code.len() {
                0 => Value::None,
                _ => code[0],
            };
            return match arg {
                Value::None => ExitStatus::Code(0),
                Value::Int(i) => ExitStatus::Code(i as i32),
                Value::Bool(b) => ExitStatus::Code(b as i32),
                other => {
                    let s = self.str_lossy(other);
                    let _ = self.effects.write_stderr(&format!("{s}\n"));
                    ExitStatus::Code(1)
                }
            };
        }
        let mut text = String::new();
        match crate::builtins::sys::sys_attr(self, "excepthook") {
            None => text.push_str("sys.excepthook is missing\n"),
            Some(hook) => {
                let default = crate::builtins::sys::sys_attr(self, "__excepthook__");
                if !default.is_some_and(|d| d.is(hook)) {
                    // A program's own hook reports the exception.
                    let t = Value::Obj(self.type_of(Value::Obj(e.0)));
                    let tb = crate::types::frame::traceback_of(self, e.0);
                    self.temp_roots.push(Value::Obj(e.0));
                    let r = self.call(hook, &[t, Value::Obj(e.0), tb], &[]);
                    self.temp_roots.pop();
                    let he = match r {
                        Ok(_) => return ExitStatus::Code(1),
                        Err(he) => he,
                    };
                    if let Some(a) = &self.abort {
                        return match a.exit_code {
                            Some(code) => ExitStatus::Code(code),
                            None => ExitStatus::Aborted(a.message.clone()),
                        };
                    }
                    text.push_str("Error in sys.excepthook:\n");
                    text.push_str(&self.format_exception(he));
                    text.push_str("\nOriginal exception was:\n");
                }
            }
        }
        text.push_str(&self.format_exception(e));
        self.effects.flush_stdout();
        let _ = self.effects.write_stderr(&text);
        ExitStatus::Code(1)
    }

    /// The end of the main program: report an uncaught exception, take the final
    /// stop point, flush output.
    pub(crate) fn finish_main(&mut self, r: PyResult<()>) -> ExitStatus {
        let status = match r {
            Ok(_) => ExitStatus::Code(0),
            Err(e) => self.handle_uncaught(e),
        };
        // Threads: wait for the non-daemon ones, as CPython does (threads.rs).
        let status = self.threads.main_status.clone().unwrap_or(status);
        self.threads.main_status = Some(status.clone());
        self.shutdown_threads();
        self.run_atexit();
        self.finalize_main_globals();
        self.stop_points += 1;
        if self.hooked && self.abort.is_none() {
            let _ = self.on_instruction(StopKind::End);
        }
        self.effects.flush();
        status
    }
}

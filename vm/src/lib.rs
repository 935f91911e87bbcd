//! revpy's virtual machine: values, heap, interpreter loop, built-in types and
//! functions, and the effects boundary.
//!
//! All program-visible state lives in one [`Vm`] value (DESIGN.md invariant 1), so a
//! snapshot is a clone of it.
//!
//! # Embedding
//!
//! Three verbs: **build** a VM (and give it host functions), **compile** source text,
//! **run** it.
//!
//! ```
//! use revpy_vm::{embed::host::HostValue, ExitStatus, OutputSink, Vm};
//!
//! // 1. Build. `Vm::new()` has the builtins and `sys` (the `revpy_stdlib` crate's
//! //    `new_vm()` adds the standard modules). Host functions are Rust closures
//! //    callable from Python, here as `inventory.count(...)`.
//! let mut vm = Vm::new();
//! vm.effects.stdout = OutputSink::Buffer(vec![]); // capture output (default: the process's)
//! vm.register_host_function("inventory", "count", |args| match args {
//!     [HostValue::Str(item)] => Ok(HostValue::Int(item.len() as i64)),
//!     _ => Err("count(item: str)".into()), // raised as RuntimeError in Python
//! })
//! .unwrap();
//!
//! // 2. Compile.
//! let code = vm.compile("import inventory\nprint(inventory.count('apples') * 6)", "<embedded>").unwrap();
//!
//! // 3. Run.
//! assert_eq!(vm.run_main(code).unwrap(), ExitStatus::Code(0));
//! assert_eq!(vm.effects.captured_stdout(), b"36\n");
//! ```
//!
//! Host functions ([`Vm::register_host_function`], module [`embed::host`]) take and return
//! plain Rust values ([`HostValue`]: None, bool, int, float, str, bytes, list), so a
//! closure never touches the heap. Every call is an *effect*, like reading a file:
//! - live (the default), the closure runs;
//! - recording ([`Vm::start_recording`] with any `Write + Send` destination, e.g. a
//!   file or a [`effects::log::MemoryLog`]; [`Vm::finish_recording`] at the end), the closure
//!   runs and its result is logged;
//! - replaying ([`Vm::start_replay`] with a [`effects::log::Recording`]'s effects;
//!   [`Vm::check_replay_end`] compares the totals), the closure is **not** called:
//!   the logged result is returned. A replaying VM must register the same host
//!   functions in the same order (calling another one is reported as a divergence).
//!
//! `vm/examples/host_functions.rs` records a run into memory and replays it with
//! closures that panic if called (`cargo run -p revpy-vm --example host_functions`).
//! The log format is described in `docs/log-format.md`.

pub mod builtins;
pub mod debug;
pub mod effects;
pub mod embed;
pub mod interp;
pub mod names;
pub mod object;
pub mod types;

mod args;
mod bootstrap;
mod errors;
mod import;
mod protocols;

pub use args::{Arity, KwSpec, NativeDef, Role};
pub use effects::{EffectError, EffectKind, Effects, Mode, OutputSink};
pub use embed::host::{HostFunction, HostValue};
pub use embed::{native_depth_limit, set_thread_stack_size, Limits};
pub use interp::{Exit, Frame};
pub use object::{Heap, Kind, NativeFn, Object};
pub use object::{ObjRef, Value};
pub use protocols::num::Num;

use debug::eval;
use names::Names;
use object::heap;
use object::CodeData;
use protocols::method_cache as cache;
use revpy_compiler::{CodeObject, CompileError, CompileMode, Constant};
use std::collections::HashMap;
use std::rc::Rc;
use types::Types;

/// Creates a native module (registered by `stdlib`).
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<ObjRef>;

/// A Python exception in flight: the exception object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub ObjRef);

pub type PyResult<T> = Result<T, PyErr>;

/// How a program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Normal end or `sys.exit(n)`.
    Code(i32),
    /// Execution was stopped from outside the program (a replay diverged or ran past
    /// the end of its recording): the message says why.
    Aborted(String),
}

/// What kind of stop point a debugger hook is called at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// A new source line begins (or a loop iterates).
    Line,
    /// Any other instruction (only when `Vm::step_instructions` is set).
    Instruction,
    /// A function is about to return (the frame is still there).
    Return,
    /// A frame is being left by an exception.
    ExceptionExit,
    /// The main program finished (or died of an uncaught exception).
    End,
}

/// What the hook asks the VM to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookAction {
    Continue,
    /// Stop executing: unwind to the host past every handler (the debugger has
    /// copied what it needs).
    Abort,
}

/// The debugger's hook, called at every stop point when `Vm::hooked` is set. The
/// frame is positioned at the instruction about to run; `Vm::stop_points` is the
/// time of this stop point. Shared (not copied) when the VM is cloned.
pub type Hook = Rc<std::cell::RefCell<dyn FnMut(&mut Vm, StopKind) -> HookAction>>;

/// Why execution is being stopped from outside the program. While set, exception
/// handlers and `finally` blocks do not run: the stack unwinds to the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abort {
    pub message: String,
    /// `os._exit(n)`: the program ends now with this status (no handlers, no
    /// `finally`), and this is not an error.
    pub exit_code: Option<i32>,
}

/// The virtual machine. Everything a program can observe lives here.
#[derive(Clone)]
pub struct Vm {
    pub heap: Heap,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub names: Names,
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    /// Interned strings (never iterated, so the map's order does not matter).
    /// Shared between copies of the VM (snapshots); a copy adds new strings to
    /// `interned_extra` until `fork` folds them in.
    interned: Rc<HashMap<Box<str>, ObjRef>>,
    interned_extra: HashMap<Box<str>, ObjRef>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    pub(crate) reraising: bool,
    pub recursion_limit: usize,
    /// Rust code holding values the collector cannot see is on the stack (a native
    /// call, or a call from Rust into Python): the GC waits until this is 0. Only the
    /// outermost loop and generators resumed by FOR_ITER / YIELD_FROM collect.
    pub(crate) gc_holds: u32,
    pub effects: Effects,
    /// Code objects loaded so far (their constants are GC roots).
    code_roots: Vec<Rc<CodeData>>,
    pub(crate) object_new: Value,
    pub(crate) builtin_build_class: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    /// Cache of attribute lookups through the MRO: (class, name) -> value.
    pub(crate) mro_cache: cache::MethodCache,
    /// Line-start events so far: the debugger's notion of time.
    pub stop_points: u64,
    /// Instructions executed so far (`stepi` counts these).
    pub instructions: u64,
    /// Whether `on_instruction` runs before every instruction (trace mode, debuggers).
    pub hooked: bool,
    /// The debugger hook (see `Hook`).
    pub hook: Option<Hook>,
    /// Call the hook at every instruction, not only at stop points (`stepi`).
    pub step_instructions: bool,
    /// Nesting of interpreter loops: 1 when only the main program's loop runs (no
    /// Rust code in between), so the VM's state is all in this struct.
    pub(crate) loops: u32,
    /// The deepest nesting of interpreter loops allowed (natives calling back into
    /// Python, such as `__repr__` or a sort key, recurse on the Rust stack): beyond
    /// it a call raises RecursionError. Set from the stack size of the thread that
    /// created the VM (`embed::set_thread_stack_size`).
    pub native_depth_limit: u32,
    /// An embedder's budgets for this run (`set_limits`), checked at stop points.
    pub limits: embed::Limits,
    /// Print each instruction with the stack (`revpy run --trace`).
    pub trace: bool,
    /// Values natives hold across calls into Python (GC roots).
    pub temp_roots: Vec<Value>,
    /// The shared one-character strings (see `char_str`); interned, so GC roots.
    pub(crate) char_cache: Vec<Value>,
    /// Containers whose repr is being computed (to print `[...]` for cycles). Only
    /// membership is asked, never the order.
    pub repr_guard: std::collections::HashSet<ObjRef>,
    /// Levels of native recursion in progress (repr, comparison, hashing of nested
    /// containers): they count against `recursion_limit` with the frames.
    pub(crate) native_depth: u32,
    /// `sys.get_int_max_str_digits()`: the most digits int <-> decimal str conversions
    /// accept (0: no limit).
    pub int_max_str_digits: usize,
    /// Set when execution must stop regardless of the program's handlers.
    pub abort: Option<Abort>,
    /// Search path for imports (sys.path).
    pub(crate) sys: Option<ObjRef>,
    pub argv: Vec<String>,
    /// Directory of the main script, for imports.
    pub script_dir: String,
    /// Sources of every module loaded (for recordings).
    /// Shared between copies of the VM (snapshots): push with `add_source`.
    pub loaded_sources: Rc<Vec<(String, String)>>,
    /// Native modules by name (filled by `stdlib`), created on first import.
    pub native_modules: Vec<(&'static str, NativeModuleInit)>,
    /// Modules written in Python and bundled in the binary: (name, source).
    pub frozen_modules: Vec<(&'static str, &'static str)>,
    /// Compiled debugger expressions (shared by copies).
    pub(crate) eval_cache: eval::EvalCache,
    /// Host functions registered by an embedder (`register_host_function`), by index.
    pub host_functions: Vec<HostFunction>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    /// A VM with the built-in types, functions and the `sys` module, writing to the
    /// process's stdout and stderr.
    pub fn new() -> Vm {
        bootstrap::new_vm()
    }

    /// Compile source text as a module.
    pub fn compile(
        &mut self,
        source: &str,
        filename: &str,
    ) -> Result<Rc<CodeObject>, CompileError> {
        revpy_compiler::compile(source, filename, CompileMode::Module)
    }

    /// Intern a string: the same text always gives the same object.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(r) = self.interned.get(s).or_else(|| self.interned_extra.get(s)) {
            return Value::Obj(*r);
        }
        let v = self.new_str_obj(s);
        if let Kind::Str(ps) = self.heap.kind_mut(v) {
            ps.interned = true;
        }
        match Rc::get_mut(&mut self.interned) {
            Some(m) => m.insert(s.into(), v),
            None => self.interned_extra.insert(s.into(), v),
        };
        Value::Obj(v)
    }

    /// Prepare a compiled code object (and those nested in it) for execution.
    pub fn load_code(&mut self, code: &Rc<CodeObject>) -> Rc<CodeData> {
        let consts: Vec<Value> = code.consts.iter().map(|c| self.const_value(c)).collect();
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let varnames = code.varnames.iter().map(|n| self.intern(n)).collect();
        let data = Rc::new(CodeData {
            code: code.clone(),
            consts,
            names,
            varnames,
            nlocalsplus: code.nlocalsplus(),
            caches: (0..code.instrs.len()).map(|_| Default::default()).collect(),
        });
        self.code_roots.push(data.clone());
        data
    }

    fn const_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => self.new_bigint(b.clone()),
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

    /// Create a module object with a fresh globals dict.
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
        self.heap.alloc(
            cls,
            Kind::Module(Box::new(heap::ModuleData { name: n, dict: d })),
        )
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
        self.run_code(data, globals, None)
    }

    pub(crate) fn run_code(
        &mut self,
        data: Rc<CodeData>,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> PyResult<Value> {
        let depth = self.frames.len();
        let nested = depth > 0;
        let base = self.stack.len();
        self.stack.resize(base + data.nlocalsplus, Value::Undef);
        self.frames.push(Frame {
            code: data,
            ip: 0,
            base: base as u32,
            ret_sp: base as u32,
            globals,
            locals,
            gen: None,
            init_self: Value::Undef,
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
    pub fn run_main(&mut self, code: Rc<CodeObject>) -> Result<ExitStatus, String> {
        let m = self.new_module("__main__");
        let file_key = self.intern("__file__");
        let fname = self.new_str(code.filename.to_string());
        let d = self.module_dict(m);
        let _ = self.dict_set(d, file_key, fname);
        let key = self.names.__main__;
        let _ = self.dict_set(self.modules, key, Value::Obj(m));
        let r = self.exec_in_module(&code, m).map(|_| ());
        Ok(self.finish_main(r))
    }

    /// Turn an effect failure (replay divergence or end of log) into an abort that
    /// unwinds past every handler, naming the effect and the source line.
    pub fn fx<T>(&mut self, r: Result<T, EffectError>) -> PyResult<T> {
        match r {
            Ok(v) => Ok(v),
            Err(EffectError::Offline { asked }) => Err(self.new_error(
                self.types.runtime_error,
                format!("I/O is not available in this VM ({})", asked.name()),
            )),
            Err(EffectError::Sandbox { asked }) => Err(self.new_error(
                self.types.runtime_error,
                format!(
                    "I/O is not allowed while the debugger evaluates an expression ({})",
                    asked.name()
                ),
            )),
            Err(e) => {
                let (file, line) = match self.frames.last() {
                    Some(f) => (f.code.code.filename.to_string(), f.line()),
                    None => ("<none>".into(), 0),
                };
                let message = match e {
                    EffectError::Diverged { index, recorded, asked } => format!(
                        "replay diverged at effect #{index} (file {file}, line {line}): the recording has {}, the program asked for {}",
                        recorded.name(),
                        asked.name()
                    ),
                    EffectError::Ended { index, truncated: true, asked } => format!(
                        "the recording ends at effect #{index} (file {file}, line {line}), where the program asked for {}: it was cut short (the recorded program was killed or crashed)",
                        asked.name()
                    ),
                    EffectError::Ended { index, truncated: false, asked } => format!(
                        "replay diverged at effect #{index} (file {file}, line {line}): the recording has no more effects, the program asked for {}",
                        asked.name()
                    ),
                    EffectError::Shape { index, kind, got, expected } => format!(
                        "replay diverged at effect #{index} (file {file}, line {line}): the recording has {} returning {got}, the program expected {expected}",
                        kind.name()
                    ),
                    EffectError::Sandbox { .. } | EffectError::Offline { .. } => {
                        unreachable!("handled above")
                    }
                };
                Err(self.abort_with(message))
            }
        }
    }

    /// Stop execution from outside the program.
    pub fn abort_with(&mut self, message: String) -> PyErr {
        self.abort = Some(Abort {
            message: message.clone(),
            exit_code: None,
        });
        self.new_error(self.types.system_error, message)
    }

    /// `os._exit(code)`: stop at once, skipping every handler and `finally` block; the
    /// program's exit status is `code`.
    pub fn hard_exit(&mut self, code: i32) -> PyErr {
        let message = format!("os._exit({code})");
        self.abort = Some(Abort {
            message: message.clone(),
            exit_code: Some(code),
        });
        self.new_error(self.types.system_exit, message)
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
        let text = self.format_exception(e);
        self.effects.flush_stdout();
        let _ = self.effects.write_stderr(&text);
        ExitStatus::Code(1)
    }

    /// A collection point: runs the GC if enough was allocated and no native call is in
    /// progress (natives may hold values the collector cannot see).
    #[inline]
    pub(crate) fn maybe_collect(&mut self) {
        if self.heap.allocs >= self.heap.threshold && self.gc_holds == 0 {
            self.collect_garbage();
        }
    }

    pub fn collect_garbage(&mut self) {
        let mut heap = std::mem::take(&mut self.heap);
        {
            let vm = &*self;
            let mut roots = |mark: &mut dyn FnMut(Value)| {
                for v in &vm.stack {
                    mark(*v);
                }
                for f in &vm.frames {
                    f.trace(&mut |v| mark(v));
                }
                mark(Value::Obj(vm.builtins));
                mark(Value::Obj(vm.modules));
                // Marking order does not matter: what is reachable is a set.
                #[allow(clippy::disallowed_methods)]
                for r in vm.interned.values().chain(vm.interned_extra.values()) {
                    mark(Value::Obj(*r));
                }
                mark(vm.exc_info);
                for c in &vm.code_roots {
                    c.consts.iter().for_each(|v| mark(*v));
                }
                vm.types.trace(&mut |v| mark(v));
                vm.names.trace(&mut |v| mark(v));
                for v in &vm.temp_roots {
                    mark(*v);
                }
                mark(vm.object_new);
                mark(vm.builtin_build_class);
                mark(vm.not_implemented);
                mark(vm.ellipsis);
                if let Some(s) = vm.sys {
                    mark(Value::Obj(s));
                }
            };
            heap.collect(&mut roots);
        }
        self.heap = heap;
        if self.heap.freed_class {
            self.mro_cache.invalidate();
        }
    }

    /// Called before every instruction when `hooked` is set (trace mode; debuggers).
    pub(crate) fn on_instruction(&mut self, kind: StopKind) -> PyResult<()> {
        if self.limits.active() {
            self.check_limits()?;
        }
        if self.trace && matches!(kind, StopKind::Line | StopKind::Instruction) {
            let line = self.trace_line();
            self.effects.emit_stderr(&line);
        }
        if kind == StopKind::Instruction && !self.step_instructions {
            return Ok(());
        }
        if let Some(h) = self.hook.clone() {
            let action = match h.try_borrow_mut() {
                Ok(mut f) => f(self, kind),
                // A hook running Python code on this VM: no nested stops.
                Err(_) => HookAction::Continue,
            };
            if action == HookAction::Abort {
                return Err(self.abort_with("stopped by the debugger".into()));
            }
        }
        Ok(())
    }

    /// Whether the VM's whole execution state is in this struct (no Rust frames of
    /// natives or nested loops), so a copy taken now can be resumed with `resume`.
    pub fn can_checkpoint(&self) -> bool {
        self.loops == 1 && self.gc_holds == 0
    }

    /// Remember the source text of a file the program loaded.
    pub fn add_source(&mut self, file: &str, source: &str) {
        Rc::make_mut(&mut self.loaded_sources).push((file.to_string(), source.to_string()));
    }

    /// A copy of the VM. Cheap: the copy shares the heap's chunks (each side copies
    /// a chunk when it first writes to it), the interned strings and the sources;
    /// captured output is not copied (the copy starts with empty buffers).
    pub fn fork(&mut self) -> Vm {
        let empty = |s: &OutputSink| match s {
            OutputSink::Buffer(_) => OutputSink::Buffer(vec![]),
            other => other.clone(),
        };
        if self.interned_extra.len() > 64 {
            let extra = std::mem::take(&mut self.interned_extra);
            Rc::make_mut(&mut self.interned).extend(extra);
        }
        let out = std::mem::replace(&mut self.effects.stdout, OutputSink::Null);
        let err = std::mem::replace(&mut self.effects.stderr, OutputSink::Null);
        let mut c = self.clone();
        c.effects.stdout = empty(&out);
        c.effects.stderr = empty(&err);
        self.effects.stdout = out;
        self.effects.stderr = err;
        c
    }

    /// Make this copy's caches independent of every other copy's (debugger
    /// evaluation, which may change classes the program never changed).
    pub fn isolate_caches(&mut self) {
        self.mro_cache.isolate();
    }

    /// A resumable copy of the VM taken inside the hook at a `Line` or `Return` stop:
    /// the copy re-executes the current instruction (and re-counts this stop point)
    /// when resumed. `None` where the state is not resumable.
    pub fn checkpoint(&mut self, kind: StopKind) -> Option<Vm> {
        if !self.can_checkpoint()
            || !matches!(
                kind,
                StopKind::Line | StopKind::Return | StopKind::Instruction
            )
        {
            return None;
        }
        let mut c = self.fork();
        c.loops = 0;
        let f = c.frames.last()?;
        let ins = f.code.code.instrs.get(f.ip as usize)?;
        // Resuming re-executes the instruction and re-counts its stop points: the
        // line start's, and the return's (a RETURN_VALUE that starts a line has
        // both; at its Return stop, both are taken back).
        if ins.line_start {
            c.stop_points -= 1;
        }
        if kind == StopKind::Return {
            c.stop_points -= 1;
        }
        c.instructions = c.instructions.saturating_sub(1);
        Some(c)
    }

    /// Continue a checkpointed main program to its end.
    pub fn resume(&mut self) -> ExitStatus {
        let r = match self.run(0) {
            Ok(_) => Ok(()),
            Err(e) => Err(e),
        };
        self.finish_main(r)
    }

    /// The end of the main program: report an uncaught exception, take the final
    /// stop point, flush output.
    fn finish_main(&mut self, r: PyResult<()>) -> ExitStatus {
        let status = match r {
            Ok(_) => ExitStatus::Code(0),
            Err(e) => self.handle_uncaught(e),
        };
        self.stop_points += 1;
        if self.hooked && self.abort.is_none() {
            let _ = self.on_instruction(StopKind::End);
        }
        self.effects.flush();
        status
    }

    fn trace_line(&mut self) -> String {
        let f = self.frames.last().expect("frame").clone();
        let pc = f.ip as usize;
        let ins = f.code.code.instrs[pc];
        let start = f.base as usize + f.code.nlocalsplus;
        let values: Vec<Value> = self.stack[start..].to_vec();
        let stack: Vec<String> = values.into_iter().map(|v| self.short_repr(v)).collect();
        let arg = revpy_compiler::dis::arg_repr(&f.code.code, ins.op, ins.arg);
        let argtxt = if ins.op.arg_kind() == revpy_compiler::opcodes::ArgKind::None {
            String::new()
        } else if arg.is_empty() {
            format!(" {}", ins.arg)
        } else {
            format!(" {} ({arg})", ins.arg)
        };
        format!(
            "{:>4} {:>4} {}{}  [{}]\n",
            f.code.code.line_of(pc),
            pc,
            ins.op.name(),
            argtxt,
            stack.join(", ")
        )
    }
}

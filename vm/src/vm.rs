//! The `Vm` struct: everything a program can observe, in one value (DESIGN.md
//! invariant 1), so a snapshot is a copy of it; its constructor and string interning.

use crate::debug::eval;
use crate::effects::Effects;
use crate::embed::host::HostFunction;
use crate::interp::Frame;
use crate::names::Names;
use crate::object::{CodeData, Heap, Kind, ObjRef, Value};
use crate::protocols::method_cache as cache;
use crate::types::Types;
use crate::{bootstrap, embed, Abort, Hook, PyResult};
use revpy_compiler::{CodeObject, CompileError, CompileMode};
use std::collections::HashMap;
use std::rc::Rc;

/// Creates a native module (registered by `stdlib`).
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<ObjRef>;

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
    pub(crate) interned: Rc<HashMap<Box<str>, ObjRef>>,
    pub(crate) interned_extra: HashMap<Box<str>, ObjRef>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    pub(crate) reraising: bool,
    /// The exception being raised, for the debugger hook (see `InFlight`).
    pub in_flight: crate::debug::InFlight,
    pub recursion_limit: usize,
    /// Rust code holding values the collector cannot see is on the stack (a native
    /// call, or a call from Rust into Python): the GC waits until this is 0. Only the
    /// outermost loop and generators resumed by FOR_ITER / YIELD_FROM collect.
    pub(crate) gc_holds: u32,
    pub effects: Effects,
    /// Code objects loaded so far (their constants are GC roots).
    pub(crate) code_roots: Vec<Rc<CodeData>>,
    pub(crate) object_new: Value,
    pub(crate) builtin_build_class: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    /// Cache of attribute lookups through the MRO: (class, name) -> value.
    pub(crate) mro_cache: cache::MethodCache,
    /// Where MAKE_FUNCTION last found `__name__` in a globals dict: (layout stamp,
    /// entry index) (see `function_module`). Never changes what a program sees.
    pub(crate) module_name_at: (u64, u32),
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
    /// Generator frames the loop resumed in place of a nested loop (FOR_ITER,
    /// YIELD_FROM) now on the frame stack: they count as loops for the nesting limit,
    /// as they did when each ran a nested loop.
    pub(crate) inline_gens: u32,
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
    /// Natives draining a generator (`interp/drain.rs`), innermost last; the values
    /// they took are GC roots.
    pub(crate) drains: Vec<crate::interp::Drain>,
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
    /// Shared between copies of the VM (snapshots): push with `add_source`. The
    /// bundled modules' texts are borrowed from the binary, not copied.
    pub loaded_sources: Rc<Vec<(String, std::borrow::Cow<'static, str>)>>,
    /// Native modules by name (filled by `stdlib`), created on first import.
    pub native_modules: Vec<(&'static str, NativeModuleInit)>,
    /// Modules written in Python and bundled in the binary: (name, source).
    pub frozen_modules: Vec<(&'static str, &'static str)>,
    /// Compiled debugger expressions (shared by copies).
    pub(crate) eval_cache: eval::EvalCache,
    /// Host functions registered by an embedder (`register_host_function`), by index.
    pub host_functions: Vec<HostFunction>,
    /// Green threads (`threads.rs`): the saved threads and the scheduler's state.
    pub threads: crate::threads::Threads,
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
            ps.never_attr.set(true);
        }
        match Rc::get_mut(&mut self.interned) {
            Some(m) => m.insert(s.into(), v),
            None => self.interned_extra.insert(s.into(), v),
        };
        self.heap.note_permanent_root(Value::Obj(v));
        Value::Obj(v)
    }

    /// Remember the source text of a file the program loaded.
    pub fn add_source(&mut self, file: &str, source: &str) {
        // A bundled module's text is static: keep a reference to it.
        let text = match self
            .frozen_modules
            .iter()
            .find(|(_, s)| std::ptr::eq(*s, source))
        {
            Some((_, s)) => std::borrow::Cow::Borrowed(*s),
            None => std::borrow::Cow::Owned(source.to_string()),
        };
        Rc::make_mut(&mut self.loaded_sources).push((file.to_string(), text));
    }
}

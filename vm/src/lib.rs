//! revpy's virtual machine: values, heap, interpreter loop, built-in types and
//! functions, and the effects boundary.
//!
//! All program-visible state lives in one [`Vm`] value (DESIGN.md invariant 1), so a
//! snapshot is a clone of it.
//!
//! # Where things are
//!
//! | | |
//! |---|---|
//! | `vm.rs`, `run.rs` | the [`Vm`] struct; loading code and running the main program to its [`ExitStatus`] |
//! | `errors.rs` | [`PyErr`], creating exceptions from Rust, tracebacks, aborts (replay divergence, `os._exit`) |
//! | [`object`] | the object model: [`Value`], [`Kind`] and its payloads, the [`Heap`] (chunks, serials), the collector, the dict and set tables, hashing, allocation limits |
//! | [`types`] | one file per built-in type (methods, constructors), `types/str/` for `str`, the type table |
//! | `protocols/` | operations over any object (CPython's `abstract.c`): operators, comparisons, `hash`, `in`, `repr`, formatting, subscripts, attributes, iteration, sorting |
//! | [`interp`] | the interpreter: the dispatch loop, calls, unwinding, inline caches |
//! | [`threads`] | green threads: the scheduler (switch points, `--chaos`), `_thread` and its locks |
//! | [`builtins`] | the `builtins` module (by theme) and `sys` |
//! | `import.rs` | `import`: files, packages, native and frozen modules |
//! | `args/` | how natives declare and unpack their arguments ([`Arity`], [`KwSpec`]) |
//! | `bootstrap.rs` | building a fresh VM: the type objects, `builtins`, `sys` |
//! | [`names`] | the interned names the VM looks up often |
//! | [`effects`] | the effects boundary (the one place that touches the world) and the recording log ([`effects::log`]) |
//! | [`debug`] | for debuggers: the hook at stop points, forks and checkpoints, tracing, evaluation in a frame |
//! | [`embed`] | for embedders: host functions, recording and replay from Rust, stack and run budgets |
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
//! **Keeping objects alive.** The collector traces from the VM's roots (modules in
//! `sys.modules`, frames, the stack), not from Rust variables. An [`ObjRef`] or
//! [`Value`] an embedder holds is valid only while something in the VM refers to it:
//! after any call that runs Python code (`run_main`, [`Vm::exec_in_module`], a call)
//! an unreachable object may have been freed and its slot reused. Keep what you need
//! reachable, e.g. put a module made with [`Vm::new_module`] in `sys.modules`
//! (`vm.dict_set(vm.modules, vm.intern("name"), Value::Obj(m))`) or store the object
//! in such a module's globals, or pass values across as [`HostValue`]s, which never
//! point into the heap.
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
pub mod threads;
pub mod types;

mod args;
mod bootstrap;
mod errors;
mod import;
mod protocols;
mod run;
mod suggestions;
mod vm;

// The names most users need, at the crate root.
pub use args::{Arity, Kw, KwSpec, NativeDef, Role};
pub use debug::{Hook, HookAction, StopKind};
pub use effects::{EffectError, EffectKind, Effects, Mode, OutputSink};
pub use embed::host::{HostFunction, HostValue};
pub use embed::{native_depth_limit, set_thread_stack_size, Limits};
pub use errors::{Abort, PyErr, PyResult};
pub use interp::{Exit, Frame};
pub use object::{Heap, Kind, NativeFn, Object};
pub use object::{ObjRef, Value};
pub use protocols::num::Num;
pub use run::ExitStatus;
pub use vm::{NativeModuleInit, Vm};

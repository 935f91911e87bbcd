//! Running and disassembling programs from files, with CPython's messages and exit
//! statuses for bad input.

use revpy_compiler::{CompileError, CompileMode, ErrorKind};
use revpy_vm::ExitStatus;

/// The stack sizes to try for the thread that runs the VM, largest first. Deep
/// recursion through natives (`__repr__` calling `repr`, ...) uses the Rust stack:
/// the VM allows as many nested levels as fit in the stack it got
/// (`revpy_vm::native_depth_limit`), and raises RecursionError beyond. 1 GiB holds
/// the deepest `sys.setrecursionlimit` allows; where the address space is limited
/// (`ulimit -v`), a smaller stack is taken. From 16 MiB up, programs under the
/// default recursion limit (1000) behave the same whatever the stack.
const VM_STACKS: [usize; 6] = [1 << 30, 256 << 20, 64 << 20, 16 << 20, 4 << 20, 1 << 20];

/// The soft limit on the address space (`ulimit -v`), in bytes, if there is one
/// (Linux's /proc/self/limits; elsewhere: none known).
#[allow(clippy::disallowed_methods)] // the driver's own setup, not the program's world
fn address_space_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Run `f` on a thread with a large stack (the largest of `VM_STACKS` the system
/// gives). Under a limited address space, at most a quarter of it: the heap
/// needs the rest (the allocator reserves its segments 32 MiB at a time, aligned,
/// so briefly 64 MiB), and a stack that fits only by leaving no room for the heap
/// would make the first allocation abort.
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    // The closure moves into the first spawn that succeeds; a failed spawn drops
    // its closure, so share it through a slot.
    let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(f)));
    let mut last_error = None;
    let cap = address_space_limit().map_or(usize::MAX, |l| l / 4);
    let sizes = VM_STACKS.iter().copied();
    let fitting: Vec<usize> = sizes.clone().filter(|s| *s <= cap).collect();
    let sizes = if fitting.is_empty() {
        sizes.collect()
    } else {
        fitting
    };
    for size in sizes {
        let job = slot.clone();
        let spawned = std::thread::Builder::new()
            .name("revpy-vm".into())
            .stack_size(size)
            .spawn(move || {
                revpy_vm::set_thread_stack_size(size);
                let f = job.lock().ok().and_then(|mut g| g.take());
                f.map(|f| f())
            });
        match spawned {
            Ok(handle) => match handle.join() {
                Ok(Some(v)) => return v,
                Ok(None) | Err(_) => {
                    eprintln!("revpy: internal error (a bug in revpy; please report it)");
                    std::process::exit(70)
                }
            },
            Err(e) => last_error = Some(e),
        }
    }
    eprintln!(
        "revpy: cannot start the thread that runs the program (even with a 1 MiB stack): {}",
        last_error.map(|e| e.to_string()).unwrap_or_default()
    );
    std::process::exit(71)
}

/// Print a compile error as CPython (syntax) or revpy (unsupported) does; returns the
/// exit status.
pub fn report_compile_error(e: &CompileError) -> u8 {
    match e.kind {
        ErrorKind::Unsupported => {
            eprintln!("{e}");
            2
        }
        ErrorKind::Syntax => {
            eprintln!("{e}");
            1
        }
    }
}

pub fn read_source(file: &str) -> Result<String, u8> {
    match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(_) => {
                eprintln!("SyntaxError: Non-UTF-8 code in file '{file}'");
                Err(1)
            }
        },
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            let what = if std::path::Path::new(file).is_dir() {
                "[Errno 21] Is a directory".to_string()
            } else {
                format!("[Errno {errno}] {}", strip_os_error(&e))
            };
            eprintln!("revpy: can't open file '{file}': {what}");
            Err(2)
        }
    }
}

fn strip_os_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The options of `revpy run` for debugging revpy itself.
pub struct RunDebug {
    /// Print each instruction (`--trace`).
    pub trace: bool,
    /// Minor collections every few KiB, each checking the collector's invariants
    /// (`--gc-verify`, for the tests: a missed write barrier panics).
    pub gc_verify: bool,
}

/// `revpy run FILE ARGS...` (or `-c COMMAND`, or standard input).
pub fn run_file(
    program: crate::program::Program,
    args: &[String],
    debug: RunDebug,
    opts: crate::record::RecordOptions,
) -> u8 {
    run_live(
        program,
        args,
        move |vm: &mut revpy_vm::Vm| {
            if opts.unbuffered {
                vm.effects.stdout_buffering = revpy_vm::effects::Buffering::Unbuffered;
            }
            vm.threads.chaos_request = opts.chaos;
            if debug.gc_verify {
                vm.heap.verify = true;
                vm.heap.nursery = 16 << 10;
                vm.heap.threshold = vm.heap.nursery;
            }
            if debug.trace {
                vm.trace = true;
                vm.hooked = true;
            }
        },
        |_, _, status| status,
    )
}

/// Run a program as `__main__` with ARGS as `sys.argv[1:]`, without recording:
/// `setup` sees the VM before the program starts (tracing, a profiler's hook),
/// `finish` after it ended with its exit status (and returns the status of the
/// command).
pub fn run_live<S>(
    program: crate::program::Program,
    args: &[String],
    setup: impl FnOnce(&mut revpy_vm::Vm) -> S + Send + 'static,
    finish: impl FnOnce(&mut revpy_vm::Vm, S, u8) -> u8 + Send + 'static,
) -> u8 {
    let argv = program.argv(args);
    with_big_stack(move || {
        let crate::program::Program {
            file, source, dir, ..
        } = program;
        let code = match revpy_compiler::compile(&source, &file, CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return report_compile_error(&e),
        };
        let mut vm = revpy_stdlib::new_vm();
        vm.set_argv(&argv, &dir);
        vm.add_source(&file, &source);
        let state = setup(&mut vm);
        let status = match vm.run_main(code) {
            Ok(ExitStatus::Code(c)) => (c & 0xff) as u8,
            Ok(ExitStatus::Aborted(msg)) => {
                eprintln!("revpy: {msg}");
                3
            }
            Err(msg) => {
                eprintln!("revpy: {msg}");
                1
            }
        };
        finish(&mut vm, state, status)
    })
}

/// `revpy dis FILE`
pub fn dis_file(file: &str) -> u8 {
    let source = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let file = file.to_string();
    // Deeply nested expressions recurse in the compiler: give it the VM's big stack.
    with_big_stack(
        move || match revpy_compiler::compile(&source, &file, CompileMode::Module) {
            Ok(c) => {
                print!("{}", revpy_compiler::dis::disassemble(&c));
                0
            }
            Err(e) => report_compile_error(&e),
        },
    )
}

/// `revpy run --list-modules`
pub fn list_modules() -> u8 {
    for m in revpy_stdlib::module_names() {
        println!("{m}");
    }
    0
}

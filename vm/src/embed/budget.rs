//! What an embedder bounds: the native stack a VM's thread has (which sets how deep
//! natives may recurse), and budgets for a run (instructions, heap bytes), checked at
//! stop points.

use crate::Vm;

/// The stack a thread has unless told otherwise (a thread spawned by `std::thread`
/// gets 2 MiB; the main thread usually has 8).
pub const DEFAULT_STACK: usize = 2 << 20;

/// Rust stack used by one level of recursion through a native (a call from Rust
/// into Python: `repr` calling `__repr__`, `sorted` calling its key, a class call
/// running `__init__` from a native, ...), with a safety margin: measured at about
/// 6 KiB at most in the dev profile (`tests/cli.rs` checks that deep recursion
/// through natives raises RecursionError on every stack size the CLI may take).
pub const STACK_PER_NATIVE_LEVEL: usize = 12 << 10;

/// Stack kept free below the deepest native level (natives' own recursion, the
/// compiler, printing a traceback).
const STACK_RESERVE: usize = 512 << 10;

thread_local! {
    static THREAD_STACK: std::cell::Cell<usize> = const { std::cell::Cell::new(DEFAULT_STACK) };
}

/// Declare the stack size of the current thread: VMs created on it afterwards allow
/// as many nested native levels as fit (`Vm::native_depth_limit`), so deep recursion
/// through natives raises RecursionError instead of overflowing the stack. Call it
/// first thing in a thread spawned with `std::thread::Builder::stack_size`.
pub fn set_thread_stack_size(bytes: usize) {
    THREAD_STACK.with(|s| s.set(bytes));
}

/// The native nesting that fits in the current thread's declared stack (at least 8).
pub fn native_depth_limit() -> u32 {
    let stack = THREAD_STACK.with(|s| s.get());
    let levels = stack.saturating_sub(STACK_RESERVE) / STACK_PER_NATIVE_LEVEL;
    levels.clamp(8, u32::MAX as usize) as u32
}

/// Budgets an embedder puts on a program (`Vm::set_limits`): running an untrusted
/// or generated program (a fuzzer, a playground) must end, and in bounded memory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Stop once more instructions than this have run.
    pub instructions: Option<u64>,
    /// Stop once the heap's estimated size (objects and their payloads, as the
    /// debugger's memory accounting counts them) exceeds this many bytes.
    pub heap_bytes: Option<usize>,
    /// The instruction count at which the heap is measured next (measuring walks
    /// the heap, so it is spaced by at least the number of live objects).
    next_heap_check: u64,
    /// Items produced by native loops (`sum(range(10**12))`, `list(iter(int, 1))`)
    /// while a budget is set: they count against `instructions` with the
    /// instructions, so a loop inside one native call ends too.
    pub native_steps: u64,
}

impl Limits {
    #[inline]
    pub fn active(&self) -> bool {
        self.instructions.is_some() || self.heap_bytes.is_some()
    }
}

impl Vm {
    /// Put budgets on what the program may use: at most `instructions` executed
    /// instructions and `heap_bytes` of heap (estimated; `None`: unlimited). They
    /// are checked at stop points (every new line, loop iteration, call and return),
    /// so a program cannot run unboundedly without being checked; a single native
    /// operation (one huge multiplication, a sort) can overshoot them before the
    /// next check. Past a budget the program is stopped as a divergence is: no
    /// handler or `finally` of the program runs, and `run_main` returns
    /// `ExitStatus::Aborted` with the reason (`instruction budget of N exhausted`,
    /// `heap budget of N bytes exceeded`). The cost: the checks ride on the
    /// debugger-hook branch the interpreter loop already has, so a VM without
    /// limits (and without a debugger) runs exactly as before; with limits, one call
    /// per stop point.
    pub fn set_limits(&mut self, instructions: Option<u64>, heap_bytes: Option<usize>) {
        self.limits = Limits {
            instructions,
            heap_bytes,
            next_heap_check: self.instructions,
            native_steps: 0,
        };
        if self.limits.active() {
            self.hooked = true;
        }
    }

    /// The heap's estimated size in bytes: every chunk of the object table with its
    /// objects' payloads, and the value stack. Walks the whole heap.
    pub fn heap_bytes(&self) -> usize {
        let chunks: usize = self.heap.chunks().iter().map(|c| c.bytes()).sum();
        chunks + self.stack.capacity() * std::mem::size_of::<crate::Value>()
    }

    /// One item of a native loop (`iter_next` of a built-in iterator): free
    /// without budgets; with them, counted, and every 4096 items the budgets are
    /// checked as at a stop point (so the program stops inside the native call).
    #[inline]
    pub fn native_step(&mut self) -> crate::PyResult<()> {
        if !self.limits.active() {
            return Ok(());
        }
        self.limits.native_steps += 1;
        if self.limits.native_steps.is_multiple_of(4096) {
            self.check_limits()?;
            if self.abort.is_some() {
                return Err(self.new_error(self.types.system_error, "stopped".into()));
            }
        }
        Ok(())
    }

    /// A native operation about to do about `units` instructions' worth of work in
    /// one go (a big-int multiplication or power): free without budgets; with them,
    /// charged before the work starts, so a budget stops `10**10**8` at once instead
    /// of after the minutes it would take (an estimate, never an exact count: only
    /// whether the program is stopped depends on it, and only under a budget).
    pub fn native_work(&mut self, units: u64) -> crate::PyResult<()> {
        if !self.limits.active() || units < 4096 {
            return Ok(());
        }
        self.limits.native_steps = self.limits.native_steps.saturating_add(units);
        self.check_limits()?;
        if self.abort.is_some() {
            return Err(self.new_error(self.types.system_error, "stopped".into()));
        }
        Ok(())
    }

    pub(crate) fn check_limits(&mut self) -> crate::PyResult<()> {
        if self.abort.is_some() {
            return Ok(());
        }
        if let Some(max) = self.limits.instructions {
            if self.instructions.saturating_add(self.limits.native_steps) > max {
                return Err(self.abort_with(format!("instruction budget of {max} exhausted")));
            }
        }
        if let Some(max) = self.limits.heap_bytes {
            if self.instructions >= self.limits.next_heap_check {
                let bytes = self.heap_bytes();
                if bytes > max {
                    return Err(self.abort_with(format!(
                        "heap budget of {max} bytes exceeded (about {bytes} bytes in use)"
                    )));
                }
                self.limits.next_heap_check =
                    self.instructions + (self.heap.live as u64).max(10_000);
            }
        }
        Ok(())
    }
}

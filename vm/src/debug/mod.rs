//! What the VM offers debuggers: the hook called at stop points, forks and
//! resumable checkpoints, instruction tracing, and evaluation of expressions in a
//! frame.

mod checkpoint;
pub(crate) mod eval;
mod lz;
pub mod pack;
mod trace;

use crate::object::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

/// What kind of stop point a debugger hook is called at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// A new source line begins (or a loop iterates).
    Line,
    /// Any other instruction (only when `Vm::step_instructions` is set).
    Instruction,
    /// A function is about to return (the frame is still there).
    Return,
    /// A frame is being left by an exception (in `Vm::in_flight`).
    ExceptionExit,
    /// An exception is raised (not a stop point, and not counted): the frame is
    /// positioned at the raising instruction and the exception is in
    /// `Vm::in_flight`. Only new raises: not a bare `raise`, the end of a
    /// `finally`, nor an exception coming out of a nested interpreter loop.
    Raise,
    /// The main program finished (or died of an uncaught exception).
    End,
}

/// The exception the VM is raising or unwinding, for the hook's `Raise` and
/// `ExceptionExit` calls (kept only while the hook is set).
#[derive(Clone, Copy, Debug)]
pub struct InFlight {
    /// The exception, during those hook calls (None otherwise).
    pub exception: Value,
    /// The serial of the exception last seen leaving an interpreter loop
    /// unhandled (0 once a handler took it): when it reaches the caller's loop
    /// it is the same raise going on.
    pub(crate) serial: u64,
}

impl Default for InFlight {
    fn default() -> Self {
        InFlight {
            exception: Value::None,
            serial: 0,
        }
    }
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

impl Vm {
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
}

impl Vm {
    /// Unwinding starts (called only when `hooked`): tell the hook about a new
    /// raise, with the frame positioned at the raising instruction.
    pub(crate) fn on_raise(&mut self, err: PyErr, reraise: bool) {
        let serial = self.heap.get(err.0).serial;
        let new = !reraise && serial != self.in_flight.serial;
        self.in_flight.serial = serial;
        let Some(h) = self.hook.clone().filter(|_| new) else {
            return;
        };
        self.in_flight.exception = Value::Obj(err.0);
        let fi = self.frames.len() - 1;
        let ip = self.frames[fi].ip;
        self.frames[fi].ip = ip.saturating_sub(1);
        let action = match h.try_borrow_mut() {
            Ok(mut f) => f(self, StopKind::Raise),
            Err(_) => HookAction::Continue,
        };
        self.frames[fi].ip = ip;
        self.in_flight.exception = Value::None;
        if action == HookAction::Abort {
            // Every handler is skipped from now on (see `unwind`).
            let _ = self.abort_with("stopped by the debugger".into());
        }
    }
}

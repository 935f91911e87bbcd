//! What the VM offers debuggers: the hook called at stop points, forks and
//! resumable checkpoints, instruction tracing, and evaluation of expressions in a
//! frame.

mod checkpoint;
pub(crate) mod eval;
mod trace;

use crate::{PyResult, Vm};
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

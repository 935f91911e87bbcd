//! The interpreter loop: one Rust loop runs Python frames from an explicit frame
//! stack, so Python-to-Python calls do not recurse in Rust. So do generators resumed
//! by `for` and `yield from`, and the operator methods of classes written in Python
//! that BINARY_OP calls (see `Frame::ret`). Natives that call back into Python
//! (sorted's key, __repr__, next(), ...) run a nested loop with `run(depth)`.

mod cache_slots;
mod call;
mod call_fast;
mod call_native;
mod containers;
mod dispatch;
mod drain;
mod except_with;
mod inline;
mod instance_hit;
mod operators;
mod pattern_match;
mod quicken;
mod slices;
mod unwind;
mod variables;
mod yields;

pub use cache_slots::InlineCaches;
pub(crate) use call::join_names;
pub use call::CallArgs;
pub(crate) use call_fast::fast_args;
pub use drain::{Drain, DrainMode};
pub use inline::InlineCache;
pub(crate) use quicken::quicken;
pub use quicken::QInstr;

use crate::object::CodeData;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};
use std::rc::Rc;

/// A Python frame. Its locals and operand stack live in `Vm::stack` from `base` on.
#[derive(Clone, Debug)]
pub struct Frame {
    pub code: Rc<CodeData>,
    /// Index of the next instruction.
    pub ip: u32,
    /// Where the frame's locals start in `Vm::stack`.
    pub base: u32,
    /// Stack length to cut back to when the frame returns.
    pub ret_sp: u32,
    pub globals: ObjRef,
    /// The namespace dict of module and class bodies.
    pub locals: Option<ObjRef>,
    /// The generator running this frame.
    pub gen: Option<ObjRef>,
    /// For a frame running `__init__` of a class call: the new object, returned instead.
    pub init_self: Value,
    /// The frame object made for it (`sys._getframe()`), or Undef.
    pub obj: Value,
    /// What the caller's instruction does with this frame's result (`RET_*`): a
    /// call's result is pushed; the other cases are frames the loop pushed instead of
    /// running a nested loop.
    pub ret: u8,
}

impl Frame {
    /// A function's frame at its first instruction, whose result the caller pushes:
    /// locals from `base`, the stack cut back to `ret_sp` on return.
    #[inline]
    pub fn call(code: Rc<CodeData>, base: usize, ret_sp: usize, globals: ObjRef) -> Frame {
        Frame {
            code,
            ip: 0,
            base: base as u32,
            ret_sp: ret_sp as u32,
            globals,
            locals: None,
            gen: None,
            init_self: Value::Undef,
            obj: Value::Undef,
            ret: RET_PLAIN,
        }
    }
}

/// A frame whose result the caller pushes (calls; frames of nested loops).
pub const RET_PLAIN: u8 = 0;
/// A generator frame resumed by the caller's FOR_ITER: a yielded value is pushed,
/// returning ends the loop.
pub const RET_FOR_ITER: u8 = 1;
/// A generator frame resumed by the caller's YIELD_FROM (the caller is a generator
/// too): a yielded value is yielded by the caller as well, the returned value
/// replaces the caller's receiver.
pub const RET_YIELD_FROM: u8 = 2;
/// A generator frame a native drains (`interp/drain.rs`): values the native takes
/// are handed over without suspending it; the others end the loop as a yield.
pub const RET_DRAIN: u8 = 3;
/// A binary operator's method (`__add__`, ...) that BINARY_OP pushed: `RET_BINOP` plus
/// the operator's operand. Its operands stay on the caller's stack below the frame,
/// for the rest of the protocol if the method returns NotImplemented.
pub const RET_BINOP: u8 = 16;

impl Frame {
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.globals));
        if let Some(l) = self.locals {
            f(Value::Obj(l));
        }
        if let Some(g) = self.gen {
            f(Value::Obj(g));
        }
        f(self.init_self);
        f(self.obj);
        self.code.consts.iter().for_each(|v| f(*v));
    }
    /// The line of the instruction being executed.
    pub fn line(&self) -> u32 {
        self.code.code.line_of(self.ip.saturating_sub(1) as usize)
    }
}

/// How a frame left the loop.
#[derive(Debug)]
pub enum Exit {
    Return(Value),
    Yield(Value),
}

impl Vm {
    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        match self.stack.pop() {
            Some(v) => v,
            None => Value::Undef,
        }
    }
    #[inline]
    pub(crate) fn top(&self) -> Value {
        self.stack[self.stack.len() - 1]
    }
    #[inline]
    pub(crate) fn peek(&self, n: usize) -> Value {
        self.stack[self.stack.len() - n]
    }

    /// Run frames until the frame at index `stop` (and all above it) has returned or
    /// yielded.
    pub fn run(&mut self, stop: usize) -> PyResult<Exit> {
        self.loops += 1;
        let r = if stop == 0 && self.loops == self.threads.base_loops {
            self.run_scheduled()
        } else {
            self.run_loop(stop)
        };
        self.loops -= 1;
        r
    }
}

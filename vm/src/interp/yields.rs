//! The instructions of `yield from`, `await`, `async for` and `async with` that
//! have no register fast path (generators and coroutines themselves are
//! `types/generator.rs` and `types/coroutine.rs`). `dispatch.rs` calls these after
//! `sync!()`; each works on `self.stack`.

use super::{Exit, RET_YIELD_FROM};
use crate::object::Value;
use crate::types::generator::Resume;
use crate::{PyErr, PyResult, Vm};

impl Vm {
    /// GET_YIELD_FROM_ITER: a generator stays itself, anything else is iterated.
    #[inline(never)]
    pub(super) fn get_yield_from_iter_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        let it = if self.is_generator(v) {
            v
        } else {
            self.get_iter(v)?
        };
        self.stack.push(it);
        Ok(())
    }

    /// YIELD_FROM: send the value on top to the iterator below it. Returns the value
    /// to yield (the caller then suspends the frame, to re-run this instruction with
    /// the next value sent), or None when the iterator returned (its result replaces
    /// it).
    #[inline(never)]
    pub(super) fn yield_from_op(&mut self) -> PyResult<Option<Value>> {
        let sent = self.pop();
        let recv = self.top();
        match self.send_to(recv, sent)? {
            Exit::Yield(v) => Ok(Some(v)),
            Exit::Return(r) => {
                self.stack.pop();
                self.stack.push(r);
                Ok(None)
            }
        }
    }

    /// The generator frame `fi` (the top one) yields `v`: suspend it, and hand `v` to
    /// whoever resumed it. `Some(v)`: the loop returns it (the frame was resumed by
    /// Rust code); None: the caller's frame is on top again, `v` delivered.
    /// `drain`: whether a draining native may take `v` from frame `fi` (YIELD_VALUE
    /// asked already); it may from every delegating frame.
    pub(super) fn yield_to_caller(&mut self, fi: usize, v: Value, drain: bool) -> Option<Value> {
        let mut fi = fi;
        let mut drain = drain;
        loop {
            let ret = self.frames[fi].ret;
            if drain && ret == super::RET_DRAIN && self.drain_accept(v) {
                // The draining native took it and resumes the frame with None.
                self.stack.push(Value::None);
                return None;
            }
            self.suspend_generator(fi);
            match ret {
                super::RET_FOR_ITER => {
                    self.stack.push(v);
                    return None;
                }
                super::RET_YIELD_FROM => {
                    // The delegating generator yields it too, and re-runs its
                    // YIELD_FROM with the next value sent.
                    fi = self.frames.len() - 1;
                    self.frames[fi].ip -= 1;
                    drain = true;
                }
                _ => return Some(v),
            }
        }
    }

    /// The generator frame just pushed on top (its sent value on top of its stack)
    /// resumes at a YIELD_FROM that is no line start (`Resume::AtYieldFrom`; the
    /// caller checked that the hook does not see every instruction): if its delegate
    /// is a generator too, run that YIELD_FROM here, pushing the delegate's frame, and
    /// so on down a `yield from` chain, without a trip through the dispatch loop's
    /// frame entry per level. Each counts as the instruction it is. Any delegate that
    /// is not a suspended generator is left to the loop's YIELD_FROM.
    #[inline(never)]
    pub(super) fn descend_yield_from(&mut self) -> PyResult<()> {
        loop {
            let fi = self.frames.len() - 1;
            let n = self.stack.len();
            debug_assert!(n >= self.frames[fi].base as usize + 2);
            // Anything but a generator: `push_generator_frame` says no.
            let Value::Obj(r) = self.stack[n - 2] else {
                return Ok(());
            };
            // As the loop runs it: counted, the position past it, the sent value popped.
            let sent = self.pop();
            self.frames[fi].ip += 1;
            self.instructions += 1;
            match self.push_generator_frame_inline(r, sent, RET_YIELD_FROM, true)? {
                Resume::AtYieldFrom => {}
                Resume::Pushed => return Ok(()),
                Resume::Other | Resume::NotGenerator => {
                    // Not suspended (finished, running): the loop's YIELD_FROM decides.
                    self.stack.push(sent);
                    self.frames[fi].ip -= 1;
                    self.instructions -= 1;
                    return Ok(());
                }
            }
        }
    }

    /// GET_AWAITABLE (the operand says where: `await`, `__aenter__`, `__aexit__`).
    #[inline(never)]
    pub(super) fn get_awaitable_op(&mut self, where_: u32) -> PyResult<()> {
        let v = self.pop();
        let it = self.get_awaitable(v, where_)?;
        self.stack.push(it);
        Ok(())
    }

    /// GET_AITER.
    #[inline(never)]
    pub(super) fn get_aiter_op(&mut self) -> PyResult<()> {
        let v = self.pop();
        let it = self.get_aiter(v)?;
        self.stack.push(it);
        Ok(())
    }

    /// GET_ANEXT: the async iterator stays; the awaitable of its next item is pushed.
    #[inline(never)]
    pub(super) fn get_anext_op(&mut self) -> PyResult<()> {
        let it = self.top();
        let aw = self.get_anext(it)?;
        self.stack.push(aw);
        Ok(())
    }

    /// END_ASYNC_FOR: StopAsyncIteration ends the loop; anything else goes on.
    #[inline(never)]
    pub(super) fn end_async_for_op(&mut self) -> PyResult<()> {
        let exc = self.pop();
        if !self.ends_async_for(exc) {
            self.reraising = true;
            return Err(PyErr(exc.obj().expect("exception")));
        }
        self.stack.pop();
        Ok(())
    }

    /// BEFORE_ASYNC_WITH: the manager is replaced by its bound `__aexit__` and the
    /// awaitable of `__aenter__()`.
    #[inline(never)]
    pub(super) fn before_async_with_op(&mut self) -> PyResult<()> {
        let mgr = self.pop();
        let (exit, aw) = self.before_async_with(mgr)?;
        self.stack.push(exit);
        self.stack.push(aw);
        Ok(())
    }
}

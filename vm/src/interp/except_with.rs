//! The instructions of `raise`, `try`/`except` and `with`. Finding the handler of an
//! exception is `unwind.rs`. `dispatch.rs` calls these after `sync!()`; each works on
//! `self.stack`.

use crate::object::Value;
use crate::{PyErr, PyResult, Vm};

impl Vm {
    /// RAISE_VARARGS: `raise` (0), `raise exc` (1), `raise exc from cause` (2).
    #[inline(never)]
    pub(super) fn raise_op(&mut self, n: u32) -> PyErr {
        match n {
            0 => self.reraise_current(),
            1 => {
                let exc = self.pop();
                self.make_raise(exc, None)
            }
            _ => {
                let cause = self.pop();
                let exc = self.pop();
                self.make_raise(exc, Some(cause))
            }
        }
    }

    /// RERAISE: the exception on top goes on unwinding, its traceback unchanged.
    #[inline(never)]
    pub(super) fn reraise_op(&mut self) -> PyErr {
        let exc = self.pop();
        self.reraising = true;
        PyErr(exc.obj().expect("exception"))
    }

    /// PUSH_EXC_INFO: entering a handler; the previous exception is saved below.
    #[inline(never)]
    pub(super) fn push_exc_info_op(&mut self) -> PyResult<()> {
        let exc = self.pop();
        let prev = self.exc_info;
        self.stack.push(prev);
        self.stack.push(exc);
        self.exc_info = exc;
        Ok(())
    }

    /// POP_EXCEPT: leaving a handler restores the saved exception.
    #[inline(never)]
    pub(super) fn pop_except_op(&mut self) -> PyResult<()> {
        self.exc_info = self.pop();
        Ok(())
    }

    /// CHECK_EXC_MATCH: whether the exception below matches the class on top.
    #[inline(never)]
    pub(super) fn check_exc_match_op(&mut self) -> PyResult<()> {
        let ty = self.pop();
        let exc = self.top();
        let b = self.exception_matches(exc, ty)?;
        self.stack.push(Value::Bool(b));
        Ok(())
    }

    /// LOAD_ASSERTION_ERROR.
    #[inline(never)]
    pub(super) fn load_assertion_error_op(&mut self) -> PyResult<()> {
        let t = self.types.assertion_error;
        self.stack.push(Value::Obj(t));
        Ok(())
    }

    /// BEFORE_WITH: the manager is replaced by its bound `__exit__` and the result
    /// of `__enter__()`.
    #[inline(never)]
    pub(super) fn before_with_op(&mut self) -> PyResult<Option<Value>> {
        let mgr = self.pop();
        let en = self.names.__enter__;
        let ex = self.names.__exit__;
        let cls = self.type_of(mgr);
        let enter = self.class_lookup(cls, en);
        let exit = self.class_lookup(cls, ex);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let t = self.type_name(mgr);
            let missed = if enter.is_some() {
                " (missed __exit__ method)"
            } else {
                ""
            };
            return Err(self.new_type_error(format!(
                "'{t}' object does not support the context manager protocol{missed}"
            )));
        };
        // Bound as CPython binds them: `__enter__` first.
        let enter_b = self.bind_descriptor(enter, mgr, cls)?;
        let exit_b = self.bind_descriptor(exit, mgr, cls)?;
        self.stack.push(exit_b);
        self.stack.push(enter_b);
        self.call_op(0, false, false)
    }

    /// WITH_EXCEPT_START: `__exit__(type, value, traceback)` with the exception on
    /// top and `__exit__` three below it.
    #[inline(never)]
    pub(super) fn with_except_start_op(&mut self) -> PyResult<()> {
        let exc = self.top();
        let exit = self.peek(3);
        let t = Value::Obj(self.type_of(exc));
        let r = self.call(exit, &[t, exc, Value::None], &[])?;
        self.stack.push(r);
        Ok(())
    }
}

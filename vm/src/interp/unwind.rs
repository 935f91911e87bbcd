//! Exceptions in flight: finding handlers, unwinding frames, building tracebacks,
//! `raise` semantics (causes, contexts, re-raise).

use crate::object::Kind;
use crate::object::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// Route an exception raised in the top frame to a handler, unwinding frames down to
    /// (but not below) `stop`. Ok means a handler was found and the loop can go on.
    pub(crate) fn unwind(&mut self, err: PyErr, stop: usize) -> PyResult<()> {
        let mut err = err;
        let mut skip_tb = std::mem::take(&mut self.reraising);
        if self.hooked && self.abort.is_none() {
            self.on_raise(err, skip_tb);
        }
        if !skip_tb {
            // Any exception raised while another is handled gets it as `__context__`
            // (CPython does this when the error is set, wherever it comes from).
            self.attach_context(err);
        }
        loop {
            let fi = self.frames.len() - 1;
            let pc = self.frames[fi].ip.saturating_sub(1);
            if !skip_tb {
                let f = &self.frames[fi];
                let code = f.code.clone();
                let is_function = f.locals.is_none() && code.code.name.as_ref() != "<module>";
                let fast = if is_function {
                    let b = f.base as usize;
                    let n = code.code.varnames.len()
                        + code.code.cellvars.len()
                        + code.code.freevars.len();
                    self.stack.get(b..b + n).map(Rc::from)
                } else {
                    None
                };
                let entry = crate::object::TbEntry {
                    code,
                    pc,
                    globals: Value::Obj(f.globals),
                    ns: if is_function {
                        Value::None
                    } else {
                        Value::Obj(f.locals.unwrap_or(f.globals))
                    },
                    fast,
                    frame: f.obj,
                };
                let bytes = entry.gc_bytes() as u64;
                if let Kind::Exception(e) = self.heap.kind_mut(err.0) {
                    // Most exceptions pass through one or two frames.
                    if e.traceback.capacity() == 0 {
                        e.traceback.reserve_exact(2);
                    }
                    e.traceback.push(entry);
                }
                self.heap.charge(bytes);
            }
            skip_tb = false;
            // An abort skips every handler: nothing of the program runs any more.
            let handler = if self.abort.is_some() {
                None
            } else {
                self.frames[fi].code.code.handler_for(pc)
            };
            if let Some(h) = handler {
                let f = &self.frames[fi];
                let sp = f.base as usize + f.code.nlocalsplus + h.depth as usize;
                // The verifier proved a handler never needs the stack to grow.
                debug_assert!(self.stack.len() >= sp, "handler depth above the stack");
                self.stack.truncate(sp);
                self.stack.push(Value::Obj(err.0));
                self.frames[fi].ip = h.target;
                self.in_flight.serial = 0;
                return Ok(());
            }
            // Leaving a frame by an exception is a stop point (shown as `!!`).
            self.stop_points += 1;
            if self.hooked && self.abort.is_none() {
                self.in_flight.exception = Value::Obj(err.0);
                let _ = self.on_instruction(crate::StopKind::ExceptionExit);
                self.in_flight.exception = Value::None;
            }
            let frame = self.frames.pop().expect("frame");
            self.left_frame(&frame);
            self.stack.truncate(frame.ret_sp as usize);
            if let Some(g) = frame.gen {
                self.generator_finished(g);
                // PEP 479: StopIteration inside a generator becomes RuntimeError (and
                // StopAsyncIteration inside an async generator).
                if let Some(msg) = self.pep479_message(g, err) {
                    let e = self.new_error(self.types.runtime_error, msg.into());
                    self.set_cause(e.0, Value::Obj(err.0), Value::Obj(err.0));
                    err = e;
                }
            }
            if self.frames.len() <= stop {
                return Err(err);
            }
        }
    }

    fn set_cause(&mut self, exc: crate::object::ObjRef, cause: Value, context: Value) {
        if let Kind::Exception(e) = self.heap.kind_mut(exc) {
            e.cause = cause;
            e.context = context;
            e.suppress_context = true;
        }
    }

    /// `raise` with no argument.
    pub(crate) fn reraise_current(&mut self) -> PyErr {
        match self.exc_info {
            Value::Obj(r) => {
                self.reraising = true;
                PyErr(r)
            }
            _ => self.new_error(
                self.types.runtime_error,
                "No active exception to reraise".into(),
            ),
        }
    }

    /// `raise exc [from cause]`: instantiate classes, check types, chain the context.
    pub(crate) fn make_raise(&mut self, exc: Value, cause: Option<Value>) -> PyErr {
        let inst = match self.exception_instance(exc) {
            Ok(i) => i,
            Err(e) => return e,
        };
        if let Some(c) = cause {
            let c = if c.is_none() {
                Value::None
            } else {
                match self.exception_instance(c) {
                    Ok(ci) => Value::Obj(ci.0),
                    Err(_) => {
                        return self.new_type_error(
                            "exception causes must derive from BaseException".into(),
                        )
                    }
                }
            };
            if let Kind::Exception(e) = self.heap.kind_mut(inst.0) {
                e.cause = c;
                e.suppress_context = true;
            }
        }
        self.attach_context(inst);
        inst
    }

    /// Record the exception being handled as the new exception's `__context__`.
    pub(crate) fn attach_context(&mut self, exc: PyErr) {
        let ctx = self.exc_info;
        if let Value::Obj(c) = ctx {
            if c == exc.0 {
                return;
            }
            // Avoid cycles: cut the chain where it would loop back.
            let mut cur = ctx;
            let mut steps = 0;
            while let Value::Obj(r) = cur {
                if steps > 100 {
                    break;
                }
                let next = match self.heap.kind(r) {
                    Kind::Exception(e) => e.context,
                    _ => Value::None,
                };
                if let Value::Obj(n) = next {
                    if n == exc.0 {
                        if let Kind::Exception(e) = self.heap.kind_mut(r) {
                            e.context = Value::None;
                        }
                        break;
                    }
                }
                cur = next;
                steps += 1;
            }
            if let Kind::Exception(e) = self.heap.kind_mut(exc.0) {
                if e.context.is_none() {
                    e.context = ctx;
                }
            }
        }
    }

    /// An exception instance from a raised value (a class is instantiated).
    pub(crate) fn exception_instance(&mut self, v: Value) -> PyResult<PyErr> {
        if let Value::Obj(r) = v {
            match self.heap.kind(r) {
                Kind::Exception(_) => return Ok(PyErr(r)),
                Kind::Class(_) if self.is_subclass_ref(r, self.types.base_exception) => {
                    let inst = self.call(v, &[], &[])?;
                    if let Value::Obj(i) = inst {
                        if let Kind::Exception(_) = self.heap.kind(i) {
                            return Ok(PyErr(i));
                        }
                    }
                    let name = self.type_name(inst);
                    return Err(self.new_type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {name}",
                        self.class_name(r)
                    )));
                }
                _ => {}
            }
        }
        Err(self.new_type_error("exceptions must derive from BaseException".into()))
    }

    /// `except T:` matching.
    pub(crate) fn exception_matches(&mut self, exc: Value, ty: Value) -> PyResult<bool> {
        let Value::Obj(e) = exc else { return Ok(false) };
        let check = |vm: &mut Vm, t: Value| -> PyResult<bool> {
            match t {
                Value::Obj(c)
                    if matches!(vm.heap.kind(c), Kind::Class(_))
                        && vm.is_subclass_ref(c, vm.types.base_exception) =>
                {
                    Ok(vm.isinstance_ref(e, c))
                }
                _ => Err(vm.new_type_error(
                    "catching classes that do not inherit from BaseException is not allowed".into(),
                )),
            }
        };
        if let Value::Obj(t) = ty {
            if let Kind::Tuple(items) = self.heap.kind(t) {
                for it in items.clone() {
                    if check(self, it)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
        check(self, ty)
    }

    pub(crate) fn unbound_local(&mut self, name: &str) -> PyErr {
        self.new_error(
            self.types.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    pub(crate) fn unbound_deref(&mut self, code: &crate::object::CodeData, i: usize) -> PyErr {
        let name = code.code.cell_name(i).to_string();
        if i < code.code.cellvars.len() {
            self.unbound_local(&name)
        } else {
            self.new_error(
                self.types.name_error,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    pub(crate) fn name_error(&mut self, name: Value) -> PyErr {
        let n = self.str_of(name).to_string();
        let e = self.new_error(self.types.name_error, format!("name '{n}' is not defined"));
        // For "Did you mean" (`suggestions.rs`), as CPython's `exc.name`.
        let key = self.names.name;
        let _ = self.generic_setattr(Value::Obj(e.0), key, name);
        e
    }
}

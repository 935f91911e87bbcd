//! Coroutines and async generators, and the instructions of async code.
//!
//! Both are generator-like objects (`Kind::Coroutine`, a [`GenData`] whose `flavor`
//! says which): calling an `async def` makes one, and they suspend and resume with the
//! generator machinery of `generator.rs`. An `await` compiles as `yield from` over
//! the awaitable's iterator (GET_AWAITABLE), so what a coroutine yields is what the
//! innermost awaitable yields, passed up to whoever drives the outermost coroutine
//! (an event loop, or a hand-written `send` loop).
//!
//! An async generator yields two kinds of values: its own (`yield x`, which the
//! compiler marks with ASYNC_GEN_WRAP) and those of the awaits it runs. Its frame
//! suspends at a YIELD_VALUE for the former and at a YIELD_FROM for the latter, so
//! the awaitables `__anext__()`, `asend()`, `athrow()` and `aclose()` return (the
//! `async_generator_asend` / `_athrow` objects, CPython's design) tell them apart by
//! where it suspended: their own values finish the awaitable (`StopIteration(x)`),
//! the others pass through to the driver. ASYNC_GEN_WRAP itself does nothing.
//!
//! `coroutine.__await__()` returns a `coroutine_wrapper` (an iterator over the
//! coroutine, as in CPython).
//!
//! Resuming from here lets the collector run inside (`resume_generator_gc`): the
//! methods are natives whose arguments the call roots, and YIELD_FROM keeps its
//! receiver on the value stack, so an event loop's task steps collect garbage as
//! any other code does.

use crate::args::Arity;
use crate::interp::Exit;
use crate::object::opaque::OpaqueObject;
use crate::object::{GenData, GenFlavor, Kind, ObjRef, Value};
use crate::{PyErr, PyResult, Vm};
use revpy_compiler::code::flags;
use std::any::Any;

type Kw<'a> = &'a [(Value, Value)];

/// The flavor of the object that calling code with these flags makes.
pub(crate) fn flavor_of(code_flags: u32) -> GenFlavor {
    if code_flags & flags::ASYNC_GENERATOR != 0 {
        GenFlavor::AsyncGenerator
    } else if code_flags & flags::COROUTINE != 0 {
        GenFlavor::Coroutine
    } else {
        GenFlavor::Generator
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

/// The payload of `coroutine_wrapper`, `async_generator_asend` and
/// `async_generator_athrow` objects.
#[derive(Clone, Debug)]
enum Awaiter {
    Wrapper {
        coro: ObjRef,
    },
    ASend {
        gen: ObjRef,
        value: Value,
        state: State,
    },
    /// `exc` is None for `aclose()`.
    AThrow {
        gen: ObjRef,
        exc: Option<Value>,
        state: State,
    },
}

impl OpaqueObject for Awaiter {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        match self {
            Awaiter::Wrapper { coro } => f(Value::Obj(*coro)),
            Awaiter::ASend { gen, value, .. } => {
                f(Value::Obj(*gen));
                f(*value);
            }
            Awaiter::AThrow { gen, exc, .. } => {
                f(Value::Obj(*gen));
                if let Some(e) = exc {
                    f(*e);
                }
            }
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn awaiter(vm: &Vm, v: Value) -> Option<&Awaiter> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Opaque(o) => o.as_any().downcast_ref::<Awaiter>(),
            _ => None,
        },
        _ => None,
    }
}

fn awaiter_mut(vm: &mut Vm, r: ObjRef) -> &mut Awaiter {
    match vm.heap.kind_mut(r) {
        Kind::Opaque(o) => o
            .as_any_mut()
            .downcast_mut::<Awaiter>()
            .expect("revpy internal error: not an awaiter"),
        _ => panic!("revpy internal error: not an awaiter"),
    }
}

fn set_state(vm: &mut Vm, me: ObjRef, s: State) {
    match awaiter_mut(vm, me) {
        Awaiter::ASend { state, .. } | Awaiter::AThrow { state, .. } => *state = s,
        Awaiter::Wrapper { .. } => {}
    }
}

impl Vm {
    /// A coroutine or an async generator?
    pub fn is_coroutine_like(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Coroutine(_)))
    }

    /// The flavor of a coroutine or async generator object.
    fn flavor(&self, v: Value) -> Option<GenFlavor> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Coroutine(g) | Kind::Generator(g) => Some(g.flavor),
                _ => None,
            },
            _ => None,
        }
    }

    fn gen_data(&self, g: ObjRef) -> &GenData {
        match self.heap.kind(g) {
            Kind::Generator(x) | Kind::Coroutine(x) => x,
            _ => panic!("revpy internal error: not a generator"),
        }
    }

    /// PEP 479: the RuntimeError message replacing an exception that leaves the frame
    /// of generator `g`, if it must be replaced.
    pub(crate) fn pep479_message(&self, g: ObjRef, err: PyErr) -> Option<&'static str> {
        let flavor = self.gen_data(g).flavor;
        if self.isinstance_ref(err.0, self.types.stop_iteration) {
            return Some(match flavor {
                GenFlavor::Generator => "generator raised StopIteration",
                GenFlavor::Coroutine => "coroutine raised StopIteration",
                GenFlavor::AsyncGenerator => "async generator raised StopIteration",
            });
        }
        if flavor == GenFlavor::AsyncGenerator
            && self.isinstance_ref(err.0, self.types.stop_async_iteration)
        {
            return Some("async generator raised StopAsyncIteration");
        }
        None
    }

    /// Whether `await v` can work without calling anything: a coroutine, an
    /// `asend`/`athrow` awaitable, or an object whose type has `__await__`.
    fn is_awaitable(&mut self, v: Value) -> bool {
        if self.flavor(v) == Some(GenFlavor::Coroutine) {
            return true;
        }
        if let Some(a) = awaiter(self, v) {
            return !matches!(a, Awaiter::Wrapper { .. });
        }
        let name = self.intern("__await__");
        self.lookup_special(v, name).is_some()
    }

    /// GET_AWAITABLE: the iterator that `await v` drives. `where_`: 0 an `await`, 1
    /// the result of `__aenter__`, 2 of `__aexit__` (for the error message).
    pub(crate) fn get_awaitable(&mut self, v: Value, where_: u32) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if self.flavor(v) == Some(GenFlavor::Coroutine) && self.is_coroutine_like(v) {
                if self.yield_from_target(r).is_some() {
                    return Err(self.new_error(
                        self.types.runtime_error,
                        "coroutine is being awaited already".into(),
                    ));
                }
                return Ok(v);
            }
            if matches!(
                awaiter(self, v),
                Some(Awaiter::ASend { .. } | Awaiter::AThrow { .. })
            ) {
                return Ok(v);
            }
        }
        let name = self.intern("__await__");
        let Some(f) = self.lookup_special(v, name) else {
            let t = self.type_name(v);
            return Err(self.new_type_error(match where_ {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {t}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {t}"
                ),
                _ => format!("object {t} can't be used in 'await' expression"),
            }));
        };
        let cls = self.type_of(v);
        let bound = self.bind_descriptor(f, v, cls)?;
        let it = self.call(bound, &[], &[])?;
        if self.flavor(it) == Some(GenFlavor::Coroutine) && self.is_coroutine_like(it) {
            return Err(self.new_type_error("__await__() returned a coroutine".into()));
        }
        if !self.is_iterator_value(it) {
            let t = self.type_name(it);
            return Err(
                self.new_type_error(format!("__await__() returned non-iterator of type '{t}'"))
            );
        }
        Ok(it)
    }

    fn is_iterator_value(&mut self, v: Value) -> bool {
        if let Value::Obj(r) = v {
            if matches!(self.heap.kind(r), Kind::Generator(_) | Kind::Iter(_)) {
                return true;
            }
        }
        let nx = self.names.__next__;
        self.lookup_special(v, nx).is_some()
    }

    /// GET_AITER: `type(v).__aiter__(v)`, which must have `__anext__`.
    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        let name = self.intern("__aiter__");
        let Some(f) = self.lookup_special(v, name) else {
            let t = self.type_name(v);
            return Err(self.new_type_error(format!(
                "'async for' requires an object with __aiter__ method, got {t}"
            )));
        };
        let cls = self.type_of(v);
        let bound = self.bind_descriptor(f, v, cls)?;
        let it = self.call(bound, &[], &[])?;
        let anext = self.intern("__anext__");
        if self.lookup_special(it, anext).is_none() {
            let t = self.type_name(it);
            return Err(self.new_type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {t}"
            )));
        }
        Ok(it)
    }

    /// GET_ANEXT: the awaitable `type(it).__anext__(it)` (GET_AWAITABLE follows).
    pub(crate) fn get_anext(&mut self, it: Value) -> PyResult<Value> {
        if let Value::Obj(g) = it {
            if self.flavor(it) == Some(GenFlavor::AsyncGenerator)
                && self.heap.get(g).class == self.types.async_generator
            {
                return Ok(self.new_awaiter_asend(g, Value::None));
            }
        }
        let name = self.intern("__anext__");
        let Some(f) = self.lookup_special(it, name) else {
            let t = self.type_name(it);
            return Err(self.new_type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {t}"
            )));
        };
        let cls = self.type_of(it);
        let bound = self.bind_descriptor(f, it, cls)?;
        let aw = self.call(bound, &[], &[])?;
        if !self.is_awaitable(aw) {
            let t = self.type_name(aw);
            return Err(self.new_type_error(format!(
                "'async for' received an invalid object from __anext__: {t}"
            )));
        }
        Ok(aw)
    }

    /// BEFORE_ASYNC_WITH: (bound `__aexit__`, the result of `__aenter__()`).
    pub(crate) fn before_async_with(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let en = self.intern("__aenter__");
        let ex = self.intern("__aexit__");
        let cls = self.type_of(mgr);
        let Some(enter) = self.class_lookup(cls, en) else {
            let t = self.type_name(mgr);
            return Err(self.new_type_error(format!(
                "'{t}' object does not support the asynchronous context manager protocol"
            )));
        };
        let Some(exit) = self.class_lookup(cls, ex) else {
            let t = self.type_name(mgr);
            return Err(self.new_type_error(format!(
                "'{t}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
            )));
        };
        // Bound as CPython binds them: `__aenter__` first.
        let enter_b = self.bind_descriptor(enter, mgr, cls)?;
        let exit_b = self.bind_descriptor(exit, mgr, cls)?;
        let r = self.call(enter_b, &[], &[])?;
        Ok((exit_b, r))
    }

    /// END_ASYNC_FOR: whether the exception ends the loop (else it is re-raised).
    pub(crate) fn ends_async_for(&self, exc: Value) -> bool {
        matches!(exc, Value::Obj(r) if self.isinstance_ref(r, self.types.stop_async_iteration))
    }

    fn new_awaiter(&mut self, cls: ObjRef, a: Awaiter) -> Value {
        Value::Obj(self.heap.alloc(cls, Kind::Opaque(Box::new(a))))
    }

    fn new_awaiter_asend(&mut self, gen: ObjRef, value: Value) -> Value {
        let cls = self.types.async_generator_asend;
        self.new_awaiter(
            cls,
            Awaiter::ASend {
                gen,
                value,
                state: State::Init,
            },
        )
    }

    /// Send a value (or throw an exception) into a `coroutine_wrapper`, `asend` or
    /// `athrow` object: `Yield` passes a value up to the driver, `Return` finishes
    /// the awaitable (StopIteration(value)).
    pub(crate) fn awaiter_step(
        &mut self,
        me: ObjRef,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        let a = awaiter(self, Value::Obj(me))
            .cloned()
            .expect("revpy internal error: not an awaiter");
        match a {
            Awaiter::Wrapper { coro } => match throw {
                Some(e) => self.resume_throwing(coro, e),
                None => self.resume_generator_gc(coro, sent, None),
            },
            Awaiter::ASend { gen, value, state } => {
                self.asend_step(me, gen, value, state, sent, throw)
            }
            Awaiter::AThrow { gen, exc, state } => {
                self.athrow_step(me, gen, exc, state, sent, throw)
            }
        }
    }

    /// Resume with an exception to throw, keeping it rooted while it is only in Rust
    /// (throwing into a delegate may look up its `throw` and run Python code).
    fn resume_throwing(&mut self, g: ObjRef, e: PyErr) -> PyResult<Exit> {
        let n = self.temp_roots.len();
        self.temp_roots.push(Value::Obj(e.0));
        let r = self.resume_generator_gc(g, Value::None, Some(e));
        self.temp_roots.truncate(n);
        r
    }

    /// Whether `awaiter_step` applies to `v` (for YIELD_FROM's fast path).
    pub(crate) fn is_awaiter(&self, v: Value) -> bool {
        awaiter(self, v).is_some()
    }

    fn asend_step(
        &mut self,
        me: ObjRef,
        gen: ObjRef,
        value: Value,
        state: State,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        if state == State::Closed {
            return Err(self.new_error(
                self.types.runtime_error,
                "cannot reuse already awaited __anext__()/asend()".into(),
            ));
        }
        let mut sent = sent;
        if state == State::Init && throw.is_none() {
            if self.gen_mut(gen).running_async {
                return Err(self.new_error(
                    self.types.runtime_error,
                    "anext(): asynchronous generator is already running".into(),
                ));
            }
            if sent.is_none() {
                sent = value;
            }
            set_state(self, me, State::Iter);
        }
        self.gen_mut(gen).running_async = true;
        let r = match throw {
            Some(e) => self.resume_throwing(gen, e),
            None => self.resume_generator_gc(gen, sent, None),
        };
        self.ag_unwrap(me, gen, r)
    }

    /// What an `asend`/`athrow` makes of the async generator's step.
    fn ag_unwrap(&mut self, me: ObjRef, gen: ObjRef, r: PyResult<Exit>) -> PyResult<Exit> {
        match r {
            Ok(Exit::Yield(v)) => {
                if self.yield_from_target(gen).is_some() {
                    // An await inside the generator suspended: up to the driver.
                    return Ok(Exit::Yield(v));
                }
                self.gen_mut(gen).running_async = false;
                set_state(self, me, State::Closed);
                Ok(Exit::Return(v))
            }
            Ok(Exit::Return(_)) => {
                let gd = self.gen_mut(gen);
                gd.running_async = false;
                gd.closed = true;
                set_state(self, me, State::Closed);
                Err(self.new_exception(self.types.stop_async_iteration, vec![]))
            }
            Err(e) => {
                let closes = self.isinstance_ref(e.0, self.types.stop_async_iteration)
                    || self.isinstance_ref(e.0, self.types.generator_exit);
                let gd = self.gen_mut(gen);
                gd.running_async = false;
                if closes {
                    gd.closed = true;
                }
                set_state(self, me, State::Closed);
                Err(e)
            }
        }
    }

    fn athrow_step(
        &mut self,
        me: ObjRef,
        gen: ObjRef,
        exc: Option<Value>,
        state: State,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        let closing = exc.is_none();
        if state == State::Closed {
            return Err(self.new_error(
                self.types.runtime_error,
                "cannot reuse already awaited aclose()/athrow()".into(),
            ));
        }
        if self.gen_data(gen).finished {
            set_state(self, me, State::Closed);
            return Ok(Exit::Return(Value::None));
        }
        let r = if throw.is_none() && state == State::Init {
            if self.gen_data(gen).running_async {
                set_state(self, me, State::Closed);
                let what = if closing { "aclose" } else { "athrow" };
                return Err(self.new_error(
                    self.types.runtime_error,
                    format!("{what}(): asynchronous generator is already running"),
                ));
            }
            if self.gen_data(gen).closed {
                set_state(self, me, State::Closed);
                return Err(self.new_exception(self.types.stop_async_iteration, vec![]));
            }
            if !sent.is_none() {
                return Err(self.new_error(
                    self.types.runtime_error,
                    "can't send non-None value to a just-started coroutine".into(),
                ));
            }
            set_state(self, me, State::Iter);
            self.gen_mut(gen).running_async = true;
            let e = match exc {
                None => {
                    self.gen_mut(gen).closed = true;
                    self.new_exception(self.types.generator_exit, vec![])
                }
                Some(v) => self.exception_instance(v)?,
            };
            self.resume_throwing(gen, e)
        } else {
            match throw {
                Some(e) => self.resume_throwing(gen, e),
                None => self.resume_generator_gc(gen, sent, None),
            }
        };
        if !closing {
            return self.ag_unwrap(me, gen, r);
        }
        match r {
            Ok(Exit::Yield(v)) => {
                if self.yield_from_target(gen).is_some() {
                    return Ok(Exit::Yield(v));
                }
                self.gen_mut(gen).running_async = false;
                set_state(self, me, State::Closed);
                Err(self.new_error(
                    self.types.runtime_error,
                    "async generator ignored GeneratorExit".into(),
                ))
            }
            Ok(Exit::Return(_)) => {
                self.gen_mut(gen).running_async = false;
                set_state(self, me, State::Closed);
                Ok(Exit::Return(Value::None))
            }
            Err(e) => {
                self.gen_mut(gen).running_async = false;
                set_state(self, me, State::Closed);
                if self.isinstance_ref(e.0, self.types.stop_async_iteration)
                    || self.isinstance_ref(e.0, self.types.generator_exit)
                {
                    Ok(Exit::Return(Value::None))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The exception `throw(typ[, val[, tb]])` raises.
    fn throw_args(&mut self, args: &[Value]) -> PyResult<PyErr> {
        let mut exc = args[0];
        if self.is_class(exc) && args.len() > 1 && !args[1].is_none() {
            exc = self.call(exc, &[args[1]], &[])?;
        }
        self.exception_instance(exc)
    }
}

fn finish(vm: &mut Vm, r: Exit) -> PyResult<Value> {
    match r {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.new_stop_iteration(v)),
    }
}

fn this_coro(vm: &mut Vm, args: &[Value], flavor: GenFlavor) -> PyResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if vm.flavor(Value::Obj(*r)) == Some(flavor) => Ok(*r),
        _ => {
            let what = match flavor {
                GenFlavor::AsyncGenerator => "async_generator",
                _ => "coroutine",
            };
            Err(vm.new_type_error(format!("descriptor requires a '{what}' object")))
        }
    }
}

fn c_send(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this_coro(vm, args, GenFlavor::Coroutine)?;
    let r = vm.resume_generator_gc(g, args[1], None)?;
    finish(vm, r)
}
fn c_throw(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this_coro(vm, args, GenFlavor::Coroutine)?;
    let e = vm.throw_args(&args[1..])?;
    let r = vm.resume_throwing(g, e)?;
    finish(vm, r)
}
fn c_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this_coro(vm, args, GenFlavor::Coroutine)?;
    vm.close_generator(g)
}
fn c_await(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let coro = this_coro(vm, args, GenFlavor::Coroutine)?;
    let cls = vm.types.coroutine_wrapper;
    Ok(vm.new_awaiter(cls, Awaiter::Wrapper { coro }))
}

fn ag_self(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}
fn ag_anext(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this_coro(vm, args, GenFlavor::AsyncGenerator)?;
    Ok(vm.new_awaiter_asend(g, Value::None))
}
fn ag_asend(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this_coro(vm, args, GenFlavor::AsyncGenerator)?;
    Ok(vm.new_awaiter_asend(g, args[1]))
}
fn ag_athrow(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let gen = this_coro(vm, args, GenFlavor::AsyncGenerator)?;
    let e = vm.throw_args(&args[1..])?;
    let cls = vm.types.async_generator_athrow;
    Ok(vm.new_awaiter(
        cls,
        Awaiter::AThrow {
            gen,
            exc: Some(Value::Obj(e.0)),
            state: State::Init,
        },
    ))
}
fn ag_aclose(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let gen = this_coro(vm, args, GenFlavor::AsyncGenerator)?;
    let cls = vm.types.async_generator_athrow;
    Ok(vm.new_awaiter(
        cls,
        Awaiter::AThrow {
            gen,
            exc: None,
            state: State::Init,
        },
    ))
}

fn this_awaiter(vm: &mut Vm, args: &[Value]) -> PyResult<ObjRef> {
    match args.first() {
        Some(v @ Value::Obj(r)) if awaiter(vm, *v).is_some() => Ok(*r),
        _ => Err(vm.new_type_error("descriptor requires an awaitable object".into())),
    }
}
fn aw_send(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = this_awaiter(vm, args)?;
    let r = vm.awaiter_step(me, args[1], None)?;
    finish(vm, r)
}
fn aw_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = this_awaiter(vm, args)?;
    let r = vm.awaiter_step(me, Value::None, None)?;
    finish(vm, r)
}
fn aw_throw(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = this_awaiter(vm, args)?;
    let e = vm.throw_args(&args[1..])?;
    let r = vm.awaiter_step(me, Value::None, Some(e))?;
    finish(vm, r)
}
fn aw_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = this_awaiter(vm, args)?;
    if let Some(Awaiter::Wrapper { coro }) = awaiter(vm, Value::Obj(me)).cloned() {
        return vm.close_generator(coro);
    }
    set_state(vm, me, State::Closed);
    Ok(Value::None)
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.coroutine;
    vm.add_method(c, "send", c_send, Arity::exactly(1));
    vm.add_method(c, "throw", c_throw, Arity::range(1, 3));
    vm.add_method(c, "close", c_close, Arity::none());
    vm.add_method(c, "__await__", c_await, Arity::none());
    let c = vm.types.async_generator;
    vm.add_method(c, "__aiter__", ag_self, Arity::none());
    vm.add_method(c, "__anext__", ag_anext, Arity::none());
    vm.add_method(c, "asend", ag_asend, Arity::exactly(1));
    vm.add_method(c, "athrow", ag_athrow, Arity::range(1, 3));
    vm.add_method(c, "aclose", ag_aclose, Arity::none());
    for c in [
        vm.types.coroutine_wrapper,
        vm.types.async_generator_asend,
        vm.types.async_generator_athrow,
    ] {
        vm.add_method(c, "send", aw_send, Arity::exactly(1));
        vm.add_method(c, "throw", aw_throw, Arity::range(1, 3));
        vm.add_method(c, "close", aw_close, Arity::none());
        vm.add_method(c, "__next__", aw_next, Arity::none());
        vm.add_method(c, "__iter__", ag_self, Arity::none());
    }
    for c in [
        vm.types.async_generator_asend,
        vm.types.async_generator_athrow,
    ] {
        vm.add_method(c, "__await__", ag_self, Arity::none());
    }
    // They root what they hold (arguments, `temp_roots`), so the collector may run
    // while the coroutine they resume runs: an event loop's task steps collect.
    let d = vm.class_data(vm.types.coroutine).dict;
    vm.mark_gc_safe(d, "send");
    vm.mark_gc_safe(d, "throw");
    for c in [
        vm.types.coroutine_wrapper,
        vm.types.async_generator_asend,
        vm.types.async_generator_athrow,
    ] {
        let d = vm.class_data(c).dict;
        for name in ["send", "throw", "__next__"] {
            vm.mark_gc_safe(d, name);
        }
    }
}

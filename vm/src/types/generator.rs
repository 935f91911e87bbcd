//! Generators: creation, suspension at `yield`, resumption by `next`/`send`/`throw`,
//! `close`, and delegation for `yield from`.

use crate::args::Arity;
use crate::interp::Exit;
use crate::object::{GenData, GenFlavor, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyErr, PyResult, Vm};

use crate::Kw;
use revpy_compiler::code::flags;

/// What `Vm::push_generator_frame` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resume {
    /// The generator's frame is on top of the frame stack, to run in this loop.
    Pushed,
    /// Pushed, and about to run a YIELD_FROM that is no line start, its sent value
    /// on top of its stack (`descend_yield_from` may go on down the chain).
    AtYieldFrom,
    /// A generator that is finished, running, or not started (with a value sent):
    /// nothing done.
    Other,
    /// Not a generator: nothing done.
    NotGenerator,
}

/// Code flags that make calling the function create a generator-like object.
const GEN_FLAGS: u32 = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;

impl Vm {
    /// A generator (coroutine, async generator: by the code's flags) not started
    /// yet, for a call of `code` whose locals and cells are `saved` (the frame keeps
    /// them there until resumed).
    pub(crate) fn new_suspended_generator(
        &mut self,
        code: std::rc::Rc<crate::object::CodeData>,
        globals: ObjRef,
        saved: Vec<Value>,
        name: Value,
        qualname: Value,
    ) -> Value {
        let flavor = crate::types::coroutine::flavor_of(code.code.flags);
        let frame = crate::interp::Frame::call(code, 0, 0, globals);
        self.new_generator(GenData {
            frame: Some(frame),
            saved,
            started: false,
            finished: false,
            running: false,
            name,
            qualname,
            flavor,
            running_async: false,
            closed: false,
        })
    }

    pub fn new_generator(&mut self, g: GenData) -> Value {
        let (c, kind) = match g.flavor {
            GenFlavor::Generator => (self.types.generator, Kind::Generator(Box::new(g))),
            GenFlavor::Coroutine => (self.types.coroutine, Kind::Coroutine(Box::new(g))),
            GenFlavor::AsyncGenerator => (self.types.async_generator, Kind::Coroutine(Box::new(g))),
        };
        Value::Obj(self.heap.alloc(c, kind))
    }

    /// Calling generator (or coroutine) function `fref` with the positional
    /// arguments `first` (unless Undef: a bound method's `self`) and
    /// `self.stack[args_start..]`, when they bind simply (no `*args`, `**kwargs` or
    /// keyword-only parameters; enough with the defaults): the new generator, its
    /// locals laid out as `push_function_frame` lays them out, in a buffer with room
    /// for the frame's whole stack (its first suspension does not grow it). None,
    /// with nothing done, for any other function or shape (the general path then
    /// binds or raises CPython's error). The arguments stay on the stack.
    pub(crate) fn new_generator_fast(
        &mut self,
        fref: ObjRef,
        first: Value,
        args_start: usize,
    ) -> Option<Value> {
        let Kind::Function(func) = self.heap.kind(fref) else {
            return None;
        };
        let c = &func.code.code;
        if c.flags & GEN_FLAGS == 0
            || c.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0
            || c.kwonlyargcount != 0
        {
            return None;
        }
        let argcount = c.argcount as usize;
        let n = self.stack.len() - args_start + !first.is_undef() as usize;
        let ndef = func.defaults.len();
        if n > argcount || n + ndef < argcount {
            return None;
        }
        let nvar = c.varnames.len();
        let (ncell, nfree) = (c.cellvars.len(), c.freevars.len());
        let mut saved = Vec::with_capacity(func.code.nlocalsplus + c.max_stack as usize + 1);
        if !first.is_undef() {
            saved.push(first);
        }
        // (`copy_values`, not `extend_from_slice`: a handful of values, for which a
        // call to `memcpy` costs more than the copy.)
        copy_values(&mut saved, &self.stack[args_start..]);
        // The last `argcount - n` defaults (counted from the end, as CPython).
        if argcount > n {
            copy_values(&mut saved, &func.defaults[ndef - (argcount - n)..]);
        }
        saved.resize(nvar, Value::Undef);
        let code = func.code.clone();
        let (globals, name, qualname) = (func.globals, func.name, func.qualname);
        if ncell + nfree > 0 {
            // As `init_cells`: a cell per cell variable (holding its parameter's
            // value if it is one), then the closure's cells. Allocating cannot
            // collect, so the values in `saved` need no rooting.
            for i in 0..ncell {
                let init = code
                    .code
                    .cell_params
                    .iter()
                    .find(|(ci, _)| *ci as usize == i)
                    .map_or(Value::Undef, |(_, pi)| saved[*pi as usize]);
                let cell = self.new_cell(init);
                saved.push(cell);
            }
            if let Kind::Function(func) = self.heap.kind(fref) {
                copy_values(&mut saved, &func.closure);
            }
        }
        Some(self.new_suspended_generator(code, globals, saved, name, qualname))
    }

    pub fn is_generator(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Generator(_)))
    }

    pub(crate) fn gen_mut(&mut self, g: ObjRef) -> &mut GenData {
        match self.heap.kind_mut(g) {
            Kind::Generator(x) | Kind::Coroutine(x) => x,
            _ => panic!("revpy internal error: not a generator"),
        }
    }

    /// YIELD_VALUE: move the top frame (a generator's) and its stack into the generator.
    #[inline]
    pub(crate) fn suspend_generator(&mut self, fi: usize) {
        // The yielding frame is always the top one: popping it moves nothing else.
        debug_assert_eq!(fi + 1, self.frames.len());
        let f = self.frames.last_mut().expect("generator frame");
        if matches!(
            f.ret,
            crate::interp::RET_FOR_ITER | crate::interp::RET_YIELD_FROM
        ) {
            self.inline_gens -= 1;
        }
        // Whoever resumes it next says what to do with its result.
        f.ret = crate::interp::RET_PLAIN;
        let g = f.gen.expect("generator frame");
        let base = f.base as usize;
        let gd = match self.heap.kind_mut(g) {
            Kind::Generator(x) | Kind::Coroutine(x) => x,
            _ => panic!("revpy internal error: not a generator"),
        };
        // Reuse the generator's buffer: no allocation per yield.
        let cap = gd.saved.capacity();
        gd.saved.clear();
        copy_values(&mut gd.saved, &self.stack[base..]);
        let grown = gd.saved.capacity().saturating_sub(cap);
        // The frame moves straight from the frame stack into the generator. Its
        // slot there is empty while it runs (every resumption takes it), so there is
        // nothing to drop.
        debug_assert!(gd.frame.is_none());
        // SAFETY: `fi` is the last frame: its bytes are copied into the generator's
        // `None` slot (no destructor to run) and the frame stack is cut below it
        // without dropping it, so the frame is owned once, by the generator.
        unsafe {
            let src = self.frames.as_ptr().add(fi);
            std::ptr::write(&mut gd.frame, Some(std::ptr::read(src)));
            self.frames.set_len(fi);
        }
        gd.running = false;
        // SAFETY: base <= len (the frame's locals start there); Values need no drop.
        unsafe { self.stack.set_len(base) };
        if grown > 0 {
            // The buffer is part of the generator's size (`Kind::gc_bytes`).
            self.heap.charge(grown as u64 * 16);
        }
    }

    /// The generator's frame returned or raised.
    pub(crate) fn generator_finished(&mut self, g: ObjRef) {
        let gd = self.gen_mut(g);
        gd.finished = true;
        gd.running = false;
        gd.frame = None;
        gd.saved = Vec::new();
    }

    /// Resume a generator from Rust code (which may hold values the collector cannot
    /// see, so no collection happens while it runs).
    pub fn resume_generator(
        &mut self,
        g: ObjRef,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        self.gc_holds += 1;
        let r = self.resume_generator_gc(g, sent, throw);
        self.gc_holds -= 1;
        r
    }

    /// Resume a generator from an instruction (FOR_ITER, YIELD_FROM): everything the
    /// caller holds is on the value stack, so the collector may run inside.
    pub fn resume_generator_gc(
        &mut self,
        g: ObjRef,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        // The common case: a started generator resumed with a value (next/send).
        if throw.is_none() {
            if let Kind::Generator(gd) | Kind::Coroutine(gd) = self.heap.kind_mut(g) {
                if gd.started && !gd.finished && !gd.running && gd.frame.is_some() {
                    let depth = self.frames.len();
                    if depth + self.native_depth as usize >= self.recursion_limit
                        || self.loops >= self.native_depth_limit
                    {
                        return Err(self.new_error(
                            self.types.recursion_error,
                            "maximum recursion depth exceeded".into(),
                        ));
                    }
                    gd.running = true;
                    let mut frame = gd.frame.take().expect("suspended frame");
                    let base = self.stack.len();
                    frame.base = base as u32;
                    frame.ret_sp = base as u32;
                    frame.gen = Some(g);
                    frame.ret = crate::interp::RET_PLAIN;
                    copy_values(&mut self.stack, &gd.saved);
                    gd.saved.clear();
                    self.stack.push(sent);
                    self.push_frame(frame);
                    return self.run(depth);
                }
            }
        }
        let (started, finished, running, flavor) = {
            let gd = self.gen_mut(g);
            (gd.started, gd.finished, gd.running, gd.flavor)
        };
        if running {
            return Err(match flavor {
                GenFlavor::Generator => self.new_value_error("generator already executing".into()),
                GenFlavor::Coroutine => self.new_value_error("coroutine already executing".into()),
                GenFlavor::AsyncGenerator => {
                    self.new_value_error("async generator already executing".into())
                }
            });
        }
        if finished {
            let closing =
                throw.is_some_and(|e| self.isinstance_ref(e.0, self.types.generator_exit));
            if flavor == GenFlavor::Coroutine && !closing {
                return Err(self.new_error(
                    self.types.runtime_error,
                    "cannot reuse already awaited coroutine".into(),
                ));
            }
            return match throw {
                Some(e) => Err(e),
                None => Ok(Exit::Return(Value::None)),
            };
        }
        if !started && throw.is_none() && !sent.is_none() {
            let what = flavor_name(flavor);
            return Err(self.new_type_error(format!(
                "can't send non-None value to a just-started {what}"
            )));
        }
        // A generator suspended in `yield from` forwards throws to its delegate.
        if let Some(e) = throw {
            if started {
                if let Some(recv) = self.yield_from_target(g) {
                    return self.throw_into_delegate(g, recv, e);
                }
            } else {
                self.generator_finished(g);
                return Err(e);
            }
        }
        self.check_recursion()?;
        let (mut frame, mut saved) = {
            let gd = self.gen_mut(g);
            gd.started = true;
            gd.running = true;
            (
                gd.frame.take().expect("suspended frame"),
                std::mem::take(&mut gd.saved),
            )
        };
        let base = self.stack.len();
        frame.base = base as u32;
        frame.ret_sp = base as u32;
        frame.gen = Some(g);
        frame.ret = crate::interp::RET_PLAIN;
        self.stack.extend_from_slice(&saved);
        saved.clear();
        self.gen_mut(g).saved = saved;
        if started && throw.is_none() {
            self.stack.push(sent);
        }
        let depth = self.frames.len();
        self.frames.push(frame);
        if let Some(e) = throw {
            self.attach_context(e);
            self.unwind(e, depth)?;
        }
        self.run(depth)
    }

    /// Resume generator `g` (not a coroutine) with `sent` by pushing its frame for the
    /// running loop (FOR_ITER, YIELD_FROM), `ret` saying what its caller does with the
    /// result (see `Frame::ret`). `Resume::Pushed` when it was suspended or not yet
    /// started (and `sent` is None); `Resume::Other`, with nothing done, for a
    /// generator in any other state (`resume_generator_gc` says what happens), and
    /// `Resume::NotGenerator` for any other object: one heap lookup for the caller's
    /// type test and the move. `fuse`: the hook does not see every instruction, so
    /// the POP_TOP that discards the sent value may run here (`resume_frame`).
    #[inline(never)]
    pub(crate) fn push_generator_frame(
        &mut self,
        g: ObjRef,
        sent: Value,
        ret: u8,
        fuse: bool,
    ) -> PyResult<Resume> {
        self.push_generator_frame_inline(g, sent, ret, fuse)
    }

    /// `push_generator_frame` inlined (in the `yield from` chain's loop).
    #[inline(always)]
    pub(crate) fn push_generator_frame_inline(
        &mut self,
        g: ObjRef,
        sent: Value,
        ret: u8,
        fuse: bool,
    ) -> PyResult<Resume> {
        let Kind::Generator(gd) = self.heap.kind_mut(g) else {
            return Ok(Resume::NotGenerator);
        };
        if gd.finished || gd.running || gd.frame.is_none() || (!gd.started && !sent.is_none()) {
            return Ok(Resume::Other);
        }
        let depth = self.frames.len();
        if depth + self.native_depth as usize >= self.recursion_limit
            || self.loops + self.inline_gens >= self.native_depth_limit
        {
            return Err(self.gen_recursion_error());
        }
        let next = resume_frame(gd, g, &mut self.stack, &mut self.frames, sent, ret, fuse);
        self.inline_gens += 1;
        Ok(match next {
            NEXT_FUSED => {
                self.instructions += 1;
                Resume::Pushed
            }
            NEXT_YIELD_FROM => Resume::AtYieldFrom,
            _ => Resume::Pushed,
        })
    }

    #[cold]
    #[inline(never)]
    fn gen_recursion_error(&mut self) -> PyErr {
        self.new_error(
            self.types.recursion_error,
            "maximum recursion depth exceeded".into(),
        )
    }

    /// Move suspended generator `g`'s frame (checked resumable by the caller) back
    /// on the frame stack with its saved values, returning by `ret`; `sent` is the
    /// value its `yield` gives, if it had started.
    pub(crate) fn push_suspended_frame(&mut self, g: ObjRef, sent: Value, ret: u8) {
        let Kind::Generator(gd) = self.heap.kind_mut(g) else {
            unreachable!("not a generator")
        };
        // The POP_TOP after the `yield` runs here unless the hook sees every
        // instruction (as `push_generator_frame`).
        let fuse = !(self.hooked && (self.step_instructions || self.trace));
        let next = resume_frame(gd, g, &mut self.stack, &mut self.frames, sent, ret, fuse);
        self.instructions += (next == NEXT_FUSED) as u64;
    }

    /// Bookkeeping for a frame leaving the frame stack (returned, raised or
    /// suspended).
    #[inline]
    pub(crate) fn left_frame(&mut self, frame: &crate::interp::Frame) {
        if matches!(
            frame.ret,
            crate::interp::RET_FOR_ITER | crate::interp::RET_YIELD_FROM
        ) {
            self.inline_gens -= 1;
        }
    }

    /// The iterator a suspended generator is delegating to with `yield from`.
    pub(crate) fn yield_from_target(&mut self, g: ObjRef) -> Option<Value> {
        let gd = self.gen_mut(g);
        let frame = gd.frame.as_ref()?;
        let ins = frame.code.code.instrs.get(frame.ip as usize)?;
        if ins.op == revpy_compiler::opcodes::Op::YieldFrom {
            gd.saved.last().copied()
        } else {
            None
        }
    }

    fn throw_into_delegate(&mut self, g: ObjRef, recv: Value, e: PyErr) -> PyResult<Exit> {
        let r = if let Value::Obj(rr) = recv {
            if matches!(self.heap.kind(rr), Kind::Generator(_) | Kind::Coroutine(_)) {
                self.resume_generator(rr, Value::None, Some(e))
            } else {
                let throw = self.names.throw;
                match self.getattr_opt(recv, throw)? {
                    Some(f) => self.call(f, &[Value::Obj(e.0)], &[]).map(Exit::Yield),
                    None => Err(e),
                }
            }
        } else {
            Err(e)
        };
        match r {
            Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
            Ok(Exit::Return(v)) => {
                // The delegate finished: continue the outer generator after YIELD_FROM.
                let gd = self.gen_mut(g);
                gd.saved.pop();
                if let Some(f) = gd.frame.as_mut() {
                    f.ip += 1;
                }
                gd.saved.push(v);
                self.resume_after_delegate(g)
            }
            Err(err) => {
                if self.isinstance_ref(err.0, self.types.stop_iteration)
                    && !self.is_generator(recv)
                    && !self.is_coroutine_like(recv)
                {
                    let args = self.exception_args(err.0);
                    let v = args.first().copied().unwrap_or(Value::None);
                    let gd = self.gen_mut(g);
                    gd.saved.pop();
                    if let Some(f) = gd.frame.as_mut() {
                        f.ip += 1;
                    }
                    gd.saved.push(v);
                    return self.resume_after_delegate(g);
                }
                // Raise the delegate's exception inside the outer generator.
                let gd = self.gen_mut(g);
                gd.saved.pop();
                if let Some(f) = gd.frame.as_mut() {
                    f.ip += 1;
                }
                self.resume_raw(g, Some(err))
            }
        }
    }

    fn resume_after_delegate(&mut self, g: ObjRef) -> PyResult<Exit> {
        self.resume_raw(g, None)
    }

    /// Resume without pushing a sent value (the stack is already arranged).
    fn resume_raw(&mut self, g: ObjRef, throw: Option<PyErr>) -> PyResult<Exit> {
        let (mut frame, saved) = {
            let gd = self.gen_mut(g);
            gd.running = true;
            (
                gd.frame.take().expect("suspended frame"),
                std::mem::take(&mut gd.saved),
            )
        };
        let base = self.stack.len();
        frame.base = base as u32;
        frame.ret_sp = base as u32;
        frame.gen = Some(g);
        self.stack.extend(saved);
        let depth = self.frames.len();
        self.frames.push(frame);
        if let Some(e) = throw {
            self.unwind(e, depth)?;
        }
        self.run(depth)
    }

    /// Send a value to an iterator for YIELD_FROM.
    pub(crate) fn send_to(&mut self, recv: Value, sent: Value) -> PyResult<Exit> {
        if let Value::Obj(r) = recv {
            if let Kind::Generator(_) | Kind::Coroutine(_) = self.heap.kind(r) {
                return self.resume_generator_gc(r, sent, None);
            }
            if self.is_awaiter(recv) {
                return self.awaiter_step(r, sent, None);
            }
        }
        if sent.is_none() {
            return Ok(match self.iter_next_with_value(recv)? {
                Ok(v) => Exit::Yield(v),
                Err(v) => Exit::Return(v),
            });
        }
        match self.call_method(recv, "send", &[sent]) {
            Ok(v) => Ok(Exit::Yield(v)),
            Err(e) if self.isinstance_ref(e.0, self.types.stop_iteration) => {
                let args = self.exception_args(e.0);
                Ok(Exit::Return(args.first().copied().unwrap_or(Value::None)))
            }
            Err(e) => Err(e),
        }
    }

    /// next(it), distinguishing exhaustion and its StopIteration value.
    fn iter_next_with_value(&mut self, it: Value) -> PyResult<Result<Value, Value>> {
        if let Value::Obj(r) = it {
            if let Kind::Iter(_) = self.heap.kind(r) {
                return Ok(match crate::types::iterators::builtin_iter_next(self, r)? {
                    Some(v) => Ok(v),
                    None => Err(Value::None),
                });
            }
        }
        let nx = self.names.__next__;
        let Some(f) = self.lookup_special(it, nx) else {
            let t = self.type_name(it);
            return Err(self.new_type_error(format!("'{t}' object is not an iterator")));
        };
        match self.call_special(f, &[it]) {
            Ok(v) => Ok(Ok(v)),
            Err(e) if self.isinstance_ref(e.0, self.types.stop_iteration) => {
                let args = self.exception_args(e.0);
                Ok(Err(args.first().copied().unwrap_or(Value::None)))
            }
            Err(e) => Err(e),
        }
    }
}

/// `resume_frame`'s answers: what the resumed frame runs next.
const NEXT_OTHER: u8 = 0;
/// Its POP_TOP ran already.
const NEXT_FUSED: u8 = 1;
/// A YIELD_FROM that is no line start.
const NEXT_YIELD_FROM: u8 = 2;

/// `push_suspended_frame` on the parts of the VM it touches (one heap lookup for the
/// caller's checks and the move). `fuse`: when the frame resumes at a POP_TOP (the
/// sent value of `yield` as a statement, the usual case) that is no stop point, that
/// POP_TOP runs here: the value is not pushed and the position moves past it (the
/// caller counts the instruction). Returns what the frame runs next (`NEXT_*`), read
/// with the same load.
#[inline(always)]
fn resume_frame(
    gd: &mut GenData,
    g: ObjRef,
    stack: &mut Vec<Value>,
    frames: &mut Vec<crate::interp::Frame>,
    sent: Value,
    ret: u8,
    fuse: bool,
) -> u8 {
    use revpy_compiler::opcodes::Op;
    let base = stack.len() as u32;
    let started = gd.started;
    gd.started = true;
    gd.running = true;
    copy_values(stack, &gd.saved);
    gd.saved.clear();
    let mut next = NEXT_OTHER;
    if started {
        let f = gd.frame.as_mut().expect("suspended frame");
        match f.code.code.instrs.get(f.ip as usize) {
            Some(i) if fuse && i.op == Op::PopTop && !i.line_start => {
                f.ip += 1;
                next = NEXT_FUSED;
            }
            Some(i) => {
                if i.op == Op::YieldFrom && !i.line_start {
                    next = NEXT_YIELD_FROM;
                }
                stack.push(sent);
            }
            None => stack.push(sent),
        }
    }
    if frames.len() == frames.capacity() {
        frames.reserve(16);
    }
    let n = frames.len();
    // SAFETY: n < capacity (reserved above): the frame moves from the generator
    // into the free slot, fixed up in place, and the generator's slot is left
    // `None` without running a destructor (ownership moved).
    unsafe {
        let slot = frames.as_mut_ptr().add(n);
        let src = &mut gd.frame as *mut Option<crate::interp::Frame>;
        let frame = (*src).as_mut().expect("suspended frame") as *mut crate::interp::Frame;
        std::ptr::copy_nonoverlapping(frame, slot, 1);
        std::ptr::write(src, None);
        frames.set_len(n + 1);
        let f = &mut *slot;
        f.base = base;
        f.ret_sp = base;
        f.gen = Some(g);
        f.ret = ret;
    }
    next
}

/// Append `src` to `dst`: a generator's locals and stack, usually a handful of
/// values, for which a call to `memcpy` costs more than the copy.
#[inline(always)]
pub(crate) fn copy_values(dst: &mut Vec<Value>, src: &[Value]) {
    let n = src.len();
    if n > 8 {
        dst.extend_from_slice(src);
        return;
    }
    dst.reserve(n);
    let len = dst.len();
    // SAFETY: room for n more values was reserved; `src` and `dst`'s spare capacity
    // do not overlap (two distinct buffers).
    unsafe {
        let d = dst.as_mut_ptr().add(len);
        for (i, v) in src.iter().enumerate() {
            d.add(i).write(*v);
        }
        dst.set_len(len + n);
    }
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::Generator(_)) => Ok(*r),
        _ => Err(vm.new_type_error("descriptor requires a 'generator' object".into())),
    }
}

fn finish(vm: &mut Vm, r: Exit) -> PyResult<Value> {
    match r {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.new_stop_iteration(v)),
    }
}

fn g_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this(vm, args)?;
    let r = vm.resume_generator(g, Value::None, None)?;
    finish(vm, r)
}
fn g_send(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this(vm, args)?;
    vm.check_args("send", &args[1..], 1, 1)?;
    let r = vm.resume_generator(g, args[1], None)?;
    finish(vm, r)
}
fn g_throw(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this(vm, args)?;
    vm.check_args("throw", &args[1..], 1, 3)?;
    let mut exc = args[1];
    if vm.is_class(exc) && args.len() > 2 && !args[2].is_none() {
        exc = vm.call(exc, &[args[2]], &[])?;
    }
    let e = vm.exception_instance(exc)?;
    let r = vm.resume_generator(g, Value::None, Some(e))?;
    finish(vm, r)
}
fn g_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let g = this(vm, args)?;
    vm.close_generator(g)
}

impl Vm {
    /// `close()` of a generator or a coroutine: throw GeneratorExit in if it started.
    pub(crate) fn close_generator(&mut self, g: ObjRef) -> PyResult<Value> {
        let vm = self;
        let (started, finished, flavor) = match vm.heap.kind(g) {
            Kind::Generator(gd) | Kind::Coroutine(gd) => (gd.started, gd.finished, gd.flavor),
            _ => (false, true, GenFlavor::Generator),
        };
        if finished {
            return Ok(Value::None);
        }
        if !started {
            vm.generator_finished(g);
            return Ok(Value::None);
        }
        let ge = vm.new_exception(vm.types.generator_exit, vec![]);
        match vm.resume_generator(g, Value::None, Some(ge)) {
            Ok(Exit::Yield(_)) => Err(vm.new_error(
                vm.types.runtime_error,
                format!("{} ignored GeneratorExit", flavor_name(flavor)),
            )),
            Ok(Exit::Return(_)) => Ok(Value::None),
            Err(e) => {
                if vm.isinstance_ref(e.0, vm.types.generator_exit)
                    || vm.isinstance_ref(e.0, vm.types.stop_iteration)
                {
                    Ok(Value::None)
                } else {
                    Err(e)
                }
            }
        }
    }
}

/// The name of a flavor in messages ("generator", "coroutine", "async generator").
pub(crate) fn flavor_name(f: GenFlavor) -> &'static str {
    match f {
        GenFlavor::Generator => "generator",
        GenFlavor::Coroutine => "coroutine",
        GenFlavor::AsyncGenerator => "async generator",
    }
}

fn g_iter(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.generator;
    vm.add_method(c, "__next__", g_next, Arity::none());
    vm.add_method(c, "send", g_send, Arity::exactly(1));
    vm.add_method(c, "throw", g_throw, Arity::range(1, 3));
    vm.add_method(c, "close", g_close, Arity::none());
    vm.add_method(c, "__iter__", g_iter, Arity::none());
}

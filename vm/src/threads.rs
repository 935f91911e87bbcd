//! Green threads: every Python thread runs in the one VM. A thread that is not
//! running is a saved frame stack, value stack and exception state; the scheduler
//! swaps them in and out of the `Vm` at switch points:
//!
//! - preemption: at a line start, once the thread has run its quantum of
//!   instructions (`Threads::switch_at`), in the thread's outermost loop;
//! - blocking: right after a call to a native that must wait (a contended
//!   `lock.acquire`, `time.sleep`) returned its provisional result, the thread is
//!   parked (`Threads::park`) and another runs. A waiter is handed the lock when it
//!   is released, so the provisional `True` is right; a timed-out wait replaces the
//!   result on the stack with `False`.
//!
//! Where the waiting native was called from a nested loop (a native calling back
//! into Python: a generator being iterated, `__repr__`, a sort key), the thread
//! cannot be parked; it waits in a nested scheduler instead, which runs the other
//! threads until it can go on (`wait_nested`).
//!
//! The schedule is a pure function of the program and the log: round robin in
//! creation order with a fixed quantum, or, under `--chaos SEED`, quanta and choices
//! drawn from a PRNG seeded by SEED. The seed is the result of one effect
//! (`ThreadSeed`) taken when the first thread starts, so a replay follows the
//! recorded schedule without logging switches. Time for sleeps and timeouts is
//! virtual: instructions count as time, and when every thread waits for a deadline
//! the clock jumps to it (a real sleep, `time.sleep`'s effect, in live and record
//! runs; nothing in replay).

use crate::effects::log::Val;
use crate::interp::{Exit, Frame};
use crate::object::opaque::{OpaqueObject, Protocols};
use crate::object::{ObjRef, Value};
use crate::{Arity, EffectKind, Kind, Kw, KwSpec, NativeDef, Num, PyErr, PyResult, Vm};

/// Instructions a thread runs before another gets its turn (CPython's 5 ms switch
/// interval, at roughly 50 ns per instruction).
pub const QUANTUM: u64 = 100_000;
/// Virtual nanoseconds one instruction takes (for sleeps and timeouts).
const NS_PER_INSTRUCTION: u64 = 50;
/// The longest chaos quantum, in instructions.
const CHAOS_MAX_QUANTUM: u64 = 400;
/// `_thread.TIMEOUT_MAX`.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// What a thread is doing.
#[derive(Clone, Debug)]
pub enum ThreadState {
    /// Started, not yet run: call `func(*args, **kwargs)` when first scheduled.
    New {
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Value, Value)>,
    },
    Runnable,
    /// Waiting to be handed `lock` (until `deadline`, in virtual ns, if any).
    Lock {
        lock: ObjRef,
        deadline: Option<u64>,
    },
    /// `time.sleep`: runnable again at `deadline` (virtual ns).
    Sleep {
        deadline: u64,
    },
    /// The main thread's code ended in a nested scheduler: the outermost one
    /// returns this result when it resumes the main thread.
    MainEnded,
    Done,
}

/// One thread.
#[derive(Clone, Debug)]
pub struct GreenThread {
    /// `_thread.get_ident()`: 1 for the main thread, then 2, 3, ... in creation order.
    pub ident: i64,
    /// The name the `threading` module gave it (for the debugger), if any.
    pub name: String,
    pub daemon: bool,
    pub frames: Vec<Frame>,
    pub stack: Vec<Value>,
    pub exc_info: Value,
    pub state: ThreadState,
    /// A timed wait ran out: the parked call's result becomes False.
    pub timed_out: bool,
    /// The nesting level of the scheduler that must resume it (0: any).
    pub pinned: u32,
    /// Locks released when the thread ends (`_thread._set_sentinel`).
    pub sentinels: Vec<ObjRef>,
    /// The function it was started with (for the report of an uncaught exception).
    pub target: Value,
}

impl GreenThread {
    fn new(ident: i64, state: ThreadState) -> GreenThread {
        GreenThread {
            ident,
            name: String::new(),
            daemon: false,
            frames: vec![],
            stack: vec![],
            exc_info: Value::None,
            state,
            timed_out: false,
            pinned: 0,
            sentinels: vec![],
            target: Value::None,
        }
    }

    /// Whether the thread has ended.
    pub fn is_done(&self) -> bool {
        matches!(self.state, ThreadState::Done | ThreadState::MainEnded)
    }
}

/// The scheduler's state (part of the `Vm`, so snapshots copy it).
#[derive(Clone, Debug)]
pub struct Threads {
    /// Every thread so far, by creation; empty until the program starts a thread or
    /// waits. Index 0 is the main thread.
    pub list: Vec<GreenThread>,
    /// The thread whose frames are in the `Vm`.
    pub current: usize,
    /// Preempt the current thread at the first line start once `Vm::instructions`
    /// reaches this.
    pub switch_at: u64,
    /// A native parked the current thread: switch after the call returns.
    pub park: bool,
    /// `run_loop` returned because of a switch (not because the thread ended).
    pub(crate) switching: bool,
    /// `Vm::loops` of the loop that runs threads at the current scheduler level.
    pub(crate) base_loops: u32,
    /// Nesting of schedulers (0: the outermost).
    pub(crate) level: u32,
    /// `--chaos SEED` asked by the command line (used when the first thread starts:
    /// the seed then goes through the `ThreadSeed` effect).
    pub chaos_request: Option<u64>,
    /// The PRNG state of a chaos schedule.
    pub chaos: Option<u64>,
    /// Virtual ns added to the instruction clock by jumps to a deadline.
    pub skipped_ns: u64,
    /// Thread switches so far.
    pub switches: u64,
    /// The main thread's result when its code ended in a nested scheduler.
    pub(crate) main_result: Option<Result<Value, PyErr>>,
    /// `_thread.LockType` once `_thread` is loaded.
    pub lock_class: Option<ObjRef>,
    /// The exit status of the main program, once decided (the program then waits
    /// for its other threads).
    pub main_status: Option<crate::ExitStatus>,
    /// `sys.setswitchinterval`, in microseconds (CPython keeps it so): the quantum
    /// is this many microseconds of instructions.
    pub switch_interval_us: u64,
}

impl Default for Threads {
    fn default() -> Threads {
        Threads {
            list: vec![],
            current: 0,
            switch_at: u64::MAX,
            park: false,
            switching: false,
            base_loops: 1,
            level: 0,
            chaos_request: None,
            chaos: None,
            skipped_ns: 0,
            switches: 0,
            main_result: None,
            lock_class: None,
            main_status: None,
            switch_interval_us: 5000,
        }
    }
}

impl Threads {
    /// Call `f` on every value the saved threads hold (collector roots).
    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        for t in &self.list {
            t.stack.iter().for_each(|v| f(*v));
            for fr in &t.frames {
                fr.trace(&mut |v| f(v));
            }
            f(t.exc_info);
            f(t.target);
            match &t.state {
                ThreadState::New { func, args, kwargs } => {
                    f(*func);
                    args.iter().for_each(|v| f(*v));
                    for (k, v) in kwargs {
                        f(*k);
                        f(*v);
                    }
                }
                ThreadState::Lock { lock, .. } => f(Value::Obj(*lock)),
                _ => {}
            }
            t.sentinels.iter().for_each(|l| f(Value::Obj(*l)));
        }
        if let Some(c) = self.lock_class {
            f(Value::Obj(c));
        }
        if let Some(Ok(v)) = &self.main_result {
            f(*v);
        }
        if let Some(Err(e)) = &self.main_result {
            f(Value::Obj(e.0));
        }
    }

    /// Whether the program has started threads (or waited).
    pub fn active(&self) -> bool {
        !self.list.is_empty()
    }

    fn rand(&mut self) -> u64 {
        // splitmix64
        let s = self.chaos.get_or_insert(0);
        *s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The ident of the current thread.
    pub fn current_ident(&self) -> i64 {
        self.list.get(self.current).map_or(1, |t| t.ident)
    }
}

/// `_thread.lock`.
#[derive(Clone, Debug, Default)]
pub struct Lock {
    pub locked: bool,
}

impl OpaqueObject for Lock {
    crate::opaque_object_boilerplate!();
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
    fn protocols(&self) -> &'static Protocols {
        &LOCK_PROTOCOLS
    }
}

static LOCK_PROTOCOLS: Protocols = Protocols {
    repr: Some(lock_repr),
    ..Protocols::NONE
};

fn lock_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let locked = vm.opaque_ref::<Lock>(me).is_some_and(|l| l.locked);
    let state = if locked { "locked" } else { "unlocked" };
    let id = vm.id_of(me);
    Ok(format!("<{state} _thread.lock object at {id:#x}>"))
}

/// How a wait went.
enum Waited {
    /// The thread is parked: the dispatch loop switches after the call returns.
    Parked,
    /// The thread waited in a nested scheduler; whether its deadline passed.
    Done { timed_out: bool },
}

impl Vm {
    /// The virtual clock (ns): instructions run plus the jumps to deadlines.
    pub fn thread_clock(&self) -> u64 {
        self.instructions
            .saturating_mul(NS_PER_INSTRUCTION)
            .saturating_add(self.threads.skipped_ns)
    }

    /// Make the thread table, with the current code as the main thread; the first
    /// time only. Takes the `ThreadSeed` effect (the chaos seed, or -1).
    fn ensure_threads(&mut self) -> PyResult<()> {
        if self.threads.active() {
            return Ok(());
        }
        let ask = self.threads.chaos_request;
        let r = self.effects.effect(EffectKind::ThreadSeed, |_| match ask {
            Some(s) => Val::Int(s as i64),
            None => Val::Int(-1),
        });
        let seed = match self.fx(r)? {
            Val::Int(s) if s >= 0 => Some(s as u64),
            _ => None,
        };
        let mut main = GreenThread::new(1, ThreadState::Runnable);
        main.name = "MainThread".into();
        self.threads.list.push(main);
        self.threads.current = 0;
        self.threads.chaos = seed;
        if seed.is_some() {
            // Mix the seed once so that small seeds differ from the first draw.
            self.threads.rand();
        }
        self.threads.switch_at = self.instructions.saturating_add(self.next_quantum());
        Ok(())
    }

    fn next_quantum(&mut self) -> u64 {
        if self.threads.chaos.is_some() {
            1 + self.threads.rand() % CHAOS_MAX_QUANTUM
        } else {
            // QUANTUM at CPython's default 5 ms; at least one instruction.
            (QUANTUM * self.threads.switch_interval_us / 5000).max(1)
        }
    }

    /// The outermost `run(0)` once the program may have threads: runs threads until
    /// the main thread's code ends.
    pub(crate) fn run_scheduled(&mut self) -> PyResult<Exit> {
        loop {
            let r = self.run_loop(0);
            if !self.threads.active() || self.abort.is_some() {
                return r;
            }
            let cur = self.threads.current;
            if !std::mem::take(&mut self.threads.switching) {
                if cur == 0 {
                    return r;
                }
                self.thread_ended(cur, r);
            }
            if let Some(r) = self.switch_next()? {
                return r;
            }
        }
    }

    /// Save the current thread, pick the next one and load it. At level 0 the main
    /// thread's stored end (`MainEnded`) is returned as `Some`.
    fn switch_next(&mut self) -> PyResult<Option<PyResult<Exit>>> {
        let cur = self.threads.current;
        self.threads.switches += 1;
        {
            let frames = std::mem::take(&mut self.frames);
            let stack = std::mem::take(&mut self.stack);
            let exc = std::mem::replace(&mut self.exc_info, Value::None);
            let t = &mut self.threads.list[cur];
            t.frames = frames;
            t.stack = stack;
            t.exc_info = exc;
        }
        loop {
            let next = match self.pick_next(cur) {
                Ok(Some(next)) => next,
                Ok(None) => continue,
                Err(e) => {
                    // Put the current thread back, so the error has its frames.
                    let t = &mut self.threads.list[cur];
                    self.frames = std::mem::take(&mut t.frames);
                    self.stack = std::mem::take(&mut t.stack);
                    self.exc_info = std::mem::replace(&mut t.exc_info, Value::None);
                    return Err(e);
                }
            };
            let level = self.threads.level;
            let t = &mut self.threads.list[next];
            if matches!(t.state, ThreadState::MainEnded) {
                if level == 0 {
                    t.state = ThreadState::Done;
                    self.threads.current = next;
                    let r = self.threads.main_result.take().unwrap_or(Ok(Value::None));
                    return Ok(Some(r.map(Exit::Return)));
                }
                continue;
            }
            self.frames = std::mem::take(&mut t.frames);
            self.stack = std::mem::take(&mut t.stack);
            self.exc_info = std::mem::replace(&mut t.exc_info, Value::None);
            if t.timed_out && t.pinned == 0 {
                t.timed_out = false;
                if let Some(top) = self.stack.last_mut() {
                    *top = Value::Bool(false);
                }
            }
            let state = std::mem::replace(&mut t.state, ThreadState::Runnable);
            self.threads.current = next;
            self.threads.switch_at = self.instructions.saturating_add(self.next_quantum());
            if let ThreadState::New { func, args, kwargs } = state {
                if !self.start_thread_code(func, &args, &kwargs) {
                    // Ended at once (a native target): save nothing, pick again.
                    self.threads.switches += 1;
                    continue;
                }
            }
            return Ok(None);
        }
    }

    /// Push the frame of a new thread's function (or run a native one). False when
    /// the thread already ended.
    fn start_thread_code(
        &mut self,
        func: Value,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> bool {
        self.stack.push(func);
        self.stack.extend_from_slice(args);
        let argc = args.len() + kwargs.len();
        let kw = !kwargs.is_empty();
        if kw {
            let names: Vec<Value> = kwargs.iter().map(|(k, _)| *k).collect();
            self.stack.extend(kwargs.iter().map(|(_, v)| *v));
            let t = self.new_tuple(names);
            self.stack.push(t);
        }
        let r = self.call_op(argc, false, kw);
        match r {
            Ok(None) => true,
            Ok(Some(v)) => {
                let cur = self.threads.current;
                self.thread_ended(cur, Ok(Exit::Return(v)));
                false
            }
            Err(e) => {
                let cur = self.threads.current;
                self.thread_ended(cur, Err(e));
                false
            }
        }
    }

    /// The next thread to run after `cur`: round robin (or a random pick under
    /// chaos) among the runnable ones this scheduler level may resume. Jumps the
    /// clock to the nearest deadline when all wait for one; reports a deadlock when
    /// none can go on. `None`: a deadline was reached, ask again.
    fn pick_next(&mut self, cur: usize) -> PyResult<Option<usize>> {
        let now = self.thread_clock();
        let level = self.threads.level;
        let mut nearest: Option<u64> = None;
        for t in self.threads.list.iter_mut() {
            if t.pinned != 0 && t.pinned != level {
                continue;
            }
            match t.state {
                ThreadState::Sleep { deadline }
                | ThreadState::Lock {
                    deadline: Some(deadline),
                    ..
                } if deadline <= now => {
                    if matches!(t.state, ThreadState::Lock { .. }) {
                        t.timed_out = true;
                    }
                    t.state = ThreadState::Runnable;
                }
                ThreadState::Sleep { deadline }
                | ThreadState::Lock {
                    deadline: Some(deadline),
                    ..
                } => {
                    nearest = Some(nearest.map_or(deadline, |n| n.min(deadline)));
                }
                _ => {}
            }
        }
        let n = self.threads.list.len();
        let ready = |t: &GreenThread| {
            (t.pinned == 0 || t.pinned == level)
                && match t.state {
                    ThreadState::Runnable | ThreadState::New { .. } => true,
                    ThreadState::MainEnded => level == 0,
                    _ => false,
                }
        };
        let candidates: Vec<usize> = (1..=n)
            .map(|k| (cur + k) % n)
            .filter(|&i| ready(&self.threads.list[i]))
            .collect();
        if !candidates.is_empty() {
            let i = if self.threads.chaos.is_some() {
                let k = self.threads.rand() as usize % candidates.len();
                candidates[k]
            } else {
                candidates[0]
            };
            return Ok(Some(i));
        }
        if let Some(d) = nearest {
            let wait = d.saturating_sub(now);
            self.effects.flush_stdout();
            let r = self.effects.effect_as::<()>(EffectKind::Sleep, move |_| {
                // Effects boundary: the one real sleep of a threaded program.
                #[allow(clippy::disallowed_methods)]
                std::thread::sleep(std::time::Duration::from_nanos(wait));
                Val::Unit
            });
            self.fx(r)?;
            self.threads.skipped_ns = self.threads.skipped_ns.saturating_add(wait);
            return Ok(None);
        }
        Err(self.deadlock())
    }

    /// Every thread waits for another: stop with a message naming them.
    fn deadlock(&mut self) -> PyErr {
        let mut parts = vec![];
        for t in &self.threads.list {
            if t.is_done() {
                continue;
            }
            let name = if t.name.is_empty() {
                format!("thread {}", t.ident)
            } else {
                t.name.clone()
            };
            let frames = if std::ptr::eq(t, &self.threads.list[self.threads.current]) {
                &self.frames
            } else {
                &t.frames
            };
            let at = match frames.last() {
                Some(f) => format!(" at {}:{}", f.code.code.filename, f.line()),
                None => String::new(),
            };
            let what = match t.state {
                ThreadState::Lock { .. } => "waits for a lock",
                _ if t.pinned != 0 => {
                    "waits inside a call from native code (a generator, list(), ...) \
                     and cannot be resumed before a later wait"
                }
                _ => "is blocked",
            };
            parts.push(format!("{name} {what}{at}"));
        }
        self.abort_with(format!(
            "deadlock: every thread is blocked ({})",
            parts.join("; ")
        ))
    }

    /// A thread's code ended: report an uncaught exception, release its sentinel
    /// locks (`join`), forget its frames.
    fn thread_ended(&mut self, cur: usize, r: PyResult<Exit>) {
        if cur == 0 {
            // The main thread's code, ended inside a nested scheduler.
            self.threads.main_result = Some(r.map(|e| match e {
                Exit::Return(v) | Exit::Yield(v) => v,
            }));
            self.threads.list[0].state = ThreadState::MainEnded;
            self.frames.clear();
            self.stack.clear();
            return;
        }
        if let Err(e) = r {
            // As CPython's `sys.unraisablehook` reports it.
            if !self.isinstance_ref(e.0, self.types.system_exit) {
                let target = self.threads.list[cur].target;
                let what = self.repr(target).unwrap_or_else(|_| "<object>".into());
                let text = self.format_exception(e);
                self.effects.flush_stdout();
                let _ = self.effects.write_stderr(&format!(
                    "Exception ignored in thread started by: {what}\n{text}"
                ));
            }
        }
        self.frames.clear();
        self.stack.clear();
        self.exc_info = Value::None;
        let t = &mut self.threads.list[cur];
        t.state = ThreadState::Done;
        let sentinels = std::mem::take(&mut t.sentinels);
        for l in sentinels {
            if self
                .opaque_ref::<Lock>(Value::Obj(l))
                .is_some_and(|l| l.locked)
            {
                self.lock_release(l);
            }
        }
    }

    /// Wait in the current thread until woken: park it (the dispatch loop switches
    /// after this native returns) or, from a nested loop, run the other threads here.
    fn thread_wait(&mut self, state: ThreadState) -> PyResult<Waited> {
        self.ensure_threads()?;
        let cur = self.threads.current;
        self.threads.list[cur].state = state;
        if self.loops == self.threads.base_loops {
            self.threads.park = true;
            return Ok(Waited::Parked);
        }
        // Nested: run a scheduler one level up until this thread can go on.
        let saved = (self.threads.base_loops, self.threads.switch_at);
        self.threads.level += 1;
        let level = self.threads.level;
        self.threads.list[cur].pinned = level;
        self.loops += 1;
        self.threads.base_loops = self.loops;
        let r = self.nested_schedule(cur);
        self.loops -= 1;
        self.threads.level -= 1;
        self.threads.base_loops = saved.0;
        self.threads.switch_at = saved.1.max(self.instructions.saturating_add(1));
        let t = &mut self.threads.list[cur];
        t.pinned = 0;
        let timed_out = std::mem::take(&mut t.timed_out);
        r?;
        Ok(Waited::Done { timed_out })
    }

    fn nested_schedule(&mut self, me: usize) -> PyResult<()> {
        let r = self.nested_schedule_inner(me);
        if r.is_err() && self.threads.current != me {
            // Give the waiting thread its frames back: the error unwinds them.
            let cur = self.threads.current;
            let frames = std::mem::take(&mut self.frames);
            let stack = std::mem::take(&mut self.stack);
            let exc = std::mem::replace(&mut self.exc_info, Value::None);
            let t = &mut self.threads.list[cur];
            t.frames = frames;
            t.stack = stack;
            t.exc_info = exc;
            let t = &mut self.threads.list[me];
            self.frames = std::mem::take(&mut t.frames);
            self.stack = std::mem::take(&mut t.stack);
            self.exc_info = std::mem::replace(&mut t.exc_info, Value::None);
            self.threads.current = me;
        }
        r
    }

    fn nested_schedule_inner(&mut self, me: usize) -> PyResult<()> {
        if self.switch_next()?.is_some() {
            return Ok(());
        }
        loop {
            if self.threads.current == me {
                return Ok(());
            }
            let r = self.run_loop(0);
            if let Some(a) = &self.abort {
                let m = a.message.clone();
                return Err(r
                    .err()
                    .unwrap_or_else(|| self.new_error(self.types.system_error, m)));
            }
            let cur = self.threads.current;
            if !std::mem::take(&mut self.threads.switching) {
                self.thread_ended(cur, r);
            }
            self.switch_next()?;
        }
    }

    /// Release `lock`: hand it to a thread waiting for it (the first in creation
    /// order after the current one, or a random one under chaos) or unlock it.
    fn lock_release(&mut self, lock: ObjRef) {
        let n = self.threads.list.len();
        let cur = self.threads.current;
        let waiters: Vec<usize> = (1..=n)
            .map(|k| (cur + k) % n)
            .filter(|&i| matches!(self.threads.list[i].state, ThreadState::Lock { lock: l, .. } if l == lock))
            .collect();
        if !waiters.is_empty() {
            let i = if self.threads.chaos.is_some() {
                waiters[self.threads.rand() as usize % waiters.len()]
            } else {
                waiters[0]
            };
            self.threads.list[i].state = ThreadState::Runnable;
            return;
        }
        if let Some(l) = self.opaque_mut::<Lock>(Value::Obj(lock)) {
            l.locked = false;
        }
    }

    /// `time.sleep(secs)` with threads: let the others run for `secs` of virtual
    /// time. Returns false when the program has no threads (sleep for real).
    pub fn thread_sleep(&mut self, secs: f64) -> PyResult<bool> {
        if !self.threads.active() {
            return Ok(false);
        }
        let ns = if secs.is_finite() && secs < 1e9 {
            (secs * 1e9) as u64
        } else {
            u64::MAX / 4
        };
        let deadline = self.thread_clock().saturating_add(ns);
        let state = if ns == 0 {
            ThreadState::Runnable
        } else {
            ThreadState::Sleep { deadline }
        };
        self.thread_wait(state)?;
        Ok(true)
    }

    /// The main program ended: run `threading._shutdown()` (it joins the threads
    /// that are not daemons) if the program started threads.
    pub(crate) fn shutdown_threads(&mut self) {
        if !self.threads.active() || self.abort.is_some() {
            return;
        }
        let k = self.intern("threading");
        let Ok(Some(m)) = self.dict_get(self.modules, k) else {
            return;
        };
        let name = self.intern("_shutdown");
        if let Ok(f) = self.getattr(m, name) {
            if let Err(e) = self.call(f, &[], &[]) {
                if self.abort.is_none() {
                    let text = self.format_exception(e);
                    let _ = self.effects.write_stderr(&text);
                }
            }
        }
    }

    /// The name of thread `i` for messages and the debugger.
    pub fn thread_name(&self, i: usize) -> String {
        match self.threads.list.get(i) {
            Some(t) if !t.name.is_empty() => t.name.clone(),
            Some(t) => format!("thread {}", t.ident),
            None => "MainThread".into(),
        }
    }
}

fn lock_of(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match (vm.opaque_ref::<Lock>(v).is_some(), v) {
        (true, Value::Obj(r)) => Ok(r),
        _ => Err(vm.new_type_error("descriptor requires a '_thread.lock' object".into())),
    }
}

fn new_lock(vm: &mut Vm) -> PyResult<Value> {
    let cls = lock_class(vm)?;
    Ok(vm.new_opaque(cls, Lock::default()))
}

fn lock_class(vm: &mut Vm) -> PyResult<ObjRef> {
    match vm.threads.lock_class {
        Some(c) => Ok(c),
        None => Err(vm.new_error(vm.types.system_error, "_thread is not loaded".into())),
    }
}

fn seconds(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num_of(v) {
        Some(Num::F(f)) => Ok(f),
        Some(Num::I(i)) => Ok(i as f64),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("acquire", ["blocking", "timeout"]);
    let me = args[0];
    let r = lock_of(vm, me)?;
    let [blocking, timeout] = SPEC.parse(vm, &args[1..], kw)?;
    let blocking = match blocking {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => seconds(vm, t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.new_value_error("can't specify a timeout for a non-blocking call".into()));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.new_value_error("timeout value must be a non-negative number".into()));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.new_overflow_error("timeout value is too large"));
    }
    let l = vm.opaque_mut::<Lock>(me);
    if let Some(l) = l {
        if !l.locked {
            l.locked = true;
            return Ok(Value::Bool(true));
        }
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    let deadline = if timeout >= 0.0 {
        Some(vm.thread_clock().saturating_add((timeout * 1e9) as u64))
    } else {
        None
    };
    match vm.thread_wait(ThreadState::Lock { lock: r, deadline })? {
        Waited::Parked => Ok(Value::Bool(true)),
        Waited::Done { timed_out } => Ok(Value::Bool(!timed_out)),
    }
}

fn lock_enter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    lock_acquire(vm, &args[..1], &[])
}

fn lock_release_m(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = lock_of(vm, args[0])?;
    if !vm.opaque_ref::<Lock>(args[0]).is_some_and(|l| l.locked) {
        return Err(vm.new_error(vm.types.runtime_error, "release unlocked lock".into()));
    }
    vm.lock_release(r);
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    lock_release_m(vm, &args[..1], &[])?;
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    lock_of(vm, args[0])?;
    Ok(Value::Bool(
        vm.opaque_ref::<Lock>(args[0]).is_some_and(|l| l.locked),
    ))
}

fn lock_reinit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(l) = vm.opaque_mut::<Lock>(args[0]) {
        l.locked = false;
    }
    Ok(Value::None)
}

fn lock_new(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    new_lock(vm)
}

fn t_allocate_lock(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    new_lock(vm)
}

fn t_start_new_thread(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("start_new_thread", kw)?;
    vm.check_args("start_new_thread", args, 2, 3)?;
    let func = args[0];
    if !callable(vm, func) {
        return Err(vm.new_type_error("first arg must be callable".into()));
    }
    let is_tuple = matches!(args[1], Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)));
    if !is_tuple {
        return Err(vm.new_type_error("2nd arg must be a tuple".into()));
    }
    let fargs = vm.tuple_items(args[1]);
    let mut kwargs = vec![];
    if let Some(&k) = args.get(2) {
        match k {
            Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Dict(_)) => {
                kwargs = vm.dict_items(r);
            }
            _ => return Err(vm.new_type_error("optional 3rd arg must be a dictionary".into())),
        }
    }
    vm.ensure_threads()?;
    let ident = vm.threads.list.len() as i64 + 1;
    let mut t = GreenThread::new(
        ident,
        ThreadState::New {
            func,
            args: fargs,
            kwargs,
        },
    );
    t.target = func;
    vm.threads.list.push(t);
    Ok(Value::Int(ident))
}

fn callable(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Function(_) | Kind::Native(_) | Kind::BoundMethod(..) | Kind::Class(_) => true,
            _ => {
                let c = vm.names.__call__;
                vm.lookup_special(v, c).is_some()
            }
        },
        _ => false,
    }
}

fn t_get_ident(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(vm.threads.current_ident()))
}

fn t_count(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    let n = vm
        .threads
        .list
        .iter()
        .skip(1)
        .filter(|t| !t.is_done())
        .count();
    Ok(Value::Int(n as i64))
}

/// `_thread._set_sentinel()`: a lock (the thread acquires it) released when the
/// current thread ends.
fn t_set_sentinel(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    vm.ensure_threads()?;
    let l = new_lock(vm)?;
    if let Value::Obj(r) = l {
        let cur = vm.threads.current;
        vm.threads.list[cur].sentinels.push(r);
    }
    Ok(l)
}

/// `_thread._set_name(name, daemon)`: what the debugger shows for the current thread.
fn t_set_name(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.ensure_threads()?;
    let name = vm.str_lossy(args[0]);
    let daemon = match args.get(1) {
        Some(v) => vm.truthy(*v)?,
        None => false,
    };
    let cur = vm.threads.current;
    vm.threads.list[cur].name = name;
    vm.threads.list[cur].daemon = daemon;
    Ok(Value::None)
}

/// `_thread._clock()`: the scheduler's virtual clock in seconds (timeouts).
fn t_clock(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Float(vm.thread_clock() as f64 / 1e9))
}

fn t_true(_vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn t_stack_size(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(&v) = args.first() {
        let n = vm.expect_int(v, "size")?;
        if n != 0 && n < 32768 {
            return Err(vm.new_value_error("size not valid: 32768 bytes".into()));
        }
    }
    Ok(Value::Int(0))
}

/// `_thread`: the native part of `threading`.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_thread");
    let md = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        (
            "start_new_thread",
            t_start_new_thread,
            Arity::range(2, 3).kw(),
        ),
        ("start_new", t_start_new_thread, Arity::range(2, 3).kw()),
        ("allocate_lock", t_allocate_lock, Arity::none()),
        ("allocate", t_allocate_lock, Arity::none()),
        ("get_ident", t_get_ident, Arity::none()),
        ("get_native_id", t_get_ident, Arity::none()),
        ("_count", t_count, Arity::none()),
        ("_set_sentinel", t_set_sentinel, Arity::none()),
        ("_set_name", t_set_name, Arity::range(1, 2)),
        ("daemon_threads_allowed", t_true, Arity::none()),
        ("_clock", t_clock, Arity::none()),
        ("stack_size", t_stack_size, Arity::range(0, 1)),
    ];
    vm.add_functions(md, fns);
    let cls = vm.new_opaque_class("lock", "_thread", &LOCK_PROTOCOLS);
    vm.add_staticmethod(cls, "__new__", lock_new, Arity::any().kw());
    let methods: &[NativeDef] = &[
        ("acquire", lock_acquire, Arity::range(0, 2).kw()),
        ("acquire_lock", lock_acquire, Arity::range(0, 2).kw()),
        ("__enter__", lock_enter, Arity::none()),
        ("release", lock_release_m, Arity::none()),
        ("release_lock", lock_release_m, Arity::none()),
        ("__exit__", lock_exit, Arity::any()),
        ("locked", lock_locked, Arity::none()),
        ("locked_lock", lock_locked, Arity::none()),
        ("_at_fork_reinit", lock_reinit, Arity::none()),
    ];
    vm.add_methods(cls, methods);
    vm.threads.lock_class = Some(cls);
    for (name, v) in [
        ("LockType", Value::Obj(cls)),
        ("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)),
        ("error", Value::Obj(vm.types.runtime_error)),
    ] {
        let k = vm.intern(name);
        vm.dict_set(md, k, v)?;
    }
    Ok(m)
}

/// `sys.setswitchinterval(interval)`: how long (in seconds of the virtual instruction
/// clock) a thread runs before another gets its turn.
pub(crate) fn sys_setswitchinterval(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let v = args[0];
    if vm.as_str(v).is_some() {
        let t = vm.type_name(v);
        return Err(vm.new_type_error(format!("must be real number, not {t}")));
    }
    let secs = vm.to_float(v)?;
    if secs <= 0.0 {
        return Err(vm.new_value_error("switch interval must be strictly positive".into()));
    }
    vm.threads.switch_interval_us = (secs * 1e6).min(u64::MAX as f64 / 2.0) as u64;
    Ok(Value::None)
}

/// `sys.getswitchinterval()`.
pub(crate) fn sys_getswitchinterval(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Float(1e-6 * vm.threads.switch_interval_us as f64))
}

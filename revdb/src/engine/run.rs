//! Runs of the replay and the checkpoints they leave.

use super::*;

/// Shared between the engine and the hook of a run.
pub(super) struct RunCtx {
    interval: u64,
    /// Where the user will be after the run: checkpoints stay dense near it.
    focus: u64,
    /// The next time to keep a checkpoint at (see `next_mark`).
    next_mark: u64,
    store: Rc<RefCell<Checkpoints>>,
    last_real: Option<Pos>,
    stop_instr: u64,
    furthest: u64,
    out_mark: (usize, usize),
    /// How much output `out_log` holds (stdout, stderr lengths).
    out_seen: (usize, usize),
    /// Output beyond `furthest` with the stop point that first saw it.
    out_log: Vec<(u64, String)>,
    interrupted: bool,
    stopped: bool,
    captured: Option<State>,
    /// The innermost frame's code and position at the last real stop point
    /// (where the program was when it ended).
    last_at: Option<(Rc<revpy_vm::object::CodeData>, u32)>,
    /// The first stop of the latest run of `!!` stops (an exception leaving
    /// frame after frame), if the last stops were such a run: where a program
    /// that dies of an exception still has all its frames (post-mortem).
    chain_start: Option<u64>,
    last_kind: StopKind,
    /// The next time to look for a missing skeleton checkpoint.
    next_slot: u64,
    /// The latest exceptions raised: (serial, where).
    raises: std::collections::VecDeque<(u64, Pos)>,
    /// The exception leaving a frame at the last `!!` stop (its serial).
    exit_exc: Option<u64>,
}

/// Before its focus, a run keeps checkpoints at most this many intervals away
/// (further back, the skeleton's are there).
pub(super) const NEAR_INTERVALS: u64 = 8;

/// The first time after `t` to keep a checkpoint at, for a run whose user will
/// be near `focus`: every `interval / 4` in the last `interval` before it,
/// then at distances `interval * 2^k` on both sides (up to `NEAR_INTERVALS`
/// intervals before it). A run places a few checkpoints (logarithmic in its
/// length), dense where the next motions will start from;
/// `Checkpoints::thin` keeps them under the budget. Far before the focus it
/// keeps none: each checkpoint the program then rewrites its heap after costs
/// a copy of the heap (copy-on-write), and backward searches place their own
/// as they go (see `search_back_until`).
pub(super) fn next_mark(t: u64, focus: u64, interval: u64) -> u64 {
    // Replaying `interval / 4` stop points takes well under a millisecond;
    // denser, the checkpoints would cost more (copies of the chunks the
    // program writes between them) than they save.
    let dense = (interval / 4).max(1);
    if t < focus {
        let d = focus - t;
        if d <= interval {
            return focus - ((d - 1) / dense) * dense;
        }
        // The largest interval * 2^k below d, up to the nearest region.
        let near = interval.saturating_mul(NEAR_INTERVALS);
        if d > near {
            return focus - near;
        }
        let mut step = interval;
        while step.saturating_mul(2) < d {
            step *= 2;
        }
        return focus - step;
    }
    let mut step = interval;
    while focus.saturating_add(step) <= t {
        match step.checked_mul(2) {
            Some(s) => step = s,
            None => return u64::MAX,
        }
    }
    focus.saturating_add(step)
}

impl RunCtx {
    /// Keep a resumable copy of `vm` at this stop point (false where the state
    /// is not resumable).
    fn keep(&mut self, vm: &mut Vm, kind: StopKind, t: u64) -> bool {
        if self.store.borrow().contains(t) {
            return true;
        }
        let Some(mut c) = vm.checkpoint(kind) else {
            return false;
        };
        strip_copy(&mut c);
        let mut store = self.store.borrow_mut();
        // The running VM shares the fork's chunks (until it writes them).
        store.pin(checkpoints::PIN_RUN, Some(&c));
        store.insert(t, c);
        store.thin(self.focus, self.interval);
        true
    }

    /// Keep a packed copy of `vm` at this stop point (a checkpoint of the
    /// skeleton; false where the state is not resumable).
    fn keep_packed(&mut self, vm: &mut Vm, kind: StopKind, t: u64) -> bool {
        if self.store.borrow().contains(t) {
            return true;
        }
        let Some(mut c) = vm.checkpoint(kind) else {
            return false;
        };
        strip_copy(&mut c);
        let mut store = self.store.borrow_mut();
        store.insert_packed(t, c);
        store.thin(self.focus, self.interval);
        true
    }
}

/// The outcome of a run.
pub(super) struct RunOutcome {
    pub(super) interrupted: bool,
    pub(super) last_real: Option<Pos>,
    pub(super) captured: Option<State>,
}

fn t_of(p: Pos) -> u64 {
    p.time
}

/// `File "F", line L, in FUNC` of a code position.
fn place_of((code, ip): &(Rc<revpy_vm::object::CodeData>, u32)) -> String {
    let c = &code.code;
    format!(
        "File \"{}\", line {}, in {}",
        c.filename,
        c.line_of(*ip as usize),
        c.name
    )
}

/// The default number of stop points between checkpoints.
pub const DEFAULT_INTERVAL: u64 = 2000;

pub(super) fn take_output(sink: &mut OutputSink, from: usize) -> String {
    match sink {
        OutputSink::Buffer(b) => String::from_utf8_lossy(b.get(from..).unwrap_or(&[])).to_string(),
        _ => String::new(),
    }
}

pub(super) fn sink_len(sink: &OutputSink) -> usize {
    match sink {
        OutputSink::Buffer(b) => b.len(),
        _ => 0,
    }
}

pub(super) fn strip_copy(c: &mut Vm) {
    c.hook = None;
    c.hooked = false;
    c.step_instructions = false;
}

impl Engine {
    /// Run from the latest checkpoint at or before `from_time` (or from the start),
    /// calling `matcher` at every stop point (and every instruction with
    /// `instrs`). A matcher returning `Stop` captures the state there.
    pub(super) fn run(
        &mut self,
        from_time: Option<u64>,
        instrs: bool,
        dense_near: u64,
        matcher: Matcher,
    ) -> RunOutcome {
        // The state at the current position holds its heap during the run.
        self.pin_cur();
        let start = from_time.and_then(|t| {
            let mut store = self.checkpoints.borrow_mut();
            let packed = store.at_or_before(t).map(|(_, c)| c.is_packed())?;
            store.work.runs += 1;
            store.work.unpacks += u64::from(packed);
            store.at_or_before(t).map(|(k, c)| (k, c.restore()))
        });
        if start.is_none() {
            self.checkpoints.borrow_mut().work.runs += 1;
        }
        let start_time = start.as_ref().map_or(0, |(k, _)| k - 1);
        let ctx = Rc::new(RefCell::new(RunCtx {
            interval: self.interval.max(1),
            focus: dense_near,
            next_mark: 1,
            store: self.checkpoints.clone(),
            last_real: None,
            stop_instr: 0,
            furthest: self.furthest,
            out_mark: (0, 0),
            out_log: vec![],
            out_seen: (0, 0),
            interrupted: false,
            stopped: false,
            captured: None,
            last_at: None,
            chain_start: None,
            last_kind: StopKind::Line,
            raises: Default::default(),
            exit_exc: None,
            next_slot: 0,
        }));
        let hook_ctx = ctx.clone();
        let interrupt = self.interrupt.clone();
        let mut matcher = matcher;
        let see_raises = self.see_raises;
        let hook = move |vm: &mut Vm, kind: StopKind| -> HookAction {
            let mut cx = hook_ctx.borrow_mut();
            // Stopped already: the abort is unwinding. Native code that catches
            // exceptions (a generator's `close()` catching its GeneratorExit, ...)
            // may have swallowed it and let the program go on; stop again at once,
            // keeping what was captured.
            if cx.stopped || cx.interrupted {
                return HookAction::Abort;
            }
            let last_time = cx.last_real.map(|p| p.time).unwrap_or(0);
            let real = !matches!(kind, StopKind::Instruction | StopKind::Raise)
                && vm.stop_points > last_time;
            let pos = Pos {
                time: vm.stop_points,
                instr: vm.instructions,
                real,
                raise: kind == StopKind::Raise,
            };
            if real {
                if interrupt.load(Ordering::Relaxed) && interrupt.swap(false, Ordering::SeqCst) {
                    cx.interrupted = true;
                    return HookAction::Abort;
                }
                cx.last_real = Some(pos);
                cx.stop_instr = vm.instructions;
                match kind {
                    StopKind::ExceptionExit if cx.last_kind != StopKind::ExceptionExit => {
                        cx.chain_start = Some(t_of(pos));
                    }
                    StopKind::ExceptionExit | StopKind::End => {}
                    _ => cx.chain_start = None,
                }
                cx.last_kind = kind;
                if kind != StopKind::End {
                    if let Some(f) = vm.frames.last() {
                        match &mut cx.last_at {
                            Some((c, ip)) if Rc::ptr_eq(c, &f.code) => *ip = f.ip,
                            other => *other = Some((f.code.clone(), f.ip)),
                        }
                    }
                }
                let t = pos.time;
                let lens = (sink_len(&vm.effects.stdout), sink_len(&vm.effects.stderr));
                if t <= cx.furthest {
                    cx.out_mark = lens;
                    cx.out_seen = lens;
                } else if lens != cx.out_seen {
                    // Written by the line that ran before this stop.
                    let (o, e) = cx.out_seen;
                    let mut text = take_output(&mut vm.effects.stdout, o);
                    text.push_str(&take_output(&mut vm.effects.stderr, e));
                    cx.out_log.push((t, text));
                    cx.out_seen = lens;
                }
                // Where no checkpoint can be taken (a native call is on the Rust
                // stack), the next stop point tries again.
                if t >= cx.next_mark && cx.keep(vm, kind, t) {
                    cx.next_mark = next_mark(t, cx.focus, cx.interval);
                }
                // The skeleton of far checkpoints: one in each slot.
                if t >= cx.next_slot {
                    let stride = cx.store.borrow().skeleton_stride();
                    if stride == 0 {
                        cx.next_slot = t + cx.interval.max(1) * 64;
                    } else {
                        let held = cx.store.borrow().slot_held(t, stride);
                        if held || cx.keep_packed(vm, kind, t) {
                            cx.next_slot = (t / stride + 1) * stride;
                        } else {
                            // Not resumable here (inside a generator, a native
                            // call): try again a little later, not at every
                            // stop point (the stride costs a look at every
                            // packed checkpoint).
                            cx.next_slot = t + (cx.interval / 16).max(1);
                        }
                    }
                }
            } else if kind == StopKind::Raise {
                if let Value::Obj(e) = vm.in_flight.exception {
                    let serial = vm.heap.get(e).serial;
                    if cx.raises.len() >= 64 {
                        cx.raises.pop_front();
                    }
                    cx.raises.push_back((serial, pos));
                }
                if !see_raises {
                    return HookAction::Continue;
                }
            } else if !vm.step_instructions {
                return HookAction::Continue;
            }
            if real && kind == StopKind::ExceptionExit {
                if let Value::Obj(e) = vm.in_flight.exception {
                    cx.exit_exc = Some(vm.heap.get(e).serial);
                }
            }
            let k = match kind {
                _ if real => kind,
                StopKind::Raise => StopKind::Raise,
                _ => StopKind::Instruction,
            };
            if matcher(vm, k, pos) == Flow::Stop {
                // Keep a resumable copy exactly here too.
                if real {
                    let _ = cx.keep(vm, kind, pos.time);
                }
                let copy = expr::sandbox(vm);
                let stop_instr = cx.stop_instr;
                cx.captured = Some(State {
                    pos,
                    kind: k,
                    stop_instr,
                    serial_limit: vm.heap.next_serial(),
                    vm: copy,
                });
                cx.stopped = true;
                // At the end there is nothing left to stop: let the VM finish, so
                // the run learns the exit status.
                if k == StopKind::End {
                    return HookAction::Continue;
                }
                return HookAction::Abort;
            }
            HookAction::Continue
        };
        let hook: revpy_vm::Hook = Rc::new(RefCell::new(hook));
        let (mut vm, resumed) = match start {
            Some((t, vm)) => {
                ctx.borrow_mut().last_real = Some(Pos {
                    time: t - 1,
                    instr: 0,
                    real: true,
                    raise: false,
                });
                (vm, true)
            }
            None => (self.fresh_vm(), false),
        };
        vm.effects.stdout = OutputSink::Buffer(vec![]);
        vm.effects.stderr = OutputSink::Buffer(vec![]);
        vm.hook = Some(hook);
        vm.hooked = true;
        vm.step_instructions = instrs;
        let status = if resumed {
            vm.resume()
        } else {
            match vm.run_main(self.program.code.clone()) {
                Ok(s) => s,
                Err(m) => ExitStatus::Aborted(m),
            }
        };
        vm.hook = None;
        self.checkpoints
            .borrow_mut()
            .pin(checkpoints::PIN_RUN, None);
        let mut cx = ctx.borrow_mut();
        // Program output beyond the furthest point reached so far.
        if let Some(last) = cx.last_real {
            if last.time > self.furthest {
                let (o, e) = cx.out_seen;
                let mut rest = take_output(&mut vm.effects.stdout, o);
                rest.push_str(&take_output(&mut vm.effects.stderr, e));
                if !rest.is_empty() {
                    cx.out_log.push((last.time, rest));
                }
            }
            // Runs that look ahead (scans, traces) leave `furthest` as it was:
            // what they saw is logged once, by whichever run saw it first.
            let logged = self.output_log.last().map_or(0, |(t, _)| *t);
            let new = std::mem::take(&mut cx.out_log);
            self.log_output(new.into_iter().filter(|(t, _)| *t > logged));
            if last.time > self.furthest {
                let (o, e) = cx.out_mark;
                let out = take_output(&mut vm.effects.stdout, o);
                let err = take_output(&mut vm.effects.stderr, e);
                if !out.is_empty() {
                    self.events.push(Event::Output(out));
                }
                if !err.is_empty() {
                    self.events.push(Event::Output(err));
                }
                self.furthest = last.time;
            }
        }
        let at_end = cx
            .captured
            .as_ref()
            .is_some_and(|s| s.kind == StopKind::End);
        let _ended = if (cx.stopped && !at_end) || cx.interrupted {
            None
        } else {
            match &status {
                ExitStatus::Code(c) => {
                    if self.end.is_none() {
                        let err = take_output(&mut vm.effects.stderr, 0);
                        let exception = if err.contains("Traceback (most recent call last)") {
                            err.lines().last().map(|s| s.to_string())
                        } else {
                            None
                        };
                        let place = cx.last_at.as_ref().map(place_of);
                        let post_mortem = if exception.is_some() {
                            cx.chain_start
                        } else {
                            None
                        };
                        let uncaught_at = match (&exception, cx.exit_exc) {
                            (Some(_), Some(s)) => cx
                                .raises
                                .iter()
                                .rev()
                                .find(|(x, _)| *x == s)
                                .map(|(_, p)| *p),
                            _ => None,
                        };
                        self.end = cx.last_real.map(|p| EndInfo {
                            time: p.time,
                            status: *c,
                            exception,
                            place,
                            post_mortem,
                            uncaught_at,
                        });
                    }
                }
                ExitStatus::Aborted(m) => {
                    self.events.push(Event::Message(format!("revpy: {m}")));
                    if self.end.is_none() {
                        let place = cx.last_at.as_ref().map(place_of);
                        self.end = cx.last_real.map(|p| EndInfo {
                            time: p.time,
                            status: 3,
                            exception: Some(m.clone()),
                            place,
                            post_mortem: None,
                            uncaught_at: None,
                        });
                    }
                }
            }
            Some(status)
        };
        if let Some(last) = cx.last_real {
            self.checkpoints.borrow_mut().work.replayed += last.time.saturating_sub(start_time);
        }
        let out = RunOutcome {
            interrupted: cx.interrupted,
            last_real: cx.last_real,
            captured: cx.captured.take(),
        };
        drop(cx);
        out
    }

    /// The memory budget for checkpoints: the one set, or the default (see
    /// `MIN_BUDGET`).
    pub fn budget(&self) -> usize {
        self.checkpoints.borrow().budget()
    }

    /// Set the memory budget for checkpoints (None: the default).
    pub fn set_budget(&mut self, bytes: Option<usize>) {
        let (focus, interval) = (self.cur.pos.time, self.interval);
        let mut store = self.checkpoints.borrow_mut();
        store.budget_set = bytes;
        store.thin(focus, interval);
    }

    /// (time, bytes only it holds) of every checkpoint, and the total in bytes
    /// (chunks shared between checkpoints counted once).
    pub fn checkpoint_list(&self) -> (Vec<(u64, usize)>, usize) {
        let store = self.checkpoints.borrow();
        let list = store.times().map(|t| (t, store.unique_bytes(t))).collect();
        (list, store.total())
    }

    /// The work counted so far (see `Work`).
    pub fn work(&self) -> Work {
        self.checkpoints.borrow().work
    }

    /// How many checkpoints are packed (the far ones: see `checkpoints`).
    pub fn packed_checkpoints(&self) -> usize {
        self.checkpoints.borrow().packed()
    }

    /// The position of the checkpoint taken at time `s` (the start of a search interval).
    pub(super) fn checkpoint_pos(&self, s: u64) -> Pos {
        Pos {
            time: s,
            instr: self
                .checkpoints
                .borrow()
                .get(s)
                .map(|c| c.info().instructions + 1)
                .unwrap_or(0),
            real: true,
            raise: false,
        }
    }
}

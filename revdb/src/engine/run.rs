//! Runs of the replay and the checkpoints they leave.

use super::*;

pub(super) struct Checkpoint {
    pub(super) vm: Vm,
    pub(super) bytes: usize,
}

/// Shared between the engine and the hook of a run.
pub(super) struct RunCtx {
    interval: u64,
    dense_from: u64,
    dense_interval: u64,
    have: Vec<u64>,
    new_ckpts: Vec<(u64, Vm)>,
    /// Half the memory budget: new checkpoints of one run stay under it (every
    /// other one is dropped and the interval doubled when they would not).
    run_budget: usize,
    new_bytes: usize,
    last_real: Option<Pos>,
    last_kind: StopKind,
    stop_instr: u64,
    furthest: u64,
    out_mark: (usize, usize),
    interrupted: bool,
    stopped: bool,
    captured: Option<State>,
}

/// The outcome of a run.
pub(super) struct RunOutcome {
    pub(super) interrupted: bool,
    pub(super) last_real: Option<Pos>,
    pub(super) captured: Option<State>,
}

/// The default memory budget for checkpoints.
pub const DEFAULT_BUDGET: usize = 256 << 20;
/// The default number of stop points between checkpoints.
pub const DEFAULT_INTERVAL: u64 = 2000;

pub(super) fn estimate_bytes(vm: &Vm) -> usize {
    // Measured roughly: an object with its payload and dict is a few hundred bytes.
    vm.heap.capacity() * 400 + vm.stack.len() * 16 + 4096
}

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
    c.effects.stdout = OutputSink::Buffer(vec![]);
    c.effects.stderr = OutputSink::Buffer(vec![]);
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
        let start = from_time.and_then(|t| {
            self.checkpoints
                .range(..=t)
                .next_back()
                .map(|(k, c)| (*k, c.vm.clone()))
        });
        let ctx = Rc::new(RefCell::new(RunCtx {
            interval: self.interval.max(1),
            dense_from: dense_near.saturating_sub(self.interval),
            dense_interval: (self.interval / 16).max(1),
            have: self.checkpoints.keys().copied().collect(),
            new_ckpts: vec![],
            run_budget: self.budget / 2,
            new_bytes: 0,
            last_real: None,
            last_kind: StopKind::Line,
            stop_instr: 0,
            furthest: self.furthest,
            out_mark: (0, 0),
            interrupted: false,
            stopped: false,
            captured: None,
        }));
        let hook_ctx = ctx.clone();
        let mut matcher = matcher;
        let hook = move |vm: &mut Vm, kind: StopKind| -> HookAction {
            let mut cx = hook_ctx.borrow_mut();
            let last_time = cx.last_real.map(|p| p.time).unwrap_or(0);
            let real = kind != StopKind::Instruction && vm.stop_points > last_time;
            let pos = Pos {
                time: vm.stop_points,
                instr: vm.instructions,
                real,
            };
            if real {
                if INTERRUPT.swap(false, Ordering::SeqCst) {
                    cx.interrupted = true;
                    return HookAction::Abort;
                }
                cx.last_real = Some(pos);
                cx.last_kind = kind;
                cx.stop_instr = vm.instructions;
                let t = pos.time;
                if t <= cx.furthest {
                    cx.out_mark = (sink_len(&vm.effects.stdout), sink_len(&vm.effects.stderr));
                }
                let want = t == 1
                    || t.is_multiple_of(cx.interval)
                    || (t >= cx.dense_from && t.is_multiple_of(cx.dense_interval));
                if want && !cx.have.contains(&t) {
                    if let Some(mut c) = vm.checkpoint(kind) {
                        strip_copy(&mut c);
                        cx.have.push(t);
                        cx.new_bytes += estimate_bytes(&c);
                        cx.new_ckpts.push((t, c));
                        if cx.new_bytes > cx.run_budget && cx.new_ckpts.len() > 2 {
                            let mut i = 0;
                            cx.new_ckpts.retain(|(t, _)| {
                                i += 1;
                                *t == 1 || i % 2 == 0
                            });
                            cx.new_bytes =
                                cx.new_ckpts.iter().map(|(_, c)| estimate_bytes(c)).sum();
                            cx.interval *= 2;
                            cx.dense_interval *= 2;
                        }
                    }
                }
            } else if !vm.step_instructions {
                return HookAction::Continue;
            }
            let k = if real { kind } else { StopKind::Instruction };
            if matcher(vm, k, pos) == Flow::Stop {
                // Keep a resumable copy exactly here too.
                if real && !cx.have.contains(&pos.time) {
                    if let Some(mut c) = vm.checkpoint(kind) {
                        strip_copy(&mut c);
                        cx.have.push(pos.time);
                        cx.new_ckpts.push((pos.time, c));
                    }
                }
                let mut copy = expr::sandbox(vm);
                copy.loaded_sources = vm.loaded_sources.clone();
                let stop_instr = cx.stop_instr;
                cx.captured = Some(State {
                    pos,
                    kind: k,
                    stop_instr,
                    vm: copy,
                });
                cx.stopped = true;
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
        let mut cx = ctx.borrow_mut();
        // Program output beyond the furthest point reached so far.
        if let Some(last) = cx.last_real {
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
        let _ended = if cx.stopped || cx.interrupted {
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
                        self.end = cx.last_real.map(|p| EndInfo {
                            time: p.time,
                            status: *c,
                            exception,
                        });
                    }
                }
                ExitStatus::Aborted(m) => {
                    self.events.push(Event::Message(format!("revpy: {m}")));
                    if self.end.is_none() {
                        self.end = cx.last_real.map(|p| EndInfo {
                            time: p.time,
                            status: 3,
                            exception: Some(m.clone()),
                        });
                    }
                }
            }
            Some(status)
        };
        for (t, c) in cx.new_ckpts.drain(..) {
            let bytes = estimate_bytes(&c);
            self.checkpoints.insert(t, Checkpoint { vm: c, bytes });
        }
        let out = RunOutcome {
            interrupted: cx.interrupted,
            last_real: cx.last_real,
            captured: cx.captured.take(),
        };
        drop(cx);
        self.thin();
        out
    }

    /// Drop checkpoints until they fit the budget: far from the current time they
    /// get sparse. The first one (time 1) always stays.
    pub(super) fn thin(&mut self) {
        let cur = self.cur.pos.time;
        loop {
            let total: usize = self.checkpoints.values().map(|c| c.bytes).sum();
            if total <= self.budget || self.checkpoints.len() <= 2 {
                return;
            }
            let times: Vec<u64> = self.checkpoints.keys().copied().collect();
            let mut best: Option<(f64, u64)> = None;
            for i in 1..times.len() {
                let prev = times[i - 1];
                let next = times
                    .get(i + 1)
                    .copied()
                    .unwrap_or(times[i] + self.interval);
                let dist = times[i].abs_diff(cur) as f64 + 1.0;
                let cost = (next - prev) as f64 / dist;
                if best.is_none_or(|(b, _)| cost < b) {
                    best = Some((cost, times[i]));
                }
            }
            match best {
                Some((_, t)) => {
                    self.checkpoints.remove(&t);
                }
                None => return,
            }
        }
    }

    /// (time, estimated bytes) of every checkpoint.
    pub fn checkpoint_list(&self) -> Vec<(u64, usize)> {
        self.checkpoints
            .iter()
            .map(|(t, c)| (*t, c.bytes))
            .collect()
    }

    /// Move to the first position at or after `target` (real stops only if
    /// `real_only`).
    /// The position of the checkpoint taken at time `s` (the start of a search interval).
    pub(super) fn checkpoint_pos(&self, s: u64) -> Pos {
        Pos {
            time: s,
            instr: self
                .checkpoints
                .get(&s)
                .map(|c| c.vm.instructions + 1)
                .unwrap_or(0),
            real: true,
        }
    }
}

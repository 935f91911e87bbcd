//! The debugger engine: a recording, a timeline of checkpoints, the current
//! position (a copy of the program state at a stop point), breakpoints,
//! watchpoints and anchors. The shell (and later an IDE adapter) is a thin layer
//! over this API.
//!
//! Time is the VM's stop point counter (`Vm::stop_points`). Moving to a time means
//! restoring the latest checkpoint at or before it and replaying forward with a hook
//! that copies the state when it gets there. Backward searches (`bcontinue`,
//! `bstep`, ...) scan the intervals between checkpoints forward, latest first,
//! keeping the last hit.
//!
//! Checkpoints are full copies of the VM for now (O(heap) each); a copy-on-write
//! heap would make them cost what changed since the previous one.

use crate::expr::{self, Scope};
use revpy_compiler::{CodeObject, CompileMode};
use revpy_vm::effects::Replay;
use revpy_vm::log::{Record, Recording, Tail};
use revpy_vm::{ExitStatus, HookAction, Mode, OutputSink, StopKind, Value, Vm};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set (by a SIGINT handler) to interrupt a long run; the engine clears it.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// A position in the replay: the stop point counter and the instruction counter at
/// a hook call. `real` positions are stop points; others are instructions between
/// them (`stepi`). Ordered by (instr, time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub time: u64,
    pub instr: u64,
    pub real: bool,
}

impl Pos {
    fn key(&self) -> (u64, u64) {
        (self.instr, self.time)
    }
}

/// The program state at the current position.
#[derive(Clone)]
pub struct State {
    pub pos: Pos,
    pub kind: StopKind,
    /// Instructions executed at the stop point `pos.time` (for `TIME.N` display).
    pub stop_instr: u64,
    /// A sandboxed copy of the VM (evaluation may modify it; moving in time
    /// replaces it).
    pub vm: Vm,
}

struct Checkpoint {
    vm: Vm,
    bytes: usize,
}

/// How the program ended.
#[derive(Clone, Debug)]
pub struct EndInfo {
    /// The last stop point.
    pub time: u64,
    pub status: i32,
    /// The uncaught exception's last traceback line, if it died of one.
    pub exception: Option<String>,
}

impl EndInfo {
    pub fn message(&self) -> String {
        match &self.exception {
            Some(e) => format!(
                "The program finished with an uncaught exception: {e} (exit status {}).",
                self.status
            ),
            None => format!("The program finished with exit status {}.", self.status),
        }
    }
}

/// Something to tell the user, produced while moving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Output of the program (shown when moving forward past the furthest point
    /// reached so far).
    Output(String),
    /// A backward search scans an interval.
    Searching(u64, u64),
    Message(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BreakSpec {
    /// A function's first line (by name or qualified name).
    Func(String),
    /// A line: optional file (suffix of the code's filename) and number.
    Line(Option<String>, u32),
}

#[derive(Clone, Debug)]
pub struct Breakpoint {
    pub id: usize,
    pub spec: BreakSpec,
    pub cond: Option<String>,
    pub temporary: bool,
    pub enabled: bool,
    pub hits: u64,
}

impl Breakpoint {
    pub fn describe(&self) -> String {
        match &self.spec {
            BreakSpec::Func(f) => f.clone(),
            BreakSpec::Line(Some(f), l) => format!("{f}:{l}"),
            BreakSpec::Line(None, l) => format!("line {l}"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Watchpoint {
    pub id: usize,
    pub expr: String,
    /// Repr of the value (or the error) at the current position.
    pub value: String,
    pub enabled: bool,
}

/// What stopped a `continue`/`bcontinue`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    Breakpoint(usize, String),
    Watchpoint(usize, String),
}

/// Errors of motions: the message to show; the position did not change.
pub type MoveResult = Result<(), String>;

/// Control of a run by a matcher.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

type Matcher = Box<dyn FnMut(&mut Vm, StopKind, Pos) -> Flow>;

/// Shared between the engine and the hook of a run.
struct RunCtx {
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
struct RunOutcome {
    interrupted: bool,
    last_real: Option<Pos>,
    captured: Option<State>,
}

/// A recording opened for debugging.
pub struct Program {
    pub file: String,
    pub argv: Vec<String>,
    pub script_dir: String,
    pub source: String,
    code: Rc<CodeObject>,
    effects: Rc<Vec<Record>>,
    truncated: bool,
    new_vm: Box<dyn Fn() -> Vm>,
}

pub struct Engine {
    pub program: Program,
    checkpoints: BTreeMap<u64, Checkpoint>,
    /// Stop points between regular checkpoints.
    pub interval: u64,
    /// Memory budget for checkpoints, in bytes (estimated).
    pub budget: usize,
    pub cur: State,
    /// Selected frame: 0 is the innermost.
    pub frame_sel: usize,
    pub end: Option<EndInfo>,
    furthest: u64,
    pub breakpoints: Vec<Breakpoint>,
    pub watchpoints: Vec<Watchpoint>,
    next_bp: usize,
    /// Anchors: `$N` is the object with serial `anchors[N]`.
    pub anchors: Vec<u64>,
    pub events: Vec<Event>,
    /// Hits of the last `continue`/`bcontinue`.
    pub hits: Vec<Hit>,
    sources: BTreeMap<String, Rc<Vec<String>>>,
}

/// The default memory budget for checkpoints.
pub const DEFAULT_BUDGET: usize = 256 << 20;
/// The default number of stop points between checkpoints.
pub const DEFAULT_INTERVAL: u64 = 2000;

fn estimate_bytes(vm: &Vm) -> usize {
    // Measured roughly: an object with its payload and dict is a few hundred bytes.
    vm.heap.capacity() * 400 + vm.stack.len() * 16 + 4096
}

fn take_output(sink: &mut OutputSink, from: usize) -> String {
    match sink {
        OutputSink::Buffer(b) => String::from_utf8_lossy(b.get(from..).unwrap_or(&[])).to_string(),
        _ => String::new(),
    }
}

fn sink_len(sink: &OutputSink) -> usize {
    match sink {
        OutputSink::Buffer(b) => b.len(),
        _ => 0,
    }
}

fn strip_copy(c: &mut Vm) {
    c.hook = None;
    c.hooked = false;
    c.step_instructions = false;
    c.effects.stdout = OutputSink::Buffer(vec![]);
    c.effects.stderr = OutputSink::Buffer(vec![]);
}

impl Engine {
    /// Open a recording. `new_vm` builds a VM like the recording one (the same
    /// native modules and host functions).
    pub fn open(rec: Recording, new_vm: Box<dyn Fn() -> Vm>) -> Result<Engine, String> {
        let h = rec.header;
        let file = h.argv.first().cloned().unwrap_or_else(|| "<main>".into());
        let code = revpy_compiler::compile(&h.main_source, &file, CompileMode::Module)
            .map_err(|e| format!("{file}: the program does not compile: {}", e.message))?;
        let program = Program {
            file,
            argv: h.argv,
            script_dir: h.script_dir,
            source: h.main_source,
            code,
            effects: Rc::new(rec.effects),
            truncated: !matches!(rec.tail, Tail::Complete(_)),
            new_vm,
        };
        let placeholder = State {
            pos: Pos {
                time: 0,
                instr: 0,
                real: true,
            },
            kind: StopKind::Line,
            stop_instr: 0,
            vm: Vm::new(),
        };
        let mut e = Engine {
            program,
            checkpoints: BTreeMap::new(),
            interval: DEFAULT_INTERVAL,
            budget: DEFAULT_BUDGET,
            cur: placeholder,
            frame_sel: 0,
            end: None,
            furthest: 0,
            breakpoints: vec![],
            watchpoints: vec![],
            next_bp: 1,
            anchors: vec![],
            events: vec![],
            hits: vec![],
            sources: BTreeMap::new(),
        };
        let out = e.run(None, false, 1, Box::new(|_, _, p| stop_if(p.real)));
        match out.captured {
            Some(s) => {
                e.cur = s;
                Ok(())
            }
            None => Err("the program has no stop points".to_string()),
        }?;
        Ok(e)
    }

    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
        self.thin();
    }

    /// A fresh VM at the start of the program, ready to run.
    fn fresh_vm(&self) -> Vm {
        let p = &self.program;
        let mut vm = (p.new_vm)();
        vm.effects.mode = Mode::Replay(Replay {
            effects: p.effects.clone(),
            pos: 0,
            truncated: p.truncated,
        });
        vm.set_argv(&p.argv, &p.script_dir);
        vm.add_source(&p.file, &p.source);
        vm
    }

    /// Run from the latest checkpoint at or before `from_time` (or from the start),
    /// calling `matcher` at every stop point (and every instruction with
    /// `instrs`). A matcher returning `Stop` captures the state there.
    fn run(
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
    fn thin(&mut self) {
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

    fn land(&mut self, s: State) {
        self.cur = s;
        self.frame_sel = 0;
    }

    /// Move to the first stop point at or after `t` (breakpoints ignored).
    pub fn go(&mut self, t: u64) -> MoveResult {
        if t < 1 {
            return Err("times start at 1".into());
        }
        if let Some(end) = &self.end {
            if t > end.time {
                return Err(format!(
                    "time {t} is past the end of the program (it ends at time {})",
                    end.time
                ));
            }
        }
        let target = Pos {
            time: t,
            instr: 0,
            real: true,
        };
        self.go_pos(target, true)
    }

    /// Move to the first position at or after `target` (real stops only if
    /// `real_only`).
    /// The position of the checkpoint taken at time `s` (the start of a search interval).
    fn checkpoint_pos(&self, s: u64) -> Pos {
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

    fn go_pos(&mut self, target: Pos, real_only: bool) -> MoveResult {
        let want = target;
        let out = self.run(
            Some(target.time),
            !real_only,
            target.time,
            Box::new(move |_, _, p| {
                stop_if(
                    (p.real || !real_only)
                        && (p.time >= want.time && (real_only || p.key() >= want.key())),
                )
            }),
        );
        self.finish_move(out)
    }

    fn finish_move(&mut self, out: RunOutcome) -> MoveResult {
        if out.interrupted {
            return Err(format!("Interrupted; back at time {}.", self.time_text()));
        }
        match out.captured {
            Some(s) => {
                self.land(s);
                Ok(())
            }
            None => {
                // The program ended first: go to its last stop point.
                let end = self
                    .end
                    .as_ref()
                    .map(|e| e.time)
                    .or(out.last_real.map(|p| p.time));
                match end {
                    Some(t) if t != self.cur.pos.time || !self.cur.pos.real => {
                        let r = self.run(
                            Some(t),
                            false,
                            t,
                            Box::new(move |_, _, p| stop_if(p.real && p.time >= t)),
                        );
                        match r.captured {
                            Some(s) => {
                                self.land(s);
                                Ok(())
                            }
                            None => Err("could not reach the end of the program".into()),
                        }
                    }
                    _ => Ok(()),
                }
            }
        }
    }

    pub fn at_end(&self) -> bool {
        self.end
            .as_ref()
            .is_some_and(|e| e.time == self.cur.pos.time && self.cur.pos.real)
    }

    pub fn at_start(&self) -> bool {
        self.cur.pos.time <= 1 && self.cur.pos.real
    }

    /// The current time as shown: `TIME`, or `TIME.N` between stop points.
    pub fn time_text(&self) -> String {
        let p = self.cur.pos;
        if p.real {
            p.time.to_string()
        } else {
            format!("{}.{}", p.time, p.instr.saturating_sub(self.cur.stop_instr))
        }
    }

    fn depth(&self) -> usize {
        self.cur.vm.frames.len()
    }

    /// Forward to the first stop point after the current position accepted by
    /// `pred`, or to the end.
    fn forward(&mut self, instrs: bool, pred: Matcher) -> MoveResult {
        if self.at_end() {
            return Err(self.end_message());
        }
        let after = self.cur.pos;
        let mut pred = pred;
        let out = self.run(
            Some(after.time),
            instrs,
            after.time,
            Box::new(move |vm, k, p| {
                if p.key() <= after.key() {
                    return Flow::Continue;
                }
                pred(vm, k, p)
            }),
        );
        self.finish_move(out)
    }

    /// Backward to the last position before the current one accepted by `pred`
    /// (scanning checkpoint intervals, latest first). Returns false if none.
    fn backward(
        &mut self,
        instrs: bool,
        progress: bool,
        make: &dyn Fn() -> Matcher,
    ) -> Result<bool, String> {
        let upper0 = self.cur.pos;
        let mut upper = upper0;
        loop {
            let start = if upper.real {
                self.checkpoints.range(..upper.time).next_back()
            } else {
                self.checkpoints.range(..=upper.time).next_back()
            }
            .map(|(k, _)| *k);
            let Some(from) = start else {
                return Ok(false);
            };
            if progress {
                self.events.push(Event::Searching(from, upper.time));
            }
            let found: Rc<RefCell<Option<Pos>>> = Rc::new(RefCell::new(None));
            let f2 = found.clone();
            let mut pred = make();
            let out = self.run(
                start,
                instrs,
                upper0.time,
                Box::new(move |vm, k, p| {
                    if p.key() >= upper.key() {
                        // The bound itself is seen (watchpoints compare with it).
                        let _ = pred(vm, k, p);
                        return Flow::Stop;
                    }
                    if pred(vm, k, p) == Flow::Stop {
                        *f2.borrow_mut() = Some(p);
                    }
                    Flow::Continue
                }),
            );
            if out.interrupted {
                return Err(format!("Interrupted; back at time {}.", self.time_text()));
            }
            let hit = *found.borrow();
            if let Some(h) = hit {
                self.go_pos(h, h.real)?;
                return Ok(true);
            }
            match start {
                Some(s) => {
                    upper = self.checkpoint_pos(s);
                }
                None => return Ok(false),
            }
        }
    }

    fn end_message(&self) -> String {
        match &self.end {
            Some(e) => e.message(),
            None => "The program has finished.".into(),
        }
    }

    fn go_start(&mut self) -> MoveResult {
        self.go(1)
    }

    // ---- motions ----

    pub fn step(&mut self) -> MoveResult {
        self.forward(false, Box::new(|_, _, p| stop_if(p.real)))
    }

    pub fn bstep(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let found = self.backward(false, false, &|| Box::new(|_, _, p| stop_if(p.real)))?;
        if !found {
            self.go_start()?;
        }
        Ok(())
    }

    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> MoveResult {
        let d = self.depth();
        self.forward(
            false,
            Box::new(move |vm, _, p| stop_if(p.real && vm.frames.len() <= d)),
        )
    }

    pub fn bnext(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let d = self.depth();
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && vm.frames.len() <= d))
        })?;
        if !found {
            self.go_start()?;
        }
        Ok(())
    }

    pub fn finish(&mut self) -> MoveResult {
        let d = self.depth();
        self.forward(
            false,
            Box::new(move |vm, k, p| {
                let n = vm.frames.len();
                stop_if(
                    p.real
                        && (n < d
                            || (n == d && matches!(k, StopKind::Return | StopKind::ExceptionExit))),
                )
            }),
        )
    }

    pub fn bfinish(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let d = self.depth();
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && vm.frames.len() < d))
        })?;
        if !found {
            self.go_start()?;
        }
        Ok(())
    }

    pub fn stepi(&mut self) -> MoveResult {
        self.forward(true, Box::new(|_, _, _| Flow::Stop))
    }

    pub fn bstepi(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let found = self.backward(true, false, &|| Box::new(|_, _, _| Flow::Stop))?;
        if !found {
            self.go_start()?;
        }
        Ok(())
    }

    /// A matcher for forward breakpoint and watchpoint hits.
    fn hit_matcher(&self) -> Matcher {
        let bps: Vec<Breakpoint> = self
            .breakpoints
            .iter()
            .filter(|b| b.enabled)
            .cloned()
            .collect();
        let exprs: Vec<String> = self
            .watchpoints
            .iter()
            .filter(|w| w.enabled)
            .map(|w| w.expr.clone())
            .collect();
        let mut prev: Vec<String> = self
            .watchpoints
            .iter()
            .filter(|w| w.enabled)
            .map(|w| w.value.clone())
            .collect();
        let anchors = self.anchors.clone();
        let main_file = self.program.file.clone();
        Box::new(move |vm, k, p| {
            if !p.real {
                return Flow::Continue;
            }
            let mut hit = false;
            if !exprs.is_empty() {
                let vals: Vec<String> = exprs
                    .iter()
                    .map(|e| expr::eval_repr_on_copy(vm, Scope::Isolated, e, &anchors))
                    .collect();
                hit = vals != prev;
                prev = vals;
            }
            stop_if(
                hit || bps
                    .iter()
                    .any(|b| bp_matches(b, vm, k, &main_file, &anchors)),
            )
        })
    }

    /// `continue`: to the next breakpoint or watchpoint hit, or the end.
    pub fn cont(&mut self) -> MoveResult {
        let m = self.hit_matcher();
        self.forward(false, m)?;
        self.after_hit(true);
        Ok(())
    }

    /// `bcontinue`: to the previous hit, or the start.
    pub fn bcont(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let found = if self.watchpoints.iter().any(|w| w.enabled) {
            self.backward_watch()?
        } else {
            let bps: Vec<Breakpoint> = self
                .breakpoints
                .iter()
                .filter(|b| b.enabled)
                .cloned()
                .collect();
            let anchors = self.anchors.clone();
            let main_file = self.program.file.clone();
            self.backward(false, true, &|| {
                let bps = bps.clone();
                let anchors = anchors.clone();
                let main_file = main_file.clone();
                Box::new(move |vm, k, p| {
                    stop_if(
                        p.real
                            && bps
                                .iter()
                                .any(|b| bp_matches(b, vm, k, &main_file, &anchors)),
                    )
                })
            })?
        };
        if !found {
            self.go_start()?;
            self.update_watches();
            return Err(START.into());
        }
        self.after_hit(false);
        Ok(())
    }

    /// Backward search with watchpoints (and breakpoints): the last stop point
    /// before now whose line changes a watched value, or that hits a breakpoint.
    fn backward_watch(&mut self) -> Result<bool, String> {
        let bps: Vec<Breakpoint> = self
            .breakpoints
            .iter()
            .filter(|b| b.enabled)
            .cloned()
            .collect();
        let exprs: Vec<String> = self
            .watchpoints
            .iter()
            .filter(|w| w.enabled)
            .map(|w| w.expr.clone())
            .collect();
        let anchors = self.anchors.clone();
        let main_file = self.program.file.clone();
        let upper0 = self.cur.pos;
        let mut upper = upper0;
        loop {
            let start = self
                .checkpoints
                .range(..upper.time)
                .next_back()
                .map(|(k, _)| *k);
            let Some(from) = start else {
                return Ok(false);
            };
            self.events.push(Event::Searching(from, upper.time));
            let found: Rc<RefCell<Option<Pos>>> = Rc::new(RefCell::new(None));
            let f2 = found.clone();
            let (bps, exprs, anchors, main_file) = (
                bps.clone(),
                exprs.clone(),
                anchors.clone(),
                main_file.clone(),
            );
            let mut prev: Option<(Pos, Vec<String>)> = None;
            let out = self.run(
                start,
                false,
                upper0.time,
                Box::new(move |vm, k, p| {
                    if !p.real {
                        return Flow::Continue;
                    }
                    let vals: Vec<String> = exprs
                        .iter()
                        .map(|e| expr::eval_repr_on_copy(vm, Scope::Isolated, e, &anchors))
                        .collect();
                    if let Some((pp, pv)) = &prev {
                        if *pv != vals {
                            *f2.borrow_mut() = Some(*pp);
                        }
                    }
                    if p.key() >= upper.key() {
                        return Flow::Stop;
                    }
                    if bps
                        .iter()
                        .any(|b| bp_matches(b, vm, k, &main_file, &anchors))
                    {
                        *f2.borrow_mut() = Some(p);
                    }
                    prev = Some((p, vals));
                    Flow::Continue
                }),
            );
            if out.interrupted {
                return Err(format!("Interrupted; back at time {}.", self.time_text()));
            }
            let hit = *found.borrow();
            if let Some(h) = hit {
                self.go_pos(h, true)?;
                return Ok(true);
            }
            match start {
                Some(s) => {
                    upper = self.checkpoint_pos(s);
                }
                _ => return Ok(false),
            }
        }
    }

    /// After a `continue`/`bcontinue`: which breakpoints and watchpoints hit here.
    fn after_hit(&mut self, _forward: bool) {
        self.hits.clear();
        let changed = self.update_watches();
        for id in changed {
            if let Some(w) = self.watchpoints.iter().find(|w| w.id == id) {
                self.hits.push(Hit::Watchpoint(id, w.expr.clone()));
            }
        }
        let main_file = self.program.file.clone();
        let kind = self.cur.kind;
        let mut remove = vec![];
        for b in self.breakpoints.iter_mut().filter(|b| b.enabled) {
            if self.cur.pos.real && bp_matches(b, &mut self.cur.vm, kind, &main_file, &self.anchors)
            {
                b.hits += 1;
                self.hits.push(Hit::Breakpoint(b.id, b.describe()));
                if b.temporary {
                    remove.push(b.id);
                }
            }
        }
        self.breakpoints.retain(|b| !remove.contains(&b.id));
    }

    /// Re-evaluate the watchpoints at the current position; report the changed
    /// ones (`updating watchpoint value`), return their ids.
    pub fn update_watches(&mut self) -> Vec<usize> {
        let mut changed = vec![];
        for i in 0..self.watchpoints.len() {
            if !self.watchpoints[i].enabled {
                continue;
            }
            let v = expr::eval_repr_on_copy(
                &self.cur.vm,
                Scope::Isolated,
                &self.watchpoints[i].expr,
                &self.anchors,
            );
            if v != self.watchpoints[i].value {
                self.events.push(Event::Message(format!(
                    "updating watchpoint value: {} => {}",
                    self.watchpoints[i].expr, v
                )));
                self.watchpoints[i].value = v;
                changed.push(self.watchpoints[i].id);
            }
        }
        changed
    }

    /// `last EXPR` (backward) / `last -f EXPR`: to where the value last changed.
    pub fn last(&mut self, src: &str, forward: bool) -> MoveResult {
        // `a.b.attr`: anchor the object `a.b` and watch `$N.attr` (valid at any time).
        let src = src.trim();
        let watched = match split_attr(src) {
            Some((base, attr)) => match self.anchor_of(base) {
                Some(n) => format!("${n}.{attr}"),
                None => src.to_string(),
            },
            None => src.to_string(),
        };
        let mut c = expr::sandbox(&self.cur.vm);
        if let Err(e) = expr::eval(&mut c, Scope::Isolated, &watched, true, &self.anchors) {
            if !e.starts_with("RuntimeError") {
                return Err(format!("cannot follow '{src}' through time: {e} (use an expression of anchors, e.g. `last $0.attr`)"));
            }
        }
        let id = usize::MAX;
        let value = expr::eval_repr_on_copy(&self.cur.vm, Scope::Isolated, &watched, &self.anchors);
        let saved_w = std::mem::take(&mut self.watchpoints);
        let saved_b = std::mem::take(&mut self.breakpoints);
        self.watchpoints.push(Watchpoint {
            id,
            expr: watched,
            value,
            enabled: true,
        });
        let n = self.events.len();
        let r = if forward { self.cont() } else { self.bcont() };
        // The temporary watch's own updates are not news: the real watchpoints
        // report theirs below.
        let mut k = 0;
        self.events.retain(|e| {
            k += 1;
            k <= n || !matches!(e, Event::Message(m) if m.starts_with("updating watchpoint value:"))
        });
        self.watchpoints = saved_w;
        self.breakpoints = saved_b;
        self.hits.clear();
        self.update_watches();
        r
    }

    /// Evaluate `src` as an expression in the selected frame and bind an anchor to
    /// the value if it is an object of the program.
    fn anchor_of(&mut self, src: &str) -> Option<usize> {
        let mut c = expr::sandbox(&self.cur.vm);
        let frame = self.frame_index();
        match expr::eval(&mut c, Scope::Frame(frame), src, true, &self.anchors) {
            Ok(Value::Obj(r)) => Some(self.anchor_for(c.heap.get(r).serial)),
            _ => None,
        }
    }

    fn anchor_for(&mut self, serial: u64) -> usize {
        match self.anchors.iter().position(|s| *s == serial) {
            Some(i) => i,
            None => {
                self.anchors.push(serial);
                self.anchors.len() - 1
            }
        }
    }

    /// The index in `vm.frames` of the selected frame.
    pub fn frame_index(&self) -> Option<usize> {
        let n = self.cur.vm.frames.len();
        if n == 0 {
            None
        } else {
            Some(n - 1 - self.frame_sel.min(n - 1))
        }
    }

    /// `p EXPR`: `$N = repr` for objects of the program, else the repr.
    pub fn print(&mut self, src: &str) -> String {
        let frame = self.frame_index();
        let anchors = self.anchors.clone();
        let r = expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, true, &anchors);
        match r {
            Ok(v) => {
                let text = expr::repr(&mut self.cur.vm, v);
                match v {
                    Value::Obj(o) => {
                        let serial = self.cur.vm.heap.get(o).serial;
                        let n = self.anchor_for(serial);
                        format!("${n} = {text}")
                    }
                    _ => text,
                }
            }
            Err(e) => e,
        }
    }

    /// `!STMT`: run statements in the selected frame (effects last until time moves).
    pub fn exec(&mut self, src: &str) -> Option<String> {
        let frame = self.frame_index();
        let anchors = self.anchors.clone();
        expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, false, &anchors).err()
    }

    // ---- breakpoints and watchpoints ----

    pub fn add_breakpoint(
        &mut self,
        spec: BreakSpec,
        cond: Option<String>,
        temporary: bool,
    ) -> usize {
        let id = self.next_bp;
        self.next_bp += 1;
        self.breakpoints.push(Breakpoint {
            id,
            spec,
            cond,
            temporary,
            enabled: true,
            hits: 0,
        });
        id
    }

    /// Add a watchpoint; returns its id (its value is in `watchpoints`).
    pub fn add_watchpoint(&mut self, src: &str) -> Result<usize, String> {
        expr::substitute(src)?;
        if let Err(e) = revpy_compiler::compile(
            &format!("({}\n)", expr::substitute(src)?.0),
            "<watch>",
            CompileMode::Module,
        ) {
            return Err(format!("SyntaxError: {}", e.message));
        }
        let id = self.next_bp;
        self.next_bp += 1;
        let value = expr::eval_repr_on_copy(&self.cur.vm, Scope::Isolated, src, &self.anchors);
        self.watchpoints.push(Watchpoint {
            id,
            expr: src.to_string(),
            value,
            enabled: true,
        });
        Ok(id)
    }

    /// Delete, enable or disable a breakpoint or watchpoint by number.
    pub fn delete(&mut self, id: usize) -> bool {
        let n = self.breakpoints.len() + self.watchpoints.len();
        self.breakpoints.retain(|b| b.id != id);
        self.watchpoints.retain(|w| w.id != id);
        n != self.breakpoints.len() + self.watchpoints.len()
    }

    pub fn set_enabled(&mut self, id: usize, on: bool) -> bool {
        let mut found = false;
        for b in self.breakpoints.iter_mut().filter(|b| b.id == id) {
            b.enabled = on;
            found = true;
        }
        for w in self.watchpoints.iter_mut().filter(|w| w.id == id) {
            w.enabled = on;
            found = true;
        }
        if on && found {
            let v: Vec<(usize, String)> = self
                .watchpoints
                .iter()
                .map(|w| (w.id, w.expr.clone()))
                .collect();
            for (wid, e) in v {
                if wid == id {
                    let val =
                        expr::eval_repr_on_copy(&self.cur.vm, Scope::Isolated, &e, &self.anchors);
                    if let Some(w) = self.watchpoints.iter_mut().find(|w| w.id == id) {
                        w.value = val;
                    }
                }
            }
        }
        found
    }

    // ---- sources ----

    /// The lines of a source file the program loaded.
    pub fn source_lines(&mut self, filename: &str) -> Option<Rc<Vec<String>>> {
        if let Some(s) = self.sources.get(filename) {
            return Some(s.clone());
        }
        let text = if filename == self.program.file {
            Some(self.program.source.clone())
        } else if let Some((_, s)) = self
            .cur
            .vm
            .loaded_sources
            .iter()
            .find(|(f, _)| f == filename)
        {
            Some(s.clone())
        } else if let Some(name) = filename
            .strip_prefix("<frozen ")
            .and_then(|s| s.strip_suffix('>'))
        {
            self.cur
                .vm
                .frozen_modules
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, s)| s.to_string())
        } else {
            None
        }?;
        let lines = Rc::new(text.lines().map(|l| l.to_string()).collect::<Vec<_>>());
        self.sources.insert(filename.to_string(), lines.clone());
        Some(lines)
    }
}

const START: &str = "At the start of the program.";

fn stop_if(b: bool) -> Flow {
    if b {
        Flow::Stop
    } else {
        Flow::Continue
    }
}

/// `a.b.c` -> (`a.b`, `c`) when the last part is a plain attribute.
fn split_attr(src: &str) -> Option<(&str, &str)> {
    let i = src.rfind('.')?;
    let (base, attr) = (&src[..i], &src[i + 1..]);
    let ok = !attr.is_empty()
        && attr.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !attr.starts_with(|c: char| c.is_ascii_digit())
        && !base.is_empty();
    ok.then_some((base, attr))
}

/// Whether breakpoint `b` hits at this stop point.
pub fn bp_matches(
    b: &Breakpoint,
    vm: &mut Vm,
    kind: StopKind,
    main_file: &str,
    anchors: &[u64],
) -> bool {
    if kind != StopKind::Line {
        return false;
    }
    let Some(f) = vm.frames.last() else {
        return false;
    };
    let code = &f.code.code;
    let ip = f.ip as usize;
    let at = match &b.spec {
        BreakSpec::Func(name) => {
            (code.name.as_ref() == name || code.qualname.as_ref() == name)
                && code.instrs.iter().position(|i| i.line_start) == Some(ip)
        }
        BreakSpec::Line(file, line) => {
            let file_ok = match file {
                None => code.filename.as_ref() == main_file,
                Some(fl) => {
                    let fname: &str = code.filename.as_ref();
                    fname == fl
                        || fname.ends_with(&format!("/{fl}"))
                        || std::path::Path::new(fname)
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy() == *fl)
                }
            };
            file_ok && code.line_of(ip) == *line
        }
    };
    if !at {
        return false;
    }
    match &b.cond {
        None => true,
        Some(c) => {
            let n = vm.frames.len();
            expr::condition_holds(vm, Some(n - 1), c, anchors)
        }
    }
}

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
//! Checkpoints are copies of the VM that share unchanged heap chunks, kept
//! under a memory budget (see `checkpoints`).

mod catch;
mod checkpoints;
mod heapscan;
mod inspect;
mod motion;
mod points;
mod run;
mod scan;
mod scoped;
mod threads;

pub use catch::{CatchKind, Catchpoint};
pub use checkpoints::{Checkpoints, Work, BUDGET_HEAP_FACTOR, MIN_BUDGET};
pub use points::{
    bp_matches, check_condition, func_matches, BreakSpec, Breakpoint, Hit, Watchpoint,
};
use run::RunOutcome;
pub use run::DEFAULT_INTERVAL;
pub use scoped::LocalScope;
pub use threads::ThreadInfo;

use crate::expr::{self, Scope};
use revpy_compiler::{CodeObject, CompileMode};
use revpy_vm::effects::log::{Record, Recording, Tail, Val};
use revpy_vm::effects::Replay;
use revpy_vm::{EffectKind, ExitStatus, HookAction, Mode, OutputSink, StopKind, Value, Vm};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A flag another thread or a signal handler sets to interrupt a long run
/// (Ctrl-C); the engine clears it when it stops.
pub type Interrupt = Arc<AtomicBool>;

/// A position in the replay: the stop point counter and the instruction counter at
/// a hook call. `real` positions are stop points; others are instructions between
/// them (`stepi`). Ordered by (instr, time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub time: u64,
    pub instr: u64,
    pub real: bool,
    /// An exception being raised (`StopKind::Raise`, a catchpoint's stop).
    pub raise: bool,
}

impl Pos {
    pub(super) fn key(&self) -> (u64, u64) {
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
    /// The serial the replayed program's next object gets: objects at or above
    /// it in `vm` are the debugger's own (made by `p` or `!`).
    pub serial_limit: u64,
    /// A sandboxed copy of the VM (evaluation may modify it; moving in time
    /// replaces it).
    pub vm: Vm,
}

/// How the program ended.
#[derive(Clone, Debug)]
pub struct EndInfo {
    /// The last stop point.
    pub time: u64,
    pub status: i32,
    /// The uncaught exception's last traceback line, if it died of one.
    pub exception: Option<String>,
    /// Where it was at its last stop point before the end (`File "F", line L, in FUNC`).
    pub place: Option<String>,
    /// For a program that died of an uncaught exception: the time of the first
    /// `!!` stop of its way out, where every frame it left is still there.
    pub post_mortem: Option<u64>,
    /// Where the exception that ended the program was raised.
    pub uncaught_at: Option<Pos>,
}

impl EndInfo {
    pub fn message(&self) -> String {
        let head = match &self.exception {
            Some(e) => format!(
                "The program finished with an uncaught exception: {e} (exit status {}).",
                self.status
            ),
            None => format!("The program finished with exit status {}.", self.status),
        };
        match &self.place {
            Some(p) => format!("{head}\nIt ended after: {p}"),
            None => head,
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

/// Errors of motions: the message to show; the position did not change.
pub type MoveResult = Result<(), String>;

/// Control of a run by a matcher.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

type Matcher = Box<dyn FnMut(&mut Vm, StopKind, Pos) -> Flow>;

/// A backward search's look at one stop point: (a hit here or just before, stop
/// the interval's run).
type Scanner = Box<dyn FnMut(&mut Vm, StopKind, Pos) -> (Option<Pos>, bool)>;

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

/// How much of the program's output the engine keeps for `output_until`.
const OUTPUT_LOG_BYTES: usize = 4 << 20;

pub struct Engine {
    pub program: Program,
    /// Shared with the hook of a run, which adds checkpoints as it goes.
    checkpoints: Rc<RefCell<Checkpoints>>,
    /// Stop points between regular checkpoints.
    pub interval: u64,
    pub cur: State,
    /// Selected frame: 0 is the innermost.
    pub frame_sel: usize,
    pub end: Option<EndInfo>,
    furthest: u64,
    /// The program's output with the stop point at which each piece had been
    /// written (in time order, up to `furthest`): what a terminal showed then.
    output_log: Vec<(u64, String)>,
    output_log_bytes: usize,
    pub breakpoints: Vec<Breakpoint>,
    pub watchpoints: Vec<Watchpoint>,
    pub catchpoints: Vec<Catchpoint>,
    next_bp: usize,
    /// Anchors: `$N` is the object with serial `anchors.serials[N]`.
    pub anchors: expr::Anchors,
    pub events: Vec<Event>,
    /// Called with each interval a backward search scans, as it starts (the
    /// shell prints `[searching A..B]`); without it they are `Event::Searching`.
    pub on_progress: Option<Box<dyn FnMut(u64, u64)>>,
    /// Set it to interrupt the motion in progress (see `Interrupt`).
    pub interrupt: Interrupt,
    /// Hits of the last `continue`/`bcontinue`.
    pub hits: Vec<Hit>,
    /// After a backward watch hit: the watched values just after the line ran.
    watch_after: Option<Vec<String>>,
    /// After a backward search: the catchpoint hit there, if any.
    bcaught: Option<(usize, String, Pos)>,
    /// Whether runs show `Raise` events to their matchers (catchpoints, `info
    /// exceptions`); other motions never stop at them.
    see_raises: bool,
    sources: BTreeMap<String, Rc<Vec<String>>>,
}

impl Engine {
    /// What the program had written (stdout and stderr, as a terminal showed
    /// them) by stop point `t`, as far as the replay has reached.
    pub fn output_until(&self, t: u64) -> String {
        let n = self.output_log.partition_point(|(at, _)| *at <= t);
        self.output_log[..n]
            .iter()
            .map(|(_, s)| s.as_str())
            .collect()
    }

    /// Add output to `output_log`, forgetting the oldest beyond
    /// `OUTPUT_LOG_BYTES` (a pane shows the end of it).
    fn log_output(&mut self, new: impl Iterator<Item = (u64, String)>) {
        for (t, s) in new {
            self.output_log_bytes += s.len();
            self.output_log.push((t, s));
        }
        if self.output_log_bytes > 2 * OUTPUT_LOG_BYTES {
            let mut drop = 0;
            while self.output_log_bytes > OUTPUT_LOG_BYTES {
                self.output_log_bytes -= self.output_log[drop].1.len();
                drop += 1;
            }
            self.output_log.drain(..drop);
        }
    }

    /// Open a recording. `new_vm` builds a VM like the recording one (the same
    /// native modules and host functions).
    pub fn open(rec: Recording, new_vm: Box<dyn Fn() -> Vm>) -> Result<Engine, String> {
        let h = rec.header;
        let file = revpy_vm::effects::log::main_file_name(h.argv.first().map_or("", |a| a));
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
                raise: false,
            },
            kind: StopKind::Line,
            stop_instr: 0,
            serial_limit: 0,
            vm: Vm::new(),
        };
        let length = match &rec.tail {
            Tail::Complete(end) => Some(end.stop_points),
            _ => None,
        };
        let mut e = Engine {
            program,
            checkpoints: Rc::new(RefCell::new(Checkpoints::for_length(length))),
            interval: DEFAULT_INTERVAL,
            cur: placeholder,
            frame_sel: 0,
            end: None,
            furthest: 0,
            output_log: vec![],
            output_log_bytes: 0,
            breakpoints: vec![],
            watchpoints: vec![],
            catchpoints: vec![],
            next_bp: 1,
            anchors: Default::default(),
            events: vec![],
            hits: vec![],
            watch_after: None,
            bcaught: None,
            see_raises: false,
            on_progress: None,
            interrupt: Default::default(),
            sources: BTreeMap::new(),
        };
        // `revpy record -m MOD`: start at the module's first line (as `pdb -m`), not
        // in the bootstrap line and runpy that find it; they stay reachable backwards.
        let mut out = None;
        if e.program.file == revpy_vm::effects::log::main_file_name("-m") {
            let run_module = e.program.file.clone();
            let found = e.run(
                None,
                false,
                1,
                Box::new(move |vm, _, p| stop_if(p.real && in_main_module(vm, &run_module))),
            );
            out = found.captured.is_some().then_some(found);
        }
        let out = out.unwrap_or_else(|| e.run(None, false, 1, Box::new(|_, _, p| stop_if(p.real))));
        match out.captured {
            Some(s) => {
                e.cur = s;
                e.pin_cur();
                Ok(())
            }
            None => Err("the program has no stop points".to_string()),
        }?;
        Ok(e)
    }

    /// A fresh VM at the start of the program, ready to run.
    pub(super) fn fresh_vm(&self) -> Vm {
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

    pub(super) fn land(&mut self, s: State) {
        self.cur = s;
        self.frame_sel = 0;
        self.attach_post_mortem();
        self.pin_cur();
        // The checkpoints near where the run started were free while the
        // state there was held; it is not any more.
        let t = self.cur.pos.time;
        self.checkpoints.borrow_mut().thin(t, self.interval);
    }

    /// Tell the checkpoints that the current state holds its heap (see
    /// `Checkpoints::pin`).
    pub(super) fn pin_cur(&self) {
        self.checkpoints
            .borrow_mut()
            .pin(checkpoints::PIN_CUR, Some(&self.cur.vm));
    }

    /// At the end of a program that died of an uncaught exception, the frames
    /// are the ones it was raised through (as `pdb.pm()`): the state of the
    /// first `!!` stop of its way out, at the end's time.
    fn attach_post_mortem(&mut self) {
        if self.cur.kind != StopKind::End || !self.cur.vm.frames.is_empty() {
            return;
        }
        let Some(pm) = self.end.as_ref().and_then(|e| e.post_mortem) else {
            return;
        };
        let out = self.run(
            Some(pm),
            false,
            self.cur.pos.time,
            Box::new(move |_, _, p| stop_if(p.real && p.time >= pm)),
        );
        if let Some(s) = out.captured {
            if s.pos.time == pm {
                self.cur.vm = s.vm;
                self.cur.serial_limit = s.serial_limit;
            }
        }
    }

    /// Whether the current position is the end with the post-mortem frames.
    pub fn post_mortem(&self) -> bool {
        self.cur.kind == StopKind::End && !self.cur.vm.frames.is_empty()
    }

    /// Report that a backward search scans `from..to`.
    fn progress(&mut self, from: u64, to: u64) {
        match &mut self.on_progress {
            Some(f) => f(from, to),
            None => self.events.push(Event::Searching(from, to)),
        }
    }

    pub fn at_end(&self) -> bool {
        self.cur.pos.real
            && (self.cur.kind == StopKind::End
                || self
                    .end
                    .as_ref()
                    .is_some_and(|e| e.time == self.cur.pos.time))
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

    pub(super) fn depth(&self) -> usize {
        self.cur.vm.frames.len()
    }

    pub(super) fn end_message(&self) -> String {
        match &self.end {
            Some(e) => e.message(),
            None => "The program has finished.".into(),
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
            Some(s.to_string())
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

/// Whether the innermost frame runs `__main__`'s code (not the `-m` bootstrap line).
fn in_main_module(vm: &mut Vm, run_module: &str) -> bool {
    let Some(f) = vm.frames.last() else {
        return false;
    };
    if &*f.code.code.filename == run_module {
        return false;
    }
    let globals = f.globals;
    let key = vm.names.__name__;
    let name = vm.dict_get_str(globals, key);
    name.and_then(|n| vm.as_str(n).map(|s| s == "__main__")) == Some(true)
}

fn stop_if(b: bool) -> Flow {
    if b {
        Flow::Stop
    } else {
        Flow::Continue
    }
}

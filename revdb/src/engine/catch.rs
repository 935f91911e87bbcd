//! Exceptions: catchpoints (`catch raise [TYPE ...]`, `catch uncaught`) and
//! `info exceptions`. The VM calls the hook with `StopKind::Raise` when an
//! exception is raised (not a stop point: the position is `TIME.N`, N the
//! instructions run since the stop point), with the exception in
//! `Vm::in_flight`. A catch hit lands at that event: the frame is positioned at
//! the raising instruction, with the state as the exception was raised.

use super::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatchKind {
    /// Exceptions of these types (a class or any of its bases by name; none: all).
    Raise(Vec<String>),
    /// The exception that ends the program.
    Uncaught,
}

#[derive(Clone, Debug)]
pub struct Catchpoint {
    pub id: usize,
    pub kind: CatchKind,
    pub enabled: bool,
    pub hits: u64,
    /// `condition N COND`: evaluated in the raising frame.
    pub cond: Option<String>,
    /// `ignore N COUNT`: the next COUNT forward hits do not stop.
    pub ignore: u64,
    /// `commands N`: run at each hit, as a breakpoint's.
    pub commands: Vec<String>,
}

impl Catchpoint {
    pub fn describe(&self) -> String {
        match &self.kind {
            CatchKind::Raise(t) if t.is_empty() => "catch raise".into(),
            CatchKind::Raise(t) => format!("catch raise {}", t.join(" ")),
            CatchKind::Uncaught => "catch uncaught".into(),
        }
    }
}

/// An exception being raised, at a `Raise` event.
#[derive(Clone, Debug)]
pub struct Raised {
    pub pos: Pos,
    /// `Type: message`.
    pub text: String,
    /// `FILE:LINE in FUNC` of the raising frame.
    pub place: String,
}

/// The names of the exception's class and its bases (`catch raise LookupError`
/// matches a KeyError), read without running code.
pub(super) fn exception_types(vm: &Vm) -> Vec<String> {
    let Value::Obj(e) = vm.in_flight.exception else {
        return vec![];
    };
    let cls = vm.heap.get(e).class;
    let mro = vm.class_data(cls).mro.clone();
    mro.iter().map(|c| vm.class_name(*c).to_string()).collect()
}

/// The exception being raised, described (its message may run `__str__`: on a copy).
pub(super) fn raised_here(vm: &mut Vm, pos: Pos) -> Option<Raised> {
    let Value::Obj(e) = vm.in_flight.exception else {
        return None;
    };
    let place = match vm.frames.last() {
        Some(f) => {
            let code = &f.code.code;
            let file = base_name(&code.filename);
            format!("{file}:{} in {}", code.line_of(f.ip as usize), code.name)
        }
        None => String::new(),
    };
    let mut c = expr::sandbox(vm);
    let text = expr::format_error(&mut c, revpy_vm::PyErr(e));
    Some(Raised { pos, text, place })
}

/// What a run checks at `Raise` events: the enabled catchpoints.
#[derive(Clone, Default)]
pub(super) struct ActiveCatches {
    pub(super) catches: Vec<Catchpoint>,
    /// Where the exception that ends the program is raised (if known).
    pub(super) uncaught_at: Option<Pos>,
    pub(super) uncaught_text: String,
    /// Hits each of `catches` still ignores forward (copied back after the run).
    pub(super) ignores: Rc<RefCell<Vec<u64>>>,
}

impl ActiveCatches {
    pub(super) fn is_empty(&self) -> bool {
        self.catches.is_empty()
    }

    /// The catchpoint that stops at this `Raise` event, with the exception's text.
    /// Its condition is evaluated in the raising frame; forward, a catchpoint with
    /// hits left to ignore uses one up instead of stopping.
    pub(super) fn hit(
        &self,
        vm: &mut Vm,
        p: Pos,
        anchors: &expr::Anchors,
        forward: bool,
    ) -> Option<(usize, String)> {
        if self.catches.is_empty() {
            return None;
        }
        let mut types: Option<Vec<String>> = None;
        for (i, c) in self.catches.iter().enumerate() {
            let yes = match &c.kind {
                CatchKind::Raise(want) => {
                    want.is_empty() || {
                        let t = types.get_or_insert_with(|| exception_types(vm));
                        want.iter().any(|w| t.contains(w))
                    }
                }
                CatchKind::Uncaught => self.uncaught_at == Some(p),
            };
            let yes = yes
                && c.cond.as_ref().is_none_or(|cond| {
                    let top = vm.frames.len().checked_sub(1);
                    expr::condition_holds(vm, top, cond, anchors)
                });
            if yes && forward {
                let mut ig = self.ignores.borrow_mut();
                if ig[i] > 0 {
                    ig[i] -= 1;
                    continue;
                }
            }
            if yes {
                let text = match &c.kind {
                    CatchKind::Uncaught => self.uncaught_text.clone(),
                    _ => raised_here(vm, p).map(|r| r.text).unwrap_or_default(),
                };
                return Some((c.id, text));
            }
        }
        None
    }
}

impl Engine {
    /// The enabled catchpoints, for a run.
    pub(super) fn active_catches(&self) -> ActiveCatches {
        let (uncaught_at, uncaught_text) = match &self.end {
            Some(e) => (e.uncaught_at, e.exception.clone().unwrap_or_default()),
            None => (None, String::new()),
        };
        let catches: Vec<Catchpoint> = self
            .catchpoints
            .iter()
            .filter(|c| c.enabled)
            .cloned()
            .collect();
        ActiveCatches {
            ignores: Rc::new(RefCell::new(catches.iter().map(|c| c.ignore).collect())),
            catches,
            uncaught_at,
            uncaught_text,
        }
    }

    /// `catch raise [TYPE ...]` / `catch uncaught`: returns the number.
    pub fn add_catchpoint(&mut self, kind: CatchKind) -> Result<usize, String> {
        if kind == CatchKind::Uncaught && self.end.is_none() {
            // Where the program dies is known once it has been replayed to the end.
            self.learn_end()?;
        }
        if kind == CatchKind::Uncaught && self.end.as_ref().is_some_and(|e| e.uncaught_at.is_none())
        {
            self.events.push(Event::Message(
                "(the program does not end with an uncaught exception: this catchpoint never stops)"
                    .into(),
            ));
        }
        if let CatchKind::Raise(names) = &kind {
            for name in names {
                let valid = name.split('.').all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic() || c == '_')
                        && w.chars().all(|c| c.is_alphanumeric() || c == '_')
                });
                if !valid {
                    return Err(format!("{name:?} is not the name of an exception class"));
                }
            }
            for name in names {
                if !self.exception_class_visible(name) {
                    self.events.push(Event::Message(format!(
                        "(no exception class {name} is visible at this time: the catchpoint stops \
                         at exceptions whose class or a base class is named {})",
                        name.rsplit('.').next().unwrap_or(name)
                    )));
                }
            }
        }
        let kind = match kind {
            // Classes match by name (a dotted name by its last part).
            CatchKind::Raise(names) => CatchKind::Raise(
                names
                    .iter()
                    .map(|n| n.rsplit('.').next().unwrap_or(n).to_string())
                    .collect(),
            ),
            k => k,
        };
        let id = self.next_bp;
        self.next_bp += 1;
        self.catchpoints.push(Catchpoint {
            id,
            kind,
            enabled: true,
            hits: 0,
            cond: None,
            ignore: 0,
            commands: vec![],
        });
        Ok(id)
    }

    /// Whether NAME (maybe dotted) is an exception class in the current frame's
    /// scope (evaluated on a throwaway copy).
    fn exception_class_visible(&mut self, name: &str) -> bool {
        let test = format!("isinstance({name}, type) and issubclass({name}, BaseException)");
        let anchors = self.cur_anchors();
        let top = self.cur.vm.frames.len().checked_sub(1);
        expr::condition_result(&mut self.cur.vm, top, &test, &anchors).unwrap_or(false)
    }

    /// Replay to the end without moving, to learn how the program ends (and
    /// where its uncaught exception was raised: from the start when a run from
    /// a later checkpoint missed it).
    pub(super) fn learn_end(&mut self) -> Result<(), String> {
        let from = match &self.end {
            None => self.cur.pos.time,
            Some(e) if e.exception.is_some() && e.uncaught_at.is_none() => 1,
            Some(_) => return Ok(()),
        };
        let old_end = self.end.take();
        let furthest = self.furthest;
        let n_events = self.events.len();
        let here = self.cur.pos.time;
        let out = self.run(Some(from), false, here, Box::new(|_, _, _| Flow::Continue));
        self.furthest = furthest;
        self.events.truncate(n_events);
        if self.end.is_none() {
            self.end = old_end;
        }
        if out.interrupted {
            return Err(format!("Interrupted; still at time {}.", self.time_text()));
        }
        Ok(())
    }

    /// `info exceptions`: every exception raised in the recording (one replay
    /// from the start, without moving): time, exception, where it was raised,
    /// and the frame that caught it or that it ended the program.
    pub fn exceptions(&mut self) -> Result<Vec<String>, String> {
        struct Entry {
            r: Raised,
            /// The frame that caught it (None: it left the outermost frame).
            caught: Option<String>,
        }
        let entries: Rc<RefCell<Vec<Entry>>> = Default::default();
        let out = entries.clone();
        // The latest entry of each exception (by serial): a later `!!` of the
        // same exception moves its catcher out.
        let mut latest: std::collections::HashMap<u64, usize> = Default::default();
        // The entry whose catcher is still to be placed, and the depth of the
        // frame it is unwinding in: the first stop point at that depth after the
        // raise is the handler's line (`except ...:`, `finally:`).
        let mut pending: Option<(usize, usize)> = None;
        let matcher: Matcher = Box::new(move |vm, k, p| {
            if let Some((i, depth)) = pending {
                // At the handler's line, or in a function the frame calls while
                // it handles the exception (a `with` block's `__exit__`): at that
                // call.
                let n = vm.frames.len();
                if !matches!(k, StopKind::Raise | StopKind::ExceptionExit)
                    && (n == depth || n == depth + 1)
                {
                    pending = None;
                    if let Some(place) = frame_place(vm, 1 + n - depth) {
                        out.borrow_mut()[i].caught = Some(place);
                    }
                }
            }
            let serial = match vm.in_flight.exception {
                Value::Obj(e) => vm.heap.get(e).serial,
                _ => return Flow::Continue,
            };
            match k {
                StopKind::Raise => {
                    if let Some(r) = raised_here(vm, p) {
                        let caught = frame_place(vm, 1);
                        let mut v = out.borrow_mut();
                        latest.insert(serial, v.len());
                        pending = Some((v.len(), vm.frames.len()));
                        v.push(Entry { r, caught });
                    }
                }
                StopKind::ExceptionExit => {
                    if let Some(&i) = latest.get(&serial) {
                        out.borrow_mut()[i].caught = frame_place(vm, 2);
                        pending = Some((i, vm.frames.len() - 1));
                    }
                }
                _ => {}
            }
            Flow::Continue
        });
        let furthest = self.furthest;
        let n_events = self.events.len();
        let here = self.cur.pos.time;
        let saved = std::mem::replace(&mut self.see_raises, true);
        let r = self.run(Some(1), false, here, matcher);
        self.see_raises = saved;
        self.furthest = furthest;
        self.events.truncate(n_events);
        if r.interrupted {
            return Err(format!("Interrupted; still at time {}.", self.time_text()));
        }
        let v = std::mem::take(&mut *entries.borrow_mut());
        Ok(v.into_iter()
            .map(|e| {
                let how = match e.caught {
                    Some(f) => format!("caught at {f}"),
                    None => "ended the program".into(),
                };
                format!(
                    "[{}] {}  at {}  {how}",
                    e.r.pos.time,
                    one_line(&e.r.text),
                    e.r.place
                )
            })
            .collect())
    }
}

/// Newlines of a message shown as `\n` (one line per exception).
fn one_line(s: &str) -> String {
    s.replace('\n', "\\n")
}

/// `FILE:LINE in FUNC` of the `n`-th frame from the top (1: the innermost), at
/// the instruction it runs (the top one, positioned at it) or the call it made.
fn frame_place(vm: &Vm, n: usize) -> Option<String> {
    let i = vm.frames.len().checked_sub(n)?;
    let f = &vm.frames[i];
    let pc = if n == 1 {
        f.ip as usize
    } else {
        (f.ip as usize).saturating_sub(1)
    };
    let code = &f.code.code;
    Some(format!(
        "{}:{} in {}",
        base_name(&code.filename),
        code.line_of(pc),
        code.name
    ))
}

fn base_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

impl Engine {
    /// At a `!!` stop or a catchpoint's: the exception leaving the frame or
    /// being raised (`Type: message`).
    pub fn exception_leaving(&mut self) -> Option<String> {
        if !matches!(self.cur.kind, StopKind::ExceptionExit | StopKind::Raise) {
            return None;
        }
        let Value::Obj(e) = self.cur.vm.in_flight.exception else {
            return None;
        };
        let mut c = expr::sandbox(&mut self.cur.vm);
        Some(expr::format_error(&mut c, revpy_vm::PyErr(e)))
    }
}

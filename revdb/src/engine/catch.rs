//! Exceptions: catchpoints (`catch raise [TYPE ...]`, `catch uncaught`) and
//! `info exceptions`. The VM calls the hook with `StopKind::Raise` when an
//! exception is raised (not a stop point: the position is the raising
//! instruction's, `TIME.N`), with the exception in `Vm::exception_in_flight`.
//! A catch hit lands just before the instruction that raises, so the frame is
//! as it was when the exception was raised.

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
    let Value::Obj(e) = vm.exception_in_flight else {
        return vec![];
    };
    let cls = vm.heap.get(e).class;
    let mro = vm.class_data(cls).mro.clone();
    mro.iter().map(|c| vm.class_name(*c).to_string()).collect()
}

/// The exception being raised, described (its message may run `__str__`: on a copy).
pub(super) fn raised_here(vm: &mut Vm, pos: Pos) -> Option<Raised> {
    let Value::Obj(e) = vm.exception_in_flight else {
        return None;
    };
    let place = match vm.frames.last() {
        Some(f) => {
            let code = &f.code.code;
            let pc = (f.ip as usize).saturating_sub(1);
            let file = std::path::Path::new(code.filename.as_ref())
                .file_name()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            format!("{file}:{} in {}", code.line_of(pc), code.name)
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
}

impl ActiveCatches {
    pub(super) fn is_empty(&self) -> bool {
        self.catches.is_empty()
    }

    /// The catchpoint that stops at this `Raise` event, with the exception's text.
    pub(super) fn hit(&self, vm: &mut Vm, p: Pos) -> Option<(usize, String)> {
        if self.catches.is_empty() {
            return None;
        }
        let mut types: Option<Vec<String>> = None;
        for c in &self.catches {
            let yes = match &c.kind {
                CatchKind::Raise(want) => {
                    want.is_empty() || {
                        let t = types.get_or_insert_with(|| exception_types(vm));
                        want.iter().any(|w| t.contains(w))
                    }
                }
                CatchKind::Uncaught => self.uncaught_at == Some(p),
            };
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
        ActiveCatches {
            catches: self
                .catchpoints
                .iter()
                .filter(|c| c.enabled)
                .cloned()
                .collect(),
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
        if kind == CatchKind::Uncaught
            && self.end.as_ref().is_some_and(|e| e.uncaught_at.is_none())
        {
            self.events.push(Event::Message(
                "(the program does not end with an uncaught exception: this catchpoint never stops)"
                    .into(),
            ));
        }
        let id = self.next_bp;
        self.next_bp += 1;
        self.catchpoints.push(Catchpoint {
            id,
            kind,
            enabled: true,
            hits: 0,
        });
        Ok(id)
    }

    /// Replay to the end without moving, to learn how the program ends.
    pub(super) fn learn_end(&mut self) -> Result<(), String> {
        let here = self.cur.pos.time;
        let furthest = self.furthest;
        let n_events = self.events.len();
        let out = self.run(Some(here), false, here, Box::new(|_, _, _| Flow::Continue));
        self.furthest = furthest;
        let mut k = 0;
        self.events.retain(|e| {
            k += 1;
            k <= n_events || !matches!(e, Event::Output(_))
        });
        if out.interrupted {
            return Err(format!("Interrupted; still at time {}.", self.time_text()));
        }
        Ok(())
    }

    /// `info exceptions`: every exception raised in the recording (one replay
    /// from the start, without moving), with where it was caught or that it
    /// ended the program.
    pub fn exceptions(&mut self) -> Result<Vec<String>, String> {
        struct Pending {
            r: Raised,
            ty: String,
        }
        let lines: Rc<RefCell<Vec<String>>> = Default::default();
        let out = lines.clone();
        let mut pending: Option<Pending> = None;
        let flush = |p: Pending, how: String, out: &Rc<RefCell<Vec<String>>>| {
            let _ = p.ty;
            out.borrow_mut().push(format!(
                "[{}] {}  at {}  {how}",
                p.r.pos.time, p.r.text, p.r.place
            ));
        };
        let matcher: Matcher = Box::new(move |vm, k, p| {
            match k {
                StopKind::Raise => {
                    if let Some(old) = pending.take() {
                        flush(old, "(replaced by the next one)".into(), &out);
                    }
                    if let Some(r) = raised_here(vm, p) {
                        let ty = exception_types(vm).first().cloned().unwrap_or_default();
                        pending = Some(Pending { r, ty });
                    }
                }
                StopKind::ExceptionExit => {}
                StopKind::End => {
                    if let Some(old) = pending.take() {
                        flush(old, "ended the program".into(), &out);
                    }
                }
                _ if p.real => {
                    if let Some(old) = pending.take() {
                        let how = match vm.frames.last() {
                            Some(f) => {
                                let c = &f.code.code;
                                format!(
                                    "caught in {} (line {})",
                                    c.name,
                                    c.line_of(f.ip as usize)
                                )
                            }
                            None => "caught".into(),
                        };
                        flush(old, how, &out);
                    }
                }
                _ => {}
            }
            Flow::Continue
        });
        let furthest = self.furthest;
        let n_events = self.events.len();
        let here = self.cur.pos.time;
        let r = self.run(Some(1), false, here, matcher);
        self.furthest = furthest;
        let mut k = 0;
        self.events.retain(|e| {
            k += 1;
            k <= n_events || !matches!(e, Event::Output(_))
        });
        if r.interrupted {
            return Err(format!("Interrupted; still at time {}.", self.time_text()));
        }
        let v = std::mem::take(&mut *lines.borrow_mut());
        Ok(v)
    }
}

impl Engine {
    /// At a `!!` stop: the exception leaving the frame (`Type: message`).
    pub fn exception_leaving(&mut self) -> Option<String> {
        if self.cur.kind != StopKind::ExceptionExit {
            return None;
        }
        let Value::Obj(e) = self.cur.vm.exception_in_flight else {
            return None;
        };
        let mut c = expr::sandbox(&mut self.cur.vm);
        Some(expr::format_error(&mut c, revpy_vm::PyErr(e)))
    }
}

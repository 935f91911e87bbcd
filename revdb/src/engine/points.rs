//! Breakpoints and watchpoints.

use super::*;

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
    /// `ignore N COUNT`: the next COUNT forward crossings do not stop.
    pub ignore: u64,
    /// `commands N`: debugger commands run at each hit (`silent` first: no
    /// position shown).
    pub commands: Vec<String>,
    /// `break SPEC thread N`: only in the thread whose ident is N.
    pub thread: Option<i64>,
}

impl Breakpoint {
    pub fn describe(&self) -> String {
        let at = match &self.spec {
            BreakSpec::Func(f) => f.clone(),
            BreakSpec::Line(Some(f), l) => format!("{f}:{l}"),
            BreakSpec::Line(None, l) => format!("line {l}"),
        };
        match self.thread {
            Some(n) => format!("{at} thread {n}"),
            None => at,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Watchpoint {
    pub id: usize,
    /// What is evaluated (for `watch NAME` of a global: `$N['NAME']`).
    pub expr: String,
    /// How hits name it (the expression, or NAME for `watch NAME`).
    pub label: String,
    /// `watch NAME` of a local: the call it belongs to.
    pub local: Option<Rc<scoped::LocalScope>>,
    /// Repr of the value (or the error) at the current position.
    pub value: String,
    pub enabled: bool,
}

impl Watchpoint {
    /// A value (or error) as hits show it: a watched global that does not exist
    /// (yet, or any more) is `(not defined)`, not its namespace's KeyError.
    pub fn shown(&self, v: &str) -> String {
        let global_name =
            self.local.is_none() && self.expr.ends_with(&format!("['{}']", self.label));
        if global_name && v == format!("KeyError: '{}'", self.label) {
            return "(not defined)".into();
        }
        expr::watch_shown(v)
    }
}

/// What stopped a `continue`/`bcontinue`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    Breakpoint(usize, String),
    Watchpoint(usize, String),
    /// A catchpoint: its number and the exception (`Type: message`).
    Catch(usize, String),
}

/// What a run checks at each stop point: copies of the enabled breakpoints and
/// watch expressions, with what evaluating them needs.
#[derive(Clone)]
pub(super) struct ActivePoints {
    bps: Vec<Breakpoint>,
    /// Crossings each of `bps` still ignores (shared with the engine, which
    /// copies them back after a forward run).
    pub(super) ignores: Rc<RefCell<Vec<u64>>>,
    /// Whether the run goes forward (`ignore` counts only then).
    pub(super) forward: bool,
    pub(super) exprs: Vec<String>,
    pub(super) locals: Vec<Option<Rc<scoped::LocalScope>>>,
    pub(super) catches: catch::ActiveCatches,
    /// The catch hit a run stopped at: (catchpoint, exception text, where raised).
    pub(super) caught: Rc<RefCell<Option<(usize, String, Pos)>>>,
    anchors: expr::Anchors,
    main_file: String,
}

impl ActivePoints {
    pub(super) fn bps_empty(&self) -> bool {
        self.bps.is_empty() && self.catches.is_empty()
    }

    /// At a `Raise` event: whether a catchpoint stops here (remembered in `caught`).
    pub(super) fn catch_hit(&self, vm: &mut Vm, p: Pos) -> bool {
        match self.catches.hit(vm, p, &self.anchors, self.forward) {
            Some((id, text)) => {
                *self.caught.borrow_mut() = Some((id, text, p));
                true
            }
            None => false,
        }
    }

    /// The watch expressions' reprs at stop `t`.
    pub(super) fn watch_values(&self, vm: &mut Vm, t: u64) -> Vec<String> {
        self.exprs
            .iter()
            .zip(&self.locals)
            .map(|(e, l)| match l {
                Some(ls) => ls.value_at(vm, t),
                None => expr::watch_repr(vm, e, &self.anchors),
            })
            .collect()
    }

    /// Whether a breakpoint hits at this stop point. Forward, a breakpoint with
    /// crossings left to ignore uses one up instead of hitting.
    pub(super) fn breakpoint_hit(&self, vm: &mut Vm, kind: StopKind) -> bool {
        let mut hit = false;
        for (i, b) in self.bps.iter().enumerate() {
            if bp_matches(b, vm, kind, &self.main_file, &self.anchors) {
                let mut ig = self.ignores.borrow_mut();
                if self.forward && ig[i] > 0 {
                    ig[i] -= 1;
                } else {
                    hit = true;
                }
            }
        }
        hit
    }
}

impl Engine {
    /// The enabled breakpoints and watch expressions, for a run's matcher.
    pub(super) fn active_points(&self) -> ActivePoints {
        let bps: Vec<Breakpoint> = self
            .breakpoints
            .iter()
            .filter(|b| b.enabled)
            .cloned()
            .collect();
        ActivePoints {
            ignores: Rc::new(RefCell::new(bps.iter().map(|b| b.ignore).collect())),
            forward: false,
            bps,
            exprs: self
                .watchpoints
                .iter()
                .filter(|w| w.enabled)
                .map(|w| w.expr.clone())
                .collect(),
            locals: self
                .watchpoints
                .iter()
                .filter(|w| w.enabled)
                .map(|w| w.local.clone())
                .collect(),
            catches: self.active_catches(),
            caught: Default::default(),
            anchors: self.anchors.clone(),
            main_file: self.program.file.clone(),
        }
    }

    /// A matcher for forward breakpoint and watchpoint hits.
    pub(super) fn hit_matcher(&self) -> (Matcher, ActivePoints) {
        let mut points = self.active_points();
        points.forward = true;
        let shared = points.clone();
        let mut prev: Vec<String> = self
            .watchpoints
            .iter()
            .filter(|w| w.enabled)
            .map(|w| w.value.clone())
            .collect();
        let m: Matcher = Box::new(move |vm, k, p| {
            if k == StopKind::Raise {
                return stop_if(points.catch_hit(vm, p));
            }
            if !p.real {
                return Flow::Continue;
            }
            let mut hit = false;
            if !points.exprs.is_empty() {
                let vals = points.watch_values(vm, p.time);
                hit = vals != prev;
                prev = vals;
            }
            stop_if(hit || points.breakpoint_hit(vm, k))
        });
        (m, shared)
    }

    /// After a forward run: the crossings the breakpoints still ignore.
    pub(super) fn keep_ignores(&mut self, points: &ActivePoints) {
        let ig = points.ignores.borrow();
        for (b, n) in points.bps.iter().zip(ig.iter()) {
            if let Some(mine) = self.breakpoints.iter_mut().find(|x| x.id == b.id) {
                mine.ignore = *n;
            }
        }
        let ig = points.catches.ignores.borrow();
        for (c, n) in points.catches.catches.iter().zip(ig.iter()) {
            if let Some(mine) = self.catchpoints.iter_mut().find(|x| x.id == c.id) {
                mine.ignore = *n;
            }
        }
    }

    /// After a `continue`/`bcontinue`: which breakpoints and watchpoints hit
    /// here. A watchpoint hit says `EXPR: OLD -> NEW` in the program's order:
    /// forward, the value before the motion and now; backward (landing on the
    /// line that changes it), the value now and just after that line.
    pub(super) fn after_hit(&mut self, forward: bool) {
        self.hits.clear();
        let after = self.watch_after.take();
        // Backward, the landing line is the write: in a threaded program, say whose.
        let writer = if self.has_threads() {
            format!(
                " (written by thread {})",
                self.thread_label(self.current_thread())
            )
        } else {
            String::new()
        };
        let mut k = 0;
        for i in 0..self.watchpoints.len() {
            if !self.watchpoints[i].enabled {
                continue;
            }
            let now = self.watch_value(i);
            let w = &self.watchpoints[i];
            let old = w.value.clone();
            if forward {
                if now != old {
                    let (o, n) = (w.shown(&old), w.shown(&now));
                    let what = format!("{}: {o} -> {n}", w.label);
                    self.hits.push(Hit::Watchpoint(w.id, what));
                }
            } else if let Some(a) = after.as_ref().and_then(|a| a.get(k)) {
                if *a != now {
                    let (o, n) = (w.shown(&now), w.shown(a));
                    let what = format!("{}: {o} -> {n}{writer}", w.label);
                    self.hits.push(Hit::Watchpoint(w.id, what));
                }
            } else if now != old {
                self.events.push(Event::Message(format!(
                    "updating watchpoint value: {} => {}",
                    w.label,
                    w.shown(&now)
                )));
            }
            self.watchpoints[i].value = now;
            k += 1;
        }
        let main_file = self.program.file.clone();
        let kind = self.cur.kind;
        let anchors = self.cur_anchors();
        let mut remove = vec![];
        for b in self.breakpoints.iter_mut().filter(|b| b.enabled) {
            if self.cur.pos.real && bp_matches(b, &mut self.cur.vm, kind, &main_file, &anchors) {
                b.hits += 1;
                self.hits.push(Hit::Breakpoint(b.id, b.describe()));
                if let Some(c) = &b.cond {
                    let frame = self.cur.vm.frames.len().checked_sub(1);
                    if let Err(e) = expr::condition_result(&mut self.cur.vm, frame, c, &anchors) {
                        self.events.push(Event::Message(format!(
                            "Error in the condition of breakpoint {} ({c}): {e}",
                            b.id
                        )));
                    }
                }
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
            let v = self.watch_value(i);
            if v != self.watchpoints[i].value {
                self.events.push(Event::Message(format!(
                    "updating watchpoint value: {} => {}",
                    self.watchpoints[i].label,
                    self.watchpoints[i].shown(&v)
                )));
                self.watchpoints[i].value = v;
                changed.push(self.watchpoints[i].id);
            }
        }
        changed
    }

    /// Add a breakpoint; an error if nothing in the program can hit it (no
    /// function of that name, no code on that line) or the condition does not
    /// compile.
    pub fn add_breakpoint(
        &mut self,
        spec: BreakSpec,
        cond: Option<String>,
        temporary: bool,
    ) -> Result<usize, String> {
        self.check_break_spec(&spec)?;
        if let Some(c) = &cond {
            check_condition(c)?;
        }
        let id = self.next_bp;
        self.next_bp += 1;
        self.breakpoints.push(Breakpoint {
            id,
            spec,
            cond,
            temporary,
            enabled: true,
            hits: 0,
            ignore: 0,
            commands: vec![],
            thread: None,
        });
        Ok(id)
    }

    /// Every code object of the program: the main script's, those of the modules
    /// the recording imports (their sources are in the log) and of the bundled
    /// modules loaded by now.
    fn program_code(&self) -> Vec<Rc<CodeObject>> {
        let mut out = vec![];
        self.program.code.walk(&mut out);
        let mut sources: Vec<(&str, &str)> = vec![];
        for r in self.program.effects.iter() {
            if r.kind != EffectKind::ImportRead as u16 {
                continue;
            }
            if let Val::List(parts) = &r.val {
                if let [Val::Str(path), Val::Str(src)] = parts.as_slice() {
                    sources.push((path, src));
                }
            }
        }
        for (file, src) in self.cur.vm.loaded_sources.iter() {
            if file.starts_with("<frozen ") {
                sources.push((file, src));
            }
        }
        for (path, src) in sources {
            if let Ok(c) = revpy_compiler::compile(src, path, CompileMode::Module) {
                c.walk(&mut out);
            }
        }
        out
    }

    fn check_break_spec(&self, spec: &BreakSpec) -> Result<(), String> {
        let code = self.program_code();
        match spec {
            BreakSpec::Func(name) => {
                let found = code.iter().any(|c| func_matches(c, name));
                if found {
                    Ok(())
                } else {
                    Err(format!("No function '{name}' in the program."))
                }
            }
            BreakSpec::Line(file, line) => {
                let in_file: Vec<&Rc<CodeObject>> = code
                    .iter()
                    .filter(|c| file_matches(&c.filename, file.as_deref(), &self.program.file))
                    .collect();
                let shown = file.clone().unwrap_or_else(|| self.program.file.clone());
                if in_file.is_empty() {
                    return Err(format!("No file '{shown}' in the program."));
                }
                let has_code = in_file.iter().any(|c| {
                    c.instrs
                        .iter()
                        .enumerate()
                        .any(|(pc, i)| i.line_start && c.line_of(pc) == *line)
                });
                if has_code {
                    Ok(())
                } else {
                    Err(format!(
                        "Line {line} of {shown} has no code (blank, a comment, or past the end)."
                    ))
                }
            }
        }
    }

    /// Watchpoint `i`'s value at the current position.
    pub(super) fn watch_value(&mut self, i: usize) -> String {
        let t = self.cur.pos.time;
        match self.watchpoints[i].local.clone() {
            Some(ls) => {
                if ls.unresolved_at(t) {
                    self.resolve_scopes(t);
                }
                ls.value_at(&mut self.cur.vm, t)
            }
            None => {
                let anchors = self.cur_anchors();
                expr::watch_repr(&mut self.cur.vm, &self.watchpoints[i].expr, &anchors)
            }
        }
    }

    /// Add a watchpoint; returns its id (its value is in `watchpoints`). A
    /// plain NAME of the selected frame watches that variable of that frame
    /// (a local: that call of the function; a global: its module's).
    pub fn add_watchpoint(&mut self, src: &str) -> Result<usize, String> {
        if let Some((expr, label, local)) = self.scoped_watch(src)? {
            let id = self.next_bp;
            self.next_bp += 1;
            let name = src.trim().to_string();
            self.watchpoints.push(Watchpoint {
                id,
                expr,
                label: name,
                local,
                value: String::new(),
                enabled: true,
            });
            let i = self.watchpoints.len() - 1;
            self.watchpoints[i].value = self.watch_value(i);
            self.events
                .push(Event::Message(format!("Watching {label}")));
            return Ok(id);
        }
        let (text, _) = expr::substitute(src)?;
        if let Some(e) = expr::unmatched_bracket(&text) {
            return Err(e);
        }
        if let Err(e) =
            revpy_compiler::compile(&format!("({text}\n)"), "<watch>", CompileMode::Module)
        {
            return Err(format!("SyntaxError: {}", e.message));
        }
        let id = self.next_bp;
        self.next_bp += 1;
        let anchors = self.cur_anchors();
        let value = expr::watch_repr(&mut self.cur.vm, src, &anchors);
        self.watchpoints.push(Watchpoint {
            id,
            expr: src.to_string(),
            label: src.to_string(),
            local: None,
            value,
            enabled: true,
        });
        Ok(id)
    }

    /// `delete` with no argument: every breakpoint, watchpoint and catchpoint.
    pub fn delete_all(&mut self) -> usize {
        let n = self.breakpoints.len() + self.watchpoints.len() + self.catchpoints.len();
        self.breakpoints.clear();
        self.watchpoints.clear();
        self.catchpoints.clear();
        n
    }

    /// Delete, enable or disable a breakpoint or watchpoint by number.
    pub fn delete(&mut self, id: usize) -> bool {
        let count = |e: &Engine| e.breakpoints.len() + e.watchpoints.len() + e.catchpoints.len();
        let n = count(self);
        self.breakpoints.retain(|b| b.id != id);
        self.watchpoints.retain(|w| w.id != id);
        self.catchpoints.retain(|c| c.id != id);
        n != count(self)
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
        for c in self.catchpoints.iter_mut().filter(|c| c.id == id) {
            c.enabled = on;
            found = true;
        }
        if on && found {
            if let Some(i) = self.watchpoints.iter().position(|w| w.id == id) {
                self.watchpoints[i].value = self.watch_value(i);
            }
        }
        found
    }
}

/// An error if a breakpoint condition does not compile.
pub fn check_condition(c: &str) -> Result<(), String> {
    let (text, _) = expr::substitute(c)?;
    if let Some(e) = expr::unmatched_bracket(&text) {
        return Err(format!("{e} in the condition"));
    }
    if let Err(e) =
        revpy_compiler::compile(&format!("({text}\n)"), "<condition>", CompileMode::Module)
    {
        return Err(format!("SyntaxError in the condition: {}", e.message));
    }
    Ok(())
}

/// Whether a code object is the function a `break FUNC` names: its name, its
/// qualified name, or `module.qualname` (the module by its file's base name).
pub fn func_matches(code: &CodeObject, name: &str) -> bool {
    if code.name.as_ref() == name || code.qualname.as_ref() == name {
        return true;
    }
    let Some((module, rest)) = name.split_once('.') else {
        return false;
    };
    let stem = std::path::Path::new(code.filename.as_ref())
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = if stem == "__init__" {
        std::path::Path::new(code.filename.as_ref())
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    } else {
        stem
    };
    let module_last = module.rsplit('.').next().unwrap_or(module);
    (stem == module || stem == module_last)
        && (code.qualname.as_ref() == rest || code.name.as_ref() == rest)
}

/// Whether breakpoint `b` hits at this stop point.
pub fn bp_matches(
    b: &Breakpoint,
    vm: &mut Vm,
    kind: StopKind,
    main_file: &str,
    anchors: &expr::Anchors,
) -> bool {
    if kind != StopKind::Line {
        return false;
    }
    if let Some(n) = b.thread {
        if vm.threads.current_ident() != n {
            return false;
        }
    }
    let Some(f) = vm.frames.last() else {
        return false;
    };
    let code = &f.code.code;
    let ip = f.ip as usize;
    let at = match &b.spec {
        BreakSpec::Func(name) => {
            func_matches(code, name) && code.instrs.iter().position(|i| i.line_start) == Some(ip)
        }
        BreakSpec::Line(file, line) => {
            let file_ok = file_matches(&code.filename, file.as_deref(), main_file);
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

/// Whether a code object's file is the one a breakpoint names (a path suffix or
/// the base name; no name: the main script).
fn file_matches(filename: &str, wanted: Option<&str>, main_file: &str) -> bool {
    match wanted {
        None => filename == main_file,
        Some(fl) => {
            filename == fl
                || filename.ends_with(&format!("/{fl}"))
                || std::path::Path::new(filename)
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy() == *fl)
        }
    }
}

impl Engine {
    /// `trace SPEC EXPR, ...`: without moving, replay the whole recording and
    /// give one line per time SPEC ran (`[TIME] FILE:LINE EXPR = value, ...`),
    /// evaluating the expressions in that frame. Returns the lines.
    pub fn trace(&mut self, spec: BreakSpec, exprs: &[String]) -> Result<Vec<String>, String> {
        self.check_break_spec(&spec)?;
        for e in exprs {
            check_condition(e).map_err(|m| m.replace(" in the condition", ""))?;
        }
        let bp = Breakpoint {
            id: 0,
            spec,
            cond: None,
            temporary: false,
            enabled: true,
            hits: 0,
            ignore: 0,
            commands: vec![],
            thread: None,
        };
        let main_file = self.program.file.clone();
        let anchors = self.anchors.clone();
        let exprs = exprs.to_vec();
        let lines: Rc<RefCell<Vec<String>>> = Default::default();
        let out = lines.clone();
        // The last code object seen and whether the spec can hit in it: most
        // stop points follow one in the same code.
        let mut last_code: Option<(*const revpy_vm::object::CodeData, bool)> = None;
        let matcher: Matcher = Box::new(move |vm, k, p| {
            if !p.real || k != StopKind::Line {
                return Flow::Continue;
            }
            let Some(f) = vm.frames.last() else {
                return Flow::Continue;
            };
            let ptr = Rc::as_ptr(&f.code);
            let may = match last_code {
                Some((c, m)) if c == ptr => m,
                _ => {
                    let code = &f.code.code;
                    let m = match &bp.spec {
                        BreakSpec::Func(name) => func_matches(code, name),
                        BreakSpec::Line(file, _) => {
                            file_matches(&code.filename, file.as_deref(), &main_file)
                        }
                    };
                    last_code = Some((ptr, m));
                    m
                }
            };
            if !may || !bp_matches(&bp, vm, k, &main_file, &anchors) {
                return Flow::Continue;
            }
            let f = vm.frames.last().expect("frame");
            let code = &f.code.code;
            let line = code.line_of(f.ip as usize);
            let file = std::path::Path::new(code.filename.as_ref())
                .file_name()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let n = vm.frames.len();
            let mut c = expr::sandbox(vm);
            let mut a = anchors.clone();
            a.limit = Some(vm.heap.next_serial());
            let vals: Vec<String> = exprs
                .iter()
                .map(|e| {
                    let v = match expr::eval(&mut c, expr::Scope::Frame(Some(n - 1)), e, true, &a) {
                        Ok(v) => expr::short_repr(&mut c, v),
                        Err(m) => m,
                    };
                    format!("{e} = {v}")
                })
                .collect();
            out.borrow_mut()
                .push(format!("[{}] {file}:{line} {}", p.time, vals.join(", ")));
            Flow::Continue
        });
        let furthest = self.furthest;
        let n_events = self.events.len();
        let here = self.cur.pos.time;
        let r = self.run(Some(1), false, here, matcher);
        // The program's output is shown when the user gets there, not now.
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

//! Motions through time: go, step, next, finish, continue, stepi, both ways.

use super::threads::thread_of;
use super::*;

impl Engine {
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
            raise: false,
        };
        self.go_pos(target, true)
    }

    pub(super) fn go_pos(&mut self, target: Pos, real_only: bool) -> MoveResult {
        let want = target;
        if target.raise {
            // A catchpoint's stop: the raise event itself.
            let saved = std::mem::replace(&mut self.see_raises, true);
            let out = self.run(
                Some(target.time),
                false,
                target.time,
                Box::new(move |_, k, p| stop_if(k == StopKind::Raise && p.key() >= want.key())),
            );
            self.see_raises = saved;
            return self.finish_move(out);
        }
        let released = self.release_cur(target.time);
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
        let r = self.finish_move(out);
        if let (Err(_), Some((pos, sel))) = (&r, released) {
            self.rebuild_cur(pos, sel);
        }
        r
    }

    /// Before a move that starts from a packed checkpoint (far from here): drop
    /// the state here, so that it and the one the move builds are not both in
    /// memory (two copies of a heap the program rewrites). Only where it can
    /// be rebuilt as it was if the move fails (`rebuild_cur`): at a stop point
    /// where the debugger made no objects. The position and the selected frame.
    fn release_cur(&mut self, target: u64) -> Option<(Pos, usize)> {
        let here = self.cur.pos;
        let vm = &self.cur.vm;
        let far = self
            .checkpoints
            .borrow()
            .at_or_before(target)
            .is_some_and(|(_, c)| c.is_packed());
        if !far
            || !here.real
            || self.cur.kind == StopKind::End
            || vm.heap.next_serial() != self.cur.serial_limit
        {
            return None;
        }
        let placeholder = {
            let store = self.checkpoints.borrow();
            let first = store.times().next()?;
            let vm = match store.get(first)? {
                c @ checkpoints::Snap::Fork(_) => c.restore(),
                checkpoints::Snap::Packed(_) => return None,
            };
            vm
        };
        self.cur.vm = placeholder;
        // The checkpoints near here now cost what the state held: back under
        // the budget before the move builds a new heap.
        let mut store = self.checkpoints.borrow_mut();
        store.pin(checkpoints::PIN_CUR, None);
        store.thin(target, self.interval);
        drop(store);
        Some((here, self.frame_sel))
    }

    /// After a failed move that dropped the state (`release_cur`): replay to
    /// where it was (not interruptible: the state is needed).
    fn rebuild_cur(&mut self, pos: Pos, sel: usize) {
        let interrupt = std::mem::take(&mut self.interrupt);
        let out = self.run(
            Some(pos.time),
            false,
            pos.time,
            Box::new(move |_, _, p| stop_if(p.real && p.time >= pos.time)),
        );
        self.interrupt = interrupt;
        if let Some(s) = out.captured {
            self.cur = s;
            self.frame_sel = sel;
            self.pin_cur();
        }
    }

    pub(super) fn finish_move(&mut self, out: RunOutcome) -> MoveResult {
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

    /// Forward to the first stop point after the current position accepted by
    /// `pred`, or to the end.
    pub(super) fn forward(&mut self, instrs: bool, pred: Matcher) -> MoveResult {
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
    pub(super) fn backward(
        &mut self,
        instrs: bool,
        progress: bool,
        make: &dyn Fn() -> Matcher,
    ) -> Result<bool, String> {
        self.search_back(instrs, progress, &|upper| {
            let mut pred = make();
            Box::new(move |vm, k, p| {
                if p.key() >= upper.key() {
                    // The bound itself is seen (watchpoints compare with it).
                    let _ = pred(vm, k, p);
                    return (None, true);
                }
                ((pred(vm, k, p) == Flow::Stop).then_some(p), false)
            })
        })
    }

    /// The backward search loop: run each interval between checkpoints, from the
    /// latest, with a scanner made for its upper bound; the scanner reports hits
    /// (the last one of an interval wins) and when to stop. Moves to the hit.
    pub(super) fn search_back(
        &mut self,
        instrs: bool,
        progress: bool,
        make: &dyn Fn(Pos) -> Scanner,
    ) -> Result<bool, String> {
        self.search_back_until(instrs, progress, make, &|_, _| false)
    }

    /// `search_back`, giving up (no hit) at an upper bound where `nothing_before`
    /// says, from the next object serial there, that nothing can hit before it
    /// (watched objects created later).
    pub(super) fn search_back_until(
        &mut self,
        instrs: bool,
        progress: bool,
        make: &dyn Fn(Pos) -> Scanner,
        nothing_before: &dyn Fn(u64, u64) -> bool,
    ) -> Result<bool, String> {
        let upper0 = self.cur.pos;
        let mut upper = upper0;
        let mut upper_serial = self.cur.serial_limit;
        loop {
            if nothing_before(upper.time, upper_serial) {
                return Ok(false);
            }
            let start = {
                let store = self.checkpoints.borrow();
                if upper.real {
                    store.before(upper.time)
                } else {
                    store.at_or_before(upper.time).map(|(t, _)| t)
                }
            };
            let Some(mut from) = start else {
                return Ok(false);
            };
            // Scan at most about as far again as searched so far: where the
            // checkpoint is further back, replay to a new one first (plain replay
            // is much cheaper than checking every stop point).
            let window = (upper0.time - upper.time).max(self.interval);
            if upper.time - from > 2 * window {
                let mid = upper.time - window;
                // Focused on `mid`: the run leaves checkpoints at doubling
                // distances before it, where the next intervals will start.
                let out = self.run(
                    Some(mid),
                    false,
                    mid,
                    Box::new(move |_, _, p| stop_if(p.real && p.time >= mid)),
                );
                if out.interrupted {
                    return Err(format!("Interrupted; back at time {}.", self.time_text()));
                }
                let placed = self.checkpoints.borrow().before(upper.time);
                from = placed.unwrap_or(from);
            }
            if progress {
                self.progress(from, upper.time);
            }
            // The next interval ends where this one starts; take its position now,
            // as thinning during the scan may drop the checkpoint.
            let from_pos = self.checkpoint_pos(from);
            let from_serial = self
                .checkpoints
                .borrow()
                .get(from)
                .map_or(0, |c| c.info().heap.next_serial());
            let start = Some(from);
            let found: Rc<Cell<Option<Pos>>> = Rc::new(Cell::new(None));
            let f2 = found.clone();
            let mut scan = make(upper);
            // Focused on the search front: the checkpoints the next intervals
            // start from are the ones to keep.
            let out = self.run(
                start,
                instrs,
                from,
                Box::new(move |vm, k, p| {
                    let (hit, stop) = scan(vm, k, p);
                    if hit.is_some() {
                        f2.set(hit);
                    }
                    stop_if(stop)
                }),
            );
            if out.interrupted {
                return Err(format!("Interrupted; back at time {}.", self.time_text()));
            }
            if let Some(h) = found.get() {
                self.go_pos(h, h.real)?;
                return Ok(true);
            }
            upper = from_pos;
            upper_serial = from_serial;
        }
    }

    pub(super) fn go_start(&mut self) -> MoveResult {
        self.go(1)
    }

    // Motions stay in the current thread (threads.rs): `thread_of(vm) == tid`.
    pub fn step(&mut self) -> MoveResult {
        let tid = self.current_thread();
        self.forward(
            false,
            Box::new(move |vm, _, p| stop_if(p.real && thread_of(vm) == tid)),
        )
    }

    pub fn bstep(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let tid = self.current_thread();
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && thread_of(vm) == tid))
        })?;
        if !found {
            self.go_start()?;
        }
        Ok(())
    }

    /// At a stop where the current frame is being left (its `<<` return, or an
    /// exception leaving it): forward motions continue in the caller, not in a later
    /// call at the same depth.
    fn leaving(&self) -> bool {
        self.depth() > 0 && matches!(self.cur.kind, StopKind::Return | StopKind::ExceptionExit)
    }

    /// After a backward motion restricted to frame depth `d` (which also stops at
    /// depth-`d` frame exits): landing on a frame's exit means the search went past
    /// the start of the current frame into an earlier call at the same depth (the
    /// last stop of any finished frame is its exit). Go on back to the caller's stop
    /// that made the current call.
    fn back_past_sibling(&mut self, d: usize, tid: usize) -> MoveResult {
        let sibling = self.depth() == d
            && matches!(self.cur.kind, StopKind::Return | StopKind::ExceptionExit);
        if !sibling {
            return Ok(());
        }
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && vm.frames.len() < d && thread_of(vm) == tid))
        })?;
        if !found {
            self.go_start()?;
        }
        Ok(())
    }

    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> MoveResult {
        let d = self.depth() - self.leaving() as usize;
        let tid = self.current_thread();
        self.forward(
            false,
            Box::new(move |vm, _, p| {
                stop_if(p.real && vm.frames.len() <= d && thread_of(vm) == tid)
            }),
        )
    }

    pub fn bnext(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        // At the end no frame is left: back to the main module's last stop.
        let at_end = self.depth() == 0;
        let d = self.depth().max(1);
        let tid = self.current_thread();
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| {
                stop_if(p.real && vm.frames.len() <= d && thread_of(vm) == tid)
            })
        })?;
        if !found {
            return self.go_start();
        }
        if at_end {
            return Ok(());
        }
        self.back_past_sibling(d, tid)
    }

    pub fn finish(&mut self) -> MoveResult {
        let d = self.depth();
        // Already returning: finish it, to the caller's next stop.
        let own_exit = !self.leaving();
        let tid = self.current_thread();
        self.forward(
            false,
            Box::new(move |vm, k, p| {
                let n = vm.frames.len();
                let exit = matches!(k, StopKind::Return | StopKind::ExceptionExit);
                stop_if(p.real && thread_of(vm) == tid && (n < d || (n == d && exit && own_exit)))
            }),
        )
    }

    pub fn bfinish(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let d = self.depth();
        let tid = self.current_thread();
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && vm.frames.len() < d && thread_of(vm) == tid))
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

    /// `continue`: to the next breakpoint or watchpoint hit, or the end.
    pub fn cont(&mut self) -> MoveResult {
        let (m, points) = self.hit_matcher();
        let saved = std::mem::replace(&mut self.see_raises, !points.catches.is_empty());
        let r = self.forward(false, m);
        self.see_raises = saved;
        self.keep_ignores(&points);
        r?;
        let caught = points.caught.borrow_mut().take();
        self.after_hit(true);
        self.push_catch(caught);
        Ok(())
    }

    /// Report a catchpoint hit.
    fn push_catch(&mut self, caught: Option<(usize, String, Pos)>) {
        if let Some((id, text, _)) = caught {
            if let Some(c) = self.catchpoints.iter_mut().find(|c| c.id == id) {
                c.hits += 1;
            }
            self.hits.push(Hit::Catch(id, text));
        }
    }

    /// `bcontinue`: to the previous hit, or the start.
    pub fn bcont(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let nothing_set = !self.watchpoints.iter().any(|w| w.enabled)
            && !self.breakpoints.iter().any(|b| b.enabled)
            && !self.catchpoints.iter().any(|c| c.enabled);
        self.bcaught = None;
        let saved = std::mem::replace(
            &mut self.see_raises,
            self.catchpoints.iter().any(|c| c.enabled),
        );
        let found = self.bcont_search(nothing_set);
        self.see_raises = saved;
        if !found? {
            self.go_start()?;
            self.update_watches();
            return Err(START.into());
        }
        self.after_hit(false);
        let caught = self.bcaught.take();
        self.push_catch(caught);
        Ok(())
    }

    /// `bcontinue`'s search: moves to the previous hit (false: none).
    fn bcont_search(&mut self, nothing_set: bool) -> Result<bool, String> {
        Ok(if nothing_set {
            false
        } else if self.watchpoints.iter().any(|w| w.enabled) {
            self.backward_watch()?
        } else {
            let points = self.active_points();
            let caught = points.caught.clone();
            // The catch text of the latest hit (hits of an interval come in order).
            let found = self.search_back(false, true, &|upper| {
                let points = points.clone();
                Box::new(move |vm, k, p| {
                    if p.key() >= upper.key() {
                        return (None, true);
                    }
                    if k == StopKind::Raise {
                        return (points.catch_hit(vm, p).then_some(p), false);
                    }
                    let hit = p.real && points.breakpoint_hit(vm, k);
                    if hit {
                        *points.caught.borrow_mut() = None;
                    }
                    (hit.then_some(p), false)
                })
            })?;
            self.bcaught = caught.borrow_mut().take();
            found
        })
    }

    /// Backward search with watchpoints (and breakpoints): the last stop point
    /// before now whose line changes a watched value, or that hits a breakpoint.
    /// The line is the one of the frame that ran when the value changed: after
    /// a callee's return (`<<`), its caller's line that made the call and stored
    /// the result. `self.watch_after` gets the values just after the change.
    pub(super) fn backward_watch(&mut self) -> Result<bool, String> {
        let points = self.active_points();
        let has_bps = !points.bps_empty();
        // The serials each watch needs alive (it is a constant error without them).
        let needs: Vec<Option<u64>> = points.exprs.iter().map(|e| self.newest_anchor(e)).collect();
        let locals = points.locals.clone();
        // A watch is constant before a time: its anchors are created later, or
        // its frame is called later.
        let constant_before = |i: usize, t: u64, serial: u64| match &locals[i] {
            Some(ls) => !ls.exists_before(t),
            None => needs[i].is_some_and(|s| s >= serial),
        };
        let after: Rc<RefCell<Option<Vec<String>>>> = Default::default();
        // Depth of the frame whose line start is the hit, when it lies before
        // the interval the change was found in.
        let refine: Rc<Cell<Option<usize>>> = Default::default();
        let (after2, refine2) = (after.clone(), refine.clone());
        let found = self.search_back_until(
            false,
            true,
            &|upper| {
                let points = points.clone();
                let after = after2.clone();
                let refine = refine2.clone();
                let mut prev: Option<(Pos, StopKind, usize, Vec<String>)> = None;
                // The last line start at each depth.
                let mut lines: Vec<Option<Pos>> = vec![];
                // The latest hit so far (hits may be found out of order: a change
                // seen at p lands on an earlier line start).
                let mut best: Option<Pos> = None;
                Box::new(move |vm, k, p| {
                    if k == StopKind::Raise {
                        if p.key() < upper.key()
                            && best.is_none_or(|b| p.key() > b.key())
                            && points.catch_hit(vm, p)
                        {
                            best = Some(p);
                            refine.set(None);
                            *after.borrow_mut() = None;
                            return (Some(p), false);
                        }
                        return (None, false);
                    }
                    if !p.real {
                        return (None, false);
                    }
                    let n = vm.frames.len();
                    let vals = points.watch_values(vm, p.time);
                    let mut hit = None;
                    let better = |c: Pos, best: &mut Option<Pos>| {
                        let b = best.is_none_or(|b| c.key() > b.key());
                        if b {
                            *best = Some(c);
                        }
                        b
                    };
                    if let Some((pp, pk, pd, pv)) = &prev {
                        if *pv != vals {
                            let d0 = if matches!(pk, StopKind::Return | StopKind::ExceptionExit) {
                                pd.saturating_sub(1)
                            } else {
                                *pd
                            };
                            let (c, r) = match lines.get(d0).copied().flatten() {
                                Some(lp) => (lp, None),
                                None if d0 >= 1 => (*pp, Some(d0)),
                                None => (*pp, None),
                            };
                            if better(c, &mut best) {
                                hit = Some(c);
                                refine.set(r);
                                *after.borrow_mut() = Some(vals.clone());
                                *points.caught.borrow_mut() = None;
                            }
                        }
                    }
                    if p.key() >= upper.key() {
                        return (hit, true);
                    }
                    if k == StopKind::Line {
                        if lines.len() <= n {
                            lines.resize(n + 1, None);
                        }
                        lines[n] = Some(p);
                        lines.truncate(n + 1);
                    }
                    if points.breakpoint_hit(vm, k) && better(p, &mut best) {
                        hit = Some(p);
                        refine.set(None);
                        *after.borrow_mut() = None;
                        *points.caught.borrow_mut() = None;
                    }
                    prev = Some((p, k, n, vals));
                    (hit, false)
                })
            },
            &|t, next_serial| {
                !has_bps
                    && !needs.is_empty()
                    && (0..needs.len()).all(|i| constant_before(i, t, next_serial))
            },
        )?;
        if !found {
            let t = self.cur.pos.time;
            let n = needs.len();
            if !has_bps && n > 0 && (0..n).all(|i| constant_before(i, t, self.cur.serial_limit)) {
                self.events.push(Event::Message(format!(
                    "The watched values cannot change before time {t} (their objects are created, or their calls start, later): nothing to search."
                )));
            }
            return Ok(false);
        }
        if let Some(d0) = refine.get() {
            // The line start of that frame is before the interval: go to it.
            let d = d0.max(1);
            let _ = self.backward(false, false, &|| {
                Box::new(move |vm, k, p| {
                    stop_if(p.real && k == StopKind::Line && vm.frames.len() == d)
                })
            })?;
        }
        self.watch_after = after.borrow_mut().take();
        self.bcaught = points.caught.borrow_mut().take();
        Ok(true)
    }

    /// The newest serial among the anchors an expression uses (None: it uses
    /// none, or one that is not bound).
    pub(super) fn newest_anchor(&self, src: &str) -> Option<u64> {
        let (_, used) = expr::substitute(src).ok()?;
        let mut newest = None;
        for (_, r, _) in used {
            let s = match r {
                expr::AnchorRef::Index(i) => *self.anchors.serials.get(i)?,
                expr::AnchorRef::Serial(s) => s,
            };
            newest = Some(newest.map_or(s, |n: u64| n.max(s)));
        }
        newest
    }

    /// `last EXPR` (backward) / `last -f EXPR`: to where the value last changed.
    pub fn last(&mut self, src: &str, forward: bool) -> MoveResult {
        // `a.b.attr`: anchor the object `a.b` and watch `$N.attr` (valid at any time).
        let src = src.trim();
        // A local or global of the selected frame: followed as `watch NAME` does.
        let scoped = self.scoped_watch(src)?;
        let watched = match split_attr(src) {
            _ if scoped.is_some() => src.to_string(),
            Some((base, attr)) => match self.anchor_of(base) {
                Some(n) => format!("${n}.{attr}"),
                None => self.anchor_names(src),
            },
            // Any other expression: its names that are objects of the program
            // become anchors (`len(lst)` -> `len($0)`).
            None => self.anchor_names(src),
        };
        let mut c = expr::sandbox(&mut self.cur.vm);
        let anchors = self.cur_anchors();
        let checked = match &scoped {
            Some(_) => Ok(Value::None),
            None => expr::eval(&mut c, Scope::Isolated, &watched, true, &anchors),
        };
        if let Err(e) = checked {
            if e.starts_with("NameError") || e.starts_with("SyntaxError") {
                return Err(format!("cannot follow '{src}' through time: {e} (use an expression of anchors, e.g. `last $0.attr`)"));
            }
        }
        let id = usize::MAX;
        let saved_w = std::mem::take(&mut self.watchpoints);
        let saved_b = std::mem::take(&mut self.breakpoints);
        let saved_c = std::mem::take(&mut self.catchpoints);
        let (expr, local) = match scoped {
            Some((e, _, local)) => (e, local),
            None => (watched.clone(), None),
        };
        self.watchpoints.push(Watchpoint {
            id,
            label: watched,
            expr,
            local,
            value: String::new(),
            enabled: true,
        });
        self.watchpoints[0].value = self.watch_value(0);
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
        self.catchpoints = saved_c;
        for h in std::mem::take(&mut self.hits) {
            if let Hit::Watchpoint(_, what) = h {
                self.events.push(Event::Message(what));
            }
        }
        self.update_watches();
        r
    }
}

impl Engine {
    /// `EXPR` with each name that means an object of the program in the
    /// selected frame (not a builtin) written as its anchor `$N`.
    fn anchor_names(&mut self, src: &str) -> String {
        let mut out = String::new();
        let chars: Vec<char> = src.chars().collect();
        let mut i = 0;
        let mut quote: Option<char> = None;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                out.push(c);
                if c == '\\' && i + 1 < chars.len() {
                    out.push(chars[i + 1]);
                    i += 1;
                } else if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            if c == '\'' || c == '"' {
                quote = Some(c);
                out.push(c);
                i += 1;
                continue;
            }
            if c.is_alphabetic() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let prev = chars[..start].iter().rev().find(|c| !c.is_whitespace());
                let attr_or_anchor = matches!(prev, Some('.') | Some('$'));
                let kw_arg = chars[i..].iter().find(|c| !c.is_whitespace()) == Some(&'=')
                    && chars.get(i + 1) != Some(&'=');
                if attr_or_anchor || kw_arg || is_keyword(&word) || self.is_builtin(&word) {
                    out.push_str(&word);
                } else {
                    match self.anchor_of(&word) {
                        Some(n) => out.push_str(&format!("${n}")),
                        None => out.push_str(&word),
                    }
                }
                continue;
            }
            out.push(c);
            i += 1;
        }
        out
    }

    /// Whether a name is found among the builtins (evaluated with no frame).
    fn is_builtin(&mut self, name: &str) -> bool {
        let mut c = expr::sandbox(&mut self.cur.vm);
        let anchors = self.cur_anchors();
        expr::eval(&mut c, Scope::Isolated, name, true, &anchors).is_ok()
    }
}

fn is_keyword(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "not"
            | "in"
            | "is"
            | "if"
            | "else"
            | "for"
            | "lambda"
            | "None"
            | "True"
            | "False"
            | "await"
            | "async"
    )
}

/// `a.b.c` -> (`a.b`, `c`) when the last part is a plain attribute.
pub(super) fn split_attr(src: &str) -> Option<(&str, &str)> {
    let i = src.rfind('.')?;
    let (base, attr) = (&src[..i], &src[i + 1..]);
    let ok = !attr.is_empty()
        && attr.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !attr.starts_with(|c: char| c.is_ascii_digit())
        && !base.is_empty();
    ok.then_some((base, attr))
}

impl Engine {
    /// The line of the innermost frame at a stop.
    fn top_line(vm: &Vm) -> Option<u32> {
        vm.frames.last().map(|f| f.code.code.line_of(f.ip as usize))
    }

    /// `until [LINE]`: forward to a line of this frame greater than the current
    /// one (with LINE: at least LINE), or to where the frame returns.
    pub fn until(&mut self, line: Option<u32>) -> MoveResult {
        if self.leaving() {
            return self.next();
        }
        let d = self.depth();
        let cur = Self::top_line(&self.cur.vm).unwrap_or(0);
        let want = line.unwrap_or(cur + 1);
        self.forward(
            false,
            Box::new(move |vm, k, p| {
                let n = vm.frames.len();
                let line_ok =
                    k == StopKind::Line && n == d && Self::top_line(vm).is_some_and(|l| l >= want);
                let returns = n == d && matches!(k, StopKind::Return | StopKind::ExceptionExit);
                stop_if(p.real && (line_ok || returns || n < d))
            }),
        )
    }

    /// `buntil [LINE]`: back to a line of this frame smaller than the current one
    /// (with LINE: at most LINE), or to where the frame was called.
    pub fn buntil(&mut self, line: Option<u32>) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let at_end = self.depth() == 0;
        let d = self.depth().max(1);
        let tid = self.current_thread();
        let cur = Self::top_line(&self.cur.vm).unwrap_or(u32::MAX);
        let want = line.unwrap_or(cur.saturating_sub(1));
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, k, p| {
                let n = vm.frames.len();
                let line_ok =
                    k == StopKind::Line && n == d && Self::top_line(vm).is_some_and(|l| l <= want);
                let exit = n == d && matches!(k, StopKind::Return | StopKind::ExceptionExit);
                stop_if(p.real && thread_of(vm) == tid && (line_ok || n < d || (exit && !at_end)))
            })
        })?;
        if !found {
            return self.go_start();
        }
        if at_end {
            return Ok(());
        }
        self.back_past_sibling(d, tid)
    }

    /// `go end`: to the last stop point of the program.
    pub fn go_end(&mut self) -> MoveResult {
        match self.end.as_ref().map(|e| e.time) {
            Some(t) => self.go(t),
            None => {
                let here = self.cur.pos.time;
                let out = self.run(
                    Some(here),
                    false,
                    here,
                    Box::new(|_, k, p| stop_if(p.real && k == StopKind::End)),
                );
                self.finish_move(out)
            }
        }
    }

    /// The value the selected frame returns, at a return stop (`retval`).
    pub fn retval(&mut self) -> Result<String, String> {
        if self.cur.kind != StopKind::Return || self.frame_sel != 0 || !self.cur.pos.real {
            return Err("Not at a return: use finish (or step to a << stop) first.".into());
        }
        let v = *self
            .cur
            .vm
            .stack
            .last()
            .ok_or_else(|| "no return value".to_string())?;
        Ok(self.show_value(v, true))
    }
}

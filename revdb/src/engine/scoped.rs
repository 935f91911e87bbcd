//! `watch NAME`: a local or global of the selected frame, scoped to that frame.
//!
//! A global is watched through the module's namespace, anchored: `$N['NAME']`
//! (read from the heap at each stop point). A local belongs to one call of its
//! function: the frame at `index` in the stack from the stop after `call_time`
//! (the caller's stop that made the call) until it returns. Before the call its
//! value is a constant error (so a backward search stops there at once), after
//! the return another one.

use super::*;
use revpy_vm::object::CodeData;

/// Where a local lives in its frame.
#[derive(Clone, Copy, Debug)]
pub enum Slot {
    Fast(usize),
    /// A cell variable (captured by an inner function): cellvars index.
    Cell(usize),
}

#[derive(Debug)]
pub struct LocalScope {
    pub name: String,
    pub func: String,
    index: usize,
    code: Rc<CodeData>,
    slot: Slot,
    /// The last stop before the frame existed.
    pub call_time: u64,
    /// The first stop where it no longer exists, once known.
    exit: Cell<Option<u64>>,
    /// The latest stop where it is known to exist.
    known_alive: Cell<u64>,
}

impl LocalScope {
    /// The value's repr at stop `t` of `vm` (checked in time order by a run:
    /// the first stop where the frame is gone is its return).
    pub fn value_at(&self, vm: &mut Vm, t: u64) -> String {
        self.observe(vm, t);
        if t <= self.call_time {
            return format!(
                "RuntimeError: '{}' belongs to a call of {} that has not started yet",
                self.name, self.func
            );
        }
        let gone = format!(
            "RuntimeError: '{}' belongs to a call of {} that has returned",
            self.name, self.func
        );
        let here =
            vm.frames.len() > self.index && Rc::ptr_eq(&vm.frames[self.index].code, &self.code);
        if !here || self.exit.get().is_some_and(|x| t >= x) {
            return gone;
        }
        let f = &vm.frames[self.index];
        let base = f.base as usize;
        let nv = self.code.code.varnames.len();
        let v = match self.slot {
            Slot::Fast(k) => vm.stack[base + k],
            Slot::Cell(k) => vm.cell_get(vm.stack[base + nv + k]),
        };
        if v.is_undef() {
            return format!(
                "UnboundLocalError: cannot access local variable '{}' where it is not associated with a value",
                self.name
            );
        }
        if let Some(s) = vm.peek_repr(v) {
            return s;
        }
        let mut c = expr::sandbox(vm);
        expr::repr(&mut c, v)
    }

    /// Learn from stop `t` (seen in time order) whether the frame still exists.
    pub fn observe(&self, vm: &Vm, t: u64) {
        if t <= self.call_time || self.exit.get().is_some_and(|x| t >= x) {
            return;
        }
        let here =
            vm.frames.len() > self.index && Rc::ptr_eq(&vm.frames[self.index].code, &self.code);
        if here {
            if t > self.known_alive.get() {
                self.known_alive.set(t);
            }
        } else if t > self.known_alive.get() {
            self.exit.set(Some(t));
        }
    }

    /// Whether a stop at or before `t` can see another value: false when `t`
    /// is before the call.
    pub fn exists_before(&self, t: u64) -> bool {
        t > self.call_time + 1
    }

    /// Whether the value at `t` needs a replay to be known (a time past what
    /// was seen, with the return not seen yet).
    pub fn unresolved_at(&self, t: u64) -> bool {
        t > self.known_alive.get() && self.exit.get().is_none()
    }
}

/// What `watch NAME` watches: the expression, its label, the local scope.
pub(super) type ScopedWatch = (String, String, Option<Rc<LocalScope>>);

impl Engine {
    /// `watch NAME` for a name of the selected frame: Some((the expression to
    /// watch, its label, the local scope)) or None if NAME is not a plain name
    /// of that frame.
    pub(super) fn scoped_watch(&mut self, src: &str) -> Result<Option<ScopedWatch>, String> {
        let name = src.trim();
        let ident = !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit());
        if !ident {
            return Ok(None);
        }
        let Some(fi) = self.frame_index() else {
            return Ok(None);
        };
        let f = self.cur.vm.frames[fi].clone();
        let code = f.code.code.clone();
        let is_function = f.locals.is_none() && code.name.as_ref() != "<module>";
        let slot = if is_function {
            if let Some(k) = code.cellvars.iter().position(|v| v.as_ref() == name) {
                Some(Slot::Cell(k))
            } else {
                code.varnames
                    .iter()
                    .position(|v| v.as_ref() == name)
                    .map(Slot::Fast)
            }
        } else {
            None
        };
        if let Some(slot) = slot {
            // The call: the last stop before now with fewer frames than this one's.
            let index = fi;
            let call_time = self.call_time_of(index)?;
            let ls = Rc::new(LocalScope {
                name: name.to_string(),
                func: code.qualname.to_string(),
                index,
                code: f.code.clone(),
                slot,
                call_time,
                exit: Cell::new(None),
                known_alive: Cell::new(self.cur.pos.time),
            });
            let label = format!(
                "{name} (local of {} called at time {call_time})",
                code.qualname
            );
            return Ok(Some((name.to_string(), label, Some(ls))));
        }
        // A global of the frame's module: its namespace, anchored.
        let serial = self.cur.vm.heap.get(f.globals).serial;
        let n = self.anchor_for(serial);
        let expr = format!("${n}['{name}']");
        let label = format!("{name} (global, as {expr})");
        Ok(Some((expr, label, None)))
    }

    /// The time of the last stop before the frame at `index` existed: the caller's
    /// stop that made the call, or the exit of an earlier call at the same depth made
    /// since.
    fn call_time_of(&mut self, index: usize) -> Result<u64, String> {
        let found: Rc<Cell<Option<u64>>> = Default::default();
        let here = self.cur.pos;
        let saved = self.cur.clone();
        let sel = self.frame_sel;
        let f2 = found.clone();
        let r = self.backward(false, false, &|| {
            let f2 = f2.clone();
            Box::new(move |vm, k, p| {
                // An earlier call at the same depth ended there (its exit is its
                // last stop): the frame did not exist yet either.
                let n = vm.frames.len();
                let sibling_exit =
                    n == index + 1 && matches!(k, StopKind::Return | StopKind::ExceptionExit);
                let hit = p.real && (n <= index || sibling_exit);
                if hit {
                    f2.set(Some(p.time));
                }
                stop_if(hit)
            })
        });
        // Looking must not move: back to where we were.
        let t = match r {
            Ok(true) => self.cur.pos.time,
            Ok(false) => 0,
            Err(e) => {
                self.cur = saved;
                self.frame_sel = sel;
                self.pin_cur();
                return Err(e);
            }
        };
        let _ = found;
        self.cur = saved;
        self.frame_sel = sel;
        self.pin_cur();
        debug_assert_eq!(self.cur.pos, here);
        Ok(t)
    }

    /// Before evaluating scoped watches at `t`: learn whether their frames
    /// still exist there (a replay from the last time they were seen).
    pub(super) fn resolve_scopes(&mut self, t: u64) {
        let scopes: Vec<Rc<LocalScope>> = self
            .watchpoints
            .iter()
            .filter_map(|w| w.local.clone())
            .filter(|ls| ls.unresolved_at(t))
            .collect();
        for ls in scopes {
            let from = ls.known_alive.get();
            let l2 = ls.clone();
            let _ = self.run(
                Some(from),
                false,
                t,
                Box::new(move |vm, _, p| {
                    if !p.real || p.time < from {
                        return Flow::Continue;
                    }
                    l2.observe(vm, p.time);
                    stop_if(p.time >= t || l2.exit.get().is_some())
                }),
            );
        }
    }
}

//! Heap analysis through the engine (`info heap`, `heap diff`, `heap path`,
//! `revpy heap`): states at other times are replayed from checkpoints and
//! examined on copies; the current position does not change.

use super::*;
use crate::analysis::heap::{self, Census, HeapDiff, SiteRecorder};

impl Engine {
    /// A copy of the state at stop point `t` (the current one if `t` is the
    /// current time); the position does not change.
    pub fn state_at(&mut self, t: u64) -> Result<State, String> {
        if self.cur.pos.real && self.cur.pos.time == t {
            return Ok(self.cur.clone());
        }
        self.check_time(t)?;
        let out = self.quiet_run(t, Box::new(move |_, _, p| stop_if(p.real && p.time >= t)));
        match out.captured {
            Some(s) if s.pos.time == t => Ok(s),
            _ => Err(self.past_end(t)),
        }
    }

    /// The time of the program's last stop point, replaying to it if it is not
    /// known yet.
    pub fn end_time(&mut self) -> Option<u64> {
        if self.end.is_none() {
            let from = self.cur.pos.time;
            let _ = self.quiet_run(from, Box::new(|_, _, _| Flow::Continue));
        }
        self.end.as_ref().map(|e| e.time)
    }

    /// A run that looks without moving: the program's output it passes is not
    /// reported (it will be when the user gets there).
    fn quiet_run(&mut self, from: u64, matcher: Matcher) -> RunOutcome {
        let (events, furthest) = (self.events.len(), self.furthest);
        let focus = self.cur.pos.time;
        let out = self.run(Some(from), false, focus, matcher);
        self.events.truncate(events);
        self.furthest = furthest;
        out
    }

    fn check_time(&self, t: u64) -> Result<(), String> {
        if t < 1 {
            return Err("times start at 1".into());
        }
        match &self.end {
            Some(end) if t > end.time => Err(self.past_end(t)),
            _ => Ok(()),
        }
    }

    fn past_end(&self, t: u64) -> String {
        match &self.end {
            Some(end) => format!(
                "time {t} is past the end of the program (it ends at time {})",
                end.time
            ),
            None => format!("time {t} is past the end of the program"),
        }
    }

    /// The objects alive at time `t` (None: now), by type.
    pub fn heap_census(&mut self, t: Option<u64>) -> Result<Census, String> {
        let s = match t {
            Some(t) => self.state_at(t)?,
            None => self.cur.clone(),
        };
        let c = heap::collected_copy(&s.vm);
        Ok(heap::census(&c, s.serial_limit, s.pos.time))
    }

    /// What grew from time `t1` to `t2`, with the allocation sites of the objects
    /// created in between and alive at `t2`.
    pub fn heap_diff(&mut self, t1: u64, t2: u64) -> Result<HeapDiff, String> {
        if t1 >= t2 {
            return Err(format!(
                "the first time ({t1}) must be before the second ({t2})"
            ));
        }
        self.check_time(t2)?;
        let s1 = self.state_at(t1)?;
        let before = heap::census(&heap::collected_copy(&s1.vm), s1.serial_limit, t1);
        // Replay from t1 to t2 noting where objects are created.
        let rec = Rc::new(RefCell::new(SiteRecorder::new(s1.serial_limit)));
        let r = rec.clone();
        let start = s1.serial_limit;
        let out = self.quiet_run(
            t1,
            Box::new(move |vm, k, p| {
                if p.real && p.time >= t1 && vm.heap.next_serial() >= start {
                    r.borrow_mut().on_stop(vm, k);
                }
                stop_if(p.real && p.time >= t2)
            }),
        );
        let s2 = match out.captured {
            Some(s) if s.pos.time == t2 => s,
            _ => return Err(self.past_end(t2)),
        };
        let c2 = heap::collected_copy(&s2.vm);
        let after = heap::census(&c2, s2.serial_limit, t2);
        let rec = rec.borrow();
        Ok(heap::diff(before, after, &c2, start..s2.serial_limit, &rec))
    }

    /// A chain of references from a root to the object with `serial`, now.
    pub fn heap_path(&self, serial: u64) -> Result<Vec<String>, String> {
        if serial >= self.cur.serial_limit {
            return Err(format!(
                "object #{serial} does not exist at time {}",
                self.time_text()
            ));
        }
        heap::path_to(&self.cur.vm, serial)
    }
}

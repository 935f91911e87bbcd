//! `scan`: the whole recording looked at without moving — one replay from the
//! start calling a visitor at every stop point. Front ends build retroactive
//! logpoints and hit counts on it (the DAP server); `trace` is its shell twin.

use super::*;

/// What `scan` calls at each stop point: (the replay's VM, the kind of stop,
/// the time); false stops the scan.
pub type Visitor = Box<dyn FnMut(&mut Vm, StopKind, u64) -> bool>;

impl Engine {
    /// Replay the whole recording from the start without moving, calling
    /// `visit(vm, kind, time)` at every stop point (line starts, returns,
    /// exceptional exits, the end); `visit` returns false to stop early. The
    /// VM it gets is the replay itself: evaluate on a copy (`expr::sandbox`).
    /// The program's output is not reported (the user sees it when they get
    /// there). An error if interrupted (`Engine::interrupt`).
    pub fn scan(&mut self, visit: Visitor) -> MoveResult {
        let mut visit = visit;
        let matcher: Matcher = Box::new(move |vm, k, p| {
            if !p.real {
                return Flow::Continue;
            }
            stop_if(!visit(vm, k, p.time))
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
        Ok(())
    }
}

//! Moving through time: `continue`/`reverseContinue` (the engine's
//! `cont`/`bcont`, plus the breakpoints with hit conditions, whose times are
//! known in advance), `next`/`stepBack` (`next`/`bnext`), `stepIn` (`step`),
//! `stepOut` (`finish`, then one `step` from the function's return into the
//! caller), instruction granularity (`stepi`/`bstepi`) and `goto`
//! (`go TIME`). A motion is answered at once; a `stopped` event follows when it
//! ends: with the hit's reason, or `step` with the description "end of the
//! recording" (or "start of the recording"), or `pause` when interrupted.

use crate::protocol::Request;
use crate::session::{Reply, Session};
use revpy_revdb::engine::{Hit, MoveResult};
use revpy_revdb::Event;
use revpy_vm::StopKind;
use serde_json::{json, Value as Json};
use std::sync::atomic::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Continue,
    ReverseContinue,
    Next,
    StepIn,
    StepOut,
    StepBack,
    NextInstr,
    StepBackInstr,
    Goto(u64),
}

impl Motion {
    fn backward(self) -> bool {
        matches!(
            self,
            Motion::ReverseContinue | Motion::StepBack | Motion::StepBackInstr
        )
    }

    /// Whether the motion stops at breakpoint hits (others pass them by).
    fn stops_at_hits(self) -> bool {
        matches!(self, Motion::Continue | Motion::ReverseContinue)
    }
}

/// Whether a motion's error is an interruption (`pause`).
fn interrupted(r: &MoveResult) -> bool {
    matches!(r, Err(m) if m.starts_with("Interrupted"))
}

impl Session {
    pub(crate) fn motion_request(&mut self, req: &Request, m: Motion) -> Reply {
        self.engine()?;
        let instr = req.opt_str("granularity")? == Some("instruction");
        let m = match (m, instr) {
            (Motion::Next | Motion::StepIn, true) => Motion::NextInstr,
            (Motion::StepBack, true) => Motion::StepBackInstr,
            (m, _) => m,
        };
        let body = if m.stops_at_hits() {
            json!({"allThreadsContinued": true})
        } else {
            Json::Null
        };
        self.out.response(req.seq, &req.command, body);
        self.move_and_stop(m);
        Ok(None)
    }

    /// `goto`: the target is a time (`gotoTargets` gives the times a line ran).
    pub(crate) fn goto(&mut self, req: &Request) -> Reply {
        let t = req.int("targetId")?;
        let eng = self.engine()?;
        if t < 1 {
            return Err("goto: times start at 1".into());
        }
        if let Some(end) = &eng.end {
            if t as u64 > end.time {
                return Err(format!(
                    "goto: time {t} is past the end of the recording (it ends at time {})",
                    end.time
                ));
            }
        }
        self.out.response(req.seq, &req.command, Json::Null);
        self.move_and_stop(Motion::Goto(t as u64));
        Ok(None)
    }

    /// Move, then send the `stopped` event.
    pub(crate) fn move_and_stop(&mut self, m: Motion) {
        let Some(eng) = self.engine.as_mut() else {
            return;
        };
        self.pause.interrupt.store(false, Ordering::SeqCst);
        self.pause.busy.store(true, Ordering::SeqCst);
        eng.hits.clear();
        let before = eng.cur.pos;
        let (r, counted) = match m {
            Motion::Continue => self.cont_counted(true),
            Motion::ReverseContinue => self.cont_counted(false),
            other => {
                let r = match other {
                    Motion::Next => eng.next(),
                    Motion::StepIn => eng.step(),
                    Motion::StepOut => {
                        // `finish` lands on the function's return (`<<`); an
                        // editor's step out lands in the caller: one step more.
                        let depth = eng.cur.vm.frames.len();
                        eng.finish().and_then(|()| {
                            let ret =
                                matches!(eng.cur.kind, StopKind::Return | StopKind::ExceptionExit);
                            if ret && eng.cur.vm.frames.len() == depth && !eng.at_end() {
                                eng.step()
                            } else {
                                Ok(())
                            }
                        })
                    }
                    Motion::StepBack => eng.bnext(),
                    Motion::NextInstr => eng.stepi(),
                    Motion::StepBackInstr => eng.bstepi(),
                    Motion::Goto(t) => eng.go(t),
                    Motion::Continue | Motion::ReverseContinue => Ok(()),
                };
                (r, vec![])
            }
        };
        self.pause.busy.store(false, Ordering::SeqCst);
        self.after_motion(m, before, r, counted);
    }

    /// `cont`/`bcont`, then the nearest time of a breakpoint with a hit
    /// condition if it comes first. Returns the DAP ids of those hit.
    fn cont_counted(&mut self, forward: bool) -> (MoveResult, Vec<i64>) {
        let Some(eng) = self.engine.as_mut() else {
            return (Ok(()), vec![]);
        };
        let now = eng.cur.pos;
        let cand = self.bps.next_counted(now, forward);
        let r = if forward { eng.cont() } else { eng.bcont() };
        let Some((t, ids)) = cand else {
            return (r, vec![]);
        };
        if interrupted(&r) {
            return (r, vec![]);
        }
        let p = eng.cur.pos;
        // A raise (TIME.N) comes after the stop point TIME.
        let (first, same) = if forward {
            (
                p.time > t || (p.time == t && !p.real),
                p.time == t && p.real,
            )
        } else {
            (t > p.time, t == p.time && p.real)
        };
        if first {
            eng.hits.clear();
            match eng.go(t) {
                Ok(()) => {
                    eng.update_watches();
                    (Ok(()), ids)
                }
                Err(e) => (Err(e), vec![]),
            }
        } else if same {
            (r, ids)
        } else {
            (r, vec![])
        }
    }

    fn after_motion(
        &mut self,
        m: Motion,
        before: revpy_revdb::Pos,
        r: MoveResult,
        counted: Vec<i64>,
    ) {
        let Some(eng) = self.engine.as_mut() else {
            return;
        };
        self.handles.clear();
        self.break_mode = None;
        eng.frame_sel = 0;
        if !m.stops_at_hits() || (r.is_err() && counted.is_empty()) {
            eng.hits.clear();
            eng.update_watches();
        }
        let hits = std::mem::take(&mut eng.hits);
        let now = eng.cur.pos;
        let backward = (now.instr, now.time) < (before.instr, before.time);
        let at_end = eng.at_end();
        let at_start = eng.at_start();
        let time = eng.time_text();
        let end_message = eng.end.as_ref().map(|e| e.message());
        let uncaught: Vec<usize> = eng
            .catchpoints
            .iter()
            .filter(|c| c.kind == revpy_revdb::engine::CatchKind::Uncaught)
            .map(|c| c.id)
            .collect();
        self.flush_events();
        if let Err(msg) = &r {
            if interrupted(&r) {
                self.out.output("console", &format!("{msg}\n"));
                return self.send_stopped(
                    "pause",
                    "paused (search interrupted)",
                    Some(msg),
                    vec![],
                );
            }
        }
        // (rank, reason): an exception outranks a data breakpoint, which
        // outranks a breakpoint.
        let mut reason: Option<(u8, &str)> = None;
        let mut ids = counted.clone();
        let mut texts = vec![];
        let pre = if backward { "Reverse-hit" } else { "Hit" };
        if !counted.is_empty() {
            reason = Some((0, "breakpoint"));
            self.out.output(
                "console",
                &format!("{pre} breakpoint (hit condition) at time {time}\n"),
            );
        }
        for h in hits {
            let (rank, why, id, what) = match h {
                Hit::Breakpoint(id, what) => (0, "breakpoint", id, what),
                Hit::Watchpoint(id, what) => (1, "data breakpoint", id, what),
                Hit::Catch(id, what) => {
                    self.break_mode = Some(if uncaught.contains(&id) {
                        "unhandled"
                    } else {
                        "always"
                    });
                    (2, "exception", id, what)
                }
            };
            self.out
                .output("console", &format!("{pre} {why}: {what}\n"));
            if rank > 0 {
                texts.push(what);
            }
            if let Some(d) = self.bps.dap_id(id) {
                ids.push(d);
            }
            if reason.is_none_or(|(r, _)| rank > r) {
                reason = Some((rank, why));
            }
        }
        let text = (!texts.is_empty()).then(|| texts.join("; "));
        if let Some((_, why)) = reason {
            let desc = format!("{why} (time {time})");
            return self.send_stopped(why, &desc, text.as_deref(), ids);
        }
        if at_end {
            let msg = end_message.unwrap_or_else(|| "The program has finished.".into());
            return self.send_stopped("step", "end of the recording", Some(&msg), vec![]);
        }
        if at_start && m.backward() {
            let msg = "At the start of the program.";
            return self.send_stopped("step", "start of the recording", Some(msg), vec![]);
        }
        if let Err(msg) = &r {
            self.out.output("console", &format!("{msg}\n"));
        }
        let why = match m {
            Motion::Goto(_) => "goto",
            _ => "step",
        };
        self.send_stopped(
            why,
            &format!("{why} (time {time})"),
            r.err().as_deref(),
            vec![],
        );
    }

    pub(crate) fn send_stopped(
        &self,
        reason: &str,
        description: &str,
        text: Option<&str>,
        ids: Vec<i64>,
    ) {
        let mut body = json!({
            "reason": reason,
            "threadId": 1,
            "allThreadsStopped": true,
            "description": description,
            "preserveFocusHint": false,
        });
        if let Some(t) = text {
            body["text"] = json!(t);
        }
        if !ids.is_empty() {
            body["hitBreakpointIds"] = json!(ids);
        }
        self.out.event("stopped", body);
    }

    pub(crate) fn stopped_at_entry(&mut self) {
        let time = self
            .engine
            .as_ref()
            .map(|e| e.time_text())
            .unwrap_or_default();
        self.send_stopped("entry", &format!("entry (time {time})"), None, vec![]);
    }

    /// Send what the engine has to say: the program's output (when the replay
    /// shows it), messages on the console.
    pub(crate) fn flush_events(&mut self) {
        let Some(eng) = self.engine.as_mut() else {
            return;
        };
        for e in std::mem::take(&mut eng.events) {
            match e {
                Event::Output(t) if self.replay_output => self.out.output("stdout", &t),
                Event::Message(m) => self.out.output("console", &format!("{m}\n")),
                Event::Output(_) | Event::Searching(..) => {}
            }
        }
    }
}

//! The motions: commands that move through time (`Kind::Motion` in the table).
//! Each moves the engine, then `Shell::after_motion` reports what happened.

use super::{Call, Shell};
use crate::engine::{Engine, Event, Hit, MoveResult, Pos};

/// Whether a motion stops at breakpoint and watchpoint hits and reports them
/// (`continue`, `bcontinue`, `last`), or passes them by.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Hits {
    Report,
    PassBy,
}

pub(super) fn step(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::step, Hits::PassBy)
}

pub(super) fn bstep(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::bstep, Hits::PassBy)
}

pub(super) fn next(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::next, Hits::PassBy)
}

pub(super) fn bnext(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::bnext, Hits::PassBy)
}

pub(super) fn nthread(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::nthread, Hits::PassBy)
}

pub(super) fn bthread(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::bthread, Hits::PassBy)
}

pub(super) fn thread(sh: &mut Shell, call: &Call) {
    let arg = call.arg.trim();
    if arg.is_empty() {
        let i = sh.engine.current_thread();
        let label = sh.engine.thread_label(i);
        sh.say(&format!("Current thread: {label}"));
        return;
    }
    let Ok(n) = arg.parse::<i64>() else {
        return sh.usage("thread");
    };
    let before = sh.engine.cur.pos;
    match sh.engine.select_thread(n) {
        Ok(()) => {
            let i = sh.engine.current_thread();
            let label = sh.engine.thread_label(i);
            sh.say(&format!("[Switching to thread {label}]"));
            if sh.engine.cur.pos != before {
                sh.show_position();
            }
        }
        Err(e) => sh.err(&e),
    }
}

pub(super) fn finish(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::finish, Hits::PassBy)
}

pub(super) fn bfinish(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::bfinish, Hits::PassBy)
}

pub(super) fn cont(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::cont, Hits::Report)
}

pub(super) fn bcont(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::bcont, Hits::Report)
}

pub(super) fn stepi(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::stepi, Hits::PassBy)
}

pub(super) fn bstepi(sh: &mut Shell, call: &Call) {
    counted(sh, call, Engine::bstepi, Hits::PassBy)
}

pub(super) fn go(sh: &mut Shell, call: &Call) {
    let before = sh.engine.cur.pos;
    let r = match call.arg {
        "end" => sh.engine.go_end(),
        "start" => sh.engine.go(1),
        arg => match parse_time(arg) {
            Ok(t) => sh.engine.go(t),
            Err(e) => Err(format!("*** {e}")),
        },
    };
    sh.after_motion(before, r, Hits::PassBy);
}

pub(super) fn last(sh: &mut Shell, call: &Call) {
    let before = sh.engine.cur.pos;
    let (forward, expr) = match call.arg.strip_prefix("-f") {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => {
            (true, rest.trim())
        }
        _ => (false, call.arg),
    };
    let r = if expr.is_empty() {
        Err(format!("*** {}", super::usage_text("last")))
    } else {
        sh.engine.last(expr, forward)
    };
    sh.after_motion(before, r, Hits::Report);
}

/// A motion taking an optional COUNT: `motion` that many times, stopping at the
/// first error.
fn counted(sh: &mut Shell, call: &Call, motion: fn(&mut Engine) -> MoveResult, hits: Hits) {
    let before = sh.engine.cur.pos;
    let n = match parse_count(call.arg) {
        Ok(n) => n,
        Err(e) => return sh.err(&e),
    };
    let mut r = Ok(());
    for _ in 0..n {
        sh.engine.hits.clear();
        r = motion(&mut sh.engine);
        if r.is_err() {
            break;
        }
    }
    sh.after_motion(before, r, hits);
}

impl Shell {
    /// After a motion from `before`: the program's output and the engine's
    /// messages, the hits, the new position, and the error or the end.
    pub(super) fn after_motion(&mut self, before: Pos, r: MoveResult, hits: Hits) {
        if hits == Hits::PassBy || r.is_err() {
            self.engine.hits.clear();
            self.engine.update_watches();
        }
        self.flush_events();
        let hits = std::mem::take(&mut self.engine.hits);
        let now = self.engine.cur.pos;
        let backward = (now.time, now.instr) < (before.time, before.instr);
        // The commands of the breakpoints hit (`commands N`); `silent` first
        // hides the hit and the position.
        let mut commands: Vec<String> = vec![];
        let mut silent = false;
        for h in &hits {
            let list = match h {
                Hit::Breakpoint(id, _) => {
                    let b = self.engine.breakpoints.iter().find(|b| b.id == *id);
                    b.map(|b| b.commands.clone())
                }
                Hit::Catch(id, _) => {
                    let c = self.engine.catchpoints.iter().find(|c| c.id == *id);
                    c.map(|c| c.commands.clone())
                }
                Hit::Watchpoint(..) => None,
            };
            if let Some(mut list) = list {
                if list.first().is_some_and(|c| c.trim() == "silent") {
                    silent = true;
                    list.remove(0);
                }
                commands.extend(list);
            }
        }
        let only_bps = hits
            .iter()
            .all(|h| matches!(h, Hit::Breakpoint(..) | Hit::Catch(..)));
        let silent = silent && only_bps && !hits.is_empty();
        for h in hits {
            let pre = if backward { "Reverse-hit" } else { "Hit" };
            match h {
                Hit::Breakpoint(_, _) | Hit::Catch(_, _) if silent => {}
                Hit::Breakpoint(id, what) => self.say(&format!("{pre} breakpoint {id}: {what}")),
                Hit::Watchpoint(id, what) => self.say(&format!("{pre} watchpoint {id}: {what}")),
                Hit::Catch(id, what) => {
                    self.say(&format!("{pre} catchpoint {id}: Exception raised: {what}"))
                }
            }
        }
        let moved = self.engine.cur.pos != before;
        if moved && !silent {
            self.show_position();
        }
        if moved {
            self.show_displays();
        }
        if !commands.is_empty() {
            self.pending = Some(commands);
        }
        match r {
            Err(m) => self.say(&m),
            Ok(()) if moved && self.engine.at_end() && self.engine.frame_index().is_some() => {
                let m = self
                    .engine
                    .end
                    .as_ref()
                    .map(|e| e.message())
                    .unwrap_or_default();
                self.say(&m);
            }
            Ok(()) => {}
        }
    }

    /// Print what the engine has to say: the program's output (`| ` before each
    /// line), searches, messages.
    pub(super) fn flush_events(&mut self) {
        for e in std::mem::take(&mut self.engine.events) {
            match e {
                Event::Output(text) => {
                    for l in text.lines() {
                        self.say(&format!("| {l}"));
                    }
                }
                Event::Searching(a, b) => self.say(&format!("[searching {a}..{b}]")),
                Event::Message(m) => self.say(&m),
            }
        }
    }
}

/// The argument of `go`: a stop point number (1 or more).
fn parse_time(arg: &str) -> Result<u64, String> {
    if arg.is_empty() {
        return Err("usage: go TIME (a stop point number, 1 or more)".into());
    }
    match arg.parse::<u64>() {
        Ok(0) => Err("times start at 1".into()),
        Ok(t) => Ok(t),
        Err(_) if !arg.is_empty() && arg.bytes().all(|b| b.is_ascii_digit()) => {
            Err(format!("time '{arg}' is too large"))
        }
        Err(_) => Err(format!(
            "bad time '{arg}': expected a stop point number, 1 or more"
        )),
    }
}

/// An optional COUNT (motions, `up`, `down`): 1 when absent.
pub(super) fn parse_count(arg: &str) -> Result<usize, String> {
    if arg.is_empty() {
        return Ok(1);
    }
    match arg.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        Err(_) if arg.bytes().all(|b| b.is_ascii_digit()) => {
            Err(format!("count '{arg}' is too large"))
        }
        _ => Err(format!("bad count '{arg}': expected a positive number")),
    }
}

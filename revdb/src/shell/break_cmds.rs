//! Breakpoints and watchpoints (`Kind::Points` in the table).

use super::{Call, Shell};
use crate::engine::{BreakSpec, CatchKind};

pub(super) fn breakpoint(sh: &mut Shell, call: &Call) {
    sh.breakpoint(call.arg, false)
}

pub(super) fn tbreak(sh: &mut Shell, call: &Call) {
    sh.breakpoint(call.arg, true)
}

pub(super) fn watch(sh: &mut Shell, call: &Call) {
    let arg = call.arg;
    if arg.is_empty() {
        return sh.usage("watch");
    }
    let r = sh.engine.add_watchpoint(arg);
    sh.flush_events();
    match r {
        Ok(id) => {
            let v = sh
                .engine
                .watchpoints
                .iter()
                .find(|w| w.id == id)
                .map(|w| w.shown(&w.value))
                .unwrap_or_default();
            sh.say(&format!("Watchpoint {id} added"));
            sh.say(&format!("updating watchpoint value: {arg} => {v}"));
        }
        Err(e) => sh.err(&e),
    }
}

pub(super) fn delete(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        let n = sh.engine.delete_all();
        sh.say(&format!(
            "Deleted {n} breakpoints, watchpoints and catchpoints"
        ));
        return;
    }
    let ok = point_number(sh, call).map(|id| (id, sh.engine.delete(id)));
    report(sh, ok, "Deleted")
}

pub(super) fn disable(sh: &mut Shell, call: &Call) {
    let ok = point_number(sh, call).map(|id| (id, sh.engine.set_enabled(id, false)));
    report(sh, ok, "Disabled")
}

pub(super) fn enable(sh: &mut Shell, call: &Call) {
    let ok = point_number(sh, call).map(|id| (id, sh.engine.set_enabled(id, true)));
    report(sh, ok, "Enabled")
}

/// The argument N of `delete`, `disable`, `enable` (a usage message if it is not
/// a number).
fn point_number(sh: &mut Shell, call: &Call) -> Option<usize> {
    let n = call.arg.parse::<usize>().ok();
    if n.is_none() {
        sh.usage(call.name);
    }
    n
}

fn report(sh: &mut Shell, done: Option<(usize, bool)>, verb: &str) {
    match done {
        Some((id, true)) => sh.say(&format!("{verb} {id}")),
        Some((id, false)) => sh.err(&format!("no breakpoint or watchpoint number {id}")),
        None => {}
    }
}

impl Shell {
    /// A breakpoint's place: FUNC, Class.method, module.func, FILE:LINE or LINE.
    pub(super) fn parse_spec(&self, spec: &str) -> Result<BreakSpec, String> {
        if let Ok(n) = spec.parse::<u32>() {
            Ok(BreakSpec::Line(Some(self.engine.program.file.clone()), n))
        } else if let Some((file, line)) = spec.rsplit_once(':') {
            match line.parse::<u32>() {
                Ok(n) => Ok(BreakSpec::Line(Some(file.to_string()), n)),
                Err(_) => Err(format!("bad line number in '{spec}'")),
            }
        } else if !spec.is_empty()
            && spec.split('.').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '<' || c == '>')
            })
        {
            Ok(BreakSpec::Func(spec.to_string()))
        } else {
            Err(format!("cannot understand the breakpoint '{spec}': use FUNC, Class.method, module.func, FILE:LINE or LINE"))
        }
    }

    fn breakpoint(&mut self, arg: &str, temporary: bool) {
        if arg.is_empty() {
            if temporary {
                self.usage("tbreak");
            } else {
                self.info("breakpoints");
            }
            return;
        }
        let (spec, cond) = match arg.find(" if ") {
            Some(i) => (arg[..i].trim(), Some(arg[i + 4..].trim().to_string())),
            None => match arg.strip_suffix(" if") {
                Some(s) => (s.trim(), Some(String::new())),
                // pdb's `break LINE, COND`.
                None => match arg.split_once(',') {
                    Some((s, c)) => (s.trim(), Some(c.trim().to_string())),
                    None => (arg, None),
                },
            },
        };
        if cond.as_deref().is_some_and(|c| c.is_empty()) {
            self.err("the condition after 'if' is missing");
            return;
        }
        // `SPEC thread N`: only in that thread.
        let (spec, thread) = match spec.rsplit_once(" thread ") {
            Some((s, n)) => match n.trim().parse::<i64>() {
                Ok(n) if n >= 1 => (s.trim(), Some(n)),
                _ => return self.err(&format!("bad thread number '{}'", n.trim())),
            },
            None => (spec, None),
        };
        let spec = match self.parse_spec(spec) {
            Ok(s) => s,
            Err(e) => return self.err(&e),
        };
        let id = match self.engine.add_breakpoint(spec, cond, temporary) {
            Ok(id) => id,
            Err(m) => {
                self.err(&m);
                return;
            }
        };
        if let Some(b) = self.engine.breakpoints.iter_mut().find(|b| b.id == id) {
            b.thread = thread;
        }
        let b = self.engine.breakpoints.iter().find(|b| b.id == id).cloned();
        if let Some(b) = b {
            let kind = if temporary {
                "Temporary breakpoint"
            } else {
                "Breakpoint"
            };
            let cond = b
                .cond
                .as_ref()
                .map(|c| format!(" if {c}"))
                .unwrap_or_default();
            self.say(&format!("{kind} {id} at {}{cond}", b.describe()));
        }
    }
}

pub(super) fn catch(sh: &mut Shell, call: &Call) {
    let mut words = call.arg.split_whitespace();
    let kind = match words.next() {
        Some("raise") => {
            CatchKind::Raise(words.map(|w| w.trim_end_matches(',').to_string()).collect())
        }
        Some("uncaught") if words.next().is_none() => CatchKind::Uncaught,
        _ => return sh.usage(call.name),
    };
    let r = sh.engine.add_catchpoint(kind);
    sh.flush_events();
    match r {
        Ok(id) => {
            let what = sh
                .engine
                .catchpoints
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.describe())
                .unwrap_or_default();
            sh.say(&format!("Catchpoint {id}: {what}"));
        }
        Err(e) => sh.err(&e),
    }
}

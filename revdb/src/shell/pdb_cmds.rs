//! pdb's everyday commands that are not plain motions or breakpoints: `until`,
//! `display`, `commands`, `condition`, `ignore`, `clear`, `pp`, `whatis`, `args`,
//! `retval`, `restart`, `source`, `alias`.

use super::motion_cmds::Hits;
use super::{Call, Shell};
use crate::engine::Engine;

/// A `display` expression: shown after each motion where its value changed.
pub(super) struct Display {
    pub id: usize,
    pub expr: String,
    /// What was last shown (None: never).
    pub last: Option<String>,
}

pub(super) fn until(sh: &mut Shell, call: &Call) {
    until_either(sh, call, true)
}

pub(super) fn buntil(sh: &mut Shell, call: &Call) {
    until_either(sh, call, false)
}

fn until_either(sh: &mut Shell, call: &Call, forward: bool) {
    let line = if call.arg.is_empty() {
        None
    } else {
        match call.arg.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => return sh.usage(call.name),
        }
    };
    let before = sh.engine.cur.pos;
    let r = if forward {
        sh.engine.until(line)
    } else {
        sh.engine.buntil(line)
    };
    sh.after_motion(before, r, Hits::PassBy);
}

pub(super) fn restart(sh: &mut Shell, _: &Call) {
    let before = sh.engine.cur.pos;
    let r = sh.engine.go(1);
    sh.after_motion(before, r, Hits::PassBy);
}

pub(super) fn display(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        if sh.displays.is_empty() {
            sh.say("No display expressions.");
        }
        let list: Vec<(usize, String)> =
            sh.displays.iter().map(|d| (d.id, d.expr.clone())).collect();
        for (id, e) in list {
            let v = sh.display_value(&e);
            sh.say(&format!("display {id}: {e} = {v}"));
        }
        return;
    }
    sh.next_display += 1;
    let id = sh.next_display;
    let v = sh.display_value(call.arg);
    sh.say(&format!("display {id}: {} = {v}", call.arg));
    sh.displays.push(Display {
        id,
        expr: call.arg.to_string(),
        last: Some(v),
    });
}

pub(super) fn undisplay(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        sh.displays.clear();
        sh.say("All display expressions deleted.");
        return;
    }
    let Ok(n) = call.arg.parse::<usize>() else {
        return sh.usage(call.name);
    };
    let before = sh.displays.len();
    sh.displays.retain(|d| d.id != n);
    if sh.displays.len() == before {
        sh.err(&format!("no display number {n}"));
    } else {
        sh.say(&format!("Deleted display {n}"));
    }
}

pub(super) fn commands(sh: &mut Shell, call: &Call) {
    let id = if call.arg.is_empty() {
        let last_bp = sh.engine.breakpoints.last().map(|b| b.id);
        let last_catch = sh.engine.catchpoints.last().map(|c| c.id);
        last_bp.max(last_catch)
    } else {
        call.arg.parse::<usize>().ok()
    };
    match id {
        Some(id) if sh.engine.has_stopper(id) => {
            sh.defining = Some((id, vec![]));
        }
        Some(id) => sh.err(&format!("no breakpoint number {id}")),
        None => sh.usage(call.name),
    }
}

pub(super) fn condition(sh: &mut Shell, call: &Call) {
    let (num, cond) = match call.arg.split_once(char::is_whitespace) {
        Some((n, c)) => (n, c.trim()),
        None => (call.arg, ""),
    };
    let Ok(id) = num.parse::<usize>() else {
        return sh.usage(call.name);
    };
    let cond = (!cond.is_empty()).then(|| cond.to_string());
    let noun = sh.engine.stopper_noun(id);
    match sh.engine.set_condition(id, cond.clone()) {
        Ok(()) if cond.is_some() => sh.say(&format!("New condition set for {noun} {id}.")),
        Ok(()) => sh.say(&format!(
            "{}{} {id} is now unconditional.",
            noun[..1].to_uppercase(),
            &noun[1..]
        )),
        Err(e) => sh.err(&e),
    }
}

pub(super) fn ignore(sh: &mut Shell, call: &Call) {
    let mut parts = call.arg.split_whitespace();
    let id = parts.next().and_then(|n| n.parse::<usize>().ok());
    let count = match parts.next() {
        None => Some(0),
        Some(c) => c.parse::<u64>().ok(),
    };
    let (Some(id), Some(count)) = (id, count) else {
        return sh.usage(call.name);
    };
    let noun = sh.engine.stopper_noun(id);
    let slot = match sh.engine.breakpoints.iter_mut().find(|b| b.id == id) {
        Some(b) => Some(&mut b.ignore),
        None => sh
            .engine
            .catchpoints
            .iter_mut()
            .find(|c| c.id == id)
            .map(|c| &mut c.ignore),
    };
    match slot {
        Some(ignore) => {
            *ignore = count;
            match count {
                0 => sh.say(&format!("Will stop next time {noun} {id} is reached.")),
                1 => sh.say(&format!("Will ignore next 1 crossing of {noun} {id}.")),
                n => sh.say(&format!("Will ignore next {n} crossings of {noun} {id}.")),
            }
        }
        None => sh.err(&format!("no breakpoint number {id}")),
    }
}

pub(super) fn clear(sh: &mut Shell, call: &Call) {
    let ids: Vec<usize> = if call.arg.is_empty() {
        sh.engine.breakpoints.iter().map(|b| b.id).collect()
    } else if let Ok(n) = call.arg.parse::<usize>() {
        if sh.engine.breakpoints.iter().any(|b| b.id == n) {
            vec![n]
        } else {
            // A bare number is a breakpoint number when there is one, else a line.
            sh.breakpoints_at(call.arg)
        }
    } else {
        sh.breakpoints_at(call.arg)
    };
    if ids.is_empty() {
        return sh.err(&format!("no breakpoint at {}", call.arg));
    }
    for id in ids {
        sh.engine.delete(id);
        sh.say(&format!("Deleted breakpoint {id}"));
    }
}

pub(super) fn pp(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        return sh.usage(call.name);
    }
    let r = sh.engine.pretty(call.arg);
    sh.say(&r);
}

pub(super) fn whatis(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        return sh.usage(call.name);
    }
    let r = sh.engine.whatis(call.arg);
    sh.say(&r);
}

pub(super) fn args(sh: &mut Shell, _: &Call) {
    if sh.engine.frame_index().is_none() {
        return sh.err("the program has finished: no frame");
    }
    for l in sh.engine.args() {
        sh.say(&l);
    }
}

pub(super) fn retval(sh: &mut Shell, _: &Call) {
    match sh.engine.retval() {
        Ok(v) => sh.say(&v),
        Err(e) => sh.err(&e),
    }
}

// The debugger's own command files are the user's, not the program's (clippy.toml).
#[allow(clippy::disallowed_methods)]
pub(super) fn source(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        return sh.usage(call.name);
    }
    if sh.source_depth >= 8 {
        return sh.err("source: files nested too deeply");
    }
    let text = match std::fs::read_to_string(call.arg) {
        Ok(t) => t,
        Err(e) => return sh.err(&format!("cannot read '{}': {e}", call.arg)),
    };
    sh.source_depth += 1;
    for line in text.lines() {
        let p = sh.prompt();
        sh.say(&format!("{p}{line}"));
        if !sh.execute(line) {
            sh.quitting = true;
            break;
        }
    }
    sh.source_depth -= 1;
}

pub(super) fn alias(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        let list: Vec<String> = sh
            .aliases
            .iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        if list.is_empty() {
            sh.say("No aliases.");
        }
        for l in list {
            sh.say(&l);
        }
        return;
    }
    match call.arg.split_once(char::is_whitespace) {
        None => match sh.aliases.get(call.arg).cloned() {
            Some(v) => sh.say(&format!("{} = {v}", call.arg)),
            None => sh.err(&format!("no alias '{}'", call.arg)),
        },
        Some((name, body)) => {
            if super::commands::find(name).is_some() {
                return sh.err(&format!(
                    "'{name}' is a command: an alias cannot replace it"
                ));
            }
            sh.aliases.insert(name.to_string(), body.trim().to_string());
        }
    }
}

pub(super) fn unalias(sh: &mut Shell, call: &Call) {
    if sh.aliases.remove(call.arg).is_none() {
        sh.err(&format!("no alias '{}'", call.arg));
    }
}

/// pdb's alias parameters: `%1`.. the words of the call, `%*` all of them.
pub(super) fn expand_alias(body: &str, arg: &str) -> String {
    let words: Vec<&str> = arg.split_whitespace().collect();
    let mut out = body.replace("%*", arg);
    for (i, w) in words.iter().enumerate().rev() {
        out = out.replace(&format!("%{}", i + 1), w);
    }
    if !body.contains('%') && !arg.is_empty() {
        out = format!("{out} {arg}");
    }
    out
}

impl Shell {
    /// A display expression's value in the selected frame (short repr; no anchors).
    pub(super) fn display_value(&mut self, src: &str) -> String {
        let frame = self.engine.frame_index();
        let anchors = self.engine.cur_anchors();
        let mut c = crate::expr::sandbox(&mut self.engine.cur.vm);
        match crate::expr::eval(
            &mut c,
            crate::expr::Scope::Frame(frame),
            src,
            true,
            &anchors,
        ) {
            Ok(v) => crate::expr::short_repr(&mut c, v),
            Err(e) => e,
        }
    }

    /// After a motion: the displays whose value changed.
    pub(super) fn show_displays(&mut self) {
        for i in 0..self.displays.len() {
            let e = self.displays[i].expr.clone();
            let v = self.display_value(&e);
            if self.displays[i].last.as_deref() != Some(v.as_str()) {
                let id = self.displays[i].id;
                self.say(&format!("display {id}: {e} = {v}"));
                self.displays[i].last = Some(v);
            }
        }
    }

    /// The breakpoints set at SPEC (as `break` takes it).
    fn breakpoints_at(&mut self, spec: &str) -> Vec<usize> {
        let Ok(spec) = self.parse_spec(spec) else {
            return vec![];
        };
        self.engine
            .breakpoints
            .iter()
            .filter(|b| b.spec == spec)
            .map(|b| b.id)
            .collect()
    }
}

impl Engine {
    /// `condition N [COND]`.
    pub fn set_condition(&mut self, id: usize, cond: Option<String>) -> Result<(), String> {
        if let Some(c) = &cond {
            crate::engine::check_condition(c)?;
        }
        if let Some(b) = self.breakpoints.iter_mut().find(|b| b.id == id) {
            b.cond = cond;
            return Ok(());
        }
        match self.catchpoints.iter_mut().find(|c| c.id == id) {
            Some(c) => {
                c.cond = cond;
                Ok(())
            }
            None => Err(format!("no breakpoint number {id}")),
        }
    }

    /// What number `id` names, for messages: "catchpoint" or "breakpoint".
    pub fn stopper_noun(&self, id: usize) -> &'static str {
        if self.catchpoints.iter().any(|c| c.id == id) {
            "catchpoint"
        } else {
            "breakpoint"
        }
    }

    /// Whether a breakpoint or catchpoint has number `id` (they share numbers).
    pub fn has_stopper(&self, id: usize) -> bool {
        self.breakpoints.iter().any(|b| b.id == id) || self.catchpoints.iter().any(|c| c.id == id)
    }
}

pub(super) fn trace(sh: &mut Shell, call: &Call) {
    let Some((spec_text, rest)) = call.arg.split_once(char::is_whitespace) else {
        return sh.usage(call.name);
    };
    let exprs = split_top_commas(rest.trim());
    if exprs.is_empty() {
        return sh.usage(call.name);
    }
    let spec = match sh.parse_spec(spec_text) {
        Ok(s) => s,
        Err(e) => return sh.err(&e),
    };
    match sh.engine.trace(spec, &exprs) {
        Ok(lines) => {
            let n = lines.len();
            for l in lines {
                sh.say(&l);
            }
            let times = if n == 1 { "time" } else { "times" };
            sh.say(&format!("{spec_text} ran {n} {times} in the recording."));
        }
        Err(e) => sh.err(&e),
    }
    sh.flush_events();
}

/// Split at the commas outside brackets and strings.
pub(super) fn split_top_commas(s: &str) -> Vec<String> {
    let mut out = vec![];
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            cur.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur).trim().to_string());
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out.retain(|e| !e.is_empty());
    out
}

pub(super) fn layout(sh: &mut Shell, _: &Call) {
    if sh.interactive {
        sh.want_layout = true;
    } else {
        sh.err("layout needs a terminal (or start with revpy debug --tui)");
    }
}

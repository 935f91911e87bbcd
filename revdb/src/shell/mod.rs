//! The revdb command shell: a thin layer over `Engine`. Interactive (rustyline,
//! history, completion) when stdin is a terminal; otherwise it reads commands line
//! by line and prints a transcript (prompts and commands echoed), for scripts and
//! golden tests.

use crate::engine::{BreakSpec, Engine, Event, Hit, Interrupt};
use revpy_vm::{StopKind, Vm};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;
use std::sync::atomic::Ordering;

/// (names, argument synopsis, help text)
const COMMANDS: &[(&[&str], &str, &str)] = &[
    (&["step", "s", "reverse-step"], "[COUNT]", "Forward one stop point, entering calls."),
    (&["bstep", "bs", "reverse-step"], "[COUNT]", "Back one stop point, entering calls."),
    (&["next", "n"], "[COUNT]", "Forward to the next stop point in this frame (or its caller), skipping calls."),
    (&["bnext", "bn", "reverse-next"], "[COUNT]", "Back to the previous stop point in this frame (or its caller), skipping calls."),
    (&["finish", "f"], "", "Forward to where the current function returns."),
    (&["bfinish", "bf", "reverse-finish"], "", "Back to where the current function was called."),
    (&["continue", "c", "cont"], "", "Forward to the next breakpoint or watchpoint hit, or the end."),
    (&["bcontinue", "bc", "reverse-continue"], "", "Back to the previous breakpoint or watchpoint hit, or the start."),
    (&["stepi", "si"], "[COUNT]", "Forward one bytecode instruction."),
    (&["bstepi", "bsi", "reverse-stepi"], "[COUNT]", "Back one bytecode instruction."),
    (&["go"], "TIME", "Jump to a time (breakpoints ignored)."),
    (&["last"], "[-f] EXPR", "Back (-f: forward) to where the value of EXPR last changed. EXPR.attr follows the object EXPR."),
    (&["print", "p"], "EXPR", "Evaluate EXPR in the selected frame; objects of the program are bound to $N."),
    (&["!"], "STMT", "Execute a statement in the selected frame (its effects vanish when time moves)."),
    (&["backtrace", "bt", "where", "w"], "", "Show the stack, most recent call last."),
    (&["up", "u"], "[COUNT]", "Select the calling frame."),
    (&["down", "d"], "[COUNT]", "Select the called frame."),
    (&["list", "l"], "", "Show the source around the current line."),
    (&["ll", "longlist"], "", "Show the whole current function."),
    (&["locals"], "", "Local names and values of the selected frame."),
    (&["globals"], "", "Global names and values of the selected frame."),
    (&["dis"], "", "Disassemble the current function, marking the current instruction with -->."),
    (&["break", "b"], "[FUNC | Class.method | FILE:LINE | LINE] [if COND]", "Set a breakpoint (alone: list them)."),
    (&["tbreak"], "SPEC [if COND]", "Set a one-shot breakpoint."),
    (&["watch"], "EXPR", "Watch EXPR (builtins and $N anchors only): stop where its repr changes."),
    (&["delete", "del"], "N", "Delete breakpoint or watchpoint N."),
    (&["disable"], "N", "Disable breakpoint or watchpoint N."),
    (&["enable"], "N", "Enable breakpoint or watchpoint N."),
    (&["info"], "[breakpoints|watchpoints|checkpoints|stack|anchors]", "Information about the session."),
    (&["help", "h"], "[CMD]", "List the commands, or describe one."),
    (&["quit", "q", "exit"], "", "Leave the debugger."),
];

const INFO_TOPICS: &[(&str, &str)] = &[
    ("breakpoints", "the breakpoints and their hit counts"),
    (
        "watchpoints",
        "the watch expressions and their current values",
    ),
    (
        "checkpoints",
        "the times of the snapshots kept, with their estimated size",
    ),
    ("stack", "the operand stack of the selected frame"),
    ("anchors", "the $N anchors and the objects' serial numbers"),
];

const MOTIONS: &[&str] = &[
    "step",
    "s",
    "bstep",
    "bs",
    "next",
    "n",
    "bnext",
    "bn",
    "finish",
    "f",
    "bfinish",
    "bf",
    "continue",
    "c",
    "cont",
    "bcontinue",
    "bc",
    "stepi",
    "si",
    "bstepi",
    "bsi",
    "reverse-step",
    "reverse-next",
    "reverse-finish",
    "reverse-continue",
    "reverse-stepi",
    "go",
    "last",
];

pub struct Shell {
    pub engine: Engine,
    last_motion: Option<String>,
    out: Out,
    /// The output buffer of a shell made by `in_memory`.
    captured: Option<Rc<RefCell<Vec<u8>>>>,
}

/// The interrupt flag of the engine the interactive shell drives (Ctrl-C).
static SIGINT_TARGET: std::sync::OnceLock<Interrupt> = std::sync::OnceLock::new();

extern "C" fn on_sigint(_: libc::c_int) {
    if let Some(flag) = SIGINT_TARGET.get() {
        flag.store(true, Ordering::SeqCst);
    }
}

impl Shell {
    pub fn new(mut engine: Engine, out: Box<dyn Write>) -> Shell {
        let out = Out(Rc::new(RefCell::new(out)));
        // Backward searches report each interval as they start it.
        let mut progress = out.clone();
        engine.on_progress = Some(Box::new(move |a, b| {
            let _ = writeln!(progress, "[searching {a}..{b}]");
            let _ = progress.flush();
        }));
        Shell {
            engine,
            last_motion: None,
            out,
            captured: None,
        }
    }

    /// A shell that keeps its output in memory, for running commands without a
    /// terminal (tests, fuzzing, other front ends): see `command`.
    pub fn in_memory(engine: Engine) -> Shell {
        let buf = Rc::new(RefCell::new(Vec::new()));
        let mut sh = Shell::new(engine, Box::new(SharedBuf(buf.clone())));
        sh.captured = Some(buf);
        sh
    }

    /// Run one command line and return what it printed (for a shell made by
    /// `in_memory`; others print to their writer and return ""), and whether
    /// the session goes on (false after `quit`).
    pub fn command(&mut self, line: &str) -> (String, bool) {
        let go_on = self.execute(line);
        let _ = self.out.flush();
        let text = match &self.captured {
            Some(b) => String::from_utf8_lossy(&std::mem::take(&mut *b.borrow_mut())).into_owned(),
            None => String::new(),
        };
        (text, go_on)
    }

    fn say(&mut self, s: &str) {
        let _ = writeln!(self.out, "{s}");
    }

    pub fn prompt(&self) -> String {
        format!("({})$ ", self.engine.time_text())
    }

    /// Show the starting position.
    pub fn banner(&mut self) {
        self.flush_events();
        self.show_position();
    }

    /// Run one command line; returns false to quit.
    pub fn execute(&mut self, line: &str) -> bool {
        self.engine.interrupt.store(false, Ordering::SeqCst);
        let line = line.trim();
        let line = if line.is_empty() {
            match &self.last_motion {
                Some(m) => m.clone(),
                None => return true,
            }
        } else {
            line.to_string()
        };
        if let Some(stmt) = line.strip_prefix('!') {
            if let Some(e) = self.engine.exec(stmt.trim()) {
                self.say(&e);
            }
            return true;
        }
        let (cmd, arg) = match line.find(char::is_whitespace) {
            Some(i) => (&line[..i], line[i..].trim()),
            None => (line.as_str(), ""),
        };
        if MOTIONS.contains(&cmd) {
            self.last_motion = Some(line.clone());
            self.motion(cmd, arg);
            return true;
        }
        match cmd {
            "quit" | "q" | "exit" => return false,
            "p" | "print" => {
                if arg.is_empty() {
                    self.say("*** usage: p EXPR");
                } else {
                    let r = self.engine.print(arg);
                    self.say(&r);
                }
            }
            "bt" | "backtrace" | "where" | "w" => self.backtrace(),
            "up" | "u" | "down" | "d" => {
                let n = match parse_count(arg) {
                    Ok(n) => n,
                    Err(e) => return self.err(&e),
                };
                let frames = self.engine.cur.vm.frames.len();
                let sel = self.engine.frame_sel;
                let new = if cmd.starts_with('u') {
                    if sel + 1 >= frames {
                        return self.err("Oldest frame");
                    }
                    (sel + n).min(frames.saturating_sub(1))
                } else {
                    if sel == 0 {
                        return self.err("Newest frame");
                    }
                    sel.saturating_sub(n)
                };
                self.engine.frame_sel = new;
                self.show_position();
            }
            "list" | "l" => self.list(false),
            "ll" | "longlist" => self.list(true),
            "locals" => self.names(false),
            "globals" => self.names(true),
            "dis" => self.dis(),
            "break" | "b" | "tbreak" => self.breakpoint(arg, cmd == "tbreak"),
            "watch" => {
                if arg.is_empty() {
                    return self.err("usage: watch EXPR");
                }
                match self.engine.add_watchpoint(arg) {
                    Ok(id) => {
                        let v = self
                            .engine
                            .watchpoints
                            .iter()
                            .find(|w| w.id == id)
                            .map(|w| w.value.clone())
                            .unwrap_or_default();
                        self.say(&format!("Watchpoint {id} added"));
                        self.say(&format!("updating watchpoint value: {arg} => {v}"));
                    }
                    Err(e) => {
                        self.err(&e);
                    }
                }
            }
            "delete" | "del" | "disable" | "enable" => {
                let Ok(id) = arg.parse::<usize>() else {
                    return self.err(&format!("usage: {cmd} N"));
                };
                let ok = match cmd {
                    "disable" => self.engine.set_enabled(id, false),
                    "enable" => self.engine.set_enabled(id, true),
                    _ => self.engine.delete(id),
                };
                if ok {
                    let verb = match cmd {
                        "disable" => "Disabled",
                        "enable" => "Enabled",
                        _ => "Deleted",
                    };
                    self.say(&format!("{verb} {id}"));
                } else {
                    self.err(&format!("no breakpoint or watchpoint number {id}"));
                }
            }
            "info" => self.info(arg),
            "help" | "h" => self.help(arg),
            _ => {
                self.err(&format!(
                    "Unknown command: '{cmd}' (type 'help' for a list)"
                ));
            }
        }
        true
    }

    fn err(&mut self, msg: &str) -> bool {
        self.say(&format!("*** {msg}"));
        true
    }

    fn motion(&mut self, cmd: &str, arg: &str) {
        let before = self.engine.cur.pos;
        let r = match cmd {
            "go" => match parse_time(arg) {
                Ok(t) => self.engine.go(t),
                Err(e) => Err(format!("*** {e}")),
            },
            "last" => {
                let (fwd, e) = match arg.strip_prefix("-f") {
                    Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => {
                        (true, rest.trim())
                    }
                    _ => (false, arg),
                };
                if e.is_empty() {
                    Err("*** usage: last [-f] EXPR".into())
                } else {
                    self.engine.last(e, fwd)
                }
            }
            _ => {
                let n = match parse_count(arg) {
                    Ok(n) => n,
                    Err(e) => {
                        self.err(&e);
                        return;
                    }
                };
                let mut r = Ok(());
                for _ in 0..n {
                    self.engine.hits.clear();
                    r = match cmd {
                        "step" | "s" => self.engine.step(),
                        "bstep" | "bs" | "reverse-step" => self.engine.bstep(),
                        "next" | "n" => self.engine.next(),
                        "bnext" | "bn" | "reverse-next" => self.engine.bnext(),
                        "finish" | "f" => self.engine.finish(),
                        "bfinish" | "bf" | "reverse-finish" => self.engine.bfinish(),
                        "continue" | "c" | "cont" => self.engine.cont(),
                        "bcontinue" | "bc" | "reverse-continue" => self.engine.bcont(),
                        "stepi" | "si" => self.engine.stepi(),
                        _ => self.engine.bstepi(),
                    };
                    if r.is_err() {
                        break;
                    }
                }
                r
            }
        };
        if !matches!(
            cmd,
            "continue" | "c" | "cont" | "bcontinue" | "bc" | "reverse-continue" | "last"
        ) || r.is_err()
        {
            self.engine.hits.clear();
            self.engine.update_watches();
        }
        self.flush_events();
        let hits = std::mem::take(&mut self.engine.hits);
        let backward = self.engine.cur.pos.time < before.time;
        for h in hits {
            let pre = if backward { "Reverse-hit" } else { "Hit" };
            match h {
                Hit::Breakpoint(id, what) => self.say(&format!("{pre} breakpoint {id}: {what}")),
                Hit::Watchpoint(id, what) => self.say(&format!("{pre} watchpoint {id}: {what}")),
            }
        }
        let moved = self.engine.cur.pos != before;
        if moved {
            self.show_position();
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

    fn flush_events(&mut self) {
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

    /// (file, line, function) of frame `i` of the current state.
    fn frame_info(&self, i: usize) -> (String, u32, String) {
        let vm = &self.engine.cur.vm;
        let f = &vm.frames[i];
        let code = &f.code.code;
        let top = i + 1 == vm.frames.len();
        let line = if top {
            code.line_of(f.ip as usize)
        } else {
            f.line()
        };
        (code.filename.to_string(), line, code.name.to_string())
    }

    fn marker(&self) -> &'static str {
        if self.engine.frame_sel > 0 {
            return "> ";
        }
        match self.engine.cur.kind {
            StopKind::Return => "<<",
            StopKind::ExceptionExit => "!!",
            _ => "> ",
        }
    }

    fn show_position(&mut self) {
        let Some(i) = self.engine.frame_index() else {
            let m = match &self.engine.end {
                Some(e) => e.message(),
                None => "The program has finished.".into(),
            };
            self.say(&m);
            return;
        };
        let (file, line, func) = self.frame_info(i);
        self.say(&format!("File \"{file}\", line {line} in {func}:"));
        self.listing(&file, line, line.saturating_sub(2), line + 2);
    }

    fn listing(&mut self, file: &str, cur: u32, from: u32, to: u32) {
        let Some(lines) = self.engine.source_lines(file) else {
            self.say(&format!("  (no source for {file})"));
            return;
        };
        let marker = self.marker();
        for n in from.max(1)..=to.min(lines.len() as u32) {
            let text = &lines[n as usize - 1];
            let m = if n == cur { marker } else { "  " };
            let l = format!("{m}{n:>4}  {text}");
            self.say(l.trim_end());
        }
    }

    fn list(&mut self, whole: bool) {
        let Some(i) = self.engine.frame_index() else {
            self.err("the program has finished: no frame");
            return;
        };
        let (file, line, _) = self.frame_info(i);
        if whole {
            let code = self.engine.cur.vm.frames[i].code.code.clone();
            let first = code.first_line;
            let last = code.lines.iter().copied().max().unwrap_or(first).max(first);
            self.listing(&file, line, first, last);
        } else {
            self.listing(&file, line, line.saturating_sub(5), line + 5);
        }
    }

    fn backtrace(&mut self) {
        let n = self.engine.cur.vm.frames.len();
        if n == 0 {
            self.say("The program has finished: no frames.");
            return;
        }
        let sel = self.engine.frame_index();
        self.say("Traceback (most recent call last):");
        for i in 0..n {
            let (file, line, func) = self.frame_info(i);
            let m = if Some(i) == sel { ">" } else { " " };
            self.say(&format!("{m} File \"{file}\", line {line}, in {func}"));
            if let Some(src) = self.engine.source_lines(&file) {
                if let Some(t) = src.get(line as usize - 1) {
                    let t = t.trim().to_string();
                    self.say(&format!("    {t}"));
                }
            }
        }
    }

    fn names(&mut self, globals: bool) {
        let Some(i) = self.engine.frame_index() else {
            self.err("the program has finished: no frame");
            return;
        };
        let mut vm = crate::expr::sandbox(&mut self.engine.cur.vm);
        let f = vm.frames[i].clone();
        let mut pairs: Vec<(String, revpy_vm::Value)> = vec![];
        let dict = if globals {
            Some(f.globals)
        } else if let Some(l) = f.locals {
            Some(l)
        } else if f.code.code.name.as_ref() == "<module>" {
            Some(f.globals)
        } else {
            let c = f.code.code.clone();
            for (k, name) in c.varnames.iter().enumerate() {
                let v = vm.stack[f.base as usize + k];
                if !v.is_undef() {
                    pairs.push((name.to_string(), v));
                }
            }
            let nv = c.varnames.len();
            for k in 0..c.cellvars.len() + c.freevars.len() {
                let v = vm.cell_get(vm.stack[f.base as usize + nv + k]);
                if !v.is_undef() {
                    pairs.push((c.cell_name(k).to_string(), v));
                }
            }
            None
        };
        if let Some(d) = dict {
            for (k, v) in vm.dict_items(d) {
                let name = vm.str_lossy(k);
                if name != "__builtins__" {
                    pairs.push((name, v));
                }
            }
        }
        for (name, v) in pairs {
            let r = crate::expr::repr(&mut vm, v);
            self.say(&format!("{name} = {r}"));
        }
    }

    fn dis(&mut self) {
        let Some(i) = self.engine.frame_index() else {
            self.err("the program has finished: no frame");
            return;
        };
        let vm: &Vm = &self.engine.cur.vm;
        let f = &vm.frames[i];
        let top = i + 1 == vm.frames.len();
        let pc = if top {
            f.ip as usize
        } else {
            (f.ip as usize).saturating_sub(1)
        };
        let text = revpy_compiler::dis::disassemble_one(&f.code.code, Some(pc));
        let _ = write!(self.out, "{text}");
        if !text.ends_with('\n') {
            self.say("");
        }
    }

    fn breakpoint(&mut self, arg: &str, temporary: bool) {
        if arg.is_empty() {
            if temporary {
                self.err("usage: tbreak FUNC | Class.method | FILE:LINE | LINE [if COND]");
            } else {
                self.info("breakpoints");
            }
            return;
        }
        let (spec, cond) = match arg.find(" if ") {
            Some(i) => (arg[..i].trim(), Some(arg[i + 4..].trim().to_string())),
            None => match arg.strip_suffix(" if") {
                Some(s) => (s.trim(), Some(String::new())),
                None => (arg, None),
            },
        };
        if cond.as_deref().is_some_and(|c| c.is_empty()) {
            self.err("the condition after 'if' is missing");
            return;
        }
        let spec = if let Ok(n) = spec.parse::<u32>() {
            BreakSpec::Line(Some(self.engine.program.file.clone()), n)
        } else if let Some((file, line)) = spec.rsplit_once(':') {
            match line.parse::<u32>() {
                Ok(n) => BreakSpec::Line(Some(file.to_string()), n),
                Err(_) => {
                    self.err(&format!("bad line number in '{spec}'"));
                    return;
                }
            }
        } else if !spec.is_empty()
            && spec.split('.').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '<' || c == '>')
            })
        {
            BreakSpec::Func(spec.to_string())
        } else {
            self.err(&format!("cannot understand the breakpoint '{spec}': use FUNC, Class.method, FILE:LINE or LINE"));
            return;
        };
        let id = match self.engine.add_breakpoint(spec, cond, temporary) {
            Ok(id) => id,
            Err(m) => {
                self.err(&m);
                return;
            }
        };
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

    fn info(&mut self, topic: &str) {
        match topic {
            "" => {
                self.say("info topics:");
                for (t, d) in INFO_TOPICS {
                    self.say(&format!("  info {t:<12} {d}"));
                }
            }
            "breakpoints" | "break" | "b" => {
                if self.engine.breakpoints.is_empty() {
                    self.say("No breakpoints.");
                }
                for b in self.engine.breakpoints.clone() {
                    let cond = b
                        .cond
                        .as_ref()
                        .map(|c| format!(" if {c}"))
                        .unwrap_or_default();
                    let en = if b.enabled { "" } else { " (disabled)" };
                    let t = if b.temporary { " (temporary)" } else { "" };
                    self.say(&format!(
                        "{}: {}{cond}{t}{en}, hit {} times",
                        b.id,
                        b.describe(),
                        b.hits
                    ));
                }
            }
            "watchpoints" | "watch" => {
                if self.engine.watchpoints.is_empty() {
                    self.say("No watchpoints.");
                }
                for w in self.engine.watchpoints.clone() {
                    let en = if w.enabled { "" } else { " (disabled)" };
                    self.say(&format!("{}: {} => {}{en}", w.id, w.expr, w.value));
                }
            }
            "checkpoints" => {
                let (list, total) = self.engine.checkpoint_list();
                self.say(&format!(
                    "{} checkpoints, about {} KiB (budget {} KiB):",
                    list.len(),
                    total / 1024,
                    self.engine.budget() / 1024
                ));
                let times: Vec<String> = list
                    .iter()
                    .map(|(t, b)| format!("{t} ({} KiB)", b / 1024))
                    .collect();
                self.say(&format!(
                    "  at times (with what each alone holds): {}",
                    times.join(", ")
                ));
            }
            "stack" => self.info_stack(),
            "anchors" => {
                for (i, s) in self.engine.anchors.serials.clone().iter().enumerate() {
                    self.say(&format!("${i} = object #{s} (also $#{s})"));
                }
            }
            _ => {
                self.err(&format!(
                    "Unknown info topic '{topic}' (type 'info' for a list)"
                ));
            }
        }
    }

    fn info_stack(&mut self) {
        let Some(i) = self.engine.frame_index() else {
            self.err("the program has finished: no frame");
            return;
        };
        let mut vm = crate::expr::sandbox(&mut self.engine.cur.vm);
        let f = vm.frames[i].clone();
        let start = f.base as usize + f.code.nlocalsplus;
        let end = match vm.frames.get(i + 1) {
            Some(next) => next.ret_sp as usize,
            None => vm.stack.len(),
        };
        let vals: Vec<revpy_vm::Value> =
            vm.stack.get(start..end.max(start)).unwrap_or(&[]).to_vec();
        if vals.is_empty() {
            self.say("The operand stack is empty.");
        }
        for (k, v) in vals.into_iter().enumerate() {
            let r = if v.is_undef() {
                "<NULL>".to_string()
            } else {
                vm.short_repr(v)
            };
            self.say(&format!("[{k}] {r}"));
        }
    }

    fn help(&mut self, arg: &str) {
        if arg.is_empty() {
            self.say("Commands (forward / backward; gdb's reverse-* names work too):");
            for (names, syn, text) in COMMANDS {
                let n = names
                    .iter()
                    .filter(|n| !n.starts_with("reverse-"))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                let head = format!("{n} {syn}");
                self.say(&format!("  {head:<44} {text}"));
            }
            self.say("An empty line repeats the last motion. Times are stop point numbers (the prompt shows the current one).");
            return;
        }
        match COMMANDS.iter().find(|(names, _, _)| names.contains(&arg)) {
            Some((names, syn, text)) => {
                let head = format!("{} {syn}", names.join(", "));
                self.say(head.trim_end());
                self.say(&format!("    {text}"));
            }
            None => {
                self.err(&format!("No help for '{arg}' (type 'help' for a list)"));
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

fn parse_count(arg: &str) -> Result<usize, String> {
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

/// Tab completion of command names.
struct Helper;

impl rustyline::completion::Completer for Helper {
    type Candidate = String;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let head = &line[..pos];
        if head.contains(char::is_whitespace) {
            if let Some(rest) = head.strip_prefix("info ") {
                let c = INFO_TOPICS
                    .iter()
                    .filter(|(t, _)| t.starts_with(rest.trim_start()))
                    .map(|(t, _)| t.to_string())
                    .collect();
                return Ok((pos - rest.trim_start().len(), c));
            }
            return Ok((pos, vec![]));
        }
        let mut c: Vec<String> = COMMANDS
            .iter()
            .flat_map(|(n, _, _)| n.iter())
            .filter(|n| n.starts_with(head))
            .map(|n| n.to_string())
            .collect();
        c.sort();
        c.dedup();
        Ok((0, c))
    }
}
impl rustyline::hint::Hinter for Helper {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for Helper {}
impl rustyline::validate::Validator for Helper {}
impl rustyline::Helper for Helper {}

/// The shell's output, shared with the engine's progress reports.
#[derive(Clone)]
struct Out(Rc<RefCell<Box<dyn Write>>>);

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.borrow_mut().flush()
    }
}

/// A writer into a buffer shared with the shell (`Shell::in_memory`).
struct SharedBuf(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Run the shell: `-x` command file first, then stdin (interactive or not).
pub fn run(engine: Engine, command_file: Option<&str>) -> u8 {
    let interactive = std::io::stdin().is_terminal();
    let mut sh = Shell::new(engine, Box::new(std::io::stdout()));
    sh.banner();
    if let Some(path) = command_file {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                for line in text.lines() {
                    let _ = writeln!(sh.out, "{}{}", sh.prompt(), line);
                    if !sh.execute(line) {
                        return 0;
                    }
                }
            }
            Err(e) => {
                eprintln!("revpy debug: cannot read the command file '{path}': {e}");
                return 2;
            }
        }
    }
    if !interactive {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(sh.out, "{}{}", sh.prompt(), line);
            if !sh.execute(&line) {
                break;
            }
        }
        let _ = sh.out.flush();
        return 0;
    }
    let _ = SIGINT_TARGET.set(sh.engine.interrupt.clone());
    // SAFETY: installing a handler that only stores to an atomic.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
    let history = crate::history::path(HISTORY_FILE);
    let mut ed = match rustyline::Editor::<Helper, rustyline::history::DefaultHistory>::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("revpy debug: cannot start the line editor: {e}");
            return 2;
        }
    };
    ed.set_helper(Some(Helper));
    if let Some(h) = &history {
        if let Err(m) = crate::history::load(&mut ed, h) {
            eprintln!("revpy debug: warning: {m}");
        }
    }
    loop {
        let _ = sh.out.flush();
        match ed.readline(&sh.prompt()) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = ed.add_history_entry(line.as_str());
                }
                if !sh.execute(&line) {
                    break;
                }
            }
            // Ctrl-C at the prompt: a fresh prompt (during a motion it interrupts
            // the motion instead, see `on_sigint`).
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            // Ctrl-D.
            Err(rustyline::error::ReadlineError::Eof) => {
                sh.say("");
                break;
            }
            Err(e) => {
                eprintln!("revpy debug: cannot read the terminal: {e}");
                break;
            }
        }
    }
    if let Some(h) = &history {
        if let Err(m) = crate::history::save(&ed, h) {
            eprintln!("revpy debug: warning: {m}");
        }
    }
    let _ = sh.out.flush();
    0
}

/// The debugger shell's history file, in `$HOME`.
pub const HISTORY_FILE: &str = ".revpy_debug_history";

//! Looking at the current time (`Kind::Inspect` in the table, and `info`):
//! evaluation, the stack, the source, names, bytecode. None of it changes the
//! replayed execution (evaluation runs on copies, see `crate::expr`).

use super::commands::INFO_TOPICS;
use super::{motion_cmds::parse_count, Call, Shell};
use revpy_vm::{StopKind, Vm};
use std::io::Write;

pub(super) fn print(sh: &mut Shell, call: &Call) {
    if call.arg.is_empty() {
        return sh.usage("p");
    }
    let r = sh.engine.print(call.arg);
    sh.say(&r);
}

pub(super) fn exec(sh: &mut Shell, call: &Call) {
    if let Some(e) = sh.engine.exec(call.arg) {
        sh.say(&e);
    }
}

pub(super) fn backtrace(sh: &mut Shell, _: &Call) {
    sh.backtrace()
}

pub(super) fn up(sh: &mut Shell, call: &Call) {
    select_frame(sh, call, true)
}

pub(super) fn down(sh: &mut Shell, call: &Call) {
    select_frame(sh, call, false)
}

fn select_frame(sh: &mut Shell, call: &Call, up: bool) {
    let n = match parse_count(call.arg) {
        Ok(n) => n,
        Err(e) => return sh.err(&e),
    };
    let frames = sh.engine.cur.vm.frames.len();
    let sel = sh.engine.frame_sel;
    let new = if up {
        if sel + 1 >= frames {
            return sh.err("Oldest frame");
        }
        (sel + n).min(frames.saturating_sub(1))
    } else {
        if sel == 0 {
            return sh.err("Newest frame");
        }
        sel.saturating_sub(n)
    };
    sh.engine.frame_sel = new;
    sh.show_position();
}

pub(super) fn list(sh: &mut Shell, call: &Call) {
    sh.list_cmd(call.arg)
}

pub(super) fn longlist(sh: &mut Shell, _: &Call) {
    sh.list(true)
}

pub(super) fn locals(sh: &mut Shell, _: &Call) {
    sh.names(false)
}

pub(super) fn globals(sh: &mut Shell, _: &Call) {
    sh.names(true)
}

pub(super) fn dis(sh: &mut Shell, _: &Call) {
    sh.dis()
}

pub(super) fn info(sh: &mut Shell, call: &Call) {
    sh.info(call.arg)
}

impl Shell {
    /// (file, line, function) of frame `i` of the current state.
    fn frame_info(&self, i: usize) -> (String, u32, String) {
        let vm = &self.engine.cur.vm;
        let f = &vm.frames[i];
        let code = &f.code.code;
        let line = self.engine.frame_line(i);
        (code.filename.to_string(), line, code.name.to_string())
    }

    fn marker(&self) -> &'static str {
        if self.engine.frame_sel > 0 {
            return "> ";
        }
        match self.engine.cur.kind {
            StopKind::Return => "<<",
            StopKind::ExceptionExit => "!!",
            StopKind::End if self.engine.post_mortem() => "!!",
            _ => "> ",
        }
    }

    pub(super) fn show_position(&mut self) {
        let Some(i) = self.engine.frame_index() else {
            let m = match &self.engine.end {
                Some(e) => e.message(),
                None => "The program has finished.".into(),
            };
            self.say(&m);
            return;
        };
        let (file, line, func) = self.frame_info(i);
        if self.engine.post_mortem() {
            self.say("Post-mortem: the frames the uncaught exception went through (bt, up, down, p, locals):");
        }
        self.say(&format!("File \"{file}\", line {line} in {func}:"));
        self.listing(&file, line, line.saturating_sub(2), line + 2);
        if self.engine.frame_sel == 0 && self.engine.cur.kind == StopKind::ExceptionExit {
            if let Some(e) = self.engine.exception_leaving() {
                self.say(&format!("!! {e} (leaving {func})"));
            }
        }
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

    /// `list`: 11 lines around the current line; again, the 11 after the last
    /// listing; `l .` around the current line; `l N` around line N; `l A,B`
    /// lines A to B (`l A,N` with N < A: N lines from A).
    fn list_cmd(&mut self, arg: &str) {
        let Some(i) = self.engine.frame_index() else {
            self.err("the program has finished: no frame");
            return;
        };
        let (file, line, _) = self.frame_info(i);
        let here = (self.engine.cur.pos, self.engine.frame_sel);
        let (from, to) = match arg {
            "" => match &self.list_next {
                Some((p, sel, f, next)) if (*p, *sel) == here && *f == file => (*next, next + 10),
                _ => (line.saturating_sub(5).max(1), line + 5),
            },
            "." => (line.saturating_sub(5).max(1), line + 5),
            a => {
                let parsed = match a.split_once(',') {
                    Some((x, y)) => x
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .zip(y.trim().parse::<u32>().ok())
                        .map(|(x, y)| if y < x { (x, x + y) } else { (x, y) }),
                    None => a
                        .parse::<u32>()
                        .ok()
                        .map(|n| (n.saturating_sub(5).max(1), n + 5)),
                };
                match parsed {
                    Some(r) => r,
                    None => return self.usage("list"),
                }
            }
        };
        let total = self
            .engine
            .source_lines(&file)
            .map_or(0, |l| l.len() as u32);
        if from > total {
            self.err("end of file");
            return;
        }
        self.listing(&file, line, from, to);
        self.list_next = Some((here.0, here.1, file, to.min(total) + 1));
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
        if self.engine.post_mortem() {
            if let Some(e) = self.engine.end.as_ref().and_then(|e| e.exception.clone()) {
                self.say(&e);
            }
        } else if let Some(e) = self.engine.exception_leaving() {
            self.say(&e);
        }
    }

    fn names(&mut self, globals: bool) {
        let mut vm = crate::expr::sandbox(&mut self.engine.cur.vm);
        let Some(i) = self.engine.frame_index() else {
            // At the end: the main module's names.
            let anchors = self.engine.cur_anchors();
            let m = crate::expr::eval(
                &mut vm,
                crate::expr::Scope::Frame(None),
                "globals()",
                true,
                &anchors,
            );
            let Ok(revpy_vm::Value::Obj(m)) = m else {
                self.err("the program has finished: no frame");
                return;
            };
            for (k, v) in vm.dict_items(m) {
                let name = vm.str_lossy(k);
                if name != "__builtins__" {
                    let r = crate::expr::short_repr(&mut vm, v);
                    self.say(&format!("{name} = {r}"));
                }
            }
            return;
        };
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
            let r = crate::expr::short_repr(&mut vm, v);
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
        let pc = self.engine.frame_pc(i);
        let text = revpy_compiler::dis::disassemble_one(&f.code.code, Some(pc));
        let _ = write!(self.out, "{text}");
        if !text.ends_with('\n') {
            self.say("");
        }
    }

    pub(super) fn info(&mut self, topic: &str) {
        match topic {
            "" => {
                self.say("info topics:");
                for (t, d) in INFO_TOPICS {
                    self.say(&format!("  info {t:<12} {d}"));
                }
            }
            "breakpoints" | "break" | "b" => {
                if self.engine.breakpoints.is_empty()
                    && self.engine.catchpoints.is_empty()
                    && self.engine.watchpoints.is_empty()
                {
                    self.say("No breakpoints.");
                }
                // Breakpoints and catchpoints share the numbers: in their order.
                let mut lines: Vec<(usize, String)> = vec![];
                for c in &self.engine.catchpoints {
                    let en = if c.enabled { "" } else { " (disabled)" };
                    let cond = c
                        .cond
                        .as_ref()
                        .map(|c| format!(" if {c}"))
                        .unwrap_or_default();
                    let line = format!(
                        "{}: {}{cond}{en}, {}",
                        c.id,
                        c.describe(),
                        hit_count(c.hits)
                    );
                    lines.push((c.id, line));
                }
                for b in &self.engine.breakpoints {
                    let cond = b
                        .cond
                        .as_ref()
                        .map(|c| format!(" if {c}"))
                        .unwrap_or_default();
                    let en = if b.enabled { "" } else { " (disabled)" };
                    let t = if b.temporary { " (temporary)" } else { "" };
                    let line = format!(
                        "{}: {}{cond}{t}{en}, {}",
                        b.id,
                        b.describe(),
                        hit_count(b.hits)
                    );
                    lines.push((b.id, line));
                }
                // As gdb, the watchpoints too.
                for w in &self.engine.watchpoints {
                    let en = if w.enabled { "" } else { " (disabled)" };
                    lines.push((
                        w.id,
                        format!("{}: watch {} => {}{en}", w.id, w.label, w.value),
                    ));
                }
                lines.sort_by_key(|(id, _)| *id);
                for (_, l) in lines {
                    self.say(&l);
                }
            }
            "watchpoints" | "watch" => {
                if self.engine.watchpoints.is_empty() {
                    self.say("No watchpoints.");
                }
                for w in self.engine.watchpoints.clone() {
                    let en = if w.enabled { "" } else { " (disabled)" };
                    self.say(&format!("{}: {} => {}{en}", w.id, w.label, w.value));
                }
            }
            "output" | "output all" => {
                let e = &self.engine;
                let text = e.output_until(e.cur.pos.time);
                let lines: Vec<&str> = text.lines().collect();
                let from = if topic == "output" {
                    lines.len().saturating_sub(40)
                } else {
                    0
                };
                if lines.is_empty() {
                    self.say("The program has printed nothing by this time.");
                }
                if from > 0 {
                    self.say(&format!("[{from} earlier lines: info output all]"));
                }
                for l in &lines[from..] {
                    self.say(&format!("| {l}"));
                }
            }
            "checkpoints" => {
                let (list, total) = self.engine.checkpoint_list();
                self.say(&format!(
                    "{} checkpoints ({} packed), about {} KiB (budget {} KiB):",
                    list.len(),
                    self.engine.packed_checkpoints(),
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
            // gdb's names for what pdb's commands show.
            "locals" => self.names(false),
            "globals" => self.names(true),
            "args" | "display" => {
                let call = Call {
                    name: topic,
                    arg: "",
                };
                if topic == "args" {
                    super::pdb_cmds::args(self, &call)
                } else {
                    super::pdb_cmds::display(self, &call)
                }
            }
            "exceptions" => match self.engine.exceptions() {
                Ok(lines) => {
                    if lines.is_empty() {
                        self.say("No exception was raised in the recording.");
                    }
                    for l in lines {
                        self.say(&l);
                    }
                }
                Err(e) => self.err(&e),
            },
            "heap" => self.heap_census(20),
            "threads" | "thread" => {
                for t in self.engine.threads() {
                    let mark = if t.current { "*" } else { " " };
                    let place = if t.place.is_empty() {
                        String::new()
                    } else {
                        format!(" at {}", t.place)
                    };
                    self.say(&format!(
                        "{mark} {} {} ({}){place}",
                        t.ident, t.name, t.state
                    ));
                }
            }
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
}

/// "hit 1 time", "hit 3 times".
fn hit_count(n: impl Into<u64>) -> String {
    let n: u64 = n.into();
    format!("hit {n} time{}", if n == 1 { "" } else { "s" })
}

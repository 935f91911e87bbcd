//! The revdb command shell: a thin layer over `Engine`. Interactive (rustyline,
//! history, completion) when stdin is a terminal; otherwise it reads commands line
//! by line and prints a transcript (prompts and commands echoed), for scripts and
//! golden tests.
//!
//! The commands are in one table, `commands::COMMANDS` (names, synopsis, help,
//! completion, handler); their handlers are in `motion_cmds.rs` (moving through
//! time), `inspect_cmds.rs` (looking) and `break_cmds.rs` (breakpoints and
//! watchpoints); `complete.rs` is tab completion.

mod break_cmds;
pub mod commands;
mod complete;
mod heap_cmds;
pub mod help;
mod inspect_cmds;
mod motion_cmds;
mod pdb_cmds;

use crate::engine::{Engine, Interrupt};
use commands::Kind;
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;
use std::sync::atomic::Ordering;

pub struct Shell {
    pub engine: Engine,
    last_motion: Option<String>,
    out: Out,
    /// The output buffer of a shell made by `in_memory`.
    captured: Option<Rc<RefCell<Vec<u8>>>>,
    /// Set by `quit`; `execute` returns false and clears it.
    quitting: bool,
    /// The program's function names, for completing breakpoints (made on first use).
    function_names: Option<Vec<String>>,
    /// `display` expressions.
    displays: Vec<pdb_cmds::Display>,
    next_display: usize,
    /// `commands N` being typed: the breakpoint and the lines so far.
    defining: Option<(usize, Vec<String>)>,
    /// Commands of the breakpoints just hit, run after the command that hit them.
    pending: Option<Vec<String>>,
    /// `alias NAME BODY`.
    aliases: std::collections::BTreeMap<String, String>,
    /// Nesting of `source` files.
    source_depth: usize,
    /// Where a following `list` continues: (time, frame selected, file, next line).
    list_next: Option<(crate::engine::Pos, usize, String, u32)>,
    progress: Rc<RefCell<Progress>>,
    /// `layout`: open the dashboard after this command (interactive shell only).
    want_layout: bool,
    interactive: bool,
}

/// The `[searching]` line of a terminal.
#[derive(Default)]
struct Progress {
    tty: bool,
    started: Option<std::time::Instant>,
    shown: bool,
}

/// One command as typed: the name used (canonical or alias) and the rest of the
/// line, trimmed.
pub struct Call<'a> {
    pub name: &'a str,
    pub arg: &'a str,
}

/// The interrupt flag of the engine the interactive shell drives (Ctrl-C).
static SIGINT_TARGET: std::sync::OnceLock<Interrupt> = std::sync::OnceLock::new();

extern "C" fn on_sigint(_: libc::c_int) {
    if let Some(flag) = SIGINT_TARGET.get() {
        flag.store(true, Ordering::SeqCst);
    }
}

/// Where the shell's output went before `Shell::output_to_memory`.
pub type SavedOutput = (Box<dyn Write>, Option<Rc<RefCell<Vec<u8>>>>);

impl Shell {
    pub fn new(mut engine: Engine, out: Box<dyn Write>) -> Shell {
        let out = Out(Rc::new(RefCell::new(out)));
        // Backward searches report each interval as they start it: on a terminal,
        // one `[searching A..B]` line updated in place once the command has taken
        // 0.5 s; elsewhere (transcripts) nothing, so they do not depend on speed.
        let mut progress = out.clone();
        let state = Rc::new(RefCell::new(Progress::default()));
        let st = state.clone();
        engine.on_progress = Some(Box::new(move |a, b| {
            let mut st = st.borrow_mut();
            // Wall time only paces this progress line; it never reaches the program.
            #[allow(clippy::disallowed_methods)]
            let slow = st.started.is_some_and(|t| t.elapsed().as_millis() >= 500);
            if st.tty && slow {
                let _ = write!(progress, "\r\x1b[K[searching {a}..{b}]");
                let _ = progress.flush();
                st.shown = true;
            }
        }));
        Shell {
            engine,
            last_motion: None,
            out,
            captured: None,
            quitting: false,
            function_names: None,
            displays: vec![],
            next_display: 0,
            defining: None,
            pending: None,
            aliases: Default::default(),
            source_depth: 0,
            list_next: None,
            progress: state,
            want_layout: false,
            interactive: false,
        }
    }

    /// Send the output to memory (for the dashboard, which reads it with
    /// `command`); returns what to give `restore_output`.
    pub fn output_to_memory(&mut self) -> SavedOutput {
        let buf = Rc::new(RefCell::new(Vec::new()));
        let old = std::mem::replace(
            &mut *self.out.0.borrow_mut(),
            Box::new(SharedBuf(buf.clone())),
        );
        let old_cap = self.captured.replace(buf);
        (old, old_cap)
    }

    pub fn restore_output(&mut self, saved: SavedOutput) {
        *self.out.0.borrow_mut() = saved.0;
        self.captured = saved.1;
    }

    /// Show the `[searching]` line on this terminal (see `Shell::new`).
    pub fn set_terminal(&mut self, tty: bool) {
        self.progress.borrow_mut().tty = tty;
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

    /// Print one line.
    fn say(&mut self, s: &str) {
        self.clear_progress();
        let _ = writeln!(self.out, "{s}");
    }

    /// Erase a `[searching]` line before printing.
    fn clear_progress(&mut self) {
        if std::mem::take(&mut self.progress.borrow_mut().shown) {
            let _ = write!(self.out, "\r\x1b[K");
        }
    }

    /// Print text as it is (its lines already end with newlines).
    fn print_text(&mut self, s: &str) {
        self.clear_progress();
        let _ = write!(self.out, "{s}");
    }

    /// Print an error: `*** msg`.
    fn err(&mut self, msg: &str) {
        self.say(&format!("*** {msg}"));
    }

    /// `*** usage: NAME SYNOPSIS`, from the table.
    fn usage(&mut self, name: &str) {
        let text = usage_text(name);
        self.err(&text);
    }

    pub fn prompt(&self) -> String {
        if self.defining.is_some() {
            return "(com) ".into();
        }
        format!("({})$ ", self.engine.time_text())
    }

    /// Show the starting position.
    pub fn banner(&mut self) {
        self.flush_events();
        self.show_position();
    }

    /// Run one command line; returns false to quit.
    pub fn execute(&mut self, line: &str) -> bool {
        if let Some((id, mut list)) = self.defining.take() {
            let l = line.trim();
            if l == "end" {
                if let Some(b) = self.engine.breakpoints.iter_mut().find(|b| b.id == id) {
                    b.commands = list;
                } else if let Some(c) = self.engine.catchpoints.iter_mut().find(|c| c.id == id) {
                    c.commands = list;
                }
            } else {
                if !l.is_empty() {
                    list.push(l.to_string());
                }
                self.defining = Some((id, list));
            }
            return true;
        }
        // The debugger's timing of searches (clippy.toml): never program-visible.
        #[allow(clippy::disallowed_methods)]
        let now = std::time::Instant::now();
        {
            let mut p = self.progress.borrow_mut();
            p.started = Some(now);
            p.shown = false;
        }
        let mut go_on = self.execute_one(line);
        // Breakpoint commands run after the command that hit them; one that moves
        // ends its list (as in pdb), and may hit again.
        let mut rounds = 0;
        while let Some(list) = self.pending.take() {
            rounds += 1;
            if !go_on || rounds > 10_000 || self.engine.interrupt.load(Ordering::Relaxed) {
                break;
            }
            for c in list {
                let (name, _) = split_command(&c);
                let motion = commands::find(name).is_some_and(|c| c.kind == Kind::Motion);
                let p = self.prompt();
                let _ = writeln!(self.out, "{p}{c}");
                go_on = self.execute_one(&c);
                if motion || !go_on {
                    break;
                }
            }
        }
        self.clear_progress();
        go_on
    }

    fn execute_one(&mut self, line: &str) -> bool {
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
        let (name, arg) = split_command(&line);
        if let Some(body) = self.aliases.get(name).cloned() {
            if self.source_depth > 8 {
                self.err("aliases nested too deeply");
                return true;
            }
            let expanded = pdb_cmds::expand_alias(&body, arg);
            self.source_depth += 1;
            let r = self.execute_one(&expanded);
            self.source_depth -= 1;
            return r;
        }
        let Some(cmd) = commands::find(name) else {
            self.err(&format!(
                "Unknown command: '{name}' (type 'help' for a list)"
            ));
            return true;
        };
        if cmd.kind == Kind::Motion {
            self.last_motion = Some(line.clone());
        }
        (cmd.run)(self, &Call { name, arg });
        !std::mem::take(&mut self.quitting)
    }
}

/// (command name, argument) of a line: `!` needs no space after it.
fn split_command(line: &str) -> (&str, &str) {
    if let Some(stmt) = line.strip_prefix('!') {
        return ("!", stmt.trim());
    }
    match line.find(char::is_whitespace) {
        Some(i) => (&line[..i], line[i..].trim()),
        None => (line, ""),
    }
}

/// `usage: NAME SYNOPSIS` for the command called `name`.
fn usage_text(name: &str) -> String {
    let synopsis = commands::find(name).map_or("", |c| c.synopsis);
    format!("usage: {name} {synopsis}").trim_end().to_string()
}

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
// The debugger's terminal: its command file, stdin and history are the user's, not
// the program's (clippy.toml).
#[allow(clippy::disallowed_methods)]
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
    sh.set_terminal(true);
    sh.interactive = true;
    let _ = SIGINT_TARGET.set(sh.engine.interrupt.clone());
    // SAFETY: installing a handler that only stores to an atomic.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
    let history = crate::history::path(HISTORY_FILE);
    let mut ed =
        match rustyline::Editor::<complete::Helper, rustyline::history::DefaultHistory>::new() {
            Ok(e) => e,
            Err(e) => {
                eprintln!("revpy debug: cannot start the line editor: {e}");
                return 2;
            }
        };
    // Tab completion looks at the shell between commands.
    let sh = Rc::new(RefCell::new(sh));
    ed.set_helper(Some(complete::Helper(sh.clone())));
    if let Some(h) = &history {
        if let Err(m) = crate::history::load(&mut ed, h) {
            eprintln!("revpy debug: warning: {m}");
        }
    }
    loop {
        let prompt = {
            let mut sh = sh.borrow_mut();
            let _ = sh.out.flush();
            sh.prompt()
        };
        match ed.readline(&prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = ed.add_history_entry(line.as_str());
                }
                if !sh.borrow_mut().execute(&line) {
                    break;
                }
                let layout = std::mem::take(&mut sh.borrow_mut().want_layout);
                if layout {
                    let mut s = sh.borrow_mut();
                    let tty = s.progress.borrow().tty;
                    s.set_terminal(false);
                    let saved = s.output_to_memory();
                    let r = crate::tui::run_shell(&mut s);
                    s.restore_output(saved);
                    s.set_terminal(tty);
                    if let Err(e) = r {
                        s.err(&format!("the dashboard failed: {e}"));
                    }
                    if std::mem::take(&mut s.quitting) {
                        break;
                    }
                }
            }
            // Ctrl-C at the prompt: a fresh prompt (during a motion it interrupts
            // the motion instead, see `on_sigint`).
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            // Ctrl-D.
            Err(rustyline::error::ReadlineError::Eof) => {
                sh.borrow_mut().say("");
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
    let _ = sh.borrow_mut().out.flush();
    0
}

/// The debugger shell's history file, in `$HOME`.
pub const HISTORY_FILE: &str = ".revpy_debug_history";

//! Recording and replaying from Rust: switch a VM's effects boundary to a log.
//! (`revpy record` / `revpy replay` use these; so can an embedder.)

use crate::effects::log::{End, Header, LogWriter, Record};
use crate::effects::{Mode, Replay};
use crate::Vm;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

impl Header {
    /// A header for a recording made by this version of revpy.
    pub fn new(argv: Vec<String>, script_dir: &str, main_source: &str) -> Header {
        Header {
            revpy_version: env!("CARGO_PKG_VERSION").to_string(),
            argv,
            script_dir: script_dir.to_string(),
            main_source: main_source.to_string(),
        }
    }
}

impl Vm {
    /// Record from now on: write `header` to `out`, then every effect as it happens
    /// (in blocks, see `log::LogWriter`). Call [`Vm::finish_recording`] at the end.
    pub fn start_recording(
        &mut self,
        out: Box<dyn Write + Send>,
        header: &Header,
    ) -> std::io::Result<()> {
        let w = LogWriter::create(out, header)?;
        self.effects.mode = Mode::Record(Rc::new(RefCell::new(w)));
        Ok(())
    }

    /// Write the end record (the exit status and this VM's totals) and go back to
    /// live mode.
    pub fn finish_recording(&mut self, exit_status: i32) -> std::io::Result<()> {
        self.effects.flush_stdout();
        let Mode::Record(w) = std::mem::replace(&mut self.effects.mode, Mode::Live) else {
            return Err(std::io::Error::other("the VM is not recording"));
        };
        let end = End {
            exit_status,
            stop_points: self.stop_points,
            instructions: self.instructions,
            effects: self.effects.count,
        };
        let r = w.borrow_mut().finish(&end);
        r
    }

    /// Replay from now on: effects come from `effects` (a recording's), in order.
    /// `truncated`: the recording has no end record (it was cut short), which changes
    /// the message when the program asks for more effects than there are.
    pub fn start_replay(&mut self, effects: Vec<Record>, truncated: bool) {
        self.effects.mode = Mode::Replay(Replay {
            effects: Rc::new(effects),
            pos: 0,
            truncated,
        });
    }

    /// Effects replayed so far (0 when not replaying).
    pub fn replayed_effects(&self) -> usize {
        match &self.effects.mode {
            Mode::Replay(r) => r.pos,
            _ => 0,
        }
    }

    /// After a replay ran to its end: check it against the recording's end record.
    /// `Err` lists every difference ("exit status 0, recorded 1; ...").
    pub fn check_replay_end(&self, end: &End, exit_status: i32) -> Result<(), String> {
        let mut problems = vec![];
        if end.exit_status != exit_status {
            problems.push(format!(
                "exit status {exit_status}, recorded {}",
                end.exit_status
            ));
        }
        let (used, total) = match &self.effects.mode {
            Mode::Replay(r) => (r.pos as u64, r.effects.len() as u64),
            _ => (self.effects.count, end.effects),
        };
        if used != total || used != end.effects {
            problems.push(format!("{used} of {} recorded effects used", end.effects));
        }
        if end.stop_points != self.stop_points {
            problems.push(format!(
                "{} stop points, recorded {}",
                self.stop_points, end.stop_points
            ));
        }
        if end.instructions != self.instructions {
            problems.push(format!(
                "{} instructions, recorded {}",
                self.instructions, end.instructions
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }
}

//! The effects boundary: every operation whose result comes from outside the VM goes
//! through `Effects::effect` (console, clocks, entropy, files, environment, host
//! functions). Three modes:
//! - live: do it;
//! - record: do it and append its result to the log;
//! - replay: do not do it; return the logged result, after checking that the program
//!   asks for the same kind of effect the log holds next (else: divergence).
//!
//! Console output is also written to the configured sink in every mode, so a replay
//! shows the program's output (on the replayer's channel) without touching the world.

// This module is the effects boundary: the one place where the VM touches the world
// (files, stdin, clocks), which clippy.toml refuses everywhere else.
#![allow(clippy::disallowed_methods)]

mod console;
mod host_files;
pub mod log;
mod results;

pub use host_files::{HostFile, HostFiles};
pub use results::{describe, io_error_val, FromVal, OsErr, OsResult};

use crate::effects::log::{LogWriter, Record, Val};
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! effect_kinds {
    ($($v:ident = $name:literal,)*) => {
        /// The kinds of effect, each named as the program sees it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u16)]
        pub enum EffectKind { $($v,)* }
        impl EffectKind {
            pub const ALL: &'static [EffectKind] = &[$(EffectKind::$v,)*];
            /// The Python-level name (for divergence messages and `revpy info`).
            pub fn name(self) -> &'static str {
                match self { $(EffectKind::$v => $name,)* }
            }
            pub fn from_u16(k: u16) -> Option<EffectKind> {
                Self::ALL.get(k as usize).copied()
            }
        }
    };
}

effect_kinds! {
    Stdout = "sys.stdout.write",
    Stderr = "sys.stderr.write",
    ReadLine = "input",
    ReadAll = "sys.stdin.read",
    Time = "time.time",
    Monotonic = "time.monotonic",
    PerfCounter = "time.perf_counter",
    Sleep = "time.sleep",
    LocalTime = "time.localtime",
    Urandom = "os.urandom",
    Getenv = "os.environ",
    Environ = "os.environ (whole)",
    Getcwd = "os.getcwd",
    Getpid = "os.getpid",
    Listdir = "os.listdir",
    Stat = "os.stat",
    Remove = "os.remove",
    Rename = "os.rename",
    Makedirs = "os.makedirs",
    FileOpen = "open",
    FileRead = "file.read",
    FileWrite = "file.write",
    FileSeek = "file.seek",
    FileClose = "file.close",
    ImportIsDir = "import (directory check)",
    ImportIsFile = "import (file check)",
    ImportRead = "import (read source)",
    HostCall = "host function",
    Exit = "os._exit",
    TimeNs = "time.time_ns",
    MonotonicNs = "time.monotonic_ns",
    PerfCounterNs = "time.perf_counter_ns",
    ProcessTime = "time.process_time",
    ProcessTimeNs = "time.process_time_ns",
    Mkdir = "os.mkdir",
    Rmdir = "os.rmdir",
    FileFlush = "file.flush",
    FileTruncate = "file.truncate",
    StatFull = "os.stat (stat_result)",
    Lstat = "os.lstat",
    Scandir = "os.scandir",
    Chdir = "os.chdir",
    TerminalSize = "os.get_terminal_size",
    CpuCount = "os.cpu_count",
    Access = "os.access",
    Chmod = "os.chmod",
    Utime = "os.utime",
    CopyFile = "shutil.copyfile",
    Realpath = "os.path.realpath",
    Readlink = "os.readlink",
    Symlink = "os.symlink",
    OsOpen = "os.open",
    DiskUsage = "shutil.disk_usage",
    ThreadSeed = "threading (schedule seed)",
    MkTime = "time.mktime",
}

/// Where program output goes.
#[derive(Clone, Debug)]
pub enum OutputSink {
    /// The process's stdout / stderr.
    Process,
    /// Captured in memory (tests, embedding, debugger).
    Buffer(Vec<u8>),
    /// Discarded.
    Null,
}

/// Replaying a recording: the effects and the position in them.
#[derive(Clone, Debug)]
pub struct Replay {
    pub effects: Rc<Vec<Record>>,
    pub pos: usize,
    /// The recording ends early (killed or crashed during recording).
    pub truncated: bool,
}

#[derive(Clone, Debug)]
pub enum Mode {
    Live,
    Record(Rc<RefCell<LogWriter>>),
    Replay(Replay),
    /// Debugger evaluation (`p`, watch expressions, conditions): every effect fails
    /// with `EffectError::Sandbox`, which the VM raises as a `RuntimeError`.
    Sandbox,
    /// No world at all, for running untrusted or generated programs (fuzzing,
    /// playgrounds): console output goes to the sinks, console input comes from
    /// `Effects::stdin` (which must be set: empty means end of input), `os._exit`
    /// works, imports find no files on disk, and every other effect (files, clocks, entropy, environment, sleeping,
    /// imports from disk, host functions) fails with `EffectError::Offline`, raised
    /// as a `RuntimeError`. Nothing is logged.
    Offline,
}

/// Why an effect could not be replayed.
#[derive(Clone, Debug, PartialEq)]
pub enum EffectError {
    /// The program asked for a different effect than the log holds next.
    Diverged {
        index: u64,
        recorded: EffectKind,
        asked: EffectKind,
    },
    /// The log has no more effects (`truncated`: it was cut short).
    Ended {
        index: u64,
        truncated: bool,
        asked: EffectKind,
    },
    /// An effect was attempted while the debugger evaluates an expression.
    Sandbox { asked: EffectKind },
    /// An effect that `Mode::Offline` does not perform.
    Offline { asked: EffectKind },
    /// The log holds the right kind of effect, but its value has another shape
    /// than that effect produces (a tampered or foreign log), or a value the
    /// program's request rules out (`os.urandom(16)` answered with 3 bytes).
    Shape {
        index: u64,
        kind: EffectKind,
        got: String,
        expected: String,
    },
}

/// When output to the process's stdout is written, as CPython's `sys.stdout`: line
/// by line on a terminal, in 8 KiB blocks to a pipe or file, at once with `-u` or
/// `PYTHONUNBUFFERED`. Host-side only: the program sees the same effects either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Buffering {
    Block,
    Line,
    Unbuffered,
}

/// The boundary. Cloning it (for snapshots) clones captured buffers too.
#[derive(Clone, Debug)]
pub struct Effects {
    pub mode: Mode,
    pub stdout: OutputSink,
    pub stderr: OutputSink,
    /// When program output on the process's stdout reaches it (see [`Buffering`]).
    pub stdout_buffering: Buffering,
    stdout_buf: Vec<u8>,
    /// Canned stdin for embedding/tests; `None` reads the process's stdin.
    pub stdin: Option<std::collections::VecDeque<u8>>,
    /// Number of effects performed so far: the index of the next one.
    pub count: u64,
    /// Host-side resources (open files) behind the program's handles. Not program
    /// state: in replay it stays empty, and the program sees only logged results.
    pub host: Rc<RefCell<HostFiles>>,
}

impl Default for Effects {
    fn default() -> Self {
        Effects::live()
    }
}

impl Effects {
    pub fn live() -> Effects {
        Effects {
            mode: Mode::Live,
            stdout: OutputSink::Process,
            stderr: OutputSink::Process,
            stdout_buffering: Buffering::of_process(),
            stdout_buf: Vec::with_capacity(8192),
            stdin: None,
            count: 0,
            host: Rc::new(RefCell::new(HostFiles::default())),
        }
    }

    /// Capture stdout and stderr in memory.
    pub fn captured() -> Effects {
        Effects {
            stdout: OutputSink::Buffer(vec![]),
            stderr: OutputSink::Buffer(vec![]),
            ..Effects::live()
        }
    }

    pub fn is_replay(&self) -> bool {
        matches!(self.mode, Mode::Replay(_))
    }

    /// Perform (live, record) or replay one effect. `live` computes the result from
    /// the world; it is not called in replay.
    pub fn effect(
        &mut self,
        kind: EffectKind,
        live: impl FnOnce(&mut Effects) -> Val,
    ) -> Result<Val, EffectError> {
        let index = self.count;
        match &mut self.mode {
            Mode::Live => {
                self.count += 1;
                self.flush_files_before(kind);
                Ok(live(self))
            }
            Mode::Record(w) => {
                let w = w.clone();
                self.count += 1;
                self.flush_files_before(kind);
                let v = live(self);
                w.borrow_mut().push(Record {
                    kind: kind as u16,
                    val: v.clone(),
                });
                Ok(v)
            }
            Mode::Sandbox => Err(EffectError::Sandbox { asked: kind }),
            Mode::Offline => {
                // No disk: an import finds no file (ModuleNotFoundError, as with an
                // empty sys.path); bundled modules import as usual.
                if matches!(kind, EffectKind::ImportIsDir | EffectKind::ImportIsFile) {
                    self.count += 1;
                    return Ok(Val::Bool(false));
                }
                let console = matches!(
                    kind,
                    EffectKind::Stdout | EffectKind::Stderr | EffectKind::Exit
                ) || (matches!(kind, EffectKind::ReadLine | EffectKind::ReadAll)
                    && self.stdin.is_some());
                if !console {
                    return Err(EffectError::Offline { asked: kind });
                }
                self.count += 1;
                Ok(live(self))
            }
            Mode::Replay(r) => {
                let Some(rec) = r.effects.get(r.pos) else {
                    return Err(EffectError::Ended {
                        index,
                        truncated: r.truncated,
                        asked: kind,
                    });
                };
                if rec.kind != kind as u16 {
                    let recorded = EffectKind::from_u16(rec.kind).unwrap_or(EffectKind::HostCall);
                    return Err(EffectError::Diverged {
                        index,
                        recorded,
                        asked: kind,
                    });
                }
                let v = rec.val.clone();
                r.pos += 1;
                self.count += 1;
                Ok(v)
            }
        }
    }

    /// Perform or replay one effect whose result has the shape of `T`; a logged
    /// value of another shape is a divergence (`EffectError::Shape`).
    /// Before an effect that looks at the file system from outside an open file
    /// (opening, stat, listing, copying, renaming, removing), write out what open files
    /// buffered: a program that wrote a file and opens it again sees what it wrote,
    /// even while the first file object waits for the collector to close it.
    fn flush_files_before(&mut self, kind: EffectKind) {
        use EffectKind::*;
        if matches!(
            kind,
            FileOpen
                | OsOpen
                | Listdir
                | Scandir
                | Stat
                | StatFull
                | Lstat
                | Access
                | Remove
                | Rename
                | CopyFile
                | DiskUsage
                | ImportRead
        ) {
            self.host.borrow_mut().flush_all();
        }
    }

    /// The collector freed file objects holding these host handles: close them (a
    /// host-side release the program cannot observe, so nothing is logged; in replay
    /// no host files exist).
    pub fn release_host_files(&mut self, handles: &[i64]) {
        if matches!(self.mode, Mode::Live | Mode::Record(_)) {
            let mut host = self.host.borrow_mut();
            for h in handles {
                host.remove(*h);
            }
        }
    }

    pub fn effect_as<T: FromVal>(
        &mut self,
        kind: EffectKind,
        live: impl FnOnce(&mut Effects) -> Val,
    ) -> Result<T, EffectError> {
        let v = self.effect(kind, live)?;
        if !T::is(&v) {
            return Err(self.bad_value(kind, describe(&v), T::shape()));
        }
        T::take(v).ok_or_else(|| self.bad_value(kind, "another shape".into(), T::shape()))
    }

    /// The divergence for the effect just performed (`kind`): its value is `got`
    /// where the program expected `expected` (a shape, or a value the request
    /// implies, as "16 bytes").
    pub fn bad_value(&self, kind: EffectKind, got: String, expected: String) -> EffectError {
        EffectError::Shape {
            index: self.count.saturating_sub(1),
            kind,
            got,
            expected,
        }
    }

    /// Wall-clock time in seconds since the epoch.
    pub fn time(&mut self) -> Result<f64, EffectError> {
        self.effect_as(EffectKind::Time, |_| {
            Val::Float(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs_f64())
                    .unwrap_or(0.0),
            )
        })
    }

    /// Read a source file for an import. The path is logged with the text so that
    /// `revpy info` can list the modules a recording holds.
    pub fn read_source(&mut self, path: &str) -> Result<Option<String>, EffectError> {
        let v: Option<(String, String)> = self.effect_as(EffectKind::ImportRead, |_| {
            match std::fs::read_to_string(path) {
                Ok(s) => Val::List(vec![Val::Str(path.to_string()), Val::Str(s)]),
                Err(_) => Val::None,
            }
        })?;
        Ok(v.map(|(_, src)| src))
    }

    /// Whether a path is a file / directory (imports).
    pub fn is_file(&mut self, path: &str) -> Result<bool, EffectError> {
        self.effect_as(EffectKind::ImportIsFile, |_| {
            Val::Bool(std::path::Path::new(path).is_file())
        })
    }
    pub fn is_dir(&mut self, path: &str) -> Result<bool, EffectError> {
        self.effect_as(EffectKind::ImportIsDir, |_| {
            Val::Bool(std::path::Path::new(path).is_dir())
        })
    }

    /// Captured stdout so far (Buffer sink).
    pub fn captured_stdout(&self) -> &[u8] {
        match &self.stdout {
            OutputSink::Buffer(b) => b,
            _ => &[],
        }
    }
    pub fn captured_stderr(&self) -> &[u8] {
        match &self.stderr {
            OutputSink::Buffer(b) => b,
            _ => &[],
        }
    }
}

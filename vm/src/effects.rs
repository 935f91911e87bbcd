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

use crate::log::{LogWriter, Record, Val};
use std::cell::RefCell;
use std::io::{BufRead, Read, Write};
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

/// An OS error as an effect logs it: errno and message.
#[derive(Clone, Debug, PartialEq)]
pub struct OsErr(pub i32, pub String);

/// A logged result or OS error (`effect_as::<OsResult<Vec<u8>>>`).
pub type OsResult<T> = Result<T, OsErr>;

/// A Rust type an effect's logged value converts to (`Effects::effect_as`): every
/// replayed value is checked against the shape its effect produces, so a damaged
/// or foreign log diverges with a message instead of reaching the program as a
/// zero, an empty string or a panic.
pub trait FromVal: Sized {
    /// The shape, for messages ("bytes", "a list of 2 values (an int, an int)").
    fn shape() -> String;
    /// Whether `v` has this shape.
    fn is(v: &Val) -> bool;
    /// Convert a value for which `is` holds.
    fn take(v: Val) -> Option<Self>;
}

macro_rules! from_val_scalar {
    ($t:ty, $shape:literal, $pat:pat => $out:expr) => {
        impl FromVal for $t {
            fn shape() -> String {
                $shape.into()
            }
            #[allow(unused_variables)]
            fn is(v: &Val) -> bool {
                matches!(v, $pat)
            }
            fn take(v: Val) -> Option<Self> {
                match v {
                    $pat => Some($out),
                    _ => None,
                }
            }
        }
    };
}

from_val_scalar!((), "no value", Val::Unit => ());
from_val_scalar!(bool, "a bool", Val::Bool(b) => b);
from_val_scalar!(i64, "an int", Val::Int(i) => i);
from_val_scalar!(f64, "a float", Val::Float(f) => f);
from_val_scalar!(String, "a string", Val::Str(s) => s);
from_val_scalar!(Vec<u8>, "bytes", Val::Bytes(b) => b);
from_val_scalar!(OsErr, "an OS error", Val::Err(e, m) => OsErr(e, m));

/// Any value (host function results, converted by the VM).
impl FromVal for Val {
    fn shape() -> String {
        "any value".into()
    }
    fn is(_: &Val) -> bool {
        true
    }
    fn take(v: Val) -> Option<Self> {
        Some(v)
    }
}

/// A result or an OS error.
impl<T: FromVal> FromVal for Result<T, OsErr> {
    fn shape() -> String {
        format!("{} or an OS error", T::shape())
    }
    fn is(v: &Val) -> bool {
        matches!(v, Val::Err(..)) || T::is(v)
    }
    fn take(v: Val) -> Option<Self> {
        match v {
            Val::Err(e, m) => Some(Err(OsErr(e, m))),
            v => T::take(v).map(Ok),
        }
    }
}

/// A result or absent (`Val::None`).
impl<T: FromVal> FromVal for Option<T> {
    fn shape() -> String {
        format!("{} or nothing", T::shape())
    }
    fn is(v: &Val) -> bool {
        matches!(v, Val::None) || T::is(v)
    }
    fn take(v: Val) -> Option<Self> {
        match v {
            Val::None => Some(None),
            v => T::take(v).map(Some),
        }
    }
}

/// A list of any length, each item of one shape.
impl<T: FromVal> FromVal for Vec<T> {
    fn shape() -> String {
        format!("a list of {}", T::shape())
    }
    fn is(v: &Val) -> bool {
        matches!(v, Val::List(items) if items.iter().all(T::is))
    }
    fn take(v: Val) -> Option<Self> {
        match v {
            Val::List(items) => items.into_iter().map(T::take).collect(),
            _ => None,
        }
    }
}

macro_rules! from_val_tuple {
    ($n:literal: $($t:ident),*) => {
        /// A list of exactly this many values, of these shapes.
        impl<$($t: FromVal),*> FromVal for ($($t,)*) {
            fn shape() -> String {
                let parts: Vec<String> = vec![$($t::shape()),*];
                format!("a list of {} values ({})", $n, parts.join(", "))
            }
            fn is(v: &Val) -> bool {
                match v {
                    Val::List(items) if items.len() == $n => {
                        let mut it = items.iter();
                        $($t::is(it.next().unwrap_or(&Val::Unit)) &&)* true
                    }
                    _ => false,
                }
            }
            fn take(v: Val) -> Option<Self> {
                match v {
                    Val::List(items) if items.len() == $n => {
                        let mut it = items.into_iter();
                        Some(($($t::take(it.next()?)?,)*))
                    }
                    _ => None,
                }
            }
        }
    };
}

from_val_tuple!(2: A, B);
from_val_tuple!(3: A, B, C);

/// A logged value described for a message: "a string", "a list of 3 values".
pub fn describe(v: &Val) -> String {
    match v {
        Val::Unit => "no value".into(),
        Val::Bool(_) => "a bool".into(),
        Val::Int(_) => "an int".into(),
        Val::Float(_) => "a float".into(),
        Val::Str(_) => "a string".into(),
        Val::Bytes(b) => format!("{} bytes", b.len()),
        Val::None => "nothing".into(),
        Val::Err(..) => "an OS error".into(),
        Val::List(items) => format!("a list of {} values", items.len()),
    }
}

/// The boundary. Cloning it (for snapshots) clones captured buffers too.
#[derive(Clone, Debug)]
pub struct Effects {
    pub mode: Mode,
    pub stdout: OutputSink,
    pub stderr: OutputSink,
    stdout_buf: Vec<u8>,
    /// Canned stdin for embedding/tests; `None` reads the process's stdin.
    pub stdin: Option<std::collections::VecDeque<u8>>,
    /// Number of effects performed so far: the index of the next one.
    pub count: u64,
    /// Host-side resources (open files) behind the program's handles. Not program
    /// state: in replay it stays empty, and the program sees only logged results.
    pub host: Rc<RefCell<HostFiles>>,
}

/// An open file on the host, with a write buffer (flushed before any other operation
/// on it, when flushed or closed, and when dropped).
pub struct HostFile {
    pub file: std::fs::File,
    pub wbuf: Vec<u8>,
}

impl HostFile {
    pub fn new(file: std::fs::File) -> HostFile {
        HostFile { file, wbuf: vec![] }
    }
    /// Buffer a write (written out when the buffer grows past 64 KiB).
    pub fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= 1 << 16 {
            self.flush()?;
        }
        Ok(())
    }
    pub fn flush(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let r = self.file.write_all(&self.wbuf);
            self.wbuf.clear();
            r?;
        }
        Ok(())
    }
}

impl Drop for HostFile {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// The host files a program has open, by handle number.
#[derive(Default)]
pub struct HostFiles {
    next: i64,
    files: std::collections::HashMap<i64, HostFile>,
}

impl std::fmt::Debug for HostFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "HostFiles({} open)", self.files.len())
    }
}

impl HostFiles {
    /// Register an open file; returns its handle number.
    pub fn insert(&mut self, file: std::fs::File) -> i64 {
        self.next += 1;
        self.files.insert(self.next, HostFile::new(file));
        self.next
    }
    pub fn get_mut(&mut self, id: i64) -> Option<&mut HostFile> {
        self.files.get_mut(&id)
    }
    pub fn remove(&mut self, id: i64) -> Option<HostFile> {
        self.files.remove(&id)
    }
    /// Flush every open file's write buffer (at exit, `os._exit` excepted).
    pub fn flush_all(&mut self) {
        for f in self.files.values_mut() {
            let _ = f.flush();
        }
    }
}

/// An OS error as an effect result: `Val::Err(errno, strerror)` with the C library's
/// message (as CPython shows it).
pub fn io_error_val(e: &std::io::Error) -> Val {
    let errno = e.raw_os_error().unwrap_or(5);
    let s = e.to_string();
    let msg = match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    Val::Err(errno, msg)
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
                Ok(live(self))
            }
            Mode::Record(w) => {
                let w = w.clone();
                self.count += 1;
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

    /// Write program output to stdout (an effect).
    pub fn write_stdout(&mut self, s: &str) -> Result<(), EffectError> {
        self.effect_as::<()>(EffectKind::Stdout, |_| Val::Unit)?;
        self.emit_stdout(s);
        Ok(())
    }

    /// Write program output to stderr (an effect).
    pub fn write_stderr(&mut self, s: &str) -> Result<(), EffectError> {
        self.effect_as::<()>(EffectKind::Stderr, |_| Val::Unit)?;
        self.emit_stderr(s);
        Ok(())
    }

    /// Put text on the stdout sink (no effect: also used by the replayer's reports).
    pub fn emit_stdout(&mut self, s: &str) {
        match &mut self.stdout {
            OutputSink::Process => {
                self.stdout_buf.extend_from_slice(s.as_bytes());
                if self.stdout_buf.len() > 8192 {
                    self.flush_stdout();
                }
            }
            OutputSink::Buffer(b) => b.extend_from_slice(s.as_bytes()),
            OutputSink::Null => {}
        }
    }

    pub fn emit_stderr(&mut self, s: &str) {
        match &mut self.stderr {
            OutputSink::Process => {
                self.flush_stdout();
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(s.as_bytes());
                let _ = err.flush();
            }
            OutputSink::Buffer(b) => b.extend_from_slice(s.as_bytes()),
            OutputSink::Null => {}
        }
    }

    pub fn flush_stdout(&mut self) {
        if !self.stdout_buf.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.stdout_buf);
            let _ = out.flush();
            self.stdout_buf.clear();
        }
    }

    pub fn flush(&mut self) {
        self.flush_stdout();
        self.host.borrow_mut().flush_all();
        if let Mode::Record(w) = &self.mode {
            let _ = w.borrow_mut().flush_block();
        }
    }

    /// Read one line from stdin including the newline; empty at end of input.
    pub fn read_line(&mut self) -> Result<String, EffectError> {
        self.flush_stdout();
        self.effect_as(EffectKind::ReadLine, |fx| {
            Val::Str(match &mut fx.stdin {
                Some(buf) => {
                    let mut line = vec![];
                    while let Some(b) = buf.pop_front() {
                        line.push(b);
                        if b == b'\n' {
                            break;
                        }
                    }
                    String::from_utf8_lossy(&line).into_owned()
                }
                None => {
                    let mut s = String::new();
                    let _ = std::io::stdin().lock().read_line(&mut s);
                    s
                }
            })
        })
    }

    /// Read all of stdin.
    pub fn read_all(&mut self) -> Result<String, EffectError> {
        self.read_stdin(None)
    }

    /// Read stdin: everything (`None`), or up to `n` characters (fewer at the end).
    pub fn read_stdin(&mut self, n: Option<usize>) -> Result<String, EffectError> {
        self.flush_stdout();
        self.effect_as(EffectKind::ReadAll, |fx| {
            let mut bytes: Vec<u8> = vec![];
            // Take one byte at a time until `n` characters are complete.
            let next_byte = |fx: &mut Effects| -> Option<u8> {
                match &mut fx.stdin {
                    Some(buf) => buf.pop_front(),
                    None => {
                        let mut lock = std::io::stdin().lock();
                        let b = match lock.fill_buf() {
                            Ok(data) if !data.is_empty() => data[0],
                            _ => return None,
                        };
                        lock.consume(1);
                        Some(b)
                    }
                }
            };
            match n {
                None => match &mut fx.stdin {
                    Some(buf) => bytes.extend(buf.drain(..)),
                    None => {
                        let _ = std::io::stdin().lock().read_to_end(&mut bytes);
                    }
                },
                Some(n) => {
                    let mut chars = 0;
                    while chars < n {
                        let Some(b) = next_byte(fx) else { break };
                        bytes.push(b);
                        // Count a character at each byte that is not a continuation byte,
                        // once its sequence is complete.
                        let lead_len = |b: u8| match b {
                            0..=0x7f => 1,
                            0xc0..=0xdf => 2,
                            0xe0..=0xef => 3,
                            0xf0..=0xf7 => 4,
                            _ => 1,
                        };
                        let start = bytes.iter().rposition(|&x| x & 0xc0 != 0x80).unwrap_or(0);
                        if bytes.len() - start >= lead_len(bytes[start]) {
                            chars += 1;
                        }
                    }
                }
            }
            Val::Str(String::from_utf8_lossy(&bytes).into_owned())
        })
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

//! The effects boundary: every operation whose result comes from outside the VM goes
//! through here (console, clocks, entropy, files, environment). This session provides
//! the live mode; recording and replay plug in at the same place.

use std::io::{BufRead, Read, Write};

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

/// The boundary. Cloning it (for snapshots) clones captured buffers too.
#[derive(Clone, Debug)]
pub struct Effects {
    pub stdout: OutputSink,
    pub stderr: OutputSink,
    stdout_buf: Vec<u8>,
    /// Canned stdin for embedding/tests; `None` reads the process's stdin.
    pub stdin: Option<std::collections::VecDeque<u8>>,
    /// Number of effects performed so far.
    pub count: u64,
}

impl Default for Effects {
    fn default() -> Self {
        Effects::live()
    }
}

impl Effects {
    pub fn live() -> Effects {
        Effects {
            stdout: OutputSink::Process,
            stderr: OutputSink::Process,
            stdout_buf: Vec::with_capacity(8192),
            stdin: None,
            count: 0,
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

    pub fn write_stdout(&mut self, s: &str) {
        self.count += 1;
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

    pub fn flush_stdout(&mut self) {
        if !self.stdout_buf.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.stdout_buf);
            let _ = out.flush();
            self.stdout_buf.clear();
        }
    }

    pub fn write_stderr(&mut self, s: &str) {
        self.count += 1;
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

    pub fn flush(&mut self) {
        self.flush_stdout();
    }

    /// Read one line from stdin including the newline; empty at end of input.
    pub fn read_line(&mut self) -> std::io::Result<String> {
        self.count += 1;
        self.flush_stdout();
        match &mut self.stdin {
            Some(buf) => {
                let mut line = vec![];
                while let Some(b) = buf.pop_front() {
                    line.push(b);
                    if b == b'\n' {
                        break;
                    }
                }
                Ok(String::from_utf8_lossy(&line).into_owned())
            }
            None => {
                let mut s = String::new();
                std::io::stdin().lock().read_line(&mut s)?;
                Ok(s)
            }
        }
    }

    /// Read all of stdin.
    pub fn read_all(&mut self) -> std::io::Result<String> {
        self.count += 1;
        match &mut self.stdin {
            Some(buf) => {
                let v: Vec<u8> = buf.drain(..).collect();
                Ok(String::from_utf8_lossy(&v).into_owned())
            }
            None => {
                let mut s = String::new();
                std::io::stdin().lock().read_to_string(&mut s)?;
                Ok(s)
            }
        }
    }

    /// Wall-clock time in seconds since the epoch.
    pub fn time(&mut self) -> f64 {
        self.count += 1;
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }

    /// A monotonic clock in seconds.
    pub fn monotonic(&mut self) -> f64 {
        self.count += 1;
        thread_local! {
            static START: std::time::Instant = std::time::Instant::now();
        }
        START.with(|s| s.elapsed().as_secs_f64())
    }

    /// Read a source file (imports).
    pub fn read_source(&mut self, path: &str) -> Option<String> {
        self.count += 1;
        std::fs::read_to_string(path).ok()
    }

    /// Whether a path is a file / directory (imports).
    pub fn is_file(&mut self, path: &str) -> bool {
        self.count += 1;
        std::path::Path::new(path).is_file()
    }
    pub fn is_dir(&mut self, path: &str) -> bool {
        self.count += 1;
        std::path::Path::new(path).is_dir()
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

//! The console effects: program output to stdout and stderr (written to the sinks
//! in every mode), and reading stdin (`input`, `sys.stdin.read`).

// Part of the effects boundary (see `mod.rs`).
#![allow(clippy::disallowed_methods)]

use crate::effects::log::Val;
use crate::effects::{Buffering, EffectError, EffectKind, Effects, Mode, OutputSink};
use std::io::{BufRead, Read, Write};

impl Buffering {
    /// The process's policy: line-buffered on a terminal, unbuffered when
    /// `PYTHONUNBUFFERED` is set to a non-empty value (as CPython), else blocks.
    pub fn of_process() -> Buffering {
        use std::io::IsTerminal;
        if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
            Buffering::Unbuffered
        } else if std::io::stdout().is_terminal() {
            Buffering::Line
        } else {
            Buffering::Block
        }
    }
}

impl Effects {
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
                let now = match self.stdout_buffering {
                    Buffering::Block => self.stdout_buf.len() > 8192,
                    Buffering::Line => self.stdout_buf.len() > 8192 || s.contains('\n'),
                    Buffering::Unbuffered => true,
                };
                if now {
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
}

//! The two ends of a connection: `Out` writes messages (numbered with `seq`,
//! from any thread: the session, and the threads forwarding a recorded
//! program's output), and `spawn_reader` reads requests on a thread of its own
//! and hands them to the session through a channel. The reader sees a `pause`
//! as soon as it arrives, while the session may be busy with a long motion: it
//! sets the engine's interrupt flag then (as Ctrl-C does in the shell); so do a
//! `disconnect` and the end of the stream.

use crate::framing::{read_frame, write_frame};
use serde_json::{json, Value};
use std::io::{BufReader, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

struct OutInner {
    w: Box<dyn Write + Send>,
    seq: i64,
    /// Set after a write failed (the client is gone): later writes are dropped.
    broken: bool,
}

/// The writing end, shared between threads.
#[derive(Clone)]
pub struct Out(Arc<Mutex<OutInner>>);

impl Out {
    pub fn new(w: Box<dyn Write + Send>) -> Out {
        Out(Arc::new(Mutex::new(OutInner {
            w,
            seq: 1,
            broken: false,
        })))
    }

    /// Send a message, giving it the next `seq`.
    pub fn send(&self, mut msg: Value) {
        let Ok(mut o) = self.0.lock() else { return };
        if o.broken {
            return;
        }
        msg["seq"] = json!(o.seq);
        o.seq += 1;
        let body = msg.to_string();
        if let Err(e) = write_frame(&mut o.w, body.as_bytes()) {
            eprintln!("revpy dap: cannot write to the client: {e}");
            o.broken = true;
        }
    }

    pub fn event(&self, event: &str, body: Value) {
        let mut m = json!({"type": "event", "event": event});
        if !body.is_null() {
            m["body"] = body;
        }
        self.send(m);
    }

    /// A successful response to request `seq`.
    pub fn response(&self, seq: i64, command: &str, body: Value) {
        let mut m = json!({
            "type": "response", "request_seq": seq, "success": true, "command": command
        });
        if !body.is_null() {
            m["body"] = body;
        }
        self.send(m);
    }

    /// An error response: the message is shown to the user.
    pub fn error(&self, seq: i64, command: &str, message: &str) {
        self.send(json!({
            "type": "response", "request_seq": seq, "success": false, "command": command,
            "message": message,
            "body": {"error": {"id": 1, "format": message, "showUser": true}}
        }));
    }

    /// An `output` event.
    pub fn output(&self, category: &str, text: &str) {
        self.event("output", json!({"category": category, "output": text}));
    }
}

/// What the reader hands the session.
pub enum Incoming {
    /// A message; `interrupted`: a `pause` that interrupted the motion in progress.
    Message { msg: Value, interrupted: bool },
    /// A message that could not be read or parsed (reading goes on).
    Bad(String),
    /// The client closed the connection (or reading failed for good).
    End(Option<String>),
}

/// The flags shared between the session and the reader, for `pause`.
#[derive(Clone, Default)]
pub struct PauseCtl {
    /// Set by the session while it moves through time (or scans the recording).
    pub busy: Arc<AtomicBool>,
    /// The engine's interrupt flag (`revpy_revdb::engine::Interrupt`).
    pub interrupt: Arc<AtomicBool>,
}

/// Read messages on a thread until the stream ends.
pub fn spawn_reader(r: Box<dyn Read + Send>, tx: Sender<Incoming>, pause: PauseCtl) {
    let spawned = std::thread::Builder::new()
        .name("revpy-dap-reader".into())
        .spawn(move || {
            let mut r = BufReader::new(r);
            loop {
                let incoming = match read_frame(&mut r) {
                    Ok(None) => Incoming::End(None),
                    Ok(Some(body)) => parse(&body, &pause),
                    Err(e) if e.recoverable() => Incoming::Bad(e.to_string()),
                    Err(e) => Incoming::End(Some(e.to_string())),
                };
                let end = matches!(incoming, Incoming::End(_));
                if end && pause.busy.load(Ordering::SeqCst) {
                    // The client is gone: no need to finish the motion.
                    pause.interrupt.store(true, Ordering::SeqCst);
                }
                if tx.send(incoming).is_err() || end {
                    break;
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("revpy dap: cannot start the reader thread: {e}");
    }
}

fn parse(body: &[u8], pause: &PauseCtl) -> Incoming {
    let msg: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return Incoming::Bad(format!("a message that is not JSON ({e})")),
    };
    let mut interrupted = false;
    // A pause (or a disconnect: the client will not wait for the motion)
    // stops the motion in progress.
    let stops = msg["command"] == "pause" || msg["command"] == "disconnect";
    if msg["type"] == "request" && stops && pause.busy.load(Ordering::SeqCst) {
        pause.interrupt.store(true, Ordering::SeqCst);
        interrupted = msg["command"] == "pause";
    }
    Incoming::Message { msg, interrupted }
}

//! `revpy dap`: a Debug Adapter Protocol server over the revdb engine, so that
//! editors (VS Code, nvim-dap, Emacs dape, ...) debug revpy recordings with time
//! running both ways: `stepBack` and `reverseContinue`, data breakpoints that
//! stop backward on the line that changed a value, retroactive logpoints.
//! `docs/dap.md` maps each request to the engine.
//!
//! The modules: `framing` (Content-Length messages), `transport` (the writer
//! shared between threads, the reader thread and `pause`), `protocol`
//! (requests, arguments, capabilities), `session` (state and dispatch),
//! `launch` (recording a program, opening a log), `motion`, `breakpoints`,
//! `counted` (hit conditions and logpoints over the whole recording),
//! `exceptions` (exception filters), `data` (data breakpoints), `inspect`
//! (stack, scopes, evaluate, exception info, goto targets), `variables`,
//! `sources`.
//!
//! The session runs on the caller's thread, which must have the VM's big
//! stack (`revpy dap` runs it as `revpy run` runs a program).

// The server is the host side, as the command line is (clippy.toml): it talks to
// the client, runs `revpy record`, reads recordings and source files. Programs
// run only inside the engine, replaying their recording.
#![allow(clippy::disallowed_methods)]

mod breakpoints;
mod counted;
mod data;
mod exceptions;
pub mod framing;
mod inspect;
mod launch;
mod motion;
pub mod protocol;
mod session;
mod sources;
pub mod transport;
mod variables;

pub use session::Session;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use transport::{Incoming, Out, PauseCtl};

/// Serve one client over `reader`/`writer` until it disconnects or the stream
/// ends. `revpy` is the executable that records launched programs.
pub fn serve(reader: Box<dyn Read + Send>, writer: Box<dyn Write + Send>, revpy: PathBuf) -> u8 {
    let out = Out::new(writer);
    let (tx, rx) = mpsc::channel();
    let pause = PauseCtl::default();
    transport::spawn_reader(reader, tx, pause.clone());
    let mut s = Session::new(out, revpy, pause);
    while let Ok(m) = rx.recv() {
        match m {
            Incoming::Message { msg, interrupted } => s.handle(msg, interrupted),
            Incoming::Bad(e) => s.log(&format!("ignored {e}")),
            Incoming::End(None) => break,
            Incoming::End(Some(e)) => {
                eprintln!("revpy dap: {e}");
                break;
            }
        }
        if s.done() {
            break;
        }
    }
    s.cleanup();
    0
}

/// `revpy dap`: serve the client on stdin/stdout.
pub fn serve_stdio(revpy: PathBuf) -> u8 {
    serve(
        Box::new(std::io::stdin()),
        Box::new(std::io::stdout()),
        revpy,
    )
}

/// `revpy dap --port N`: wait for one client on 127.0.0.1:N (0: any free
/// port), say which on stderr, and serve it.
pub fn serve_tcp(port: u16, revpy: PathBuf) -> u8 {
    let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("revpy dap: cannot listen on 127.0.0.1:{port}: {e}");
            return 2;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    eprintln!("revpy dap: listening on 127.0.0.1:{port}");
    let (stream, _) = match listener.accept() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("revpy dap: cannot accept a connection: {e}");
            return 2;
        }
    };
    let reader = match stream.try_clone() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("revpy dap: {e}");
            return 2;
        }
    };
    serve(Box::new(reader), Box::new(stream), revpy)
}

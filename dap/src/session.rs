//! One debugging session: the state a client builds up (the engine over the
//! recording, breakpoints, handles) and the dispatch of its requests, with the
//! life cycle: `initialize`, `launch` (record, open; then the `initialized`
//! event), configuration, `configurationDone` (stop at the entry, or continue),
//! `restart`, `disconnect` (the only time `terminated` is sent: at the end of
//! the recording the session stays, so that time can run backward).
//!
//! Every request gets a response: an unknown command, a missing argument or a
//! request that needs a program before `launch` gets an error response, and a
//! message that is not a request is reported on stderr and the console.

use crate::breakpoints::Points;
use crate::data::DataPoints;
use crate::launch::{self, Target};
use crate::motion::Motion;
use crate::protocol::{capabilities, Request};
use crate::sources::Sources;
use crate::transport::{Out, PauseCtl};
use crate::variables::Handles;
use revpy_revdb::Engine;
use serde_json::{json, Value as Json};
use std::path::PathBuf;

/// What a handler gives back: a body for the response, or None when it has
/// answered already (motions answer before they move).
pub type Reply = Result<Option<Json>, String>;

pub struct Session {
    pub(crate) out: Out,
    /// The `revpy` executable that records programs.
    exe: PathBuf,
    pub(crate) engine: Option<Engine>,
    pub(crate) pause: PauseCtl,
    target: Option<Target>,
    temp_log: Option<PathBuf>,
    pub(crate) base_dirs: Vec<PathBuf>,
    stop_on_entry: bool,
    /// Show the program's output as the replay first reaches it (a recording
    /// opened as is; a program launched showed it while it was recorded).
    pub(crate) replay_output: bool,
    pub(crate) lines_at1: bool,
    pub(crate) columns_at1: bool,
    pub(crate) bps: Points,
    pub(crate) data: DataPoints,
    pub(crate) handles: Handles,
    pub(crate) sources: Sources,
    /// How the last stop came about, for `exceptionInfo` ("always",
    /// "unhandled"), when it was an exception breakpoint's.
    pub(crate) break_mode: Option<&'static str>,
    pub(crate) done: bool,
}

impl Session {
    pub fn new(out: Out, exe: PathBuf, pause: PauseCtl) -> Session {
        Session {
            out,
            exe,
            engine: None,
            pause,
            target: None,
            temp_log: None,
            base_dirs: vec![],
            stop_on_entry: false,
            replay_output: false,
            lines_at1: true,
            columns_at1: true,
            bps: Points::default(),
            data: DataPoints::default(),
            handles: Handles::default(),
            sources: Sources::default(),
            break_mode: None,
            done: false,
        }
    }

    /// Whether the client has disconnected.
    pub fn done(&self) -> bool {
        self.done
    }

    /// A problem that is no request's: on stderr and the client's console.
    pub fn log(&self, msg: &str) {
        eprintln!("revpy dap: {msg}");
        self.out.output("console", &format!("revpy dap: {msg}\n"));
    }

    /// Handle one message (a panic in a handler is answered as an internal
    /// error, never taken down the server).
    pub fn handle(&mut self, msg: Json, interrupted: bool) {
        let req = match Request::parse(&msg) {
            Ok(r) => r,
            Err((Some(seq), command, m)) => return self.out.error(seq, &command, &m),
            Err((None, _, m)) => return self.log(&format!("ignored {m}")),
        };
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.dispatch(&req, interrupted)
        }));
        match r {
            Ok(Ok(Some(body))) => self.out.response(req.seq, &req.command, body),
            Ok(Ok(None)) => {}
            Ok(Err(m)) => self.out.error(req.seq, &req.command, &m),
            Err(_) => {
                self.pause
                    .busy
                    .store(false, std::sync::atomic::Ordering::SeqCst);
                self.out.error(
                    req.seq,
                    &req.command,
                    "internal error in revpy dap (a bug in revpy; please report it)",
                )
            }
        }
    }

    fn dispatch(&mut self, req: &Request, interrupted: bool) -> Reply {
        match req.command.as_str() {
            "initialize" => self.initialize(req),
            "launch" => self.launch(req),
            "attach" => Err("attach is not supported: launch a program or a recording".into()),
            "configurationDone" => self.configuration_done(req),
            "restart" => self.restart(req),
            "disconnect" => self.disconnect(req),
            "setBreakpoints" => self.set_breakpoints(req),
            "setFunctionBreakpoints" => self.set_function_breakpoints(req),
            "setExceptionBreakpoints" => self.set_exception_breakpoints(req),
            "dataBreakpointInfo" => self.data_breakpoint_info(req),
            "setDataBreakpoints" => self.set_data_breakpoints(req),
            "continue" => self.motion_request(req, Motion::Continue),
            "next" => self.motion_request(req, Motion::Next),
            "stepIn" => self.motion_request(req, Motion::StepIn),
            "stepOut" => self.motion_request(req, Motion::StepOut),
            "stepBack" => self.motion_request(req, Motion::StepBack),
            "reverseContinue" => self.motion_request(req, Motion::ReverseContinue),
            "goto" => self.goto(req),
            "gotoTargets" => self.goto_targets(req),
            "pause" => self.pause_request(req, interrupted),
            "threads" => Ok(Some(json!({"threads": [{"id": 1, "name": "main"}]}))),
            "stackTrace" => self.stack_trace(req),
            "scopes" => self.scopes(req),
            "variables" => self.variables(req),
            "source" => self.source(req),
            "evaluate" => self.evaluate(req),
            "exceptionInfo" => self.exception_info(req),
            other => Err(format!("unknown command '{other}'")),
        }
    }

    /// The engine, or the error for a request that needs one.
    pub(crate) fn engine(&mut self) -> Result<&mut Engine, String> {
        self.engine
            .as_mut()
            .ok_or_else(|| "no program is being debugged (launch one first)".to_string())
    }

    /// A line number as the client counts.
    pub(crate) fn line_out(&self, line: u32) -> i64 {
        if self.lines_at1 {
            line as i64
        } else {
            line as i64 - 1
        }
    }

    /// A line number from the client, as revpy counts (from 1).
    pub(crate) fn line_in(&self, line: i64) -> Result<u32, String> {
        let l = if self.lines_at1 { line } else { line + 1 };
        u32::try_from(l)
            .ok()
            .filter(|l| *l >= 1)
            .ok_or_else(|| format!("bad line number {line}"))
    }

    pub(crate) fn column_out(&self) -> i64 {
        if self.columns_at1 {
            1
        } else {
            0
        }
    }

    fn initialize(&mut self, req: &Request) -> Reply {
        self.lines_at1 = req.opt_bool("linesStartAt1")?.unwrap_or(true);
        self.columns_at1 = req.opt_bool("columnsStartAt1")?.unwrap_or(true);
        Ok(Some(capabilities()))
    }

    /// Record (or open) the target and set up the engine.
    fn open(&mut self, target: Target) -> Result<(), String> {
        let opened = launch::open(&target, &self.exe, &self.out)?;
        let mut engine = opened.engine;
        engine.interrupt = self.pause.interrupt.clone();
        self.replay_output = matches!(target, Target::Recording { .. });
        self.engine = Some(engine);
        self.cleanup();
        self.temp_log = opened.temp_log;
        self.base_dirs = opened.base_dirs;
        self.target = Some(target);
        self.handles.clear();
        self.sources = Sources::default();
        // What the opening replay said (output up to time 1, messages).
        self.flush_events();
        Ok(())
    }

    fn launch(&mut self, req: &Request) -> Reply {
        if self.engine.is_some() {
            return Err("launch: a program is being debugged already".into());
        }
        let target = Target::from_args(&req.args)?;
        self.stop_on_entry = req.opt_bool("stopOnEntry")?.unwrap_or(false);
        self.open(target)?;
        self.out.response(req.seq, &req.command, Json::Null);
        self.out.event("initialized", Json::Null);
        Ok(None)
    }

    fn configuration_done(&mut self, req: &Request) -> Reply {
        self.engine()?;
        self.out.response(req.seq, &req.command, Json::Null);
        self.start();
        Ok(None)
    }

    /// After configuration (or a restart): stop at the entry, or run to the
    /// first hit (or the end of the recording).
    fn start(&mut self) {
        if self.stop_on_entry {
            self.stopped_at_entry();
        } else {
            self.move_and_stop(Motion::Continue);
        }
    }

    /// `restart`: record the program again (or reopen the recording), keep
    /// the breakpoints (data breakpoints are dropped: their objects belong to
    /// the old recording), and start again.
    fn restart(&mut self, req: &Request) -> Reply {
        self.engine()?;
        let mut target = self.target.clone().ok_or("restart: nothing was launched")?;
        if let Some(args) = req.args.get("arguments").filter(|a| a.is_object()) {
            target = Target::from_args(args)?;
            if let Some(b) = args.get("stopOnEntry").and_then(|b| b.as_bool()) {
                self.stop_on_entry = b;
            }
        }
        let rerecord = matches!(target, Target::Program { .. });
        self.open(target)?;
        if rerecord {
            self.bps.forget_found();
        }
        self.data = DataPoints::default();
        self.reapply_breakpoints();
        self.out.response(req.seq, &req.command, Json::Null);
        self.start();
        Ok(None)
    }

    fn disconnect(&mut self, req: &Request) -> Reply {
        self.out.event("terminated", Json::Null);
        self.out.response(req.seq, &req.command, Json::Null);
        self.done = true;
        Ok(None)
    }

    fn pause_request(&mut self, req: &Request, interrupted: bool) -> Reply {
        let time = self.engine()?.time_text();
        self.out.response(req.seq, &req.command, Json::Null);
        if !interrupted {
            // Nothing was running: the session is stopped already; say so.
            self.send_stopped("pause", &format!("pause (time {time})"), None, vec![]);
        }
        Ok(None)
    }

    /// Delete the temporary recording.
    pub fn cleanup(&mut self) {
        if let Some(t) = self.temp_log.take() {
            let _ = std::fs::remove_file(t);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.cleanup();
    }
}

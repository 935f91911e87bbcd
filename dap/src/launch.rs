//! `launch`: what to debug. `{"program": PATH, "args": [...], "cwd": DIR}`
//! records the program first, by running `revpy record` as a child process (its
//! output reaches the client as `output` events while it runs, its stdin is
//! empty); `{"recording": LOG}` opens an existing log. Either way the session
//! then debugs the recording with the revdb engine.

use crate::transport::Out;
use revpy_revdb::Engine;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a `launch` asks for.
#[derive(Clone, Debug)]
pub enum Target {
    Program {
        program: PathBuf,
        args: Vec<String>,
        cwd: PathBuf,
    },
    Recording {
        log: PathBuf,
        cwd: PathBuf,
    },
}

impl Target {
    /// Read a launch request's arguments.
    pub fn from_args(args: &serde_json::Value) -> Result<Target, String> {
        let s = |name: &str| -> Result<Option<String>, String> {
            match args.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) if s.is_empty() => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(format!("launch: argument '{name}' must be a string")),
            }
        };
        let cwd = match s("cwd")? {
            Some(c) => PathBuf::from(c),
            None => {
                std::env::current_dir().map_err(|e| format!("launch: no working directory: {e}"))?
            }
        };
        match (s("program")?, s("recording")?) {
            (Some(_), Some(_)) => Err(
                "launch: give either 'program' (a script to record) or 'recording' (a log), not both"
                    .into(),
            ),
            (None, None) => Err(
                "launch: missing argument 'program' (a script to record) or 'recording' (a log to open)"
                    .into(),
            ),
            (None, Some(log)) => Ok(Target::Recording {
                log: cwd.join(log),
                cwd,
            }),
            (Some(program), None) => {
                let args = match args.get("args") {
                    None | Some(serde_json::Value::Null) => vec![],
                    Some(serde_json::Value::Array(a)) => a
                        .iter()
                        .map(|v| match v {
                            serde_json::Value::String(s) => Ok(s.clone()),
                            other => Ok(other.to_string()),
                        })
                        .collect::<Result<Vec<_>, String>>()?,
                    Some(_) => return Err("launch: argument 'args' must be an array".into()),
                };
                Ok(Target::Program {
                    program: cwd.join(program),
                    args,
                    cwd,
                })
            }
        }
    }
}

/// A recording opened: the engine, and the temporary log to delete at the end.
pub struct Opened {
    pub engine: Engine,
    pub temp_log: Option<PathBuf>,
    /// The directories relative file names of the recording are looked for in.
    pub base_dirs: Vec<PathBuf>,
}

/// A fresh temporary log path.
fn temp_log_path() -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    std::env::temp_dir().join(format!("revpy-dap-{}-{n}.revlog", std::process::id()))
}

/// Forward a child's output, line by line, as `output` events.
fn forward(
    r: impl Read + Send + 'static,
    out: Out,
    category: &'static str,
) -> Option<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name(format!("revpy-dap-{category}"))
        .spawn(move || {
            let mut r = BufReader::new(r);
            let mut line = Vec::new();
            loop {
                line.clear();
                match r.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => out.output(category, &String::from_utf8_lossy(&line)),
                }
            }
        })
        .ok()
}

/// Record `program` to `log` with `revpy record` (the executable `exe`).
fn record(
    exe: &Path,
    program: &Path,
    args: &[String],
    cwd: &Path,
    log: &Path,
    out: &Out,
) -> Result<(), String> {
    let mut child = Command::new(exe)
        .arg("record")
        // Unbuffered: the client sees the output as the program writes it.
        .arg("-u")
        .arg("-o")
        .arg(log)
        .arg(program)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run '{} record': {e}", exe.display()))?;
    let mut threads = vec![];
    if let Some(o) = child.stdout.take() {
        threads.extend(forward(o, out.clone(), "stdout"));
    }
    if let Some(e) = child.stderr.take() {
        threads.extend(forward(e, out.clone(), "stderr"));
    }
    let status = child.wait().map_err(|e| format!("revpy record: {e}"))?;
    for t in threads {
        let _ = t.join();
    }
    if !log.exists() {
        return Err(format!(
            "could not record {} (revpy record exited with {status}; its messages are in the debug console)",
            program.display()
        ));
    }
    Ok(())
}

/// Record (for a program) and open the recording.
pub fn open(target: &Target, exe: &Path, out: &Out) -> Result<Opened, String> {
    let (log, temp, base_dirs) = match target {
        Target::Program { program, args, cwd } => {
            let log = temp_log_path();
            out.output(
                "console",
                &format!("revpy: recording {}\n", program.display()),
            );
            if let Err(e) = record(exe, program, args, cwd, &log, out) {
                let _ = std::fs::remove_file(&log);
                return Err(e);
            }
            (log.clone(), Some(log), vec![cwd.clone()])
        }
        Target::Recording { log, cwd } => {
            let dir = log.parent().map(Path::to_path_buf).unwrap_or_default();
            (log.clone(), None, vec![cwd.clone(), dir])
        }
    };
    let opened = load(&log).map(|engine| Opened {
        engine,
        temp_log: temp.clone(),
        base_dirs,
    });
    if opened.is_err() {
        if let Some(t) = temp {
            let _ = std::fs::remove_file(t);
        }
    }
    opened
}

/// Open a recording with the engine.
fn load(log: &Path) -> Result<Engine, String> {
    if log.is_dir() {
        return Err(format!(
            "cannot open the recording '{}': it is a directory",
            log.display()
        ));
    }
    let data = std::fs::read(log)
        .map_err(|e| format!("cannot open the recording '{}': {e}", log.display()))?;
    let rec = revpy_vm::effects::log::Recording::parse(&data)
        .map_err(|e| format!("{}: {e}", log.display()))?;
    Engine::open(rec, Box::new(revpy_stdlib::new_vm))
}

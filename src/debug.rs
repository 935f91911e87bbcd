//! `revpy debug LOG` / `revpy debug FILE.py [ARGS...]`: open the reverse debugger
//! (the `revdb` crate) over a recording, recording the program first if needed.

use crate::driver::with_big_stack;
use crate::program::Program;
use crate::record;

/// How `revpy debug` runs.
pub struct Options {
    /// `-x FILE`: commands to run first.
    pub command_file: Option<String>,
    /// The checkpoints' memory budget in bytes (None: the engine's default).
    pub budget: Option<usize>,
    /// `--stdin FILE`: the recorded program's standard input (FILE.py only).
    pub stdin: Option<String>,
    /// `--tui`: the dashboard.
    pub tui: bool,
}

// The command line reads the --stdin file for the program (clippy.toml: src/ is the host side).
#[allow(clippy::disallowed_methods)]
/// `module`: `-m MOD`, the program to record (then `target` is empty and `args` are
/// all the program's).
pub fn debug(module: Option<&str>, target: &str, args: &[String], opts: Options) -> u8 {
    let Options {
        command_file,
        budget,
        stdin,
        tui,
    } = opts;
    let mut temp = None;
    let log = if module.is_some() || target.ends_with(".py") {
        // The program reads an empty stdin (or --stdin FILE), never the
        // debugger's: the terminal is for the debugger's commands.
        let input = match &stdin {
            None => Vec::new(),
            Some(f) => match std::fs::read(f) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("revpy debug: cannot read --stdin '{f}': {e}");
                    return 2;
                }
            },
        };
        let path = std::env::temp_dir().join(format!("revpy-debug-{}.revlog", std::process::id()));
        let path = path.to_string_lossy().to_string();
        let program = match module {
            Some(m) => Program::module(m),
            None => match Program::file(target) {
                Ok(p) => p,
                Err(code) => return code,
            },
        };
        let what = module.map_or(target.to_string(), |m| format!("module {m}"));
        eprintln!("revpy debug: recording {what} to {path}");
        let status = record::record_with_stdin(
            program,
            args,
            Some(path.clone()),
            Some(input),
            record::RecordOptions::default(),
        );
        if status == record::BAD_LOG || !std::path::Path::new(&path).exists() {
            return status.max(1);
        }
        temp = Some(path.clone());
        path
    } else {
        if !args.is_empty() {
            eprintln!(
                "revpy debug: arguments are only for a script (FILE.py); a recording has its own"
            );
            return 2;
        }
        if stdin.is_some() {
            eprintln!("revpy debug: --stdin is only for a script (FILE.py); a recording has its own input");
            return 2;
        }
        target.to_string()
    };
    let rec = match record::load(&log) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let (Some(p), revpy_vm::effects::log::Tail::Corrupt { .. }) =
        (record::tail_problem(&log, &rec), &rec.tail)
    {
        // As `revpy replay`: a corrupt file should not pass for a good one.
        eprintln!("revpy debug: {p}");
    }
    let code = with_big_stack(move || {
        let mut engine = match revpy_revdb::Engine::open(rec, Box::new(revpy_stdlib::new_vm)) {
            Ok(e) => e,
            Err(m) => {
                eprintln!("revpy debug: {m}");
                return 1;
            }
        };
        if budget.is_some() {
            engine.set_budget(budget);
        }
        if tui {
            revpy_revdb::tui::run(engine, command_file.as_deref())
        } else {
            revpy_revdb::shell::run(engine, command_file.as_deref())
        }
    });
    if let Some(t) = temp {
        let _ = std::fs::remove_file(t);
    }
    code
}

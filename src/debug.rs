//! `revpy debug LOG` / `revpy debug FILE.py [ARGS...]`: open the reverse debugger
//! (the `revdb` crate) over a recording, recording the program first if needed.

use crate::driver::with_big_stack;
use crate::record;

/// `budget`: the checkpoints' memory budget in bytes (None: the engine's default).
pub fn debug(
    target: &str,
    args: &[String],
    command_file: Option<String>,
    budget: Option<usize>,
) -> u8 {
    let mut temp = None;
    let log = if target.ends_with(".py") {
        let path = std::env::temp_dir().join(format!("revpy-debug-{}.revlog", std::process::id()));
        let path = path.to_string_lossy().to_string();
        eprintln!("revpy debug: recording {target} to {path}");
        let status = record::record(target, args, Some(path.clone()));
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
        revpy_revdb::shell::run(engine, command_file.as_deref())
    });
    if let Some(t) = temp {
        let _ = std::fs::remove_file(t);
    }
    code
}

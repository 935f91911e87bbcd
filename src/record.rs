//! `revpy record`, `revpy replay` and `revpy info`: recordings on disk.

use crate::driver::{read_source, report_compile_error, with_big_stack};
use revpy_compiler::CompileMode;
use revpy_vm::log::{End, Header, LogWriter, Recording, Tail};
use revpy_vm::{EffectKind, ExitStatus, Mode, OutputSink};
use std::cell::RefCell;
use std::rc::Rc;

/// Exit status when a replay diverges from its recording (or the recording is cut
/// short before the program ends).
pub const DIVERGED: u8 = 3;

/// The default recording name: the script's name with `.revlog`, in the current
/// directory (`prog.py` -> `prog.revlog`).
pub fn default_log_name(script: &str) -> String {
    let stem = std::path::Path::new(script)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "recording".into());
    format!("{stem}.revlog")
}

fn script_dir(file: &str) -> String {
    std::path::Path::new(file)
        .parent()
        .map(|p| p.to_string_lossy().to_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| ".".to_string())
}

/// `revpy record FILE ARGS... [-o LOG]`: run the program, recording its effects.
pub fn record(file: &str, args: &[String], out: Option<String>) -> u8 {
    let source = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let log_path = out.unwrap_or_else(|| default_log_name(file));
    let mut argv = vec![file.to_string()];
    argv.extend_from_slice(args);
    let header = Header {
        revpy_version: env!("CARGO_PKG_VERSION").to_string(),
        argv: argv.clone(),
        script_dir: script_dir(file),
        main_source: source.clone(),
    };
    let file = file.to_string();
    with_big_stack(move || {
        let code = match revpy_compiler::compile(&source, &file, CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return report_compile_error(&e),
        };
        let out = match std::fs::File::create(&log_path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("revpy: cannot create the recording '{log_path}': {e}");
                return 2;
            }
        };
        let writer = match LogWriter::create(Box::new(std::io::BufWriter::new(out)), &header) {
            Ok(w) => Rc::new(RefCell::new(w)),
            Err(e) => {
                eprintln!("revpy: cannot write the recording '{log_path}': {e}");
                return 2;
            }
        };
        let mut vm = revpy_stdlib::new_vm();
        vm.effects.mode = Mode::Record(writer.clone());
        vm.set_argv(&argv, &header.script_dir);
        vm.loaded_sources.push((file.clone(), source));
        let status = match vm.run_main(code) {
            Ok(ExitStatus::Code(c)) => c,
            Ok(ExitStatus::Aborted(msg)) => {
                eprintln!("revpy: {msg}");
                1
            }
            Err(msg) => {
                eprintln!("revpy: {msg}");
                1
            }
        };
        let end = End {
            exit_status: status,
            stop_points: vm.stop_points,
            instructions: vm.instructions,
            effects: vm.effects.count,
        };
        if let Err(e) = writer.borrow_mut().finish(&end) {
            eprintln!("revpy: cannot finish the recording '{log_path}': {e}");
        }
        (status & 0xff) as u8
    })
}

/// Read a recording or report why it cannot be read (exit status 2).
pub fn load(path: &str) -> Result<Recording, u8> {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("revpy: can't open recording '{path}': {e}");
            return Err(2);
        }
    };
    Recording::parse(&data).map_err(|e| {
        eprintln!("revpy: {path}: {e}");
        2
    })
}

/// `revpy replay LOG [--quiet]`: re-execute from the log alone.
pub fn replay(path: &str, quiet: bool) -> u8 {
    let rec = match load(path) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Tail::Corrupt { at_byte, what } = &rec.tail {
        eprintln!("revpy: {path}: corrupt at byte {at_byte} ({what}); replaying the effects before it");
    }
    with_big_stack(move || {
        let h = &rec.header;
        let file = h.argv.first().cloned().unwrap_or_else(|| "<main>".into());
        let code = match revpy_compiler::compile(&h.main_source, &file, CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return report_compile_error(&e),
        };
        let mut vm = revpy_stdlib::new_vm();
        let truncated = !matches!(rec.tail, Tail::Complete(_));
        vm.effects.mode = Mode::Replay(revpy_vm::effects::Replay {
            effects: Rc::new(rec.effects.clone()),
            pos: 0,
            truncated,
        });
        if quiet {
            vm.effects.stdout = OutputSink::Null;
            vm.effects.stderr = OutputSink::Null;
        }
        vm.set_argv(&h.argv, &h.script_dir);
        vm.loaded_sources.push((file.clone(), h.main_source.clone()));
        let status = match vm.run_main(code) {
            Ok(ExitStatus::Code(c)) => c,
            Ok(ExitStatus::Aborted(msg)) => {
                vm.effects.flush();
                eprintln!("revpy: {msg}");
                return DIVERGED;
            }
            Err(msg) => {
                eprintln!("revpy: {msg}");
                return 1;
            }
        };
        vm.effects.flush();
        if let Tail::Complete(end) = &rec.tail {
            let used = match &vm.effects.mode {
                Mode::Replay(r) => r.pos,
                _ => 0,
            };
            let mut problems = vec![];
            if end.exit_status != status {
                problems.push(format!("exit status {status}, recorded {}", end.exit_status));
            }
            if used != rec.effects.len() {
                problems.push(format!("{used} of {} recorded effects used", rec.effects.len()));
            }
            if end.stop_points != vm.stop_points {
                problems.push(format!("{} stop points, recorded {}", vm.stop_points, end.stop_points));
            }
            if end.instructions != vm.instructions {
                problems.push(format!("{} instructions, recorded {}", vm.instructions, end.instructions));
            }
            if !problems.is_empty() {
                eprintln!("revpy: replay diverged at the end: {}", problems.join("; "));
                return DIVERGED;
            }
        }
        (status & 0xff) as u8
    })
}

/// `revpy info LOG`
pub fn info(path: &str) -> u8 {
    let rec = match load(path) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let h = &rec.header;
    println!("recording:   {path} ({} bytes, format version {})", rec.size, revpy_vm::log::FORMAT_VERSION);
    println!("recorded by: revpy {}", h.revpy_version);
    println!("program:     {}", h.argv.first().cloned().unwrap_or_default());
    println!("argv:        {:?}", h.argv);
    println!("script dir:  {}", h.script_dir);
    let mut modules = vec![format!("__main__ ({} lines)", h.main_source.lines().count())];
    for e in &rec.effects {
        if e.kind == EffectKind::ImportRead as u16 {
            if let revpy_vm::log::Val::List(parts) = &e.val {
                if let [revpy_vm::log::Val::Str(p), revpy_vm::log::Val::Str(src)] = &parts[..] {
                    modules.push(format!("{p} ({} lines)", src.lines().count()));
                }
            }
        }
    }
    println!("modules:     {}", modules.join(", "));
    println!("effects:     {} in {} blocks", rec.effects.len(), rec.blocks);
    let mut counts: Vec<(u16, usize)> = vec![];
    for e in &rec.effects {
        match counts.iter_mut().find(|(k, _)| *k == e.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((e.kind, 1)),
        }
    }
    counts.sort();
    for (k, n) in counts {
        let name = EffectKind::from_u16(k).map(|k| k.name()).unwrap_or("?");
        println!("  {name:<28} {n}");
    }
    match &rec.tail {
        Tail::Complete(end) => {
            println!("status:      complete");
            println!("exit status: {}", end.exit_status);
            println!("stop points: {}", end.stop_points);
            println!("instructions: {}", end.instructions);
        }
        Tail::Truncated { at_byte } => {
            println!("status:      truncated at byte {at_byte} (the recording was cut short: no end record)");
        }
        Tail::Corrupt { at_byte, what } => {
            println!("status:      corrupt at byte {at_byte}: {what}");
        }
    }
    0
}

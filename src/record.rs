//! `revpy record`, `revpy replay` and `revpy info`: recordings on disk.
//! The format is in `docs/log-format.md`; reading and writing it in `revpy_vm::effects::log`.

use crate::driver::{report_compile_error, with_big_stack};
use revpy_compiler::CompileMode;
use revpy_vm::effects::log::{Header, Recording, Tail, Val};
use revpy_vm::{EffectKind, ExitStatus, OutputSink};

/// Exit status when a replay diverges from its recording, or the recording ends
/// (cut short or corrupt) before the program does.
pub const DIVERGED: u8 = 3;

/// Exit status when the recording cannot be read at all (missing, not a log,
/// another format version, a bad header).
pub const BAD_LOG: u8 = 2;

/// The default recording name: the script's name with `.revlog`, in the current
/// directory (`dir/prog.py` -> `./prog.revlog`).
pub fn default_log_name(script: &str) -> String {
    let stem = std::path::Path::new(script)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "recording".into());
    format!("{stem}.revlog")
}

fn status_byte(status: i32) -> u8 {
    (status & 0xff) as u8
}

/// `revpy record FILE ARGS... [-o LOG]` (or `-c COMMAND`): run the program,
/// recording its effects. Same output and exit status as `revpy run`. A program
/// that does not compile still leaves a (complete, effect-free) recording: its
/// replay reports the same error.
pub fn record(
    program: crate::program::Program,
    args: &[String],
    out: Option<String>,
    opts: RecordOptions,
) -> u8 {
    record_with_stdin(program, args, out, None, opts)
}

/// How `revpy record` runs the program (its command-line options).
#[derive(Clone, Copy, Debug, Default)]
pub struct RecordOptions {
    /// `-u`: stdout unbuffered.
    pub unbuffered: bool,
    /// `--chaos SEED`: threads scheduled by a perturbed schedule drawn from SEED (the
    /// seed goes into the recording as the `ThreadSeed` effect).
    pub chaos: Option<u64>,
}

/// `record`, with the program's standard input given (None: the process's).
pub fn record_with_stdin(
    program: crate::program::Program,
    args: &[String],
    out: Option<String>,
    stdin: Option<Vec<u8>>,
    opts: RecordOptions,
) -> u8 {
    let RecordOptions { unbuffered, chaos } = opts;
    let log_path = out.unwrap_or_else(|| program.log_name.clone());
    let argv = program.argv(args);
    let header = Header::new(argv.clone(), &program.dir, &program.source);
    let crate::program::Program { file, source, .. } = program;
    with_big_stack(move || {
        let out = match std::fs::File::create(&log_path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("revpy: cannot create the recording '{log_path}': {e}");
                return BAD_LOG;
            }
        };
        let mut vm = revpy_stdlib::new_vm();
        vm.threads.chaos_request = chaos;
        if let Some(input) = stdin {
            vm.effects.stdin = Some(input.into_iter().collect());
        }
        if unbuffered {
            vm.effects.stdout_buffering = revpy_vm::effects::Buffering::Unbuffered;
        }
        if let Err(e) = vm.start_recording(Box::new(std::io::BufWriter::new(out)), &header) {
            eprintln!("revpy: cannot write the recording '{log_path}': {e}");
            return BAD_LOG;
        }
        let status = match revpy_compiler::compile(&source, &file, CompileMode::Module) {
            Err(e) => report_compile_error(&e) as i32,
            Ok(code) => {
                vm.set_argv(&argv, &header.script_dir);
                vm.add_source(&file, &source);
                match vm.run_main(code) {
                    Ok(ExitStatus::Code(c)) => c,
                    Ok(ExitStatus::Aborted(msg)) | Err(msg) => {
                        vm.effects.flush_stdout();
                        eprintln!("revpy: {msg}");
                        1
                    }
                }
            }
        };
        if let Err(e) = vm.finish_recording(status) {
            eprintln!("revpy: cannot write the recording '{log_path}': {e}");
        }
        status_byte(status)
    })
}

/// Read a recording or report why it cannot be read.
pub fn load(path: &str) -> Result<Recording, u8> {
    if std::path::Path::new(path).is_dir() {
        eprintln!("revpy: can't open recording '{path}': it is a directory");
        return Err(BAD_LOG);
    }
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("revpy: can't open recording '{path}': {e}");
            return Err(BAD_LOG);
        }
    };
    Recording::parse(&data).map_err(|e| {
        eprintln!("revpy: {path}: {e}");
        BAD_LOG
    })
}

/// What is wrong with the end of a recording, for messages.
pub fn tail_problem(path: &str, rec: &Recording) -> Option<String> {
    match &rec.tail {
        Tail::Complete(_) => None,
        Tail::Truncated { at_byte } => Some(format!(
            "{path}: the recording ends at byte {at_byte} after effect #{} with no end record (the recorded program was killed or crashed, or the file was cut)",
            rec.effects.len()
        )),
        Tail::Corrupt { at_byte, what } => Some(format!(
            "corrupt recording {path}: {what}, at byte {at_byte}; only its first {} effects can be replayed",
            rec.effects.len()
        )),
    }
}

/// `revpy replay LOG [--quiet]`: re-execute from the log alone. The program's output
/// is shown (unless `quiet`); the exit status is the recorded program's, or 3 if the
/// replay diverged or the recording is incomplete.
pub fn replay(path: &str, quiet: bool) -> u8 {
    let rec = match load(path) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if rec.header.revpy_version != env!("CARGO_PKG_VERSION") {
        // Object ids and time counts may differ between versions.
        eprintln!(
            "revpy: warning: {path} was recorded by revpy {}; this is revpy {}",
            rec.header.revpy_version,
            env!("CARGO_PKG_VERSION")
        );
    }
    let problem = tail_problem(path, &rec);
    if let (Some(p), Tail::Corrupt { .. }) = (&problem, &rec.tail) {
        // Say it before the output: a corrupt file should not pass for a good one.
        eprintln!("revpy: {p}");
    }
    with_big_stack(move || {
        let Recording {
            header: h,
            effects,
            tail,
            ..
        } = rec;
        let file = revpy_vm::effects::log::main_file_name(h.argv.first().map_or("", |a| a));
        let mut vm = revpy_stdlib::new_vm();
        vm.start_replay(effects, !matches!(tail, Tail::Complete(_)));
        if quiet {
            vm.effects.stdout = OutputSink::Null;
            vm.effects.stderr = OutputSink::Null;
        }
        let status = match revpy_compiler::compile(&h.main_source, &file, CompileMode::Module) {
            Err(e) if quiet => match e.kind {
                revpy_compiler::ErrorKind::Unsupported => 2,
                revpy_compiler::ErrorKind::Syntax => 1,
            },
            Err(e) => report_compile_error(&e) as i32,
            Ok(code) => {
                vm.set_argv(&h.argv, &h.script_dir);
                vm.add_source(&file, &h.main_source);
                match vm.run_main(code) {
                    Ok(ExitStatus::Code(c)) => c,
                    Ok(ExitStatus::Aborted(msg)) | Err(msg) => {
                        vm.effects.flush();
                        let msg = match &tail {
                            Tail::Corrupt { .. } => msg.replace(
                                "it was cut short (the recorded program was killed or crashed)",
                                "the rest of the recording is corrupt",
                            ),
                            _ => msg,
                        };
                        eprintln!("revpy: {msg}");
                        return DIVERGED;
                    }
                }
            }
        };
        vm.effects.flush();
        match &tail {
            Tail::Complete(end) => match vm.check_replay_end(end, status) {
                Ok(()) => status_byte(status),
                Err(problems) => {
                    eprintln!("revpy: replay diverged at the end: {problems}");
                    DIVERGED
                }
            },
            _ => {
                eprintln!(
                    "revpy: {}; the replay reached the end of the program without needing more effects, but its totals cannot be checked",
                    problem.unwrap_or_default()
                );
                DIVERGED
            }
        }
    })
}

/// `revpy info LOG`: what a recording holds.
pub fn info(path: &str) -> u8 {
    let rec = match load(path) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let h = &rec.header;
    println!(
        "recording:    {path} ({} bytes, format version {})",
        rec.size,
        revpy_vm::effects::log::FORMAT_VERSION
    );
    println!("recorded by:  revpy {}", h.revpy_version);
    println!(
        "program:      {}",
        h.argv.first().cloned().unwrap_or_default()
    );
    println!("argv:         {:?}", h.argv);
    println!("script dir:   {}", h.script_dir);
    let mut modules = vec![format!(
        "__main__ ({} lines)",
        h.main_source.lines().count()
    )];
    for e in &rec.effects {
        if e.kind == EffectKind::ImportRead as u16 {
            if let Val::List(parts) = &e.val {
                if let [Val::Str(p), Val::Str(src)] = &parts[..] {
                    modules.push(format!("{p} ({} lines)", src.lines().count()));
                }
            }
        }
    }
    println!("modules:      {}", modules.join(", "));
    println!(
        "effects:      {} in {} blocks",
        rec.effects.len(),
        rec.blocks
    );
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
            println!("status:       complete");
            println!("exit status:  {}", end.exit_status);
            println!("stop points:  {}", end.stop_points);
            println!("instructions: {}", end.instructions);
        }
        Tail::Truncated { at_byte } => {
            println!("status:       truncated at byte {at_byte} (no end record: the recorded program was killed or crashed, or the file was cut)");
        }
        Tail::Corrupt { at_byte, what } => {
            println!("status:       corrupt at byte {at_byte}: {what}");
        }
    }
    0
}

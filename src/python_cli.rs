//! Command lines a Python user types, read as `python` reads them: `revpy [OPTIONS]
//! FILE ARGS`, `-c CMD ARGS`, `-m MOD ARGS`, `- ARGS`, a program piped into `revpy`,
//! and `-i` (the prompt, whatever standard input is; after the program if one is
//! given), with python's one-letter options before them (`revpy -u prog.py`,
//! `revpy -B -X dev -c ...`).

use crate::{driver, program, record, repl};

/// What python's options before the program asked for.
#[derive(Default)]
struct Options {
    /// `-u`: the program's stdout unbuffered.
    unbuffered: bool,
    /// `-i`: the prompt (after the program).
    interactive: bool,
    /// Some option was given (then the line is python's, not a subcommand's).
    any: bool,
}

/// Options python takes that change nothing here: `-B` (no .pyc: revpy writes
/// none), `-E`/`-I`/`-s`/`-S`/`-P` (environment, user site and path isolation:
/// revpy reads no PYTHON* variables and has no site-packages), `-q`, `-b`, `-d`,
/// `-v`, `-R` (hash randomisation is always off: runs are deterministic).
const NO_EFFECT: &str = "BEIsSPqbdvR";

/// The line as python reads it, run; None: not python's line (clap parses it).
pub fn python_style(argv: &[String]) -> Option<u8> {
    use std::io::IsTerminal;
    let mut opts = Options::default();
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        if arg == "--" {
            i += 1;
            break;
        }
        // Long options (`--help`, `--version`) and subcommands are revpy's own.
        if !arg.starts_with('-') || arg == "-" || arg.starts_with("--") {
            break;
        }
        let letters: Vec<char> = arg[1..].chars().collect();
        for (j, c) in letters.iter().enumerate() {
            let attached: String = letters[j + 1..].iter().collect();
            match c {
                'c' | 'm' => {
                    let value = if attached.is_empty() {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                eprintln!("Argument expected for the -{c} option");
                                return Some(2);
                            }
                        }
                    } else {
                        attached
                    };
                    let rest = &argv[(i + 1).min(argv.len())..];
                    let p = if *c == 'c' {
                        program::Program::command(&value)
                    } else {
                        program::Program::module(&value)
                    };
                    return Some(run(Ok(p), rest, &opts));
                }
                // `-X opt` and `-W filter` take a value; neither changes a run here
                // (warnings print with the default filters).
                'X' | 'W' => {
                    if attached.is_empty() {
                        i += 1;
                        if i >= argv.len() {
                            eprintln!("Argument expected for the -{c} option");
                            return Some(2);
                        }
                    }
                    break;
                }
                'u' => opts.unbuffered = true,
                'i' => opts.interactive = true,
                'O' => {
                    eprintln!(
                        "revpy: -O is not supported: assert statements and __debug__ always run"
                    );
                    return Some(2);
                }
                c if NO_EFFECT.contains(*c) => {}
                // `-h`, `-V` and anything unknown: clap's help, version or error.
                _ => return None,
            }
        }
        opts.any = true;
        i += 1;
    }
    let rest = &argv[(i + 1).min(argv.len())..];
    match argv.get(i).map(String::as_str) {
        None if opts.interactive => Some(repl::run()),
        None if !std::io::stdin().is_terminal() => {
            Some(run(program::Program::stdin(""), &[], &opts))
        }
        // `revpy -u` alone: the prompt (unbuffered is what the prompt does anyway).
        None if opts.any => Some(repl::run()),
        None => None,
        Some("-") => Some(run(program::Program::stdin("-"), rest, &opts)),
        Some(f) if opts.any => Some(run(program::Program::file(f), rest, &opts)),
        Some(f) if crate::cli().find_subcommand(f).is_some() => None,
        Some(f) if f.ends_with(".py") || std::path::Path::new(f).is_file() => {
            Some(run(program::Program::file(f), rest, &opts))
        }
        Some(_) => None,
    }
}

fn run(program: Result<program::Program, u8>, args: &[String], opts: &Options) -> u8 {
    match program {
        Ok(p) if opts.interactive => repl::run_then_prompt(p, args),
        Ok(p) => {
            let record_opts = record::RecordOptions {
                unbuffered: opts.unbuffered,
                ..Default::default()
            };
            let debug = driver::RunDebug {
                trace: false,
                gc_verify: false,
            };
            driver::run_file(p, args, debug, record_opts)
        }
        Err(code) => code,
    }
}

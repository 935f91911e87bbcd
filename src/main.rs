//! The `revpy` command line: argument parsing only; the work is in `driver`.

// The command line is the host side: it reads the script and the recording, writes
// the log file and starts the VM's thread (clippy.toml refuses these in the VM).
#![allow(clippy::disallowed_methods)]

mod alloc;
mod analysis;
mod debug;
mod driver;
mod program;
mod python_cli;
mod record;
mod repl;
mod repl_complete;

use clap::{Arg, ArgAction, Command};
use std::process::ExitCode;

pub(crate) fn cli() -> Command {
    Command::new("revpy")
        .about("A deterministic Python 3 VM with reverse execution")
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(false)
        .subcommand(
            Command::new("run")
                .about("Run a Python program")
                .arg(
                    Arg::new("unbuffered")
                        .short('u')
                        .action(ArgAction::SetTrue)
                        .help("Write the program's stdout at once, unbuffered (as python -u)"),
                )
                .arg(
                    Arg::new("chaos")
                        .long("chaos")
                        .value_name("SEED")
                        .value_parser(clap::value_parser!(u64))
                        .help("Threads: a perturbed schedule drawn from SEED (random switch points and order)"),
                )
                .arg(
                    Arg::new("trace")
                        .long("trace")
                        .action(ArgAction::SetTrue)
                        .help("Print each instruction with the operand stack (to stderr)"),
                )
                .arg(
                    Arg::new("gc-verify")
                        .long("gc-verify")
                        .action(ArgAction::SetTrue)
                        .hide(true)
                        .help("Test the collector: a small nursery, and check its invariants at every minor collection"),
                )
                .arg(
                    Arg::new("profile")
                        .long("profile")
                        .action(ArgAction::SetTrue)
                        .help("Profile the run: exact instruction counts (see `revpy profile`)"),
                )
                .args(analysis::profile_args().into_iter().map(|a| a.requires("profile")))
                .arg(
                    Arg::new("list-modules")
                        .long("list-modules")
                        .action(ArgAction::SetTrue)
                        .help("List the modules revpy provides and exit"),
                )
                .arg(command_arg())
                .arg(module_arg())
                .arg(Arg::new("file").required_unless_present_any(["list-modules", "command", "module"]))
                .arg(
                    Arg::new("args")
                        .num_args(0..)
                        .trailing_var_arg(true)
                        .allow_hyphen_values(true),
                ),
        )
        .subcommand(
            Command::new("record")
                .about("Run a program and record its effects to a log (default: NAME.revlog in the current directory)")
                .arg(Arg::new("output").short('o').long("output").value_name("LOG").help("Where to write the recording"))
                .arg(
                    Arg::new("unbuffered")
                        .short('u')
                        .action(ArgAction::SetTrue)
                        .help("Write the program's stdout at once, unbuffered (as python -u)"),
                )
                .arg(
                    Arg::new("chaos")
                        .long("chaos")
                        .value_name("SEED")
                        .value_parser(clap::value_parser!(u64))
                        .help("Threads: a perturbed schedule drawn from SEED (random switch points and order)"),
                )
                .arg(command_arg())
                .arg(module_arg())
                // FILE and the program's arguments: everything after FILE is the
                // program's, as with python (`revpy record prog.py -o x` passes -o).
                .arg(
                    Arg::new("file")
                        .required_unless_present_any(["command", "module"])
                        .value_name("FILE [ARGS]...")
                        .num_args(1..)
                        .trailing_var_arg(true)
                        .allow_hyphen_values(true),
                ),
        )
        .subcommand(
            Command::new("replay")
                .about("Re-execute a recording from the log alone")
                .arg(Arg::new("quiet").short('q').long("quiet").action(ArgAction::SetTrue).help("Do not show the program's output"))
                .arg(Arg::new("log").required(true)),
        )
        .subcommand(
            Command::new("info")
                .about("Describe a recording: program, modules, effects, totals")
                .arg(Arg::new("log").required(true)),
        )
        .subcommand(
            Command::new("debug")
                .about("Open the reverse debugger over a recording (or record FILE.py first)")
                .arg(Arg::new("commands").short('x').value_name("FILE").help("Run the commands in FILE first"))
                .arg(
                    Arg::new("module").short('m').value_name("MOD").help(
                        "Record module MOD run as __main__ (as python -m pdb -m MOD) and debug it; the arguments after it are its sys.argv[1:]",
                    ),
                )
                .arg(
                    Arg::new("memory")
                        .long("memory")
                        .value_name("MIB")
                        .value_parser(clap::value_parser!(u64).range(1..=1 << 30))
                        .help("Memory budget for checkpoints, in MiB (default: 2.5 times the program's heap, at least 16)"),
                )
                .arg(
                    Arg::new("stdin")
                        .long("stdin")
                        .value_name("FILE")
                        .help("For FILE.py: the program's standard input (default: empty, never the debugger's)"),
                )
                .arg(
                    Arg::new("tui")
                        .long("tui")
                        .action(ArgAction::SetTrue)
                        .help("Open the dashboard (source, locals, stack, bytecode, output, command line)"),
                )
                // Everything after FILE.py is the program's.
                .arg(
                    Arg::new("target")
                        .required_unless_present("module")
                        .value_name("LOG|FILE.py [ARGS]...")
                        .num_args(1..)
                        .trailing_var_arg(true)
                        .allow_hyphen_values(true),
                ),
        )
        .subcommand(analysis::profile_cmd())
        .subcommand(analysis::timeline_cmd())
        .subcommand(analysis::heap_cmd())
        .subcommand(
            Command::new("dap")
                .about("Serve the Debug Adapter Protocol (reverse debugging in editors) on stdin/stdout")
                .arg(
                    Arg::new("port")
                        .long("port")
                        .value_name("N")
                        .value_parser(clap::value_parser!(u16))
                        .help("Listen on 127.0.0.1:N for one client instead (0: any free port, printed on stderr)"),
                ),
        )
        .subcommand(
            Command::new("dis")
                .about("Disassemble every code object of a program")
                .arg(Arg::new("file").required(true)),
        )
}

/// `-c CMD`: the program is CMD (then every positional argument is the program's).
fn command_arg() -> Arg {
    Arg::new("command")
        .short('c')
        .value_name("CMD")
        .conflicts_with("module")
        .help("Run the program CMD (as python -c); the arguments after it are its sys.argv[1:]")
}

/// `-m MOD`: run module MOD as `__main__` (as `python -m`).
fn module_arg() -> Arg {
    Arg::new("module").short('m').value_name("MOD").help(
        "Run module MOD as __main__ (as python -m); the arguments after it are its sys.argv[1:]",
    )
}

/// The program named by `file` (`-` is standard input) or `-c CMD`, and its
/// arguments: with `-c` every positional argument is the program's.
fn program_of(
    m: &clap::ArgMatches,
    file: Option<String>,
    mut args: Vec<String>,
) -> Result<(program::Program, Vec<String>), u8> {
    let special = match (
        m.get_one::<String>("command"),
        m.get_one::<String>("module"),
    ) {
        (Some(cmd), _) => Some(program::Program::command(cmd)),
        (None, Some(module)) => Some(program::Program::module(module)),
        (None, None) => None,
    };
    if let Some(p) = special {
        if let Some(f) = file {
            args.insert(0, f);
        }
        return Ok((p, args));
    }
    let file = file.unwrap_or_default();
    let p = if file == "-" {
        program::Program::stdin("-")?
    } else {
        program::Program::file(&file)?
    };
    Ok((p, args))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if let Some(code) = python_cli::python_style(&argv) {
        return ExitCode::from(code);
    }
    let matches = match cli().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match matches.subcommand() {
        Some(("run", m)) => {
            if m.get_flag("list-modules") {
                driver::list_modules()
            } else {
                let file = m.get_one::<String>("file").cloned();
                let args: Vec<String> = m
                    .get_many::<String>("args")
                    .map(|a| a.cloned().collect())
                    .unwrap_or_default();
                if m.get_flag("profile") {
                    analysis::run_profiled(m, &file.unwrap_or_default(), &args)
                } else {
                    match program_of(m, file, args) {
                        Ok((program, args)) => {
                            let opts = record::RecordOptions {
                                unbuffered: m.get_flag("unbuffered"),
                                chaos: m.get_one::<u64>("chaos").copied(),
                            };
                            let debug = driver::RunDebug {
                                trace: m.get_flag("trace"),
                                gc_verify: m.get_flag("gc-verify"),
                            };
                            driver::run_file(program, &args, debug, opts)
                        }
                        Err(code) => code,
                    }
                }
            }
        }
        Some(("record", m)) => {
            let mut all: Vec<String> = m
                .get_many::<String>("file")
                .map(|a| a.cloned().collect())
                .unwrap_or_default();
            let file = (!all.is_empty()).then(|| all.remove(0));
            let opts = record::RecordOptions {
                unbuffered: m.get_flag("unbuffered"),
                chaos: m.get_one::<u64>("chaos").copied(),
            };
            match program_of(m, file, all) {
                Ok((program, args)) => {
                    record::record(program, &args, m.get_one::<String>("output").cloned(), opts)
                }
                Err(code) => code,
            }
        }
        Some(("replay", m)) => {
            let log = m.get_one::<String>("log").cloned().unwrap_or_default();
            record::replay(&log, m.get_flag("quiet"))
        }
        Some(("info", m)) => {
            let log = m.get_one::<String>("log").cloned().unwrap_or_default();
            record::info(&log)
        }
        Some(("debug", m)) => {
            purge_promptly();
            let mut args: Vec<String> = m
                .get_many::<String>("target")
                .map(|a| a.cloned().collect())
                .unwrap_or_default();
            let module = m.get_one::<String>("module");
            let target = if args.is_empty() || module.is_some() {
                String::new()
            } else {
                args.remove(0)
            };
            let budget = m.get_one::<u64>("memory").map(|mib| (*mib as usize) << 20);
            debug::debug(
                module.map(String::as_str),
                &target,
                &args,
                debug::Options {
                    command_file: m.get_one::<String>("commands").cloned(),
                    budget,
                    stdin: m.get_one::<String>("stdin").cloned(),
                    tui: m.get_flag("tui"),
                },
            )
        }
        Some(("dap", m)) => {
            purge_promptly();
            // Launched programs are recorded by this same executable.
            let exe = std::env::current_exe().unwrap_or_else(|_| "revpy".into());
            let port = m.get_one::<u16>("port").copied();
            driver::with_big_stack(move || match port {
                Some(p) => revpy_dap::serve_tcp(p, exe),
                None => revpy_dap::serve_stdio(exe),
            })
        }
        Some(("profile", m)) => analysis::profile(m),
        Some(("timeline", m)) => analysis::timeline(m),
        Some(("heap", m)) => analysis::heap(m),
        Some(("dis", m)) => {
            let file = m.get_one::<String>("file").cloned().unwrap_or_default();
            driver::dis_file(&file)
        }
        _ => repl::run(),
    };
    ExitCode::from(code)
}

/// mimalloc: the VM allocates and frees many small objects (instance dicts, tuples);
/// glibc's malloc spent a third of the time of object-heavy programs.
#[global_allocator]
static GLOBAL: alloc::Mimalloc = alloc::Mimalloc;

extern "C" {
    fn mi_option_set(option: i32, value: std::ffi::c_long);
}

/// The debugger builds and drops whole copies of the program's heap (moving in
/// time, thinning checkpoints): mimalloc returns freed memory to the system
/// 10 ms later by default, long enough for the next copy to be built on top.
/// Return it at once (`mi_option_purge_delay` = 0; the CPU time is the same).
fn purge_promptly() {
    const MI_OPTION_PURGE_DELAY: i32 = 15;
    // SAFETY: sets one of mimalloc's options, a plain store in its option table.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

//! A small test runner for the test files that make one test per program or
//! transcript (`harness = false` in Cargo.toml): named cases, run in parallel,
//! chosen by name, with libtest's command line and output.
//!
//!     cargo test --test programs -- strings/format_spec   # names containing it
//!     cargo test --test programs -- --exact strings/format_spec
//!     cargo test --test revdb -- --list
//!     cargo test strings/format_spec                       # in every test file
//!
//! Options: FILTER..., `--exact`, `--skip S`, `--list`, `--test-threads N` (or
//! `RUST_TEST_THREADS`), `-q`/`--quiet`; `--nocapture`, `--show-output` and
//! `--color` are accepted (output is not captured). A case fails by returning
//! `Err(message)` or by panicking. `REVPY_TIMES=1` shows how long each took.
//!
//! Why not the `libtest-mimic` crate: it enables clap's default features, and
//! Cargo unifies them with the `revpy` binary's own clap in test builds, so the
//! binary under test would print clap suggestions that the shipped one does not.

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

type Run = Box<dyn FnOnce() -> Result<(), String> + Send>;

/// One named test case.
pub struct Trial {
    name: String,
    run: Run,
}

impl Trial {
    pub fn test(
        name: impl Into<String>,
        run: impl FnOnce() -> Result<(), String> + Send + 'static,
    ) -> Trial {
        Trial {
            name: name.into(),
            run: Box::new(run),
        }
    }
}

/// `Trial`s of plain functions that panic to fail: `trials![f, g]` names each
/// after its function.
#[macro_export]
macro_rules! trials {
    ($($f:ident),* $(,)?) => {
        vec![$($crate::common::harness::Trial::test(stringify!($f), || {
            $f();
            Ok(())
        })),*]
    };
}

struct Options {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    quiet: bool,
    /// `--ignored`: only the ignored tests, and no test here is.
    ignored_only: bool,
    threads: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        filters: vec![],
        skip: vec![],
        exact: false,
        list: false,
        quiet: false,
        ignored_only: false,
        threads: std::env::var("RUST_TEST_THREADS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if a.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{what} needs a value"))
        };
        match flag.as_str() {
            "--exact" => o.exact = true,
            "--list" => o.list = true,
            "-q" | "--quiet" => o.quiet = true,
            "--nocapture" | "--show-output" | "--include-ignored" => {}
            "--skip" => o.skip.push(value("--skip")?),
            "--color" | "--format" | "-Z" => {
                value(&flag)?;
            }
            "--test-threads" => {
                o.threads = value("--test-threads")?
                    .parse()
                    .map_err(|_| "--test-threads needs a positive number".to_string())?;
            }
            "--ignored" => o.ignored_only = true,
            f if f.starts_with('-') => return Err(format!("unknown option '{f}'")),
            _ => o.filters.push(a),
        }
    }
    o.threads = o.threads.max(1);
    Ok(o)
}

thread_local! {
    /// The message of the last panic on this thread (instead of printing it).
    static PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    static IN_TRIAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run the trials the command line selects; the process's exit status.
pub fn run(trials: Vec<Trial>) -> std::process::ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(101);
        }
    };
    let total = trials.len();
    let matches = |name: &str, pat: &str| {
        if o.exact {
            name == pat
        } else {
            name.contains(pat)
        }
    };
    let chosen: Vec<Trial> = trials
        .into_iter()
        .filter(|t| o.filters.is_empty() || o.filters.iter().any(|f| matches(&t.name, f)))
        .filter(|t| !o.skip.iter().any(|s| matches(&t.name, s)) && !o.ignored_only)
        .collect();
    if o.list {
        for t in &chosen {
            println!("{}: test", t.name);
        }
        return std::process::ExitCode::SUCCESS;
    }
    let filtered = total - chosen.len();
    let n = chosen.len();
    println!("\nrunning {n} test{}", if n == 1 { "" } else { "s" });
    let start = Instant::now();
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if IN_TRIAL.with(|t| t.get()) {
            PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
        } else {
            default_hook(info);
        }
    }));
    let queue = Arc::new(Mutex::new(chosen.into_iter()));
    let (tx, rx) = mpsc::channel::<(String, Result<(), String>, f64)>();
    let workers: Vec<_> = (0..o.threads.min(n.max(1)))
        .map(|_| {
            let (queue, tx) = (queue.clone(), tx.clone());
            std::thread::spawn(move || loop {
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).next();
                let Some(t) = next else { break };
                IN_TRIAL.with(|f| f.set(true));
                let t0 = Instant::now();
                let r = panic::catch_unwind(AssertUnwindSafe(t.run)).unwrap_or_else(|_| {
                    Err(PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_else(|| "the test panicked".into()))
                });
                IN_TRIAL.with(|f| f.set(false));
                if tx.send((t.name, r, t0.elapsed().as_secs_f64())).is_err() {
                    break;
                }
            })
        })
        .collect();
    drop(tx);
    let mut failures = vec![];
    let mut passed = 0;
    let mut stdout = std::io::stdout();
    let times = std::env::var("REVPY_TIMES").is_ok_and(|v| v == "1");
    for (done, (name, r, secs)) in rx.iter().enumerate() {
        let ok = r.is_ok();
        if o.quiet {
            let _ = write!(stdout, "{}", if ok { "." } else { "F" });
            if (done + 1) % 88 == 0 {
                let _ = writeln!(stdout, " {}/{n}", done + 1);
            }
        } else {
            let verdict = if ok { "ok" } else { "FAILED" };
            let _ = match times {
                true => writeln!(stdout, "test {name} ... {verdict} ({secs:.2}s)"),
                false => writeln!(stdout, "test {name} ... {verdict}"),
            };
        }
        let _ = stdout.flush();
        match r {
            Ok(()) => passed += 1,
            Err(m) => failures.push((name, m)),
        }
    }
    for w in workers {
        let _ = w.join();
    }
    if o.quiet {
        println!();
    }
    failures.sort();
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, m) in &failures {
            println!("---- {name} ----\n{m}\n");
        }
        println!("failures:");
        for (name, _) in &failures {
            println!("    {name}");
        }
    }
    let status = if failures.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {status}. {passed} passed; {} failed; 0 ignored; 0 measured; {filtered} filtered out; finished in {:.2}s\n",
        failures.len(),
        start.elapsed().as_secs_f64()
    );
    if failures.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(101)
    }
}

//! Runs every program in `tests/programs` under `revpy run` and compares stdout (and,
//! for programs that fail on purpose, stderr and the exit status) with what CPython
//! 3.11 produced (stored beside each program; see `common/mod.rs` for which files
//! are programs). Each program is a test named by its path:
//!
//!     cargo test --test programs -- strings/format_spec
//!
//! `REVPY_REGEN=1 cargo test --test programs` first regenerates the expectations
//! with python3 (it runs `tests/regen_expected.sh`).

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

mod common;

use common::harness::{self, Trial};
use common::Program;

fn main() -> std::process::ExitCode {
    if std::env::var("REVPY_REGEN").is_ok_and(|v| v == "1") {
        let st = std::process::Command::new("bash")
            .arg(common::repo("tests/regen_expected.sh"))
            .status()
            .expect("run regen_expected.sh");
        assert!(st.success(), "regenerating expectations failed");
    }
    let trials = common::programs()
        .into_iter()
        .map(|p| Trial::test(p.name.clone(), move || matches_cpython(&p)))
        .collect();
    harness::run(trials)
}

fn matches_cpython(p: &Program) -> Result<(), String> {
    let want = p.expected()?;
    let out = common::revpy(&["run", &p.file()], p.dir());
    let (stdout, stderr) = (common::text(&out.stdout), common::text(&out.stderr));
    let code = out.status.code().unwrap_or(-1);
    let mut problems = String::new();
    if stdout != want.stdout {
        problems += &format!("  stdout differs:\n{}", common::diff(&want.stdout, &stdout));
    }
    if stderr != want.stderr {
        problems += &format!("  stderr differs:\n{}", common::diff(&want.stderr, &stderr));
    }
    if code != want.code {
        problems += &format!("  exit status {code}, expected {}\n", want.code);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{} differs from CPython:\n{problems}", p.name))
    }
}

//! Runs every program in `tests/programs` under `revpy run` and compares stdout (and,
//! for programs that fail on purpose, stderr and the exit status) with what CPython
//! 3.11 produced (stored beside each program).
//!
//! Conventions (see `tests/regen_expected.sh`): `name.py` has `name.out`; a program
//! that exits non-zero or writes to stderr also has `name.err` and `name.code`.
//! Support modules (`mod_*.py`, packages, `support_*` folders) are not programs.
//!
//! `REVPY_REGEN=1 cargo test --test programs` regenerates the expectations with
//! python3 (it runs `tests/regen_expected.sh`). `REVPY_ONLY=substr` runs a subset.

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    let is_package = dir.join("__init__.py").exists();
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if !name.starts_with("support_") {
                programs(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            if stem.starts_with("mod_") || is_package {
                continue;
            }
            if p.with_extension("out").exists() {
                out.push(p);
            }
        }
    }
}

fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push_str(&format!(
                "    line {}:\n      expected: {:?}\n      actual:   {:?}\n",
                i + 1,
                x.unwrap_or(&"<none>"),
                y.unwrap_or(&"<none>")
            ));
            shown += 1;
            if shown >= 4 {
                out.push_str("    ...\n");
                break;
            }
        }
    }
    out
}

#[test]
fn programs_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    if std::env::var("REVPY_REGEN").is_ok_and(|v| v == "1") {
        let st = Command::new("bash")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regen_expected.sh"))
            .status()
            .expect("run regen_expected.sh");
        assert!(st.success(), "regenerating expectations failed");
    }
    let mut progs = vec![];
    programs(&root, &mut progs);
    let only = std::env::var("REVPY_ONLY").unwrap_or_default();
    let bin = env!("CARGO_BIN_EXE_revpy");
    let mut failures = vec![];
    let mut ran = 0;
    for p in &progs {
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        if !only.is_empty() && !rel.contains(&only) {
            continue;
        }
        ran += 1;
        let dir = p.parent().unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let out = Command::new(bin)
            .arg("run")
            .arg(&name)
            .current_dir(dir)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run revpy");
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let code = out.status.code().unwrap_or(-1);
        let exp_out = std::fs::read_to_string(p.with_extension("out")).unwrap();
        let exp_err = std::fs::read_to_string(p.with_extension("err")).unwrap_or_default();
        let exp_code: i32 = std::fs::read_to_string(p.with_extension("code"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let mut problems = String::new();
        if stdout != exp_out {
            problems.push_str(&format!("  stdout differs:\n{}", diff(&exp_out, &stdout)));
        }
        if stderr != exp_err {
            problems.push_str(&format!("  stderr differs:\n{}", diff(&exp_err, &stderr)));
        }
        if code != exp_code {
            problems.push_str(&format!("  exit status {code}, expected {exp_code}\n"));
        }
        if !problems.is_empty() {
            failures.push(format!("{rel}\n{problems}"));
        }
    }
    let passed = ran - failures.len();
    eprintln!(
        "\nprograms: {passed} passed, {} failed (of {ran})",
        failures.len()
    );
    if !failures.is_empty() {
        panic!(
            "{} of {ran} programs differ from CPython:\n\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

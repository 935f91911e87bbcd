//! The reverse debugger, end to end.
//! - Golden transcripts: each `tests/revdb/NAME.py` is recorded (from that
//!   directory), then `revpy debug LOG` runs with `NAME.cmds` on stdin; stdout must
//!   equal `NAME.transcript`. `REVPY_BLESS=1` rewrites the transcripts (read them:
//!   they must match REVDB.md).
//! - Properties over recordings of a few test programs, through the engine API:
//!   `go t1; go t2` gives the same state as `go t2`; `step` then `bstep` returns to
//!   the same state; `next` then `bnext`, `finish` then `bfinish` come back where
//!   defined.

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

use revpy_revdb::expr::{self, Scope};
use revpy_revdb::Engine;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_revpy")
}

fn temp_log(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "revpy-revdb-test-{}-{tag}.revlog",
        std::process::id()
    ))
}

/// Record `dir/file` from `dir` into a temporary log.
fn record(dir: &Path, file: &str, tag: &str) -> PathBuf {
    let log = temp_log(tag);
    let out = Command::new(bin())
        .current_dir(dir)
        .args(["record", file, "-o"])
        .arg(&log)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run revpy record");
    let _ = out;
    assert!(log.exists(), "no recording for {file}");
    log
}

#[test]
fn golden_transcripts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/revdb");
    let bless = std::env::var("REVPY_BLESS").is_ok();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/revdb")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter_map(|n| n.strip_suffix(".cmds").map(|s| s.to_string()))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    let mut failures = vec![];
    for name in names {
        let log = record(&dir, &format!("{name}.py"), &name);
        let cmds = std::fs::read(dir.join(format!("{name}.cmds"))).expect("cmds");
        let mut child = Command::new(bin())
            .current_dir(&dir)
            .arg("debug")
            .arg(&log)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run revpy debug");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(&cmds).expect("write commands");
        }
        let out = child.wait_with_output().expect("wait");
        let _ = std::fs::remove_file(&log);
        let got = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            out.status.success(),
            "{name}: revpy debug failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = dir.join(format!("{name}.transcript"));
        if bless {
            std::fs::write(&path, &got).expect("write transcript");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if normalize_serials(&got) != normalize_serials(&want) {
            failures.push(format!("--- {name}: expected\n{want}\n--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What must be equal between two ways of reaching a position.
fn state(e: &mut Engine) -> (String, usize, String, String) {
    let time = e.time_text();
    let vm = &mut e.cur.vm;
    let depth = vm.frames.len();
    let line = match vm.frames.last() {
        Some(f) => format!(
            "{}:{}",
            f.code.code.name,
            f.code.code.line_of(f.ip as usize)
        ),
        None => "<end>".into(),
    };
    let locals = match depth {
        0 => String::new(),
        n => expr::eval_repr_on_copy(
            vm,
            Scope::Frame(Some(n - 1)),
            "sorted((k, repr(v)) for k, v in locals().items())",
            &Default::default(),
        ),
    };
    (time, depth, line, locals)
}

fn open(path: &Path) -> Engine {
    let data = std::fs::read(path).expect("read log");
    let rec = revpy_vm::log::Recording::parse(&data).expect("parse log");
    Engine::open(rec, Box::new(revpy_stdlib::new_vm)).expect("open")
}

fn properties_of(dir: &Path, file: &str) {
    let log = record(dir, file, &file.replace('/', "_"));
    let path = log.clone();
    let file = file.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut e = open(&path);
            e.interval = 50;
            // The end.
            while e.cont().is_ok() && !e.at_end() {}
            let end = e.end.as_ref().expect("end known").time;
            let times: Vec<u64> = (0..12).map(|i| 1 + (i * 7919 + 13) % end).collect();
            for w in times.windows(2) {
                let (t1, t2) = (w[0], w[1]);
                let mut fresh = open(&path);
                fresh.go(t2).expect("go t2");
                let direct = state(&mut fresh);
                e.go(t1).expect("go t1");
                e.go(t2).expect("go t2");
                assert_eq!(
                    state(&mut e),
                    direct,
                    "{file}: go {t1}; go {t2} differs from go {t2}"
                );
                // step then bstep
                let before = state(&mut e);
                if e.step().is_ok() {
                    e.bstep().expect("bstep");
                    assert_eq!(state(&mut e), before, "{file}: step; bstep from {t2}");
                }
                // finish then bfinish: back at the call site, where bfinish from
                // inside the call goes too.
                e.go(t2).expect("go");
                let depth = e.cur.vm.frames.len();
                if depth > 1 {
                    e.bfinish().expect("bfinish");
                    let call_site = state(&mut e);
                    e.go(t2).expect("go");
                    e.finish().expect("finish");
                    if e.cur.vm.frames.len() == depth && !e.at_end() {
                        e.bfinish().expect("bfinish");
                        assert_eq!(
                            state(&mut e),
                            call_site,
                            "{file}: finish; bfinish from {t2}"
                        );
                    }
                }
                // next then bnext: back to the same stop point when the next one is
                // in the same frame.
                e.go(t2).expect("go");
                let depth = e.cur.vm.frames.len();
                if e.next().is_ok() && e.cur.vm.frames.len() == depth && !e.at_end() {
                    e.bnext().expect("bnext");
                    assert_eq!(state(&mut e), before, "{file}: next; bnext from {t2}");
                }
            }
        })
        .expect("thread")
        .join()
        .expect("property thread");
    let _ = std::fs::remove_file(log);
}

#[test]
fn properties_over_test_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    for f in [
        "functions/recursion.py",
        "functions/closures.py",
        "generators/basics.py",
        "exceptions/chaining.py",
    ] {
        if dir.join(f).exists() {
            properties_of(&dir, f);
        }
    }
}

/// Object serial numbers (`at 0x5a1`, `object #1430`, `$#1430`) shift whenever the
/// VM's start-up allocates differently; transcripts compare without them.
fn normalize_serials(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let hex = b[i] == b'0' && i + 1 < b.len() && b[i + 1] == b'x';
        let num = b[i] == b'#';
        if hex || num {
            let start = i + if hex { 2 } else { 1 };
            let mut j = start;
            while j < b.len() && (b[j].is_ascii_digit() || (hex && b[j].is_ascii_hexdigit())) {
                j += 1;
            }
            if j > start {
                out.push_str(if hex { "0x?" } else { "#?" });
                i = j;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Run `f` on an engine over a recording of `tests/revdb/NAME.py` (its own log,
/// `tag`), on a thread with a big stack (the VM's own recursion limit decides,
/// not Rust's).
fn with_recording(name: &str, tag: &str, f: impl FnOnce(Engine) + Send + 'static) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/revdb");
    let log = record(&dir, &format!("{name}.py"), tag);
    let path = log.clone();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || f(open(&path)))
        .expect("thread")
        .join()
        .expect("engine thread");
    let _ = std::fs::remove_file(log);
}

#[test]
fn checkpoints_stay_under_the_budget() {
    with_recording("long_mutations", "budget", |mut e| {
        let budget = 2 << 20;
        e.set_budget(Some(budget));
        assert_eq!(e.budget(), budget);
        let check = |e: &Engine, what: &str| {
            let (list, total) = e.checkpoint_list();
            assert!(
                total <= budget,
                "{what}: checkpoints hold {total} bytes, over the budget of {budget}"
            );
            assert!(list.len() >= 3, "{what}: only {} checkpoints", list.len());
            assert_eq!(list[0].0, 1, "{what}: the first checkpoint is at time 1");
        };
        while e.cont().is_ok() && !e.at_end() {}
        check(&e, "continue to the end");
        let end = e.end.as_ref().expect("end").time;
        assert!(end > 50_000, "a long recording ({end} stop points)");
        for i in 0..8u64 {
            let t = 2 + (i * 7919 * 13 + 5003) % (end - 2);
            e.go(t).expect("go");
            check(&e, &format!("go {t}"));
            e.bstep().expect("bstep");
            check(&e, &format!("bstep from {t}"));
        }
        // Watchpoint searches back, with checkpoints thinned as they go, land on
        // the line that made each change: one before where `continue` stops.
        let mut t = 2;
        e.go(t).expect("go");
        while !e.print("tracker").starts_with("$0 = ") {
            t += 1;
            e.go(t).expect("go");
        }
        e.add_watchpoint("$0.value").expect("watch");
        let mut changes = vec![];
        while e.cont().is_ok() && !e.at_end() {
            changes.push(e.cur.pos.time - 1);
        }
        assert!(changes.len() >= 39, "{changes:?}");
        for i in 0..10u64 {
            let t = changes[0] + 1 + (i * 7919 * 31 + 101) % (end - changes[0] - 1);
            e.go(t).expect("go");
            e.bcont().expect("bcontinue");
            let want = changes.iter().rev().find(|c| **c < t).copied();
            assert_eq!(Some(e.cur.pos.time), want, "bcontinue from {t}");
            check(&e, &format!("bcontinue from {t}"));
        }
        // The default budget is at least MIN_BUDGET.
        e.set_budget(None);
        assert!(e.budget() >= revpy_revdb::engine::MIN_BUDGET);
    });
}

#[test]
fn interrupt_leaves_the_position_unchanged() {
    use std::sync::atomic::Ordering;
    with_recording("long_mutations", "interrupt", |mut e| {
        e.go(30_000).expect("go");
        let before = e.time_text();
        e.interrupt.store(true, Ordering::SeqCst);
        let r = e.go(60_000);
        assert!(
            r.as_ref().is_err_and(|m| m.starts_with("Interrupted")),
            "{r:?}"
        );
        assert_eq!(e.time_text(), before);
        e.add_watchpoint("len([])").expect("watch");
        e.interrupt.store(true, Ordering::SeqCst);
        let r = e.bcont();
        assert!(
            r.as_ref().is_err_and(|m| m.starts_with("Interrupted")),
            "{r:?}"
        );
        assert_eq!(e.time_text(), before);
        // And the engine still works.
        e.step().expect("step");
        assert_eq!(e.time_text(), "30001");
    });
}

#[test]
fn go_past_the_end_before_it_is_known() {
    with_recording("x_times_10", "far", |mut e| {
        assert!(e.end.is_none());
        e.go(u64::MAX).expect("go lands at the end");
        assert!(e.at_end());
        let r = e.go(u64::MAX);
        assert!(r.is_err_and(|m| m.contains("past the end")));
    });
}

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

/// The programs of `tests/programs` (as `tests/programs.rs` finds them).
fn test_programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let is_package = dir.join("__init__.py").exists();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if !name.starts_with("support_") {
                test_programs(&p, out);
            }
        } else if name.ends_with(".py")
            && !name.starts_with("mod_")
            && !is_package
            && p.with_extension("out").exists()
        {
            out.push(p);
        }
    }
}

/// Every stop point of every test program can be reached: `go T` lands exactly
/// at T for every T in 1..=END (the main module's return END-1 included), `step`
/// from T lands at T+1, and `bstep` from T+1 comes back to T. Long programs are
/// checked on a sample of times; `REVPY_ONLY=substr` checks a subset.
#[test]
fn every_stop_point_is_reachable() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut progs = vec![];
    test_programs(&root, &mut progs);
    let only = std::env::var("REVPY_ONLY").unwrap_or_default();
    progs.retain(|p| p.to_string_lossy().contains(&only));
    assert!(only.is_empty() || !progs.is_empty(), "no program matches");
    let mut failures = vec![];
    let mut checked = 0;
    for p in progs {
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        let dir = p.parent().unwrap().to_path_buf();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let log = record(&dir, &name, &format!("reach-{}", rel.replace('/', "_")));
        let path = log.clone();
        let t0 = std::time::Instant::now();
        let r = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || check_reachable(&path))
            .expect("thread")
            .join();
        if std::env::var("REVPY_TIMES").is_ok() {
            eprintln!("{rel}: {:?}", t0.elapsed());
        }
        let _ = std::fs::remove_file(&log);
        checked += 1;
        match r {
            Ok(Ok(())) => {}
            Ok(Err(m)) => failures.push(format!("{rel}: {m}")),
            Err(_) => failures.push(format!("{rel}: the engine panicked")),
        }
    }
    eprintln!(
        "stop points reachable in {} of {checked} programs",
        checked - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check_reachable(log: &Path) -> Result<(), String> {
    let t0 = std::time::Instant::now();
    let times_on = std::env::var("REVPY_TIMES").is_ok();
    let lap = |what: &str| {
        if times_on {
            eprintln!("  {what}: {:?}", t0.elapsed());
        }
    };
    let mut e = open(log);
    e.go(u64::MAX).map_err(|m| format!("go to the end: {m}"))?;
    let end = e
        .end
        .as_ref()
        .ok_or("the end is unknown after going there")?
        .time;
    lap(&format!("end {end}"));
    if e.cur.pos.time != end || !e.at_end() {
        return Err(format!("go END: at {} (end {end})", e.time_text()));
    }
    let at = |e: &Engine, t: u64, what: &str| -> Result<(), String> {
        if e.cur.pos.time == t && e.cur.pos.real {
            Ok(())
        } else {
            Err(format!(
                "{what}: landed at {}, not {t} (end {end})",
                e.time_text()
            ))
        }
    };
    // `go T` for every T (a sample of them in long programs), then `bstep`.
    // (Random orders of `go` are checked by `properties_over_test_programs`.)
    let times: Vec<u64> = if end <= 300 {
        (1..=end).collect()
    } else {
        let mut v: Vec<u64> = (0..60).map(|i| 1 + (i * 7919 + 17) % end).collect();
        v.extend([1, 2, end - 1, end]);
        // In order: each run starts from the checkpoint the last one left.
        v.sort_unstable();
        v.dedup();
        v
    };
    for (k, &t) in times.iter().enumerate() {
        e.go(t).map_err(|m| format!("go {t}: {m}"))?;
        at(&e, t, &format!("go {t}"))?;
        if t > 1 && (end <= 300 || k % 4 == 0 || t >= end - 1) {
            e.bstep().map_err(|m| format!("bstep from {t}: {m}"))?;
            at(&e, t - 1, &format!("bstep from {t}"))?;
        }
    }
    lap("go and bstep");
    // `step` from T lands at T+1, from the start to the end (the first and last
    // 200 stop points of long programs: where natives hold the state, nothing
    // can be checkpointed and each step replays from further back).
    e.go(1).map_err(|m| format!("go 1: {m}"))?;
    let mut t = 1;
    while t < end {
        if t == 200 && end > 2000 {
            t = end - 200;
            e.go(t).map_err(|m| format!("go {t}: {m}"))?;
        }
        e.step().map_err(|m| format!("step from {t}: {m}"))?;
        at(&e, t + 1, &format!("step from {t}"))?;
        t += 1;
    }
    lap("step");
    if e.step().is_ok() || !e.at_end() {
        return Err(format!("step at the end moved to {}", e.time_text()));
    }
    Ok(())
}

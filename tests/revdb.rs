//! The reverse debugger, end to end. Each case is a test of its own:
//! - `transcript::NAME`: `tests/revdb/NAME.py` is recorded (from that directory),
//!   then `revpy debug LOG` runs with `NAME.cmds` on stdin; stdout must equal
//!   `NAME.transcript`. `REVPY_BLESS=1` rewrites the transcripts (read them: they
//!   must match REVDB.md).
//! - `properties::PROGRAM`: over recordings of a few test programs, through the
//!   engine API: `go t1; go t2` gives the same state as `go t2`; `step` then
//!   `bstep` returns to the same state; `next` then `bnext`, `finish` then
//!   `bfinish` come back where defined.
//! - `reachable::PROGRAM`: every stop point of every program in `tests/programs`
//!   can be reached (`check_reachable`).
//! - the checkpoint budget, interrupting, going past the end; the command table
//!   (`command_reference`: `docs/revdb-commands.md` is made from it,
//!   `REVPY_BLESS=1` rewrites it) and tab completion.

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

mod common;

use common::harness::{self, Trial};
use common::{big_stack, bin, repo};
use revpy_revdb::expr::{self, Scope};
use revpy_revdb::shell::Shell;
use revpy_revdb::Engine;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn main() -> std::process::ExitCode {
    let mut trials = vec![];
    // The long cases first: the short ones fill in at the end.
    for p in common::programs() {
        let name = format!("reachable::{}", p.name);
        trials.push(Trial::test(name, move || reachable(&p.path)));
    }
    for f in [
        "functions/recursion",
        "functions/closures",
        "generators/basics",
        "exceptions/chaining",
    ] {
        trials.push(Trial::test(format!("properties::{f}"), move || {
            properties_of(&format!("{f}.py"));
            Ok(())
        }));
    }
    for name in transcripts() {
        trials.push(Trial::test(format!("transcript::{name}"), move || {
            transcript(&name)
        }));
    }
    trials.extend(trials![
        checkpoints_stay_under_the_budget,
        packed_checkpoints_restore_the_same_state,
        interrupt_leaves_the_position_unchanged,
        interrupted_far_move_keeps_the_state,
        go_past_the_end_before_it_is_known,
        debug_script_reads_an_empty_stdin_or_the_file_given,
        fast_watch_paths_agree_with_evaluation,
        record_passes_everything_after_file_to_the_program,
        command_reference,
        tab_completion,
    ]);
    harness::run(trials)
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
        .args(["record", "-o"])
        .arg(&log)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run revpy record");
    let _ = out;
    assert!(log.exists(), "no recording for {file}");
    log
}

/// The names of the golden transcripts: `tests/revdb/NAME.cmds`.
fn transcripts() -> Vec<String> {
    let dir = repo("tests/revdb");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/revdb")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter_map(|n| n.strip_suffix(".cmds").map(|s| s.to_string()))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    names
}

fn transcript(name: &str) -> Result<(), String> {
    let dir = repo("tests/revdb");
    let log = record(&dir, &format!("{name}.py"), name);
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
    // The main script's `__file__` is absolute: transcripts show it relative to
    // their folder, wherever the checkout is.
    let got = String::from_utf8_lossy(&out.stdout).replace(&format!("{}/", dir.display()), "");
    if !out.status.success() {
        return Err(format!(
            "{name}: revpy debug failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let path = dir.join(format!("{name}.transcript"));
    if common::blessing() {
        std::fs::write(&path, &got).expect("write transcript");
        return Ok(());
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if normalize_serials(&normalize_heap_totals(&got))
        != normalize_serials(&normalize_heap_totals(&want))
    {
        return Err(format!("--- {name}: expected\n{want}\n--- got\n{got}\n(after an intended change: REVPY_BLESS=1 cargo test --test revdb -- transcript::{name})"));
    }
    Ok(())
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
    let rec = revpy_vm::effects::log::Recording::parse(&data).expect("parse log");
    Engine::open(rec, Box::new(revpy_stdlib::new_vm)).expect("open")
}

fn properties_of(file: &str) {
    let dir = repo("tests/programs");
    let log = record(&dir, file, &file.replace('/', "_"));
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

/// The heap's totals depend on what start-up allocates (every built-in function,
/// the stdlib's strings, the program's absolute path): `heap` transcripts compare
/// the changes (`+/-` columns), the allocation sites and the program's own rows,
/// but not the absolute counts of the totals and of the by-type tables.
fn normalize_heap_totals(s: &str) -> String {
    let is_num = |w: &str| w.strip_prefix('+').unwrap_or(w).parse::<i64>().is_ok();
    let mut out = String::with_capacity(s.len());
    // The columns to mask in the rows of the table being read.
    let mut mask_cols: Option<&[usize]> = None;
    for l in s.lines() {
        let words: Vec<&str> = l.split_whitespace().collect();
        if words.first() == Some(&"objects") && words.contains(&"type") {
            mask_cols = if words.contains(&"site") {
                None
            } else if words.contains(&"+/-") {
                Some(&[0, 2])
            } else {
                Some(&[0, 1])
            };
            out.push_str(l);
        } else if l.starts_with("Heap at time ") || l.starts_with("Heap from time ") {
            mask_cols = None;
            // `N objects`, `B bytes`: the absolute numbers go, the deltas stay.
            let masked: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    let next = words.get(k + 1).copied().unwrap_or("");
                    let absolute = next.starts_with("objects") || next.starts_with("bytes");
                    if absolute && is_num(w) {
                        "N".to_string()
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            out.push_str(&masked.join(" "));
        } else if let (Some(cols), true) = (mask_cols, words.first().is_some_and(|w| is_num(w))) {
            let masked: Vec<&str> = words
                .iter()
                .enumerate()
                .map(|(k, w)| if cols.contains(&k) { "N" } else { w })
                .collect();
            out.push_str(&masked.join(" "));
        } else {
            if !words.first().is_some_and(|w| is_num(w)) {
                mask_cols = None;
            }
            out.push_str(l);
        }
        out.push('\n');
    }
    out
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
    let r = big_stack(move || f(open(&path)));
    let _ = std::fs::remove_file(log);
    if let Err(m) = r {
        panic!("{m}");
    }
}

/// The watch expressions read without running code (`$N[k]`, `len($N)`,
/// `$N[i].attr`, comparisons) give, at every stop point, the text the general
/// evaluation gives; and they are used for most of these forms.
fn fast_watch_paths_agree_with_evaluation() {
    with_recording("fast_watch", "fast", |mut e| {
        e.go(u64::MAX).expect("the end");
        for name in ["root", "table", "items", "items[0]"] {
            let r = e.print(name);
            assert!(r.starts_with('$'), "{name}: {r}");
        }
        let exprs = [
            "$0.name",
            "$0.val",
            "len($0.kids)",
            "$0.kids[-1].val",
            "$0.kids[0].name == 'n0'",
            "$0.name != 'ROOT'",
            "$1['a']",
            "$1['b']",
            "$1[7]",
            "$1[7] == None",
            "len($1)",
            "$2[3].val",
            "$2[-1].val > 3",
            "len($2) >= 4",
            "$3.val",
            "$3.val == $2[0].val",
            "$0.nosuch",
            "$2[10]",
        ];
        e.go(1).expect("go 1");
        let (mut fast, mut total) = (0, 0);
        loop {
            let anchors = e.cur_anchors();
            for x in exprs {
                let slow = expr::eval_repr_on_copy(&mut e.cur.vm, Scope::Isolated, x, &anchors);
                total += 1;
                if let Some(f) = revpy_revdb::fastwatch::fast_repr(&e.cur.vm, x, &anchors) {
                    fast += 1;
                    assert_eq!(f, slow, "{x} at time {}", e.time_text());
                }
            }
            if e.at_end() || e.step().is_err() {
                break;
            }
        }
        assert!(
            fast * 10 >= total * 8,
            "the fast paths served {fast} of {total}"
        );
    });
}

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

/// The program's state as text, slot by slot (what a copy of the heap may
/// differ in without the program seeing it left out: strings' hash caches,
/// code objects' inline caches, dict layout stamps).
fn state_dump(vm: &revpy_vm::Vm) -> Vec<String> {
    fn strip(text: &str, name: &str, close: char) -> String {
        let mut out = String::new();
        let mut rest = text;
        let pat = format!("{name}: ");
        while let Some(i) = rest.find(&pat) {
            out.push_str(&rest[..i]);
            let after = &rest[i + pat.len()..];
            let (mut depth, mut end) = (0i32, after.len());
            for (j, c) in after.char_indices() {
                match c {
                    '[' | '{' | '(' => depth += 1,
                    ']' | '}' | ')' if depth > 0 => depth -= 1,
                    _ => {}
                }
                if depth == 0 && (c == close || c == ',' || c == ']' || c == '}') {
                    end = if c == close && close != ',' { j + 1 } else { j };
                    break;
                }
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }
    let mut v = vec![format!(
        "stop {} instr {} serial {} frames {:?} stack {:?}",
        vm.stop_points,
        vm.instructions,
        vm.heap.next_serial(),
        vm.frames
            .iter()
            .map(|f| (f.ip, f.base, f.ret_sp, f.globals, f.locals))
            .collect::<Vec<_>>(),
        vm.stack
    )];
    for c in vm.heap.chunks() {
        for slot in c.slots() {
            let text = format!("{slot:?}");
            let text = strip(&text, "caches", ']');
            let text = strip(&text, "stamp", ',');
            let text = strip(&text, "hash: Cell { value", '}');
            // A hint only (a restored str conservatively has none): `PyStr::never_attr`.
            v.push(strip(&text, "never_attr: Cell { value", '}'));
        }
    }
    v
}

/// `go` restoring from packed checkpoints gives the state a straight replay
/// from the start gives, slot by slot.
fn packed_checkpoints_restore_the_same_state() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/revdb");
    let log = record(&dir, "long_mutations.py", "packed");
    let path = log.clone();
    let r = big_stack(move || {
        let mut e = open(&path);
        e.go(u64::MAX).expect("the end");
        let end = e.end.as_ref().expect("end").time;
        assert!(
            e.packed_checkpoints() >= 3,
            "{} packed of {:?}",
            e.packed_checkpoints(),
            e.checkpoint_list()
        );
        for i in 0..6u64 {
            let t = 2 + (i * 7919 * 13 + 3001) % (end - 2);
            e.go(t).expect("go");
            let mut straight = open(&path);
            straight.go(t).expect("go");
            let (a, b) = (state_dump(&e.cur.vm), state_dump(&straight.cur.vm));
            for (k, (x, y)) in a.iter().zip(&b).enumerate() {
                assert!(x == y, "go {t}: slot {k} differs:\n  {x}\n  {y}");
            }
            assert_eq!(a.len(), b.len(), "go {t}");
            assert_eq!(
                e.print("sum(c.v for c in cells)"),
                straight.print("sum(c.v for c in cells)")
            );
        }
        assert!(e.packed_checkpoints() >= 3);
    });
    let _ = std::fs::remove_file(log);
    if let Err(m) = r {
        panic!("{m}");
    }
}

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

/// A move from a packed checkpoint drops the state at the current position
/// first (memory: the move builds a whole new heap); interrupted, it puts the
/// same state back, with the selected frame. And after a far move, the
/// checkpoints near the new position are there for `bstep`.
fn interrupted_far_move_keeps_the_state() {
    use std::sync::atomic::Ordering;
    with_recording("long_mutations", "farint", |mut e| {
        e.go(u64::MAX).expect("the end");
        let end = e.end.as_ref().expect("end").time;
        assert!(e.packed_checkpoints() >= 3, "{:?}", e.checkpoint_list());
        let here = end - end / 10;
        e.go(here).expect("go");
        while e.cur.vm.frames.len() < 2 {
            e.step().expect("step into a call");
        }
        e.frame_sel = 1;
        let (time, dump) = (e.time_text(), state_dump(&e.cur.vm));
        e.interrupt.store(true, Ordering::SeqCst);
        let r = e.go(end / 3);
        assert!(
            r.as_ref().is_err_and(|m| m.starts_with("Interrupted")),
            "{r:?}"
        );
        assert_eq!(e.time_text(), time);
        assert_eq!(e.frame_sel, 1);
        let now = state_dump(&e.cur.vm);
        assert_eq!(now.len(), dump.len());
        for (k, (x, y)) in now.iter().zip(&dump).enumerate() {
            assert!(x == y, "slot {k} differs:\n  {x}\n  {y}");
        }
        e.go(end / 3).expect("go");
        let w = e.work();
        e.bstep().expect("bstep");
        let replayed = e.work().replayed - w.replayed;
        assert!(replayed <= e.interval, "bstep replayed {replayed}");
    });
}

fn go_past_the_end_before_it_is_known() {
    with_recording("x_times_10", "far", |mut e| {
        assert!(e.end.is_none());
        e.go(u64::MAX).expect("go lands at the end");
        assert!(e.at_end());
        let r = e.go(u64::MAX);
        assert!(r.is_err_and(|m| m.contains("past the end")));
    });
}

/// `revpy debug prog.py`: the program reads an empty stdin (the debugger's
/// commands are not its input), or the file given with `--stdin`.
fn debug_script_reads_an_empty_stdin_or_the_file_given() {
    let dir = std::env::temp_dir().join(format!("revpy-revdb-stdin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("reader.py"),
        "import sys\ndata = sys.stdin.read()\nprint(repr(data))\n",
    )
    .expect("write");
    std::fs::write(dir.join("input.txt"), "hello\n").expect("write");
    let run = |extra: &[&str]| {
        let mut child = Command::new(bin())
            .current_dir(&dir)
            .arg("debug")
            .args(extra)
            .arg("reader.py")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run revpy debug");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(b"c\np data\n").expect("write commands");
        }
        let out = child.wait_with_output().expect("wait");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let got = run(&[]);
    assert!(got.contains("| ''"), "{got}");
    assert!(got.contains(")$ p data\n''\n"), "{got}");
    let got = run(&["--stdin", "input.txt"]);
    assert!(got.contains("| 'hello\\n'"), "{got}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `revpy record [-o LOG] FILE ARGS...`: what follows FILE is the program's, as
/// with python, even when it looks like an option of revpy's.
fn record_passes_everything_after_file_to_the_program() {
    let dir = std::env::temp_dir().join(format!("revpy-revdb-argv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("args.py"), "import sys\nprint(sys.argv)\n").expect("write");
    let out = Command::new(bin())
        .current_dir(&dir)
        .args(["record", "-o", "mine.revlog", "args.py", "-o", "x", "--tui"])
        .output()
        .expect("record");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.trim(), "['args.py', '-o', 'x', '--tui']");
    assert!(dir.join("mine.revlog").exists());
    assert!(!dir.join("x").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every stop point of a test program can be reached: `go T` lands exactly at T
/// for every T in 1..=END (the main module's return END-1 included), `step` from T
/// lands at T+1, and `bstep` from T+1 comes back to T. Long programs are checked
/// on a sample of times. `REVPY_TIMES=1` prints how long each part takes.
fn reachable(p: &Path) -> Result<(), String> {
    let dir = p.parent().unwrap();
    let file = p.file_name().unwrap().to_string_lossy().to_string();
    let rel = p.strip_prefix(repo("tests/programs")).unwrap_or(p);
    let log = record(
        dir,
        &file,
        &format!("reach-{}", rel.to_string_lossy().replace('/', "_")),
    );
    let path = log.clone();
    let r = big_stack(move || check_reachable(&path));
    let _ = std::fs::remove_file(&log);
    match r {
        Ok(r) => r,
        Err(panic) => Err(format!("the engine panicked: {panic}")),
    }
}

/// Whether the program has started threads at the current position.
fn threaded(e: &Engine) -> bool {
    e.cur.vm.threads.list.len() > 1
}

/// After a backward motion from `t` in thread `tid`: earlier, in the same thread
/// (or at the start).
fn same_thread_before(e: &Engine, tid: usize, t: u64, what: &str) -> Result<(), String> {
    if e.cur.pos.time < t && (e.current_thread() == tid || e.at_start()) {
        Ok(())
    } else {
        Err(format!(
            "{what} from {t} in thread {tid}: landed at {} in thread {}",
            e.time_text(),
            e.current_thread()
        ))
    }
}

fn check_reachable(log: &Path) -> Result<(), String> {
    let t0 = std::time::Instant::now();
    let times_on = std::env::var("REVPY_TIMES").is_ok();
    let lap = |what: &str| {
        if times_on {
            eprintln!("  {what}: {:?}", t0.elapsed());
        }
    };
    let data = std::fs::read(log).map_err(|e| format!("read log: {e}"))?;
    let rec =
        revpy_vm::effects::log::Recording::parse(&data).map_err(|e| format!("parse log: {e}"))?;
    let mut e = match Engine::open(rec, Box::new(revpy_stdlib::new_vm)) {
        Ok(e) => e,
        // A program that does not compile has no stop point to reach; that the
        // debugger says so is checked by the cli tests.
        Err(m) if m.contains("does not compile") => return Ok(()),
        Err(m) => return Err(format!("open: {m}")),
    };
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
    // (Random orders of `go` are checked by `properties_of`.)
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
            let (tid, thr) = (e.current_thread(), threaded(&e));
            e.bstep().map_err(|m| format!("bstep from {t}: {m}"))?;
            if thr {
                same_thread_before(&e, tid, t, "bstep")?;
            } else {
                at(&e, t - 1, &format!("bstep from {t}"))?;
            }
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
        let tid = e.current_thread();
        let was_threaded = threaded(&e);
        e.step().map_err(|m| format!("step from {t}: {m}"))?;
        if was_threaded || threaded(&e) {
            // Motions stay in the current thread: the next stop point of this
            // thread (or the end, where the main thread is current).
            let landed = e.cur.pos.time;
            if landed <= t || !(e.current_thread() == tid || e.at_end()) {
                return Err(format!(
                    "step from {t} in thread {tid}: landed at {} in thread {}",
                    e.time_text(),
                    e.current_thread()
                ));
            }
            e.go(t + 1).map_err(|m| format!("go {}: {m}", t + 1))?;
        } else {
            at(&e, t + 1, &format!("step from {t}"))?;
        }
        t += 1;
    }
    lap("step");
    if e.step().is_ok() || !e.at_end() {
        return Err(format!("step at the end moved to {}", e.time_text()));
    }
    Ok(())
}

/// `docs/revdb-commands.md` is what the command table makes
/// (`REVPY_BLESS=1 cargo test --test revdb -- command_reference` rewrites it).
fn command_reference() {
    let path = repo("docs/revdb-commands.md");
    let made = revpy_revdb::shell::help::reference();
    if common::blessing() {
        std::fs::write(&path, &made).expect("write docs/revdb-commands.md");
        return;
    }
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        doc == made,
        "docs/revdb-commands.md is not what the command table (revdb/src/shell/commands.rs) makes:\n{}\n(after changing the table: REVPY_BLESS=1 cargo test --test revdb -- command_reference)",
        common::diff(&made, &doc)
    );
}

/// Tab completion offers what each command's table entry says it takes.
fn tab_completion() {
    with_recording("calls", "complete", |e| {
        let mut sh = Shell::in_memory(e);
        let mut complete = |line: &str| {
            let (start, words) = sh.completions(line, line.len());
            (start, words.join(" "))
        };
        assert_eq!(complete("bcont"), (0, "bcontinue".into()));
        assert_eq!(
            complete("reverse-s"),
            (0, "reverse-step reverse-stepi".into())
        );
        assert_eq!(complete("info ch"), (5, "checkpoints".into()));
        assert_eq!(complete("help bf"), (5, "bf bfinish".into()));
        assert_eq!(complete("go 1"), (4, "".into()));
        assert_eq!(complete("nosuch x"), (8, "".into()));
        // Functions, methods, the file; after `if`, an expression.
        assert_eq!(complete("break Acc."), (6, "Acc.__init__ Acc.add".into()));
        assert_eq!(complete("tbreak ca"), (7, "calls.py:".into()));
        assert_eq!(complete("b square if su"), (12, "sum super".into()));
        // Names in the selected frame, globals, builtins, anchors.
        let (out, _) = sh.command("break square if n == 2");
        assert_eq!(out, "Breakpoint 1 at square if n == 2\n");
        let (out, _) = sh.command("continue");
        assert!(out.contains("Hit breakpoint 1"), "{out}");
        let mut complete = |line: &str| {
            let (start, words) = sh.completions(line, line.len());
            (start, words.join(" "))
        };
        assert_eq!(complete("p n"), (2, "n next".into()));
        assert_eq!(complete("p sq"), (2, "square".into()));
        assert_eq!(complete("!r = len"), (5, "len".into()));
        assert_eq!(complete("p a.co"), (6, "".into()));
        assert_eq!(complete("watch $"), (6, "".into()));
        assert_eq!(complete("delete "), (7, "1".into()));
        sh.command("up");
        sh.command("p items");
        let (_, words) = sh.completions("p it", 4);
        assert_eq!(words, ["items", "iter"]);
        let (_, words) = sh.completions("watch $", 7);
        assert_eq!(words, ["$0"]);
    });
}

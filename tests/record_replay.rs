//! Record and replay, end to end, through the `revpy` binary:
//! - every program in `tests/programs` (see `common/mod.rs`) is recorded from its
//!   own directory and replayed from an empty directory; stdout, stderr and the
//!   exit status must equal the recording run's and CPython's. Each is a test
//!   named `replay::GROUP/NAME` (`cargo test --test record_replay -- strings/`);
//! - a CPU-bound program's log holds the header and its few print effects only;
//! - tampered logs (foreign files, other versions, truncations, flipped bytes, unknown
//!   effect kinds, trailing data, wrong totals, empty files, directories, missing
//!   files) each get a clear message and a non-zero exit status, never a panic;
//! - a recording killed with SIGKILL replays up to its last complete block;
//! - `docs/log-format.md` lists every effect kind at its index;
//! - threads under `--chaos SEED`: the same seed gives the same run, every recording
//!   replays identically, some seed loses an update in a racy program and none in
//!   the locked one; a deadlock ends with a clear message.

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

mod common;

use common::harness::{self, Trial};
use common::{bin, diff, revpy, text, Program};
use revpy_vm::effects::log::{self, End, Recording, Tail};
use revpy_vm::EffectKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::RwLock;

/// The program sweep takes this lock shared and the kill test alone, so that the
/// kill test's timing does not depend on the sweep's load.
static HEAVY: RwLock<()> = RwLock::new(());

fn main() -> std::process::ExitCode {
    let mut trials = vec![];
    // First, while the other tests (not the sweep) run beside it.
    #[cfg(unix)]
    trials.extend(trials![killed_recording_replays_up_to_its_last_block]);
    trials.extend(trials![
        cpu_bound_log_is_header_and_prints_only,
        stdin_is_replayed_from_the_log,
        programs_that_do_not_compile_leave_a_replayable_recording,
        the_base_log_replays,
        not_a_log,
        another_format_version,
        truncated_inside_the_header,
        truncated_in_a_block,
        info_reports_truncation_and_corruption,
        checksum_mismatch_in_a_block,
        effects_of_an_unknown_kind,
        effects_out_of_order_diverge,
        data_after_the_end_record,
        end_record_totals_do_not_match,
        empty_file_directory_and_missing_file,
        log_format_doc_lists_every_effect_kind_at_its_index,
        a_value_nested_too_deep_or_too_long_is_corruption,
        a_logged_value_of_the_wrong_shape_diverges,
        chaos_seeds_replay_identically_and_expose_the_race,
        a_deadlock_is_reported,
    ]);
    for p in common::programs() {
        let name = format!("replay::{}", p.name);
        trials.push(Trial::test(name, move || record_and_replay(&p)));
    }
    harness::run(trials)
}

/// A fresh, empty directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("revpy-rr-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Record one program and replay it elsewhere; `Err` describes every mismatch.
fn record_and_replay(p: &Program) -> Result<(), String> {
    let _shared = HEAVY.read().unwrap_or_else(|p| p.into_inner());
    let want = p.expected()?;
    let logs = TempDir::new("log");
    let log_path = logs.path().join("prog.revlog");
    let log_arg = log_path.to_string_lossy().to_string();
    let rec = revpy(&["record", "-o", &log_arg, &p.file()], p.dir());
    let elsewhere = TempDir::new("replay");
    let rep = revpy(&["replay", &log_arg], elsewhere.path());

    let mut problems = vec![];
    for (what, o) in [("record", &rec), ("replay", &rep)] {
        let (out, err, code) = (
            text(&o.stdout),
            text(&o.stderr),
            o.status.code().unwrap_or(-1),
        );
        if out != want.stdout {
            problems.push(format!(
                "{what}: stdout differs from CPython's:\n{}",
                diff(&want.stdout, &out)
            ));
        }
        if err != want.stderr {
            problems.push(format!(
                "{what}: stderr differs from CPython's:\n{}",
                diff(&want.stderr, &err)
            ));
        }
        if code != want.code {
            problems.push(format!(
                "{what}: exit status {code}, CPython's {}",
                want.code
            ));
        }
    }
    if rec.stdout != rep.stdout {
        problems.push(format!(
            "replay stdout differs from the recording run's:\n{}",
            diff(&text(&rec.stdout), &text(&rep.stdout))
        ));
    }
    if rec.stderr != rep.stderr {
        problems.push(format!(
            "replay stderr differs from the recording run's:\n{}",
            diff(&text(&rec.stderr), &text(&rep.stderr))
        ));
    }
    if rec.status.code() != rep.status.code() {
        problems.push(format!(
            "replay exit status {:?}, recording run's {:?}",
            rep.status.code(),
            rec.status.code()
        ));
    }
    match std::fs::read(&log_path).map(|d| Recording::parse(&d)) {
        Ok(Ok(r)) if r.is_complete() => {}
        Ok(Ok(r)) => problems.push(format!("the recording is not complete: {:?}", r.tail)),
        Ok(Err(e)) => problems.push(format!("the recording cannot be read: {e}")),
        Err(e) => problems.push(format!("no recording written: {e}")),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n    {}", p.name, problems.join("\n    ")))
    }
}

/// Write `source` as `name` in a new directory and record it there, named by its
/// absolute path (a relative name costs one effect first, `os.getcwd`, to make the
/// main script's `__file__` absolute; these tests count effects).
fn record_source(name: &str, source: &str) -> (TempDir, PathBuf, Output) {
    let dir = TempDir::new("src");
    let script = dir.path().join(name);
    std::fs::write(&script, source).unwrap();
    let log_path = dir.path().join("out.revlog");
    let out = revpy(
        &[
            "record",
            "-o",
            log_path.to_str().unwrap(),
            script.to_str().unwrap(),
        ],
        dir.path(),
    );
    (dir, log_path, out)
}

fn parse_file(p: &Path) -> Recording {
    Recording::parse(&std::fs::read(p).expect("read log")).expect("parse log")
}

fn cpu_bound_log_is_header_and_prints_only() {
    let prog = |n: u64| {
        format!(
            "def work(n):\n    s = 0\n    for i in range(n):\n        s += i * i % 7\n    return s\n\ntotal = sum(work({n}) for _ in range(3))\nprint('total', total)\nprint('done')\n"
        )
    };
    let (_d1, small, o1) = record_source("cpu.py", &prog(1_000));
    let (_d2, big, o2) = record_source("cpu.py", &prog(300_000));
    assert!(
        o1.status.success() && o2.status.success(),
        "{}{}",
        text(&o1.stderr),
        text(&o2.stderr)
    );
    let (rs, rb) = (parse_file(&small), parse_file(&big));
    for r in [&rs, &rb] {
        let kinds: Vec<u16> = r.effects.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![EffectKind::Stdout as u16; 2],
            "only the two prints are effects"
        );
        assert!(r.is_complete());
        assert_eq!(r.blocks, 1);
    }
    assert!(rb.end().unwrap().instructions > 100 * rs.end().unwrap().instructions);
    // Header (its source is 4 bytes longer) + one block of two short writes + end
    // record: the size does not grow with the work done.
    let overhead = |r: &Recording| r.size as i64 - log::encode(&r.header).len() as i64;
    assert!(overhead(&rb) < 100, "log overhead {} bytes", overhead(&rb));
    assert!(
        (overhead(&rb) - overhead(&rs)).abs() <= 8,
        "{} vs {}",
        overhead(&rb),
        overhead(&rs)
    );
    let info = revpy(&["info", big.to_str().unwrap()], Path::new("."));
    let s = text(&info.stdout);
    assert!(
        s.contains("effects:      2 in 1 blocks") && s.contains("sys.stdout.write             2"),
        "{s}"
    );
}

fn stdin_is_replayed_from_the_log() {
    let dir = TempDir::new("stdin");
    std::fs::write(
        dir.path().join("echo.py"),
        "import sys\nname = input('name? ')\nrest = sys.stdin.read()\nprint('hello', name, len(rest.splitlines()))\n",
    )
    .unwrap();
    let log_path = dir.path().join("echo.revlog");
    let mut child = Command::new(bin())
        .args(["record", "echo.py"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"ada\nx\ny\n").unwrap();
    }
    let rec = child.wait_with_output().unwrap();
    assert_eq!(text(&rec.stdout), "name? hello ada 2\n");
    assert!(
        log_path.exists(),
        "default name: NAME.revlog in the current directory"
    );
    std::fs::remove_file(dir.path().join("echo.py")).unwrap();
    let elsewhere = TempDir::new("stdin-replay");
    let rep = revpy(&["replay", log_path.to_str().unwrap()], elsewhere.path());
    assert_eq!(
        text(&rep.stdout),
        "name? hello ada 2\n",
        "{}",
        text(&rep.stderr)
    );
    assert!(rep.status.success());
    let quiet = revpy(
        &["replay", "--quiet", log_path.to_str().unwrap()],
        elsewhere.path(),
    );
    assert_eq!(text(&quiet.stdout), "");
    assert!(quiet.status.success(), "{}", text(&quiet.stderr));
}

fn programs_that_do_not_compile_leave_a_replayable_recording() {
    for (src, code, message) in [
        ("print('a')\nx = (1,\n", 1, "SyntaxError"),
        ("type X = int\n", 2, "revpy does not support"),
    ] {
        let (_dir, log_path, rec) = record_source("bad.py", src);
        assert_eq!(rec.status.code(), Some(code), "{}", text(&rec.stderr));
        assert!(text(&rec.stderr).contains(message), "{}", text(&rec.stderr));
        let r = parse_file(&log_path);
        assert!(r.is_complete() && r.effects.is_empty());
        let elsewhere = TempDir::new("bad-replay");
        let rep = revpy(&["replay", log_path.to_str().unwrap()], elsewhere.path());
        assert_eq!(rep.status.code(), Some(code));
        assert_eq!(text(&rep.stderr), text(&rec.stderr));
        assert_eq!(text(&rep.stdout), "");
    }
}

// ---- tampered logs ---------------------------------------------------------------

const LINES: usize = 1300;

/// A good recording of a program printing `LINES` numbered lines (one effect each):
/// several blocks of 512 effects.
fn base_log() -> (TempDir, Vec<u8>, String) {
    let (dir, log_path, out) = record_source(
        "lines.py",
        &format!("for i in range({LINES}):\n    print('line', i)\nprint('end')\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let data = std::fs::read(log_path).unwrap();
    (dir, data, text(&out.stdout))
}

/// The chunks after the header: (offset, tag, payload length).
fn chunks(data: &[u8]) -> Vec<(usize, u8, usize)> {
    let u32_at = |i: usize| u32::from_le_bytes(data[i..i + 4].try_into().unwrap()) as usize;
    let mut pos = log::PREAMBLE_LEN + u32_at(12);
    let mut out = vec![];
    while pos < data.len() {
        let len = u32_at(pos + 1);
        out.push((pos, data[pos], len));
        pos += log::CHUNK_HEAD_LEN + len;
    }
    out
}

fn payload(data: &[u8], chunk: (usize, u8, usize)) -> &[u8] {
    &data[chunk.0 + log::CHUNK_HEAD_LEN..chunk.0 + log::CHUNK_HEAD_LEN + chunk.2]
}

/// Effects in the first `n` chunks (blocks are at most 512 effects, but the writer
/// also writes a block when effects are a second old, so do not assume 512).
fn effects_in_first(data: &[u8], n: usize) -> usize {
    chunks(data)[..n]
        .iter()
        .map(|c| decode_block(payload(data, *c)).len())
        .sum()
}

/// Replace the payload of the chunk at `offset` (fixing its length and checksum).
fn replace_chunk(data: &[u8], offset: usize, payload: &[u8]) -> Vec<u8> {
    let old_len = u32::from_le_bytes(data[offset + 1..offset + 5].try_into().unwrap()) as usize;
    let mut out = data[..offset].to_vec();
    out.push(data[offset]);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&log::crc32(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&data[offset + log::CHUNK_HEAD_LEN + old_len..]);
    out
}

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run `revpy replay` and `revpy info` on `data`; neither may panic. Returns replay's.
fn replay_bytes(data: &[u8]) -> Outcome {
    let dir = TempDir::new("tampered");
    let p = dir.path().join("t.revlog");
    std::fs::write(&p, data).unwrap();
    replay_path(&p)
}

fn replay_path(p: &Path) -> Outcome {
    let arg = p.to_str().unwrap();
    let elsewhere = TempDir::new("tampered-cwd");
    let info = revpy(&["info", arg], elsewhere.path());
    let rep = revpy(&["replay", arg], elsewhere.path());
    for (what, o) in [("info", &info), ("replay", &rep)] {
        let err = text(&o.stderr);
        assert!(
            !err.contains("panicked")
                && !err.contains("internal error")
                && !matches!(o.status.code(), Some(70 | 101)),
            "revpy {what} panicked on {arg}: {err}"
        );
        assert!(
            o.status.code().is_some(),
            "revpy {what} was killed by a signal"
        );
    }
    Outcome {
        code: rep.status.code().unwrap(),
        stdout: text(&rep.stdout),
        stderr: text(&rep.stderr),
    }
}

fn expect(o: &Outcome, code: i32, message: &str) {
    assert_eq!(o.code, code, "exit status; stderr: {}", o.stderr);
    assert!(
        o.stderr.contains(message),
        "expected {message:?} in stderr: {}",
        o.stderr
    );
}

fn first_lines(n: usize) -> String {
    (0..n).map(|i| format!("line {i}\n")).collect()
}

fn the_base_log_replays() {
    let (_d, data, out) = base_log();
    let o = replay_bytes(&data);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stdout, out);
    assert_eq!(o.stderr, "");
    let blocks: Vec<_> = chunks(&data)
        .into_iter()
        .filter(|c| c.1 == log::TAG_BLOCK)
        .collect();
    assert!(blocks.len() >= LINES.div_ceil(log::BLOCK_EFFECTS));
    assert_eq!(effects_in_first(&data, blocks.len()), LINES + 1);
    for b in blocks {
        assert!(decode_block(payload(&data, b)).len() <= log::BLOCK_EFFECTS);
    }
}

fn not_a_log() {
    let mut x = 0x1234_5678u32;
    let random: Vec<u8> = (0..4000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    expect(&replay_bytes(&random), 2, "not a revpy recording");
    expect(
        &replay_bytes(b"print('hello')\n"),
        2,
        "not a revpy recording",
    );
    expect(
        &replay_bytes(b"REVPYLOX and more"),
        2,
        "not a revpy recording",
    );
}

fn another_format_version() {
    let (_d, mut data, _) = base_log();
    data[8..12].copy_from_slice(&(log::FORMAT_VERSION + 1).to_le_bytes());
    let o = replay_bytes(&data);
    expect(
        &o,
        2,
        &format!(
            "format version {} is not supported",
            log::FORMAT_VERSION + 1
        ),
    );
    assert_eq!(o.stdout, "");
}

fn truncated_inside_the_header() {
    let (_d, data, _) = base_log();
    let header_end = chunks(&data)[0].0;
    for cut in [3, 8, 10, 12, 19, 20, 21, header_end / 2, header_end - 1] {
        let o = replay_bytes(&data[..cut]);
        expect(&o, 2, "truncated inside its header");
        assert_eq!(o.stdout, "");
    }
}

fn truncated_in_a_block() {
    let (_d, data, out) = base_log();
    let cs = chunks(&data);
    let (b0, b1, b2) = (cs[0], cs[1], cs[2]);
    let end = *cs.last().unwrap();
    assert_eq!(end.1, log::TAG_END);
    // (cut, complete blocks before it)
    let cuts = [
        (b0.0 + 1, 0),
        (b0.0 + log::CHUNK_HEAD_LEN + b0.2 / 2, 0),
        (b1.0, 1),
        (b1.0 + 4, 1),
        (b1.0 + log::CHUNK_HEAD_LEN + 10, 1),
        (b2.0 + log::CHUNK_HEAD_LEN + b2.2 - 1, 2),
    ];
    for (cut, complete) in cuts {
        let o = replay_bytes(&data[..cut]);
        let n = effects_in_first(&data, complete);
        expect(&o, 3, &format!("the recording ends at effect #{n}"));
        assert!(o.stderr.contains("cut short"), "{}", o.stderr);
        assert_eq!(
            o.stdout,
            first_lines(n),
            "cut at byte {cut}: the output up to the last complete block"
        );
    }
    // Every block is there, but not the end record: the program runs to its end, but
    // the totals cannot be checked.
    let o = replay_bytes(&data[..end.0]);
    expect(&o, 3, "no end record");
    assert_eq!(o.stdout, out);
}

fn info_reports_truncation_and_corruption() {
    let (dir, data, _) = base_log();
    let cs = chunks(&data);
    let p = dir.path().join("cut.revlog");
    std::fs::write(&p, &data[..cs[1].0 + 5]).unwrap();
    let info = revpy(&["info", p.to_str().unwrap()], dir.path());
    let s = text(&info.stdout);
    assert!(info.status.success());
    assert!(s.contains(&format!("truncated at byte {}", cs[1].0)), "{s}");
    assert!(
        s.contains(&format!(
            "effects:      {} in 1 blocks",
            effects_in_first(&data, 1)
        )),
        "{s}"
    );
    let mut flipped = data.clone();
    flipped[cs[1].0 + 20] ^= 1;
    std::fs::write(&p, &flipped).unwrap();
    let s = text(&revpy(&["info", p.to_str().unwrap()], dir.path()).stdout);
    assert!(
        s.contains(&format!(
            "corrupt at byte {}: block 1: checksum mismatch",
            cs[1].0
        )),
        "{s}"
    );
}

fn checksum_mismatch_in_a_block() {
    let (_d, data, _) = base_log();
    let cs = chunks(&data);
    for (i, at) in [
        (1, cs[1].0 + log::CHUNK_HEAD_LEN + 7),
        (1, cs[1].0 + 6),
        (0, cs[0].0 + cs[0].2),
    ] {
        let mut t = data.clone();
        t[at] ^= 0x20;
        let o = replay_bytes(&t);
        expect(
            &o,
            3,
            &format!(
                "t.revlog: block {i}: checksum mismatch, at byte {}",
                cs[i].0
            ),
        );
        assert_eq!(o.stdout, first_lines(effects_in_first(&data, i)));
    }
    // The header's checksum.
    let mut t = data.clone();
    t[log::PREAMBLE_LEN + 3] ^= 1;
    expect(
        &replay_bytes(&t),
        2,
        "header is corrupt (checksum mismatch)",
    );
}

fn effects_of_an_unknown_kind() {
    let (_d, data, _) = base_log();
    let cs = chunks(&data);
    let b1 = cs[1];
    let mut recs = decode_block(payload(&data, b1));
    recs[3].kind = 9999;
    let t = replace_chunk(&data, b1.0, &log::encode(&recs));
    let o = replay_bytes(&t);
    let before = effects_in_first(&data, 1);
    expect(
        &o,
        3,
        &format!("block 1: effect #{} has unknown kind 9999", before + 3),
    );
    assert_eq!(o.stdout, first_lines(before));
}

/// A block payload holding one record of `kind` whose value is the raw `val` bytes.
fn raw_block(kind: u8, val: &[u8]) -> Vec<u8> {
    let mut b = vec![1, kind];
    b.extend_from_slice(val);
    b
}

fn a_value_nested_too_deep_or_too_long_is_corruption() {
    // As /work/shared/findings/signal_log_deep_nested_val.py: valid checksums, a
    // second block whose one value is a list nested 100,000 deep. It overflowed the
    // stack of `revpy replay`, `info` and `debug`.
    let (_d, data, _) = base_log();
    let cs = chunks(&data);
    let before = effects_in_first(&data, 1);
    let mut deep = b"\x08\x01".repeat(100_000);
    deep.push(6);
    // A string, bytes and a list claiming 2^60 items: refused, not preallocated.
    let huge = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
    for (val, what) in [
        (deep, "value nested deeper than 1000 levels".to_string()),
        (
            [&[4u8][..], &huge[..]].concat(),
            "a length of 1152921504606846976 at byte 3".to_string(),
        ),
        (
            [&[8u8][..], &huge[..], &[6u8][..]].concat(),
            "a length of 1152921504606846976 at byte 3".to_string(),
        ),
    ] {
        let t = replace_chunk(&data, cs[1].0, &raw_block(0, &val));
        let o = replay_bytes(&t);
        expect(&o, 3, &format!("t.revlog: block 1: {what}"));
        assert!(
            o.stderr.contains(&format!("(effect #{before})")),
            "{}",
            o.stderr
        );
        assert_eq!(o.stdout, first_lines(before));
        let dir = TempDir::new("deep");
        let p = dir.path().join("t.revlog");
        std::fs::write(&p, &t).unwrap();
        let info = revpy(&["info", p.to_str().unwrap()], dir.path());
        assert!(
            text(&info.stdout).contains(&format!(
                "status:       corrupt at byte {}: block 1: {what}",
                cs[1].0
            )),
            "{}",
            text(&info.stdout)
        );
        let dbg = Command::new(bin())
            .args(["debug", p.to_str().unwrap()])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(dbg.status.code(), Some(0), "{}", text(&dbg.stderr));
        assert!(
            text(&dbg.stderr).contains(&format!(
                "corrupt recording {}: block 1: {what}",
                p.display()
            )),
            "{}",
            text(&dbg.stderr)
        );
    }
}

fn a_logged_value_of_the_wrong_shape_diverges() {
    // Every replayed value is checked against what its effect produces: a tampered
    // log used to give os.urandom zeros and os.getpid 0 without a word.
    let src = "import os, time\nprint('start')\nb = os.urandom(16)\nprint(len(b))\nprint(os.getpid() > 0)\nt = time.time()\nprint(t > 0)\nprint(os.listdir('.') is not None)\n";
    let (_d, log_path, out) = record_source("shapes.py", src);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let data = std::fs::read(&log_path).unwrap();
    let cs = chunks(&data);
    let recs = decode_block(payload(&data, cs[0]));
    // The program's first effect of a kind (`import time` takes a `Time` effect
    // before the program's, for `time.timezone`: its last one).
    let at = |kind: EffectKind| {
        let is = |r: &log::Record| r.kind == kind as u16;
        if kind == EffectKind::Time {
            recs.iter().rposition(is)
        } else {
            recs.iter().position(is)
        }
        .expect("effect in the log")
    };
    use log::Val;
    for (kind, val, line, message) in [
        (
            EffectKind::Urandom,
            Val::Str("x".into()),
            3,
            "os.urandom returning a string, the program expected bytes or an OS error",
        ),
        (
            EffectKind::Urandom,
            Val::Bytes(vec![1, 2, 3]),
            3,
            "os.urandom returning 3 bytes, the program expected 16 bytes",
        ),
        (
            EffectKind::Getpid,
            Val::Float(1.5),
            5,
            "os.getpid returning a float, the program expected an int",
        ),
        (
            EffectKind::Time,
            Val::Int(7),
            6,
            "time.time returning an int, the program expected a float",
        ),
        (
            EffectKind::Listdir,
            Val::List(vec![Val::Str("a".into()), Val::Int(1)]),
            8,
            "os.listdir returning a list of 2 values, the program expected a list of a string or an OS error",
        ),
        (
            EffectKind::Stdout,
            Val::Int(1),
            2,
            "sys.stdout.write returning an int, the program expected no value",
        ),
    ] {
        let i = at(kind);
        let mut t = recs.clone();
        t[i].val = val;
        let o = replay_bytes(&replace_chunk(&data, cs[0].0, &log::encode(&t)));
        expect(
            &o,
            3,
            &format!("revpy: replay diverged at effect #{i} (file {}, line {line}): the recording has {message}\n", _d.path().join("shapes.py").display()),
        );
    }
}

fn effects_out_of_order_diverge() {
    // A valid log whose second effect has another (known) kind than the program asks.
    let (d, data, _) = base_log();
    let cs = chunks(&data);
    let b0 = cs[0];
    let mut recs = decode_block(payload(&data, b0));
    recs[1].kind = EffectKind::Time as u16;
    let o = replay_bytes(&replace_chunk(&data, b0.0, &log::encode(&recs)));
    expect(
        &o,
        3,
        &format!("replay diverged at effect #1 (file {}, line 2): the recording has time.time, the program asked for sys.stdout.write", d.path().join("lines.py").display()),
    );
    assert_eq!(o.stdout, "line 0\n");
}

fn data_after_the_end_record() {
    let (_d, mut data, out) = base_log();
    let len = data.len();
    data.extend_from_slice(b"trailing garbage");
    let o = replay_bytes(&data);
    expect(
        &o,
        3,
        &format!("16 bytes of data after the end record, at byte {len}"),
    );
    assert_eq!(o.stdout, out);
}

fn end_record_totals_do_not_match() {
    let (_d, data, out) = base_log();
    let end_chunk = *chunks(&data).last().unwrap();
    let end = decode_end(payload(&data, end_chunk));
    for (patched, what) in [
        (
            End {
                stop_points: end.stop_points + 1,
                ..end.clone()
            },
            "stop points, recorded",
        ),
        (
            End {
                instructions: end.instructions - 1,
                ..end.clone()
            },
            "instructions, recorded",
        ),
        (
            End {
                exit_status: 7,
                ..end.clone()
            },
            "exit status 0, recorded 7",
        ),
    ] {
        let o = replay_bytes(&replace_chunk(&data, end_chunk.0, &log::encode(&patched)));
        expect(&o, 3, "replay diverged at the end");
        assert!(o.stderr.contains(what), "{}", o.stderr);
        assert_eq!(o.stdout, out);
    }
    // An effect count that does not match the blocks: the log itself is inconsistent.
    let patched = End {
        effects: end.effects + 5,
        ..end
    };
    let o = replay_bytes(&replace_chunk(&data, end_chunk.0, &log::encode(&patched)));
    expect(&o, 3, "end record: it counts");
}

fn empty_file_directory_and_missing_file() {
    expect(&replay_bytes(b""), 2, "the file is empty");
    let dir = TempDir::new("dir");
    expect(&replay_path(dir.path()), 2, "is a directory");
    expect(
        &replay_path(&dir.path().join("nope.revlog")),
        2,
        "can't open recording",
    );
}

fn decode_block(payload: &[u8]) -> Vec<log::Record> {
    log::decode(payload).expect("decode a block")
}

fn decode_end(payload: &[u8]) -> End {
    log::decode(payload).expect("decode the end record")
}

// ---- killed while recording ------------------------------------------------------

#[cfg(unix)]
fn killed_recording_replays_up_to_its_last_block() {
    let _alone = HEAVY.write().unwrap_or_else(|p| p.into_inner());
    use std::io::Read;
    let dir = TempDir::new("kill");
    std::fs::write(
        dir.path().join("forever.py"),
        "i = 0\nwhile True:\n    print('line', i, flush=True)\n    i += 1\n",
    )
    .unwrap();
    let log_path = dir.path().join("forever.revlog");
    let script = dir.path().join("forever.py");
    let mut child = Command::new(bin())
        .args([
            "record",
            "-o",
            log_path.to_str().unwrap(),
            script.to_str().unwrap(),
        ])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = vec![];
        let _ = stdout.read_to_end(&mut v);
        v
    });
    // About a second, and at least until some blocks are on disk (a loaded machine).
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(1)
        || (std::fs::metadata(&log_path).map_or(0, |m| m.len()) < 4096
            && start.elapsed() < std::time::Duration::from_secs(20))
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL
    let _ = child.wait();
    let recorded = text(&reader.join().unwrap());

    let rec = parse_file(&log_path);
    assert!(matches!(rec.tail, Tail::Truncated { .. }), "{:?}", rec.tail);
    let n = rec.effects.len();
    assert!(n > 0, "blocks were written while the program ran");
    let info = revpy(&["info", log_path.to_str().unwrap()], dir.path());
    assert!(
        text(&info.stdout).contains("status:       truncated at byte"),
        "{}",
        text(&info.stdout)
    );

    let o = replay_path(&log_path);
    expect(
        &o,
        3,
        &format!(
            "the recording ends at effect #{n} (file {}, line 3)",
            script.display()
        ),
    );
    assert!(o.stderr.contains("cut short"), "{}", o.stderr);
    assert_eq!(
        o.stdout,
        (0..n).map(|i| format!("line {i}\n")).collect::<String>()
    );
    // The effect is logged before its text reaches the pipe, so the kill can fall
    // between the two: the replay may show at most the one line the run was writing.
    let all_but_last = (0..n.saturating_sub(1))
        .map(|i| format!("line {i}\n"))
        .collect::<String>();
    assert!(
        recorded.starts_with(&all_but_last),
        "the replay's output (but its last line) is a prefix of the recording run's"
    );
}

// ---- the documented effect kinds ----------------------------------------------------

fn log_format_doc_lists_every_effect_kind_at_its_index() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/log-format.md"))
            .unwrap();
    let section = doc
        .split("\n## The effect kinds")
        .nth(1)
        .expect("a section '## The effect kinds'");
    let section = section.split("\n## ").next().unwrap_or_default();
    let mut documented = vec![];
    for line in section.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 4 && cells[1].parse::<usize>().is_ok() {
            documented.push((
                cells[1].parse::<usize>().unwrap(),
                cells[2].trim_matches('`').to_string(),
            ));
        }
    }
    let actual: Vec<(usize, String)> = EffectKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| (i, format!("{k:?}")))
        .collect();
    let table: String = EffectKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| format!("| {i} | `{k:?}` | {} |\n", k.name()))
        .collect();
    assert_eq!(
        documented, actual,
        "docs/log-format.md's effect kinds table is out of date (indexes are stable: append new kinds at the end); rows:\n{table}"
    );
}

/// The final `counter N` a race program printed.
fn counter_of(o: &Output) -> u64 {
    let out = text(&o.stdout);
    out.trim()
        .strip_prefix("counter ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no counter in {out:?} (stderr {})", text(&o.stderr)))
}

fn chaos_seeds_replay_identically_and_expose_the_race() {
    let dir = common::repo("tests/programs/threads/support_race");
    let logs = TempDir::new("chaos");
    let mut lost = vec![];
    for prog in ["race.py", "race_locked.py"] {
        for seed in 1..=6u64 {
            let s = seed.to_string();
            let log_a = logs.path().join(format!("{prog}.{seed}.a.revlog"));
            let log_b = logs.path().join(format!("{prog}.{seed}.b.revlog"));
            let (la, lb) = (log_a.to_string_lossy(), log_b.to_string_lossy());
            let a = revpy(&["record", "--chaos", &s, "-o", &la, prog], &dir);
            let b = revpy(&["record", "--chaos", &s, "-o", &lb, prog], &dir);
            let run = revpy(&["run", "--chaos", &s, prog], &dir);
            assert!(
                a.status.success(),
                "{prog} seed {seed}: {}",
                text(&a.stderr)
            );
            assert_eq!(
                a.stdout, b.stdout,
                "{prog}: seed {seed} recorded twice differs"
            );
            assert_eq!(
                a.stdout, run.stdout,
                "{prog}: seed {seed}: run differs from record"
            );
            for log in [&la, &lb] {
                let rep = revpy(&["replay", log], logs.path());
                assert_eq!(
                    text(&rep.stdout),
                    text(&a.stdout),
                    "{prog}: seed {seed}: replay differs"
                );
                assert_eq!(rep.status.code(), a.status.code());
            }
            let n = counter_of(&a);
            if prog == "race_locked.py" {
                assert_eq!(n, 600, "the lock must prevent lost updates (seed {seed})");
            } else if n != 600 {
                lost.push(seed);
            }
            // The seed is in the log: the replay of seed 1's log is not seed 2's run.
        }
    }
    assert!(!lost.is_empty(), "no chaos seed lost an update in race.py");
    // Without --chaos, the default schedule (long quanta) hides the race.
    let plain = revpy(&["run", "race.py"], &dir);
    assert_eq!(counter_of(&plain), 600);
}

fn a_deadlock_is_reported() {
    let src = "import threading\na = threading.Lock()\nb = threading.Lock()\n\
               def t1():\n    with a:\n        ev.wait()\n        with b:\n            pass\n\
               ev = threading.Event()\nt = threading.Thread(target=t1, name='T1')\nt.start()\n\
               with b:\n    ev.set()\n    with a:\n        pass\n";
    let dir = TempDir::new("deadlock");
    std::fs::write(dir.path().join("dl.py"), src).unwrap();
    let out = revpy(&["run", "dl.py"], dir.path());
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("revpy: deadlock: every thread is blocked")
            && err.contains("MainThread waits for a lock")
            && err.contains("T1 waits for a lock"),
        "{err}"
    );
    // Recorded and replayed: the same message.
    let log = dir.path().join("dl.revlog");
    let l = log.to_string_lossy();
    let rec = revpy(&["record", "-o", &l, "dl.py"], dir.path());
    let rep = revpy(&["replay", &l], dir.path());
    assert!(
        text(&rec.stderr).contains("deadlock"),
        "{}",
        text(&rec.stderr)
    );
    assert_eq!(text(&rec.stderr), text(&rep.stderr));
}

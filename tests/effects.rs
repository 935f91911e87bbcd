//! Effect families under record and replay: each program is recorded in a scratch
//! directory, then the world changes (input files deleted or edited, environment
//! variables changed, the clock moved on, another working directory, no stdin) and
//! the recording is replayed; stdout, stderr and the exit status must be identical to
//! the recording run's. Also: a replay whose program asks for another effect than the
//! log holds stops with a divergence report (exit status 3).

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_revpy");

/// A fresh scratch directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("effects-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create scratch dir");
    d
}

struct Run<'a> {
    args: Vec<&'a str>,
    dir: &'a Path,
    env: Vec<(&'a str, &'a str)>,
    stdin: Option<&'a str>,
}

fn run(r: Run) -> Output {
    let mut c = Command::new(BIN);
    c.args(&r.args).current_dir(r.dir);
    for (k, v) in &r.env {
        c.env(k, v);
    }
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    match r.stdin {
        Some(_) => c.stdin(Stdio::piped()),
        None => c.stdin(Stdio::null()),
    };
    let mut child = c.spawn().expect("spawn revpy");
    if let Some(input) = r.stdin {
        use std::io::Write;
        let mut si = child.stdin.take().expect("stdin");
        si.write_all(input.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait for revpy")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Record `prog` (as `prog.py` in a scratch dir, with `setup` run first), change the
/// world with `change`, replay from another directory, and compare. Returns the
/// recording run's output.
fn record_replay(
    name: &str,
    source: &str,
    setup: impl FnOnce(&Path),
    record_env: &[(&str, &str)],
    stdin: Option<&str>,
    change: impl FnOnce(&Path),
    replay_env: &[(&str, &str)],
) -> Output {
    let dir = scratch(name);
    let rec_dir = dir.join("rec");
    let other = dir.join("elsewhere");
    std::fs::create_dir_all(&rec_dir).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(rec_dir.join("prog.py"), source).unwrap();
    setup(&rec_dir);
    let log = dir.join("prog.revlog");
    let log_s = log.to_string_lossy().to_string();
    let recorded = run(Run {
        args: vec!["record", "-o", &log_s, "prog.py"],
        dir: &rec_dir,
        env: record_env.to_vec(),
        stdin,
    });
    // The program is gone too: replay needs the log alone.
    std::fs::remove_file(rec_dir.join("prog.py")).unwrap();
    change(&rec_dir);
    let replayed = run(Run {
        args: vec!["replay", &log_s],
        dir: &other,
        env: replay_env.to_vec(),
        stdin: None,
    });
    assert_eq!(
        text(&replayed.stdout),
        text(&recorded.stdout),
        "{name}: replay stdout differs (stderr: {})",
        text(&replayed.stderr)
    );
    assert_eq!(
        text(&replayed.stderr),
        text(&recorded.stderr),
        "{name}: replay stderr differs"
    );
    assert_eq!(
        replayed.status.code(),
        recorded.status.code(),
        "{name}: replay exit status differs"
    );
    recorded
}

#[test]
fn console_replays_without_stdin() {
    let src = r#"
import sys
name = input("name? ")
print("hello", name)
line = sys.stdin.readline()
print("readline:", repr(line))
print("read(4):", repr(sys.stdin.read(4)))
rest = []
for l in sys.stdin:
    rest.append(l)
    if len(rest) == 2:
        break
print("iterated:", rest)
print("readlines:", sys.stdin.readlines())
print("read at EOF:", repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
n = sys.stdout.write("via sys.stdout.write\n")
sys.stdout.writelines(["a\n", "b\n"])
sys.stdout.flush()
print("to stderr", file=sys.stderr)
sys.stderr.write("sys.stderr.write %d\n" % n)
sys.exit(4)
"#;
    let out = record_replay(
        "console",
        src,
        |_| {},
        &[],
        Some("Ada\nsecond line\nabcdefg\nl3\nl4\nl5\nl6\n"),
        |_| {},
        &[],
    );
    let so = text(&out.stdout);
    assert!(so.contains("name? hello Ada\n"), "{so}");
    assert!(so.contains("readline: 'second line\\n'"), "{so}");
    assert!(so.contains("read(4): 'abcd'"), "{so}");
    assert!(so.contains("iterated: ['efg\\n', 'l3\\n']"), "{so}");
    assert!(
        so.contains("readlines: ['l4\\n', 'l5\\n', 'l6\\n']"),
        "{so}"
    );
    assert!(so.contains("EOFError: EOF when reading a line"), "{so}");
    assert_eq!(text(&out.stderr), "to stderr\nsys.stderr.write 21\n");
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn files_replay_after_the_files_are_gone() {
    let src = r#"
import os
with open("data.txt") as f:
    lines = f.readlines()
print(len(lines), lines[0].strip(), lines[-1].strip())
with open("data.bin", "rb") as f:
    head = f.read(4)
    f.seek(-2, 2)
    tail = f.read()
print(head, tail)
with open("out.txt", "w") as f:
    f.write("".join(reversed(lines)))
with open("out.txt", "a") as f:
    print("appended", file=f)
with open("out.txt") as f:
    print(f.read().splitlines()[-2:])
print(sorted(os.listdir(".")))
print(os.path.exists("data.txt"), os.path.getsize("data.txt"), os.path.isdir("sub"))
os.rename("out.txt", "moved.txt")
os.makedirs("sub/deeper", exist_ok=True)
os.remove("moved.txt")
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(e)
"#;
    let dir_holder = std::cell::RefCell::new(PathBuf::new());
    record_replay(
        "files",
        src,
        |d| {
            *dir_holder.borrow_mut() = d.to_path_buf();
            let body: String = (0..500).map(|i| format!("line {i}\n")).collect();
            std::fs::write(d.join("data.txt"), body).unwrap();
            std::fs::write(d.join("data.bin"), [1u8, 2, 3, 4, 5, 6, 7, 8]).unwrap();
        },
        &[],
        None,
        |d| {
            // The inputs change or disappear; a file the program must "create" exists.
            std::fs::remove_file(d.join("data.txt")).unwrap();
            std::fs::write(d.join("data.bin"), b"changed").unwrap();
            std::fs::write(d.join("missing.txt"), b"now here").unwrap();
            std::fs::remove_dir_all(d.join("sub")).unwrap();
        },
        &[],
    );
    // Replay wrote nothing: no out.txt, no moved.txt, no sub/ in either directory.
    let d = dir_holder.borrow().clone();
    assert!(
        !d.join("out.txt").exists() && !d.join("moved.txt").exists() && !d.join("sub").exists()
    );
    let elsewhere = d.parent().unwrap().join("elsewhere");
    assert_eq!(
        std::fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "replay created files"
    );
}

#[test]
fn os_environment_and_process_replay_under_another_environment() {
    let src = r#"
import os
print(os.environ["REVPY_FX_VAR"], os.getenv("REVPY_FX_VAR"), os.environ.get("REVPY_FX_OTHER", "unset"))
print("REVPY_FX_OTHER" in os.environ)
print(os.getcwd())
print(os.path.abspath("x.txt"))
print(os.getpid())
print(os.urandom(8).hex())
print(os.path.expanduser("~/f"))
"#;
    let out = record_replay(
        "os",
        src,
        |_| {},
        &[("REVPY_FX_VAR", "recorded"), ("HOME", "/home/recorded")],
        None,
        |_| {},
        &[
            ("REVPY_FX_VAR", "replayed"),
            ("REVPY_FX_OTHER", "set now"),
            ("HOME", "/elsewhere"),
        ],
    );
    let so = text(&out.stdout);
    assert!(so.starts_with("recorded recorded unset\nFalse\n"), "{so}");
    assert!(so.contains("/home/recorded/f"), "{so}");
}

#[test]
fn os_exit_ends_at_once_and_replays() {
    let src = r#"
import os, sys
print("before")
sys.stdout.flush()
try:
    os._exit(5)
finally:
    print("finally must not run")
"#;
    let out = record_replay("os_exit", src, |_| {}, &[], None, |_| {}, &[]);
    assert_eq!(text(&out.stdout), "before\n");
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn time_replays_at_another_time_without_sleeping() {
    let src = r#"
import time
t = time.time()
print(t, time.time_ns(), time.monotonic(), time.perf_counter(), time.perf_counter_ns())
print(time.localtime())
print(time.strftime("%Y-%m-%d %H:%M:%S %Z"))
print(time.ctime(), time.process_time() >= 0)
time.sleep(1.0)
print(time.time() - t >= 1.0)
"#;
    let start = std::time::Instant::now();
    let out = record_replay(
        "time",
        src,
        |_| {},
        &[("TZ", "America/New_York")],
        None,
        |_| std::thread::sleep(std::time::Duration::from_millis(50)),
        &[("TZ", "Asia/Tokyo")],
    );
    let total = start.elapsed();
    // Recording slept 1 s; the whole record + replay took well under 2 s, so the
    // replay did not sleep.
    assert!(
        total < std::time::Duration::from_millis(1900),
        "replay slept? {total:?}"
    );
    assert!(text(&out.stdout).ends_with("True\n"));
}

/// asyncio's event loop reads its clock (time.monotonic) and waits for timers
/// (time.sleep) through the effects boundary: recording waits, replay does not.
#[test]
fn asyncio_sleeps_in_recording_not_in_replay() {
    let src = r#"
import asyncio, time

async def tick(name, n, delay, out):
    for i in range(n):
        await asyncio.sleep(delay)
        out.append(name)

async def main():
    out = []
    t0 = time.monotonic()
    await asyncio.gather(tick('a', 4, 0.75, out), tick('b', 2, 1.0, out))
    print(sorted(out), time.monotonic() - t0 >= 3.0)
    return 'done'

print(asyncio.run(main()))
"#;
    // The replay alone is timed (from between the two runs to the end): the
    // recording waited 3 s for the timers, the replay must not (the margin is
    // for the two imports of asyncio in a debug build on a loaded machine).
    let start = std::time::Instant::now();
    let replay_start = std::cell::Cell::new(None);
    let out = record_replay(
        "asyncio_sleep",
        src,
        |_| {},
        &[],
        None,
        |_| replay_start.set(Some(std::time::Instant::now())),
        &[],
    );
    let recording = replay_start.get().unwrap() - start;
    let replay = replay_start.get().unwrap().elapsed();
    assert!(
        recording >= std::time::Duration::from_secs(3),
        "recording did not wait: {recording:?}"
    );
    assert!(
        replay < std::time::Duration::from_millis(2500),
        "replay slept? {replay:?} (recording {recording:?})"
    );
    assert_eq!(
        text(&out.stdout),
        "['a', 'a', 'a', 'a', 'b', 'b'] True\ndone\n"
    );
}

#[test]
fn unseeded_random_replays_identically() {
    let src = r#"
import random
print(random.random(), random.randint(1, 10**9), random.getrandbits(40))
r = random.Random()
print(r.random(), r.choice("abcdefghij"), random.sample(range(100), 5))
l = list(range(10)); random.shuffle(l); print(l)
"#;
    let first = record_replay("random", src, |_| {}, &[], None, |_| {}, &[]);
    // A fresh live run draws different numbers (seeded from the OS).
    let dir = scratch("random-live");
    std::fs::write(dir.join("prog.py"), src).unwrap();
    let live = run(Run {
        args: vec!["run", "prog.py"],
        dir: &dir,
        env: vec![],
        stdin: None,
    });
    assert!(live.status.success());
    assert_ne!(text(&live.stdout), text(&first.stdout));
}

#[test]
fn replaying_another_program_reports_the_divergence() {
    use revpy_vm::effects::log::{LogWriter, Recording, Tail};
    let dir = scratch("diverge");
    std::fs::write(dir.join("p1.py"), "import time\nprint(time.time())\n").unwrap();
    let log1 = dir.join("p1.revlog");
    let rec = run(Run {
        args: vec!["record", "-o", &log1.to_string_lossy(), "p1.py"],
        dir: &dir,
        env: vec![],
        stdin: None,
    });
    assert!(rec.status.success(), "{}", text(&rec.stderr));
    // The same effects under another program, which asks for os.listdir first (after
    // the working directory both read for `__file__`).
    let r = Recording::parse(&std::fs::read(&log1).unwrap()).expect("a readable recording");
    let mut header = r.header.clone();
    header.argv = vec!["p2.py".into()];
    header.main_source = "import os\nx = 1\nprint(os.listdir('.'))\n".into();
    let log2 = dir.join("p2.revlog");
    let file = std::fs::File::create(&log2).unwrap();
    let mut w = LogWriter::create(Box::new(file), &header).unwrap();
    for e in &r.effects {
        w.push(e.clone());
    }
    let Tail::Complete(end) = r.tail else {
        panic!("recording incomplete")
    };
    w.finish(&end).unwrap();
    let out = run(Run {
        args: vec!["replay", &log2.to_string_lossy()],
        dir: &dir,
        env: vec![],
        stdin: None,
    });
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "replay diverged at effect #1 (file p2.py, line 3): the recording has time.time, the program asked for os.listdir"
        ),
        "{err}"
    );
}

#[test]
fn seeded_random_in_every_mode_matches_cpython() {
    // tests/programs/effects/random_seeded.py has CPython's output beside it; check
    // that record and replay print it too (run mode is covered by the corpus).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/effects");
    let expected = std::fs::read_to_string(root.join("random_seeded.out")).unwrap();
    let dir = scratch("seeded");
    std::fs::copy(root.join("random_seeded.py"), dir.join("random_seeded.py")).unwrap();
    let log = dir.join("r.revlog");
    let rec = run(Run {
        args: vec!["record", "-o", &log.to_string_lossy(), "random_seeded.py"],
        dir: &dir,
        env: vec![],
        stdin: None,
    });
    assert_eq!(text(&rec.stdout), expected);
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    let rep = run(Run {
        args: vec!["replay", &log.to_string_lossy()],
        dir: &other,
        env: vec![],
        stdin: None,
    });
    assert_eq!(text(&rep.stdout), expected, "{}", text(&rep.stderr));
}

/// The effect kinds a recording made by `record_replay(name, ...)` holds, with counts.
fn kinds_logged(name: &str) -> Vec<(String, usize)> {
    use revpy_vm::effects::log::Recording;
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("effects-{name}-{}", std::process::id()));
    let r = Recording::parse(&std::fs::read(d.join("prog.revlog")).unwrap()).unwrap();
    let mut out: Vec<(String, usize)> = vec![];
    for e in &r.effects {
        let k = revpy_vm::EffectKind::from_u16(e.kind).unwrap();
        let n = format!("{k:?}");
        match out.iter_mut().find(|(m, _)| *m == n) {
            Some((_, c)) => *c += 1,
            None => out.push((n, 1)),
        }
    }
    out
}

fn assert_logged(name: &str, kinds: &[&str]) {
    let got = kinds_logged(name);
    for k in kinds {
        assert!(
            got.iter().any(|(n, _)| n == k),
            "{name}: no {k} effect in the recording: {got:?}"
        );
    }
}

#[test]
fn file_metadata_effects_replay_after_the_files_change() {
    // os.stat/lstat (stat_result), scandir, symlink/readlink, realpath, access, chmod,
    // utime, os.open and shutil.copyfile: recorded, then every file is deleted or
    // changed; the replay reports what the recording saw and touches nothing.
    let src = r#"
import os, shutil, stat
s = os.stat("data.txt")
print(s.st_size, oct(stat.S_IMODE(s.st_mode)), s.st_mtime_ns, s.st_ino > 0)
os.symlink("data.txt", "link")
print(stat.S_ISLNK(os.lstat("link").st_mode), os.readlink("link"))
print(os.path.realpath("link") == os.path.join(os.getcwd(), "data.txt"))
print(sorted((e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in os.scandir(".")))
print(os.access("data.txt", os.R_OK), os.access("nope", os.F_OK))
os.chmod("data.txt", 0o600)
os.utime("data.txt", (1000000000, 1200000000))
s = os.stat("data.txt")
print(oct(stat.S_IMODE(s.st_mode)), s.st_mtime)
shutil.copyfile("data.txt", "copy.txt")
try:
    shutil.copyfile("nope.txt", "copy2.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
fd = os.open("fd.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
print(fd, os.write(fd, b"via fd"))
os.close(fd)
with open("copy.txt") as f:
    print(f.read())
try:
    os.lstat("gone")
except FileNotFoundError as e:
    print(e)
"#;
    let holder = std::cell::RefCell::new(PathBuf::new());
    record_replay(
        "file_metadata",
        src,
        |d| {
            *holder.borrow_mut() = d.to_path_buf();
            std::fs::write(d.join("data.txt"), "recorded contents").unwrap();
            std::fs::create_dir(d.join("sub")).unwrap();
        },
        &[],
        None,
        |d| {
            for f in ["data.txt", "link", "copy.txt", "fd.txt"] {
                std::fs::remove_file(d.join(f)).unwrap();
            }
            std::fs::remove_dir(d.join("sub")).unwrap();
            std::fs::write(d.join("nope.txt"), "now it exists").unwrap();
        },
        &[],
    );
    assert_logged(
        "file_metadata",
        &[
            "StatFull", "Lstat", "Scandir", "Symlink", "Readlink", "Realpath", "Access", "Chmod",
            "Utime", "CopyFile", "OsOpen",
        ],
    );
    // The replay created nothing anywhere.
    let d = holder.borrow().clone();
    assert!(!d.join("link").exists() && !d.join("fd.txt").exists() && !d.join("copy.txt").exists());
    let elsewhere = d.parent().unwrap().join("elsewhere");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn chdir_and_machine_queries_replay_elsewhere() {
    // os.chdir (relative paths after it), os.cpu_count, os.get_terminal_size and
    // shutil.disk_usage: recorded, then the directories are removed and the replay
    // runs from another directory.
    let src = r#"
import os, shutil
start = os.getcwd()
os.chdir("sub")
print(os.getcwd() == os.path.join(start, "sub"), os.listdir("."), open("inner.txt").read())
os.chdir("..")
try:
    os.chdir("missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
print(os.cpu_count())
try:
    print(os.get_terminal_size())
except OSError as e:
    print("OSError", e.errno)
print(shutil.get_terminal_size((77, 11)))
print(shutil.disk_usage("."))
"#;
    let out = record_replay(
        "chdir",
        src,
        |d| {
            std::fs::create_dir(d.join("sub")).unwrap();
            std::fs::write(d.join("sub").join("inner.txt"), "inside").unwrap();
        },
        &[],
        None,
        |d| std::fs::remove_dir_all(d.join("sub")).unwrap(),
        &[],
    );
    let so = text(&out.stdout);
    assert!(
        so.starts_with("True ['inner.txt'] inside\nFileNotFoundError missing\n"),
        "{so}"
    );
    assert!(
        so.contains("OSError 25\nos.terminal_size(columns=77, lines=11)\n"),
        "{so}"
    );
    assert_logged("chdir", &["Chdir", "CpuCount", "TerminalSize", "DiskUsage"]);
}

#[test]
fn environ_mutations_are_program_state() {
    // The environment is read once (one effect); setting, deleting, putenv/unsetenv
    // and the functions that read it afterwards (expanduser, expandvars, getenv) see
    // the program's changes in the recording and in a replay under another
    // environment alike.
    let src = r#"
import os
os.environ["REVPY_FX_NEW"] = "set by program"
os.putenv("REVPY_FX_PUT", "put")
del os.environ["REVPY_FX_VAR"]
os.environ.setdefault("REVPY_FX_DEF", "default")
os.environ["HOME"] = "/changed/home"
print(os.getenv("REVPY_FX_NEW"), os.environ.get("REVPY_FX_VAR"), os.environ["REVPY_FX_PUT"])
print(os.environ.pop("REVPY_FX_DEF"), "REVPY_FX_DEF" in os.environ)
os.unsetenv("REVPY_FX_PUT")
print("REVPY_FX_PUT" in os.environ, os.path.expanduser("~/x"), os.path.expandvars("$REVPY_FX_NEW!"))
print(sorted(k for k in os.environ if k.startswith("REVPY_FX")))
"#;
    let out = record_replay(
        "environ_mut",
        src,
        |_| {},
        &[("REVPY_FX_VAR", "recorded")],
        None,
        |_| {},
        &[("REVPY_FX_VAR", "replayed"), ("REVPY_FX_DEF", "x")],
    );
    assert_eq!(
        text(&out.stdout),
        "set by program None put\ndefault False\nFalse /changed/home/x set by program!\n['REVPY_FX_NEW']\n"
    );
    let kinds = kinds_logged("environ_mut");
    assert!(
        kinds.iter().any(|(k, n)| k == "Environ" && *n == 1),
        "{kinds:?}"
    );
}

/// Files a program drops without closing are closed when the collector frees them: a
/// loop of `open(p).read()` far longer than the descriptor limit runs (under
/// `ulimit -n 64`), what a dropped file wrote is visible to the next open, and the
/// recording replays identically.
#[test]
fn dropped_files_are_closed_and_flushed() {
    let dir = scratch("dropped");
    let source = "import os\n\
        n = 0\n\
        for i in range(2000):\n    \
            open('f.txt', 'w').write(str(i))\n    \
            n += int(open('f.txt').read()) == i\n\
        print(n, os.path.getsize('f.txt'))\n";
    std::fs::write(dir.join("prog.py"), source).unwrap();
    let limited = |args: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -n 64 && exec \"$0\" {args}"))
            .arg(BIN)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .expect("spawn sh")
    };
    let rec = limited("record -o prog.revlog prog.py");
    assert_eq!(text(&rec.stderr), "");
    assert_eq!(text(&rec.stdout), "2000 4\n");
    assert!(rec.status.success());
    let rep = limited("replay prog.revlog");
    assert_eq!(text(&rep.stdout), "2000 4\n");
    assert!(rep.status.success(), "{}", text(&rep.stderr));
}

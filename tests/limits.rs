//! Resource limits seen from the command line: garbage is reclaimed by what it
//! weighs (a loop making large temporaries runs under a tight address-space limit),
//! and native recursion over nested containers works up to the recursion limit and
//! raises `RecursionError` past it (never a stack overflow). CPython's own outputs for
//! the same programs are in `tests/programs/limits/`; what is here cannot be
//! compared with CPython (it crashes on the deep cases) or needs a shell `ulimit`.

// Drives revpy from outside (files, processes, clocks): clippy.toml's determinism
// rules are for the VM.
#![allow(clippy::disallowed_methods)]

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_revpy");

/// Run `revpy run` on `src` under `ulimit -v KB` (address space); (stdout, stderr,
/// status).
fn run_limited(name: &str, src: &str, kb: u64) -> (String, String, i32) {
    let dir: PathBuf = std::env::temp_dir().join(format!("revpy-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let file = dir.join(name);
    std::fs::write(&file, src).expect("write program");
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kb} && exec \"$0\" run \"$1\""))
        .arg(BIN)
        .arg(&file)
        .output()
        .expect("run sh");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

/// 2.4 GB of dead lists, 1.5 GB of dead strings and many dead comprehensions, under
/// a 3 GiB address-space limit (of which the VM thread's stack reserves 1 GiB). With
/// a collector counting only objects this aborted ("memory allocation failed"); it
/// peaks at about 35 MB.
#[test]
fn garbage_is_reclaimed_by_size() {
    let src = "\
for i in range(1500):
    x = [0] * 100000
for i in range(1500):
    s = 'a' * 1000000
for i in range(300):
    y = [j for j in range(20000)]
    d = {j: j for j in range(5000)}
    b = bytearray(50000)
    t = tuple(range(20000))
print('ok', len(x), len(s), len(y), len(d), len(b), len(t))
";
    let (out, err, code) = run_limited("churn.py", src, 3 << 20);
    assert_eq!(
        (out.as_str(), code),
        ("ok 100000 1000000 20000 5000 50000 20000\n", 0),
        "stderr:\n{err}"
    );
}

/// Nested containers as deep as a raised recursion limit allows: repr writes one
/// buffer (linear), comparisons recurse, and one level more raises RecursionError.
/// (CPython overflows its C stack here; revpy's VM thread has room.)
#[test]
fn deep_nesting_up_to_a_raised_limit() {
    let src = "\
import sys
sys.setrecursionlimit(60000)
x = []
y = []
for i in range(50000):
    x = [x]
    y = [y]
print(len(repr(x)), len(str(x)))
print(x == y, x < y, x in [y])
d = {}
for i in range(50000):
    d = {0: d}
print(len(repr(d)))
z = []
for i in range(70000):
    z = [z]
try:
    repr(z)
except RecursionError as e:
    print('RecursionError', e)
try:
    z == [z]
except RecursionError as e:
    print('RecursionError', e)
t = ()
for i in range(300000):
    t = (t,)
print(hash(t) == hash(t), len(str(hash(t))) > 0)
";
    let (out, err, code) = run_limited("deep.py", src, 16 << 20);
    assert_eq!(
        (out.as_str(), code),
        (
            "100002 100002\n\
             True False True\n\
             250002\n\
             RecursionError maximum recursion depth exceeded while getting the repr of an object\n\
             RecursionError maximum recursion depth exceeded in comparison\n\
             True True\n",
            0
        ),
        "stderr:\n{err}"
    );
}

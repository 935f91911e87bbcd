//! What the end-to-end test files share: the test runner (`harness`), the list of
//! test programs and their expected results, and running `revpy`.
//!
//! The programs of `tests/programs` (conventions in `tests/regen_expected.sh`):
//! every `GROUP/NAME.py` is a program, named `GROUP/NAME`, with CPython's stdout
//! in `NAME.out` (and, when it fails or writes to stderr, `NAME.err` and
//! `NAME.code`). Support modules are not programs: `mod_*.py`, the files of a
//! package (a folder with `__init__.py`), and anything in a `support_*` folder.

#![allow(dead_code)] // each test file uses its part

pub mod harness;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `revpy` binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_revpy")
}

/// A path under the repository's root.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `revpy ARGS` run from `dir` with no stdin, killed after the time limit
/// (`REVPY_TEST_TIMEOUT` seconds, default 300): a program that hangs fails its test
/// with a message instead of stalling the suite.
pub fn revpy(args: &[&str], dir: &Path) -> Output {
    let limit = std::env::var("REVPY_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300u64);
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run revpy");
    let pipe = |r: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = vec![];
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = pipe(child.stdout.take().map(|p| Box::new(p) as _));
    let err = pipe(child.stderr.take().map(|p| Box::new(p) as _));
    let start = std::time::Instant::now();
    let mut killed = false;
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait for revpy") {
            break st;
        }
        if start.elapsed().as_secs() >= limit {
            let _ = child.kill();
            killed = true;
            break child.wait().expect("wait for revpy");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let stdout = out.join().unwrap_or_default();
    let mut stderr = err.join().unwrap_or_default();
    if killed {
        let note = format!("\n[test harness: revpy {args:?} killed after {limit} s]\n");
        stderr.extend_from_slice(note.as_bytes());
    }
    Output {
        status,
        stdout,
        stderr,
    }
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Whether `REVPY_BLESS=1`: tests with golden files rewrite them.
pub fn blessing() -> bool {
    std::env::var("REVPY_BLESS").is_ok_and(|v| v == "1")
}

/// One test program.
pub struct Program {
    /// `GROUP/NAME`: its path under `tests/programs`, without `.py`. The tests
    /// of a program are named after it.
    pub name: String,
    pub path: PathBuf,
}

/// What CPython did with a program.
pub struct Expected {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Program {
    /// Its folder, where it runs from.
    pub fn dir(&self) -> &Path {
        self.path.parent().expect("a program is in a folder")
    }

    /// Its file name, as given to `revpy run` in its folder.
    pub fn file(&self) -> String {
        self.path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    }

    /// CPython's results; an error if `NAME.out` is missing.
    pub fn expected(&self) -> Result<Expected, String> {
        let stdout = std::fs::read_to_string(self.path.with_extension("out")).map_err(|e| {
            format!(
                "{}: no expected output {} ({e}): make it with tests/regen_expected.sh \
                 (or REVPY_REGEN=1 cargo test --test programs)",
                self.name,
                self.path.with_extension("out").display()
            )
        })?;
        let stderr = std::fs::read_to_string(self.path.with_extension("err")).unwrap_or_default();
        let code = std::fs::read_to_string(self.path.with_extension("code"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        Ok(Expected {
            stdout,
            stderr,
            code,
        })
    }
}

/// Every test program, sorted by name.
pub fn programs() -> Vec<Program> {
    let root = repo("tests/programs");
    let mut out = vec![];
    walk(&root, &root, &mut out);
    assert!(!out.is_empty(), "no programs in {}", root.display());
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Program>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let is_package = dir.join("__init__.py").exists();
    for p in entries {
        let file = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            if !file.starts_with("support_") {
                walk(root, &p, out);
            }
        } else if file.ends_with(".py") && !file.starts_with("mod_") && !is_package {
            let rel = p.strip_prefix(root).unwrap().with_extension("");
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Program { name, path: p });
        }
    }
}

/// The first lines where two texts differ (at most 4), for messages.
pub fn diff(expected: &str, actual: &str) -> String {
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
    if out.is_empty() && expected != actual {
        out.push_str("    (they differ only in the final newline)\n");
    }
    out
}

/// Run `f` on a thread with a big stack (the VM's own recursion limit decides,
/// not Rust's); a panic becomes an error.
pub fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .map_err(|e| format!("cannot start a thread: {e}"))?
        .join()
        .map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panicked".into())
        })
}

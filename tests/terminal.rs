//! The interactive front ends in a real terminal: `revpy debug` and the `revpy`
//! REPL run inside tmux (a pseudo-terminal, so rustyline's line editor is on),
//! keys are sent with `send-keys` and the screen is read with `capture-pane`.
//! Each test has its own tmux server (`tmux -L NAME`), killed on every way out,
//! and its own HOME (a temporary directory), where the history files go.
//!
//! Needs tmux: without it the tests fail when `CI` is set and are skipped
//! (with a notice) otherwise.

// Drives revpy from outside (files, processes, clocks): clippy.toml's determinism
// rules are for the VM.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_revpy")
}

/// Whether tmux can be used; fails the test in CI when it cannot.
fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        if std::env::var_os("CI").is_some() {
            panic!(
                "tmux is not installed: the terminal tests need it in CI (apt-get install tmux)"
            );
        }
        eprintln!("NOTICE: tmux is not installed; the terminal tests are skipped");
    }
    ok
}

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("revpy-term-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A tmux server of its own running one command in a 120x40 window; the server
/// is killed when this is dropped (panics included).
struct Term {
    socket: String,
}

impl Term {
    /// Start `cmd` (run by sh, in `dir`, with HOME set to `home`). When it ends the
    /// pane shows `[exit STATUS]` and stays until the server is killed.
    fn start(tag: &str, dir: &Path, home: &Path, cmd: &str) -> Term {
        let socket = format!("revpy-test-{}-{tag}", std::process::id());
        let term = Term { socket };
        let script = format!(
            // The trap keeps sh alive through the Ctrl-C sent to revpy (its
            // children still get the default SIGINT disposition).
            "trap true INT; cd '{}' && HOME='{}' TERM=xterm {cmd}; echo \"[exit $?]\"; sleep 600",
            dir.display(),
            home.display()
        );
        let st = term
            .tmux()
            .args(["new-session", "-d", "-x", "120", "-y", "40", "sh", "-c"])
            .arg(&script)
            .status()
            .expect("run tmux");
        assert!(st.success(), "tmux new-session failed");
        term
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        // No user configuration: the same terminal everywhere.
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c.stdin(Stdio::null());
        c
    }

    /// The visible screen, wrapped lines joined.
    fn screen(&self) -> String {
        let out = self
            .tmux()
            .args(["capture-pane", "-p", "-J"])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Send keys (tmux key names: "Enter", "Up", "C-c", "C-d", or literal text).
    fn keys(&self, keys: &[&str]) {
        let st = self
            .tmux()
            .arg("send-keys")
            .args(keys)
            .status()
            .expect("tmux send-keys");
        assert!(st.success(), "tmux send-keys {keys:?} failed");
    }

    /// Type a line and press Enter.
    fn line(&self, text: &str) {
        self.keys(&["-l", text]);
        self.keys(&["Enter"]);
    }

    /// Wait until the screen satisfies `pred` and has settled (two captures
    /// 100 ms apart are equal: a full-screen redraw can be caught half done,
    /// with the title already new and the lower panes not yet drawn), or fail
    /// showing it.
    fn wait(&self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let s = self.screen();
            if pred(&s) {
                std::thread::sleep(Duration::from_millis(100));
                let again = self.screen();
                if again == s {
                    return s;
                }
                continue;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen satisfies `pred`, without waiting for it to
    /// settle: for a transient state such as a progress line.
    fn wait_transient(&self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let s = self.screen();
            if pred(&s) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the last non-empty line of the screen is `line`.
    fn wait_last(&self, line: &str, secs: u64) -> String {
        self.wait(&format!("a last line {line:?}"), secs, |s| {
            last_line(s) == line
        })
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self
            .tmux()
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn last_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
}

/// The time in the last prompt line `(T)$ ...` on the screen.
fn prompt_time(screen: &str) -> u64 {
    let l = screen
        .lines()
        .rev()
        .find(|l| l.starts_with('(') && l.contains(")$"))
        .unwrap_or_else(|| panic!("no prompt on the screen:\n{screen}"));
    l[1..l.find(')').unwrap()]
        .parse()
        .expect("time in the prompt")
}

const PROGRAM: &str = "def double(x):
    return x * 2

total = 0
for i in range(200000):
    total += double(i) % 7
print(total)
";

#[test]
fn debugger_shell_in_a_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = TempDir::new("debug");
    let home = TempDir::new("debug-home");
    std::fs::write(dir.0.join("prog.py"), PROGRAM).expect("write program");
    let st = Command::new(bin())
        .current_dir(&dir.0)
        .args(["record", "-o", "prog.revlog", "prog.py"])
        .stdout(Stdio::null())
        .status()
        .expect("record");
    assert!(st.success());
    let cmd = format!("'{}' debug prog.revlog", bin());
    let t = Term::start("debug", &dir.0, &home.0, &cmd);
    t.wait_last("(1)$", 60);

    // Motions.
    t.line("next");
    t.wait_last("(2)$", 30);
    t.line("next");
    t.wait_last("(3)$", 30);
    t.line("bstep");
    let s = t.wait_last("(2)$", 30);
    assert!(s.contains("File \"prog.py\", line 4 in <module>:"), "{s}");

    // History: Up recalls the last command; Enter runs it.
    t.keys(&["Up"]);
    t.wait_last("(2)$ bstep", 10);
    t.keys(&["Enter"]);
    t.wait_last("(1)$", 30);

    // Ctrl-C at the prompt: a fresh prompt, the same time.
    t.keys(&["-l", "garbage typed"]);
    t.wait_last("(1)$ garbage typed", 10);
    t.keys(&["C-c"]);
    t.wait("a fresh prompt after Ctrl-C", 10, |s| {
        let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
        lines.len() >= 2
            && lines[lines.len() - 1].trim_end() == "(1)$"
            && lines[lines.len() - 2].starts_with("(1)$ garbage typed")
    });

    // Tab completion of a command name.
    t.keys(&["-l", "bcont"]);
    t.keys(&["Tab"]);
    t.wait_last("(1)$ bcontinue", 10);
    t.keys(&["C-u"]);
    t.wait_last("(1)$", 10);

    // Ctrl-C during a long backward search: the position stays.
    t.line("watch len([])");
    t.wait("the watchpoint", 30, |s| {
        s.contains("Watchpoint 1 added") && last_line(s) == "(1)$"
    });
    t.line("continue");
    let s = t.wait("the end", 120, |s| {
        s.contains("finished with exit status 0") && last_line(s).ends_with(")$")
    });
    let end = prompt_time(&s);
    assert!(end > 600_000, "{s}");
    t.line("bcontinue");
    t.wait_transient("a backward search", 60, |s| s.contains("[searching "));
    t.keys(&["C-c"]);
    let s = t.wait("the interrupted search", 60, |s| {
        s.contains("Interrupted; back at time") && last_line(s).ends_with(")$")
    });
    assert!(
        s.contains(&format!("Interrupted; back at time {end}.")),
        "{s}"
    );
    assert_eq!(prompt_time(&s), end, "{s}");
    t.line("p total");
    t.wait("the value at the end", 30, |s| {
        s.lines().any(|l| l.trim_end() == "599997")
    });

    // Leave; the history was saved.
    t.line("quit");
    t.wait("the exit", 30, |s| s.contains("[exit 0]"));
    let hist =
        std::fs::read_to_string(home.0.join(".revpy_debug_history")).expect("the history file");
    let entries: Vec<&str> = hist.lines().collect();
    assert!(entries.contains(&"bstep"), "{hist}");
    assert_eq!(entries.last(), Some(&"quit"), "{hist}");
    assert!(!entries.contains(&"garbage typed"), "{hist}");
    assert!(!hist.contains("internal error"));
    drop(t);

    // A new session finds the history: Up shows the last command of the last one.
    let t = Term::start("debug2", &dir.0, &home.0, &cmd);
    t.wait_last("(1)$", 60);
    t.keys(&["Up"]);
    t.wait_last("(1)$ quit", 10);
    t.keys(&["Enter"]);
    t.wait("the exit", 30, |s| s.contains("[exit 0]"));
}

/// The line of the source pane's title: `Source: FILE:LINE in FUNC — time T`.
fn source_title(screen: &str) -> String {
    screen
        .lines()
        .find_map(|l| {
            let i = l.find("Source: ")?;
            let rest = &l[i..];
            let end = rest.find('─').unwrap_or(rest.len());
            Some(rest[..end].trim().to_string())
        })
        .unwrap_or_default()
}

const TUI_PROGRAM: &str = "def square(n):
    r = n * n
    return r


def total(items):
    s = 0
    for i in items:
        s += square(i)
    return s


print(total([1, 2, 3]))
";

#[test]
fn dashboard_in_a_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = TempDir::new("tui");
    let home = TempDir::new("tui-home");
    std::fs::write(dir.0.join("prog.py"), TUI_PROGRAM).expect("write program");
    let cmd = format!("'{}' debug --tui prog.py", bin());
    let t = Term::start("tui", &dir.0, &home.0, &cmd);
    let title = |want: &str| {
        let w = want.to_string();
        t.wait(&format!("the source pane at {want}"), 30, move |s| {
            source_title(s) == w
        })
    };
    let s = title("Source: prog.py:1 in <module> — time 1");
    for pane in ["Locals", "Stack", "Bytecode", "Program output", "Commands"] {
        assert!(s.contains(pane), "no {pane} pane:\n{s}");
    }
    // F10 next, F11 step (into total), Shift+F11 finish, and back with Ctrl.
    t.keys(&["F10"]);
    title("Source: prog.py:6 in <module> — time 2");
    t.keys(&["F10"]);
    title("Source: prog.py:13 in <module> — time 3");
    t.keys(&["F11"]);
    let s = title("Source: prog.py:7 in total — time 4");
    assert!(s.contains("items = [1, 2, 3]"), "locals pane:\n{s}");
    assert!(s.contains("-->"), "bytecode pane:\n{s}");
    t.keys(&["S-F11"]);
    let s = title("Source: prog.py:10 in total — time 23");
    assert!(
        s.contains("[0] 14"),
        "the operand stack holds the return value:\n{s}"
    );
    assert!(s.contains("<<  10      return s"), "{s}");
    t.keys(&["C-F11"]);
    title("Source: prog.py:10 in total — time 22");
    t.keys(&["C-F10"]);
    title("Source: prog.py:8 in total — time 21");
    t.keys(&["C-S-F11"]);
    title("Source: prog.py:13 in <module> — time 3");
    // F5 to the end: the program's output; Ctrl+F5 back to the start.
    t.keys(&["F5"]);
    t.wait("the end", 30, |s| {
        s.contains("The program finished with exit status 0") && s.contains("│14")
    });
    t.keys(&["C-F5"]);
    let s = title("Source: prog.py:1 in <module> — time 1");
    // The output pane shows what had been printed by then: nothing yet.
    assert!(!s.contains("│14"), "output pane at time 1:\n{s}");
    t.keys(&["F5"]);
    t.wait("the output again", 30, |s| s.contains("│14"));
    t.keys(&["C-F5"]);
    title("Source: prog.py:1 in <module> — time 1");
    // A typed command.
    t.keys(&["-l", "p 6 * 7"]);
    t.keys(&["Enter"]);
    t.wait("the answer", 10, |s| {
        s.lines().any(|l| l.starts_with("│42 "))
    });
    t.keys(&["C-d"]);
    t.wait("the exit", 30, |s| s.contains("[exit 0]"));
}

#[test]
fn repl_in_a_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = TempDir::new("repl");
    let home = TempDir::new("repl-home");
    let cmd = format!("'{}'", bin());
    let t = Term::start("repl", &dir.0, &home.0, &cmd);
    t.wait_last(">>>", 30);
    t.line("1+1");
    t.wait("1+1 evaluated", 30, |s| {
        s.contains(">>> 1+1\n2\n") && last_line(s) == ">>>"
    });
    // A compound statement over several lines.
    t.line("for i in range(2):");
    t.wait_last("...", 10);
    t.line("    print('item', i)");
    // (Keys typed before the prompt is back may be lost, as in any rustyline
    // program: wait for it.)
    t.wait("a second continuation line", 10, |s| {
        s.contains("...     print('item', i)\n") && last_line(s) == "..."
    });
    t.line("");
    t.wait("the loop's output", 30, |s| {
        s.contains("item 0\nitem 1\n") && last_line(s) == ">>>"
    });
    // Tab completion, as CPython's rlcompleter: a unique name completes with
    // its `(`, a second Tab lists the candidates, an empty line indents.
    t.line("nums = [3, 1]");
    t.wait_last(">>>", 10);
    t.keys(&["-l", "nums.so"]);
    t.keys(&["Tab"]);
    t.wait("nums.sort( completed", 10, |s| {
        last_line(s) == ">>> nums.sort("
    });
    t.keys(&["-l", ")"]);
    t.keys(&["Enter"]);
    t.wait_last(">>>", 10);
    t.keys(&["-l", "nums.c"]);
    t.keys(&["Tab"]);
    t.keys(&["Tab"]);
    t.wait("the candidates", 10, |s| {
        s.contains("clear(  copy(   count(")
    });
    t.keys(&["-l", "ou"]);
    t.keys(&["Tab"]);
    t.keys(&["-l", "1)"]);
    t.keys(&["Enter"]);
    t.wait("nums.count(1)", 10, |s| {
        s.contains(">>> nums.count(1)\n1\n") && last_line(s) == ">>>"
    });
    // Ctrl-C at the prompt, then Ctrl-D leaves.
    t.keys(&["C-c"]);
    t.wait("KeyboardInterrupt", 10, |s| s.contains("KeyboardInterrupt"));
    t.wait_last(">>>", 10);
    t.keys(&["C-d"]);
    let s = t.wait("the exit", 30, |s| s.contains("[exit 0]"));
    assert!(
        !s.contains("internal error") && !s.contains("panicked"),
        "{s}"
    );
    let hist = std::fs::read_to_string(home.0.join(".revpy_history")).expect("the history");
    assert!(hist.lines().any(|l| l == "1+1"), "{hist}");
    assert!(
        hist.contains("for i in range(2):\\n    print('item', i)"),
        "{hist}"
    );
    drop(t);

    // A HOME where nothing can be written: a one-line warning, no crash.
    let t = Term::start("repl2", &dir.0, &dir.0.join("no-such-dir"), &cmd);
    t.wait_last(">>>", 30);
    t.line("1+2");
    t.wait("3", 30, |s| s.lines().any(|l| l.trim_end() == "3"));
    // `exit` alone says how to leave; `help()` is pydoc's interactive helper.
    t.line("exit");
    t.wait("exit's message", 10, |s| {
        s.contains("Use exit() or Ctrl-D (i.e. EOF) to exit\n") && last_line(s) == ">>>"
    });
    t.line("help()");
    t.wait_last("help>", 30);
    t.line("while");
    t.wait("the while topic", 30, |s| {
        s.contains("The \"while\" statement") && last_line(s) == "help>"
    });
    t.line("q");
    t.wait("back at the prompt", 10, |s| {
        s.contains("You are now leaving help") && last_line(s) == ">>>"
    });
    t.line("exit(4)");
    let s = t.wait("the exit", 30, |s| s.contains("[exit 4]"));
    assert!(s.contains("warning: cannot write the history file"), "{s}");
}

/// On a terminal, `revpy run` writes each line as the program prints it (as CPython
/// does), not when its 8 KiB buffer fills or the program ends.
#[test]
fn run_output_is_line_buffered_on_a_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = TempDir::new("linebuf");
    let home = TempDir::new("linebuf-home");
    std::fs::write(
        dir.0.join("prog.py"),
        "print('first line')\nn = 0\nwhile True:\n    n += 1\n",
    )
    .unwrap();
    let cmd = format!("'{}' run prog.py", bin());
    let t = Term::start("linebuf", &dir.0, &home.0, &cmd);
    t.wait("the first line while the program runs", 30, |s| {
        s.contains("first line")
    });
    let s = t.screen();
    assert!(!s.contains("[exit"), "the program should still run:\n{s}");
    t.keys(&["C-c"]);
    t.wait("the interrupted program's exit", 30, |s| {
        s.contains("[exit")
    });
}

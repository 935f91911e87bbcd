//! Analysis over recordings, end to end: `revpy profile` (text, lines, folded,
//! speedscope, svg), `revpy run --profile`, `revpy timeline`, `revpy heap`.
//!
//! The programs are in `tests/analysis/`; their golden outputs `NAME.EXT` beside
//! them hold exact instruction counts, so they change when the compiler does:
//! rewrite them with
//!
//!     REVPY_BLESS=1 cargo test --test analysis
//!
//! and read the diff. `counted.py` is checked against numbers counted by hand from
//! its disassembly, not against a golden.

// This drives revpy from outside (files, processes): clippy.toml's determinism
// rules are for the VM.
#![allow(clippy::disallowed_methods)]

mod common;

use common::{bin, blessing, diff, repo, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

fn dir() -> PathBuf {
    repo("tests/analysis")
}

fn scratch(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    std::env::temp_dir().join(format!("revpy-analysis-{}-{n}-{tag}", std::process::id()))
}

/// Record `tests/analysis/NAME.py` (from that directory, so file names are
/// stable), with `NAME.stdin` as its input if there is one.
fn record(name: &str) -> PathBuf {
    let log = scratch(&format!("{name}.revlog"));
    let stdin = std::fs::read(dir().join(format!("{name}.stdin"))).unwrap_or_default();
    let mut child = Command::new(bin())
        .current_dir(dir())
        .args(["record", "-o"])
        .arg(&log)
        .arg(format!("{name}.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run revpy record");
    {
        use std::io::Write;
        let mut si = child.stdin.take().expect("stdin");
        si.write_all(&stdin).expect("write stdin");
    }
    child.wait().expect("revpy record");
    assert!(log.exists(), "no recording of {name}");
    log
}

fn run(args: &[&str], cwd: &Path) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("run revpy")
}

fn ok(args: &[&str]) -> String {
    let o = run(args, &dir());
    assert_eq!(
        o.status.code(),
        Some(0),
        "revpy {args:?} failed: {}",
        text(&o.stderr)
    );
    text(&o.stdout)
}

/// Compare with (or, blessing, write) `tests/analysis/FILE`.
fn golden(file: &str, actual: &str) {
    let path = dir().join(file);
    if blessing() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no {file}: run with REVPY_BLESS=1 to create it"));
    assert!(
        expected == actual,
        "{file} differs (REVPY_BLESS=1 rewrites it):\n{}",
        diff(&expected, actual)
    );
}

fn p(log: &Path) -> &str {
    log.to_str().expect("utf-8 path")
}

/// The rows of a text profile, split in columns.
fn rows(t: &str) -> Vec<Vec<String>> {
    t.lines()
        .skip_while(|l| {
            !l.trim_start().starts_with("ncalls") && !l.trim_start().starts_with("hits")
        })
        .skip(1)
        .map(|l| l.split_whitespace().map(|s| s.to_string()).collect())
        .collect()
}

#[test]
fn counted_by_hand() {
    // counted.py: f is `LOAD_FAST LOAD_CONST BINARY_OP RETURN_VALUE`, called 3
    // times; the module runs 33 instructions of its own (3 + 2 + 16 + 12, see
    // `revpy dis tests/analysis/counted.py`).
    let log = record("counted");
    let t = ok(&["profile", p(&log)]);
    assert!(
        t.starts_with("45 instructions, 4 function calls (4 primitive calls)\n"),
        "{t}"
    );
    let r = rows(&t);
    assert_eq!(
        r[0],
        ["1", "33", "33.0", "45", "45.0", "counted.py:1(<module>)"],
        "{t}"
    );
    assert_eq!(
        r[1],
        ["3", "12", "4.0", "12", "4.0", "counted.py:2(f)"],
        "{t}"
    );
    let info = ok(&["info", p(&log)]);
    assert!(info.contains("instructions: 45\n"), "{info}");
    let t = ok(&["profile", "--by", "line", "--sort", "line", p(&log)]);
    let r = rows(&t);
    // hits, own, cumulative, place, source
    assert_eq!(&r[1][..4], ["3", "12", "12", "counted.py:3(f)"], "{t}");
    assert_eq!(&r[2][..4], ["1", "2", "2", "counted.py:6(<module>)"], "{t}");
    assert_eq!(&r[3][1..4], ["16", "16", "counted.py:7(<module>)"], "{t}");
    assert_eq!(
        &r[4][..4],
        ["3", "12", "24", "counted.py:8(<module>)"],
        "{t}"
    );
    // Only stop points 1..=5: the module's first lines and f's first call.
    let t = ok(&["profile", "--from", "1", "--to", "4", p(&log)]);
    assert!(t.contains("in stop points 1..4"), "{t}");
    let _ = std::fs::remove_file(log);
}

#[test]
fn profile_goldens() {
    let log = record("calls");
    golden("calls.profile", &ok(&["profile", p(&log)]));
    golden(
        "calls.tottime",
        &ok(&["profile", "--sort", "tottime", "--limit", "4", p(&log)]),
    );
    golden(
        "calls.lines",
        &ok(&["profile", "--by", "line", "--sort", "line", p(&log)]),
    );
    golden(
        "calls.folded",
        &ok(&["profile", "--format", "folded", p(&log)]),
    );
    golden(
        "calls.folded-lines",
        &ok(&["profile", "--format", "folded", "--by", "line", p(&log)]),
    );
    let _ = std::fs::remove_file(log);
}

/// Profiling twice gives the same bytes; the recording is not touched and
/// replays as before; a live `run --profile` counts the same as the replay.
#[test]
fn profiles_are_deterministic_and_change_nothing() {
    let log = record("calls");
    let before = std::fs::read(&log).expect("log");
    let replay1 = run(&["replay", p(&log)], &dir());
    for fmt in ["text", "folded", "speedscope", "svg"] {
        let a = ok(&["profile", "--by", "line", "--format", fmt, p(&log)]);
        let b = ok(&["profile", "--by", "line", "--format", fmt, p(&log)]);
        assert_eq!(a, b, "two profiles differ ({fmt})");
    }
    let tl1 = ok(&["timeline", "--kind", "all", p(&log)]);
    let tl2 = ok(&["timeline", "--kind", "all", p(&log)]);
    assert_eq!(tl1, tl2);
    assert_eq!(std::fs::read(&log).expect("log"), before, "the log changed");
    let replay2 = run(&["replay", p(&log)], &dir());
    assert_eq!(replay1.status.code(), Some(0));
    assert_eq!(replay1.stdout, replay2.stdout);
    assert_eq!(replay1.status.code(), replay2.status.code());
    // The live run's profile is the replay's.
    let out = scratch("live.folded");
    let live = run(
        &[
            "run",
            "--profile",
            "--format",
            "folded",
            "-o",
            p(&out),
            "calls.py",
        ],
        &dir(),
    );
    assert_eq!(live.status.code(), Some(0));
    assert_eq!(
        text(&live.stdout),
        "23 [3, 2, 1, 0]\n",
        "the program's output"
    );
    let replayed = ok(&["profile", "--format", "folded", p(&log)]);
    assert_eq!(std::fs::read_to_string(&out).expect("profile"), replayed);
    let _ = std::fs::remove_file(out);
    let _ = std::fs::remove_file(log);
}

/// The folded stacks add up to the program's instructions, as `revpy info`
/// counts them.
#[test]
fn folded_stacks_add_up() {
    let log = record("calls");
    let info = ok(&["info", p(&log)]);
    let total: u64 = info
        .lines()
        .find_map(|l| l.strip_prefix("instructions: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("instructions in revpy info");
    for by in ["function", "line"] {
        let f = ok(&["profile", "--format", "folded", "--by", by, p(&log)]);
        let sum: u64 = f
            .lines()
            .map(|l| {
                l.rsplit_once(' ')
                    .expect("count")
                    .1
                    .parse::<u64>()
                    .expect("number")
            })
            .sum();
        assert_eq!(sum, total, "--by {by}");
    }
    let t = ok(&["profile", p(&log)]);
    assert!(t.starts_with(&format!("{total} instructions")), "{t}");
    let _ = std::fs::remove_file(log);
}

// ---- a small JSON reader, for the speedscope file and timeline lines

#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, k: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(x, _)| x == k).map(|(_, v)| v),
            _ => None,
        }
    }
    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(a) => a,
            _ => panic!("not an array: {self:?}"),
        }
    }
    fn num(&self) -> f64 {
        match self {
            Json::Num(n) => *n,
            _ => panic!("not a number: {self:?}"),
        }
    }
    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => panic!("not a string: {self:?}"),
        }
    }
}

fn parse_json(s: &str) -> Json {
    let b = s.as_bytes();
    let mut i = 0;
    let v = value(b, &mut i);
    ws(b, &mut i);
    assert_eq!(i, b.len(), "trailing bytes after the JSON value");
    v
}

fn ws(b: &[u8], i: &mut usize) {
    while *i < b.len() && b[*i].is_ascii_whitespace() {
        *i += 1;
    }
}

fn value(b: &[u8], i: &mut usize) -> Json {
    ws(b, i);
    match b[*i] {
        b'{' => {
            *i += 1;
            let mut m = vec![];
            ws(b, i);
            if b[*i] == b'}' {
                *i += 1;
                return Json::Obj(m);
            }
            loop {
                ws(b, i);
                let Json::Str(k) = value(b, i) else {
                    panic!("object key")
                };
                ws(b, i);
                assert_eq!(b[*i], b':');
                *i += 1;
                m.push((k, value(b, i)));
                ws(b, i);
                match b[*i] {
                    b',' => *i += 1,
                    b'}' => {
                        *i += 1;
                        return Json::Obj(m);
                    }
                    c => panic!("unexpected {}", c as char),
                }
            }
        }
        b'[' => {
            *i += 1;
            let mut a = vec![];
            ws(b, i);
            if b[*i] == b']' {
                *i += 1;
                return Json::Arr(a);
            }
            loop {
                a.push(value(b, i));
                ws(b, i);
                match b[*i] {
                    b',' => *i += 1,
                    b']' => {
                        *i += 1;
                        return Json::Arr(a);
                    }
                    c => panic!("unexpected {}", c as char),
                }
            }
        }
        b'"' => {
            *i += 1;
            let mut s = String::new();
            loop {
                match b[*i] {
                    b'"' => {
                        *i += 1;
                        return Json::Str(s);
                    }
                    b'\\' => {
                        *i += 1;
                        match b[*i] {
                            b'n' => s.push('\n'),
                            b't' => s.push('\t'),
                            b'r' => s.push('\r'),
                            b'u' => {
                                let h = std::str::from_utf8(&b[*i + 1..*i + 5]).expect("hex");
                                s.push(
                                    char::from_u32(u32::from_str_radix(h, 16).expect("hex"))
                                        .expect("char"),
                                );
                                *i += 4;
                            }
                            c => s.push(c as char),
                        }
                        *i += 1;
                    }
                    _ => {
                        let start = *i;
                        while b[*i] != b'"' && b[*i] != b'\\' {
                            *i += 1;
                        }
                        s.push_str(std::str::from_utf8(&b[start..*i]).expect("utf-8"));
                    }
                }
            }
        }
        b't' => {
            *i += 4;
            Json::Bool(true)
        }
        b'f' => {
            *i += 5;
            Json::Bool(false)
        }
        b'n' => {
            *i += 4;
            Json::Null
        }
        _ => {
            let start = *i;
            while *i < b.len() && matches!(b[*i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                *i += 1;
            }
            Json::Num(
                std::str::from_utf8(&b[start..*i])
                    .expect("num")
                    .parse()
                    .expect("number"),
            )
        }
    }
}

/// The speedscope file follows https://www.speedscope.app/file-format-schema.json:
/// the required members with their types, a sampled profile whose samples index
/// the shared frames and whose weights add up to the instructions.
#[test]
fn speedscope_structure() {
    let log = record("calls");
    for by in ["function", "line"] {
        let s = ok(&["profile", "--format", "speedscope", "--by", by, p(&log)]);
        let j = parse_json(&s);
        assert_eq!(
            j.get("$schema").expect("$schema").str(),
            "https://www.speedscope.app/file-format-schema.json"
        );
        let frames = j
            .get("shared")
            .and_then(|s| s.get("frames"))
            .expect("shared.frames")
            .arr();
        for f in frames {
            f.get("name").expect("frame name").str();
            f.get("file").expect("frame file").str();
            f.get("line").expect("frame line").num();
        }
        assert!(frames
            .iter()
            .any(|f| f.get("name").map(|n| n.str()) == Some("fib")));
        let profiles = j.get("profiles").expect("profiles").arr();
        assert_eq!(profiles.len(), 1);
        let pr = &profiles[0];
        assert_eq!(pr.get("type").expect("type").str(), "sampled");
        assert!([
            "none",
            "nanoseconds",
            "microseconds",
            "milliseconds",
            "seconds",
            "bytes"
        ]
        .contains(&pr.get("unit").expect("unit").str()));
        pr.get("name").expect("name").str();
        assert_eq!(pr.get("startValue").expect("startValue").num(), 0.0);
        let end = pr.get("endValue").expect("endValue").num();
        let samples = pr.get("samples").expect("samples").arr();
        let weights = pr.get("weights").expect("weights").arr();
        assert_eq!(samples.len(), weights.len());
        for s in samples {
            for x in s.arr() {
                let x = x.num();
                assert!(x >= 0.0 && (x as usize) < frames.len() && x.fract() == 0.0);
            }
        }
        let sum: f64 = weights.iter().map(|w| w.num()).sum();
        assert_eq!(sum, end);
        let total = ok(&["profile", p(&log)]);
        assert!(total.starts_with(&format!("{end} instructions")));
        assert_eq!(j.get("activeProfileIndex").map(|x| x.num()), Some(0.0));
    }
    let _ = std::fs::remove_file(log);
}

#[test]
fn svg_flame_graph() {
    let log = record("calls");
    let out = scratch("calls.svg");
    let r = run(
        &["profile", "--format", "svg", "-o", p(&out), p(&log)],
        &dir(),
    );
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stderr));
    let svg = std::fs::read_to_string(&out).expect("svg");
    assert!(svg.starts_with("<?xml"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<g>").count(), svg.matches("</g>").count());
    assert!(svg.contains("<title>fib (calls.py:3) ("), "{svg}");
    assert!(svg.contains("<title>all ("), "{svg}");
    // Text and attributes are escaped.
    assert!(svg.contains("&lt;module&gt;"));
    assert!(!svg.contains("(<module>"));
    chromium_renders(&out);
    let _ = std::fs::remove_file(out);
    let _ = std::fs::remove_file(log);
}

/// Where Chromium is installed, it renders the SVG (a screenshot with
/// coloured pixels); elsewhere this check is skipped, saying so.
fn chromium_renders(svg: &Path) {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
    else {
        eprintln!("svg_flame_graph: no Chromium here: the rendering check is skipped");
        return;
    };
    let png = scratch("calls.png");
    let st = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1200,400",
        ])
        .arg(format!("--screenshot={}", p(&png)))
        .arg(format!("file://{}", p(svg)))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run chromium");
    assert!(st.success(), "chromium failed");
    let data = std::fs::read(&png).expect("screenshot");
    assert!(data.starts_with(b"\x89PNG"), "not a PNG");
    // A blank page compresses to a few hundred bytes; the graph does not.
    assert!(
        data.len() > 3000,
        "the screenshot looks blank ({} bytes)",
        data.len()
    );
    let _ = std::fs::remove_file(png);
}

#[test]
fn timeline_goldens() {
    let log = record("events");
    // Clock values and the working directory differ between recordings: they are
    // checked below, not in the golden.
    golden(
        "events.timeline",
        &ok(&[
            "timeline",
            "--kind",
            "call,exception,output,input,io,gc,end",
            "--calls",
            "parse,read_all",
            p(&log),
        ]),
    );
    golden(
        "events.timeline.json",
        &ok(&["timeline", "--json", "--kind", "exception,input", p(&log)]),
    );
    golden(
        "events.timeline.grep",
        &ok(&["timeline", "--grep", "ValueError|KeyError", p(&log)]),
    );
    let all = ok(&["timeline", "--kind", "clock", p(&log)]);
    // Two by the program, one by `import time` (for `time.timezone`).
    assert_eq!(all.matches("time.time -> ").count(), 3, "{all}");
    let _ = std::fs::remove_file(log);
}

/// Every effect of the recording is in the timeline, in order: one event per
/// effect, or per run of console writes between two stop points (with their
/// count).
#[test]
fn timeline_lists_every_effect_in_order() {
    let log = record("events");
    let info = ok(&["info", p(&log)]);
    let effects: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("effects:"))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("effects in revpy info");
    let tl = ok(&["timeline", "--json", "--kind", "effect", p(&log)]);
    let mut counted = 0;
    let mut last_time = 0.0;
    let mut last_index = -1.0;
    for line in tl.lines() {
        let j = parse_json(line);
        let t = j.get("time").expect("time").num();
        assert!(t >= last_time, "out of order: {line}");
        last_time = t;
        if let Some(i) = j.get("effect") {
            assert!(i.num() > last_index, "effects out of order: {line}");
            last_index = i.num();
            counted += 1;
        } else {
            counted += j.get("writes").expect("writes").num() as usize;
        }
    }
    assert_eq!(counted, effects, "{tl}");
    let _ = std::fs::remove_file(log);
}

#[test]
fn heap_from_the_command_line() {
    let dir = repo("tests/revdb");
    let log = scratch("heap.revlog");
    let st = Command::new(bin())
        .current_dir(&dir)
        .args(["record", "-o", p(&log), "heap.py"])
        .stdout(Stdio::null())
        .status()
        .expect("record");
    assert!(st.success());
    let t = ok(&["heap", "--since", "100", "--limit", "3", p(&log)]);
    let lines: Vec<&str> = t.lines().collect();
    assert!(lines[0].starts_with("Heap from time 100 to "), "{t}");
    // The cache's lists and records grow, made at line 14 of lookup.
    assert!(t.contains("  list  heap.py:14:lookup\n"), "{t}");
    assert!(t.contains("  Record  heap.py:14:lookup\n"), "{t}");
    // Records keep their attributes inline: `__init__` makes no dict.
    assert!(!t.contains("  dict  heap.py:5:Record.__init__\n"), "{t}");
    let c = ok(&["heap", "--at", "500", p(&log)]);
    assert!(c.starts_with("Heap at time 500: "), "{c}");
    assert!(c.lines().any(|l| l.ends_with("  Record")), "{c}");
    assert_eq!(c, ok(&["heap", "--at", "500", p(&log)]));
    let bad = run(&["heap", "--at", "99999999", p(&log)], &dir);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("past the end of the program"));
    let _ = std::fs::remove_file(log);
}

#[test]
fn bad_input() {
    let d = dir();
    let o = run(&["profile", "no-such.revlog"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("can't open recording 'no-such.revlog'"));
    let o = run(&["profile", "calls.py"], &d);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let o = run(&["profile", "--from", "9", "--to", "3", "x.revlog"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--from 9 is after --to 3"));
    let o = run(&["profile", "--from", "0", "x.revlog"], &d);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["profile", "--format", "pdf", "x.revlog"], &d);
    assert_eq!(o.status.code(), Some(2));
    let log = record("counted");
    let o = run(&["timeline", "--kind", "bogus", p(&log)], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("unknown kind 'bogus'"));
    let o = run(&["timeline", "--grep", "(", p(&log)], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("bad --grep"));
    let o = run(&["profile", "-o", "/no/such/dir/x", p(&log)], &d);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("cannot write '/no/such/dir/x'"));
    // --by without --profile is refused by `run`.
    let o = run(&["run", "--by", "line", "counted.py"], &d);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_file(log);
}

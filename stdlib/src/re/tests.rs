//! Property tests of the engine: random patterns (from a grammar of regex syntax and
//! from random metacharacter soup) never panic, parse errors carry positions inside
//! the pattern, every match has sane spans, and a search finds the leftmost position
//! where an anchored match succeeds. Deterministic (a fixed-seed xorshift).

// Drives revpy from outside (files, processes, clocks): clippy.toml's determinism
// rules are for the VM.
#![allow(clippy::disallowed_methods)]

use super::compile::{self, Program};
use super::exec::{Exec, State, Unit};
use super::parse;
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// A random pattern from (most of) the regex grammar, `depth` levels deep at most.
fn gen_alt(r: &mut Rng, depth: usize, groups: &mut usize, out: &mut String) {
    let n = 1 + r.below(if depth > 0 { 3 } else { 2 });
    for i in 0..n {
        if i > 0 {
            out.push('|');
        }
        gen_concat(r, depth, groups, out);
    }
}

fn gen_concat(r: &mut Rng, depth: usize, groups: &mut usize, out: &mut String) {
    for _ in 0..r.below(4) {
        gen_atom(r, depth, groups, out);
        if r.below(3) == 0 {
            out.push_str(r.pick(&[
                "*", "+", "?", "*?", "+?", "??", "*+", "++", "{2}", "{0,3}", "{1,}", "{2,5}?",
                "{,2}", "{6}", "{3,9}",
            ]));
        }
    }
}

fn gen_atom(r: &mut Rng, depth: usize, groups: &mut usize, out: &mut String) {
    let leaf = depth == 0 || r.below(3) > 0;
    if leaf {
        let a = r.pick(&[
            "a", "b", "c", "ab", ".", "[ab]", "[^a]", "[a-c]", "\\w", "\\W", "\\d", "\\s", "^",
            "$", "\\b", "\\B", "\\A", "\\Z", "é", "[é\\n]", "\\n", "(?i:A)", "\\x61", "[\\w-]",
        ]);
        out.push_str(a);
        if r.below(6) == 0 && *groups > 0 {
            out.push_str(&format!("\\{}", 1 + r.below(*groups)));
        }
        return;
    }
    let open = r.pick(&[
        "(", "(", "(?:", "(?=", "(?!", "(?>", "(?i:", "(?P<g%>", "(?<=", "(?<!", "(?(1)",
    ]);
    let open = open.replace('%', &groups.to_string());
    if open.starts_with("(?<") && !open.starts_with("(?P") {
        // Lookbehinds need a fixed width.
        out.push_str(&open);
        out.push_str(r.pick(&["a", "ab", "[bc]", "\\w.", "a{2}", "(?:a|b)"]));
        out.push(')');
        return;
    }
    if open == "(" || open.starts_with("(?P<") {
        *groups += 1;
    }
    out.push_str(&open);
    gen_alt(r, depth - 1, groups, out);
    out.push(')');
}

fn soup(r: &mut Rng) -> String {
    const ALPHABET: &[char] = &[
        '(', ')', '[', ']', '{', '}', '?', '*', '+', '|', '\\', '^', '$', '.', '-', ',', ':', '=',
        '!', '<', '>', 'P', '0', '1', '2', '9', 'a', 'b', 'x', 'N', 'g', 'i', 'L', 'm', 'u', 'x',
        '#', 'é', 'A', 'Z', 'w', 'd', 's', 'b', 'B',
    ];
    let n = 1 + r.below(12);
    (0..n).map(|_| ALPHABET[r.below(ALPHABET.len())]).collect()
}

fn search<T: Unit>(prog: &Program, text: &[T], pos: usize, mode: i64) -> Option<State> {
    let mut st = State::new(prog);
    let mut stack = Vec::new();
    Exec {
        prog,
        text,
        end: text.len(),
        reject_empty_at: None,
        fullmatch: mode == 1,
    }
    .find_with(pos, mode == 2, &mut st, &mut stack)
    .then_some(st)
}

fn check_spans(st: &State, n: usize, pattern: &str) {
    assert!(st.slots[0] <= st.slots[1] && st.slots[1] <= n, "{pattern}");
    for g in 1..st.slots.len() / 2 {
        let (s, e) = (st.slots[2 * g], st.slots[2 * g + 1]);
        if s != usize::MAX && e != usize::MAX {
            assert!(s <= n && e <= n, "{pattern}: group {g} at {s}..{e}");
        }
    }
}

/// Returns whether the search found a match.
fn exercise<T: Unit>(prog: &Program, text: &[T], pattern: &str) -> bool {
    let n = text.len();
    let found = search(prog, text, 0, 2);
    let mut leftmost = None;
    for start in 0..=n {
        if let Some(st) = search(prog, text, start, 0) {
            check_spans(&st, n, pattern);
            assert_eq!(st.slots[0], start, "{pattern}");
            if leftmost.is_none() {
                leftmost = Some((st.slots[0], st.slots[1]));
            }
        }
        if let Some(st) = search(prog, text, start, 1) {
            assert_eq!(st.slots[1], n, "{pattern}: fullmatch ends at the end");
        }
    }
    if let Some(st) = &found {
        check_spans(st, n, pattern);
    }
    let found = found.map(|st| (st.slots[0], st.slots[1]));
    assert_eq!(found, leftmost, "{pattern}: search = leftmost match");
    found.is_some()
}

/// How many patterns compiled, and how many searches found a match.
#[derive(Default)]
struct Counts {
    compiled: usize,
    errors: usize,
    found: usize,
}

fn run_case(r: &mut Rng, pattern: &str, bytes: bool, counts: &mut Counts) {
    let chars: Vec<char> = pattern.chars().collect();
    if bytes && chars.iter().any(|c| *c as u32 > 255) {
        return;
    }
    let flags = [0, parse::F_IGNORECASE, parse::F_MULTILINE | parse::F_DOTALL][r.below(3)];
    let parsed = match parse::parse(&chars, flags, bytes) {
        Ok(p) => p,
        Err(e) => {
            assert!(!e.msg.is_empty());
            counts.errors += 1;
            assert!(
                e.pos == usize::MAX || e.pos <= chars.len(),
                "{pattern}: error {} at {}",
                e.msg,
                e.pos
            );
            return;
        }
    };
    let Ok(prog) = compile::compile(&parsed.node, parsed.groups, bytes) else {
        return;
    };
    counts.compiled += 1;
    for _ in 0..4 {
        let n = r.below(9);
        let alphabet = ['a', 'b', 'c', 'A', '\n', ' ', 'é', '_'];
        let text: Vec<char> = (0..n).map(|_| alphabet[r.below(alphabet.len())]).collect();
        let t0 = Instant::now();
        let found = if bytes {
            let b: Vec<u8> = text.iter().map(|c| *c as u32 as u8).collect();
            exercise(&prog, &b, pattern)
        } else if text.iter().all(|c| c.is_ascii()) && r.below(2) == 0 {
            let b: Vec<u8> = text.iter().map(|c| *c as u8).collect();
            exercise(&prog, &b, pattern)
        } else {
            exercise(&prog, &text, pattern)
        };
        counts.found += found as usize;
        assert!(
            t0.elapsed() < Duration::from_secs(5),
            "{pattern}: too slow on {text:?}"
        );
    }
}

#[test]
fn random_patterns_never_panic() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut counts = Counts::default();
    for i in 0..3000 {
        let mut groups = 0;
        let mut p = String::new();
        gen_alt(&mut r, 3, &mut groups, &mut p);
        run_case(&mut r, &p, i % 5 == 0, &mut counts);
        let s = soup(&mut r);
        run_case(&mut r, &s, i % 3 == 0, &mut counts);
    }
    // The generators reach both outcomes often (a broken generator would not).
    assert!(counts.compiled > 2500, "compiled {}", counts.compiled);
    assert!(counts.errors > 1000, "errors {}", counts.errors);
    assert!(counts.found > 4000, "found {}", counts.found);
}

#[test]
fn huge_and_deep_patterns_are_refused_or_work() {
    for p in [
        "a{1000000000}",
        "(?:ab){1000000}",
        "(a|b){3,100000}c",
        "(?:a?){1000000}b",
    ] {
        let chars: Vec<char> = p.chars().collect();
        let parsed = parse::parse(&chars, 0, false).ok().expect(p);
        let prog = compile::compile(&parsed.node, parsed.groups, false).expect(p);
        let text: Vec<u8> = b"ab".repeat(1000);
        let _ = search(&prog, &text, 0, 2);
    }
    let deep = "(".repeat(10000) + &")".repeat(10000);
    let chars: Vec<char> = deep.chars().collect();
    let e = parse::parse(&chars, 0, false).err().expect("too deep");
    assert_eq!(e.kind, parse::ErrKind::Recursion);
    let chars: Vec<char> = "a{4294967295}".chars().collect();
    let e = parse::parse(&chars, 0, false).err().expect("too many");
    assert_eq!(e.kind, parse::ErrKind::Overflow);
}

#[test]
fn long_inputs_use_no_recursion() {
    for (p, text) in [
        ("(?:a|b)*c", "ab".repeat(300_000) + "c"),
        ("(a|b)*?c", "ab".repeat(300_000) + "c"),
        ("(?:(a)|b)+$", "ab".repeat(300_000)),
        ("(?s).*.*x", "y".repeat(2000)),
    ] {
        let chars: Vec<char> = p.chars().collect();
        let parsed = parse::parse(&chars, 0, false).ok().expect(p);
        let prog = compile::compile(&parsed.node, parsed.groups, false).expect(p);
        let st = search(&prog, text.as_bytes(), 0, 0);
        if p.contains('x') {
            assert!(st.is_none());
        } else {
            assert_eq!(st.map(|s| s.slots[1]), Some(text.len()), "{p}");
        }
    }
}

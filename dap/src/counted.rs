//! What needs the whole recording at once: hit conditions and logpoints. A
//! recording is finite and replays the same every time, so "the 5th time this
//! line runs" is a fixed time, known both ways: a breakpoint with a hit
//! condition becomes the list of times it stops at, found by one replay
//! (`Engine::scan`) when it is set. A logpoint is retroactive: when it is set,
//! the same replay prints its message for every time it ran in the whole
//! recording (`[TIME] message`), as the shell's `trace` does.

use revpy_revdb::engine::{bp_matches, BreakSpec, Breakpoint};
use revpy_revdb::{expr, Engine};
use std::cell::RefCell;
use std::rc::Rc;

/// A hit condition: which crossings (counted from 1 at the start of the
/// recording) stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitCond {
    Eq(u64),
    Gt(u64),
    Ge(u64),
    Lt(u64),
    Le(u64),
    /// Every N-th.
    Every(u64),
}

impl HitCond {
    /// `N` (= `==N`), `>N`, `>=N`, `<N`, `<=N`, `%N`.
    pub fn parse(s: &str) -> Result<HitCond, String> {
        let t = s.trim();
        let bad = || {
            format!("bad hit condition '{s}': use N (the N-th time), ==N, >N, >=N, <N, <=N or %N (every N-th time)")
        };
        let (ctor, rest): (fn(u64) -> HitCond, &str) = if let Some(r) = t.strip_prefix(">=") {
            (HitCond::Ge, r)
        } else if let Some(r) = t.strip_prefix("<=") {
            (HitCond::Le, r)
        } else if let Some(r) = t.strip_prefix("==") {
            (HitCond::Eq, r)
        } else if let Some(r) = t.strip_prefix('>') {
            (HitCond::Gt, r)
        } else if let Some(r) = t.strip_prefix('<') {
            (HitCond::Lt, r)
        } else if let Some(r) = t.strip_prefix('%') {
            (HitCond::Every, r)
        } else if let Some(r) = t.strip_prefix('=') {
            (HitCond::Eq, r)
        } else {
            (HitCond::Eq, t)
        };
        let n: u64 = rest.trim().parse().map_err(|_| bad())?;
        if n == 0 && matches!(ctor(0), HitCond::Every(_)) {
            return Err(bad());
        }
        Ok(ctor(n))
    }

    pub fn holds(self, k: u64) -> bool {
        match self {
            HitCond::Eq(n) => k == n,
            HitCond::Gt(n) => k > n,
            HitCond::Ge(n) => k >= n,
            HitCond::Lt(n) => k < n,
            HitCond::Le(n) => k <= n,
            HitCond::Every(n) => k.is_multiple_of(n),
        }
    }
}

/// A piece of a log message: text, or `{EXPR}` to evaluate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Expr(String),
}

/// A logpoint message: `{EXPR}` is replaced by `str(EXPR)` in the frame,
/// `{{` and `}}` are braces. An unclosed `{` is text.
pub fn parse_template(s: &str) -> Vec<Piece> {
    let mut out = vec![];
    let mut text = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '{' || c == '}') && chars.get(i + 1) == Some(&c) {
            text.push(c);
            i += 2;
            continue;
        }
        if c == '{' {
            // The matching `}` (nested braces, as in `{d['k']}` or `{ {1: 2} }`).
            let mut depth = 0;
            let mut j = i;
            while j < chars.len() {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j < chars.len() {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Expr(chars[i + 1..j].iter().collect()));
                i = j + 1;
                continue;
            }
        }
        text.push(c);
        i += 1;
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// A breakpoint looked for through the whole recording.
pub struct ScanPoint {
    pub spec: BreakSpec,
    pub cond: Option<String>,
    pub hit: Option<HitCond>,
    /// A logpoint's message.
    pub log: Option<Vec<Piece>>,
}

/// For each point, the times it stops (or logs) at, with the message.
pub type ScanResult = Vec<Vec<(u64, Option<String>)>>;

/// One replay of the whole recording (without moving) finding the times of
/// every point, with their log messages. An error if interrupted.
pub fn scan(eng: &mut Engine, points: Vec<ScanPoint>) -> Result<ScanResult, String> {
    let result: Rc<RefCell<ScanResult>> = Rc::new(RefCell::new(vec![vec![]; points.len()]));
    let res = result.clone();
    let main_file = eng.program.file.clone();
    let anchors = eng.anchors.clone();
    let mut counts = vec![0u64; points.len()];
    let bps: Vec<Breakpoint> = points
        .iter()
        .map(|p| Breakpoint {
            id: 0,
            spec: p.spec.clone(),
            cond: p.cond.clone(),
            temporary: false,
            enabled: true,
            hits: 0,
            ignore: 0,
            commands: vec![],
            thread: None,
        })
        .collect();
    eng.scan(Box::new(move |vm, kind, t| {
        for (i, bp) in bps.iter().enumerate() {
            if !bp_matches(bp, vm, kind, &main_file, &anchors) {
                continue;
            }
            counts[i] += 1;
            let p = &points[i];
            if !p.hit.is_none_or(|h| h.holds(counts[i])) {
                continue;
            }
            let msg = p.log.as_ref().map(|pieces| {
                let mut a = anchors.clone();
                a.limit = Some(vm.heap.next_serial());
                format_message(vm, pieces, &a)
            });
            res.borrow_mut()[i].push((t, msg));
        }
        true
    }))?;
    let r = std::mem::take(&mut *result.borrow_mut());
    Ok(r)
}

/// A log message at this stop, evaluated on a copy in the innermost frame.
fn format_message(vm: &mut revpy_vm::Vm, pieces: &[Piece], anchors: &expr::Anchors) -> String {
    let frame = vm.frames.len().checked_sub(1);
    let mut c = expr::sandbox(vm);
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Expr(e) => match expr::eval(&mut c, expr::Scope::Frame(frame), e, true, anchors)
            {
                Ok(v) => out.push_str(&c.str_lossy(v)),
                Err(m) => out.push_str(&format!("<{m}>")),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_conditions() {
        assert_eq!(HitCond::parse("3"), Ok(HitCond::Eq(3)));
        assert_eq!(HitCond::parse(" >= 2 "), Ok(HitCond::Ge(2)));
        assert_eq!(HitCond::parse("%2"), Ok(HitCond::Every(2)));
        assert_eq!(HitCond::parse("==4"), Ok(HitCond::Eq(4)));
        assert_eq!(HitCond::parse("<3"), Ok(HitCond::Lt(3)));
        for bad in ["", "x", "%0", ">", "-1", "2x"] {
            assert!(HitCond::parse(bad).is_err(), "{bad}");
        }
        let every = HitCond::Every(3);
        let hits: Vec<u64> = (1..10).filter(|k| every.holds(*k)).collect();
        assert_eq!(hits, vec![3, 6, 9]);
        assert!(HitCond::Gt(2).holds(3) && !HitCond::Gt(2).holds(2));
    }

    #[test]
    fn templates() {
        use Piece::*;
        assert_eq!(
            parse_template("x = {x}, d = {d['k']}!"),
            vec![
                Text("x = ".into()),
                Expr("x".into()),
                Text(", d = ".into()),
                Expr("d['k']".into()),
                Text("!".into())
            ]
        );
        assert_eq!(
            parse_template("{{literal}} {"),
            vec![Text("{literal} {".into())]
        );
        assert_eq!(parse_template("{ {1: 2} }"), vec![Expr(" {1: 2} ".into())]);
        assert_eq!(parse_template(""), vec![]);
    }
}

//! `info heap`, `heap diff T1 T2`, `heap path $N`: the heap at the current time
//! and its growth (see `analysis::heap`).

use super::{Call, Shell};

/// `heap [ROWS | diff T1 T2 | path $N]` (alone: as `info heap`).
pub(super) fn heap(sh: &mut Shell, call: &Call) {
    let words: Vec<&str> = call.arg.split_whitespace().collect();
    match words.as_slice() {
        [] => sh.heap_census(20),
        [n] if n.parse::<usize>().is_ok() => sh.heap_census(n.parse().unwrap_or(20)),
        ["diff", t1, t2] => {
            let (Some(t1), Some(t2)) = (sh.heap_time(t1), sh.heap_time(t2)) else {
                return sh.usage(call.name);
            };
            match sh.engine.heap_diff(t1, t2) {
                Ok(d) => sh.say_lines(&d.text(Some(20))),
                Err(e) => sh.err(&e),
            }
        }
        ["path", who] => {
            let serial = match who.strip_prefix("$#") {
                Some(s) => s.parse::<u64>().ok(),
                None => who
                    .strip_prefix('$')
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| sh.engine.anchors.serials.get(n).copied()),
            };
            let Some(serial) = serial else {
                return sh.err(&format!(
                    "'{who}' is not an anchor: bind one with print ($0), or name a serial ($#12)"
                ));
            };
            match sh.engine.heap_path(serial) {
                Ok(lines) => {
                    for l in lines {
                        sh.say(&l);
                    }
                }
                Err(e) => sh.err(&e),
            }
        }
        _ => sh.usage(call.name),
    }
}

impl Shell {
    /// `info heap`: the objects alive now, by type, biggest first.
    pub(super) fn heap_census(&mut self, rows: usize) {
        match self.engine.heap_census(None) {
            Ok(c) => self.say_lines(&c.text(Some(rows))),
            Err(e) => self.err(&e),
        }
    }

    /// A time of `heap diff`: a number, `.` (now), `start` or `end`.
    fn heap_time(&mut self, w: &str) -> Option<u64> {
        match w {
            "." => Some(self.engine.cur.pos.time),
            "start" => Some(1),
            "end" => self.engine.end_time(),
            _ => w.parse().ok(),
        }
    }

    fn say_lines(&mut self, text: &str) {
        for l in text.lines() {
            self.say(l);
        }
    }
}

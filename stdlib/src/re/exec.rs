//! The backtracking matcher: runs compiled instructions over a slice of characters
//! (bytes for ASCII text and bytes objects, `char`s otherwise), with an explicit
//! stack of choice points and undo records. Nothing recurses with the length of the
//! input: only lookarounds and atomic groups recurse, as deep as the pattern nests.

use super::compile::{fold, is_word, Inst, One, Program, INF};
use super::parse::Assert;

pub const UNSET: usize = usize::MAX;

/// One unit of the text: a byte or a `char`.
pub trait Unit: Copy {
    fn cp(self) -> u32;
    /// The text as bytes when its units are bytes (for memchr).
    fn as_bytes(t: &[Self]) -> Option<&[u8]>;
}

impl Unit for u8 {
    #[inline(always)]
    fn cp(self) -> u32 {
        self as u32
    }
    fn as_bytes(t: &[u8]) -> Option<&[u8]> {
        Some(t)
    }
}

impl Unit for char {
    #[inline(always)]
    fn cp(self) -> u32 {
        self as u32
    }
    fn as_bytes(_: &[char]) -> Option<&[u8]> {
        None
    }
}

#[inline]
fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\0')
}

pub enum Bt {
    Alt(usize, usize),
    Slot(usize, usize),
    Reg(usize, usize),
    Last(usize),
    /// A greedy single-character repeat can give back characters down to `min_pos`:
    /// continue at `next` from `pos - 1`.
    Greedy {
        next: usize,
        min_pos: usize,
        pos: usize,
    },
    /// A lazy one can take one more character (the repeat instruction is at `inst`).
    Lazy {
        inst: usize,
        pos: usize,
        count: u32,
    },
}

#[derive(Clone)]
pub struct State {
    pub slots: Vec<usize>,
    regs: Vec<usize>,
    pub lastindex: usize,
}

impl State {
    pub fn new(prog: &Program) -> State {
        State {
            slots: vec![UNSET; prog.nslots],
            regs: vec![UNSET; prog.nregs],
            lastindex: 0,
        }
    }
}

pub struct Exec<'a, T: Unit> {
    pub prog: &'a Program,
    pub text: &'a [T],
    /// Matching stops here (`endpos`).
    pub end: usize,
    /// An empty match at this position is refused (after an empty match, as sre).
    pub reject_empty_at: Option<usize>,
    pub fullmatch: bool,
}

impl<'a, T: Unit> Exec<'a, T> {
    #[inline]
    fn fold(&self, c: u32) -> u32 {
        if c < 128 || self.prog.bytes {
            if (b'A' as u32..=b'Z' as u32).contains(&c) {
                c + 32
            } else {
                c
            }
        } else {
            fold(ch(c)) as u32
        }
    }

    #[inline(always)]
    fn one_matches(&self, one: One, c: u32) -> bool {
        match one {
            One::Char(x) => c == x,
            One::CharI(x) => self.fold(c) == x,
            One::Any => true,
            One::AnyNoNl => c != '\n' as u32,
            One::Class(k) => self.prog.classes[k].contains(c, self.prog.bytes),
        }
    }

    /// How many characters from `pos` (at most `max`) match `one`.
    fn scan(&self, one: One, pos: usize, max: u32) -> usize {
        let lim = if max == INF {
            self.end
        } else {
            self.end.min(pos.saturating_add(max as usize))
        };
        if pos >= lim {
            return 0;
        }
        let t = &self.text[pos..lim];
        match one {
            One::Any => t.len(),
            One::Char(x) => t.iter().position(|c| c.cp() != x).unwrap_or(t.len()),
            One::AnyNoNl => t
                .iter()
                .position(|c| c.cp() == '\n' as u32)
                .unwrap_or(t.len()),
            One::CharI(x) => t
                .iter()
                .position(|c| self.fold(c.cp()) != x)
                .unwrap_or(t.len()),
            One::Class(k) => {
                let cs = &self.prog.classes[k];
                let bytes = self.prog.bytes;
                t.iter()
                    .position(|c| !cs.contains(c.cp(), bytes))
                    .unwrap_or(t.len())
            }
        }
    }

    fn word_at(&self, i: usize, ascii: bool) -> bool {
        i < self.end && is_word(ch(self.text[i].cp()), ascii)
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let t = self.text;
        let nl = '\n' as u32;
        match a {
            Assert::Bol(ml) => pos == 0 || (ml && t[pos - 1].cp() == nl),
            Assert::Eol(ml) => {
                if pos == self.end {
                    true
                } else {
                    t[pos].cp() == nl && (ml || pos + 1 == self.end)
                }
            }
            Assert::StartText => pos == 0,
            Assert::EndText => pos == self.end,
            Assert::WordB(ascii) => {
                let before = pos > 0 && self.word_at(pos - 1, ascii);
                before != self.word_at(pos, ascii)
            }
            Assert::NotWordB(ascii) => {
                let before = pos > 0 && self.word_at(pos - 1, ascii);
                before == self.word_at(pos, ascii)
            }
        }
    }

    /// Run program `pi` from `start`; on success the end position, with `st` updated.
    /// `stack` is scratch space (left empty or holding stale entries).
    pub fn run(
        &self,
        pi: usize,
        start: usize,
        st: &mut State,
        top: bool,
        stack: &mut Vec<Bt>,
    ) -> Option<usize> {
        let code = &self.prog.progs[pi];
        let t = self.text;
        stack.clear();
        let mut pc = 0usize;
        let mut pos = start;
        loop {
            let ok = match &code[pc] {
                Inst::One(one) => {
                    if pos < self.end && self.one_matches(*one, t[pos].cp()) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::RepeatOne {
                    one,
                    min,
                    max,
                    greedy,
                    possessive,
                    next,
                } => {
                    if *greedy {
                        let n = self.scan(*one, pos, *max);
                        if n < *min as usize {
                            false
                        } else {
                            let min_pos = pos + *min as usize;
                            let mut p = pos + n;
                            if !*possessive {
                                // Give back at once what cannot be followed by `next`.
                                if let Some(c) = next {
                                    while p > min_pos && (p >= self.end || t[p].cp() != *c) {
                                        p -= 1;
                                    }
                                }
                                if p > min_pos {
                                    stack.push(Bt::Greedy {
                                        next: pc + 1,
                                        min_pos,
                                        pos: p,
                                    });
                                }
                            }
                            pos = p;
                            pc += 1;
                            true
                        }
                    } else {
                        let n = self.scan(*one, pos, *min);
                        if n < *min as usize {
                            false
                        } else {
                            pos += n;
                            if *min < *max {
                                stack.push(Bt::Lazy {
                                    inst: pc,
                                    pos,
                                    count: *min,
                                });
                            }
                            pc += 1;
                            true
                        }
                    }
                }
                Inst::Assert(a) => {
                    pc += 1;
                    self.assert(*a, pos)
                }
                Inst::Split(a, b) => {
                    stack.push(Bt::Alt(*b, pos));
                    pc = *a;
                    true
                }
                Inst::Jmp(a) => {
                    pc = *a;
                    true
                }
                Inst::Save(s) => {
                    stack.push(Bt::Slot(*s, st.slots[*s]));
                    st.slots[*s] = pos;
                    if s % 2 == 1 {
                        stack.push(Bt::Last(st.lastindex));
                        st.lastindex = s / 2;
                    }
                    pc += 1;
                    true
                }
                Inst::Backref(g, icase) => {
                    let (s, e) = match (st.slots.get(2 * g), st.slots.get(2 * g + 1)) {
                        (Some(s), Some(e)) => (*s, *e),
                        _ => (UNSET, UNSET),
                    };
                    if s == UNSET || e == UNSET || e < s {
                        false
                    } else {
                        let n = e - s;
                        let ok = pos + n <= self.end
                            && (0..n).all(|k| {
                                let (a, b) = (t[s + k].cp(), t[pos + k].cp());
                                a == b || (*icase && self.fold(a) == self.fold(b))
                            });
                        if ok {
                            pos += n;
                            pc += 1;
                        }
                        ok
                    }
                }
                Inst::Look {
                    sub,
                    ahead,
                    neg,
                    width,
                } => {
                    let from = if *ahead {
                        Some(pos)
                    } else {
                        pos.checked_sub(*width)
                    };
                    let mut inner = st.clone();
                    let found = match from {
                        Some(f) => {
                            let mut s2 = Vec::new();
                            // A lookbehind must end where it started looking.
                            match self.run(*sub, f, &mut inner, false, &mut s2) {
                                Some(e) => *ahead || e == pos,
                                None => false,
                            }
                        }
                        None => false,
                    };
                    pc += 1;
                    if found && !*neg {
                        self.adopt(st, inner, stack);
                    }
                    found != *neg
                }
                Inst::Atomic(sub) => {
                    let mut inner = st.clone();
                    let mut s2 = Vec::new();
                    match self.run(*sub, pos, &mut inner, false, &mut s2) {
                        Some(e) => {
                            self.adopt(st, inner, stack);
                            pos = e;
                            pc += 1;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Cond(g, no) => {
                    let set = match (st.slots.get(2 * g), st.slots.get(2 * g + 1)) {
                        (Some(s), Some(e)) => *s != UNSET && *e != UNSET,
                        _ => false,
                    };
                    pc = if set { pc + 1 } else { *no };
                    true
                }
                Inst::Mark(r) => {
                    stack.push(Bt::Reg(*r, st.regs[*r]));
                    st.regs[*r] = pos;
                    pc += 1;
                    true
                }
                Inst::Check(r, exit) => {
                    pc = if st.regs[*r] == pos { *exit } else { pc + 1 };
                    true
                }
                Inst::RepInit(r) => {
                    stack.push(Bt::Reg(*r, st.regs[*r]));
                    st.regs[*r] = 0;
                    pc += 1;
                    true
                }
                Inst::RepInc(r) => {
                    stack.push(Bt::Reg(*r, st.regs[*r]));
                    st.regs[*r] += 1;
                    pc += 1;
                    true
                }
                Inst::RepTest {
                    r,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let n = st.regs[*r];
                    if n < *min as usize {
                        pc += 1;
                    } else if *max != INF && n >= *max as usize {
                        pc = *exit;
                    } else if *greedy {
                        stack.push(Bt::Alt(*exit, pos));
                        pc += 1;
                    } else {
                        stack.push(Bt::Alt(pc + 1, pos));
                        pc = *exit;
                    }
                    true
                }
                Inst::Match => {
                    let refused = top
                        && ((self.reject_empty_at == Some(start) && pos == start)
                            || (self.fullmatch && pos != self.end));
                    if !refused {
                        return Some(pos);
                    }
                    false
                }
            };
            if ok {
                continue;
            }
            // Backtrack: undo until the latest choice point.
            loop {
                match stack.pop() {
                    None => return None,
                    Some(Bt::Alt(p, s)) => {
                        pc = p;
                        pos = s;
                        break;
                    }
                    Some(Bt::Slot(i, v)) => st.slots[i] = v,
                    Some(Bt::Reg(i, v)) => st.regs[i] = v,
                    Some(Bt::Last(v)) => st.lastindex = v,
                    Some(Bt::Greedy {
                        next,
                        min_pos,
                        pos: p,
                    }) => {
                        let mut p = p - 1;
                        if let Some(Inst::RepeatOne { next: Some(c), .. }) = code.get(next - 1) {
                            while p > min_pos && t[p].cp() != *c {
                                p -= 1;
                            }
                            if p == min_pos && (p >= self.end || t[p].cp() != *c) {
                                continue;
                            }
                        }
                        if p > min_pos {
                            stack.push(Bt::Greedy {
                                next,
                                min_pos,
                                pos: p,
                            });
                        }
                        pc = next;
                        pos = p;
                        break;
                    }
                    Some(Bt::Lazy {
                        inst,
                        pos: p,
                        count,
                    }) => {
                        let Inst::RepeatOne { one, max, .. } = &code[inst] else {
                            continue;
                        };
                        if p < self.end && self.one_matches(*one, t[p].cp()) {
                            if count + 1 < *max {
                                stack.push(Bt::Lazy {
                                    inst,
                                    pos: p + 1,
                                    count: count + 1,
                                });
                            }
                            pc = inst + 1;
                            pos = p + 1;
                            break;
                        }
                    }
                }
            }
        }
    }

    fn adopt(&self, st: &mut State, inner: State, stack: &mut Vec<Bt>) {
        for (i, v) in inner.slots.into_iter().enumerate() {
            if st.slots[i] != v {
                stack.push(Bt::Slot(i, st.slots[i]));
                st.slots[i] = v;
            }
        }
        if inner.lastindex != st.lastindex {
            stack.push(Bt::Last(st.lastindex));
            st.lastindex = inner.lastindex;
        }
    }

    /// The next position at or after `from` where a match could start, using the
    /// literal prefix or first-character set; None if there is none before the end.
    fn candidate(&self, from: usize) -> Option<usize> {
        let p = self.prog;
        if from > self.end {
            return None;
        }
        let t = &self.text[from..self.end];
        if p.prefix.len() >= 2 && p.prefix.iter().all(|c| *c < 128) {
            if let Some(bytes) = T::as_bytes(t) {
                let pre: Vec<u8> = p.prefix.iter().map(|c| *c as u8).collect();
                return memchr::memmem::find(bytes, &pre).map(|i| from + i);
            }
        }
        let first = p.first.as_ref()?;
        if let Some(c) = first.single() {
            if let Some(bytes) = T::as_bytes(t) {
                return memchr::memchr(c as u8, bytes).map(|i| from + i);
            }
            return t.iter().position(|x| x.cp() == c).map(|i| from + i);
        }
        t.iter().position(|x| first.has(x.cp())).map(|i| from + i)
    }

    /// `find` into a caller's state and stack (reused across the matches of findall,
    /// sub and split). On success `st.slots[0..2]` hold the span.
    pub fn find_with(&self, pos: usize, search: bool, st: &mut State, stack: &mut Vec<Bt>) -> bool {
        if self.prog.literal && search && !self.fullmatch {
            // A plain substring search (non-empty, so `reject_empty_at` cannot apply).
            let n = self.prog.prefix.len();
            let mut from = pos;
            while let Some(s) = self.candidate(from) {
                if s + n > self.end {
                    return false;
                }
                if (0..n).all(|k| self.text[s + k].cp() == self.prog.prefix[k]) {
                    st.slots.iter_mut().for_each(|x| *x = UNSET);
                    st.lastindex = 0;
                    st.slots[0] = s;
                    st.slots[1] = s + n;
                    return true;
                }
                from = s + 1;
            }
            return false;
        }
        let skip = search && self.prog.first.is_some() && !self.prog.anchored;
        let mut start = pos;
        loop {
            if start > self.end {
                return false;
            }
            if skip {
                match self.candidate(start) {
                    Some(s) => start = s,
                    None => return false,
                }
            } else if !search {
                if let Some(f) = &self.prog.first {
                    if start >= self.end || !f.has(self.text[start].cp()) {
                        return false;
                    }
                }
            }
            st.slots.iter_mut().for_each(|s| *s = UNSET);
            st.regs.iter_mut().for_each(|s| *s = UNSET);
            st.lastindex = 0;
            if let Some(e) = self.run(0, start, st, true, stack) {
                st.slots[0] = start;
                st.slots[1] = e;
                return true;
            }
            if !search || self.prog.anchored {
                return false;
            }
            start += 1;
        }
    }
}

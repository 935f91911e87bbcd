//! The backtracking matcher: runs compiled instructions over a slice of characters,
//! with an explicit stack of choice points and undo records (no recursion except
//! for lookaround and atomic groups).

use super::compile::{fold, upper, Inst, Program};
use super::parse::{Assert, Class, ClassItem};

pub const UNSET: usize = usize::MAX;

enum Bt {
    Alt(usize, usize),
    Slot(usize, usize),
    Reg(usize, usize),
    Last(usize),
}

#[derive(Clone)]
pub struct State {
    pub slots: Vec<usize>,
    regs: Vec<usize>,
    pub lastindex: usize,
}

pub struct Exec<'a> {
    pub prog: &'a Program,
    pub text: &'a [char],
    /// Matching stops here (`endpos`).
    pub end: usize,
    /// An empty match at this position is refused (after an empty match, as sre).
    pub reject_empty_at: Option<usize>,
    pub fullmatch: bool,
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
    } else {
        c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
    }
}

fn is_digit(c: char, ascii: bool) -> bool {
    c.is_ascii_digit()
        || (!ascii && !c.is_ascii() && c.is_numeric() && c.to_digit(10).is_none() && is_decimal(c))
}

/// Unicode decimal digits (category Nd) come in runs of ten from a zero.
fn is_decimal(c: char) -> bool {
    const ZEROS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
        0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10,
    ];
    let v = c as u32;
    ZEROS.iter().any(|z| v >= *z && v < z + 10)
}

fn item_match(it: &ClassItem, c: char, ascii: bool) -> bool {
    match it {
        ClassItem::Range(a, b) => *a <= c && c <= *b,
        ClassItem::Digit(neg) => is_digit(c, ascii) != *neg,
        ClassItem::Word(neg) => is_word(c, ascii) != *neg,
        ClassItem::Space(neg) => is_space(c, ascii) != *neg,
    }
}

pub fn class_match(cls: &Class, c: char) -> bool {
    let mut m = cls.items.iter().any(|it| item_match(it, c, cls.ascii));
    if !m && cls.icase {
        let (l, u) = (fold(c), upper(c));
        m = cls
            .items
            .iter()
            .any(|it| item_match(it, l, cls.ascii) || item_match(it, u, cls.ascii));
    }
    m != cls.negated
}

impl<'a> Exec<'a> {
    pub fn new_state(&self) -> State {
        State {
            slots: vec![UNSET; self.prog.nslots],
            regs: vec![UNSET; self.prog.nregs],
            lastindex: 0,
        }
    }

    fn word_at(&self, i: usize, ascii: bool) -> bool {
        i < self.end && is_word(self.text[i], ascii)
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let t = self.text;
        match a {
            Assert::Bol(ml) => pos == 0 || (ml && t[pos - 1] == '\n'),
            Assert::Eol(ml) => {
                if pos == self.end {
                    true
                } else {
                    t[pos] == '\n' && (ml || pos + 1 == self.end)
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

    /// Run program `pi` from `pos`; on success the end position, with `st` updated.
    pub fn run(&self, pi: usize, start: usize, st: &mut State, top: bool) -> Option<usize> {
        let code = &self.prog.progs[pi];
        let t = self.text;
        let mut stack: Vec<Bt> = Vec::new();
        let mut pc = 0usize;
        let mut pos = start;
        loop {
            let ok = match &code[pc] {
                Inst::Char(c) => {
                    if pos < self.end && t[pos] == *c {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::CharI(c) => {
                    if pos < self.end && fold(t[pos]) == *c {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Any => {
                    if pos < self.end {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::AnyNoNl => {
                    if pos < self.end && t[pos] != '\n' {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Class(k) => {
                    if pos < self.end && class_match(&self.prog.classes[*k], t[pos]) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
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
                    let (s, e) = (st.slots[2 * g], st.slots[2 * g + 1]);
                    if s == UNSET || e == UNSET {
                        false
                    } else {
                        let n = e - s;
                        let ok = pos + n <= self.end
                            && (0..n).all(|k| {
                                let (a, b) = (t[s + k], t[pos + k]);
                                a == b || (*icase && fold(a) == fold(b))
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
                        Some(f) => self.run(*sub, f, &mut inner, false).is_some(),
                        None => false,
                    };
                    pc += 1;
                    if found && !*neg {
                        self.adopt(st, inner, &mut stack);
                    }
                    found != *neg
                }
                Inst::Atomic(sub) => {
                    let mut inner = st.clone();
                    match self.run(*sub, pos, &mut inner, false) {
                        Some(e) => {
                            self.adopt(st, inner, &mut stack);
                            pos = e;
                            pc += 1;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Cond(g, no) => {
                    if st.slots[2 * g + 1] != UNSET && st.slots[2 * g] != UNSET {
                        pc += 1;
                    } else {
                        pc = *no;
                    }
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

    /// Match at `pos` (anchored) or search forward from it.
    pub fn find(&self, pos: usize, search: bool) -> Option<State> {
        let first = match self.prog.progs[0].first() {
            Some(Inst::Char(c)) => Some(*c),
            _ => None,
        };
        let anchored = matches!(
            self.prog.progs[0].first(),
            Some(Inst::Assert(Assert::StartText))
        );
        let mut start = pos;
        loop {
            if start > self.end {
                return None;
            }
            let skip = match first {
                Some(c) => start >= self.end || self.text[start] != c,
                None => false,
            };
            if !skip {
                let mut st = self.new_state();
                if let Some(e) = self.run(0, start, &mut st, true) {
                    st.slots[0] = start;
                    st.slots[1] = e;
                    return Some(st);
                }
            }
            if !search || (anchored && start > 0) {
                return None;
            }
            start += 1;
        }
    }
}

//! Compiling a regex tree into instructions for the backtracking matcher, with the
//! facts a search uses to skip positions quickly (literal prefix, first-character set).

use super::parse::{Assert, Class, ClassItem, Node};

/// A matcher of one character: the body of a single-character repeat.
#[derive(Clone, Copy, Debug)]
pub enum One {
    Char(u32),
    /// A case-folded character (compare the folded text).
    CharI(u32),
    Any,
    AnyNoNl,
    Class(usize),
}

/// `max` of a repeat with no upper bound.
pub const INF: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub enum Inst {
    One(One),
    Assert(Assert),
    /// Try the first target, on failure the second.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    Backref(usize, bool),
    /// Lookaround: run sub-program `sub` (ahead from here, behind from here - width).
    Look {
        sub: usize,
        ahead: bool,
        neg: bool,
        width: usize,
    },
    /// Atomic group: the first way sub-program `sub` matches, never revisited.
    Atomic(usize),
    /// `(?(g)yes|no)`: continue if group g matched, else jump.
    Cond(usize, usize),
    /// Record the position in a register / fail if it has not moved (empty loops).
    Mark(usize),
    /// After a loop body: if it matched empty, leave the loop (at the address).
    Check(usize, usize),
    /// A repeat of one character, run as a tight loop (sre's REPEAT_ONE). `next` is
    /// the literal that must follow, if known: backtracking skips to it.
    RepeatOne {
        one: One,
        min: u32,
        max: u32,
        greedy: bool,
        possessive: bool,
        next: Option<u32>,
    },
    /// Counted loops of a bigger body: the counter lives in register `r`.
    RepInit(usize),
    RepTest {
        r: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    RepInc(usize),
    Match,
}

/// A character class with its answers for the first 256 code points precomputed.
#[derive(Clone, Debug)]
pub struct CharSet {
    pub bits: [u64; 4],
    pub class: Class,
}

impl CharSet {
    #[inline]
    pub fn contains(&self, c: u32, bytes: bool) -> bool {
        if c < 256 {
            self.bits[(c >> 6) as usize] & (1u64 << (c & 63)) != 0
        } else {
            class_match(&self.class, char::from_u32(c).unwrap_or('\0'), bytes)
        }
    }
}

/// The characters that can start a match (a bitmap of the first 256 and whether any
/// other may), for skipping positions during a search.
#[derive(Clone, Debug, Default)]
pub struct FirstSet {
    pub bits: [u64; 4],
    pub other: bool,
}

impl FirstSet {
    fn add(&mut self, c: u32) {
        if c < 256 {
            self.bits[(c >> 6) as usize] |= 1u64 << (c & 63);
        } else {
            self.other = true;
        }
    }
    fn all(&mut self) {
        self.bits = [u64::MAX; 4];
        self.other = true;
    }
    fn union(&mut self, o: &FirstSet) {
        for i in 0..4 {
            self.bits[i] |= o.bits[i];
        }
        self.other |= o.other;
    }
    #[inline]
    pub fn has(&self, c: u32) -> bool {
        if c < 256 {
            self.bits[(c >> 6) as usize] & (1u64 << (c & 63)) != 0
        } else {
            self.other
        }
    }
    /// The one character of the set, if it has exactly one.
    pub fn single(&self) -> Option<u32> {
        if self.other {
            return None;
        }
        let n: u32 = self.bits.iter().map(|w| w.count_ones()).sum();
        if n != 1 {
            return None;
        }
        for (i, w) in self.bits.iter().enumerate() {
            if *w != 0 {
                return Some(i as u32 * 64 + w.trailing_zeros());
            }
        }
        None
    }
}

#[derive(Clone, Debug)]
pub struct Program {
    /// progs[0] is the pattern; the others are lookaround and atomic bodies.
    pub progs: Vec<Vec<Inst>>,
    pub classes: Vec<CharSet>,
    pub nslots: usize,
    pub nregs: usize,
    /// A bytes pattern: case-insensitivity is ASCII-only.
    pub bytes: bool,
    /// The literal every match starts with (case-sensitive), if any.
    pub prefix: Vec<u32>,
    /// The characters a match can start with (None when it may be empty).
    pub first: Option<FirstSet>,
    /// The pattern can only match at the start of the string (`\A`, `^`).
    pub anchored: bool,
    /// The pattern is just its (non-empty) prefix: a search is a substring search.
    pub literal: bool,
}

const MAX_INSTS: usize = 1_000_000;
/// Repeats of a bigger body are unrolled up to this many copies, and counted above.
const UNROLL: u32 = 4;

pub fn compile(node: &Node, groups: usize, bytes: bool) -> Result<Program, String> {
    let mut c = Compiler {
        progs: vec![vec![]],
        classes: vec![],
        nregs: 0,
        size: 0,
        bytes,
    };
    let mut main = vec![];
    c.emit(node, &mut main)?;
    main.push(Inst::Match);
    c.progs[0] = main;
    for p in c.progs.iter_mut() {
        set_next_hints(p);
    }
    let mut first = FirstSet::default();
    let nullable = c.first(node, &mut first);
    let mut prefix = vec![];
    let literal = literal_prefix(node, &mut prefix) && !prefix.is_empty() && groups == 0;
    Ok(Program {
        progs: c.progs,
        classes: c.classes,
        nslots: 2 * (groups + 1),
        nregs: c.nregs,
        bytes,
        prefix,
        first: (!nullable).then_some(first),
        anchored: starts_anchored(node),
        literal,
    })
}

/// After a single-character repeat, the literal that must come next (past group ends).
fn set_next_hints(code: &mut [Inst]) {
    for pc in 0..code.len() {
        if let Inst::RepeatOne { .. } = code[pc] {
            let mut k = pc + 1;
            while let Some(Inst::Save(_)) = code.get(k) {
                k += 1;
            }
            let hint = match code.get(k) {
                Some(Inst::One(One::Char(c))) => Some(*c),
                _ => None,
            };
            if let Inst::RepeatOne { next, .. } = &mut code[pc] {
                *next = hint;
            }
        }
    }
}

fn starts_anchored(n: &Node) -> bool {
    match n {
        Node::Assert(Assert::StartText) | Node::Assert(Assert::Bol(false)) => true,
        Node::Concat(v) => v.first().is_some_and(starts_anchored),
        Node::Group(_, n) | Node::Atomic(n) => starts_anchored(n),
        Node::Alt(v) => v.iter().all(starts_anchored),
        _ => false,
    }
}

/// The case-sensitive literal characters every match begins with.
fn literal_prefix(n: &Node, out: &mut Vec<u32>) -> bool {
    match n {
        Node::Char(c, false) => {
            out.push(*c as u32);
            true
        }
        Node::Concat(v) => {
            for x in v {
                if !literal_prefix(x, out) {
                    return false;
                }
            }
            true
        }
        Node::Group(None, n) => literal_prefix(n, out),
        Node::Empty => true,
        _ => false,
    }
}

struct Compiler {
    progs: Vec<Vec<Inst>>,
    classes: Vec<CharSet>,
    nregs: usize,
    size: usize,
    bytes: bool,
}

fn can_be_empty(n: &Node) -> bool {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } | Node::Backref(..) => true,
        Node::Char(..) | Node::Any(_) | Node::Class(_) => false,
        Node::Group(_, n) | Node::Atomic(n) => can_be_empty(n),
        Node::Concat(v) => v.iter().all(can_be_empty),
        Node::Alt(v) => v.iter().any(can_be_empty),
        Node::Repeat { node, min, .. } => *min == 0 || can_be_empty(node),
        Node::Cond(_, a, b) => can_be_empty(a) || can_be_empty(b),
    }
}

impl Compiler {
    fn push(&mut self, out: &mut Vec<Inst>, i: Inst) -> Result<usize, String> {
        self.size += 1;
        if self.size > MAX_INSTS {
            return Err("pattern too large".into());
        }
        out.push(i);
        Ok(out.len() - 1)
    }

    fn sub(&mut self, node: &Node) -> Result<usize, String> {
        let idx = self.progs.len();
        self.progs.push(vec![]);
        let mut body = vec![];
        self.emit(node, &mut body)?;
        body.push(Inst::Match);
        self.progs[idx] = body;
        Ok(idx)
    }

    fn fold(&self, c: char) -> u32 {
        if self.bytes {
            c.to_ascii_lowercase() as u32
        } else {
            fold(c) as u32
        }
    }

    fn class(&mut self, c: &Class) -> usize {
        let mut bits = [0u64; 4];
        for b in 0..256u32 {
            let ch = char::from_u32(b).unwrap_or('\0');
            if class_match(c, ch, self.bytes) {
                bits[(b >> 6) as usize] |= 1u64 << (b & 63);
            }
        }
        self.classes.push(CharSet {
            bits,
            class: c.clone(),
        });
        self.classes.len() - 1
    }

    /// The single-character matcher of a node, if it is one.
    fn one(&mut self, n: &Node) -> Option<One> {
        Some(match n {
            Node::Char(c, false) => One::Char(*c as u32),
            Node::Char(c, true) => One::CharI(self.fold(*c)),
            Node::Any(true) => One::Any,
            Node::Any(false) => One::AnyNoNl,
            Node::Class(c) => One::Class(self.class(c)),
            Node::Group(None, n) => return self.one(n),
            _ => return None,
        })
    }

    fn emit(&mut self, node: &Node, out: &mut Vec<Inst>) -> Result<(), String> {
        match node {
            Node::Empty => {}
            Node::Char(..) | Node::Any(_) | Node::Class(_) => {
                let o = self.one(node).unwrap_or(One::Any);
                self.push(out, Inst::One(o))?;
            }
            Node::Assert(a) => {
                self.push(out, Inst::Assert(*a))?;
            }
            Node::Group(None, n) => self.emit(n, out)?,
            Node::Group(Some(g), n) => {
                self.push(out, Inst::Save(2 * g))?;
                self.emit(n, out)?;
                self.push(out, Inst::Save(2 * g + 1))?;
            }
            Node::Concat(v) => {
                for n in v {
                    self.emit(n, out)?;
                }
            }
            Node::Alt(v) => {
                let mut jumps = vec![];
                for (k, n) in v.iter().enumerate() {
                    if k + 1 < v.len() {
                        let sp = self.push(out, Inst::Split(0, 0))?;
                        self.emit(n, out)?;
                        jumps.push(self.push(out, Inst::Jmp(0))?);
                        let next = out.len();
                        out[sp] = Inst::Split(sp + 1, next);
                    } else {
                        self.emit(n, out)?;
                    }
                }
                let end = out.len();
                for j in jumps {
                    out[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                possessive,
            } => {
                let mx = max.unwrap_or(INF);
                if let Some(one) = self.one(node) {
                    self.push(
                        out,
                        Inst::RepeatOne {
                            one,
                            min: *min,
                            max: mx,
                            greedy: *greedy,
                            possessive: *possessive,
                            next: None,
                        },
                    )?;
                    return Ok(());
                }
                if *possessive {
                    let inner = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greedy: true,
                        possessive: false,
                    };
                    let s = self.sub(&inner)?;
                    self.push(out, Inst::Atomic(s))?;
                    return Ok(());
                }
                let unroll = *min <= UNROLL && (mx == INF || mx <= UNROLL);
                if !unroll {
                    return self.counted(node, *min, mx, *greedy, out);
                }
                for _ in 0..*min {
                    self.emit(node, out)?;
                }
                match max {
                    None => self.star(node, *greedy, out)?,
                    Some(mx) => {
                        let mut splits = vec![];
                        for _ in *min..*mx {
                            splits.push(self.push(out, Inst::Split(0, 0))?);
                            self.emit(node, out)?;
                        }
                        let end = out.len();
                        for sp in splits {
                            out[sp] = if *greedy {
                                Inst::Split(sp + 1, end)
                            } else {
                                Inst::Split(end, sp + 1)
                            };
                        }
                    }
                }
            }
            Node::Backref(g, icase) => {
                self.push(out, Inst::Backref(*g, *icase))?;
            }
            Node::Look {
                ahead,
                neg,
                node,
                width,
            } => {
                let width = *width;
                let sub = self.sub(node)?;
                self.push(
                    out,
                    Inst::Look {
                        sub,
                        ahead: *ahead,
                        neg: *neg,
                        width,
                    },
                )?;
            }
            Node::Atomic(n) => {
                let s = self.sub(n)?;
                self.push(out, Inst::Atomic(s))?;
            }
            Node::Cond(g, yes, no) => {
                let c = self.push(out, Inst::Cond(*g, 0))?;
                self.emit(yes, out)?;
                let j = self.push(out, Inst::Jmp(0))?;
                let no_pc = out.len();
                self.emit(no, out)?;
                let end = out.len();
                out[c] = Inst::Cond(*g, no_pc);
                out[j] = Inst::Jmp(end);
            }
        }
        Ok(())
    }

    /// `node{min,max}` with a counter instead of copies of the body.
    fn counted(
        &mut self,
        node: &Node,
        min: u32,
        max: u32,
        greedy: bool,
        out: &mut Vec<Inst>,
    ) -> Result<(), String> {
        let r = self.nregs;
        self.nregs += 1;
        let guard = can_be_empty(node).then(|| {
            self.nregs += 1;
            self.nregs - 1
        });
        self.push(out, Inst::RepInit(r))?;
        let test = self.push(
            out,
            Inst::RepTest {
                r,
                min,
                max,
                greedy,
                exit: 0,
            },
        )?;
        self.push(out, Inst::RepInc(r))?;
        if let Some(m) = guard {
            self.push(out, Inst::Mark(m))?;
        }
        self.emit(node, out)?;
        let check = match guard {
            Some(m) => Some(self.push(out, Inst::Check(m, 0))?),
            None => None,
        };
        self.push(out, Inst::Jmp(test))?;
        let exit = out.len();
        if let (Some(c), Some(m)) = (check, guard) {
            out[c] = Inst::Check(m, exit);
        }
        out[test] = Inst::RepTest {
            r,
            min,
            max,
            greedy,
            exit,
        };
        Ok(())
    }

    fn star(&mut self, node: &Node, greedy: bool, out: &mut Vec<Inst>) -> Result<(), String> {
        let guard = can_be_empty(node);
        let l1 = self.push(out, Inst::Split(0, 0))?;
        let reg = self.nregs;
        if guard {
            self.nregs += 1;
            self.push(out, Inst::Mark(reg))?;
        }
        self.emit(node, out)?;
        let check = if guard {
            Some(self.push(out, Inst::Check(reg, 0))?)
        } else {
            None
        };
        self.push(out, Inst::Jmp(l1))?;
        let l3 = out.len();
        if let Some(c) = check {
            out[c] = Inst::Check(reg, l3);
        }
        out[l1] = if greedy {
            Inst::Split(l1 + 1, l3)
        } else {
            Inst::Split(l3, l1 + 1)
        };
        Ok(())
    }

    /// Add the characters that can start a match of `n` to `set`; true if `n` can
    /// match the empty string (then what follows it can start a match too).
    fn first(&mut self, n: &Node, set: &mut FirstSet) -> bool {
        match n {
            Node::Empty | Node::Assert(_) | Node::Look { .. } => true,
            Node::Char(c, false) => {
                set.add(*c as u32);
                false
            }
            Node::Char(c, true) => {
                let f = self.fold(*c);
                for b in 0..256u32 {
                    let ch = char::from_u32(b).unwrap_or('\0');
                    if self.fold(ch) == f {
                        set.add(b);
                    }
                }
                if !self.bytes {
                    set.other = true;
                }
                false
            }
            Node::Any(_) => {
                set.all();
                false
            }
            Node::Class(c) => {
                let k = self.class(c);
                let cs = &self.classes[k];
                for i in 0..4 {
                    set.bits[i] |= cs.bits[i];
                }
                let narrow = !c.negated
                    && !c.icase
                    && c.items
                        .iter()
                        .all(|it| matches!(it, ClassItem::Range(_, hi) if (*hi as u32) < 256));
                if !narrow && !self.bytes {
                    set.other = true;
                }
                // The set was only needed for its bitmap.
                self.classes.pop();
                false
            }
            Node::Group(_, n) | Node::Atomic(n) => self.first(n, set),
            Node::Concat(v) => {
                for x in v {
                    if !self.first(x, set) {
                        return false;
                    }
                }
                true
            }
            Node::Alt(v) => {
                let mut nullable = false;
                for x in v {
                    let mut s = FirstSet::default();
                    nullable |= self.first(x, &mut s);
                    set.union(&s);
                }
                nullable
            }
            Node::Repeat { node, min, .. } => {
                let e = self.first(node, set);
                e || *min == 0
            }
            Node::Backref(..) => {
                set.all();
                true
            }
            Node::Cond(_, a, b) => {
                let ea = self.first(a, set);
                let eb = self.first(b, set);
                ea || eb
            }
        }
    }
}

/// Simple case folding: the lowercase of a character when it is a single character.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut u = c.to_uppercase();
    match (u.next(), u.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

pub fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

pub fn is_space(c: char, ascii: bool) -> bool {
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

/// Whether class `cls` matches `c` (the slow path; `CharSet` caches the first 256).
pub fn class_match(cls: &Class, c: char, bytes: bool) -> bool {
    let mut m = cls.items.iter().any(|it| item_match(it, c, cls.ascii));
    if !m && cls.icase {
        let (l, u) = if bytes {
            (c.to_ascii_lowercase(), c.to_ascii_uppercase())
        } else {
            (fold(c), upper(c))
        };
        m = cls
            .items
            .iter()
            .any(|it| item_match(it, l, cls.ascii) || item_match(it, u, cls.ascii));
    }
    m != cls.negated
}

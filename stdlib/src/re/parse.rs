//! Parsing Python regular expression syntax (as `sre_parse`) into a tree.

use std::collections::HashMap;

pub const F_IGNORECASE: u32 = 2;
pub const F_MULTILINE: u32 = 8;
pub const F_DOTALL: u32 = 16;
pub const F_UNICODE: u32 = 32;
pub const F_VERBOSE: u32 = 64;
pub const F_ASCII: u32 = 256;

/// One member of a character class.
#[derive(Clone, Debug)]
pub enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
pub struct Class {
    pub items: Vec<ClassItem>,
    pub negated: bool,
    pub icase: bool,
    pub ascii: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assert {
    /// `^` (MULTILINE: also after a newline).
    Bol(bool),
    /// `$` (MULTILINE: also before any newline; else at the end or before a final one).
    Eol(bool),
    /// `\A`.
    StartText,
    /// `\Z`.
    EndText,
    /// `\b` / `\B` (ascii-only flag).
    WordB(bool),
    NotWordB(bool),
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Char(char, bool),
    Any(bool),
    Class(Box<Class>),
    Assert(Assert),
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        possessive: bool,
    },
    Backref(usize, bool),
    Look {
        ahead: bool,
        neg: bool,
        node: Box<Node>,
        /// How far back a lookbehind starts (0 for a lookahead).
        width: usize,
    },
    Atomic(Box<Node>),
    Cond(usize, Box<Node>, Box<Node>),
}

/// What a bad pattern raises: `re.error` (with a position), or the OverflowError and
/// RecursionError that CPython's `sre_parse` raises for huge repeat counts and deep
/// nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    Re,
    Overflow,
    Recursion,
}

pub struct ParseError {
    pub msg: String,
    pub pos: usize,
    pub kind: ErrKind,
}

/// CPython's parser recurses twice per nested group and gives up (RecursionError)
/// past this many levels.
pub const MAX_DEPTH: usize = 495;
/// CPython's `MAXREPEAT`: repeat counts must be below it.
pub const MAXREPEAT: u64 = 4_294_967_295;

type PResult<T> = Result<T, ParseError>;

pub struct Parsed {
    pub node: Node,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: u32,
}

struct Parser<'a> {
    s: &'a [char],
    i: usize,
    flags: u32,
    groups: usize,
    names: HashMap<String, usize>,
    name_order: Vec<(String, usize)>,
    open: Vec<usize>,
    is_bytes: bool,
    depth: usize,
    /// The fixed width of each closed group (for backreferences in lookbehinds).
    widths: Vec<Option<usize>>,
    /// Group numbers used by `(?(N)...)`, with the position of N: checked at the end,
    /// since the group may be defined later in the pattern.
    cond_refs: Vec<(usize, usize)>,
    /// Inside a lookbehind: the first group number defined in it (backreferences to
    /// groups from there on are refused, as sre).
    lookbehind_groups: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> PResult<T> {
    Err(ParseError {
        msg: msg.into(),
        pos,
        kind: ErrKind::Re,
    })
}

fn err_kind<T>(kind: ErrKind, msg: &str) -> PResult<T> {
    Err(ParseError {
        msg: msg.into(),
        pos: usize::MAX,
        kind,
    })
}

pub fn parse(pattern: &[char], flags: u32, is_bytes: bool) -> PResult<Parsed> {
    let mut p = Parser {
        s: pattern,
        i: 0,
        flags,
        groups: 0,
        names: HashMap::new(),
        name_order: vec![],
        open: vec![],
        is_bytes,
        depth: 0,
        widths: vec![],
        cond_refs: vec![],
        lookbehind_groups: None,
    };
    p.leading_flags()?;
    let node = p.alternation()?;
    if p.i < p.s.len() {
        // Only a `)` can stop the top level early.
        return err("unbalanced parenthesis", p.i);
    }
    for &(g, pos) in &p.cond_refs {
        if g > p.groups {
            return err(format!("invalid group reference {g}"), pos);
        }
    }
    Ok(Parsed {
        node,
        groups: p.groups,
        names: p.name_order,
        flags: p.flags,
    })
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn verbose(&self) -> bool {
        self.flags & F_VERBOSE != 0
    }
    fn icase(&self) -> bool {
        self.flags & F_IGNORECASE != 0
    }
    fn ascii(&self) -> bool {
        self.flags & F_ASCII != 0 || self.is_bytes
    }

    /// `(?aiLmsux)` at the very start sets the flags of the whole pattern.
    fn leading_flags(&mut self) -> PResult<()> {
        loop {
            let save = self.i;
            if self.s.get(self.i) == Some(&'(') && self.s.get(self.i + 1) == Some(&'?') {
                if let Some(&c) = self.s.get(self.i + 2) {
                    if flag_bit(c).is_some() || c == '-' {
                        self.i += 3;
                        if let Flags::Global(f) = self.parse_flags(c)? {
                            self.flags |= f;
                            self.skip_verbose();
                            continue;
                        }
                    }
                }
            }
            self.i = save;
            return Ok(());
        }
    }

    /// The flags of `(?flags)` or `(?on-off:`, after `(?` and `first` (as
    /// `sre_parse._parse_flags`, with its messages and positions).
    fn parse_flags(&mut self, first: char) -> PResult<Flags> {
        const TYPE_FLAGS: u32 = F_ASCII | 4 | F_UNICODE;
        const GLOBAL_FLAGS: u32 = 1 | 128;
        let mut add = 0;
        let mut del = 0;
        let mut c = first;
        if c != '-' {
            loop {
                let flag = flag_bit(c).unwrap_or(0);
                if !self.is_bytes && c == 'L' {
                    return err(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.i,
                    );
                }
                if self.is_bytes && c == 'u' {
                    return err(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        self.i,
                    );
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return err(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        self.i,
                    );
                }
                c = match self.peek() {
                    Some(c) => c,
                    None => return err("missing -, : or )", self.i),
                };
                self.i += 1;
                if c == ')' || c == '-' || c == ':' {
                    break;
                }
                if flag_bit(c).is_none() {
                    let m = if c.is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return err(m, self.i - 1);
                }
            }
        }
        if c == ')' {
            return Ok(Flags::Global(add));
        }
        if add & GLOBAL_FLAGS != 0 {
            return err("bad inline flags: cannot turn on global flag", self.i - 1);
        }
        if c == '-' {
            c = match self.peek() {
                Some(c) => c,
                None => return err("missing flag", self.i),
            };
            self.i += 1;
            if flag_bit(c).is_none() {
                let m = if c.is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return err(m, self.i - 1);
            }
            loop {
                let flag = flag_bit(c).unwrap_or(0);
                if flag & TYPE_FLAGS != 0 {
                    return err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.i,
                    );
                }
                del |= flag;
                c = match self.peek() {
                    Some(c) => c,
                    None => return err("missing :", self.i),
                };
                self.i += 1;
                if c == ':' {
                    break;
                }
                if flag_bit(c).is_none() {
                    let m = if c.is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing :"
                    };
                    return err(m, self.i - 1);
                }
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return err("bad inline flags: cannot turn off global flag", self.i - 1);
        }
        if add & del != 0 {
            return err("bad inline flags: flag turned on and off", self.i - 1);
        }
        Ok(Flags::Scoped(add, del))
    }

    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self) -> PResult<Node> {
        let mut alts = vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> PResult<Node> {
        let mut items: Vec<Node> = vec![];
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {}
            }
            let start = self.i;
            let atom = self.atom()?;
            let atom = self.quantifiers(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn quantifiers(&mut self, mut atom: Node, _start: usize) -> PResult<Node> {
        let mut repeated = false;
        loop {
            self.skip_verbose();
            let here = self.i;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.i += 1;
                    (0, None)
                }
                Some('+') => {
                    self.i += 1;
                    (1, None)
                }
                Some('?') => {
                    self.i += 1;
                    (0, Some(1))
                }
                Some('{') => match self.braces()? {
                    Some(mm) => mm,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if repeated {
                return err("multiple repeat", here);
            }
            if matches!(atom, Node::Empty | Node::Assert(_)) {
                return err("nothing to repeat", here);
            }
            if let (Some(mx), mn) = (max, min) {
                if mn > mx {
                    return err("min repeat greater than max repeat", here + 1);
                }
            }
            let mut greedy = true;
            let mut possessive = false;
            if self.eat('?') {
                greedy = false;
            } else if self.eat('+') {
                possessive = true;
            }
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greedy,
                possessive,
            };
            repeated = true;
        }
    }

    /// `{m,n}`; None when the brace is a literal.
    fn braces(&mut self) -> PResult<Option<(u32, Option<u32>)>> {
        let save = self.i;
        self.i += 1;
        let lo = self.digits();
        let (min, max) = if self.eat(',') {
            let hi = self.digits();
            (lo.unwrap_or(0), hi)
        } else {
            match lo {
                Some(n) => (n, Some(n)),
                None => {
                    self.i = save;
                    return Ok(None);
                }
            }
        };
        if !self.eat('}') {
            self.i = save;
            return Ok(None);
        }
        if max.is_some_and(|m| m as u64 >= MAXREPEAT) || min as u64 >= MAXREPEAT {
            return err_kind(ErrKind::Overflow, "the repetition number is too large");
        }
        Ok(Some((min, max)))
    }

    fn digits(&mut self) -> Option<u32> {
        let st = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.i += 1;
        }
        if st == self.i {
            return None;
        }
        let s: String = self.s[st..self.i].iter().collect();
        Some(s.parse::<u64>().unwrap_or(u64::MAX).min(MAXREPEAT) as u32)
    }

    fn atom(&mut self) -> PResult<Node> {
        let start = self.i;
        let c = match self.peek() {
            Some(c) => c,
            None => return Ok(Node::Empty),
        };
        self.i += 1;
        Ok(match c {
            '.' => Node::Any(self.flags & F_DOTALL != 0),
            '^' => Node::Assert(Assert::Bol(self.flags & F_MULTILINE != 0)),
            '$' => Node::Assert(Assert::Eol(self.flags & F_MULTILINE != 0)),
            '[' => self.class(start)?,
            '(' => self.group(start)?,
            '\\' => self.escape(start)?,
            '*' | '+' | '?' => return err("nothing to repeat", start),
            '{' => {
                self.i = start;
                if self.braces()?.is_some() {
                    return err("nothing to repeat", start);
                }
                self.i = start + 1;
                Node::Char('{', self.icase())
            }
            c => Node::Char(c, self.icase()),
        })
    }

    fn group_name(&mut self, term: char) -> PResult<String> {
        let st = self.i;
        while let Some(c) = self.peek() {
            if c == term {
                break;
            }
            self.i += 1;
        }
        if self.peek() != Some(term) {
            return err(format!("missing {term}, unterminated name"), st);
        }
        let name: String = self.s[st..self.i].iter().collect();
        self.i += 1;
        if name.is_empty() {
            return err("missing group name", st);
        }
        Ok(name)
    }

    fn valid_ident(name: &str) -> bool {
        let mut ch = name.chars();
        match ch.next() {
            Some(c) if c == '_' || c.is_alphabetic() => {}
            _ => return false,
        }
        ch.all(|c| c == '_' || c.is_alphanumeric())
    }

    fn group(&mut self, start: usize) -> PResult<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err_kind(ErrKind::Recursion, "maximum recursion depth exceeded");
        }
        let r = self.group_inner(start);
        self.depth -= 1;
        r
    }

    fn group_inner(&mut self, start: usize) -> PResult<Node> {
        let mut capture = true;
        let mut name: Option<String> = None;
        if self.eat('?') {
            let c = match self.peek() {
                Some(c) => c,
                None => return err("unexpected end of pattern", self.i),
            };
            self.i += 1;
            match c {
                ':' => capture = false,
                'P' => {
                    if self.eat('<') {
                        let n = self.group_name('>')?;
                        if !Self::valid_ident(&n) {
                            return err(format!("bad character in group name '{n}'"), start + 4);
                        }
                        name = Some(n);
                    } else if self.eat('=') {
                        let n = self.group_name(')')?;
                        if !Self::valid_ident(&n) {
                            return err(format!("bad character in group name '{n}'"), start + 4);
                        }
                        let g = match self.names.get(&n) {
                            Some(g) => *g,
                            None => return err(format!("unknown group name '{n}'"), start + 4),
                        };
                        if self.open.contains(&g) {
                            return err("cannot refer to an open group", start + 4);
                        }
                        self.check_lookbehind_group(g)?;
                        return Ok(Node::Backref(g, self.icase()));
                    } else {
                        let pos = self.i;
                        return match self.peek() {
                            Some(c) => err(format!("unknown extension ?P{c}"), pos - 2),
                            None => err("unexpected end of pattern", pos),
                        };
                    }
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(Node::Empty);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                '=' | '!' => {
                    let node = self.alternation()?;
                    self.close(start)?;
                    return Ok(Node::Look {
                        ahead: true,
                        neg: c == '!',
                        node: Box::new(node),
                        width: 0,
                    });
                }
                '<' => {
                    let neg = match self.peek() {
                        Some('=') => false,
                        Some('!') => true,
                        Some(c) => return err(format!("unknown extension ?<{c}"), start + 1),
                        None => return err("unexpected end of pattern", self.i),
                    };
                    self.i += 1;
                    let outer = self.lookbehind_groups;
                    if outer.is_none() {
                        self.lookbehind_groups = Some(self.groups + 1);
                    }
                    let node = self.alternation();
                    self.lookbehind_groups = outer;
                    let node = node?;
                    self.close(start)?;
                    const MAXCODE: u64 = u32::MAX as u64;
                    let width = fixed_width(&node, &self.widths);
                    if min_width(&node) > MAXCODE || width.is_some_and(|w| w as u64 > MAXCODE) {
                        return err("looks too much behind", usize::MAX);
                    }
                    let Some(width) = width else {
                        return err("look-behind requires fixed-width pattern", usize::MAX);
                    };
                    return Ok(Node::Look {
                        ahead: false,
                        neg,
                        node: Box::new(node),
                        width,
                    });
                }
                '>' => {
                    let node = self.alternation()?;
                    self.close(start)?;
                    return Ok(Node::Atomic(Box::new(node)));
                }
                '(' => {
                    let st = self.i;
                    let n = self.group_name(')')?;
                    let g = if let Ok(g) = n.parse::<usize>() {
                        if g == 0 {
                            return err("bad group number", st);
                        }
                        self.cond_refs.push((g, st));
                        self.check_lookbehind_group(g)?;
                        g
                    } else {
                        match self.names.get(&n) {
                            Some(g) => {
                                let g = *g;
                                self.check_lookbehind_group(g)?;
                                g
                            }
                            None => {
                                if !Self::valid_ident(&n) {
                                    return err(format!("bad character in group name '{n}'"), st);
                                }
                                return err(format!("unknown group name '{n}'"), st);
                            }
                        }
                    };
                    let yes = self.concat()?;
                    let no = if self.eat('|') {
                        let no = self.concat()?;
                        if self.peek() == Some('|') {
                            return err("conditional backref with more than two branches", self.i);
                        }
                        no
                    } else {
                        Node::Empty
                    };
                    self.close(start)?;
                    return Ok(Node::Cond(g, Box::new(yes), Box::new(no)));
                }
                c if flag_bit(c).is_some() || c == '-' => {
                    return self.scoped_flags(start, c);
                }
                c => return err(format!("unknown extension ?{c}"), start + 1),
            }
        }
        let index = if capture {
            self.groups += 1;
            let g = self.groups;
            if let Some(n) = name {
                if let Some(old) = self.names.get(&n) {
                    return err(
                        format!("redefinition of group name '{n}' as group {g}; was group {old}"),
                        start + 4,
                    );
                }
                self.names.insert(n.clone(), g);
                self.name_order.push((n, g));
            }
            self.open.push(g);
            Some(g)
        } else {
            None
        };
        let node = self.alternation()?;
        self.close(start)?;
        if let Some(g) = index {
            self.open.pop();
            if self.widths.len() <= g {
                self.widths.resize(g + 1, None);
            }
            self.widths[g] = fixed_width(&node, &self.widths);
        }
        Ok(Node::Group(index, Box::new(node)))
    }

    fn scoped_flags(&mut self, start: usize, first: char) -> PResult<Node> {
        let (on, off) = match self.parse_flags(first)? {
            Flags::Global(_) => {
                return err("global flags not at the start of the expression", start)
            }
            Flags::Scoped(on, off) => (on, off),
        };
        let saved = self.flags;
        self.flags = (self.flags | on) & !off;
        let node = self.alternation();
        self.flags = saved;
        let node = node?;
        self.close(start)?;
        Ok(Node::Group(None, Box::new(node)))
    }

    /// Inside a lookbehind, a reference to a group must name one defined (and
    /// closed) before the lookbehind.
    fn check_lookbehind_group(&self, g: usize) -> PResult<()> {
        if let Some(first) = self.lookbehind_groups {
            if g > self.groups || self.open.contains(&g) {
                return err("cannot refer to an open group", self.i);
            }
            if g >= first {
                return err(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    self.i,
                );
            }
        }
        Ok(())
    }

    /// `\N{NAME}` (str patterns only), after the `N`.
    fn named_char(&mut self, start: usize) -> PResult<char> {
        if !self.eat('{') {
            return err("missing {", self.i);
        }
        let st = self.i;
        while let Some(c) = self.peek() {
            if c == '}' {
                break;
            }
            self.i += 1;
        }
        if self.peek() != Some('}') {
            if st == self.i {
                return err("missing character name", st);
            }
            return err("missing }, unterminated name", st);
        }
        let name: String = self.s[st..self.i].iter().collect();
        self.i += 1;
        if name.is_empty() {
            return err("missing character name", st);
        }
        match unicode_names2::character(&name) {
            Some(c) => Ok(c),
            None => err(
                format!("undefined character name {}", py_repr(&name)),
                start,
            ),
        }
    }

    fn close(&mut self, start: usize) -> PResult<()> {
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(())
    }

    fn class(&mut self, start: usize) -> PResult<Node> {
        let mut negated = false;
        if self.eat('^') {
            negated = true;
        }
        let mut items = vec![];
        let first = self.i;
        loop {
            let c = match self.peek() {
                Some(c) => c,
                None => return err("unterminated character set", start),
            };
            if c == ']' && self.i > first {
                self.i += 1;
                break;
            }
            let here = self.i;
            self.i += 1;
            let lo = if c == '\\' {
                match self.class_escape(here)? {
                    Ok(ch) => ch,
                    Err(item) => {
                        if self.peek() == Some('-')
                            && self.s.get(self.i + 1).is_some_and(|c| *c != ']')
                        {
                            let mut e = self.i + 2;
                            if self.s[self.i + 1] == '\\' {
                                e += 1;
                            }
                            let txt: String = self.s[here..e.min(self.s.len())].iter().collect();
                            return err(format!("bad character range {txt}"), here);
                        }
                        items.push(item);
                        continue;
                    }
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.s.get(self.i + 1).is_some_and(|c| *c != ']') {
                self.i += 1;
                let hpos = self.i;
                let hc = self.peek().unwrap_or(']');
                self.i += 1;
                let hi = if hc == '\\' {
                    match self.class_escape(hpos)? {
                        Ok(ch) => ch,
                        Err(_) => {
                            let txt: String = self.s[here..self.i].iter().collect();
                            return err(format!("bad character range {txt}"), here);
                        }
                    }
                } else {
                    hc
                };
                if hi < lo {
                    let txt: String = self.s[here..self.i].iter().collect();
                    return err(format!("bad character range {txt}"), here);
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Node::Class(Box::new(Class {
            items,
            negated,
            icase: self.icase(),
            ascii: self.ascii(),
        })))
    }

    /// An escape inside a class: a character, or a category like `\d`.
    fn class_escape(&mut self, start: usize) -> PResult<Result<char, ClassItem>> {
        let c = match self.peek() {
            Some(c) => c,
            None => return err("bad escape (end of pattern)", start),
        };
        self.i += 1;
        Ok(match c {
            'd' => Err(ClassItem::Digit(false)),
            'D' => Err(ClassItem::Digit(true)),
            'w' => Err(ClassItem::Word(false)),
            'W' => Err(ClassItem::Word(true)),
            's' => Err(ClassItem::Space(false)),
            'S' => Err(ClassItem::Space(true)),
            'b' => Ok('\u{8}'),
            _ => Ok(self.char_escape(c, start, true)?),
        })
    }

    /// Escapes that stand for one character (shared by classes and the top level).
    fn char_escape(&mut self, c: char, start: usize, in_class: bool) -> PResult<char> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\u{c}',
            'v' => '\u{b}',
            'a' => '\u{7}',
            'x' => self.hex_escape(2, start)?,
            'u' if !self.is_bytes => self.hex_escape(4, start)?,
            'U' if !self.is_bytes => self.hex_escape(8, start)?,
            'N' if !self.is_bytes => self.named_char(start)?,
            '0'..='7' if in_class || c == '0' => {
                let mut v = c as u32 - '0' as u32;
                let mut n = 1;
                while n < 3 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            self.i += 1;
                            n += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    let txt: String = self.s[start..self.i].iter().collect();
                    return err(
                        format!("octal escape value {txt} outside of range 0-0o377"),
                        start,
                    );
                }
                char::from_u32(v).unwrap_or('\0')
            }
            c if c.is_ascii_alphanumeric() => return err(format!("bad escape \\{c}"), start),
            c => c,
        })
    }

    fn hex_escape(&mut self, n: usize, start: usize) -> PResult<char> {
        let st = self.i;
        for _ in 0..n {
            match self.peek() {
                Some(c) if c.is_ascii_hexdigit() => self.i += 1,
                _ => {
                    let txt: String = self.s[start..self.i].iter().collect();
                    return err(format!("incomplete escape {txt}"), start);
                }
            }
        }
        let h: String = self.s[st..self.i].iter().collect();
        let v = u32::from_str_radix(&h, 16).unwrap_or(0);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None => {
                let txt: String = self.s[start..self.i].iter().collect();
                err(format!("bad escape {txt}"), start)
            }
        }
    }

    fn escape(&mut self, start: usize) -> PResult<Node> {
        let c = match self.peek() {
            Some(c) => c,
            None => return err("bad escape (end of pattern)", start),
        };
        self.i += 1;
        let cls = |item: ClassItem, p: &Parser| {
            Node::Class(Box::new(Class {
                items: vec![item],
                negated: false,
                icase: false,
                ascii: p.ascii(),
            }))
        };
        Ok(match c {
            'd' => cls(ClassItem::Digit(false), self),
            'D' => cls(ClassItem::Digit(true), self),
            'w' => cls(ClassItem::Word(false), self),
            'W' => cls(ClassItem::Word(true), self),
            's' => cls(ClassItem::Space(false), self),
            'S' => cls(ClassItem::Space(true), self),
            'A' => Node::Assert(Assert::StartText),
            'Z' => Node::Assert(Assert::EndText),
            'b' => Node::Assert(Assert::WordB(self.ascii())),
            'B' => Node::Assert(Assert::NotWordB(self.ascii())),
            '1'..='9' => {
                let mut v = c as usize - '0' as usize;
                // Two digits form a group number; three octal digits an octal escape.
                if let Some(d) = self.peek().filter(|d| d.is_ascii_digit()) {
                    let e = self.s.get(self.i + 1).copied();
                    if let (true, Some(e @ '0'..='7')) = (c <= '7' && d <= '7', e) {
                        let o = |x: char| x as u32 - '0' as u32;
                        let val = o(c) * 64 + o(d) * 8 + o(e);
                        self.i += 2;
                        if val > 0o377 {
                            let txt: String = self.s[start..self.i].iter().collect();
                            return err(
                                format!("octal escape value {txt} outside of range 0-0o377"),
                                start,
                            );
                        }
                        return Ok(Node::Char(
                            char::from_u32(val).unwrap_or('\0'),
                            self.icase(),
                        ));
                    }
                    v = v * 10 + (d as usize - '0' as usize);
                    self.i += 1;
                }
                if v > self.groups {
                    return err(format!("invalid group reference {v}"), start + 1);
                }
                if self.open.contains(&v) {
                    return err("cannot refer to an open group", start);
                }
                self.check_lookbehind_group(v)?;
                Node::Backref(v, self.icase())
            }
            c => Node::Char(self.char_escape(c, start, false)?, self.icase()),
        })
    }
}

enum Flags {
    Global(u32),
    Scoped(u32, u32),
}

fn flag_bit(c: char) -> Option<u32> {
    Some(match c {
        't' => 1,
        'i' => F_IGNORECASE,
        'L' => 4,
        'm' => F_MULTILINE,
        's' => F_DOTALL,
        'u' => F_UNICODE,
        'x' => F_VERBOSE,
        'a' => F_ASCII,
        _ => return None,
    })
}

/// `repr()` of a str, as Python writes it (quotes chosen as CPython does).
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// The least number of characters a pattern matches (saturating).
fn min_width(n: &Node) -> u64 {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } | Node::Backref(..) => 0,
        Node::Char(..) | Node::Any(_) | Node::Class(_) => 1,
        Node::Group(_, n) | Node::Atomic(n) => min_width(n),
        Node::Concat(v) => v
            .iter()
            .fold(0u64, |acc, x| acc.saturating_add(min_width(x))),
        Node::Alt(v) => v.iter().map(min_width).min().unwrap_or(0),
        Node::Repeat { node, min, .. } => min_width(node).saturating_mul(*min as u64),
        Node::Cond(_, a, b) => min_width(a).min(min_width(b)),
    }
}

/// The width of a pattern that always matches the same number of characters
/// (`widths`: of the groups, for backreferences).
pub fn fixed_width(n: &Node, widths: &[Option<usize>]) -> Option<usize> {
    let fw = |x: &Node| fixed_width(x, widths);
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => Some(0),
        Node::Char(..) | Node::Any(_) | Node::Class(_) => Some(1),
        Node::Group(_, n) | Node::Atomic(n) => fw(n),
        Node::Concat(v) => v.iter().try_fold(0usize, |acc, x| acc.checked_add(fw(x)?)),
        Node::Alt(v) => {
            let w = fw(v.first()?)?;
            v.iter().all(|x| fw(x) == Some(w)).then_some(w)
        }
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) == *max {
                fw(node)?.checked_mul(*min as usize)
            } else {
                None
            }
        }
        Node::Backref(g, _) => widths.get(*g).copied().flatten(),
        Node::Cond(_, a, b) => {
            let w = fw(a)?;
            (fw(b) == Some(w)).then_some(w)
        }
    }
}

//! Compiling a regex tree into instructions for the backtracking matcher.

use super::parse::{fixed_width, Assert, Class, Node};

#[derive(Clone, Debug)]
pub enum Inst {
    Char(char),
    /// A case-folded character (compare folded text).
    CharI(char),
    /// `.` with DOTALL, and without (no newline).
    Any,
    AnyNoNl,
    Class(usize),
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
    Match,
}

#[derive(Clone, Debug)]
pub struct Program {
    /// progs[0] is the pattern; the others are lookaround and atomic bodies.
    pub progs: Vec<Vec<Inst>>,
    pub classes: Vec<Class>,
    pub nslots: usize,
    pub nregs: usize,
}

const MAX_INSTS: usize = 1_000_000;

pub fn compile(node: &Node, groups: usize) -> Result<Program, String> {
    let mut c = Compiler {
        progs: vec![vec![]],
        classes: vec![],
        nregs: 0,
        size: 0,
    };
    let mut main = vec![];
    c.emit(node, &mut main)?;
    main.push(Inst::Match);
    c.progs[0] = main;
    Ok(Program {
        progs: c.progs,
        classes: c.classes,
        nslots: 2 * (groups + 1),
        nregs: c.nregs,
    })
}

struct Compiler {
    progs: Vec<Vec<Inst>>,
    classes: Vec<Class>,
    nregs: usize,
    size: usize,
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

    fn emit(&mut self, node: &Node, out: &mut Vec<Inst>) -> Result<(), String> {
        match node {
            Node::Empty => {}
            Node::Char(c, icase) => {
                let i = if *icase {
                    Inst::CharI(fold(*c))
                } else {
                    Inst::Char(*c)
                };
                self.push(out, i)?;
            }
            Node::Any(dotall) => {
                self.push(out, if *dotall { Inst::Any } else { Inst::AnyNoNl })?;
            }
            Node::Class(c) => {
                self.classes.push((**c).clone());
                let idx = self.classes.len() - 1;
                self.push(out, Inst::Class(idx))?;
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
            Node::Look { ahead, neg, node } => {
                let width = if *ahead {
                    0
                } else {
                    fixed_width(node).unwrap_or(0)
                };
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

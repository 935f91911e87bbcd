//! Code objects: the compiler's output and the VM's input. Immutable once built.

use crate::opcodes::{Instr, NO_CACHE};
use num_bigint::BigInt;
use std::rc::Rc;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    /// Boxed: keeps constants 24 bytes (a big int is 32).
    BigInt(Box<BigInt>),
    Float(f64),
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// A frozenset of constants, in source order (the VM builds it as CPython does).
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
    Ellipsis,
}

impl Constant {
    /// Equality used to deduplicate the constant table: 1, 1.0 and True stay distinct,
    /// and so do 0.0 and -0.0.
    pub fn same(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Complex(a, b), Constant::Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Constant::Tuple(a), Constant::Tuple(b))
            | (Constant::FrozenSet(a), Constant::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same(y))
            }
            (Constant::Code(a), Constant::Code(b)) => Rc::ptr_eq(a, b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other) && self == other,
        }
    }
}

/// A hashable stand-in for a constant, equal exactly when [`Constant::same`] holds:
/// the key of the compiler's constant-table index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// Code objects are the same only when they are the same object (the table keeps
    /// it alive, so the address is not reused while the key exists).
    Code(usize),
    Ellipsis,
}

impl Constant {
    pub(crate) fn key(&self) -> ConstKey {
        match self {
            Constant::None => ConstKey::None,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(*i),
            Constant::BigInt(b) => ConstKey::BigInt((**b).clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(Constant::key).collect()),
            Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(Constant::key).collect()),
            Constant::Code(c) => ConstKey::Code(Rc::as_ptr(c) as usize),
            Constant::Ellipsis => ConstKey::Ellipsis,
        }
    }
}

/// Code flags (a subset of CPython's co_flags).
pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const GENERATOR: u32 = 0x20;
    /// An `async def` (or asynchronous comprehension): calling it makes a coroutine.
    pub const COROUTINE: u32 = 0x80;
    /// An `async def` with `yield` (or asynchronous generator expression): calling it
    /// makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// `from __future__ import annotations` was in effect (CPython's value).
    pub const FUTURE_ANNOTATIONS: u32 = crate::future::CO_FUTURE_ANNOTATIONS;
    /// Locals live in a dict (module and class bodies).
    pub const NAME_LOCALS: u32 = 0x100;
}

/// One row of the exception table: instructions `start..end` are protected by the
/// handler at `target`, which runs with the value stack cut to `depth` items (plus the
/// exception pushed on top).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// Where an instruction's source is, as CPython 3.11's `co_positions()` gives it: the
/// first and last line and the columns (UTF-8 byte offsets in those lines) of the
/// expression or statement it was compiled from. `line == 0`: unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

// The packed position table: one entry per instruction, a tag byte then varints.
const POS_SAME: u8 = 0; // as the previous instruction
const POS_NONE: u8 = 1; // not known
const POS_LONG: u8 = 2; // zigzag(line - previous line), end_line - line, col, end_col
const POS_SHORT: u8 = 3; // 3 + (line - previous line) < 256, one line: col, end_col

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(b: &[u8], i: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some(&x) = b.get(*i) {
        *i += 1;
        if shift < 64 {
            v |= ((x & 0x7f) as u64) << shift;
        }
        if x & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

/// Pack one position per instruction (`line == 0`: unknown) into bytes.
pub fn encode_positions(ps: &[Position]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ps.len() * 3);
    let mut prev: Option<Position> = None;
    let mut prev_line = 0i64;
    for p in ps {
        if prev == Some(*p) {
            out.push(POS_SAME);
            continue;
        }
        prev = Some(*p);
        if p.line == 0 {
            out.push(POS_NONE);
            continue;
        }
        let delta = p.line as i64 - prev_line;
        prev_line = p.line as i64;
        if p.end_line == p.line && (0..(256 - POS_SHORT as i64)).contains(&delta) {
            out.push(POS_SHORT + delta as u8);
        } else {
            out.push(POS_LONG);
            put_varint(&mut out, ((delta << 1) ^ (delta >> 63)) as u64);
            put_varint(&mut out, p.end_line.saturating_sub(p.line) as u64);
        }
        put_varint(&mut out, p.col as u64);
        put_varint(&mut out, p.end_col as u64);
    }
    out.shrink_to_fit();
    out
}

/// The positions of a packed table, one per instruction (None: not known).
pub struct PositionIter<'a> {
    bytes: &'a [u8],
    i: usize,
    prev: Option<Position>,
    prev_line: i64,
}

impl<'a> PositionIter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        PositionIter {
            bytes,
            i: 0,
            prev: None,
            prev_line: 0,
        }
    }
}

impl Iterator for PositionIter<'_> {
    type Item = Option<Position>;
    fn next(&mut self) -> Option<Option<Position>> {
        let tag = *self.bytes.get(self.i)?;
        self.i += 1;
        let (b, i) = (self.bytes, &mut self.i);
        let p = match tag {
            POS_SAME => self.prev,
            POS_NONE => None,
            _ => {
                let (line, end_line) = if tag == POS_LONG {
                    let z = get_varint(b, i);
                    let delta = ((z >> 1) as i64) ^ -((z & 1) as i64);
                    let line = self.prev_line + delta;
                    (line, line + get_varint(b, i) as i64)
                } else {
                    let line = self.prev_line + (tag - POS_SHORT) as i64;
                    (line, line)
                };
                self.prev_line = line;
                let col = get_varint(b, i) as u32;
                let end_col = get_varint(b, i) as u32;
                Some(Position {
                    line: line as u32,
                    end_line: end_line as u32,
                    col,
                    end_col,
                })
            }
        };
        self.prev = p;
        Some(p)
    }
}

/// A compiled function, class body, module or comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    // The tables are boxed slices, not vectors: a code object lives as long as the
    // program and never grows, so it keeps no spare capacity (nor 8 bytes a table).
    pub instrs: Box<[Instr]>,
    /// Source line of each instruction (a line starts, for the disassembler, where
    /// it differs from the previous one; stop points are `Instr::line_start`).
    pub lines: Box<[u32]>,
    /// Source positions of the instructions, packed (see [`encode_positions`]; about
    /// 3 bytes an instruction). Read only for tracebacks and `co_positions()`.
    pub positions: Box<[u8]>,
    pub consts: Box<[Constant]>,
    pub names: Box<[Rc<str>]>,
    /// Fast locals; the parameters come first.
    pub varnames: Box<[Rc<str>]>,
    /// Locals captured by inner functions.
    pub cellvars: Box<[Rc<str>]>,
    /// Variables of enclosing functions used here.
    pub freevars: Box<[Rc<str>]>,
    /// For each cellvar that is also a parameter: (cell index, parameter index).
    pub cell_params: Box<[(u32, u32)]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exception_table: Box<[ExceptionEntry]>,
    /// The docstring, if the body starts with one.
    pub doc: Option<Rc<str>>,
    /// An upper bound of the operand stack depth.
    pub max_stack: u32,
}

impl CodeObject {
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }
    /// Number of parameters, counting *args and **kwargs.
    pub fn total_params(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    /// Number of slots in a frame before the operand stack: locals, cells, free vars.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
    /// The handler protecting instruction `pc`, if any (innermost wins: entries are
    /// emitted so that the first match is the innermost).
    pub fn handler_for(&self, pc: u32) -> Option<ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
            .copied()
    }
    /// The source line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
    /// The source position of instruction `pc` (None: not known).
    pub fn position(&self, pc: usize) -> Option<Position> {
        PositionIter::new(&self.positions).nth(pc).flatten()
    }
    /// The source position of each instruction, in order.
    pub fn positions(&self) -> PositionIter<'_> {
        PositionIter::new(&self.positions)
    }
    /// The line a traceback shows for instruction `pc`: where its expression starts
    /// (CPython's `tb_lineno`), which for a multi-line statement may be after the
    /// statement's first line (`line_of`, the line the debugger stops at).
    pub fn traceback_line(&self, pc: usize) -> u32 {
        match self.position(pc) {
            Some(p) => p.line,
            None => self.line_of(pc),
        }
    }
    /// Number the inline caches: each instruction that uses one (`Op::uses_cache`)
    /// gets the next slot, so a code object's caches are as many as those
    /// instructions, not one per instruction. Past `NO_CACHE` slots the rest get
    /// none. Run once, on the final instructions.
    pub fn assign_caches(&mut self) {
        let mut next = 0u16;
        for ins in &mut self.instrs {
            ins.cache = NO_CACHE;
            if ins.op.uses_cache() && next < NO_CACHE {
                ins.cache = next;
                next += 1;
            }
        }
    }
    /// How many inline-cache slots the instructions use (see `assign_caches`).
    pub fn cache_slots(&self) -> usize {
        self.instrs
            .iter()
            .filter(|i| i.cache != NO_CACHE)
            .map(|i| i.cache as usize + 1)
            .max()
            .unwrap_or(0)
    }
    /// Name of cell `i` (cellvars, then freevars).
    pub fn cell_name(&self, i: usize) -> &str {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }
    /// Every code object nested in this one, depth first (this one included first).
    pub fn walk(self: &Rc<Self>, out: &mut Vec<Rc<CodeObject>>) {
        out.push(self.clone());
        for c in self.consts.iter() {
            if let Constant::Code(inner) = c {
                inner.walk(out);
            }
        }
    }
}

// Instructions stay 8 bytes (the cache slot lives in what was padding).
const _: () = assert!(std::mem::size_of::<Instr>() == 8);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip() {
        let p = |line, end_line, col, end_col| Position {
            line,
            end_line,
            col,
            end_col,
        };
        let ps = vec![
            p(1, 1, 0, 5),
            p(1, 1, 0, 5),
            Position::default(),
            p(300, 302, 4, 1000),
            p(2, 2, 7, 9),
            p(2, 2, 7, 9),
            p(40000, 40000, 70000, 70001),
        ];
        let bytes = encode_positions(&ps);
        let back: Vec<Position> = PositionIter::new(&bytes)
            .map(|o| o.unwrap_or_default())
            .collect();
        assert_eq!(back, ps);
    }
}

//! Code objects: the compiler's output and the VM's input. Immutable once built.

use crate::opcodes::Instr;
use num_bigint::BigInt;
use std::rc::Rc;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
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
            Constant::BigInt(b) => ConstKey::BigInt(b.clone()),
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

/// A compiled function, class body, module or comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    /// Whether each instruction starts a new line (a "stop point" for the debugger).
    pub line_starts: Vec<bool>,
    /// Source positions, run-length encoded: `(pc, position)` holds for instructions
    /// `pc..` up to the next entry (sorted by `pc`; consecutive instructions from one
    /// expression share an entry). Read only for tracebacks and `co_positions()`.
    pub positions: Vec<(u32, Position)>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    /// Fast locals; the parameters come first.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions.
    pub cellvars: Vec<Rc<str>>,
    /// Variables of enclosing functions used here.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter: (cell index, parameter index).
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exception_table: Vec<ExceptionEntry>,
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
        let i = self.positions.partition_point(|(p, _)| (*p as usize) <= pc);
        let p = self.positions.get(i.checked_sub(1)?)?.1;
        (p.line != 0).then_some(p)
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
        for c in &self.consts {
            if let Constant::Code(inner) = c {
                inner.walk(out);
            }
        }
    }
}

//! Code generation: AST + symbol table -> code objects.
//!
//! One `Unit` per code object being built. Jumps refer to labels until `finish`
//! patches them. Exception handling uses a table (as CPython 3.11): every instruction
//! records its innermost active handler, and `finish` turns runs of them into rows.

mod checks;
mod expr;
mod fold;
mod pattern;
mod stmt;

use crate::code::{flags, CodeObject, ConstKey, Constant, ExceptionEntry, Position};
use crate::error::CompileError;
use crate::opcodes::{Instr, Op};
use crate::symtable::{NameScope, ScopeKind, SymbolTable};
use crate::{future, CompileMode};
use rustpython_parser::ast::{self, Ranged, Stmt};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// What a `break`, `continue` or `return` must undo when it leaves a block.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    While {
        head: Label,
        exit: Label,
    },
    For {
        head: Label,
        exit: Label,
    },
    /// The body of `try` with `except` clauses: leaving drops its handler (and those
    /// pushed after it) down to `handlers`.
    TryExcept {
        handlers: usize,
    },
    /// The body of `try` with a `finally`: leaving runs the final body inline.
    FinallyTry {
        body: &'a [Stmt],
        handlers: usize,
    },
    /// The exception path of a `finally`: [prev_exc, exc] are on the stack. Leaving
    /// drops the handlers pushed since there were `handlers`.
    FinallyEnd {
        handlers: usize,
    },
    /// The body of a `with` (`async with`): the bound `__exit__` (`__aexit__`) is on
    /// the stack.
    With {
        handlers: usize,
        is_async: bool,
    },
    /// The body of an `except` clause: the previous handled exception is on the stack.
    /// Leaving drops the handlers pushed since there were `handlers`.
    HandlerCleanup {
        name: Option<String>,
        handlers: usize,
    },
    /// The `except` clauses of a `try` (nothing to undo; counted as CPython does).
    ExceptionHandler,
    /// A `finally` body run inline by a `return`: the return value is on the stack
    /// below it, so a `break` or `continue` in that body must pop it.
    PopValue,
}

/// The instructions only async code uses: [`Op`] has them only with the `async`
/// feature, so codegen names them through this type.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AsyncOp {
    GetAwaitable,
    GetAiter,
    GetAnext,
    EndAsyncFor,
    BeforeAsyncWith,
    AsyncGenWrap,
}

pub(crate) struct Unit<'a> {
    pub scope: usize,
    pub kind: ScopeKind,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    /// The position of each instruction (see [`Position`]) and the current one.
    pub positions: Vec<Position>,
    pub loc: Position,
    pub instr_handler: Vec<Option<(Label, u32)>>,
    pub labels: Vec<Option<u32>>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// Indexes of `consts`, `names`, `varnames` and cells (cellvars, then freevars),
    /// so that compiling stays linear in the number of distinct entries. (Lookups
    /// only: nothing iterates them.)
    const_index: HashMap<ConstKey, u32>,
    name_index: HashMap<Rc<str>, u32>,
    var_index: HashMap<Rc<str>, u32>,
    cell_index: HashMap<Rc<str>, u32>,
    pub fblocks: Vec<FBlock<'a>>,
    pub handlers: Vec<(Label, u32)>,
    /// Values held on the stack by enclosing constructs (loops, with, except).
    pub depth: u32,
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub flags: u32,
    pub doc: Option<Rc<str>>,
    pub line: u32,
    /// The name of the innermost enclosing class (CPython's `u_private`), with which
    /// names are mangled; inherited from the enclosing unit.
    pub private: Option<Rc<str>>,
}

/// CPython's limit on statically nested blocks (`CO_MAXBLOCKS`): loops, `try`,
/// `except`, `finally` and `with` bodies of one function.
pub(crate) const MAX_BLOCKS: usize = 20;

/// How to compile a module (see [`crate::CompileFlags`]).
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub mode: CompileMode,
    /// The `__future__` features in effect.
    pub future: future::Features,
    /// Bits set in the `flags` of every code object (the `CO_FUTURE_*` in effect).
    pub code_flags: u32,
    /// Module-level names go through `LOAD_NAME`/`STORE_NAME`/`DELETE_NAME`.
    pub name_locals: bool,
}

pub(crate) struct Compiler<'a> {
    pub st: &'a SymbolTable,
    /// Source range of the statement being compiled.
    pub cur_stmt: (u32, u32),
    /// The source text (for the few checks that need more than the AST).
    pub source: &'a str,
    pub filename: Rc<str>,
    line_starts: Vec<u32>,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    pub opts: Options,
    /// Without the `async` feature: the first async construct met. Compiling goes on
    /// (so that CPython's syntax errors, anywhere, are reported first); the result is
    /// this error. The code made meanwhile is incomplete and never verified or used.
    pub deferred_unsupported: Option<CompileError>,
    /// One shared text for each distinct name and str constant of the module: code
    /// objects live as long as the program, and most of their names (`self`,
    /// `len`, ...) recur in many of them.
    strs: HashSet<Rc<str>>,
}

/// Compile a parsed module (in [`CompileMode::Eval`], `body` is one expression
/// statement: the expression).
pub fn compile_module(
    body: &[Stmt],
    st: &SymbolTable,
    source: &str,
    filename: &str,
    opts: Options,
) -> Result<Rc<CodeObject>, CompileError> {
    let mut line_starts = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            line_starts.push(i as u32 + 1);
        }
    }
    let mut c = Compiler {
        st,
        cur_stmt: (0, 0),
        source,
        filename: filename.into(),
        line_starts,
        units: vec![],
        interactive: matches!(opts.mode, CompileMode::Interactive | CompileMode::Single),
        opts,
        deferred_unsupported: None,
        strs: HashSet::new(),
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), 1);
    if opts.mode == CompileMode::Eval {
        let [Stmt::Expr(e)] = body else {
            return Err(CompileError::internal("eval of a statement".into()));
        };
        c.set_line(e);
        c.expr(&e.value)?;
        c.emit(Op::ReturnValue, 0);
        let code = c.pop_unit()?;
        return match c.deferred_unsupported {
            Some(e) => Err(e),
            None => Ok(Rc::new(code)),
        };
    }
    if st.scopes[0].has_annotations {
        c.emit(Op::SetupAnnotations, 0);
    }
    let body = if c.interactive {
        body
    } else {
        c.docstring(body, true)?
    };
    if let Some(doc) = c.unit_ref().doc.clone() {
        c.load_const(Constant::Str(doc));
        let n = c.add_name("__doc__");
        c.emit(Op::StoreName, n);
    }
    c.stmts(body)?;
    c.load_const(Constant::None);
    c.emit(Op::ReturnValue, 0);
    let code = c.pop_unit()?;
    match c.deferred_unsupported {
        Some(e) => Err(e),
        None => Ok(Rc::new(code)),
    }
}

impl<'a> Compiler<'a> {
    pub fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit")
    }
    pub fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit")
    }

    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// Set the line (and the position) of the statement being compiled.
    pub fn set_line(&mut self, node: &impl Ranged) {
        let loc = self.loc_of(node);
        let u = self.unit();
        u.line = loc.line;
        u.loc = loc;
    }

    /// The source position of a node: lines and UTF-8 byte columns.
    pub fn loc_of(&self, node: &impl Ranged) -> Position {
        let r = node.range();
        let (start, end) = (r.start().to_u32(), r.end().to_u32());
        let line = self.line_of(start);
        let end_line = self.line_of(end);
        let col_of = |l: u32, off: u32| off - self.line_starts[(l - 1) as usize];
        Position {
            line,
            end_line,
            col: col_of(line, start),
            end_col: col_of(end_line, end),
        }
    }

    /// Make the instructions emitted next carry `node`'s position; returns the
    /// position to put back afterwards (as CPython's `SET_LOC` in `compiler_visit_expr`).
    pub fn push_loc(&mut self, node: &impl Ranged) -> Position {
        let loc = self.loc_of(node);
        std::mem::replace(&mut self.unit().loc, loc)
    }

    /// CPython's `update_start_location_to_match_attr`: the instructions that look up
    /// `value.attr` start at `attr` when it is on a later line than the position.
    pub fn match_attr_start(&mut self, a: &ast::ExprAttribute) {
        let r = a.range();
        let end = r.end().to_u32();
        let end_line = self.line_of(end);
        let end_col = end - self.line_starts[(end_line - 1) as usize];
        let len = a.attr.chars().count() as u32;
        let u = self.unit();
        if u.loc.line != end_line {
            u.loc.line = end_line;
            u.loc.col = end_col.saturating_sub(len);
            u.loc.end_line = u.loc.end_line.max(end_line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    pub fn err_at(&self, e: CompileError, node: &impl Ranged) -> CompileError {
        let r = node.range();
        e.at_range(r.start().to_u32(), r.end().to_u32())
    }

    pub fn unsupported(&self, feature: &str, node: &impl Ranged) -> CompileError {
        self.err_at(CompileError::unsupported(feature), node)
    }

    /// The shared text of `s` (see `strs`).
    pub fn rc_str(&mut self, s: &str) -> Rc<str> {
        if let Some(r) = self.strs.get(s) {
            return r.clone();
        }
        let r: Rc<str> = s.into();
        self.strs.insert(r.clone());
        r
    }

    pub fn push_unit(&mut self, scope: usize, name: Rc<str>, qualname: Rc<str>, line: u32) {
        let st = self.st;
        let s = &st.scopes[scope];
        let varnames: Vec<Rc<str>> =
            if matches!(s.kind, ScopeKind::Function | ScopeKind::Comprehension) {
                s.fast_locals().iter().map(|n| self.rc_str(n)).collect()
            } else {
                vec![]
            };
        let cellvars: Vec<Rc<str>> = s.cellvars.iter().map(|n| self.rc_str(n)).collect();
        let freevars: Vec<Rc<str>> = s.freevars.iter().map(|n| self.rc_str(n)).collect();
        let (name, qualname) = (self.rc_str(&name), self.rc_str(&qualname));
        let mut var_index = HashMap::with_capacity(varnames.len());
        for (i, v) in varnames.iter().enumerate() {
            var_index.entry(v.clone()).or_insert(i as u32);
        }
        let mut cell_index = HashMap::new();
        for (i, c) in cellvars.iter().chain(&freevars).enumerate() {
            cell_index.entry(c.clone()).or_insert(i as u32);
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        let unit = Unit {
            scope,
            kind: s.kind,
            name,
            qualname,
            first_line: line,
            instrs: vec![],
            lines: vec![],
            positions: vec![],
            loc: Position::default(),
            instr_handler: vec![],
            labels: vec![],
            consts: vec![],
            names: vec![],
            varnames,
            cellvars,
            freevars,
            const_index: HashMap::new(),
            name_index: HashMap::new(),
            var_index,
            cell_index,
            fblocks: vec![],
            handlers: vec![],
            depth: 0,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: self.opts.code_flags
                | match (s.is_generator, s.is_coroutine) {
                    (true, false) => flags::GENERATOR,
                    (false, true) => flags::COROUTINE,
                    (true, true) => flags::ASYNC_GENERATOR,
                    (false, false) => 0,
                },
            doc: None,
            line,
            private,
        };
        self.units.push(unit);
    }

    /// Finish the current unit: patch jumps, build the exception and line tables.
    pub fn pop_unit(&mut self) -> CResult<CodeObject> {
        let u = self.units.pop().expect("a unit");
        let resolve = |l: Label| u.labels[l.0 as usize].expect("label placed");
        let mut instrs = u.instrs;
        let mut backward_targets = vec![false; instrs.len() + 1];
        for (i, ins) in instrs.iter_mut().enumerate() {
            if ins.jump_target().is_some() {
                ins.arg = resolve(Label(ins.arg));
                if (ins.arg as usize) <= i {
                    backward_targets[ins.arg as usize] = true;
                }
            }
        }
        let mut table: Vec<ExceptionEntry> = vec![];
        let mut i = 0;
        while i < u.instr_handler.len() {
            if let Some((label, depth)) = u.instr_handler[i] {
                let start = i;
                while i < u.instr_handler.len() && u.instr_handler[i] == Some((label, depth)) {
                    i += 1;
                }
                table.push(ExceptionEntry {
                    start: start as u32,
                    end: i as u32,
                    target: resolve(label),
                    depth,
                });
            } else {
                i += 1;
            }
        }
        // An unconditional jump back to an instruction of its own line (a `for`
        // or `while` loop's closing jump, attributed to the loop header) starts no
        // line: its target does, so the header stops once per iteration.
        let loop_close = |i: usize| {
            let ins = &instrs[i];
            ins.op == Op::Jump
                && (ins.arg as usize) <= i
                && u.lines.get(ins.arg as usize) == Some(&u.lines[i])
        };
        let line_start = |i: usize| i == 0 || u.lines[i] != u.lines[i - 1] || backward_targets[i];
        let stops: Vec<bool> = (0..instrs.len())
            .map(|i| line_start(i) && (i == 0 || backward_targets[i] || !loop_close(i)))
            .collect();
        for (ins, start) in instrs.iter_mut().zip(&stops) {
            ins.line_start = *start;
        }
        let mut cell_params = vec![];
        for (ci, c) in u.cellvars.iter().enumerate() {
            if let Some(&pi) = u.var_index.get(c) {
                cell_params.push((ci as u32, pi));
            }
        }
        let positions = crate::code::encode_positions(&u.positions);
        let mut code = CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instrs: instrs.into(),
            lines: u.lines.into(),
            positions: positions.into(),
            consts: u.consts.into(),
            names: u.names.into(),
            varnames: u.varnames.into(),
            cellvars: u.cellvars.into(),
            freevars: u.freevars.into(),
            cell_params: cell_params.into(),
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            exception_table: table.into(),
            doc: u.doc,
            max_stack: 0,
        };
        code.assign_caches();
        if self.deferred_unsupported.is_none() {
            code.max_stack = crate::verify::verify(&code).map_err(CompileError::internal)?;
        }
        Ok(code)
    }

    /// Whether control cannot fall off the end of the code emitted so far: the last
    /// instruction returns or raises and no jump or handler targets the end. (Then the
    /// implicit `return None` would be dead code.)
    pub fn ends_in_terminator(&self) -> bool {
        let u = self.unit_ref();
        let end = u.instrs.len() as u32;
        matches!(
            u.instrs.last().map(|i| i.op),
            Some(Op::ReturnValue | Op::RaiseVarargs | Op::Reraise)
        ) && !u.labels.contains(&Some(end))
    }

    /// Enter a block, failing as CPython beyond [`MAX_BLOCKS`] nested ones.
    pub fn push_fblock(&mut self, b: FBlock<'a>, node: &impl Ranged) -> CResult {
        let r = node.range();
        self.push_fblock_at(b, (r.start().to_u32(), r.end().to_u32()))
    }

    pub fn push_fblock_at(&mut self, b: FBlock<'a>, (start, end): (u32, u32)) -> CResult {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(
                CompileError::syntax("too many statically nested blocks".into())
                    .at_range(start, end),
            );
        }
        self.unit().fblocks.push(b);
        Ok(())
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn place(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = Some(u.instrs.len() as u32);
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        let u = self.unit();
        u.instrs.push(Instr::new(op, arg));
        u.lines.push(u.line);
        u.positions.push(u.loc);
        let h = u.handlers.last().copied();
        u.instr_handler.push(h);
    }

    pub fn emit_jump(&mut self, op: Op, l: Label) {
        self.emit(op, l.0);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let c = match c {
            Constant::Str(s) => Constant::Str(self.rc_str(&s)),
            c => c,
        };
        let u = self.unit();
        let next = u.consts.len() as u32;
        let i = *u.const_index.entry(c.key()).or_insert(next);
        if i == next {
            u.consts.push(c);
        }
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    /// `name` mangled with the enclosing class's name (see [`crate::symtable::mangle`]).
    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        crate::symtable::mangle(self.unit_ref().private.as_deref(), name)
    }

    /// The index of `n`, mangled, in `co_names` (as CPython's `ADDOP_NAME`).
    pub fn add_name(&mut self, n: &str) -> u32 {
        let n = self.mangle(n).into_owned();
        self.add_name_unmangled(&n)
    }

    /// The index of `n`, as it is, in `co_names` (as CPython's `ADDOP_N`).
    pub fn add_name_unmangled(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.unit_ref().name_index.get(n) {
            return i;
        }
        let n = self.rc_str(n);
        let u = self.unit();
        let i = u.names.len() as u32;
        u.names.push(n.clone());
        u.name_index.insert(n, i);
        i
    }

    fn cell_index(&self, name: &str) -> Option<u32> {
        self.unit_ref().cell_index.get(name).copied()
    }

    fn local_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit_ref().var_index.get(name) {
            return i;
        }
        let n = self.rc_str(name);
        let u = self.unit();
        let i = u.varnames.len() as u32;
        u.varnames.push(n.clone());
        u.var_index.insert(n, i);
        i
    }

    /// Emit a load, store or delete of a variable, choosing the instruction from scope.
    pub fn name_op(&mut self, name: &str, ctx: ast::ExprContext) -> CResult {
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        let (kind, scope) = {
            let u = self.unit_ref();
            (u.kind, self.st.scopes[u.scope].lookup(name))
        };
        use ast::ExprContext::*;
        let is_func = matches!(kind, ScopeKind::Function | ScopeKind::Comprehension);
        match scope {
            NameScope::Cell | NameScope::Free if kind != ScopeKind::Module => {
                if let Some(i) = self.cell_index(name) {
                    let op = match ctx {
                        Load if kind == ScopeKind::Class => Op::LoadClassDeref,
                        Load => Op::LoadDeref,
                        Store => Op::StoreDeref,
                        Del => Op::DeleteDeref,
                    };
                    self.emit(op, i);
                    return Ok(());
                }
                // A class-local name that is also passed through as free.
                let n = self.add_name(name);
                let op = match ctx {
                    Load => Op::LoadName,
                    Store => Op::StoreName,
                    Del => Op::DeleteName,
                };
                self.emit(op, n);
            }
            NameScope::Local if is_func => {
                let i = self.local_index(name);
                let op = match ctx {
                    Load => Op::LoadFast,
                    Store => Op::StoreFast,
                    Del => Op::DeleteFast,
                };
                self.emit(op, i);
            }
            NameScope::GlobalExplicit => self.global_op(name, ctx),
            _ if is_func || (kind == ScopeKind::Module && !self.opts.name_locals) => {
                self.global_op(name, ctx)
            }
            _ => {
                let n = self.add_name(name);
                let op = match ctx {
                    Load => Op::LoadName,
                    Store => Op::StoreName,
                    Del => Op::DeleteName,
                };
                self.emit(op, n);
            }
        }
        Ok(())
    }

    fn global_op(&mut self, name: &str, ctx: ast::ExprContext) {
        let n = self.add_name(name);
        let op = match ctx {
            ast::ExprContext::Load => Op::LoadGlobal,
            ast::ExprContext::Store => Op::StoreGlobal,
            ast::ExprContext::Del => Op::DeleteGlobal,
        };
        self.emit(op, n);
    }

    pub fn load_name(&mut self, name: &str) -> CResult {
        self.name_op(name, ast::ExprContext::Load)
    }
    pub fn store_name(&mut self, name: &str) -> CResult {
        self.name_op(name, ast::ExprContext::Store)
    }

    /// Strip a leading docstring from a body, recording it on the unit.
    pub fn docstring<'b>(&mut self, body: &'b [Stmt], keep: bool) -> CResult<&'b [Stmt]> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let ast::Expr::Constant(c) = &*e.value {
                if let ast::Constant::Str(s) = &c.value {
                    if keep {
                        self.unit().doc = Some(s.as_str().into());
                    }
                    return Ok(&body[1..]);
                }
            }
        }
        Ok(body)
    }

    pub fn qualname_for(&self, name: &str) -> Rc<str> {
        let u = self.unit_ref();
        match u.kind {
            ScopeKind::Module => name.into(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name).into(),
            _ => format!("{}.<locals>.{}", u.qualname, name).into(),
        }
    }

    /// Push a handler for the instructions that follow; the handler runs with `depth`
    /// values on the stack (plus the exception).
    pub fn push_handler(&mut self, l: Label) {
        let d = self.unit().depth;
        self.unit().handlers.push((l, d));
    }
    pub fn push_handler_at(&mut self, l: Label, depth: u32) {
        self.unit().handlers.push((l, depth));
    }
    pub fn pop_handler(&mut self) {
        self.unit().handlers.pop();
    }

    /// The scope of the unit being compiled.
    pub fn scope(&self) -> &'a crate::symtable::Scope {
        &self.st.scopes[self.unit_ref().scope]
    }

    /// Whether the unit being compiled is an `async def`.
    pub fn in_async_def(&self) -> bool {
        self.scope().is_async_def
    }

    /// Note async code the VM cannot run yet (without the `async` feature: see
    /// [`crate::opcodes`]), once CPython's checks of where it appears have passed: the
    /// compilation then fails with "revpy does not support FEATURE yet" at the first
    /// such place, unless it finds a syntax error.
    pub fn require_async(&mut self, feature: &str, node: &impl Ranged) -> CResult {
        if !cfg!(feature = "async") && self.deferred_unsupported.is_none() {
            self.deferred_unsupported = Some(self.unsupported(feature, node));
        }
        Ok(())
    }

    /// Emit one of the instructions only async code uses (without the `async`
    /// feature nothing: [`Self::require_async`] has already doomed the result).
    pub fn emit_async(&mut self, op: AsyncOp, arg: u32) -> CResult {
        #[cfg(feature = "async")]
        {
            let op = match op {
                AsyncOp::GetAwaitable => Op::GetAwaitable,
                AsyncOp::GetAiter => Op::GetAiter,
                AsyncOp::GetAnext => Op::GetAnext,
                AsyncOp::EndAsyncFor => Op::EndAsyncFor,
                AsyncOp::BeforeAsyncWith => Op::BeforeAsyncWith,
                AsyncOp::AsyncGenWrap => Op::AsyncGenWrap,
            };
            self.emit(op, arg);
            Ok(())
        }
        #[cfg(not(feature = "async"))]
        {
            // (Were it reached otherwise, the verifier would refuse the code.)
            let _ = (op, arg);
            Ok(())
        }
    }

    /// Await S[-1] (`where`: 0 an `await`, 1 the result of `__aenter__`, 2 of
    /// `__aexit__`): `GET_AWAITABLE where; LOAD_CONST None; YIELD_FROM`.
    pub fn emit_await(&mut self, r#where: u32) -> CResult {
        self.emit_async(AsyncOp::GetAwaitable, r#where)?;
        self.load_const(Constant::None);
        self.emit(Op::YieldFrom, 0);
        Ok(())
    }

    /// `yield` of S[-1]; an async generator marks it first (ASYNC_GEN_WRAP).
    pub fn emit_yield(&mut self) -> CResult {
        let sc = self.scope();
        if sc.is_generator && sc.is_coroutine {
            self.emit_async(AsyncOp::AsyncGenWrap, 0)?;
        }
        self.emit(Op::YieldValue, 0);
        Ok(())
    }

    /// Emit the closure tuple and the function object for a finished child code object.
    pub fn make_function(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone().iter() {
                let i = self.cell_index(fv).ok_or_else(|| {
                    CompileError::syntax(format!("internal: free variable '{fv}' not found"))
                })?;
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            flags |= 8;
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Op::MakeFunction, flags);
        Ok(())
    }
}

//! Scope analysis: decides for every name in every scope whether it is a fast local, a
//! cell, a free variable, a global or a dict lookup, before any code is generated.
//!
//! Scopes are keyed by the address of their AST node, so codegen can find the scope of
//! a `def`, `lambda`, `class` or comprehension it is compiling.

use crate::error::CompileError;
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// Where a name lives, as seen from one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Names in first-seen order with their flags.
    order: Vec<String>,
    flags: HashMap<String, u8>,
    pub params: Vec<String>,
    pub is_generator: bool,
    /// A coroutine: an `async def`, or a comprehension with `async for` or `await`
    /// (CPython's `ste_coroutine`). With `is_generator`: an async generator.
    pub is_coroutine: bool,
    /// The scope of an `async def` (where `await`, `async for` and `async with` are
    /// allowed).
    pub is_async_def: bool,
    /// Resolved scopes of names.
    pub resolved: HashMap<String, NameScope>,
    /// Cell variables, in first-seen order.
    pub cellvars: Vec<String>,
    /// Free variables, in first-seen order.
    pub freevars: Vec<String>,
    /// Whether the scope contains annotated assignments (needs __annotations__).
    pub has_annotations: bool,
    /// Byte offset of the `global`/`nonlocal` statement that declared each name.
    directives: HashMap<String, (u32, u32)>,
    /// Comprehensions: what kind ("list comprehension", ...), for error messages.
    comp_kind: &'static str,
    /// Comprehensions: the iteration variables (walrus may not rebind them).
    comp_iter_vars: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: vec![],
            order: vec![],
            flags: HashMap::new(),
            params: vec![],
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            resolved: HashMap::new(),
            cellvars: vec![],
            freevars: vec![],
            has_annotations: false,
            directives: HashMap::new(),
            comp_kind: "",
            comp_iter_vars: vec![],
        }
    }
    fn add(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.order.push(name.to_string());
                self.flags.insert(name.to_string(), flag);
            }
        }
    }
    /// How `name` is reached from this scope.
    pub fn lookup(&self, name: &str) -> NameScope {
        self.resolved
            .get(name)
            .copied()
            .unwrap_or(NameScope::GlobalImplicit)
    }
    /// Fast locals (function scopes): parameters first, then other bound names.
    pub fn fast_locals(&self) -> Vec<String> {
        let mut v = self.params.clone();
        let mut seen: HashSet<&str> = self.params.iter().map(|p| p.as_str()).collect();
        for n in &self.order {
            if self.resolved.get(n) == Some(&NameScope::Local) && seen.insert(n) {
                v.push(n.clone());
            }
        }
        v
    }
}

/// The result of scope analysis for one module.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    /// The scope created by the AST node at `addr` (a def, lambda, class, comprehension).
    pub fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    cur: usize,
    err: Option<CompileError>,
    /// > 0 while visiting the iterable of a comprehension's `for` clause.
    in_comp_iter: u32,
    /// > 0 while visiting the targets of a comprehension's `for` clause.
    in_comp_target: u32,
    /// How many statements and expressions enclose the node being visited.
    depth: u32,
    /// The tree nests deeper than [`MAX_DEPTH`]: the walk stopped descending.
    too_deep: bool,
    /// `from __future__ import annotations`: annotations are strings, never
    /// evaluated, so their names belong to no scope.
    future_annotations: bool,
    /// The name of the innermost enclosing class (CPython's `st_private`): names are
    /// recorded mangled with it.
    private: Option<String>,
}

/// CPython's `_Py_Mangle`: inside a class named `private` (and the functions nested
/// in it), `__spam` becomes `_private__spam` (the class name without its leading
/// underscores). Names ending in `__`, names with a dot, and names in a class named
/// only with underscores stay as they are. Idempotent: a mangled name starts with one
/// underscore.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(p) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return name.into();
    }
    format!("_{p}{name}").into()
}

/// How deeply statements and expressions may nest, counted as CPython 3.11 counts
/// them in its symbol table pass (its recursion limit, 1000, times 3). Deeper source
/// is refused with CPython's `RecursionError`; this also bounds the recursion of every
/// later pass over the tree (codegen, constant folding, checks).
pub const MAX_DEPTH: u32 = 3000;

/// Analyse a module body (`future_annotations`: under `from __future__ import
/// annotations`).
pub fn analyze(body: &[Stmt], future_annotations: bool) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
        by_node: HashMap::new(),
        cur: 0,
        err: None,
        in_comp_iter: 0,
        in_comp_target: 0,
        depth: 0,
        too_deep: false,
        future_annotations,
        private: None,
    };
    for s in body {
        b.stmt(s);
    }
    if b.too_deep {
        return Err(CompileError::too_deep());
    }
    if let Some(e) = b.err {
        return Err(e);
    }
    let mut t = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    resolve(&mut t, 0, &[])?;
    Ok(t)
}

fn resolve(t: &mut SymbolTable, idx: usize, enclosing: &[String]) -> Result<(), CompileError> {
    let kind = t.scopes[idx].kind;
    let names: Vec<(String, u8)> = t.scopes[idx]
        .order
        .iter()
        .map(|n| (n.clone(), t.scopes[idx].flags[n]))
        .collect();
    let mut resolved = HashMap::new();
    for (n, f) in &names {
        let s = if f & DEF_GLOBAL != 0 && f & DEF_NONLOCAL == 0 {
            NameScope::GlobalExplicit
        } else if f & DEF_NONLOCAL != 0 {
            let (at, end) = t.scopes[idx].directives.get(n).copied().unwrap_or((0, 0));
            if f & DEF_GLOBAL != 0 {
                return Err(
                    CompileError::syntax(format!("name '{n}' is nonlocal and global"))
                        .at_range(at, end),
                );
            }
            if enclosing.binary_search(n).is_err() {
                return Err(
                    CompileError::syntax(format!("no binding for nonlocal '{n}' found"))
                        .at_range(at, end),
                );
            }
            NameScope::Free
        } else if kind == ScopeKind::Module {
            NameScope::GlobalImplicit
        } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
            NameScope::Local
        } else if enclosing.binary_search(n).is_ok() {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.insert(n.clone(), s);
    }
    t.scopes[idx].resolved = resolved;
    // Names visible as free variables to the children.
    // A `global` declaration in a function hides an enclosing function's binding from
    // nested scopes (not in a class body: CPython passes the class's scope down unchanged).
    let mut child_env: Vec<String> = enclosing
        .iter()
        .filter(|n| {
            kind == ScopeKind::Class
                || t.scopes[idx].resolved.get(*n) != Some(&NameScope::GlobalExplicit)
        })
        .cloned()
        .collect();
    match kind {
        ScopeKind::Function | ScopeKind::Comprehension => {
            let inherited: HashSet<String> = child_env.iter().cloned().collect();
            for (n, s) in &t.scopes[idx].resolved {
                if *s == NameScope::Local && !inherited.contains(n) {
                    child_env.push(n.clone());
                }
            }
            // A local that shadows an outer global declaration is still local.
        }
        ScopeKind::Class => {
            if !child_env.iter().any(|n| n == "__class__") {
                child_env.push("__class__".into());
            }
        }
        ScopeKind::Module => {}
    }
    child_env.sort();
    child_env.dedup();
    // Membership of cellvars / freevars (the Vecs keep first-seen order).
    let mut cells: HashSet<String> = t.scopes[idx].cellvars.iter().cloned().collect();
    let mut frees_seen: HashSet<String> = t.scopes[idx].freevars.iter().cloned().collect();
    let children = t.scopes[idx].children.clone();
    for c in children {
        resolve(t, c, &child_env)?;
        let frees: Vec<String> = t.scopes[c].freevars.clone();
        for n in frees {
            let me = &mut t.scopes[idx];
            match me.resolved.get(&n).copied() {
                Some(NameScope::Local) if kind != ScopeKind::Class => {
                    me.resolved.insert(n.clone(), NameScope::Cell);
                    if cells.insert(n.clone()) {
                        me.cellvars.push(n);
                    }
                }
                Some(NameScope::Cell) => {}
                _ if kind == ScopeKind::Class && n == "__class__" => {
                    if cells.insert(n.clone()) {
                        me.cellvars.push(n);
                    }
                }
                Some(NameScope::Free) => {}
                _ => {
                    // Pass through: the name is free here too.
                    if kind != ScopeKind::Module {
                        if !me.resolved.contains_key(&n) {
                            me.order.push(n.clone());
                            me.flags.insert(n.clone(), 0);
                            me.resolved.insert(n.clone(), NameScope::Free);
                        }
                        if frees_seen.insert(n.clone()) {
                            me.freevars.push(n);
                        }
                    }
                }
            }
        }
    }
    // Own free variables, in first-seen order.
    let me = &mut t.scopes[idx];
    for n in me.order.clone() {
        if me.resolved.get(&n) == Some(&NameScope::Free) && frees_seen.insert(n.clone()) {
            me.freevars.push(n);
        }
    }
    // Parameters captured by inner functions are cells too.
    Ok(())
}

impl Builder {
    fn fail(&mut self, msg: String, node: &impl Ranged) {
        if self.err.is_none() {
            let r = node.range();
            self.err =
                Some(CompileError::syntax(msg).at_range(r.start().to_u32(), r.end().to_u32()));
        }
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let idx = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.scopes[self.cur].children.push(idx);
        self.by_node.insert(node as *const T as usize, idx);
        let prev = self.cur;
        self.cur = idx;
        prev
    }

    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        mangle(self.private.as_deref(), name)
    }

    fn def(&mut self, name: &str) {
        let name = self.mangle(name);
        self.scopes[self.cur].add(&name, DEF_LOCAL);
    }
    fn use_name(&mut self, name: &str) {
        let name = self.mangle(name);
        self.scopes[self.cur].add(&name, USE);
        if name == "super"
            && matches!(
                self.scopes[self.cur].kind,
                ScopeKind::Function | ScopeKind::Comprehension
            )
        {
            self.scopes[self.cur].add("__class__", USE);
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn args_defaults(&mut self, args: &ast::Arguments) {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
    }

    fn args_annotations(&mut self, args: &ast::Arguments) {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(an) = &a.def.annotation {
                self.annotation(an);
            }
        }
        for a in args.vararg.iter().chain(args.kwarg.iter()) {
            if let Some(an) = &a.annotation {
                self.annotation(an);
            }
        }
    }

    /// An annotation: an expression of the current scope, or under `from __future__
    /// import annotations` a string, whose names bind nothing. CPython then walks it
    /// in a block of its own only to refuse what cannot be in one.
    fn annotation(&mut self, e: &Expr) {
        if !self.future_annotations {
            self.expr(e);
        } else if self.enter() {
            self.annotation_check(e);
            self.depth -= 1;
        }
    }

    fn annotation_check(&mut self, e: &Expr) {
        let what = match e {
            Expr::NamedExpr(_) => "named expression",
            Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
            Expr::Await(_) => "await expression",
            _ => "",
        };
        if !what.is_empty() {
            self.fail(format!("'{what}' can not be used within an annotation"), e);
            return;
        }
        let mut children: Vec<&Expr> = vec![];
        match e {
            // A lambda's body and a comprehension (but its first iterable) are
            // scopes of their own, where these are allowed.
            Expr::Lambda(l) => children.extend(
                l.args
                    .posonlyargs
                    .iter()
                    .chain(&l.args.args)
                    .chain(&l.args.kwonlyargs)
                    .filter_map(|a| a.default.as_deref()),
            ),
            Expr::ListComp(c) => children.push(&c.generators[0].iter),
            Expr::SetComp(c) => children.push(&c.generators[0].iter),
            Expr::DictComp(c) => children.push(&c.generators[0].iter),
            Expr::GeneratorExp(c) => children.push(&c.generators[0].iter),
            Expr::BoolOp(b) => children.extend(&b.values),
            Expr::BinOp(b) => children.extend([&*b.left, &*b.right]),
            Expr::UnaryOp(u) => children.push(&u.operand),
            Expr::IfExp(i) => children.extend([&*i.test, &*i.body, &*i.orelse]),
            Expr::Dict(d) => {
                children.extend(d.keys.iter().flatten());
                children.extend(&d.values);
            }
            Expr::Set(s) => children.extend(&s.elts),
            Expr::Compare(c) => {
                children.push(&c.left);
                children.extend(&c.comparators);
            }
            Expr::Call(c) => {
                children.push(&c.func);
                children.extend(&c.args);
                children.extend(c.keywords.iter().map(|k| &k.value));
            }
            Expr::FormattedValue(f) => {
                children.push(&f.value);
                children.extend(f.format_spec.as_deref());
            }
            Expr::JoinedStr(j) => children.extend(&j.values),
            Expr::Attribute(a) => children.push(&a.value),
            Expr::Subscript(s) => children.extend([&*s.value, &*s.slice]),
            Expr::Starred(s) => children.push(&s.value),
            Expr::List(l) => children.extend(&l.elts),
            Expr::Tuple(t) => children.extend(&t.elts),
            Expr::Slice(s) => children.extend(
                [&s.lower, &s.upper, &s.step]
                    .into_iter()
                    .flatten()
                    .map(|b| &**b),
            ),
            Expr::NamedExpr(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Await(_)
            | Expr::Constant(_)
            | Expr::Name(_) => {}
        }
        for c in children {
            self.annotation(c);
        }
    }

    fn params(&mut self, args: &ast::Arguments) {
        let mut names: Vec<&ast::Arg> = vec![];
        for a in args.posonlyargs.iter().chain(&args.args) {
            names.push(&a.def);
        }
        for a in &args.kwonlyargs {
            names.push(&a.def);
        }
        if let Some(v) = &args.vararg {
            names.push(v);
        }
        if let Some(k) = &args.kwarg {
            names.push(k);
        }
        let mut seen: HashSet<String> = self.scopes[self.cur].params.iter().cloned().collect();
        for a in names {
            let n = a.arg.as_str();
            let m = self.mangle(n).into_owned();
            if !seen.insert(m.clone()) {
                self.fail(
                    format!("duplicate argument '{n}' in function definition"),
                    a,
                );
            }
            self.scopes[self.cur].params.push(m.clone());
            self.scopes[self.cur].add(&m, DEF_PARAM);
        }
    }

    /// Enter one more level of nesting; false (and the walk stops descending) past
    /// [`MAX_DEPTH`].
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
        }
        if self.too_deep {
            return false;
        }
        self.depth += 1;
        true
    }

    fn stmt(&mut self, s: &Stmt) {
        if self.enter() {
            self.stmt_inner(s);
            self.depth -= 1;
        }
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d);
                }
                self.args_defaults(&f.args);
                self.args_annotations(&f.args);
                if let Some(r) = &f.returns {
                    self.annotation(r);
                }
                self.def(&f.name);
                let prev = self.push_scope(f, ScopeKind::Function, &f.name);
                self.params(&f.args);
                self.stmts(&f.body);
                self.cur = prev;
            }
            Stmt::AsyncFunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d);
                }
                self.args_defaults(&f.args);
                self.args_annotations(&f.args);
                if let Some(r) = &f.returns {
                    self.annotation(r);
                }
                self.def(&f.name);
                let prev = self.push_scope(f, ScopeKind::Function, &f.name);
                self.scopes[self.cur].is_coroutine = true;
                self.scopes[self.cur].is_async_def = true;
                self.params(&f.args);
                self.stmts(&f.body);
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.def(&c.name);
                let prev = self.push_scope(c, ScopeKind::Class, &c.name);
                let outer = self.private.replace(c.name.to_string());
                self.stmts(&c.body);
                self.private = outer;
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.expr(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                self.expr(&a.target);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id);
                }
            }
            Stmt::AnnAssign(a) => {
                // As CPython: the annotation is walked in every scope (in a function
                // it is never evaluated, but a `yield` or `:=` in it still counts),
                // and any annotated assignment in a module or class body makes it set
                // up `__annotations__`.
                if self.scopes[self.cur].kind != ScopeKind::Function {
                    self.scopes[self.cur].has_annotations = true;
                }
                match &*a.target {
                    Expr::Name(n) if ann_simple(a) => self.def(&n.id),
                    Expr::Name(n) => {
                        if a.value.is_some() {
                            self.def(&n.id);
                        }
                    }
                    t => self.expr(t),
                }
                self.annotation(&a.annotation);
                if let Some(v) = &a.value {
                    self.expr(v);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.expr(&f.target);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::AsyncFor(f) => {
                self.expr(&f.iter);
                self.expr(&f.target);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            Stmt::If(i) => {
                // An `elif` chain nests: one level each (as CPython counts), walked
                // in a loop.
                let mut cur = i;
                let mut levels = 0;
                loop {
                    self.expr(&cur.test);
                    self.stmts(&cur.body);
                    match &cur.orelse[..] {
                        [Stmt::If(next)] if self.enter() => {
                            levels += 1;
                            cur = next;
                        }
                        [Stmt::If(_)] => break,
                        _ => {
                            self.stmts(&cur.orelse);
                            break;
                        }
                    }
                }
                self.depth -= levels;
            }
            Stmt::With(w) => self.with_items(&w.items, &w.body),
            Stmt::AsyncWith(w) => self.with_items(&w.items, &w.body),
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.def(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            Stmt::TryStar(_) => {}
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.def(&bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.scopes[self.cur].kind != ScopeKind::Module {
                            self.fail("import * only allowed at module level".into(), a);
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.def(bound);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.directive(n, "global", DEF_GLOBAL, g);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scopes[self.cur].kind == ScopeKind::Module {
                    self.fail("nonlocal declaration not allowed at module level".into(), g);
                }
                for n in &g.names {
                    self.directive(n, "nonlocal", DEF_NONLOCAL, g);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            _ => {}
        }
    }

    fn with_items(&mut self, items: &[ast::WithItem], body: &[Stmt]) {
        for it in items {
            self.expr(&it.context_expr);
            if let Some(v) = &it.optional_vars {
                self.expr(v);
            }
        }
        self.stmts(body);
    }

    /// A `global` or `nonlocal` declaration of `n` (CPython's checks and messages).
    fn directive(&mut self, n: &str, what: &str, flag: u8, node: &impl Ranged) {
        let m = self.mangle(n).into_owned();
        if let Some(&f) = self.scopes[self.cur].flags.get(&m) {
            let msg = if f & DEF_PARAM != 0 {
                Some(format!("name '{n}' is parameter and {what}"))
            } else if f & USE != 0 {
                Some(format!("name '{n}' is used prior to {what} declaration"))
            } else if f & DEF_LOCAL != 0 {
                Some(format!(
                    "name '{n}' is assigned to before {what} declaration"
                ))
            } else {
                None
            };
            if let Some(m) = msg {
                self.fail(m, node);
            }
        }
        let r = node.range();
        let range = (r.start().to_u32(), r.end().to_u32());
        self.scopes[self.cur]
            .directives
            .entry(m.clone())
            .or_insert(range);
        self.scopes[self.cur].add(&m, flag);
    }

    fn pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(p)),
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k);
                }
                for p in &m.patterns {
                    self.pattern(p);
                }
                if let Some(r) = &m.rest {
                    self.def(r);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls);
                for p in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(p);
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.def(n);
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(n) = &a.name {
                    self.def(n);
                }
            }
            P::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(p)),
        }
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        kind: &'static str,
    ) {
        // The first iterable is evaluated in the enclosing scope.
        self.in_comp_iter += 1;
        self.expr(&generators[0].iter);
        self.in_comp_iter -= 1;
        let prev = self.push_scope(node, ScopeKind::Comprehension, "<comprehension>");
        self.scopes[self.cur].params.push(".0".into());
        self.scopes[self.cur].add(".0", DEF_PARAM);
        self.scopes[self.cur].is_generator = kind == "generator expression";
        self.scopes[self.cur].comp_kind = kind;
        if generators.iter().any(|g| g.is_async) {
            self.scopes[self.cur].is_coroutine = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.in_comp_iter += 1;
                self.expr(&g.iter);
                self.in_comp_iter -= 1;
            }
            self.in_comp_target += 1;
            self.expr(&g.target);
            self.in_comp_target -= 1;
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        // An asynchronous list, set or dict comprehension is awaited where it is
        // built, which makes that scope a coroutine too (CPython's symtable).
        let awaited = {
            let sc = &self.scopes[self.cur];
            sc.is_coroutine && !sc.is_generator
        };
        self.cur = prev;
        if awaited {
            self.scopes[self.cur].is_coroutine = true;
        }
    }

    fn walrus_target(&mut self, name: &str, node: &impl Ranged) {
        // Bind in the nearest enclosing non-comprehension scope.
        let mut i = self.cur;
        let mut chain = vec![];
        while self.scopes[i].kind == ScopeKind::Comprehension {
            if self.scopes[i].comp_iter_vars.iter().any(|v| v == name) {
                self.fail(
                    format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                    node,
                );
                return;
            }
            chain.push(i);
            i = self.scopes[i].parent.unwrap_or(0);
        }
        // As CPython: the check above looks for the name as written, the binding is
        // mangled.
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        let target_kind = self.scopes[i].kind;
        if target_kind == ScopeKind::Class {
            self.fail(
                "assignment expression within a comprehension cannot be used in a class body"
                    .into(),
                node,
            );
            return;
        }
        self.scopes[i].add(name, DEF_LOCAL);
        for c in chain {
            let flag = if target_kind == ScopeKind::Module {
                DEF_GLOBAL
            } else {
                DEF_NONLOCAL
            };
            self.scopes[c].add(name, flag);
        }
    }

    /// `yield` is not allowed in a comprehension's own scope.
    fn yield_check(&mut self, e: &Expr) {
        let sc = &self.scopes[self.cur];
        if sc.kind == ScopeKind::Comprehension {
            let msg = format!("'yield' inside {}", sc.comp_kind);
            self.fail(msg, e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.enter() {
            self.expr_inner(e);
            self.depth -= 1;
        }
    }

    fn expr_inner(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(v)),
            Expr::NamedExpr(n) => {
                if self.in_comp_iter > 0 {
                    self.fail(
                        "assignment expression cannot be used in a comprehension iterable expression".into(),
                        e,
                    );
                }
                self.expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    if self.scopes[self.cur].kind == ScopeKind::Comprehension {
                        self.walrus_target(&t.id, &*n.target);
                    } else {
                        self.def(&t.id);
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                self.args_defaults(&l.args);
                let prev = self.push_scope(l, ScopeKind::Function, "<lambda>");
                let saved = (self.in_comp_iter, self.in_comp_target);
                (self.in_comp_iter, self.in_comp_target) = (0, 0);
                self.params(&l.args);
                self.expr(&l.body);
                (self.in_comp_iter, self.in_comp_target) = saved;
                self.cur = prev;
            }
            Expr::IfExp(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            Expr::Set(s) => s.elts.iter().for_each(|v| self.expr(v)),
            Expr::ListComp(c) => {
                self.comprehension(c, &c.generators, &[&c.elt], "list comprehension")
            }
            Expr::SetComp(c) => {
                self.comprehension(c, &c.generators, &[&c.elt], "set comprehension")
            }
            Expr::DictComp(c) => {
                self.comprehension(c, &c.generators, &[&c.key, &c.value], "dict comprehension")
            }
            Expr::GeneratorExp(c) => {
                self.comprehension(c, &c.generators, &[&c.elt], "generator expression")
            }
            Expr::Await(a) => {
                self.expr(&a.value);
                self.scopes[self.cur].is_coroutine = true;
            }
            Expr::Yield(y) => {
                self.yield_check(e);
                self.scopes[self.cur].is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(e);
                self.scopes[self.cur].is_generator = true;
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                c.comparators.iter().for_each(|v| self.expr(v));
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                c.args.iter().for_each(|v| self.expr(v));
                c.keywords.iter().for_each(|k| self.expr(&k.value));
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value);
                if let Some(s) = &f.format_spec {
                    self.expr(s);
                }
            }
            Expr::JoinedStr(j) => j.values.iter().for_each(|v| self.expr(v)),
            Expr::Constant(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.use_name(&n.id),
                _ => {
                    if self.in_comp_target > 0 {
                        let m = self.mangle(&n.id).into_owned();
                        let sc = &mut self.scopes[self.cur];
                        if !sc.comp_iter_vars.contains(&m) {
                            sc.comp_iter_vars.push(m);
                        }
                    }
                    self.def(&n.id)
                }
            },
            Expr::List(l) => l.elts.iter().for_each(|v| self.expr(v)),
            Expr::Tuple(t) => t.elts.iter().for_each(|v| self.expr(v)),
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }
}

/// Whether an annotated assignment is "simple" (CPython's `AnnAssign.simple`): its
/// target is a name without parentheses. Only those are recorded in `__annotations__`.
/// (The parser sets the flag for `(x): int` too; the parenthesis shows in the ranges.)
pub fn ann_simple(a: &ast::StmtAnnAssign) -> bool {
    a.simple && matches!(&*a.target, Expr::Name(n) if n.range.start() == a.range.start())
}

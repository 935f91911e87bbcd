//! Dropping a syntax tree without recursion.
//!
//! The parser builds trees as deep as the source nests (`- - - ... 1`, `a + a + ...`,
//! `lambda: lambda: ...`, long `elif` chains), and Rust's drop glue frees a tree
//! recursively: a tree deep enough would overflow the stack while being freed. The
//! compiler refuses trees deeper than CPython does (`RecursionError`), and frees those
//! with [`drop_body`], which takes every node apart on explicit stacks, so freeing
//! needs the same small amount of stack whatever the depth.

use rustpython_parser::ast::{self, Expr, Pattern, Stmt};

#[derive(Default)]
struct Parts {
    stmts: Vec<Stmt>,
    exprs: Vec<Expr>,
    patterns: Vec<Pattern>,
}

impl Parts {
    fn expr(&mut self, e: Option<Box<Expr>>) {
        if let Some(e) = e {
            self.exprs.push(*e);
        }
    }
    fn arguments(&mut self, a: ast::Arguments) {
        let ast::Arguments {
            posonlyargs,
            args,
            vararg,
            kwonlyargs,
            kwarg,
            ..
        } = a;
        for a in posonlyargs.into_iter().chain(args).chain(kwonlyargs) {
            self.expr(a.def.annotation);
            self.expr(a.default);
        }
        for a in vararg.into_iter().chain(kwarg) {
            self.expr(a.annotation);
        }
    }
    fn keywords(&mut self, k: Vec<ast::Keyword>) {
        self.exprs.extend(k.into_iter().map(|k| k.value));
    }
    fn generators(&mut self, g: Vec<ast::Comprehension>) {
        for g in g {
            self.exprs.push(g.target);
            self.exprs.push(g.iter);
            self.exprs.extend(g.ifs);
        }
    }
    fn type_params(&mut self, t: Vec<ast::TypeParam>) {
        for t in t {
            if let ast::TypeParam::TypeVar(v) = t {
                self.expr(v.bound);
            }
        }
    }

    fn take_stmt(&mut self, s: Stmt) {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => {
                self.arguments(*f.args);
                self.stmts.extend(f.body);
                self.exprs.extend(f.decorator_list);
                self.expr(f.returns);
                self.type_params(f.type_params);
            }
            S::AsyncFunctionDef(f) => {
                self.arguments(*f.args);
                self.stmts.extend(f.body);
                self.exprs.extend(f.decorator_list);
                self.expr(f.returns);
                self.type_params(f.type_params);
            }
            S::ClassDef(c) => {
                self.exprs.extend(c.bases);
                self.keywords(c.keywords);
                self.stmts.extend(c.body);
                self.exprs.extend(c.decorator_list);
                self.type_params(c.type_params);
            }
            S::Return(r) => self.expr(r.value),
            S::Delete(d) => self.exprs.extend(d.targets),
            S::Assign(a) => {
                self.exprs.extend(a.targets);
                self.exprs.push(*a.value);
            }
            S::TypeAlias(t) => {
                self.exprs.push(*t.name);
                self.type_params(t.type_params);
                self.exprs.push(*t.value);
            }
            S::AugAssign(a) => {
                self.exprs.push(*a.target);
                self.exprs.push(*a.value);
            }
            S::AnnAssign(a) => {
                self.exprs.push(*a.target);
                self.exprs.push(*a.annotation);
                self.expr(a.value);
            }
            S::For(f) => {
                self.exprs.push(*f.target);
                self.exprs.push(*f.iter);
                self.stmts.extend(f.body);
                self.stmts.extend(f.orelse);
            }
            S::AsyncFor(f) => {
                self.exprs.push(*f.target);
                self.exprs.push(*f.iter);
                self.stmts.extend(f.body);
                self.stmts.extend(f.orelse);
            }
            S::While(w) => {
                self.exprs.push(*w.test);
                self.stmts.extend(w.body);
                self.stmts.extend(w.orelse);
            }
            S::If(i) => {
                self.exprs.push(*i.test);
                self.stmts.extend(i.body);
                self.stmts.extend(i.orelse);
            }
            S::With(w) => {
                for it in w.items {
                    self.exprs.push(it.context_expr);
                    self.expr(it.optional_vars);
                }
                self.stmts.extend(w.body);
            }
            S::AsyncWith(w) => {
                for it in w.items {
                    self.exprs.push(it.context_expr);
                    self.expr(it.optional_vars);
                }
                self.stmts.extend(w.body);
            }
            S::Match(m) => {
                self.exprs.push(*m.subject);
                for c in m.cases {
                    self.patterns.push(c.pattern);
                    self.expr(c.guard);
                    self.stmts.extend(c.body);
                }
            }
            S::Raise(r) => {
                self.expr(r.exc);
                self.expr(r.cause);
            }
            S::Try(t) => self.try_parts(t.body, t.handlers, t.orelse, t.finalbody),
            S::TryStar(t) => self.try_parts(t.body, t.handlers, t.orelse, t.finalbody),
            S::Assert(a) => {
                self.exprs.push(*a.test);
                self.expr(a.msg);
            }
            S::Expr(e) => self.exprs.push(*e.value),
            S::Import(_)
            | S::ImportFrom(_)
            | S::Global(_)
            | S::Nonlocal(_)
            | S::Pass(_)
            | S::Break(_)
            | S::Continue(_) => {}
        }
    }

    fn try_parts(
        &mut self,
        body: Vec<Stmt>,
        handlers: Vec<ast::ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    ) {
        self.stmts.extend(body);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.expr(h.type_);
            self.stmts.extend(h.body);
        }
        self.stmts.extend(orelse);
        self.stmts.extend(finalbody);
    }

    fn take_expr(&mut self, e: Expr) {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => self.exprs.extend(b.values),
            E::NamedExpr(n) => {
                self.exprs.push(*n.target);
                self.exprs.push(*n.value);
            }
            E::BinOp(b) => {
                self.exprs.push(*b.left);
                self.exprs.push(*b.right);
            }
            E::UnaryOp(u) => self.exprs.push(*u.operand),
            E::Lambda(l) => {
                self.arguments(*l.args);
                self.exprs.push(*l.body);
            }
            E::IfExp(i) => {
                self.exprs.push(*i.test);
                self.exprs.push(*i.body);
                self.exprs.push(*i.orelse);
            }
            E::Dict(d) => {
                self.exprs.extend(d.keys.into_iter().flatten());
                self.exprs.extend(d.values);
            }
            E::Set(s) => self.exprs.extend(s.elts),
            E::ListComp(c) => {
                self.exprs.push(*c.elt);
                self.generators(c.generators);
            }
            E::SetComp(c) => {
                self.exprs.push(*c.elt);
                self.generators(c.generators);
            }
            E::DictComp(c) => {
                self.exprs.push(*c.key);
                self.exprs.push(*c.value);
                self.generators(c.generators);
            }
            E::GeneratorExp(c) => {
                self.exprs.push(*c.elt);
                self.generators(c.generators);
            }
            E::Await(a) => self.exprs.push(*a.value),
            E::Yield(y) => self.expr(y.value),
            E::YieldFrom(y) => self.exprs.push(*y.value),
            E::Compare(c) => {
                self.exprs.push(*c.left);
                self.exprs.extend(c.comparators);
            }
            E::Call(c) => {
                self.exprs.push(*c.func);
                self.exprs.extend(c.args);
                self.keywords(c.keywords);
            }
            E::FormattedValue(f) => {
                self.exprs.push(*f.value);
                self.expr(f.format_spec);
            }
            E::JoinedStr(j) => self.exprs.extend(j.values),
            E::Attribute(a) => self.exprs.push(*a.value),
            E::Subscript(s) => {
                self.exprs.push(*s.value);
                self.exprs.push(*s.slice);
            }
            E::Starred(s) => self.exprs.push(*s.value),
            E::List(l) => self.exprs.extend(l.elts),
            E::Tuple(t) => self.exprs.extend(t.elts),
            E::Slice(s) => {
                self.expr(s.lower);
                self.expr(s.upper);
                self.expr(s.step);
            }
            E::Constant(_) | E::Name(_) => {}
        }
    }

    fn take_pattern(&mut self, p: Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.exprs.push(*v.value),
            P::MatchSingleton(_) | P::MatchStar(_) => {}
            P::MatchSequence(s) => self.patterns.extend(s.patterns),
            P::MatchMapping(m) => {
                self.exprs.extend(m.keys);
                self.patterns.extend(m.patterns);
            }
            P::MatchClass(c) => {
                self.exprs.push(*c.cls);
                self.patterns.extend(c.patterns);
                self.patterns.extend(c.kwd_patterns);
            }
            P::MatchAs(a) => {
                if let Some(p) = a.pattern {
                    self.patterns.push(*p);
                }
            }
            P::MatchOr(o) => self.patterns.extend(o.patterns),
        }
    }
}

/// Free a module body however deeply it nests, using a bounded amount of stack.
pub(crate) fn drop_body(body: Vec<Stmt>) {
    let mut parts = Parts {
        stmts: body,
        ..Parts::default()
    };
    loop {
        if let Some(s) = parts.stmts.pop() {
            parts.take_stmt(s);
        } else if let Some(e) = parts.exprs.pop() {
            parts.take_expr(e);
        } else if let Some(p) = parts.patterns.pop() {
            parts.take_pattern(p);
        } else {
            break;
        }
    }
}

//! Checks CPython's parser makes but `rustpython-parser` does not: invalid assignment,
//! deletion and annotation targets (with CPython's names for expressions), a bare `*`
//! without keyword-only parameters, unparenthesized generator arguments, type parameters.

use super::{CResult, Compiler};
use crate::error::CompileError;
use rustpython_parser::ast::{self, Expr, Ranged};
use std::collections::{BTreeSet, HashSet};

/// The names a pattern binds (ordered: alternatives are compared as sets).
type Names = BTreeSet<String>;

/// CPython's name for an expression in error messages (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

/// The first sub-expression of an assignment (or `del`) target that cannot be one.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Starred(s) if !del => invalid_target(&s.value, del),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        _ => Some(e),
    }
}

/// Whether CPython's parser would read `bad` as the left side of a mistyped `==` (it
/// then adds "here. Maybe you meant '==' instead of '='?").
fn looks_like_comparison(bad: &Expr) -> bool {
    !matches!(
        bad,
        Expr::Compare(_)
            | Expr::IfExp(_)
            | Expr::Lambda(_)
            | Expr::BoolOp(_)
            | Expr::Tuple(_)
            | Expr::List(_)
            | Expr::GeneratorExp(_)
            | Expr::Starred(_)
    ) && !matches!(bad, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
        && !matches!(bad, Expr::Constant(c) if matches!(c.value, ast::Constant::None | ast::Constant::Bool(_)))
}

impl<'a> Compiler<'a> {
    /// Check the targets of `t1 = t2 = ... = value` before compiling anything.
    pub(crate) fn check_assign_targets(&self, targets: &[Expr]) -> CResult {
        for t in targets {
            if let Some(bad) = invalid_target(t, false) {
                let name = expr_name(bad);
                let here = targets.len() == 1
                    && bad.range().end() == t.range().end()
                    && looks_like_comparison(bad);
                let msg = if here {
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
                } else {
                    format!("cannot assign to {name}")
                };
                return Err(self.err_at(CompileError::syntax(msg), bad));
            }
        }
        Ok(())
    }

    /// The error for an invalid target in a `for`, `with`, comprehension or walrus.
    pub(crate) fn invalid_assign_target(&self, t: &Expr) -> CompileError {
        let bad = invalid_target(t, false).unwrap_or(t);
        self.err_at(
            CompileError::syntax(format!("cannot assign to {}", expr_name(bad))),
            bad,
        )
    }

    pub(crate) fn check_delete_target(&self, t: &Expr) -> CResult {
        match invalid_target(t, true) {
            Some(bad) => Err(self.err_at(
                CompileError::syntax(format!("cannot delete {}", expr_name(bad))),
                bad,
            )),
            None => Ok(()),
        }
    }

    pub(crate) fn check_aug_target(&self, t: &Expr) -> CResult {
        match t {
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => Ok(()),
            _ => Err(self.err_at(
                CompileError::syntax(format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(t)
                )),
                t,
            )),
        }
    }

    pub(crate) fn check_ann_target(&self, t: &Expr) -> CResult {
        let msg = match t {
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => return Ok(()),
            Expr::Tuple(_) => "only single target (not tuple) can be annotated",
            Expr::List(_) => "only single target (not list) can be annotated",
            _ => "illegal target for annotation",
        };
        Err(self.err_at(CompileError::syntax(msg.into()), t))
    }

    /// `def f(*, **kw)`: a bare `*` must be followed by a keyword-only parameter.
    pub(crate) fn check_bare_star(&self, args: &ast::Arguments) -> CResult {
        let Some(kw) = &args.kwarg else { return Ok(()) };
        if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
            return Ok(());
        }
        let before = &self.source[..(kw.range().start().to_usize()).min(self.source.len())];
        let rest = before.trim_end().trim_end_matches('*').trim_end();
        let Some(rest) = rest.strip_suffix(',') else {
            return Ok(());
        };
        let rest = rest.trim_end();
        if rest.ends_with('*') && !rest.ends_with("**") {
            let at = rest.len() as u32 - 1;
            return Err(CompileError::syntax("named arguments must follow bare *".into()).at(at));
        }
        Ok(())
    }

    /// `f(x for x in y, 1)`: a generator argument must be parenthesized unless alone.
    pub(crate) fn check_call_args(&self, args: &[Expr], keywords: &[ast::Keyword]) -> CResult {
        if args.len() + keywords.len() < 2 {
            return Ok(());
        }
        for a in args {
            if let Expr::GeneratorExp(g) = a {
                let start = g.range().start().to_usize();
                if self.source.as_bytes().get(start) != Some(&b'(') {
                    return Err(self.err_at(
                        CompileError::syntax("Generator expression must be parenthesized".into()),
                        a,
                    ));
                }
            }
        }
        Ok(())
    }

    /// PEP 695 type parameters (`def f[T]()`, `class C[T]`) are Python 3.12 syntax.
    pub(crate) fn check_type_params(&self, params: &[ast::TypeParam]) -> CResult {
        match params.first() {
            Some(p) => Err(self.unsupported("type parameters", p)),
            None => Ok(()),
        }
    }
}

/// A literal mapping-pattern key as CPython shows it in the duplicate-key error.
fn key_repr(k: &Expr) -> Option<String> {
    let Expr::Constant(c) = k else { return None };
    Some(match &c.value {
        ast::Constant::Str(s) => crate::dis::const_repr(&crate::Constant::Str(s.as_str().into())),
        ast::Constant::Int(i) => i.to_string(),
        ast::Constant::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        ast::Constant::None => "None".to_string(),
        ast::Constant::Float(f) => crate::float_repr(*f),
        ast::Constant::Bytes(b) => {
            crate::dis::const_repr(&crate::Constant::Bytes(b.as_slice().into()))
        }
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// CPython's compile-time checks of `match` patterns: unreachable cases after an
    /// irrefutable pattern, names bound twice, alternatives binding different names,
    /// duplicate mapping keys and class-pattern keywords.
    pub(crate) fn check_match(&self, m: &ast::StmtMatch) -> CResult {
        let last = m.cases.len().saturating_sub(1);
        for (i, case) in m.cases.iter().enumerate() {
            let mut names = Names::new();
            self.check_pattern(&case.pattern, case.guard.is_some() || i == last, &mut names)?;
        }
        Ok(())
    }

    fn bind_pattern_name(&self, n: &str, node: &impl Ranged, names: &mut Names) -> CResult {
        if !names.insert(n.to_string()) {
            return Err(self.err_at(
                CompileError::syntax(format!("multiple assignments to name '{n}' in pattern")),
                node,
            ));
        }
        Ok(())
    }

    fn check_pattern(
        &self,
        p: &ast::Pattern,
        allow_irrefutable: bool,
        names: &mut Names,
    ) -> CResult {
        use ast::Pattern as P;
        match p {
            P::MatchValue(_) | P::MatchSingleton(_) => {}
            P::MatchAs(a) => {
                match &a.pattern {
                    None if !allow_irrefutable => {
                        let msg = match &a.name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.err_at(CompileError::syntax(msg), p));
                    }
                    None => {}
                    Some(sub) => self.check_pattern(sub, allow_irrefutable, names)?,
                }
                if let Some(n) = &a.name {
                    self.bind_pattern_name(n, p, names)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind_pattern_name(n, p, names)?;
                }
            }
            P::MatchSequence(s) => {
                if s.patterns
                    .iter()
                    .filter(|x| matches!(x, P::MatchStar(_)))
                    .count()
                    > 1
                {
                    return Err(self.err_at(
                        CompileError::syntax("multiple starred names in sequence pattern".into()),
                        p,
                    ));
                }
                for sub in &s.patterns {
                    self.check_pattern(sub, true, names)?;
                }
            }
            P::MatchMapping(m) => {
                let mut seen: HashSet<String> = HashSet::new();
                for k in &m.keys {
                    if let Some(r) = key_repr(k) {
                        if !seen.insert(r.clone()) {
                            return Err(self.err_at(
                                CompileError::syntax(format!(
                                    "mapping pattern checks duplicate key ({r})"
                                )),
                                p,
                            ));
                        }
                    }
                }
                for sub in &m.patterns {
                    self.check_pattern(sub, true, names)?;
                }
                if let Some(r) = &m.rest {
                    self.bind_pattern_name(r, p, names)?;
                }
            }
            P::MatchClass(c) => {
                let mut seen = HashSet::new();
                for (i, a) in c.kwd_attrs.iter().enumerate() {
                    if !seen.insert(a.as_str()) {
                        return Err(self.err_at(
                            CompileError::syntax(format!(
                                "attribute name repeated in class pattern: {a}"
                            )),
                            &c.kwd_patterns[i],
                        ));
                    }
                }
                for sub in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.check_pattern(sub, true, names)?;
                }
            }
            P::MatchOr(o) => {
                let n = o.patterns.len();
                let mut first: Option<Names> = None;
                for (i, alt) in o.patterns.iter().enumerate() {
                    let mut alt_names = Names::new();
                    self.check_pattern(alt, allow_irrefutable && i + 1 == n, &mut alt_names)?;
                    match &first {
                        None => first = Some(alt_names),
                        Some(f) if *f != alt_names => {
                            return Err(self.err_at(
                                CompileError::syntax(
                                    "alternative patterns bind different names".into(),
                                ),
                                alt,
                            ));
                        }
                        Some(_) => {}
                    }
                }
                for name in first.unwrap_or_default() {
                    self.bind_pattern_name(&name, p, names)?;
                }
            }
        }
        Ok(())
    }
}

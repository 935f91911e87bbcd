//! Expressions: operators, calls, literals, comprehensions, lambdas, f-strings.

use super::{AsyncOp, CResult, Compiler, Label};
use crate::code::Constant;
use crate::error::CompileError;
use crate::opcodes::{CmpOp, Op};
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Expr, Ranged};
use std::rc::Rc;

/// A literal as a constant, if the whole expression is one.
pub(crate) fn constant_of(e: &Expr) -> Option<Constant> {
    match e {
        Expr::Constant(c) => Some(convert_constant(&c.value)),
        Expr::UnaryOp(u) => super::fold::fold_unary(u.op, constant_of(&u.operand)?),
        Expr::BinOp(b) if b.op == ast::Operator::Add => fold_add_chain(b),
        Expr::BinOp(b) => {
            super::fold::fold_binary(b.op, constant_of(&b.left)?, constant_of(&b.right)?)
        }
        Expr::Tuple(t) if !t.elts.is_empty() => {
            let items: Option<Vec<Constant>> = t.elts.iter().map(constant_of).collect();
            items.map(|v| Constant::Tuple(v.into()))
        }
        _ => None,
    }
}

/// `a + b + c + ...` (a left-nested chain of `+`) as a constant: folded left to right
/// as [`super::fold::fold_binary`] would fold each `+`, but without recursing down the
/// chain and with strings, bytes and tuples concatenated in one buffer, so a long
/// chain costs time linear in its result (pairwise folding copied every prefix again).
fn fold_add_chain(top: &ast::ExprBinOp) -> Option<Constant> {
    let mut rights = vec![&*top.right];
    let mut left = &*top.left;
    while let Expr::BinOp(b) = left {
        if b.op != ast::Operator::Add {
            break;
        }
        rights.push(&b.right);
        left = &b.left;
    }
    enum Acc {
        Const(Constant),
        Str(String),
        Bytes(Vec<u8>),
        Tuple(Vec<Constant>),
    }
    impl Acc {
        fn done(self) -> Constant {
            match self {
                Acc::Const(c) => c,
                Acc::Str(s) => Constant::Str(s.into()),
                Acc::Bytes(b) => Constant::Bytes(b.into()),
                Acc::Tuple(t) => Constant::Tuple(t.into()),
            }
        }
    }
    let mut acc = Acc::Const(constant_of(left)?);
    for r in rights.into_iter().rev() {
        let r = constant_of(r)?;
        acc = match (acc, r) {
            (Acc::Str(mut a), Constant::Str(b)) => {
                a.push_str(&b);
                Acc::Str(a)
            }
            (Acc::Const(Constant::Str(a)), Constant::Str(b)) => Acc::Str(format!("{a}{b}")),
            (Acc::Bytes(mut a), Constant::Bytes(b)) => {
                a.extend_from_slice(&b);
                Acc::Bytes(a)
            }
            (Acc::Const(Constant::Bytes(a)), Constant::Bytes(b)) => {
                Acc::Bytes([&a[..], &b[..]].concat())
            }
            (Acc::Tuple(mut a), Constant::Tuple(b)) => {
                a.extend(b.iter().cloned());
                Acc::Tuple(a)
            }
            (Acc::Const(Constant::Tuple(a)), Constant::Tuple(b)) => {
                Acc::Tuple(a.iter().chain(b.iter()).cloned().collect())
            }
            (a, b) => Acc::Const(super::fold::fold_binary(ast::Operator::Add, a.done(), b)?),
        };
    }
    Some(acc.done())
}

pub(crate) fn convert_constant(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(s.as_str().into()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.as_slice().into()),
        ast::Constant::Int(i) => match i.to_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(Box::new(i.clone())),
        },
        ast::Constant::Tuple(t) => Constant::Tuple(t.iter().map(convert_constant).collect()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex(*real, *imag),
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

fn cmpop(op: &ast::CmpOp) -> (Op, u32) {
    use ast::CmpOp as C;
    match op {
        C::Eq => (Op::CompareOp, CmpOp::Eq as u32),
        C::NotEq => (Op::CompareOp, CmpOp::Ne as u32),
        C::Lt => (Op::CompareOp, CmpOp::Lt as u32),
        C::LtE => (Op::CompareOp, CmpOp::Le as u32),
        C::Gt => (Op::CompareOp, CmpOp::Gt as u32),
        C::GtE => (Op::CompareOp, CmpOp::Ge as u32),
        C::Is => (Op::IsOp, 0),
        C::IsNot => (Op::IsOp, 1),
        C::In => (Op::ContainsOp, 0),
        C::NotIn => (Op::ContainsOp, 1),
    }
}

impl<'a> Compiler<'a> {
    /// Compile an expression; its instructions carry its source position.
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.push_loc(e);
        let r = self.expr_here(e);
        self.unit().loc = saved;
        r
    }

    fn expr_here(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = constant_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::Constant(_) => unreachable!("constants handled above"),
            Expr::Name(n) => self.name_op(&n.id, n.ctx)?,
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = match b.op {
                    ast::BoolOp::And => Op::JumpIfFalseOrPop,
                    ast::BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        self.emit_jump(op, end);
                    }
                }
                self.place(end);
            }
            Expr::NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.assign_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp, Self::binop(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::UAdd => Op::UnaryPositive,
                    ast::UnaryOp::USub => Op::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::IfExp(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Op::Jump, end);
                self.place(orelse);
                self.expr(&i.orelse)?;
                self.place(end);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.add_name(&a.attr);
                self.match_attr_start(a);
                self.emit(Op::LoadAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Slice(s) => {
                // A bare slice outside a subscript cannot be written, but keep it total.
                self.slice(s)?;
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Tuple(t) => {
                if self.starred_sequence(&t.elts, Op::BuildList, Op::ListExtend, Op::ListAppend)? {
                    self.emit(Op::ListToTuple, 0);
                } else {
                    self.emit(Op::BuildTuple, t.elts.len() as u32);
                }
            }
            Expr::List(l) => {
                if !self.starred_sequence(&l.elts, Op::BuildList, Op::ListExtend, Op::ListAppend)? {
                    self.emit(Op::BuildList, l.elts.len() as u32);
                }
            }
            Expr::Set(s) if s.elts.len() > 2 && super::fold::const_elements(&s.elts).is_some() => {
                // As CPython: an empty set updated from a frozenset constant.
                let items = super::fold::const_elements(&s.elts).unwrap_or_default();
                self.emit(Op::BuildSet, 0);
                self.load_const(Constant::FrozenSet(items.into()));
                self.emit(Op::SetUpdate, 1);
            }
            Expr::Set(s) => {
                if !self.starred_sequence(&s.elts, Op::BuildSet, Op::SetUpdate, Op::SetAdd)? {
                    self.emit(Op::BuildSet, s.elts.len() as u32);
                }
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::JoinedStr(j) => self.joined_str(j)?,
            Expr::FormattedValue(f) => {
                self.formatted_value(f)?;
            }
            Expr::Lambda(l) => {
                let scope = self.st.scope_of(l);
                let fl = self.function_like(scope, "<lambda>".into(), &l.args)?;
                self.expr(&l.body)?;
                self.emit(Op::ReturnValue, 0);
                let code = self.pop_unit()?;
                self.make_function(code, fl)?;
            }
            Expr::ListComp(c) => {
                self.comprehension(c, "<listcomp>", &c.generators, CompKind::List(&c.elt))?
            }
            Expr::SetComp(c) => {
                self.comprehension(c, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?
            }
            Expr::DictComp(c) => self.comprehension(
                c,
                "<dictcomp>",
                &c.generators,
                CompKind::Dict(&c.key, &c.value),
            )?,
            Expr::GeneratorExp(c) => {
                self.comprehension(c, "<genexpr>", &c.generators, CompKind::Gen(&c.elt))?
            }
            Expr::Yield(y) => {
                self.check_in_function("'yield' outside function", e)?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield()?;
            }
            Expr::YieldFrom(y) => {
                self.check_in_function("'yield from' outside function", e)?;
                if self.in_async_def() {
                    return Err(self.err_at(
                        CompileError::syntax("'yield from' inside async function".into()),
                        e,
                    ));
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.emit(Op::YieldFrom, 0);
            }
            Expr::Await(a) => {
                use crate::symtable::ScopeKind;
                match self.unit_ref().kind {
                    ScopeKind::Function if self.in_async_def() => {}
                    ScopeKind::Comprehension => {}
                    ScopeKind::Function => {
                        return Err(self.err_at(
                            CompileError::syntax("'await' outside async function".into()),
                            e,
                        ))
                    }
                    ScopeKind::Module | ScopeKind::Class => {
                        return Err(
                            self.err_at(CompileError::syntax("'await' outside function".into()), e)
                        )
                    }
                }
                self.require_async("await", e)?;
                self.expr(&a.value)?;
                self.emit_await(0)?;
            }
            Expr::Starred(_) => {
                return Err(self.err_at(
                    CompileError::syntax("can't use starred expression here".into()),
                    e,
                ))
            }
        }
        Ok(())
    }

    fn check_in_function(&self, msg: &str, e: &Expr) -> CResult {
        use crate::symtable::ScopeKind;
        if matches!(
            self.unit_ref().kind,
            ScopeKind::Function | ScopeKind::Comprehension
        ) {
            Ok(())
        } else {
            Err(self.err_at(CompileError::syntax(msg.into()), e))
        }
    }

    pub fn subscript_index(&mut self, index: &'a Expr) -> CResult {
        match index {
            Expr::Slice(s) => self.slice(s),
            _ => self.expr(index),
        }
    }

    fn slice(&mut self, s: &'a ast::ExprSlice) -> CResult {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(v) => self.expr(v)?,
                None => self.load_const(Constant::None),
            }
        }
        if let Some(step) = &s.step {
            self.expr(step)?;
            self.emit(Op::BuildSlice, 3);
        } else {
            self.emit(Op::BuildSlice, 2);
        }
        Ok(())
    }

    /// An iterable operand: a constant list or set becomes a constant tuple or
    /// frozenset, as CPython's optimizer does for `for`, comprehensions and `in`.
    pub fn iter_expr(&mut self, e: &'a Expr) -> CResult {
        match super::fold::iter_constant(e) {
            Some(c) => {
                self.load_const(c);
                Ok(())
            }
            None => self.expr(e),
        }
    }

    /// The right operand of a comparison: the last one of `in` / `not in` is an iterable.
    fn comparator(&mut self, c: &'a ast::ExprCompare, i: usize) -> CResult {
        let last = i + 1 == c.ops.len();
        if last && matches!(c.ops[i], ast::CmpOp::In | ast::CmpOp::NotIn) {
            self.iter_expr(&c.comparators[i])
        } else {
            self.expr(&c.comparators[i])
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        if c.ops.len() == 1 {
            self.comparator(c, 0)?;
            let (op, arg) = cmpop(&c.ops[0]);
            self.emit(op, arg);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        let n = c.ops.len();
        for (i, op) in c.ops.iter().enumerate() {
            self.comparator(c, i)?;
            let (op, arg) = cmpop(op);
            if i + 1 < n {
                self.emit(Op::Swap, 2);
                self.emit(Op::Copy, 2);
                self.emit(op, arg);
                self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(op, arg);
            }
        }
        self.emit_jump(Op::Jump, end);
        self.place(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.place(end);
        Ok(())
    }

    /// Jump to `target` when `e` is truthy (`when` = true) or falsy (false).
    pub fn jump_if(&mut self, e: &'a Expr, when: bool, target: Label) -> CResult {
        match e {
            Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                return self.jump_if(&u.operand, !when, target)
            }
            Expr::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                if is_and != when {
                    // `a and b` jumping when false (or `a or b` when true): any operand decides.
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, rest) = b.values.split_last().expect("operands");
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.place(skip);
                }
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() == 1 => {
                if let (ast::CmpOp::Is | ast::CmpOp::IsNot, Expr::Constant(k)) =
                    (&c.ops[0], &c.comparators[0])
                {
                    if matches!(k.value, ast::Constant::None) {
                        self.expr(&c.left)?;
                        let is = matches!(c.ops[0], ast::CmpOp::Is);
                        let op = if is == when {
                            Op::PopJumpIfNone
                        } else {
                            Op::PopJumpIfNotNone
                        };
                        self.emit_jump(op, target);
                        return Ok(());
                    }
                }
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if when {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.emit_jump(op, target);
        Ok(())
    }

    /// Build a sequence with starred items; returns false (emitting nothing but the
    /// items) when there are none, so the caller emits a plain BUILD_*.
    fn starred_sequence(
        &mut self,
        elts: &'a [Expr],
        build: Op,
        extend: Op,
        add: Op,
    ) -> CResult<bool> {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for e in elts {
                self.expr(e)?;
            }
            return Ok(false);
        }
        self.emit(build, 0);
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(e)?;
                    self.emit(add, 1);
                }
            }
        }
        Ok(true)
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        if d.keys.iter().all(|k| k.is_some()) {
            for (k, v) in d.keys.iter().zip(&d.values) {
                self.expr(k.as_ref().expect("key"))?;
                self.expr(v)?;
            }
            self.emit(Op::BuildMap, d.keys.len() as u32);
            return Ok(());
        }
        self.emit(Op::BuildMap, 0);
        for (k, v) in d.keys.iter().zip(&d.values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd, 1);
                }
                None => {
                    self.expr(v)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        self.check_call_args(&c.args, &c.keywords)?;
        let has_star = c.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none());
        if has_star {
            self.expr(&c.func)?;
            // Positional arguments as one tuple: `f(*x)` passes x itself (as CPython,
            // so a non-iterable is reported against the callee).
            if let [Expr::Starred(s)] = &c.args[..] {
                self.expr(&s.value)?;
            } else {
                self.star_args_list(&c.args)?;
            }
            if c.keywords.is_empty() {
                self.emit(Op::CallEx, 0);
                return Ok(());
            }
            return self.star_kwargs(&c.keywords);
        }
        // obj.method(args) without keywords: LOAD_METHOD / CALL_METHOD.
        if let Expr::Attribute(a) = &*c.func {
            if c.keywords.is_empty() {
                self.expr(&a.value)?;
                let n = self.add_name(&a.attr);
                // As CPython 3.11: the method lookup is at the attribute, the call
                // at the whole call (both starting at the name on a later line).
                let call_loc = self.push_loc(a);
                self.match_attr_start(a);
                self.emit(Op::LoadMethod, n);
                self.unit().loc = call_loc;
                for arg in &c.args {
                    self.expr(arg)?;
                }
                self.match_attr_start(a);
                self.emit(Op::CallMethod, c.args.len() as u32);
                self.unit().loc = call_loc;
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        for a in &c.args {
            self.expr(a)?;
        }
        if c.keywords.is_empty() {
            self.emit(Op::Call, c.args.len() as u32);
            return Ok(());
        }
        let mut names = vec![];
        let mut seen = std::collections::HashSet::new();
        for k in &c.keywords {
            let name = k.arg.as_ref().expect("checked above");
            if !seen.insert(name.as_str()) {
                return Err(self.err_at(
                    CompileError::syntax(format!("keyword argument repeated: {name}")),
                    &k.value,
                ));
            }
            self.expr(&k.value)?;
            names.push(Constant::Str(name.as_str().into()));
        }
        let total = (c.args.len() + names.len()) as u32;
        self.load_const(Constant::Tuple(names.into()));
        self.emit(Op::CallKw, total);
        Ok(())
    }

    /// The positional arguments of a call with `*` as one tuple.
    fn star_args_list(&mut self, args: &'a [Expr]) -> CResult {
        self.emit(Op::BuildList, 0);
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        Ok(())
    }

    /// The keyword arguments of a call with `*` or `**` as one dict, then the call.
    fn star_kwargs(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        self.emit(Op::BuildMap, 0);
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.as_str().into()));
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap, 1);
                    self.emit(Op::DictMerge, 1);
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.emit(Op::CallEx, 1);
        Ok(())
    }

    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> CResult {
        let mut n = 0;
        for v in &j.values {
            match v {
                Expr::Constant(c) => {
                    self.load_const(convert_constant(&c.value));
                }
                Expr::FormattedValue(f) => self.formatted_value(f)?,
                other => {
                    self.expr(other)?;
                    self.emit(Op::FormatValue, 0);
                }
            }
            n += 1;
        }
        match n {
            0 => self.load_const(Constant::Str("".into())),
            1 => {}
            _ => self.emit(Op::BuildString, n),
        }
        Ok(())
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult {
        self.expr(&f.value)?;
        let conv = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        let mut flags = conv;
        if let Some(spec) = &f.format_spec {
            match &**spec {
                Expr::JoinedStr(j) => self.joined_str(j)?,
                other => self.expr(other)?,
            }
            flags |= 4;
        }
        self.emit(Op::FormatValue, flags);
        Ok(())
    }

    fn comprehension<T: Ranged>(
        &mut self,
        node: &'a T,
        name: &str,
        generators: &'a [ast::Comprehension],
        kind: CompKind<'a>,
    ) -> CResult {
        let scope = self.st.scope_of(node);
        // With `async for` or `await` inside, a comprehension is a coroutine (a
        // generator expression: an async generator), and a list, set or dict one is
        // awaited where it is built: only in an async function or comprehension.
        let is_async = self.st.scopes[scope].is_coroutine;
        let is_gen = matches!(kind, CompKind::Gen(_));
        if is_async {
            use crate::symtable::ScopeKind;
            if !is_gen && !self.in_async_def() && self.unit_ref().kind != ScopeKind::Comprehension {
                return Err(self.err_at(
                    CompileError::syntax(
                        "asynchronous comprehension outside of an asynchronous function".into(),
                    ),
                    node,
                ));
            }
            self.require_async("async comprehensions", node)?;
        }
        let qualname = self.qualname_for(name);
        let line = self.unit_ref().line;
        self.push_unit(scope, name.into(), qualname, line);
        self.unit().argcount = 1;
        match kind {
            CompKind::List(_) => self.emit(Op::BuildList, 0),
            CompKind::Set(_) => self.emit(Op::BuildSet, 0),
            CompKind::Dict(..) => self.emit(Op::BuildMap, 0),
            CompKind::Gen(_) => {}
        }
        self.comp_loop(generators, &kind)?;
        if is_gen {
            self.load_const(Constant::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit()?;
        self.make_function(code, 0)?;
        // (CPython folds a constant list or set iterable here, `async for` or not.)
        self.iter_expr(&generators[0].iter)?;
        if generators[0].is_async {
            self.emit_async(AsyncOp::GetAiter, 0)?;
        } else {
            self.emit(Op::GetIter, 0);
        }
        self.emit(Op::Call, 1);
        if is_async && !is_gen {
            self.emit_await(0)?;
        }
        Ok(())
    }

    /// The loops of a comprehension, one per `for` clause, innermost last (emitted
    /// without recursion: a comprehension may have any number of clauses).
    ///
    /// An `async for` clause gets the next item as the `async for` statement does:
    /// GET_ANEXT and its await under a handler (END_ASYNC_FOR, at the loop's exit)
    /// that ends the loop on StopAsyncIteration.
    fn comp_loop(&mut self, gens: &'a [ast::Comprehension], kind: &CompKind<'a>) -> CResult {
        let mut loops = Vec::with_capacity(gens.len());
        // Below the iterators: the collection being built (none for a generator).
        let base = u32::from(!matches!(kind, CompKind::Gen(_)));
        for (i, g) in gens.iter().enumerate() {
            let head = self.new_label();
            let exit = self.new_label();
            if i == 0 {
                self.emit(Op::LoadFast, 0);
            } else {
                self.iter_expr(&g.iter)?;
                if g.is_async {
                    self.emit_async(AsyncOp::GetAiter, 0)?;
                } else {
                    self.emit(Op::GetIter, 0);
                }
            }
            self.place(head);
            if g.is_async {
                self.push_handler_at(exit, base + i as u32 + 1);
                self.emit_async(AsyncOp::GetAnext, 0)?;
                self.emit_await(0)?;
                self.pop_handler();
            } else {
                self.emit_jump(Op::ForIter, exit);
            }
            self.assign_target(&g.target)?;
            for cond in &g.ifs {
                self.jump_if(cond, false, head)?;
            }
            loops.push((head, exit, g.is_async));
        }
        let depth = gens.len() as u32 + 1;
        match kind {
            CompKind::List(e) => {
                self.expr(e)?;
                self.emit(Op::ListAppend, depth);
            }
            CompKind::Set(e) => {
                self.expr(e)?;
                self.emit(Op::SetAdd, depth);
            }
            CompKind::Dict(k, v) => {
                self.expr(k)?;
                self.expr(v)?;
                self.emit(Op::MapAdd, depth);
            }
            CompKind::Gen(e) => {
                self.expr(e)?;
                self.emit_yield()?;
                self.emit(Op::PopTop, 0);
            }
        }
        for (head, exit, is_async) in loops.into_iter().rev() {
            self.emit_jump(Op::Jump, head);
            self.place(exit);
            if is_async {
                self.emit_async(AsyncOp::EndAsyncFor, 0)?;
            }
        }
        Ok(())
    }
}

pub(crate) enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

#[allow(dead_code)]
fn _unused(_: Rc<str>) {}

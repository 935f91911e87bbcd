//! Statements: assignments, control flow, exception handling, definitions, imports.

use super::{CResult, Compiler, FBlock};
use crate::code::{flags, Constant};
use crate::error::CompileError;
use crate::opcodes::{BinOp, Op};
use crate::symtable::ScopeKind;
use rustpython_parser::ast::{self, Expr, Ranged, Stmt};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_line(s);
        let r = s.range();
        self.cur_stmt = (r.start().to_u32(), r.end().to_u32());
        match s {
            Stmt::Expr(e) => {
                if let Expr::Constant(_) = &*e.value {
                    if !self.interactive || self.units.len() > 1 {
                        self.emit(Op::Nop, 0);
                        return Ok(());
                    }
                }
                self.expr(&e.value)?;
                if self.interactive && self.units.len() == 1 {
                    self.emit(Op::PrintExpr, 0);
                } else {
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::Pass(_) => self.emit(Op::Nop, 0),
            Stmt::Assign(a) => {
                self.check_assign_targets(&a.targets)?;
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::Copy, 1);
                    }
                    self.assign_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.check_delete_target(t)?;
                    self.delete_target(t)?;
                }
            }
            Stmt::If(i) => {
                // An `elif` chain is an `if` nested in the `else` of the previous one:
                // compiled in a loop (as the nested statements would be), not by
                // recursion, however long the chain.
                let end = self.new_label();
                let mut cur = i;
                loop {
                    let orelse = self.new_label();
                    self.jump_if(&cur.test, false, orelse)?;
                    self.stmts(&cur.body)?;
                    if !cur.orelse.is_empty() {
                        self.emit_jump(Op::Jump, end);
                    }
                    self.place(orelse);
                    match &cur.orelse[..] {
                        [elif @ Stmt::If(next)] => {
                            self.set_line(elif);
                            let r = elif.range();
                            self.cur_stmt = (r.start().to_u32(), r.end().to_u32());
                            cur = next;
                        }
                        _ => {
                            self.stmts(&cur.orelse)?;
                            break;
                        }
                    }
                }
                self.place(end);
            }
            Stmt::While(w) => {
                let head = self.new_label();
                let orelse = self.new_label();
                let exit = self.new_label();
                self.place(head);
                self.jump_if(&w.test, false, orelse)?;
                self.push_fblock(FBlock::While { head, exit }, s)?;
                self.stmts(&w.body)?;
                self.unit().fblocks.pop();
                self.set_line(&*w.test);
                self.emit_jump(Op::Jump, head);
                self.place(orelse);
                self.stmts(&w.orelse)?;
                self.place(exit);
            }
            Stmt::For(f) => {
                let head = self.new_label();
                let orelse = self.new_label();
                let exit = self.new_label();
                self.iter_expr(&f.iter)?;
                self.emit(Op::GetIter, 0);
                self.place(head);
                self.set_line(s);
                self.emit_jump(Op::ForIter, orelse);
                self.unit().depth += 1;
                self.assign_target(&f.target)?;
                self.push_fblock(FBlock::For { head, exit }, s)?;
                self.stmts(&f.body)?;
                self.unit().fblocks.pop();
                self.unit().depth -= 1;
                self.set_line(s);
                self.emit_jump(Op::Jump, head);
                self.place(orelse);
                self.stmts(&f.orelse)?;
                self.place(exit);
            }
            Stmt::Break(_) => self.break_continue(true, s)?,
            Stmt::Continue(_) => self.break_continue(false, s)?,
            Stmt::Return(r) => {
                if !matches!(self.unit_ref().kind, ScopeKind::Function) {
                    return Err(
                        self.err_at(CompileError::syntax("'return' outside function".into()), s)
                    );
                }
                let sc = self.scope();
                if r.value.is_some() && sc.is_coroutine && sc.is_generator {
                    return Err(self.err_at(
                        CompileError::syntax("'return' with value in async generator".into()),
                        s,
                    ));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.unwind_to(0, true, &mut |c: &mut Self| {
                    c.set_line(s);
                    c.emit(Op::ReturnValue, 0);
                })?;
            }
            Stmt::FunctionDef(f) => self.function_def(
                s,
                self.st.scope_of(f),
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                &f.type_params,
            )?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                // CPython reports a failed assert where its test's jump left the
                // position: at the last comparison the test branches on, else at
                // the statement (no `^^^` under a whole-line statement).
                if let Some(c) = last_compare(&a.test) {
                    self.push_loc(c);
                }
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.place(end);
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(&t.body, &t.handlers, &t.orelse, s)?;
                } else {
                    self.try_finally(t, s)?;
                }
            }
            Stmt::With(w) => self.with(&w.items, &w.body, s, false)?,
            Stmt::AsyncWith(w) => {
                if !self.in_async_def() {
                    return Err(self.err_at(
                        CompileError::syntax("'async with' outside async function".into()),
                        s,
                    ));
                }
                self.require_async("async with", s)?;
                self.with(&w.items, &w.body, s, true)?
            }
            Stmt::AsyncFor(f) => self.async_for(f, s)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Import(i) => {
                for a in &i.names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let n = self.add_name(&a.name);
                    self.emit(Op::ImportName, n);
                    match &a.asname {
                        Some(alias) => {
                            for part in a.name.split('.').skip(1) {
                                let n = self.add_name_unmangled(part);
                                self.emit(Op::LoadAttr, n);
                            }
                            self.store_name(alias)?;
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            self.store_name(top)?;
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                if crate::future::is_future_import(s)
                    && self.line_of(r.start().to_u32()) > self.opts.future.last_line
                {
                    return Err(self.err_at(
                        CompileError::syntax(
                            "from __future__ imports must occur at the beginning of the file"
                                .into(),
                        ),
                        s,
                    ));
                }
                let level = i.level.map(|l| l.to_u32()).unwrap_or(0);
                self.load_const(Constant::Int(level as i64));
                let names: Vec<Constant> = i
                    .names
                    .iter()
                    .map(|a| Constant::Str(a.name.as_str().into()))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                let n = self.add_name(module);
                self.emit(Op::ImportName, n);
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Op::ImportStar, 0);
                } else {
                    for a in &i.names {
                        let n = self.add_name(&a.name);
                        self.emit(Op::ImportFrom, n);
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name))?;
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::AsyncFunctionDef(f) => {
                self.require_async("async functions", s)?;
                self.function_def(
                    s,
                    self.st.scope_of(f),
                    &f.name,
                    &f.args,
                    &f.body,
                    &f.decorator_list,
                    f.returns.as_deref(),
                    &f.type_params,
                )?
            }
            Stmt::TryStar(_) => return Err(self.unsupported("except* (exception groups)", s)),
            Stmt::TypeAlias(_) => return Err(self.unsupported("type aliases", s)),
        }
        Ok(())
    }

    pub fn assign_target(&mut self, t: &'a Expr) -> CResult {
        let saved = self.push_loc(t);
        let r = self.assign_target_here(t);
        self.unit().loc = saved;
        r
    }

    fn assign_target_here(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.store_name(&n.id)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.add_name(&a.attr);
                self.emit(Op::StoreAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    None => self.emit(Op::UnpackSequence, elts.len() as u32),
                    Some(i) => {
                        if elts
                            .iter()
                            .filter(|e| matches!(e, Expr::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(self.err_at(
                                CompileError::syntax(
                                    "multiple starred expressions in assignment".into(),
                                ),
                                t,
                            ));
                        }
                        let after = elts.len() - i - 1;
                        self.emit(Op::UnpackEx, (i as u32) | ((after as u32) << 8));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.assign_target(&s.value)?,
                        _ => self.assign_target(e)?,
                    }
                }
            }
            Expr::Starred(_) => {
                return Err(self.err_at(
                    CompileError::syntax(
                        "starred assignment target must be in a list or tuple".into(),
                    ),
                    t,
                ))
            }
            _ => return Err(self.invalid_assign_target(t)),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        let saved = self.push_loc(t);
        let r = self.delete_target_here(t);
        self.unit().loc = saved;
        r
    }

    fn delete_target_here(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.name_op(&n.id, ast::ExprContext::Del)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.add_name(&a.attr);
                self.emit(Op::DeleteAttr, n);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => {
                return Err(self.err_at(CompileError::syntax("cannot delete expression".into()), t))
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        self.check_aug_target(&a.target)?;
        let op = Self::binop(a.op).inplace() as u32;
        // As CPython: the target is read and written at its own position, the
        // operation is at the statement's.
        let target = self.loc_of(&*a.target);
        let stmt = self.unit_ref().loc;
        match &*a.target {
            Expr::Name(n) => {
                self.unit().loc = target;
                self.load_name(&n.id)?;
                self.unit().loc = stmt;
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.unit().loc = target;
                self.store_name(&n.id)?;
            }
            Expr::Attribute(at) => {
                self.unit().loc = target;
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                let n = self.add_name(&at.attr);
                self.match_attr_start(at);
                self.emit(Op::LoadAttr, n);
                self.unit().loc = stmt;
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.unit().loc = target;
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, n);
            }
            Expr::Subscript(s) => {
                self.unit().loc = target;
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.unit().loc = stmt;
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.unit().loc = target;
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            _ => {
                return Err(self.err_at(
                    CompileError::syntax(
                        "'expression' is an illegal expression for augmented assignment".into(),
                    ),
                    &*a.target,
                ))
            }
        }
        self.unit().loc = stmt;
        Ok(())
    }

    /// The value of an annotation: evaluated, or under `from __future__ import
    /// annotations` (PEP 563) the string CPython makes of it.
    pub fn annotation(&mut self, e: &'a Expr) -> CResult {
        if self.opts.future.annotations {
            self.load_const(Constant::Str(crate::unparse::unparse(e).into()));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// `target: annotation [= value]`, as CPython 3.11: the value is assigned first;
    /// a simple name's annotation goes to `__annotations__` in a module or class body
    /// (in a function it is never evaluated); an attribute or subscript target without
    /// a value has its object (and index) evaluated; other annotations are evaluated
    /// and dropped, in a module or class body and without PEP 563.
    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        self.check_ann_target(&a.target)?;
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.assign_target(&a.target)?;
        }
        let in_body = self.unit_ref().kind != ScopeKind::Function;
        let simple = crate::symtable::ann_simple(a);
        match &*a.target {
            Expr::Name(n) if simple && in_body => {
                self.annotation(&a.annotation)?;
                let ann = self.add_name("__annotations__");
                self.emit(Op::LoadName, ann);
                let key = self.mangle(&n.id).into_owned();
                self.load_const(Constant::Str(key.into()));
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Attribute(t) if a.value.is_none() => {
                self.expr(&t.value)?;
                self.emit(Op::PopTop, 0);
            }
            Expr::Subscript(t) if a.value.is_none() => {
                self.expr(&t.value)?;
                self.emit(Op::PopTop, 0);
                self.ann_subscript_check(&t.slice)?;
            }
            _ => {}
        }
        if !simple && in_body && !self.opts.future.annotations {
            self.expr(&a.annotation)?;
            self.emit(Op::PopTop, 0);
        }
        Ok(())
    }

    /// The index of an annotated subscript target without a value: each part is
    /// evaluated and dropped (CPython's `check_ann_subscr`).
    fn ann_subscript_check(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            Expr::Tuple(t) => {
                for elt in &t.elts {
                    self.ann_subscript_check(elt)?;
                }
            }
            _ => {
                self.expr(e)?;
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, s: &'a Stmt) -> CResult {
        // Find the innermost loop.
        let loop_idx = self
            .unit_ref()
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }));
        let Some(li) = loop_idx else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.err_at(CompileError::syntax(msg.into()), s));
        };
        let block = self.unit_ref().fblocks[li].clone();
        let (pop_iter, target) = match block {
            FBlock::While { head, exit } => (false, if is_break { exit } else { head }),
            FBlock::For { head, exit } => (is_break, if is_break { exit } else { head }),
            _ => unreachable!("rposition found a loop"),
        };
        self.unwind_to(li + 1, false, &mut |c: &mut Self| {
            c.set_line(s);
            if pop_iter {
                c.emit(Op::PopTop, 0);
            }
            c.emit_jump(Op::Jump, target);
        })
    }

    /// Emit the code that leaves blocks `fblocks[down_to..]`, innermost first, then
    /// `leave` (the jump or return that leaves, still outside the handlers of the
    /// blocks left), then restore the block state for the code that follows.
    fn unwind_to(
        &mut self,
        down_to: usize,
        preserve_tos: bool,
        leave: &mut dyn FnMut(&mut Self),
    ) -> CResult {
        let saved_blocks = self.unit_ref().fblocks.clone();
        let saved_handlers = self.unit_ref().handlers.clone();
        let saved_depth = self.unit_ref().depth;
        if preserve_tos {
            self.unit().depth += 1;
        }
        let mut i = saved_blocks.len();
        while i > down_to {
            i -= 1;
            let block = saved_blocks[i].clone();
            self.unit().fblocks.truncate(i);
            match block {
                FBlock::While { .. } | FBlock::ExceptionHandler => {}
                FBlock::TryExcept { handlers } => self.unit().handlers.truncate(handlers),
                FBlock::For { .. } => {
                    if preserve_tos {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                    self.unit().depth -= 1;
                }
                FBlock::FinallyTry { body, handlers } => {
                    self.unit().handlers.truncate(handlers);
                    if preserve_tos {
                        let at = self.cur_stmt;
                        self.push_fblock_at(FBlock::PopValue, at)?;
                    }
                    self.stmts(body)?;
                    if preserve_tos {
                        self.unit().fblocks.pop();
                    }
                }
                FBlock::PopValue => {
                    if preserve_tos {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                    self.unit().depth -= 1;
                }
                FBlock::FinallyEnd { handlers } => {
                    self.unit().handlers.truncate(handlers);
                    // [prev, exc, (value)]
                    if preserve_tos {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopTop, 0);
                    if preserve_tos {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopExcept, 0);
                    self.unit().depth -= 2;
                }
                FBlock::With { handlers, is_async } => {
                    self.unit().handlers.truncate(handlers);
                    if preserve_tos {
                        self.emit(Op::Swap, 2);
                    }
                    self.load_const(Constant::None);
                    self.load_const(Constant::None);
                    self.load_const(Constant::None);
                    self.emit(Op::Call, 3);
                    if is_async {
                        self.emit_await(2)?;
                    }
                    self.emit(Op::PopTop, 0);
                    self.unit().depth -= 1;
                }
                FBlock::HandlerCleanup { name, handlers } => {
                    self.unit().handlers.truncate(handlers);
                    if preserve_tos {
                        self.emit(Op::Swap, 2);
                    }
                    self.emit(Op::PopExcept, 0);
                    self.unit().depth -= 1;
                    if let Some(n) = name {
                        self.load_const(Constant::None);
                        self.store_name(&n)?;
                        self.name_op(&n, ast::ExprContext::Del)?;
                    }
                }
            }
        }
        leave(self);
        let u = self.unit();
        u.fblocks = saved_blocks;
        u.handlers = saved_handlers;
        u.depth = saved_depth;
        Ok(())
    }

    /// `Swap 2; PopExcept; Reraise`: restore the handled exception and propagate.
    fn emit_cleanup_reraise(&mut self) {
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        s: &'a Stmt,
    ) -> CResult {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let else_label = self.new_label();
        let end = self.new_label();
        let nhandlers = self.unit_ref().handlers.len();
        self.push_handler(handler);
        self.push_fblock(
            FBlock::TryExcept {
                handlers: nhandlers,
            },
            s,
        )?;
        self.emit(Op::Nop, 0);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.emit_jump(Op::Jump, else_label);

        // Exception path: [exc]
        self.place(handler);
        self.emit(Op::PushExcInfo, 0); // [prev, exc]
        let base = self.unit_ref().depth;
        let outer_handlers = self.unit_ref().handlers.len();
        self.push_handler_at(cleanup, base + 1);
        self.push_fblock(FBlock::ExceptionHandler, s)?;
        for (hi, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Op::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            } else if hi + 1 != handlers.len() {
                return Err(self.err_at(
                    CompileError::syntax("default 'except:' must be last".into()),
                    h,
                ));
            }
            match &h.name {
                Some(name) => {
                    self.store_name(name)?;
                    let cleanup_name = self.new_label();
                    self.unit().depth += 1;
                    self.push_handler_at(cleanup_name, base + 1);
                    self.push_fblock(
                        FBlock::HandlerCleanup {
                            name: Some(name.to_string()),
                            handlers: outer_handlers,
                        },
                        h,
                    )?;
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_handler();
                    self.unit().depth -= 1;
                    // Leaving the clause: outside its cleanup handlers.
                    let saved = self.unit_ref().handlers.clone();
                    self.unit().handlers.truncate(outer_handlers);
                    self.emit(Op::PopExcept, 0);
                    self.load_const(Constant::None);
                    self.store_name(name)?;
                    self.name_op(name, ast::ExprContext::Del)?;
                    self.emit_jump(Op::Jump, end);
                    self.unit().handlers = saved;
                    // The handler body raised: clear the name, then clean up.
                    self.place(cleanup_name);
                    self.load_const(Constant::None);
                    self.store_name(name)?;
                    self.name_op(name, ast::ExprContext::Del)?;
                    self.emit(Op::Reraise, 0);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.unit().depth += 1;
                    self.push_fblock(
                        FBlock::HandlerCleanup {
                            name: None,
                            handlers: outer_handlers,
                        },
                        h,
                    )?;
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.unit().depth -= 1;
                    let saved = self.unit_ref().handlers.clone();
                    self.unit().handlers.truncate(outer_handlers);
                    self.emit(Op::PopExcept, 0);
                    self.emit_jump(Op::Jump, end);
                    self.unit().handlers = saved;
                }
            }
            self.place(next);
        }
        self.unit().fblocks.pop();
        // No clause matched: re-raise (the cleanup handler restores exc_info).
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.place(cleanup);
        self.emit_cleanup_reraise();
        self.place(else_label);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry, s: &'a Stmt) -> CResult {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let nhandlers = self.unit_ref().handlers.len();
        self.push_handler(handler);
        self.push_fblock(
            FBlock::FinallyTry {
                body: &t.finalbody,
                handlers: nhandlers,
            },
            s,
        )?;
        if t.handlers.is_empty() {
            self.emit(Op::Nop, 0);
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            // try/except/else nested inside try/finally.
            self.try_except(&t.body, &t.handlers, &t.orelse, s)?;
        }
        self.unit().fblocks.pop();
        self.pop_handler();
        self.stmts(&t.finalbody)?;
        self.emit_jump(Op::Jump, end);

        self.place(handler);
        self.emit(Op::PushExcInfo, 0); // [prev, exc]
        let base = self.unit_ref().depth;
        let outer_handlers = self.unit_ref().handlers.len();
        self.push_handler_at(cleanup, base + 1);
        self.unit().depth += 2;
        self.push_fblock(
            FBlock::FinallyEnd {
                handlers: outer_handlers,
            },
            s,
        )?;
        self.stmts(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.unit().depth -= 2;
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.place(cleanup);
        self.emit_cleanup_reraise();
        self.place(end);
        Ok(())
    }

    /// `with` (`async with`: entering and leaving are awaited), one item at a time.
    fn with(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        s: &'a Stmt,
        is_async: bool,
    ) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_line(s);
        if is_async {
            self.emit_async(super::AsyncOp::BeforeAsyncWith, 0)?; // [aexit, awaitable]
            self.emit_await(1)?;
        } else {
            self.emit(Op::BeforeWith, 0); // [exit, value]
        }
        self.unit().depth += 1;
        let nhandlers = self.unit_ref().handlers.len();
        self.push_handler(handler);
        match &item.optional_vars {
            Some(t) => self.assign_target(t)?,
            None => self.emit(Op::PopTop, 0),
        }
        self.push_fblock(
            FBlock::With {
                handlers: nhandlers,
                is_async,
            },
            s,
        )?;
        self.with(rest, body, s, is_async)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.set_line(s);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::Call, 3);
        if is_async {
            self.emit_await(2)?;
        }
        self.emit(Op::PopTop, 0);
        self.unit().depth -= 1;
        self.emit_jump(Op::Jump, end);

        // Exception path: [exit, exc]
        self.place(handler);
        self.emit(Op::PushExcInfo, 0); // [exit, prev, exc]
        let base = self.unit_ref().depth;
        self.push_handler_at(cleanup, base + 2);
        self.emit(Op::WithExceptStart, 0); // [exit, prev, exc, res]
        if is_async {
            self.emit_await(2)?;
        }
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.place(suppress);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, end);
        self.place(cleanup);
        self.emit_cleanup_reraise();
        self.place(end);
        Ok(())
    }

    /// Compile the arguments' defaults, kw-defaults and annotations; return the flags.
    fn function_prelude(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<u32> {
        self.check_bare_star(args)?;
        let mut fl = 0;
        let defaults: Vec<&Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, defaults.len() as u32);
            fl |= 1;
        }
        let kwdefaults: Vec<(&str, &Expr)> = args
            .kwonlyargs
            .iter()
            .filter_map(|a| a.default.as_deref().map(|d| (a.def.arg.as_str(), d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                let key = self.mangle(n).into_owned();
                self.load_const(Constant::Str(key.into()));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap, kwdefaults.len() as u32);
            fl |= 2;
        }
        // CPython's order: positional parameters, *args, keyword-only, **kwargs.
        let mut anns = 0;
        let params: Vec<&ast::Arg> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .map(|a| &a.def)
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref())
            .collect();
        for a in params {
            if let Some(an) = &a.annotation {
                let key = self.mangle(&a.arg).into_owned();
                self.load_const(Constant::Str(key.into()));
                self.annotation(an)?;
                anns += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.annotation(r)?;
            anns += 1;
        }
        if anns > 0 {
            self.emit(Op::BuildMap, anns);
            fl |= 4;
        }
        Ok(fl)
    }

    pub fn set_params(&mut self, args: &ast::Arguments) {
        let u = self.unit();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonly = args.posonlyargs.len() as u32;
        u.kwonly = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if args.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    /// `def` or `async def` (its scope is a coroutine).
    #[allow(clippy::too_many_arguments)]
    fn function_def(
        &mut self,
        node: &'a Stmt,
        scope: usize,
        name: &'a ast::Identifier,
        args: &'a ast::Arguments,
        body: &'a [Stmt],
        decorators: &'a [Expr],
        returns: Option<&'a Expr>,
        type_params: &'a [ast::TypeParam],
    ) -> CResult {
        self.check_type_params(type_params)?;
        for d in decorators {
            self.expr(d)?;
        }
        let fl = self.function_prelude(args, returns)?;
        let qualname = self.qualname_for(name);
        let line = self.unit_ref().line;
        self.push_unit(scope, name.as_str().into(), qualname, line);
        // A decorated function's code starts at its first decorator (co_firstlineno);
        // its instructions keep their own lines.
        if let Some(d) = decorators.first() {
            let l = self.line_of(d.range().start().to_u32());
            self.unit().first_line = l;
        }
        self.set_params(args);
        let body = self.docstring(body, true)?;
        self.stmts(body)?;
        if !self.ends_in_terminator() {
            self.load_const(Constant::None);
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.pop_unit()?;
        self.set_line(node);
        self.make_function(code, fl)?;
        for _ in decorators {
            self.emit(Op::Call, 1);
        }
        self.store_name(name)
    }

    /// `async for`: GET_ANEXT and its await run under a handler that ends the loop
    /// on StopAsyncIteration (END_ASYNC_FOR); the target and body run outside it.
    fn async_for(&mut self, f: &'a ast::StmtAsyncFor, s: &'a Stmt) -> CResult {
        if !self.in_async_def() {
            return Err(self.err_at(
                CompileError::syntax("'async for' outside async function".into()),
                s,
            ));
        }
        self.require_async("async for", s)?;
        let head = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        self.expr(&f.iter)?;
        self.emit_async(super::AsyncOp::GetAiter, 0)?;
        self.place(head);
        self.set_line(s);
        let depth = self.unit_ref().depth;
        self.push_handler_at(end, depth + 1);
        self.emit_async(super::AsyncOp::GetAnext, 0)?;
        self.emit_await(0)?;
        self.pop_handler();
        self.unit().depth += 1;
        self.assign_target(&f.target)?;
        self.push_fblock(FBlock::For { head, exit }, s)?;
        self.stmts(&f.body)?;
        self.unit().fblocks.pop();
        self.unit().depth -= 1;
        self.set_line(s);
        self.emit_jump(Op::Jump, head);
        self.place(end);
        self.emit_async(super::AsyncOp::EndAsyncFor, 0)?;
        self.stmts(&f.orelse)?;
        self.place(exit);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        self.check_type_params(&c.type_params)?;
        self.check_call_args(&c.bases, &c.keywords)?;
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        self.emit(Op::LoadBuildClass, 0);
        let scope = self.st.scope_of(c);
        let qualname = self.qualname_for(&c.name);
        let line = self.unit_ref().line;
        self.push_unit(scope, c.name.as_str().into(), qualname.clone(), line);
        self.unit().private = Some(c.name.as_str().into());
        self.unit().flags |= flags::NAME_LOCALS;
        let n = self.add_name("__name__");
        self.emit(Op::LoadName, n);
        let n = self.add_name("__module__");
        self.emit(Op::StoreName, n);
        self.load_const(Constant::Str(qualname));
        let n = self.add_name("__qualname__");
        self.emit(Op::StoreName, n);
        let body = self.docstring(&c.body, true)?;
        if let Some(doc) = self.unit_ref().doc.clone() {
            self.load_const(Constant::Str(doc));
            let n = self.add_name("__doc__");
            self.emit(Op::StoreName, n);
        }
        if self.st.scopes[scope].has_annotations {
            self.emit(Op::SetupAnnotations, 0);
        }
        self.stmts(body)?;
        if let Some(i) = self
            .unit_ref()
            .cellvars
            .iter()
            .position(|c| &**c == "__class__")
        {
            self.emit(Op::LoadClosure, i as u32);
            self.emit(Op::Copy, 1);
            let n = self.add_name("__classcell__");
            self.emit(Op::StoreName, n);
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit()?;
        self.set_line(c);
        self.make_function(code, 0)?;
        self.load_const(Constant::Str(c.name.as_str().into()));
        for b in &c.bases {
            if let Expr::Starred(_) = b {
                return Err(self.unsupported("starred base classes", b));
            }
            self.expr(b)?;
        }
        let nargs = 2 + c.bases.len() as u32;
        if c.keywords.is_empty() {
            self.emit(Op::Call, nargs);
        } else {
            let mut names = vec![];
            for k in &c.keywords {
                let Some(arg) = &k.arg else {
                    return Err(self.unsupported("** in class keywords", &k.value));
                };
                self.expr(&k.value)?;
                names.push(Constant::Str(arg.as_str().into()));
            }
            let n = names.len() as u32;
            self.load_const(Constant::Tuple(names.into()));
            self.emit(Op::CallKw, nargs + n);
        }
        for _ in &c.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.store_name(&c.name)
    }

    pub fn binop(op: ast::Operator) -> BinOp {
        use ast::Operator as O;
        match op {
            O::Add => BinOp::Add,
            O::Sub => BinOp::Sub,
            O::Mult => BinOp::Mul,
            O::MatMult => BinOp::MatMul,
            O::Div => BinOp::TrueDiv,
            O::Mod => BinOp::Mod,
            O::Pow => BinOp::Pow,
            O::LShift => BinOp::LShift,
            O::RShift => BinOp::RShift,
            O::BitOr => BinOp::Or,
            O::BitXor => BinOp::Xor,
            O::BitAnd => BinOp::And,
            O::FloorDiv => BinOp::FloorDiv,
        }
    }

    pub fn function_like(
        &mut self,
        node_scope: usize,
        name: Rc<str>,
        args: &'a ast::Arguments,
    ) -> CResult<u32> {
        let fl = self.function_prelude(args, None)?;
        let qualname = self.qualname_for(&name);
        let line = self.unit_ref().line;
        self.push_unit(node_scope, name, qualname, line);
        self.set_params(args);
        Ok(fl)
    }
}

/// The comparison whose position CPython 3.11's `compiler_jump_if` leaves set after
/// compiling an `assert`'s test: the last one reached through `not`, `and`/`or`
/// and conditional expressions (other expressions put the position back).
fn last_compare(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Compare(_) => Some(e),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => last_compare(&u.operand),
        Expr::BoolOp(b) => b.values.iter().rev().find_map(last_compare),
        Expr::IfExp(i) => [&*i.test, &*i.body, &*i.orelse]
            .into_iter()
            .rev()
            .find_map(last_compare),
        _ => None,
    }
}

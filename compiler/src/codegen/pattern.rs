//! `match` statements. A pattern consumes the subject on top of the stack; on failure
//! it jumps to the failure label with every value it pushed popped again.

use super::{CResult, Compiler, Label};
use crate::code::Constant;
use crate::error::CompileError;
use crate::opcodes::{CmpOp, Op};
use rustpython_parser::ast::{self, Pattern};

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.check_match(m)?;
        self.expr(&m.subject)?;
        let end = self.new_label();
        for case in &m.cases {
            let next = self.new_label();
            self.set_line(&case.pattern);
            self.emit(Op::Copy, 1);
            self.unit().depth += 1;
            self.pattern(&case.pattern, next)?;
            if let Some(g) = &case.guard {
                self.jump_if(g, false, next)?;
            }
            self.unit().depth -= 1;
            self.emit(Op::PopTop, 0);
            self.stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.place(next);
        }
        self.emit(Op::PopTop, 0);
        self.place(end);
        Ok(())
    }

    /// Pop `n` values, then jump to `fail`.
    fn fail_pop(&mut self, n: u32, fail: Label) -> Label {
        if n == 0 {
            return fail;
        }
        let l = self.new_label();
        let skip = self.new_label();
        self.emit_jump(Op::Jump, skip);
        self.place(l);
        for _ in 0..n {
            self.emit(Op::PopTop, 0);
        }
        self.emit_jump(Op::Jump, fail);
        self.place(skip);
        l
    }

    /// Labels `l[k]` (k = 0..=max) that pop `k` values and then jump to `fail` (`l[0]`
    /// is `fail` itself): one shared run of POP_TOPs, so that a pattern with n parts
    /// emits cleanup code linear in n.
    fn fail_pops(&mut self, max: u32, fail: Label) -> Vec<Label> {
        let mut labels = vec![fail];
        if max == 0 {
            return labels;
        }
        let pops: Vec<Label> = (0..max).map(|_| self.new_label()).collect();
        let skip = self.new_label();
        self.emit_jump(Op::Jump, skip);
        for k in (0..max as usize).rev() {
            self.place(pops[k]);
            self.emit(Op::PopTop, 0);
        }
        self.emit_jump(Op::Jump, fail);
        self.place(skip);
        labels.extend(pops);
        labels
    }

    fn pattern(&mut self, p: &'a Pattern, fail: Label) -> CResult {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.emit_jump(Op::PopJumpIfFalse, fail);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(super::expr::convert_constant(&s.value));
                self.emit(Op::IsOp, 0);
                self.emit_jump(Op::PopJumpIfFalse, fail);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Op::PopTop, 0),
                (None, Some(n)) => self.store_name(n)?,
                (Some(inner), name) => {
                    self.emit(Op::Copy, 1);
                    // The inner pattern consumes the copy; on failure pop the original.
                    let pop1 = self.fail_pop(1, fail);
                    self.pattern(inner, pop1)?;
                    match name {
                        Some(n) => self.store_name(n)?,
                        None => self.emit(Op::PopTop, 0),
                    }
                }
            },
            Pattern::MatchOr(o) => {
                let success = self.new_label();
                let pop1 = self.fail_pop(1, fail);
                for (i, alt) in o.patterns.iter().enumerate() {
                    let next = if i + 1 < o.patterns.len() {
                        self.new_label()
                    } else {
                        pop1
                    };
                    self.emit(Op::Copy, 1);
                    self.pattern(alt, next)?;
                    self.emit_jump(Op::Jump, success);
                    if i + 1 < o.patterns.len() {
                        self.place(next);
                    }
                }
                self.place(success);
                self.emit(Op::PopTop, 0);
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, fail)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, fail)?,
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                let names: Vec<Constant> = c
                    .kwd_attrs
                    .iter()
                    .map(|n| Constant::Str(n.as_str().into()))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                self.emit(Op::MatchClass, c.patterns.len() as u32);
                // [attrs or None]
                self.emit(Op::Copy, 1);
                let n = (c.patterns.len() + c.kwd_patterns.len()) as u32;
                let pops = self.fail_pops(n.saturating_sub(1).max(1), fail);
                self.emit_jump(Op::PopJumpIfNone, pops[1]);
                self.emit(Op::UnpackSequence, n);
                for (i, sub) in c.patterns.iter().chain(&c.kwd_patterns).enumerate() {
                    let remaining = n - 1 - i as u32;
                    self.pattern(sub, pops[remaining as usize])?;
                }
            }
            Pattern::MatchStar(_) => {
                return Err(self.err_at(
                    CompileError::syntax("can't use starred name here".into()),
                    p,
                ))
            }
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, pats: &'a [Pattern], fail: Label) -> CResult {
        let star = pats.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
        let n = pats.len() as u32;
        let pops = self.fail_pops(n.saturating_sub(1).max(1), fail);
        let pop1 = pops[1];
        self.emit(Op::MatchSequence, 0);
        self.emit_jump(Op::PopJumpIfFalse, pop1);
        self.emit(Op::GetLen, 0);
        match star {
            None => {
                self.load_const(Constant::Int(pats.len() as i64));
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
            }
            Some(_) => {
                self.load_const(Constant::Int(pats.len() as i64 - 1));
                self.emit(Op::CompareOp, CmpOp::Ge as u32);
            }
        }
        self.emit_jump(Op::PopJumpIfFalse, pop1);
        match star {
            None => self.emit(Op::UnpackSequence, n),
            Some(i) => {
                let after = pats.len() - i - 1;
                self.emit(Op::UnpackEx, (i as u32) | ((after as u32) << 8));
            }
        }
        for (i, sub) in pats.iter().enumerate() {
            let f = pops[(n - 1 - i as u32) as usize];
            match sub {
                Pattern::MatchStar(s) => match &s.name {
                    Some(name) => self.store_name(name)?,
                    None => self.emit(Op::PopTop, 0),
                },
                _ => self.pattern(sub, f)?,
            }
        }
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, fail: Label) -> CResult {
        let n = m.patterns.len() as u32;
        let pops = self.fail_pops((n + 1).max(3), fail);
        self.emit(Op::MatchMapping, 0);
        self.emit_jump(Op::PopJumpIfFalse, pops[1]);
        // [subj]
        let mut keys = vec![];
        for k in &m.keys {
            match super::expr::constant_of(k) {
                Some(c) => keys.push(c),
                None => return Err(self.unsupported("non-literal keys in mapping patterns", k)),
            }
        }
        self.load_const(Constant::Tuple(keys.into()));
        self.emit(Op::MatchKeys, 0); // [subj, keys, values|None]
        self.emit(Op::Copy, 1);
        self.emit_jump(Op::PopJumpIfNone, pops[3]);
        self.emit(Op::UnpackSequence, n); // [subj, keys, vn..v1]
        for (i, sub) in m.patterns.iter().enumerate() {
            let remaining = n - 1 - i as u32 + 2;
            self.pattern(sub, pops[remaining as usize])?;
        }
        // [subj, keys]
        match &m.rest {
            Some(rest) => {
                self.emit(Op::CopyDictWithoutKeys, 0); // [subj, rest]
                self.store_name(rest)?;
                self.emit(Op::PopTop, 0);
            }
            None => {
                self.emit(Op::PopTop, 0);
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }
}

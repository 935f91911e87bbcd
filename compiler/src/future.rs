//! `from __future__ import ...`: which features a module turns on, checked as CPython
//! 3.11's `Python/future.c` checks them.
//!
//! Future statements may only follow the module docstring and other future statements.
//! Every feature of 3.11 is accepted; all but `annotations` (PEP 563) are no-ops, as
//! they are in CPython. The statement still runs as an ordinary import of the
//! `__future__` module.

use crate::error::CompileError;
use rustpython_parser::ast::{self, Ranged, Stmt};

/// `co_flags` bit (and `compile()` flag) of `from __future__ import annotations`.
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;

/// The features in effect for one compilation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// PEP 563: annotations are stored as strings, never evaluated.
    pub annotations: bool,
    /// Line of the last future statement at the top of the module (0 if none): a
    /// `from __future__ import` on a later line is misplaced.
    pub last_line: u32,
}

/// The features of 3.11 that change nothing (they became the default long ago).
const NO_OPS: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
];

fn line_of(source: &str, offset: u32) -> u32 {
    let end = (offset as usize).min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// Whether `s` is `from __future__ import ...` (CPython looks at the module name only).
pub fn is_future_import(s: &Stmt) -> bool {
    matches!(s, Stmt::ImportFrom(f) if f.module.as_ref().is_some_and(|m| m.as_str() == "__future__"))
}

/// Read the future statements at the top of a module body (after an optional
/// docstring), starting from the features the caller already has (`compile()` flags).
pub fn parse(body: &[Stmt], source: &str, mut ff: Features) -> Result<Features, CompileError> {
    let skip = usize::from(matches!(
        body.first(),
        Some(Stmt::Expr(e)) if matches!(&*e.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
    ));
    let mut done = false;
    let mut prev_line = 0;
    for s in &body[skip..] {
        let start = s.range().start().to_u32();
        let line = line_of(source, start);
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match s {
            Stmt::ImportFrom(f) if is_future_import(s) => {
                if done {
                    // A future import after another statement on the same line
                    // (CPython reports it one column to the left).
                    return Err(CompileError::syntax(
                        "from __future__ imports must occur at the beginning of the file".into(),
                    )
                    .at(start.saturating_sub(1)));
                }
                for alias in &f.names {
                    match alias.name.as_str() {
                        "annotations" => ff.annotations = true,
                        n if NO_OPS.contains(&n) => {}
                        "braces" => {
                            return Err(CompileError::syntax("not a chance".into()).at(start))
                        }
                        "barry_as_FLUFL" => {
                            return Err(CompileError::unsupported(
                                "from __future__ import barry_as_FLUFL",
                            )
                            .at_range(start, s.range().end().to_u32()))
                        }
                        n => {
                            return Err(CompileError::syntax(format!(
                                "future feature {n} is not defined"
                            ))
                            .at(start))
                        }
                    }
                }
                ff.last_line = line;
            }
            _ => done = true,
        }
    }
    Ok(ff)
}

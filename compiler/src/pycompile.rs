//! Python's `compile(source, filename, mode, flags=0, dont_inherit=False,
//! optimize=-1)`, and the compiling half of `exec` and `eval` of a string, as CPython
//! 3.11 checks their arguments.
//!
//! The VM decodes the source (str, or bytes as UTF-8 / its coding cookie), finds the
//! calling code's flags and raises the errors; this module decides everything else.
//! Code compiled here always uses `LOAD_NAME`/`STORE_NAME` at module level
//! ([`crate::CompileFlags::name_locals`]), since `exec` and `eval` may run it with
//! separate globals and locals.

use crate::future::CO_FUTURE_ANNOTATIONS;
use crate::{CodeObject, CompileError, CompileFlags, CompileMode};
use std::rc::Rc;

/// `__future__` flags (`co_flags` bits and `compile()` flags), as CPython 3.11.
pub const CO_FUTURE_DIVISION: u32 = 0x2_0000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x4_0000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x8_0000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x10_0000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x20_0000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x80_0000;

/// Every `__future__` flag: what `compile()` inherits from the calling code's
/// `co_flags` unless `dont_inherit` (CPython's `PyCF_MASK`).
pub const PYCF_MASK: u32 = CO_FUTURE_DIVISION
    | CO_FUTURE_ABSOLUTE_IMPORT
    | CO_FUTURE_WITH_STATEMENT
    | CO_FUTURE_PRINT_FUNCTION
    | CO_FUTURE_UNICODE_LITERALS
    | CO_FUTURE_BARRY_AS_BDFL
    | CO_FUTURE_GENERATOR_STOP
    | CO_FUTURE_ANNOTATIONS;
/// Flags `compile()` accepts and ignores (`CO_NESTED`, `PyCF_MASK_OBSOLETE`).
pub const PYCF_MASK_OBSOLETE: u32 = 0x10;
pub const PYCF_SOURCE_IS_UTF8: u32 = 0x100;
pub const PYCF_DONT_IMPLY_DEDENT: u32 = 0x200;
pub const PYCF_ONLY_AST: u32 = 0x400;
pub const PYCF_IGNORE_COOKIE: u32 = 0x800;
pub const PYCF_TYPE_COMMENTS: u32 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
pub const PYCF_ALLOW_INCOMPLETE_INPUT: u32 = 0x4000;
/// The compile-only flags `compile()` accepts (`PyCF_COMPILE_MASK`).
pub const PYCF_COMPILE_MASK: u32 = PYCF_ONLY_AST
    | PYCF_ALLOW_TOP_LEVEL_AWAIT
    | PYCF_TYPE_COMMENTS
    | PYCF_DONT_IMPLY_DEDENT
    | PYCF_ALLOW_INCOMPLETE_INPUT;

/// Why `compile()` (or `exec`/`eval` of a string) failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Raise `ValueError` with this message (bad mode, flags or `optimize`).
    Value(String),
    /// A request revpy cannot honour: raise `NotImplementedError` with this message
    /// (`PyCF_ONLY_AST`: revpy has no `ast` objects).
    Unsupported(String),
    /// Raise the `SyntaxError` (or `IndentationError`, `RecursionError`, ...) it
    /// describes; `python_type` names the class.
    Compile(CompileError),
}

/// The mode argument of `compile()`.
pub fn parse_mode(mode: &str) -> Result<CompileMode, Error> {
    match mode {
        "exec" => Ok(CompileMode::Module),
        "eval" => Ok(CompileMode::Eval),
        "single" => Ok(CompileMode::Single),
        _ => Err(Error::Value(
            "compile() mode must be 'exec', 'eval' or 'single'".into(),
        )),
    }
}

/// Python's `compile()` on a decoded source string.
///
/// `flags` and `optimize` are the arguments as given; `inherited` is the calling
/// code's `co_flags` (its [`PYCF_MASK`] bits are used unless `dont_inherit`; pass 0
/// when there is no calling Python code). The errors are CPython's, checked in its
/// order: flags, optimize, mode, null bytes, then the source.
pub fn compile(
    source: &str,
    filename: &str,
    mode: &str,
    flags: i64,
    dont_inherit: bool,
    optimize: i64,
    inherited: u32,
) -> Result<Rc<CodeObject>, Error> {
    let allowed = (PYCF_MASK | PYCF_MASK_OBSOLETE | PYCF_COMPILE_MASK) as i64;
    if flags & !allowed != 0 {
        return Err(Error::Value("compile(): unrecognised flags".into()));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(Error::Value("compile(): invalid optimize value".into()));
    }
    let flags = flags as u32;
    let mode = parse_mode(mode)?;
    if flags & PYCF_ONLY_AST != 0 {
        return Err(Error::Unsupported(
            "revpy does not support compile() with PyCF_ONLY_AST (ast objects) yet".into(),
        ));
    }
    let mut future = flags & PYCF_MASK;
    if !dont_inherit {
        future |= inherited & PYCF_MASK;
    }
    compile_source(source, filename, mode, future)
}

/// `exec(source)` and `eval(source)` of a string: compile in `mode` (`"exec"` or
/// `"eval"`) inheriting the calling code's future features (`inherited`: its
/// `co_flags`). For `eval`, leading spaces and tabs are dropped first, as CPython's
/// `eval` does.
pub fn compile_for_exec(
    source: &str,
    mode: CompileMode,
    inherited: u32,
) -> Result<Rc<CodeObject>, Error> {
    let source = match mode {
        CompileMode::Eval => source.trim_start_matches([' ', '\t']),
        _ => source,
    };
    compile_source(source, "<string>", mode, inherited & PYCF_MASK)
}

fn compile_source(
    source: &str,
    filename: &str,
    mode: CompileMode,
    future: u32,
) -> Result<Rc<CodeObject>, Error> {
    if source.contains('\0') {
        let mut e = CompileError::syntax("source code string cannot contain null bytes".into());
        e.filename = filename.to_string();
        return Err(Error::Compile(e));
    }
    let flags = CompileFlags {
        future,
        name_locals: true,
    };
    crate::compile_with(source, filename, mode, flags).map_err(Error::Compile)
}

//! revpy's compiler: Python source text -> code objects.
//!
//! Pipeline: `rustpython-parser` (AST) -> [`symtable`] (scopes) -> [`codegen`]
//! (instructions from [`opcodes`], packed in a [`code::CodeObject`]). [`dis`] shows the
//! result as text.

pub mod code;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod opcodes;
pub mod symtable;
pub mod syntax_error;

pub use code::{CodeObject, Constant};
pub use error::{CompileError, ErrorKind};
use rustpython_parser::{ast, Mode};
use std::rc::Rc;

/// How the source is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module or script.
    Module,
    /// One REPL input: expression statements print their value.
    Interactive,
}

/// Compile Python source text into a module code object.
pub fn compile(source: &str, filename: &str, mode: CompileMode) -> Result<Rc<CodeObject>, CompileError> {
    let parsed = rustpython_parser::parse(source, Mode::Module, filename)
        .map_err(|e| syntax_error::from_parse_error(&e, source).locate(filename, source))?;
    let body = match parsed {
        ast::Mod::Module(m) => m.body,
        _ => vec![],
    };
    let st = symtable::analyze(&body).map_err(|e| e.locate(filename, source))?;
    codegen::compile_module(&body, &st, source, filename, mode == CompileMode::Interactive)
        .map_err(|e| e.locate(filename, source))
}

/// Python's `repr` of a float: shortest round-trip digits, exponent form outside
/// 1e-4 <= |x| < 1e16 (`1e+16`, `1e-05`), `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // `{:e}` gives the shortest round-trip digits as d.ddde[-]x
    let s = format!("{:e}", x);
    let (mant, exp) = s.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("int exponent");
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.push_str(&"0".repeat(int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.push_str(&"0".repeat((-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

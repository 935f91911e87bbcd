//! revpy's compiler: Python source text -> code objects.
//!
//! Pipeline: `rustpython-parser` (AST) -> [`symtable`] (scopes) -> [`codegen`]
//! (instructions from [`opcodes`], packed in a [`code::CodeObject`]). [`dis`] shows the
//! result as text.

mod ast_drop;
pub mod carets;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod future;
pub mod opcodes;
pub mod pycompile;
pub mod pyrepr;
pub mod symtable;
pub mod syntax_error;
pub mod unparse;
pub mod verify;

pub use code::{CodeObject, Constant};
pub use error::{CompileError, ErrorKind};
use rustpython_parser::{ast, Mode};
use std::rc::Rc;

/// How the source is compiled (the `mode` of Python's `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module or script: `compile(source, filename, 'exec')`.
    Module,
    /// One input of revpy's REPL: expression statements print their value (it may
    /// hold several statements: pasted lines).
    Interactive,
    /// `compile(source, filename, 'single')`: one statement (several only if joined
    /// by `;`), whose expression statements print their value through
    /// `sys.displayhook` (`PRINT_EXPR`).
    Single,
    /// `compile(source, filename, 'eval')`: one expression; the code returns its
    /// value.
    Eval,
}

/// What the flags of Python's `compile()` ask of the compiler, besides the mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileFlags {
    /// `CO_FUTURE_*` bits in effect from the start: given to `compile()` or inherited
    /// from the calling code ([`pycompile::PYCF_MASK`]). They are copied into the
    /// `flags` of every code object made, as CPython does; of them only
    /// [`future::CO_FUTURE_ANNOTATIONS`] changes the code.
    pub future: u32,
    /// Module-level names are read, written and deleted with `LOAD_NAME`,
    /// `STORE_NAME` and `DELETE_NAME`, as CPython does, so that the code runs right
    /// with a locals mapping distinct from its globals (`exec(code, globals,
    /// locals)`): LOAD_NAME looks in the locals, then the globals, then the builtins.
    /// Without it (scripts and imported modules, whose locals are their globals)
    /// module-level code uses the faster `LOAD_GLOBAL`/`STORE_GLOBAL`.
    pub name_locals: bool,
}

/// Compile Python source text into a module code object.
///
/// Every input gives `Ok` or `Err`, never a panic. Source nested beyond CPython's
/// limits is refused with CPython's errors: more than 200 open brackets
/// (`SyntaxError: too many nested parentheses`), 100 indentation levels
/// (`IndentationError`), more than 20 nested loop/try/with blocks in a function
/// (`SyntaxError: too many statically nested blocks`), statements and expressions
/// nested more than [`symtable::MAX_DEPTH`] deep (`RecursionError: maximum recursion
/// depth exceeded during compilation`). Time and memory are linear in the source size
/// (except where CPython's are not either: each `finally` body is compiled once per
/// way out of its `try`, so `finally` blocks nested in `finally` blocks double the code
/// per level, up to the 20-block limit).
///
/// The passes over the tree recurse, at most [`symtable::MAX_DEPTH`] levels: the
/// deepest accepted source needs about 5 MiB of stack in a debug build (less
/// optimized), and much deeper source is refused using little. `revpy` compiles on
/// its VM thread (1 GiB of stack); an embedder compiling untrusted source should give
/// the calling thread a few MiB more than the default.
///
/// Each code object passes [`verify::verify`] (stack depths, operands, handlers)
/// before it is returned; a failure there is a compiler bug, reported as
/// `SystemError`.
pub fn compile(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_with(source, filename, mode, CompileFlags::default())
}

/// [`compile`] with the options of Python's `compile()`: inherited or given
/// `__future__` features, and module-level names looked up in a locals mapping.
/// [`pycompile::compile`] implements the whole builtin (mode names, flag checks).
pub fn compile_with(
    source: &str,
    filename: &str,
    mode: CompileMode,
    flags: CompileFlags,
) -> Result<Rc<CodeObject>, CompileError> {
    let parse_mode = match mode {
        CompileMode::Eval => Mode::Expression,
        _ => Mode::Module,
    };
    let mut limit = None;
    let tokens = Limits {
        inner: rustpython_parser::lexer::lex(source, parse_mode),
        level: 0,
        indent: 0,
        err: &mut limit,
    };
    let parsed = rustpython_parser::parse_tokens(tokens, parse_mode, filename);
    if let Some(e) = limit {
        return Err(e.locate(filename, source));
    }
    let parsed = parsed.map_err(|e| {
        let e = syntax_error::from_parse_error(&e, source).locate(filename, source);
        match mode {
            CompileMode::Eval => syntax_error::in_eval_mode(e, source),
            _ => e,
        }
    })?;
    let body = match parsed {
        ast::Mod::Module(m) => m.body,
        ast::Mod::Expression(e) => {
            let range = ast::Ranged::range(&*e.body);
            vec![ast::Stmt::Expr(ast::StmtExpr {
                range,
                value: e.body,
            })]
        }
        _ => vec![],
    };
    if mode == CompileMode::Single {
        if let Err(e) = syntax_error::check_single(&body, source) {
            let empty = body.is_empty();
            ast_drop::drop_body(body);
            let mut e = e.locate(filename, source);
            if empty {
                // CPython: line 0 for no input at all, and no column.
                e.line = u32::from(!source.is_empty());
                e.col = 0;
            }
            return Err(e);
        }
    }
    let mut features = future::Features {
        annotations: flags.future & future::CO_FUTURE_ANNOTATIONS != 0,
        last_line: 0,
    };
    if mode != CompileMode::Eval {
        features = match future::parse(&body, source, features) {
            Ok(f) => f,
            Err(e) => {
                ast_drop::drop_body(body);
                return Err(e.locate(filename, source));
            }
        };
    }
    let st = match symtable::analyze(&body, features.annotations) {
        Ok(st) => st,
        Err(e) => {
            // The tree may nest too deeply for the recursive drop glue.
            ast_drop::drop_body(body);
            return Err(e.locate(filename, source));
        }
    };
    let mut code_flags = flags.future & pycompile::PYCF_MASK;
    if features.annotations {
        code_flags |= future::CO_FUTURE_ANNOTATIONS;
    }
    let options = codegen::Options {
        mode,
        future: features,
        code_flags,
        name_locals: flags.name_locals,
    };
    codegen::compile_module(&body, &st, source, filename, options)
        .map_err(|e| e.locate(filename, source))
}

/// CPython's tokenizer limits: brackets nested at most 200 deep (`MAXLEVEL`), blocks
/// indented fewer than 100 levels (`MAXINDENT`).
const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT: usize = 100;

/// The token stream, cut short at the first token beyond CPython's tokenizer limits
/// (the error is left in `err`). Besides CPython's messages, this bounds how deeply
/// brackets and blocks nest in what the later, recursive passes see.
struct Limits<'e, I> {
    inner: I,
    level: usize,
    indent: usize,
    err: &'e mut Option<CompileError>,
}

impl<I: Iterator<Item = rustpython_parser::lexer::LexResult>> Iterator for Limits<'_, I> {
    type Item = rustpython_parser::lexer::LexResult;

    fn next(&mut self) -> Option<Self::Item> {
        use rustpython_parser::Tok;
        if self.err.is_some() {
            return None;
        }
        let item = self.inner.next()?;
        if let Ok((tok, range)) = &item {
            let start = range.start().to_u32();
            match tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                    if self.level >= MAX_PAREN_LEVEL {
                        *self.err = Some(
                            CompileError::syntax("too many nested parentheses".into())
                                .at_range(start, start + 1),
                        );
                        return None;
                    }
                    self.level += 1;
                }
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => self.level = self.level.saturating_sub(1),
                Tok::Indent => {
                    if self.indent + 1 >= MAX_INDENT {
                        let mut e = CompileError::syntax("too many levels of indentation".into())
                            .at(range.end().to_u32());
                        e.python_type = "IndentationError";
                        e.caret = false;
                        *self.err = Some(e);
                        return None;
                    }
                    self.indent += 1;
                }
                Tok::Dedent => self.indent = self.indent.saturating_sub(1),
                _ => {}
            }
        }
        Some(item)
    }
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
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
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
    let digits = nearest_shortest(x.abs(), digits, exp);
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

/// Among the shortest digit strings that round-trip to `x`, the one nearest to `x`,
/// the even one on a tie (CPython's `repr`, David Gay's mode 0). `digits` is a
/// shortest round-trip string with the value `0.d1d2... * 10^(exp + 1)`.
fn nearest_shortest(x: f64, digits: String, exp: i32) -> String {
    use num_bigint::BigInt;
    use num_traits::{Signed, Zero};
    let n = digits.len() as i32;
    let k = exp - (n - 1); // value = D * 10^k
    let Ok(d) = digits.parse::<u64>() else {
        return digits;
    };
    let round_trips = |c: u64| format!("{c}e{k}").parse::<f64>().ok() == Some(x);
    let cands: Vec<u64> = [d.wrapping_sub(1), d, d + 1]
        .into_iter()
        .filter(|c| *c > 0 && c.to_string().len() == digits.len() && round_trips(*c))
        .collect();
    if cands.len() <= 1 {
        return digits;
    }
    // Exact distances |C * 10^k - m * 2^e|, scaled to integers.
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e2) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), raw_exp - 1075)
    };
    let pow10 = |p: i32| num_traits::pow::pow(BigInt::from(10), p as usize);
    let pow2 = |p: i32| BigInt::from(1) << p as usize;
    let dist = |c: u64| -> BigInt {
        let mut a = BigInt::from(c);
        let mut b = BigInt::from(m);
        if k >= 0 {
            a *= pow10(k)
        } else {
            b *= pow10(-k)
        }
        if e2 >= 0 {
            b *= pow2(e2)
        } else {
            a *= pow2(-e2)
        }
        (a - b).abs()
    };
    let mut best = d;
    let mut best_d = dist(d);
    for c in cands {
        if c == d {
            continue;
        }
        let dc = dist(c);
        if dc < best_d || (dc == best_d && c % 2 == 0 && best % 2 == 1) {
            best = c;
            best_d = dc;
        }
    }
    let _ = best_d.is_zero();
    best.to_string()
}

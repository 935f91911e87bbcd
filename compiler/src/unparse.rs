//! Expressions back to source text, exactly as CPython 3.11's `Python/ast_unparse.c`
//! writes them: the strings `from __future__ import annotations` (PEP 563) stores
//! instead of evaluating annotations (`'list[int] | None'`, `"dict[str, 'Node']"`).
//!
//! The output is normalized, not the original text: one space around binary operators,
//! parentheses only where precedence needs them, constants as their `repr` (so quotes,
//! escapes and number formats are Python's: `0x1F` becomes `31`, `1e400` becomes
//! `1e309`). It also keeps CPython's quirks, since programs see these strings: `lambda`
//! with no positional parameter is written without a space (`lambda*a: 0`), an integer
//! before `.` gets a space (`1 .real`), a one-element tuple subscript keeps its comma
//! (`x[1,]`).
//!
//! The recursion is bounded by the nesting limit the symbol table enforces
//! ([`crate::symtable::MAX_DEPTH`]), which walks every annotation before codegen.

use crate::pyrepr::{bytes_repr, complex_repr, str_repr};
use rustpython_parser::ast::{self, Expr};

/// Precedence levels of `ast_unparse.c` (lowest first). `EXPR` is `BOR`.
mod pr {
    pub const TUPLE: u8 = 0;
    pub const TEST: u8 = 1; // if-else, lambda
    pub const OR: u8 = 2;
    pub const AND: u8 = 3;
    pub const NOT: u8 = 4;
    pub const CMP: u8 = 5;
    pub const BOR: u8 = 6;
    pub const EXPR: u8 = BOR;
    pub const BXOR: u8 = 7;
    pub const BAND: u8 = 8;
    pub const SHIFT: u8 = 9;
    pub const ARITH: u8 = 10;
    pub const TERM: u8 = 11;
    pub const FACTOR: u8 = 12;
    pub const POWER: u8 = 13;
    pub const AWAIT: u8 = 14;
    pub const ATOM: u8 = 15;
}

/// An annotation as the string PEP 563 stores (`_PyAST_ExprAsUnicode`).
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, pr::TEST);
    out
}

fn expr_string(e: &Expr, level: u8) -> String {
    let mut out = String::new();
    expr(&mut out, e, level);
    out
}

/// Python's repr of a float as the unparser writes it: infinity as `1e309`, a literal
/// that reads back as infinity (`repr` would say `inf`, which is a name).
fn float_text(f: f64) -> String {
    crate::float_repr(f).replace("inf", "1e309")
}

fn constant(out: &mut String, c: &ast::Constant) {
    match c {
        ast::Constant::None => out.push_str("None"),
        ast::Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        ast::Constant::Str(s) => out.push_str(&str_repr(s)),
        ast::Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
        ast::Constant::Int(i) => out.push_str(&i.to_string()),
        ast::Constant::Float(f) => out.push_str(&float_text(*f)),
        ast::Constant::Complex { real, imag } => {
            out.push_str(&complex_repr(*real, *imag).replace("inf", "1e309"))
        }
        ast::Constant::Ellipsis => out.push_str("..."),
        ast::Constant::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
    }
}

fn open_if(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close_if(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match e {
        Expr::BoolOp(b) => {
            let (op, p) = match b.op {
                ast::BoolOp::And => (" and ", pr::AND),
                ast::BoolOp::Or => (" or ", pr::OR),
            };
            open_if(out, level > p);
            for (i, v) in b.values.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                expr(out, v, p + 1);
            }
            close_if(out, level > p);
        }
        Expr::NamedExpr(n) => {
            open_if(out, level > pr::TUPLE);
            expr(out, &n.target, pr::ATOM);
            out.push_str(" := ");
            expr(out, &n.value, pr::ATOM);
            close_if(out, level > pr::TUPLE);
        }
        Expr::BinOp(b) => {
            use ast::Operator as O;
            let (op, p) = match b.op {
                O::Add => (" + ", pr::ARITH),
                O::Sub => (" - ", pr::ARITH),
                O::Mult => (" * ", pr::TERM),
                O::MatMult => (" @ ", pr::TERM),
                O::Div => (" / ", pr::TERM),
                O::Mod => (" % ", pr::TERM),
                O::LShift => (" << ", pr::SHIFT),
                O::RShift => (" >> ", pr::SHIFT),
                O::BitOr => (" | ", pr::BOR),
                O::BitXor => (" ^ ", pr::BXOR),
                O::BitAnd => (" & ", pr::BAND),
                O::FloorDiv => (" // ", pr::TERM),
                O::Pow => (" ** ", pr::POWER),
            };
            let rassoc = u8::from(b.op == O::Pow);
            open_if(out, level > p);
            expr(out, &b.left, p + rassoc);
            out.push_str(op);
            expr(out, &b.right, p + 1 - rassoc);
            close_if(out, level > p);
        }
        Expr::UnaryOp(u) => {
            let (op, p) = match u.op {
                ast::UnaryOp::Invert => ("~", pr::FACTOR),
                ast::UnaryOp::Not => ("not ", pr::NOT),
                ast::UnaryOp::UAdd => ("+", pr::FACTOR),
                ast::UnaryOp::USub => ("-", pr::FACTOR),
            };
            open_if(out, level > p);
            out.push_str(op);
            expr(out, &u.operand, p);
            close_if(out, level > p);
        }
        Expr::Lambda(l) => {
            open_if(out, level > pr::TEST);
            let positional = l.args.posonlyargs.len() + l.args.args.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, &l.args);
            out.push_str(": ");
            expr(out, &l.body, pr::TEST);
            close_if(out, level > pr::TEST);
        }
        Expr::IfExp(i) => {
            open_if(out, level > pr::TEST);
            expr(out, &i.body, pr::TEST + 1);
            out.push_str(" if ");
            expr(out, &i.test, pr::TEST + 1);
            out.push_str(" else ");
            expr(out, &i.orelse, pr::TEST);
            close_if(out, level > pr::TEST);
        }
        Expr::Dict(d) => {
            out.push('{');
            for (i, (k, v)) in d.keys.iter().zip(&d.values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, pr::TEST);
                        out.push_str(": ");
                        expr(out, v, pr::TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, pr::EXPR);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => {
            out.push('{');
            seq(out, &s.elts);
            out.push('}');
        }
        Expr::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, pr::TEST);
            comprehensions(out, &c.generators);
            out.push(']');
        }
        Expr::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, pr::TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::DictComp(c) => {
            out.push('{');
            expr(out, &c.key, pr::TEST);
            out.push_str(": ");
            expr(out, &c.value, pr::TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::GeneratorExp(g) => genexp(out, g),
        Expr::Await(a) => {
            open_if(out, level > pr::AWAIT);
            out.push_str("await ");
            expr(out, &a.value, pr::ATOM);
            close_if(out, level > pr::AWAIT);
        }
        Expr::Yield(y) => match &y.value {
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, pr::TEST);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, pr::TEST);
            out.push(')');
        }
        Expr::Compare(c) => {
            open_if(out, level > pr::CMP);
            expr(out, &c.left, pr::CMP + 1);
            for (op, right) in c.ops.iter().zip(&c.comparators) {
                use ast::CmpOp as C;
                out.push_str(match op {
                    C::Eq => " == ",
                    C::NotEq => " != ",
                    C::Lt => " < ",
                    C::LtE => " <= ",
                    C::Gt => " > ",
                    C::GtE => " >= ",
                    C::Is => " is ",
                    C::IsNot => " is not ",
                    C::In => " in ",
                    C::NotIn => " not in ",
                });
                expr(out, right, pr::CMP + 1);
            }
            close_if(out, level > pr::CMP);
        }
        Expr::Call(c) => {
            expr(out, &c.func, pr::ATOM);
            if let ([Expr::GeneratorExp(g)], []) = (&c.args[..], &c.keywords[..]) {
                // A lone generator argument brings its own parentheses.
                genexp(out, g);
                return;
            }
            out.push('(');
            let mut first = true;
            for a in &c.args {
                if !std::mem::take(&mut first) {
                    out.push_str(", ");
                }
                expr(out, a, pr::TEST);
            }
            for k in &c.keywords {
                if !std::mem::take(&mut first) {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(name) => {
                        out.push_str(name.as_str());
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, pr::TEST);
            }
            out.push(')');
        }
        Expr::FormattedValue(f) => formatted_value(out, f),
        Expr::JoinedStr(j) => joined_str(out, &j.values, false),
        Expr::Constant(c) => {
            if let ast::Constant::Ellipsis = c.value {
                out.push_str("...");
                return;
            }
            if let Some(kind) = &c.kind {
                out.push_str(kind);
            }
            constant(out, &c.value);
        }
        Expr::Attribute(a) => {
            expr(out, &a.value, pr::ATOM);
            // An integer needs a space before the dot to be read back as one.
            let int_before = matches!(
                &*a.value,
                Expr::Constant(ast::ExprConstant {
                    value: ast::Constant::Int(_),
                    ..
                })
            );
            out.push_str(if int_before { " ." } else { "." });
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, pr::ATOM);
            out.push('[');
            expr(out, &s.slice, pr::TUPLE);
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, pr::EXPR);
        }
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::List(l) => {
            out.push('[');
            seq(out, &l.elts);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            open_if(out, level > pr::TUPLE);
            seq(out, &t.elts);
            if t.elts.len() == 1 {
                out.push(',');
            }
            close_if(out, level > pr::TUPLE);
        }
        Expr::Slice(s) => {
            if let Some(lower) = &s.lower {
                expr(out, lower, pr::TEST);
            }
            out.push(':');
            if let Some(upper) = &s.upper {
                expr(out, upper, pr::TEST);
            }
            if let Some(step) = &s.step {
                out.push(':');
                expr(out, step, pr::TEST);
            }
        }
    }
}

/// Items separated by `, `, each at the `test` level.
fn seq(out: &mut String, items: &[Expr]) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, pr::TEST);
    }
}

fn genexp(out: &mut String, g: &ast::ExprGeneratorExp) {
    out.push('(');
    expr(out, &g.elt, pr::TEST);
    comprehensions(out, &g.generators);
    out.push(')');
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, pr::TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, pr::TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, pr::TEST + 1);
        }
    }
}

/// Lambda parameters (`append_ast_args`).
fn arguments(out: &mut String, args: &ast::Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    let npos = args.posonlyargs.len();
    for (i, a) in args.posonlyargs.iter().chain(&args.args).enumerate() {
        sep(out);
        arg_with_default(out, a);
        if npos > 0 && i + 1 == npos {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v);
        }
    }
    for a in &args.kwonlyargs {
        sep(out);
        arg_with_default(out, a);
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k);
    }
}

fn arg_with_default(out: &mut String, a: &ast::ArgWithDefault) {
    arg(out, &a.def);
    if let Some(d) = &a.default {
        out.push('=');
        expr(out, d, pr::TEST);
    }
}

fn arg(out: &mut String, a: &ast::Arg) {
    out.push_str(a.arg.as_str());
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, pr::TEST);
    }
}

/// An f-string: `f` and the repr of its body (or, as a format spec, the bare body).
fn joined_str(out: &mut String, values: &[Expr], is_format_spec: bool) {
    let mut body = String::new();
    for v in values {
        fstring_element(&mut body, v, is_format_spec);
    }
    if is_format_spec {
        out.push_str(&body);
    } else {
        out.push('f');
        out.push_str(&str_repr(&body));
    }
}

fn fstring_element(out: &mut String, e: &Expr, is_format_spec: bool) {
    match e {
        Expr::Constant(c) => {
            if let ast::Constant::Str(s) = &c.value {
                out.push_str(&s.replace('{', "{{").replace('}', "}}"));
            }
        }
        Expr::JoinedStr(j) => joined_str(out, &j.values, is_format_spec),
        Expr::FormattedValue(f) => formatted_value(out, f),
        // The parser puts nothing else in an f-string.
        other => expr(out, other, pr::TEST + 1),
    }
}

fn formatted_value(out: &mut String, f: &ast::ExprFormattedValue) {
    // Above `test` so that a lambda (whose `:` would end the field) is parenthesized.
    let inner = expr_string(&f.value, pr::TEST + 1);
    // A field starting with a brace is separated from the outer one by a space.
    out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
    out.push_str(&inner);
    match f.conversion {
        ast::ConversionFlag::None => {}
        ast::ConversionFlag::Str => out.push_str("!s"),
        ast::ConversionFlag::Repr => out.push_str("!r"),
        ast::ConversionFlag::Ascii => out.push_str("!a"),
    }
    if let Some(spec) = &f.format_spec {
        out.push(':');
        fstring_element(out, spec, true);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::unparse;
    use rustpython_parser::{ast, Parse};

    fn u(src: &str) -> String {
        let e = ast::Expr::parse(src, "<test>").expect("parses");
        unparse(&e)
    }

    #[test]
    fn as_cpython() {
        // Expected strings from CPython 3.11 (`from __future__ import annotations`).
        let cases = [
            ("list[int] | None", "list[int] | None"),
            ("dict[str, 'Node']", "dict[str, 'Node']"),
            ("x ** -y", "x ** (-y)"),
            ("(a - b) - c", "a - b - c"),
            ("a - (b - c)", "a - (b - c)"),
            ("2 ** 3 ** 4", "2 ** 3 ** 4"),
            ("(2 ** 3) ** 4", "(2 ** 3) ** 4"),
            ("not (a < b)", "not a < b"),
            ("(not a) < b", "(not a) < b"),
            ("x[1,]", "x[1,]"),
            ("x[(1, 2)]", "x[1, 2]"),
            ("x[()]", "x[()]"),
            ("x[::2]", "x[::2]"),
            ("f(x for x in y)", "f(x for x in y)"),
            ("f((x for x in y), 1)", "f((x for x in y), 1)"),
            ("lambda *a: 0", "lambda*a: 0"),
            (
                "lambda a, /, b=1, *c, d, e=2, **f: a",
                "lambda a, /, b=1, *c, d, e=2, **f: a",
            ),
            ("(lambda: 1) if a else b", "(lambda: 1) if a else b"),
            ("1 .real", "1 .real"),
            ("(1).real.imag", "1 .real.imag"),
            ("0x1F", "31"),
            ("1e400", "1e309"),
            ("1.5e-7", "1.5e-07"),
            ("3.14j", "3.14j"),
            ("'it\\'s'", "\"it's\""),
            ("u'x'", "u'x'"),
            ("...", "..."),
            ("{**a, 'b': 1}", "{**a, 'b': 1}"),
            ("f'{x!r:>{width}} and {y!s}'", "f'{x!r:>{width}} and {y!s}'"),
            ("f'{ {1: 2}[1] }'", "f'{ {1: 2}[1]}'"),
            ("f\"{'{'}\"", "f\"{'{'}\""),
            ("f'{{}}'", "f'{{}}'"),
            ("--1", "--1"),
            ("(-1) ** 2", "(-1) ** 2"),
        ];
        for (src, want) in cases {
            assert_eq!(u(src), want, "unparse of {src}");
        }
    }
}

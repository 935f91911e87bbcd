//! The compiler's entry points for Python's `compile()`: the `exec`, `eval` and
//! `single` modes, flags, inherited `__future__` features, and CPython's errors for
//! each (messages and locations as CPython 3.11 reports them).

use revpy_compiler::code::flags;
use revpy_compiler::opcodes::Op;
use revpy_compiler::pycompile::{self, Error};
use revpy_compiler::{CodeObject, Constant};
use std::rc::Rc;

fn compile(src: &str, mode: &str) -> Result<Rc<CodeObject>, Error> {
    pycompile::compile(src, "<s>", mode, 0, true, -1, 0)
}

fn ops(c: &CodeObject) -> Vec<Op> {
    c.instrs.iter().map(|i| i.op).collect()
}

/// The error's class, message, line, column and end column.
fn syntax_error(src: &str, mode: &str) -> (String, String, u32, u32, u32) {
    match compile(src, mode) {
        Err(Error::Compile(e)) => (
            e.python_type.to_string(),
            e.message.clone(),
            e.line,
            e.col,
            e.end_col,
        ),
        other => panic!("{src:?} in {mode} mode: expected a SyntaxError, got {other:?}"),
    }
}

fn se(ty: &str, msg: &str, line: u32, col: u32, end: u32) -> (String, String, u32, u32, u32) {
    (ty.to_string(), msg.to_string(), line, col, end)
}

#[test]
fn exec_mode_uses_name_ops_at_module_level() {
    let c = compile("x = 1\nprint(x)\ndel x\ndef f(): return y\n", "exec").unwrap();
    let o = ops(&c);
    assert!(o.contains(&Op::StoreName) && o.contains(&Op::LoadName));
    assert!(o.contains(&Op::DeleteName));
    assert!(!o.contains(&Op::StoreGlobal) && !o.contains(&Op::LoadGlobal));
    // Inside functions, globals are still globals.
    let f = c
        .consts
        .iter()
        .find_map(|k| match k {
            Constant::Code(f) => Some(f.clone()),
            _ => None,
        })
        .unwrap();
    assert!(ops(&f).contains(&Op::LoadGlobal));
    // An explicit `global` at module level is a global, as in CPython.
    let g = compile("global z\nz = 1\n", "exec").unwrap();
    assert!(ops(&g).contains(&Op::StoreGlobal));
    // Scripts and modules compiled by `revpy_compiler::compile` keep the fast ops.
    let m =
        revpy_compiler::compile("x = 1\n", "m.py", revpy_compiler::CompileMode::Module).unwrap();
    assert!(ops(&m).contains(&Op::StoreGlobal));
}

#[test]
fn eval_mode_returns_the_value() {
    let c = compile("a + 1\n\n", "eval").unwrap();
    assert_eq!(
        ops(&c),
        vec![Op::LoadName, Op::LoadConst, Op::BinaryOp, Op::ReturnValue]
    );
    let c = compile("(x := 3)", "eval").unwrap();
    assert_eq!(ops(&c).last(), Some(&Op::ReturnValue));
    assert!(ops(&c).contains(&Op::StoreName));
    // A docstring-like string is just the value.
    let c = compile("'doc'", "eval").unwrap();
    assert_eq!(&*c.consts, [Constant::Str("doc".into())]);
    assert_eq!(c.doc, None);
}

#[test]
fn eval_mode_errors() {
    let invalid = |line, col, end| se("SyntaxError", "invalid syntax", line, col, end);
    assert_eq!(syntax_error("x = 1", "eval"), invalid(1, 3, 4));
    assert_eq!(syntax_error("1; 2", "eval"), invalid(1, 2, 3));
    assert_eq!(syntax_error("import os", "eval"), invalid(1, 1, 7));
    assert_eq!(syntax_error("def f(): pass", "eval"), invalid(1, 1, 4));
    assert_eq!(syntax_error("yield 1", "eval"), invalid(1, 1, 6));
    assert_eq!(syntax_error("1 +\n2", "eval"), invalid(1, 4, 4));
    assert_eq!(syntax_error("x + ", "eval"), invalid(1, 0, 0));
    assert_eq!(syntax_error("", "eval"), invalid(0, 0, 0));
    assert_eq!(
        syntax_error(" 1", "eval"),
        se("IndentationError", "unexpected indent", 1, 1, 2)
    );
    assert_eq!(
        syntax_error("[1,", "eval"),
        se("SyntaxError", "'[' was never closed", 1, 1, 2)
    );
}

#[test]
fn single_mode_prints_expression_statements() {
    let c = compile("1; 2", "single").unwrap();
    assert_eq!(
        ops(&c).iter().filter(|o| **o == Op::PrintExpr).count(),
        2,
        "each expression statement is shown"
    );
    // A string is printed too (no docstring in interactive input).
    let c = compile("'doc'", "single").unwrap();
    assert!(ops(&c).contains(&Op::PrintExpr));
    assert_eq!(c.doc, None);
    let c = compile("if 1:\n  3\n", "single").unwrap();
    assert!(ops(&c).contains(&Op::PrintExpr));
    let c = compile("x = 1; y = 2\n\n", "single").unwrap();
    assert!(!ops(&c).contains(&Op::PrintExpr));
    assert!(ops(&c).contains(&Op::StoreName));
    // Expressions inside functions are not printed.
    let c = compile("def f():\n    1\n", "single").unwrap();
    assert!(!ops(&c).contains(&Op::PrintExpr));
}

#[test]
fn single_mode_errors() {
    let multiple = "multiple statements found while compiling a single statement";
    assert_eq!(
        syntax_error("x = 1\ny = 2\n", "single"),
        se("SyntaxError", multiple, 1, 6, 0)
    );
    assert_eq!(
        syntax_error("x = 1; y = 2\nz = 3", "single"),
        se("SyntaxError", multiple, 1, 13, 0)
    );
    assert_eq!(
        syntax_error("if 1:\n  3\n4\n", "single"),
        se("SyntaxError", "invalid syntax", 3, 1, 2)
    );
    assert_eq!(
        syntax_error("", "single"),
        se("SyntaxError", "invalid syntax", 0, 0, 0)
    );
    assert_eq!(
        syntax_error("\n", "single"),
        se("SyntaxError", "invalid syntax", 1, 0, 0)
    );
    assert_eq!(
        syntax_error("break", "single"),
        se("SyntaxError", "'break' outside loop", 1, 1, 6)
    );
}

#[test]
fn arguments_are_checked_as_cpython() {
    let value = |r: Result<Rc<CodeObject>, Error>| match r {
        Err(Error::Value(m)) => m,
        other => panic!("expected ValueError, got {other:?}"),
    };
    assert_eq!(
        value(compile("x", "bogus")),
        "compile() mode must be 'exec', 'eval' or 'single'"
    );
    assert_eq!(
        value(pycompile::compile(
            "x", "<s>", "exec", 0x800_0000, true, -1, 0
        )),
        "compile(): unrecognised flags"
    );
    assert_eq!(
        value(pycompile::compile("x", "<s>", "exec", -1, true, -1, 0)),
        "compile(): unrecognised flags"
    );
    assert_eq!(
        value(pycompile::compile("x", "<s>", "exec", 0, true, 3, 0)),
        "compile(): invalid optimize value"
    );
    assert!(matches!(
        pycompile::compile("x", "<s>", "exec", 0x400, true, -1, 0),
        Err(Error::Unsupported(_))
    ));
    // Obsolete and compile-only flags are accepted.
    for f in [0x10, 0x200, 0x1000, 0x2000, 0x4000] {
        assert!(pycompile::compile("x", "<s>", "exec", f, true, -1, 0).is_ok());
    }
    match compile("x\0", "exec") {
        Err(Error::Compile(e)) => {
            assert_eq!(e.message, "source code string cannot contain null bytes");
            assert_eq!(e.line, 0);
        }
        other => panic!("{other:?}"),
    }
}

/// The annotation of parameter `a` of the first function defined in `c`.
fn annotation_of_a(c: &CodeObject) -> Option<Constant> {
    let i = c.instrs.iter().position(|i| i.op == Op::MakeFunction)?;
    // ... LOAD_CONST 'a', <annotation>, BUILD_MAP 1, LOAD_CONST <code>, MAKE_FUNCTION
    let ann = c.instrs[i - 3];
    (ann.op == Op::LoadConst).then(|| c.consts[ann.arg as usize].clone())
}

#[test]
fn future_features_from_flags_and_inheritance() {
    let src = "def f(a: list[int] | None): pass\n";
    let eager = compile(src, "exec").unwrap();
    assert_eq!(annotation_of_a(&eager), None, "evaluated: not a constant");
    assert_eq!(eager.flags & flags::FUTURE_ANNOTATIONS, 0);
    let want = Some(Constant::Str("list[int] | None".into()));
    // Given in flags.
    let c = pycompile::compile(src, "<s>", "exec", 0x100_0000, true, -1, 0).unwrap();
    assert_eq!(annotation_of_a(&c), want);
    assert_ne!(c.flags & flags::FUTURE_ANNOTATIONS, 0);
    // Inherited from the calling code, unless dont_inherit.
    let c = pycompile::compile(src, "<s>", "exec", 0, false, -1, 0x100_0000 | 0x20).unwrap();
    assert_eq!(annotation_of_a(&c), want);
    let c = pycompile::compile(src, "<s>", "exec", 0, true, -1, 0x100_0000).unwrap();
    assert_eq!(annotation_of_a(&c), None);
    // From the source, then set on every code object.
    let c = compile(
        &format!("from __future__ import annotations\n{src}"),
        "exec",
    )
    .unwrap();
    assert_ne!(c.flags & flags::FUTURE_ANNOTATIONS, 0);
    let mut all = vec![];
    c.walk(&mut all);
    assert!(all.iter().all(|k| k.flags & flags::FUTURE_ANNOTATIONS != 0));
    // No-op features given in flags are kept in co_flags, as CPython.
    let c = pycompile::compile("def g(): pass", "<s>", "exec", 0x2_0000, true, -1, 0).unwrap();
    let mut all = vec![];
    c.walk(&mut all);
    assert!(all.iter().all(|k| k.flags & 0x2_0000 != 0));
    // exec/eval of a string inherit the caller's features; eval drops leading blanks.
    let c =
        pycompile::compile_for_exec(src, revpy_compiler::CompileMode::Module, 0x100_0000).unwrap();
    assert_eq!(annotation_of_a(&c), want);
    assert!(pycompile::compile_for_exec(" \t1 + 2", revpy_compiler::CompileMode::Eval, 0).is_ok());
}

#[test]
fn future_statement_errors() {
    let late = "from __future__ imports must occur at the beginning of the file";
    assert_eq!(
        syntax_error("import os\nfrom __future__ import annotations\n", "exec"),
        se("SyntaxError", late, 2, 1, 35)
    );
    assert_eq!(
        syntax_error("import os; from __future__ import annotations\n", "exec"),
        se("SyntaxError", late, 1, 11, 0)
    );
    assert_eq!(
        syntax_error("from __future__ import division, spam\n", "exec"),
        se("SyntaxError", "future feature spam is not defined", 1, 1, 0)
    );
    assert_eq!(
        syntax_error("'''doc'''\nfrom __future__ import braces\n", "exec"),
        se("SyntaxError", "not a chance", 2, 1, 0)
    );
    // Allowed: after a docstring, several statements, one line joined by `;`, and in
    // interactive input.
    for src in [
        "'''doc'''\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1\n",
        "from __future__ import annotations; from __future__ import generators\n",
        "from __future__ import (generator_stop, division, absolute_import, print_function,\n    unicode_literals, nested_scopes, with_statement, generators, annotations)\n",
    ] {
        assert!(compile(src, "exec").is_ok(), "{src}");
    }
    assert!(compile("from __future__ import annotations", "single").is_ok());
}

/// The code objects among the constants of `c`.
fn inner_codes(c: &CodeObject) -> Vec<Rc<CodeObject>> {
    c.consts
        .iter()
        .filter_map(|k| match k {
            Constant::Code(code) => Some(code.clone()),
            _ => None,
        })
        .collect()
}

fn strs(v: &[Rc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}

#[test]
fn private_names_are_mangled_as_cpython() {
    // Values from CPython 3.11 (`co_names`, `co_varnames`, `co_cellvars`, ...).
    let src =
        "class __A:\n def f(self):\n  __v = 1\n  def g(): return __v + self.__w\n  return g\n";
    let c = compile(src, "exec").unwrap();
    let a = &inner_codes(&c)[0];
    assert_eq!(
        strs(&a.names),
        ["__name__", "__module__", "__qualname__", "f"]
    );
    let f = &inner_codes(a)[0];
    assert_eq!(&*f.name, "f");
    assert_eq!(strs(&f.varnames), ["self", "g"]);
    // (CPython puts cell parameters first; revpy orders cells as its children use
    // them: only the set is compared.)
    let mut cells = strs(&f.cellvars);
    cells.sort();
    assert_eq!(cells, ["_A__v", "self"]);
    let g = &inner_codes(f)[0];
    assert_eq!(strs(&g.freevars), ["_A__v", "self"]);
    assert_eq!(strs(&g.names), ["_A__w"]);
    assert_eq!(&*g.qualname, "__A.f.<locals>.g");
    // Errors name the parameter or variable as written, except the unresolved
    // `nonlocal`, which CPython reports mangled.
    let e = |src: &str| syntax_error(src, "exec").1;
    assert_eq!(
        e("class A:\n def f(self, __a, __a): pass\n"),
        "duplicate argument '__a' in function definition"
    );
    assert_eq!(
        e("class A:\n def f(self):\n  __x = 1\n  global __x\n"),
        "name '__x' is assigned to before global declaration"
    );
    assert_eq!(
        e("class A:\n def f(self):\n  nonlocal __y\n"),
        "no binding for nonlocal '_A__y' found"
    );
    assert_eq!(
        e("class A:\n def f(self, __p):\n  global __p\n"),
        "name '__p' is parameter and global"
    );
    // Outside a class nothing is mangled.
    let m = compile("def f(__a): return __b.__c\n", "exec").unwrap();
    let f = &inner_codes(&m)[0];
    assert_eq!(strs(&f.varnames), ["__a"]);
    assert_eq!(strs(&f.names), ["__b", "__c"]);
}

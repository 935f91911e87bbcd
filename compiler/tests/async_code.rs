//! Async code: CPython 3.11's compile-time errors for `await`, `async for`,
//! `async with`, `yield`/`return` in async generators and asynchronous
//! comprehensions (with or without the `async` feature), and, without the feature,
//! the clear refusal of valid async code.

use revpy_compiler::{compile, CompileError, CompileMode, ErrorKind};

fn err(src: &str) -> CompileError {
    compile(src, "<s>", CompileMode::Module).expect_err(src)
}

/// Messages and locations (line, column, end column) from CPython 3.11.
#[test]
fn misplaced_async_code_is_a_syntax_error() {
    let cases: &[(&str, &str, u32, u32, u32)] = &[
        ("await x", "'await' outside function", 1, 1, 8),
        (
            "def f():\n    await x",
            "'await' outside async function",
            2,
            5,
            12,
        ),
        (
            "def f():\n    lambda: await x",
            "'await' outside async function",
            2,
            13,
            20,
        ),
        (
            "class C:\n    await x",
            "'await' outside function",
            2,
            5,
            12,
        ),
        (
            "async def f():\n    lambda: await x",
            "'await' outside async function",
            2,
            13,
            20,
        ),
        (
            "async def f():\n    class C:\n        await x",
            "'await' outside function",
            3,
            9,
            16,
        ),
        (
            "async def f():\n    def g():\n        await x",
            "'await' outside async function",
            3,
            9,
            16,
        ),
        (
            "def f():\n    [x for x in await y]",
            "'await' outside async function",
            2,
            17,
            24,
        ),
        (
            "async for x in y:\n    pass",
            "'async for' outside async function",
            1,
            1,
            18,
        ),
        (
            "def f():\n    async for x in y:\n        pass",
            "'async for' outside async function",
            2,
            5,
            22,
        ),
        (
            "def f():\n    async with a as b, c:\n        pass",
            "'async with' outside async function",
            2,
            5,
            26,
        ),
        (
            "async def f():\n    yield from x",
            "'yield from' inside async function",
            2,
            5,
            17,
        ),
        (
            "async def f():\n    yield 1\n    return 2",
            "'return' with value in async generator",
            3,
            5,
            13,
        ),
        (
            "def f():\n    return [x async for x in y]",
            "asynchronous comprehension outside of an asynchronous function",
            2,
            12,
            32,
        ),
        (
            "def f():\n    return [await x for x in y]",
            "asynchronous comprehension outside of an asynchronous function",
            2,
            12,
            32,
        ),
        (
            "def f():\n    return [[y async for y in x] for x in z]",
            "asynchronous comprehension outside of an asynchronous function",
            2,
            12,
            45,
        ),
        (
            "[x async for x in y]",
            "asynchronous comprehension outside of an asynchronous function",
            1,
            1,
            21,
        ),
        (
            "async def f():\n    lambda: [await x for x in y]",
            "asynchronous comprehension outside of an asynchronous function",
            2,
            13,
            33,
        ),
    ];
    for &(src, msg, line, col, end) in cases {
        let e = err(src);
        assert_eq!(
            (
                e.kind.clone(),
                e.python_type,
                e.message.as_str(),
                e.line,
                e.col,
                e.end_col
            ),
            (ErrorKind::Syntax, "SyntaxError", msg, line, col, end),
            "{src}"
        );
    }
}

/// What CPython accepts (asynchronous generator expressions even in a plain function).
const VALID: &[&str] = &[
    "async def f():\n    yield 1\n    return",
    "async def f():\n    await x\n    async for a in b:\n        pass\n    async with c as d, e:\n        pass",
    "async def f():\n    return [[y async for y in x] for x in z]",
    "async def f():\n    return {await x: 1 for x in y}",
    "async def f():\n    [x for x in await y]",
    "def f():\n    return (x async for x in y)",
    "def f():\n    return (await x for x in y)",
    "def f():\n    return [(y async for y in x) for x in z]",
    "class C:\n    async def m(self):\n        return await super().m()",
];

/// Without the `async` feature (`--no-default-features`; .ci/run tests it).
#[cfg(not(feature = "async"))]
#[test]
fn valid_async_code_is_refused_without_the_feature() {
    for src in VALID {
        let e = err(src);
        assert_eq!(e.kind, ErrorKind::Unsupported, "{src}");
        assert!(
            e.message.starts_with("revpy does not support async")
                || e.message == "revpy does not support await yet",
            "{src}: {}",
            e.message
        );
    }
    let e = err("x = 1\n\nasync def f():\n    pass\n");
    assert_eq!(
        e.to_string(),
        "<s>:3:1: revpy does not support async functions yet"
    );
    // A syntax error anywhere wins over the refusal, as it would in CPython.
    let e = err("async def f():\n    pass\n\ndef g():\n    await x\n");
    assert_eq!(e.message, "'await' outside async function");
}

#[cfg(feature = "async")]
#[test]
fn valid_async_code_compiles() {
    use revpy_compiler::code::flags;
    for src in VALID {
        compile(src, "<s>", CompileMode::Module).unwrap_or_else(|e| panic!("{src}: {e}"));
    }
    let kinds = |src: &str| -> Vec<(String, u32)> {
        let code = compile(src, "<s>", CompileMode::Module).unwrap();
        let mut all = vec![];
        code.walk(&mut all);
        all.iter()
            .map(|c| {
                let f = c.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR);
                (c.name.to_string(), f)
            })
            .collect()
    };
    let (g, c, a) = (flags::GENERATOR, flags::COROUTINE, flags::ASYNC_GENERATOR);
    assert_eq!(
        kinds("async def f():\n    yield\nasync def h():\n    pass\ndef i():\n    yield\n"),
        vec![
            ("<module>".into(), 0),
            ("f".into(), a),
            ("h".into(), c),
            ("i".into(), g)
        ]
    );
    assert_eq!(
        kinds("async def f():\n    return [[y async for y in x] for x in z], (w async for w in v), [u for u in t]\n"),
        vec![
            ("<module>".into(), 0),
            ("f".into(), c),
            ("<listcomp>".into(), c),
            ("<listcomp>".into(), c),
            ("<genexpr>".into(), a),
            ("<listcomp>".into(), 0),
        ]
    );
}

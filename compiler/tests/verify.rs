//! The bytecode verifier: every code object the compiler makes from the project's
//! Python (test programs, `revpy dis` goldens, the bundled stdlib, examples) passes it
//! with the `max_stack` the compiler recorded; and hand-made broken code is refused.

// Drives revpy from outside (files, processes, clocks): clippy.toml's determinism
// rules are for the VM.
#![allow(clippy::disallowed_methods)]

use revpy_compiler::code::ExceptionEntry;
use revpy_compiler::opcodes::{Instr, Op};
use revpy_compiler::verify::verify;
use revpy_compiler::{compile, CodeObject, CompileMode, Constant};
use std::path::{Path, PathBuf};
use std::rc::Rc;

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            python_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

#[test]
fn every_compiled_program_verifies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![];
    for d in [
        "tests/programs",
        "tests/dis",
        "stdlib",
        "examples",
        "benches",
    ] {
        python_files(&root.join(d), &mut files);
    }
    let (mut compiled, mut code_objects) = (0, 0);
    for f in &files {
        let src = std::fs::read_to_string(f).expect("read program");
        let name = f.display().to_string();
        let code = match compile(&src, &name, CompileMode::Module) {
            Ok(c) => c,
            // Programs that test compile errors: fine, unless the compiler blamed itself.
            Err(e) => {
                assert_ne!(e.python_type, "SystemError", "{name}: {}", e.message);
                continue;
            }
        };
        compiled += 1;
        let mut all = vec![];
        code.walk(&mut all);
        for c in all {
            code_objects += 1;
            assert_eq!(
                verify(&c),
                Ok(c.max_stack),
                "{name}: {} does not verify with its max_stack",
                c.qualname
            );
        }
    }
    assert!(
        compiled >= 300 && code_objects >= 3000,
        "only {compiled} programs, {code_objects} code objects"
    );
}

/// A module-like code object around `instrs`, with one constant (None) and one local.
fn code(instrs: &[(Op, u32)], table: Vec<ExceptionEntry>) -> CodeObject {
    let n = instrs.len();
    CodeObject {
        name: "t".into(),
        qualname: "t".into(),
        filename: "t.py".into(),
        first_line: 1,
        instrs: instrs.iter().map(|&(op, a)| Instr::new(op, a)).collect(),
        lines: vec![1; n].into(),
        positions: Box::new([]),
        consts: Box::new([Constant::None]),
        names: Box::new([]),
        varnames: Box::new([Rc::from("x")]),
        cellvars: Box::new([]),
        freevars: Box::new([]),
        cell_params: Box::new([]),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: 0,
        exception_table: table.into(),
        doc: None,
        max_stack: 0,
    }
}

fn refused(instrs: &[(Op, u32)], table: Vec<ExceptionEntry>, why: &str) {
    match verify(&code(instrs, table)) {
        Ok(m) => panic!("{instrs:?} verified (max_stack {m}); expected: {why}"),
        Err(e) => assert!(e.contains(why), "{instrs:?}: {e}; expected: {why}"),
    }
}

#[test]
fn good_code_gets_its_exact_max_stack() {
    use Op::*;
    let c = code(
        &[
            (LoadConst, 0),
            (LoadConst, 0),
            (LoadConst, 0),
            (BuildTuple, 3),
            (StoreFast, 0),
            (LoadFast, 0),
            (ReturnValue, 0),
        ],
        vec![],
    );
    assert_eq!(verify(&c), Ok(3));
    // A loop that keeps the depth, and a handler entered with its depth + 1.
    let c = code(
        &[
            (LoadConst, 0),
            (GetIter, 0),
            (ForIter, 5),
            (StoreFast, 0),
            (Jump, 2),
            (LoadConst, 0),
            (ReturnValue, 0),
            (PushExcInfo, 0),
            (PopTop, 0),
            (PopExcept, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        vec![ExceptionEntry {
            start: 2,
            end: 5,
            target: 7,
            depth: 1,
        }],
    );
    assert_eq!(verify(&c), Ok(3));
}

#[test]
fn broken_code_is_refused() {
    use Op::*;
    refused(
        &[(PopTop, 0), (LoadConst, 0), (ReturnValue, 0)],
        vec![],
        "needs 1",
    );
    refused(
        &[(LoadConst, 0), (BinaryOp, 0), (ReturnValue, 0)],
        vec![],
        "needs 2",
    );
    refused(
        &[(LoadConst, 0), (Swap, 3), (ReturnValue, 0)],
        vec![],
        "needs 3",
    );
    refused(
        &[(LoadConst, 0), (Copy, 0), (ReturnValue, 0)],
        vec![],
        "out of range",
    );
    refused(&[(LoadConst, 1), (ReturnValue, 0)], vec![], "out of range");
    refused(&[(LoadFast, 1), (ReturnValue, 0)], vec![], "out of range");
    refused(&[(LoadGlobal, 0), (ReturnValue, 0)], vec![], "out of range");
    refused(&[(LoadDeref, 0), (ReturnValue, 0)], vec![], "out of range");
    refused(&[(Jump, 9)], vec![], "out of range");
    refused(
        &[(LoadConst, 0), (CompareOp, 99), (ReturnValue, 0)],
        vec![],
        "out of range",
    );
    refused(&[(LoadConst, 0)], vec![], "runs off the end");
    refused(&[], vec![], "no instructions");
    // A loop that grows the stack each time round (the compiler once produced one for
    // `return` in `try` with `continue` in `finally`, and its old stack-depth pass
    // never finished).
    refused(&[(LoadConst, 0), (Jump, 0)], vec![], "stack depths 0 and 1");
    // Two paths joining with different depths.
    refused(
        &[
            (LoadConst, 0),
            (PopJumpIfFalse, 4),
            (LoadConst, 0),
            (Nop, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        vec![],
        "stack depths",
    );
    // A handler deeper than the stack it protects.
    refused(
        &[(Nop, 0), (LoadConst, 0), (ReturnValue, 0), (Reraise, 0)],
        vec![ExceptionEntry {
            start: 0,
            end: 1,
            target: 3,
            depth: 2,
        }],
        "handler at depth 2",
    );
    refused(
        &[(LoadConst, 0), (ReturnValue, 0)],
        vec![ExceptionEntry {
            start: 1,
            end: 5,
            target: 0,
            depth: 0,
        }],
        "bad exception table entry",
    );
}

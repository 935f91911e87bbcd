//! Disassembly goldens of async code (the `async` feature:
//! `cargo test -p revpy-compiler --features async`): `tests/dis/NAME.py` is compiled
//! and disassembled and compared with `tests/dis/NAME.dis`. After an intended change,
//! `REVPY_BLESS=1 cargo test -p revpy-compiler --features async --test dis_async`
//! rewrites the goldens; review the diff before committing.
#![cfg(feature = "async")]
// A test reading its own files.
#![allow(clippy::disallowed_methods)]

use std::path::Path;

#[test]
fn async_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/dis")
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".py").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let bless = std::env::var("REVPY_BLESS").is_ok_and(|v| v == "1");
    let mut failed = vec![];
    for name in names {
        let src = std::fs::read_to_string(dir.join(format!("{name}.py"))).expect("source");
        let code = revpy_compiler::compile(
            &src,
            &format!("{name}.py"),
            revpy_compiler::CompileMode::Module,
        )
        .unwrap_or_else(|e| panic!("{name}.py: {e}"));
        let got = revpy_compiler::dis::disassemble(&code);
        let path = dir.join(format!("{name}.dis"));
        if bless {
            std::fs::write(&path, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            failed.push(format!(
                "{name}: disassembly differs from {name}.dis:\n{got}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

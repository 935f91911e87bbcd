//! Arbitrary bytes as source text: parse and compile (and disassemble what
//! compiles). Must return Ok or Err, never panic, in bounded time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use revpy_compiler::CompileMode;

fuzz_target!(|data: &[u8]| {
    let src = revpy_fuzz::source(data).to_string();
    revpy_fuzz::on_big_stack(move || {
        if let Ok(code) = revpy_compiler::compile(&src, "fuzz.py", CompileMode::Module) {
            let _ = revpy_compiler::dis::disassemble(&code);
        }
        let _ = revpy_compiler::compile(&src, "<input>", CompileMode::Interactive);
    });
});

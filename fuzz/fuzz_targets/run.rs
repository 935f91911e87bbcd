//! Arbitrary bytes as a program: compile it and run it with no world
//! (`Mode::Offline`) under an instruction budget and a heap budget. Any Python
//! outcome is fine; a panic, a stack overflow or a hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = revpy_fuzz::source(data).to_string();
    revpy_fuzz::on_big_stack(move || revpy_fuzz::run_source(&src));
});

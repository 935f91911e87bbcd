//! A recording of a small program (the first byte chooses which) and a fuzzed
//! sequence of debugger commands (the rest, one per line), run through the shell's
//! `execute` as `revpy debug` does for a command file. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use revpy_compiler::CompileMode;
use revpy_vm::effects::log::{Header, MemoryLog, Recording};
use revpy_vm::{ExitStatus, OutputSink};
use std::sync::OnceLock;

/// The programs of the debugger's golden tests.
const PROGRAMS: &[(&str, &str)] = &[
    ("calls.py", include_str!("../../tests/revdb/calls.py")),
    ("deleted.py", include_str!("../../tests/revdb/deleted.py")),
    ("scenario1.py", include_str!("../../tests/revdb/scenario1.py")),
    ("scenario2.py", include_str!("../../tests/revdb/scenario2.py")),
    ("x_times_10.py", include_str!("../../tests/revdb/x_times_10.py")),
];

/// At most this many commands of at most this many bytes per input.
const MAX_COMMANDS: usize = 24;
const MAX_COMMAND_LEN: usize = 200;

/// Record a program in memory (offline: these programs only print).
fn record(name: &str, src: &str) -> Vec<u8> {
    let buf = MemoryLog::new();
    let header = Header::new(vec![name.to_string()], ".", src);
    let mut vm = revpy_stdlib::new_vm();
    vm.start_recording(Box::new(buf.clone()), &header)
        .expect("start recording");
    vm.effects.stdout = OutputSink::Null;
    vm.effects.stderr = OutputSink::Null;
    let code = revpy_compiler::compile(src, name, CompileMode::Module).expect("compile");
    vm.set_argv(&[name.to_string()], ".");
    vm.add_source(name, src);
    let status = match vm.run_main(code) {
        Ok(ExitStatus::Code(c)) => c,
        _ => 1,
    };
    vm.finish_recording(status).expect("finish recording");
    buf.contents()
}

fn recordings() -> &'static Vec<Vec<u8>> {
    static RECS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    RECS.get_or_init(|| {
        revpy_fuzz::on_big_stack(|| PROGRAMS.iter().map(|(n, s)| record(n, s)).collect())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let log = recordings()[which as usize % PROGRAMS.len()].clone();
    let text = revpy_fuzz::source(rest).to_string();
    revpy_fuzz::on_big_stack(move || {
        let rec = Recording::parse(&log).expect("a good recording");
        let Ok(engine) = revpy_revdb::Engine::open(rec, Box::new(revpy_stdlib::new_vm)) else {
            return;
        };
        let mut sh = revpy_revdb::shell::Shell::new(engine, Box::new(std::io::sink()));
        sh.banner();
        for line in text.lines().take(MAX_COMMANDS) {
            let end = (0..=line.len().min(MAX_COMMAND_LEN))
                .rev()
                .find(|&i| line.is_char_boundary(i))
                .unwrap_or(0);
            if !sh.execute(&line[..end]) {
                break;
            }
        }
    });
});

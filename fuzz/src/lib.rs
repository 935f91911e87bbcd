//! Shared by the fuzz targets: running on a big stack, budgets, and turning bytes
//! into programs and recordings.

use revpy_compiler::CompileMode;
use revpy_vm::effects::log::{self, Recording};
use revpy_vm::{Mode, OutputSink, Vm};
use std::sync::{mpsc, Mutex, OnceLock};

/// Instructions a fuzzed program may run (a few milliseconds).
pub const INSTRUCTIONS: u64 = 200_000;
/// Heap a fuzzed program may use.
pub const HEAP_BYTES: usize = 64 << 20;

/// The stack of the thread each input runs on. AddressSanitizer makes frames
/// several times larger, so the VM is told a quarter of it.
const STACK: usize = 256 << 20;

type Job = Box<dyn FnOnce() + Send>;

/// Run `f` on the fuzz thread: one long-lived thread with a big stack (as `revpy`
/// runs the VM; starting a thread per input costs more than most inputs under
/// AddressSanitizer). A panic there is a crash like any other (libFuzzer's panic
/// hook aborts the process).
pub fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    static WORKER: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    let worker = WORKER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("fuzz-vm".into())
            .stack_size(STACK)
            .spawn(move || {
                revpy_vm::set_thread_stack_size(STACK / 4);
                for job in rx {
                    job();
                }
            })
            .expect("spawn the fuzz thread");
        Mutex::new(tx)
    });
    let (tx, rx) = mpsc::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(f());
    });
    worker
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .send(job)
        .expect("the fuzz thread is gone");
    rx.recv().unwrap_or_else(|_| std::process::abort())
}

/// Bytes as source text: the longest valid UTF-8 prefix (lossy decoding would turn
/// most mutations into U+FFFD).
pub fn source(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    }
}

/// A new VM with the standard library: a copy of one made once per thread (making
/// one costs more than running most inputs; a copy shares its heap's chunks until
/// written, and starts from the same state every time).
pub fn fresh_vm() -> Vm {
    thread_local! {
        static TEMPLATE: std::cell::RefCell<Option<Vm>> = const { std::cell::RefCell::new(None) };
    }
    TEMPLATE.with(|t| {
        let mut t = t.borrow_mut();
        let template = t.get_or_insert_with(revpy_stdlib::new_vm);
        let mut vm = template.fork();
        vm.isolate_caches();
        vm
    })
}

/// A VM for untrusted code: no world (`Mode::Offline`: console only, empty stdin,
/// output discarded) and budgets.
pub fn offline_vm() -> Vm {
    let mut vm = fresh_vm();
    vm.effects.mode = Mode::Offline;
    vm.effects.stdin = Some(Default::default());
    vm.effects.stdout = OutputSink::Null;
    vm.effects.stderr = OutputSink::Null;
    vm.set_limits(Some(INSTRUCTIONS), Some(HEAP_BYTES));
    vm
}

/// Compile and run `src` offline, within the budgets. Every outcome is fine
/// except a panic.
pub fn run_source(src: &str) {
    let Ok(code) = revpy_compiler::compile(src, "fuzz.py", CompileMode::Module) else {
        return;
    };
    let mut vm = offline_vm();
    vm.set_argv(&["fuzz.py".to_string()], ".");
    vm.add_source("fuzz.py", src);
    let _ = vm.run_main(code);
}

/// Make every checksum of a recording right (the header's and each chunk's, for
/// the lengths as they are), so that mutations reach the decoders.
pub fn fix_checksums(data: &mut [u8]) {
    if data.len() < log::PREAMBLE_LEN {
        return;
    }
    let u32_at = |d: &[u8], i: usize| u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
    let hlen = (u32_at(data, 12) as usize).min(data.len() - log::PREAMBLE_LEN);
    let crc = log::crc32(&data[log::PREAMBLE_LEN..log::PREAMBLE_LEN + hlen]);
    data[16..20].copy_from_slice(&crc.to_le_bytes());
    let mut pos = log::PREAMBLE_LEN + hlen;
    while data.len() - pos >= log::CHUNK_HEAD_LEN {
        let len = (u32_at(data, pos + 1) as usize).min(data.len() - pos - log::CHUNK_HEAD_LEN);
        let start = pos + log::CHUNK_HEAD_LEN;
        let crc = log::crc32(&data[start..start + len]);
        data[pos + 5..pos + 9].copy_from_slice(&crc.to_le_bytes());
        pos = start + len;
    }
}

/// Replay a recording as `revpy replay --quiet` does, within the budgets.
pub fn replay(rec: Recording) {
    let truncated = !rec.is_complete();
    let end = rec.end().cloned();
    let Recording { header, effects, .. } = rec;
    let file = header.argv.first().cloned().unwrap_or_else(|| "<main>".into());
    let Ok(code) = revpy_compiler::compile(&header.main_source, &file, CompileMode::Module) else {
        return;
    };
    let mut vm = fresh_vm();
    vm.start_replay(effects, truncated);
    vm.effects.stdout = OutputSink::Null;
    vm.effects.stderr = OutputSink::Null;
    vm.set_limits(Some(INSTRUCTIONS), Some(HEAP_BYTES));
    vm.set_argv(&header.argv, &header.script_dir);
    vm.add_source(&file, &header.main_source);
    if let Ok(revpy_vm::ExitStatus::Code(c)) = vm.run_main(code) {
        if let Some(end) = end {
            let _ = vm.check_replay_end(&end, c);
        }
    }
}

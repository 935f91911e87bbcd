//! Arbitrary bytes as a recording: the log reader, then a replay of what it read
//! (within the budgets). The first byte chooses: odd, the bytes as they are
//! (checksums and all); even, with every checksum fixed first, so that mutations
//! reach the decoders. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use revpy_vm::effects::log::Recording;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut bytes = rest.to_vec();
    if mode & 1 == 0 {
        revpy_fuzz::fix_checksums(&mut bytes);
    }
    revpy_fuzz::on_big_stack(move || {
        if let Ok(rec) = Recording::parse(&bytes) {
            // What `revpy info` looks at.
            let _ = format!("{:?} {:?}", rec.header, rec.tail);
            revpy_fuzz::replay(rec);
        }
    });
});

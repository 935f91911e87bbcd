//! revpy's standard library: modules written for revpy, installed into a VM.
//!
//! `sys` and the builtins live in the VM itself; this crate adds the importable
//! modules (`math`, `time`, `random`, ... as they are written).

use revpy_vm::Vm;

/// The names of the modules this crate provides (for `--list-modules`).
pub fn module_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = vec!["builtins", "sys"];
    v.sort();
    v
}

/// A VM with the standard library installed.
pub fn new_vm() -> Vm {
    Vm::new()
}

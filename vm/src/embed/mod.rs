//! Embedding the VM in a Rust program: host functions (`host`, typed ones with
//! `Vm::register_fn` in `typed`), recording and
//! replaying from Rust (`recording`), and the bounds an embedder sets on stack depth
//! and on a run's instructions and heap (`budget`). The three verbs (build, compile,
//! run) are on `Vm` itself; see the crate docs.

mod budget;
pub mod host;
mod recording;
pub mod typed;

pub use budget::{native_depth_limit, set_thread_stack_size, Limits};

//! What the VM offers debuggers: the hook called at stop points, forks and
//! resumable checkpoints, instruction tracing, and evaluation of expressions in a
//! frame.

pub(crate) mod eval;

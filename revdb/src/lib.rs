//! revdb: the reverse debugger of revpy. `engine` is the API (timeline,
//! checkpoints, motions, breakpoints, watchpoints, anchors, evaluation); `shell`
//! is the command-line front end over it.

pub mod analysis;
pub mod engine;
pub mod expr;
pub mod fastwatch;
pub mod history;
pub mod shell;
pub mod tui;

pub use engine::{Engine, Event, Pos};

//! Property tests of the engine: random patterns never panic.

//! Natives that consume a generator (`list(g)`, `set(g)`, `sorted(g)`, `sum(g)`,
//! `any(g)`, `all(g)`, ...) drain it in one nested loop instead of one per item.
//!
//! The generator's frame runs with `Frame::ret == RET_DRAIN`. When it yields a
//! value whose handling by the native runs no Python code (appending it to the
//! native's list of items, adding an int or a float to `sum`'s total, a value
//! `any`/`all` can skip because its truth is known), the value is handed over
//! here and the frame goes on at once as if the native had resumed it with
//! `next()`: no suspension, no loop exit and re-entry per item. Any other value
//! suspends the generator and goes to the native as before, so the native sees
//! the same values in the same order, the same Python code runs in the same order,
//! and the same instructions are counted (nothing happens at a resumption that the
//! debugger or the instruction count sees).

use super::{Exit, RET_DRAIN};
use crate::object::{Kind, ObjRef, Value};
use crate::{PyResult, Vm};

/// Most items a `Collect` drain takes before it hands control back to its native
/// (which checks the allocation limit and may collect): an endless generator
/// still ends in MemoryError.
const COLLECT_CHUNK: usize = 4096;

/// The room a `Hashable` drain's first chunk starts with.
const HASHABLE_FIRST: usize = 16;

/// What a draining native does with the values the generator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DrainMode {
    /// Keep every value (`iterate`): the native only appends it.
    #[default]
    Collect,
    /// Keep the values whose hash and equality run no Python code (None, bool,
    /// int, float, str): `set(g)` adds them later, unobservably.
    Hashable,
    /// `any()`: values known falsy (None, False, 0, 0.0) are skipped.
    Any,
    /// `all()`: values known truthy (True, nonzero ints and floats) are skipped.
    All,
    /// `sum()`: int and float values are added to `acc` exactly as `sum` adds them.
    Sum,
}

/// The state of one draining native (`Vm::drains`, innermost last).
#[derive(Clone, Debug)]
pub struct Drain {
    pub mode: DrainMode,
    /// `Collect`: the values taken so far (GC roots while the drain runs).
    pub items: Vec<Value>,
    /// `Sum`: the running total, an int or a float.
    pub acc: Value,
}

impl Default for Drain {
    fn default() -> Drain {
        Drain::new(DrainMode::Collect)
    }
}

impl Drain {
    pub fn new(mode: DrainMode) -> Drain {
        Drain {
            mode,
            items: Vec::new(),
            acc: Value::None,
        }
    }
}

impl Vm {
    /// Run generator `g` as `next(g)` would, but in drain mode `d`: values the mode
    /// takes are left in `d` and the generator runs on. `Some(v)`: it yielded `v`,
    /// which the mode did not take (it is suspended); None: it finished (returned).
    /// `hold_gc`: no collection while it runs (the caller holds values the
    /// collector cannot see), as `resume_generator`; otherwise as
    /// `resume_generator_gc`.
    pub(crate) fn drain_generator(
        &mut self,
        g: ObjRef,
        d: &mut Drain,
        hold_gc: bool,
    ) -> PyResult<Option<Value>> {
        let depth = self.frames.len();
        if hold_gc {
            self.gc_holds += 1;
        }
        let r = if self.push_drained_frame(g, depth) {
            if d.mode == DrainMode::Hashable && d.items.capacity() == 0 {
                // `set(genexpr)`: one allocation rather than a growth at 4, 8 and 16
                // items. (Only here: the items of a `Collect` drain become a list
                // whose capacity counts in its size.)
                d.items.reserve(HASHABLE_FIRST);
            }
            self.drains.push(std::mem::take(d));
            let r = self.run(depth);
            *d = self.drains.pop().expect("drain");
            r
        } else {
            // Finished, running, or too deep: the general resume says what happens.
            self.resume_generator_gc(g, Value::None, None)
        };
        if hold_gc {
            self.gc_holds -= 1;
        }
        Ok(match r? {
            Exit::Yield(v) => Some(v),
            Exit::Return(_) => None,
        })
    }

    /// Push the frame of suspended (or not yet started) generator `g`, resumed with
    /// None, to run in drain mode. False, with nothing done, in every other case
    /// (and when the resumption would raise RecursionError).
    fn push_drained_frame(&mut self, g: ObjRef, depth: usize) -> bool {
        if depth + self.native_depth as usize >= self.recursion_limit
            || self.loops >= self.native_depth_limit
        {
            return false;
        }
        let Kind::Generator(gd) = self.heap.kind_mut(g) else {
            return false;
        };
        if gd.finished || gd.running || gd.frame.is_none() {
            return false;
        }
        self.push_suspended_frame(g, Value::None, RET_DRAIN);
        true
    }

    /// The frame of the innermost drain yields `v`: whether its native takes it (the
    /// frame then goes on, resumed with None). Has no effect when it refuses.
    #[inline]
    pub(super) fn drain_accept(&mut self, v: Value) -> bool {
        let Some(d) = self.drains.last_mut() else {
            return false;
        };
        match d.mode {
            DrainMode::Collect => {
                if d.items.len() >= COLLECT_CHUNK {
                    return false;
                }
                d.items.push(v);
                true
            }
            DrainMode::Hashable => {
                if !self.hash_is_native(v) {
                    return false;
                }
                let Some(d) = self.drains.last_mut() else {
                    return false;
                };
                if d.items.len() >= COLLECT_CHUNK {
                    return false;
                }
                d.items.push(v);
                true
            }
            DrainMode::Any => match v {
                Value::None | Value::Bool(false) | Value::Int(0) => true,
                Value::Float(f) => f == 0.0,
                _ => false,
            },
            DrainMode::All => match v {
                Value::Bool(true) => true,
                Value::Int(i) => i != 0,
                Value::Float(f) => f != 0.0,
                _ => false,
            },
            // As `b_sum` adds them (builtins/iteration.rs).
            DrainMode::Sum => {
                d.acc = match (d.acc, v) {
                    (Value::Int(a), Value::Int(b)) => match a.checked_add(b) {
                        Some(s) => Value::Int(s),
                        None => return false,
                    },
                    (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                    (Value::Int(a), Value::Float(b)) => Value::Float(a as f64 + b),
                    (Value::Float(a), Value::Int(b)) => Value::Float(a + b as f64),
                    _ => return false,
                };
                true
            }
        }
    }

    /// Whether hashing `v` and comparing it with a key of a set of such values runs
    /// no Python code: None, bool, int, float, and exact str.
    #[inline]
    pub(crate) fn hash_is_native(&self, v: Value) -> bool {
        match v {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => true,
            Value::Obj(r) => self.heap.get(r).class == self.types.str,
            Value::Undef => false,
        }
    }

    /// `v` if it is a generator (of the built-in type: generators have no
    /// subclasses), which a native may drain.
    #[inline]
    pub(crate) fn as_generator(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Generator(_)) => Some(r),
            _ => None,
        }
    }
}

//! Attributes of a plain instance, stored in the object itself (`Kind::Object`)
//! instead of a dict object of their own: a short vector of `(name, value)` pairs in
//! insertion order. The first request for the instance's `__dict__` (`vars(obj)`,
//! `obj.__dict__`, `copy`) moves them into a real dict (`Vm::instance_dict`), which
//! the instance then keeps, as CPython 3.11 does with its inline values.
//!
//! A point with two attributes costs its object slot plus 32 bytes per attribute,
//! instead of a dict object, its table and its index.

use crate::object::{Heap, Kind, Value};

/// Bytes the collector charges per attribute slot (a name and a value).
pub const ATTR_BYTES: u64 = 32;
/// More attributes than this go to a dict (lookups in the vector are linear).
pub const MAX_INLINE_ATTRS: usize = 16;

/// The inline attributes of a plain instance (empty once it has a dict).
#[derive(Clone, Debug, Default)]
pub struct Attrs(pub Vec<(Value, Value)>, pub Mixed);

/// Whether some name was not an interned str when stored (else an interned name
/// that is not identical to any key is not there: no text comparison is needed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mixed(pub bool);

impl Attrs {
    pub const fn new() -> Attrs {
        Attrs(Vec::new(), Mixed(false))
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Slots reserved (what the collector charges).
    #[inline]
    pub fn capacity(&self) -> usize {
        self.0.capacity()
    }

    /// The pair at position `i`.
    #[inline]
    pub fn at(&self, i: usize) -> Option<(Value, Value)> {
        self.0.get(i).copied()
    }

    /// Replace the value at position `i` (which exists).
    #[inline]
    pub fn set_at(&mut self, i: usize, v: Value) {
        self.0[i].1 = v;
    }

    /// Position of a str name: by identity, else by text (names are strs; a
    /// non-interned one may equal an interned key).
    #[inline]
    pub fn find(&self, heap: &Heap, name: Value) -> Option<usize> {
        if let Some(i) = self.0.iter().position(|(k, _)| k.is(name)) {
            return Some(i);
        }
        self.find_text(heap, name)
    }

    #[inline(never)]
    fn find_text(&self, heap: &Heap, name: Value) -> Option<usize> {
        let Value::Obj(nr) = name else { return None };
        let Kind::Str(ns) = heap.kind(nr) else {
            return None;
        };
        if ns.interned && !self.1 .0 {
            return None;
        }
        self.0.iter().position(|(k, _)| match k {
            Value::Obj(kr) => match heap.kind(*kr) {
                // Two distinct interned strs never have the same text.
                Kind::Str(ks) => !(ks.interned && ns.interned) && ks.s == ns.s,
                _ => false,
            },
            _ => false,
        })
    }

    /// Append a new pair; returns the bytes the slots grew by (for `Heap::charge`).
    /// Small vectors grow one slot at a time (most instances have a few attributes).
    #[inline]
    /// `interned`: whether `k` is an interned str (`is_interned`).
    pub fn push(&mut self, k: Value, v: Value, interned: bool) -> u64 {
        self.1 .0 |= !interned;
        let cap = self.0.capacity();
        if self.0.len() == cap {
            self.0.reserve_exact(if cap < 4 { 1 } else { cap });
        }
        self.0.push((k, v));
        (self.0.capacity() - cap) as u64 * ATTR_BYTES
    }

    /// Remove the pair at position `i`, keeping the others' order.
    pub fn remove(&mut self, i: usize) {
        self.0.remove(i);
    }

    /// Take every pair out (the instance got a dict).
    pub fn take(&mut self) -> Vec<(Value, Value)> {
        self.1 = Mixed(false);
        std::mem::take(&mut self.0)
    }
}

/// Whether a value is an interned str.
#[inline]
pub fn is_interned(heap: &Heap, k: Value) -> bool {
    matches!(k, Value::Obj(r) if matches!(heap.kind(r), Kind::Str(s) if s.interned))
}

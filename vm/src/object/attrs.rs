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

/// The inline attributes of a plain instance (empty once it has a dict). The third
/// field is a filter of the names stored since the last `take`: a name whose bit
/// (`name_bit`) is clear was never stored, so lookups that miss (a method under an
/// instance, a class attribute) skip the scan.
#[derive(Clone, Debug, Default)]
pub struct Attrs(pub Vec<(Value, Value)>, pub Mixed, pub u32);

/// The filter bit of a name (`Attrs`' third field): from the str's object number
/// (all bits for anything else).
#[inline]
pub fn name_bit(name: Value) -> u32 {
    match name {
        Value::Obj(r) => 1 << (r.0.wrapping_mul(0x9e37_79b1) >> 27),
        _ => u32::MAX,
    }
}

/// Whether some name was not an interned str when stored (else an interned name
/// that is not identical to any key is not there: no text comparison is needed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mixed(pub bool);

impl Attrs {
    pub const fn new() -> Attrs {
        Attrs(Vec::new(), Mixed(false), 0)
    }

    /// No attributes yet, room for `n` (`ClassData::attr_hint`).
    pub fn with_capacity(n: usize) -> Attrs {
        Attrs(Vec::with_capacity(n), Mixed(false), 0)
    }

    /// Attributes read back from a packed snapshot (the filter is rebuilt).
    pub fn unpacked(pairs: Vec<(Value, Value)>, mixed: bool) -> Attrs {
        let bits = pairs.iter().fold(0, |b, (k, _)| b | name_bit(*k));
        Attrs(pairs, Mixed(mixed), bits)
    }

    /// False when an interned str `name` is certainly not a key: it is not in the
    /// filter and every key was stored as an interned str (a key of the same text
    /// would be that very str).
    #[inline]
    pub fn may_have(&self, name: Value) -> bool {
        self.1 .0 || self.2 & name_bit(name) != 0
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
        self.2 |= name_bit(k);
        let cap = self.0.capacity();
        if self.0.len() == cap {
            self.0.reserve_exact(if cap < 4 { 1 } else { cap });
        }
        self.0.push((k, v));
        (self.0.capacity() - cap) as u64 * ATTR_BYTES
    }

    /// Append a new pair with an interned str name where there is room (an
    /// `__init__` filling a new instance: `interp/inline.rs`'s `own_store_slow`),
    /// without `push`'s growth policy and charge.
    #[inline]
    pub fn push_in_room(&mut self, k: Value, v: Value) {
        debug_assert!(self.0.len() < self.0.capacity());
        self.2 |= name_bit(k);
        self.0.push((k, v));
    }

    /// Remove the pair at position `i`, keeping the others' order.
    pub fn remove(&mut self, i: usize) {
        self.0.remove(i);
    }

    /// Take every pair out (the instance got a dict).
    pub fn take(&mut self) -> Vec<(Value, Value)> {
        self.1 = Mixed(false);
        self.2 = 0;
        std::mem::take(&mut self.0)
    }
}

/// Record that `k` is (about to be) an inline attribute name (see
/// `PyStr::never_attr`): every store of a new name into `Attrs` calls this first.
#[inline]
pub fn note_attr_name(heap: &Heap, k: Value) {
    if let Value::Obj(r) = k {
        if let Kind::Str(s) = heap.kind(r) {
            s.never_attr.set(false);
        }
    }
}

/// False when `name` is an interned str never stored as an inline attribute name
/// (`PyStr::never_attr`): no `Attrs` whose names are all interned holds it.
#[inline]
pub fn may_be_attr_name(heap: &Heap, name: Value) -> bool {
    match name {
        Value::Obj(r) => match heap.kind(r) {
            Kind::Str(s) => !s.never_attr.get(),
            _ => true,
        },
        _ => true,
    }
}

/// Whether a value is an interned str.
#[inline]
pub fn is_interned(heap: &Heap, k: Value) -> bool {
    matches!(k, Value::Obj(r) if matches!(heap.kind(r), Kind::Str(s) if s.interned))
}

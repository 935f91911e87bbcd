//! The dict table: CPython's compact layout (insertion-ordered entries plus an index
//! table with open addressing). Key equality is supplied by the caller, because it may
//! need to run Python code (`__eq__`); see `Probe`.
//!
//! Sized as CPython 3.11 sizes its dicts (issue 12: programs with many small dicts):
//! the index is 8 slots held inline in the table (no allocation) until the dict
//! outgrows 5 entries, then one byte per slot up to 128 slots, two up to 65536, four
//! above; the entry vector is allocated at the usable fraction of the index (2/3),
//! or exactly at the size asked for by `with_capacity` (literals, copies), never by
//! doubling; an entry packs its key's and value's tags into 2 bytes (32 bytes, not
//! 40). The probe sequence, and so the order in which `__eq__` runs on equal-hash
//! keys, is CPython's whatever the index width.

use crate::object::value::ObjRef;
use crate::object::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

/// The smallest index (CPython's PyDict_MINSIZE), kept inline in the table.
const MIN_SIZE: usize = 8;

/// An entry as callers see it (built from the packed slot on the fly).
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub hash: i64,
    /// `Undef` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

/// An entry as stored: the two values' payloads and their tags apart, so that the
/// tags take 2 bytes instead of 16 (a `Value` is a tag word and a payload word).
#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: i64,
    key: u64,
    value: u64,
    key_tag: u8,
    value_tag: u8,
}

const T_UNDEF: u8 = 0;

#[inline(always)]
fn pack(v: Value) -> (u8, u64) {
    match v {
        Value::Undef => (T_UNDEF, 0),
        Value::None => (1, 0),
        Value::Bool(b) => (2, b as u64),
        Value::Int(i) => (3, i as u64),
        Value::Float(f) => (4, f.to_bits()),
        Value::Obj(r) => (5, r.0 as u64),
    }
}

#[inline(always)]
fn unpack(t: u8, p: u64) -> Value {
    match t {
        T_UNDEF => Value::Undef,
        1 => Value::None,
        2 => Value::Bool(p != 0),
        3 => Value::Int(p as i64),
        4 => Value::Float(f64::from_bits(p)),
        _ => Value::Obj(ObjRef(p as u32)),
    }
}

impl Slot {
    #[inline(always)]
    fn new(hash: i64, key: Value, value: Value) -> Slot {
        let (key_tag, key) = pack(key);
        let (value_tag, value) = pack(value);
        Slot {
            hash,
            key,
            value,
            key_tag,
            value_tag,
        }
    }
    #[inline(always)]
    fn key(&self) -> Value {
        unpack(self.key_tag, self.key)
    }
    #[inline(always)]
    fn value(&self) -> Value {
        unpack(self.value_tag, self.value)
    }
    #[inline(always)]
    fn is_deleted(&self) -> bool {
        self.key_tag == T_UNDEF
    }
    /// Identity with a packed key (`Value::is`: immediates by value, floats bitwise).
    #[inline(always)]
    fn key_is(&self, k: (u8, u64)) -> bool {
        self.key_tag == k.0 && self.key == k.1
    }
    #[inline(always)]
    fn entry(&self) -> Entry {
        Entry {
            hash: self.hash,
            key: self.key(),
            value: self.value(),
        }
    }
}

/// The index: entry numbers (or EMPTY/DUMMY) in the narrowest width that holds them.
#[derive(Clone, Debug)]
enum Index {
    /// 8 one-byte slots inside the table itself.
    Inline([u8; MIN_SIZE]),
    U8(Box<[u8]>),
    U16(Box<[u16]>),
    U32(Box<[u32]>),
}

impl Index {
    fn new(size: usize) -> Index {
        if size <= MIN_SIZE {
            Index::Inline([u8::MAX; MIN_SIZE])
        } else if size <= 128 {
            Index::U8(vec![u8::MAX; size].into())
        } else if size <= 1 << 16 {
            Index::U16(vec![u16::MAX; size].into())
        } else {
            Index::U32(vec![u32::MAX; size].into())
        }
    }

    #[inline(always)]
    fn len(&self) -> usize {
        match self {
            Index::Inline(_) => MIN_SIZE,
            Index::U8(x) => x.len(),
            Index::U16(x) => x.len(),
            Index::U32(x) => x.len(),
        }
    }

    /// Slot `i` widened: EMPTY and DUMMY of a narrow width become the u32 ones.
    #[inline(always)]
    fn get(&self, i: usize) -> u32 {
        match self {
            Index::Inline(x) => x[i].widen(),
            Index::U8(x) => x[i].widen(),
            Index::U16(x) => x[i].widen(),
            Index::U32(x) => x[i],
        }
    }

    /// Store an entry number (or EMPTY/DUMMY), narrowed (entry numbers stay below
    /// the narrow sentinels: at most 2/3 of the slots are entries).
    #[inline(always)]
    fn set(&mut self, i: usize, ix: u32) {
        match self {
            Index::Inline(x) => x[i] = ix as u8,
            Index::U8(x) => x[i] = ix as u8,
            Index::U16(x) => x[i] = ix as u16,
            Index::U32(x) => x[i] = ix,
        }
    }
}

/// An index slot width: its EMPTY and DUMMY are its two largest values.
trait Word: Copy {
    fn widen(self) -> u32;
}

impl Word for u8 {
    #[inline(always)]
    fn widen(self) -> u32 {
        if self >= u8::MAX - 1 {
            u32::from(self) | !(u8::MAX as u32)
        } else {
            u32::from(self)
        }
    }
}

impl Word for u16 {
    #[inline(always)]
    fn widen(self) -> u32 {
        if self >= u16::MAX - 1 {
            u32::from(self) | !(u16::MAX as u32)
        } else {
            u32::from(self)
        }
    }
}

impl Word for u32 {
    #[inline(always)]
    fn widen(self) -> u32 {
        self
    }
}

/// Run `$body` with `$slots` bound to the index as a slice of its own width (the
/// width is matched once per lookup, not once per probe step).
macro_rules! with_slots {
    ($index:expr, $slots:ident => $body:expr) => {
        match $index {
            Index::Inline(x) => {
                let $slots: &[u8] = &x[..];
                $body
            }
            Index::U8(x) => {
                let $slots: &[u8] = &x[..];
                $body
            }
            Index::U16(x) => {
                let $slots: &[u16] = &x[..];
                $body
            }
            Index::U32(x) => {
                let $slots: &[u32] = &x[..];
                $body
            }
        }
    };
}

impl Default for Index {
    fn default() -> Index {
        Index::Inline([u8::MAX; MIN_SIZE])
    }
}

/// Entries an index of `size` slots may address (CPython's USABLE_FRACTION).
#[inline]
fn usable(size: usize) -> usize {
    (size << 1) / 3
}

/// Outcome of probing for a key with a possibly-incomplete equality.
pub enum Probe {
    /// The entry index of the key.
    Found(usize),
    NotFound,
    /// Some candidate with an equal hash needs a Python-level comparison: the caller
    /// computes it and probes again with a complete equality.
    Slow(Vec<Value>),
}

#[derive(Clone, Debug, Default)]
pub struct Dict {
    entries: Vec<Slot>,
    index: Index,
    used: u32,
    /// Index slots that are not EMPTY (live or DUMMY): the table grows on this, or
    /// deletions would fill it with DUMMY slots and probing would never end.
    fill: u32,
    /// Changes whenever an entry is added, removed or moved (not when a value is
    /// replaced): inline caches remember entry positions under a stamp. Stamps come
    /// from one process-wide counter, so equal stamps mean equal layouts even across
    /// snapshot copies. They are never visible to programs.
    stamp: u64,
}

static NEXT_STAMP: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn new_stamp() -> u64 {
    NEXT_STAMP.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The probe sequence (CPython's): first slot, then the next from the previous.
#[inline(always)]
fn next_slot(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// Everything the table holds: entries (deleted ones with an Undef key), index
    /// slots (`u32::MAX` empty, `u32::MAX - 1` deleted), used, fill, stamp (debugger
    /// checkpoints pack it).
    pub(crate) fn raw_parts(&self) -> (Vec<Entry>, Vec<u32>, usize, usize, u64) {
        (
            self.entries.iter().map(Slot::entry).collect(),
            (0..self.index.len()).map(|i| self.index.get(i)).collect(),
            self.used as usize,
            self.fill as usize,
            self.stamp,
        )
    }

    /// A table from `raw_parts`.
    pub(crate) fn from_raw_parts(
        entries: Vec<Entry>,
        indices: Vec<u32>,
        used: usize,
        fill: usize,
        stamp: u64,
    ) -> Dict {
        let mut index = Index::new(indices.len().max(MIN_SIZE));
        for (i, ix) in indices.into_iter().enumerate() {
            index.set(i, ix);
        }
        Dict {
            entries: entries
                .into_iter()
                .map(|e| Slot::new(e.hash, e.key, e.value))
                .collect(),
            index,
            used: used as u32,
            fill: fill as u32,
            stamp,
        }
    }

    /// An empty table sized for `n` entries: the entries exactly, the index as
    /// CPython's `dict_new_presized` (a literal or a copy is not over-allocated).
    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        if n > 0 {
            let size = (n * 3).div_ceil(2).next_power_of_two().max(MIN_SIZE);
            d.index = Index::new(size);
            d.entries.reserve_exact(n.min(usable(size)));
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used as usize
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of entry slots, live or deleted (iteration bound).
    #[inline]
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at raw position `i`.
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<Entry> {
        self.entries
            .get(i)
            .filter(|e| !e.is_deleted())
            .map(Slot::entry)
    }

    /// The value at raw position `i`, `Undef` if the entry is deleted or out of
    /// range (the key is not unpacked: LOAD_GLOBAL's cache knows it by the stamp).
    #[inline(always)]
    pub fn value_or_undef(&self, i: usize) -> Value {
        match self.entries.get(i) {
            Some(e) => e.value(),
            None => Value::Undef,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Entry> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.is_deleted())
            .map(Slot::entry)
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|e| (e.key, e.value)).collect()
    }

    /// Whether no entry was deleted: then growing the table moves no entry.
    #[inline]
    fn is_compact(&self) -> bool {
        self.used as usize == self.entries.len()
    }

    /// Whether the next `insert_new` rebuilds the table (`rebuild`: the deleted
    /// entries go, the live ones move down over them).
    #[inline(always)]
    fn insert_grows(&self) -> bool {
        (self.entries.len().max(self.fill as usize) + 1) * 3 >= self.index.len() * 2
    }

    /// Whether the next `insert_new` moves entries: it rebuilds a table that has
    /// deleted entries (the collector's partial remembering follows the moves:
    /// `Heap::dict_for_insert`).
    #[inline(always)]
    pub fn insert_compacts(&self) -> bool {
        !self.is_compact() && self.insert_grows()
    }

    /// The raw position the next `insert_new` puts its entry at.
    #[inline]
    pub fn insert_position(&self) -> usize {
        if self.insert_grows() {
            self.used as usize
        } else {
            self.entries.len()
        }
    }

    /// The live entries before raw position `pos`: where the entry at `pos` moves
    /// to when the table is rebuilt.
    pub fn live_before(&self, pos: usize) -> usize {
        let head = self.entries.get(..pos).unwrap_or(&self.entries);
        head.iter().filter(|e| !e.is_deleted()).count()
    }

    /// `trace` over the entries from raw position `from` on.
    pub fn trace_from(&self, from: usize, f: &mut impl FnMut(Value)) {
        for e in self.entries.get(from..).unwrap_or_default() {
            if !e.is_deleted() {
                f(e.key());
                f(e.value());
            }
        }
    }

    /// The raw position of the first live entry from `from` on whose key or value
    /// satisfies `pred`.
    pub fn position_from(&self, from: usize, mut pred: impl FnMut(Value) -> bool) -> Option<usize> {
        let tail = self.entries.get(from..).unwrap_or_default();
        tail.iter()
            .position(|e| !e.is_deleted() && (pred(e.key()) || pred(e.value())))
            .map(|i| from + i)
    }

    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        for e in &self.entries {
            if !e.is_deleted() {
                f(e.key());
                f(e.value());
            }
        }
    }

    /// Look up by hash with `eq(candidate)`: `Some(bool)` when decidable without
    /// running Python, `None` otherwise.
    pub fn probe(&self, hash: i64, key: Value, eq: &mut dyn FnMut(Value) -> Option<bool>) -> Probe {
        if self.used == 0 && self.fill == 0 {
            return Probe::NotFound;
        }
        with_slots!(&self.index, slots => self.probe_in(slots, hash, key, eq))
    }

    #[inline(always)]
    fn probe_in<W: Word>(
        &self,
        slots: &[W],
        hash: i64,
        key: Value,
        eq: &mut dyn FnMut(Value) -> Option<bool>,
    ) -> Probe {
        let pk = pack(key);
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut slow: Vec<Value> = vec![];
        loop {
            let ix = slots[i].widen();
            if ix == EMPTY {
                return if slow.is_empty() {
                    Probe::NotFound
                } else {
                    Probe::Slow(slow)
                };
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key_is(pk) {
                    // CPython compares the earlier equal-hash keys first (their
                    // `__eq__` may print, raise or say equal).
                    return if slow.is_empty() {
                        Probe::Found(ix as usize)
                    } else {
                        Probe::Slow(slow)
                    };
                }
                if e.hash == hash {
                    match eq(e.key()) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None => slow.push(e.key()),
                    }
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    /// The layout stamp (see the field).
    #[inline]
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Find a key by identity, else by hash and `eq` (monomorphized; no Python).
    #[inline]
    pub fn find_with(&self, hash: i64, key: Value, eq: impl Fn(Value) -> bool) -> Option<usize> {
        with_slots!(&self.index, slots => self.find_in(slots, hash, key, &eq))
    }

    #[inline(always)]
    fn find_in<W: Word>(
        &self,
        slots: &[W],
        hash: i64,
        key: Value,
        eq: &impl Fn(Value) -> bool,
    ) -> Option<usize> {
        let pk = pack(key);
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = slots[i].widen();
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key_is(pk) || (e.hash == hash && eq(e.key())) {
                    return Some(ix as usize);
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    pub fn find_simple(
        &self,
        hash: i64,
        key: Value,
        eq: &mut dyn FnMut(Value) -> bool,
    ) -> Option<usize> {
        match self.probe(hash, key, &mut |k| Some(eq(k))) {
            Probe::Found(i) => Some(i),
            _ => None,
        }
    }

    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value()
    }
    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        let (t, p) = pack(v);
        let e = &mut self.entries[i];
        e.value_tag = t;
        e.value = p;
    }
    #[inline]
    pub fn key_at(&self, i: usize) -> Value {
        self.entries[i].key()
    }

    /// A new index of `size` slots over the compacted entries; the entry vector gets
    /// room for exactly the entries that index may address (CPython allocates a new
    /// keys object of that size: a table that shrank gives memory back).
    fn rebuild(&mut self, size: usize) {
        self.stamp = new_stamp();
        if self.used as usize != self.entries.len() {
            self.entries.retain(|e| !e.is_deleted());
        }
        let cap = usable(size).max(self.entries.len());
        if self.entries.capacity() > cap {
            self.entries.shrink_to(cap);
        } else {
            self.entries.reserve_exact(cap - self.entries.len());
        }
        self.index = Index::new(size);
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.index.get(i) != EMPTY {
                i = next_slot(i, &mut perturb, mask);
            }
            self.index.set(i, ix as u32);
        }
        self.fill = self.entries.len() as u32;
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let size = self.index.len();
        if self.insert_grows() {
            // CPython's GROWTH_RATE: three times the live entries.
            let size = (self.used as usize * 3).next_power_of_two().max(MIN_SIZE);
            self.rebuild(size);
        } else if self.entries.len() == self.entries.capacity() {
            // Room for what the index may address (a presized table that grows).
            self.entries
                .reserve_exact(usable(size).max(self.entries.len() + 1) - self.entries.len());
        }
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.index.get(i);
            if ix == EMPTY || ix == DUMMY {
                break;
            }
            i = next_slot(i, &mut perturb, mask);
        }
        if self.index.get(i) == EMPTY {
            self.fill += 1;
        }
        self.index.set(i, self.entries.len() as u32);
        self.entries.push(Slot::new(hash, key, value));
        self.stamp = new_stamp();
        self.used += 1;
    }

    /// Remove the entry at index `ix`; returns (key, value).
    pub fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let e = self.entries[ix];
        let mask = self.index.len() - 1;
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        while self.index.get(i) != ix as u32 {
            i = next_slot(i, &mut perturb, mask);
        }
        self.index.set(i, DUMMY);
        self.stamp = new_stamp();
        let d = &mut self.entries[ix];
        d.key_tag = T_UNDEF;
        d.key = 0;
        d.value_tag = T_UNDEF;
        d.value = 0;
        self.used -= 1;
        // Trailing deleted entries can go at once (keeps popitem O(1)).
        while self.entries.last().is_some_and(|e| e.is_deleted())
            && (self.used as usize) < self.entries.len()
        {
            // Only safe when no index points at it: deleted entries have DUMMY indices.
            self.entries.pop();
        }
        (e.key(), e.value())
    }

    /// Make an empty table room for `n` entries (`dict(other)`, `update` of an
    /// empty dict): no growth steps, no over-allocation.
    pub fn presize(&mut self, n: usize) {
        if self.entries.is_empty() && self.fill == 0 && n > self.entries.capacity() {
            *self = Dict::with_capacity(n);
            self.stamp = new_stamp();
        }
    }

    /// Give back entry room that will likely stay unused (a parsed JSON object).
    pub fn trim(&mut self) {
        if self.entries.capacity() > self.entries.len() {
            self.entries.shrink_to_fit();
        }
    }

    /// The last live entry index (popitem).
    pub fn last_index(&self) -> Option<usize> {
        (0..self.entries.len())
            .rev()
            .find(|&i| !self.entries[i].is_deleted())
    }

    pub fn clear(&mut self) {
        *self = Dict::new();
        self.stamp = new_stamp();
    }
}

/// The dict behind a heap object's shared pointer, for writing: copied first if a
/// snapshot of the heap (a debugger checkpoint) still shares it.
#[inline(always)]
pub fn unshared(x: &mut std::rc::Rc<Dict>) -> &mut Dict {
    if std::rc::Rc::strong_count(x) != 1 || std::rc::Rc::weak_count(x) != 0 {
        unshare(x);
    }
    // SAFETY: `x` is now the only reference to its dict (one strong, no weak
    // pointers) and we hold it mutably, so no other reference can exist.
    unsafe { &mut *(std::rc::Rc::as_ptr(x) as *mut Dict) }
}

#[cold]
#[inline(never)]
fn unshare(x: &mut std::rc::Rc<Dict>) {
    std::rc::Rc::make_mut(x);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(std::mem::size_of::<Slot>(), 32);
        assert_eq!(std::mem::size_of::<Dict>(), 64);
    }

    /// Grows through every index width, deletes, and finds everything again.
    #[test]
    fn widths_and_deletes() {
        let mut d = Dict::new();
        let eq = |a: Value, b: Value| a.is(b);
        for n in 0..70000i64 {
            let h = n.wrapping_mul(0x9e37_79b9_7f4a_7c15u64 as i64);
            d.insert_new(h, Value::Int(n), Value::Int(-n));
        }
        assert!(matches!(d.index, Index::U32(_)));
        for n in (0..70000i64).step_by(3) {
            let h = n.wrapping_mul(0x9e37_79b9_7f4a_7c15u64 as i64);
            let i = d
                .find_with(h, Value::Int(n), |k| eq(k, Value::Int(n)))
                .unwrap();
            assert!(d.remove_at(i).1.is(Value::Int(-n)));
        }
        for n in 0..70000i64 {
            let h = n.wrapping_mul(0x9e37_79b9_7f4a_7c15u64 as i64);
            let f = d.find_with(h, Value::Int(n), |k| eq(k, Value::Int(n)));
            assert_eq!(f.is_some(), n % 3 != 0, "{n}");
            if let Some(i) = f {
                assert!(d.value_at(i).is(Value::Int(-n)));
            }
        }
        let (e, ix, used, fill, stamp) = d.raw_parts();
        let d2 = Dict::from_raw_parts(e, ix, used, fill, stamp);
        assert_eq!(d2.keys().len(), d.len());
        let mut small = Dict::with_capacity(3);
        for n in 0..3i64 {
            small.insert_new(n, Value::Int(n), Value::None);
        }
        assert_eq!(small.entries.capacity(), 3);
        assert!(matches!(small.index, Index::Inline(_)));
        small.insert_new(3, Value::Int(3), Value::None);
        assert_eq!(small.entries.capacity(), 5);
    }
}

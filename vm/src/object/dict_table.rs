//! The dict table: CPython's compact layout (insertion-ordered entries plus an index
//! table with open addressing). Key equality is supplied by the caller, because it may
//! need to run Python code (`__eq__`); see `Probe`.

use crate::object::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub hash: i64,
    /// `Undef` marks a deleted entry.
    pub key: Value,
    pub value: Value,
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
    entries: Vec<Entry>,
    indices: Vec<u32>,
    used: usize,
    /// Index slots that are not EMPTY (live or DUMMY): the table grows on this, or
    /// deletions would fill it with DUMMY slots and probing would never end.
    fill: usize,
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

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// Everything the table holds: entries, index slots (`u32::MAX` empty,
    /// `u32::MAX - 1` deleted), used, fill, stamp (debugger checkpoints pack it).
    pub(crate) fn raw_parts(&self) -> (&[Entry], &[u32], usize, usize, u64) {
        (
            &self.entries,
            &self.indices,
            self.used,
            self.fill,
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
        Dict {
            entries,
            indices,
            used,
            fill,
            stamp,
        }
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        if n > 0 {
            d.entries.reserve(n);
            d.rebuild((n * 3 / 2 + 1).next_power_of_two().max(8));
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
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
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_undef())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_undef())
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

    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        for e in self.iter() {
            f(e.key);
            f(e.value);
        }
    }

    /// Look up by hash with `eq(candidate)`: `Some(bool)` when decidable without
    /// running Python, `None` otherwise.
    pub fn probe(&self, hash: i64, key: Value, eq: &mut dyn FnMut(Value) -> Option<bool>) -> Probe {
        if self.indices.is_empty() {
            return Probe::NotFound;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut slow: Vec<Value> = vec![];
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return if slow.is_empty() {
                    Probe::NotFound
                } else {
                    Probe::Slow(slow)
                };
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key.is(key) {
                    return Probe::Found(ix as usize);
                }
                if e.hash == hash {
                    match eq(e.key) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None => slow.push(e.key),
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Find a key using identity and a total equality (no Python needed).
    /// The layout stamp (see the field).
    #[inline]
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Find a key by identity, else by hash and `eq` (monomorphized; no Python).
    #[inline]
    pub fn find_with(&self, hash: i64, key: Value, eq: impl Fn(Value) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key.is(key) || (e.hash == hash && eq(e.key)) {
                    return Some(ix as usize);
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
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
        self.entries[i].value
    }
    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
    }
    #[inline]
    pub fn key_at(&self, i: usize) -> Value {
        self.entries[i].key
    }

    fn rebuild(&mut self, size: usize) {
        self.stamp = new_stamp();
        // Compact the entries, then re-index.
        if self.used != self.entries.len() {
            self.entries.retain(|e| !e.key.is_undef());
        }
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = ix as u32;
        }
        self.fill = self.entries.len();
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len().max(self.fill) + 1) * 3 >= self.indices.len() * 2 {
            let size = ((self.used + 1) * 3).next_power_of_two().max(8);
            self.rebuild(size);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY && self.indices[i] != DUMMY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        if self.indices[i] == EMPTY {
            self.fill += 1;
        }
        self.indices[i] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.stamp = new_stamp();
        self.used += 1;
    }

    /// Remove the entry at index `ix`; returns (key, value).
    pub fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let e = self.entries[ix];
        let mask = self.indices.len() - 1;
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = DUMMY;
        self.stamp = new_stamp();
        self.entries[ix].key = Value::Undef;
        self.entries[ix].value = Value::Undef;
        self.used -= 1;
        // Trailing deleted entries can go at once (keeps popitem O(1)).
        while self.entries.last().is_some_and(|e| e.key.is_undef())
            && self.used < self.entries.len()
        {
            // Only safe when no index points at it: deleted entries have DUMMY indices.
            self.entries.pop();
        }
        (e.key, e.value)
    }

    /// The last live entry index (popitem).
    pub fn last_index(&self) -> Option<usize> {
        (0..self.entries.len())
            .rev()
            .find(|&i| !self.entries[i].key.is_undef())
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

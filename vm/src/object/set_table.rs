//! The set table: CPython's algorithm (linear probing in runs of 9, then perturbation;
//! the same growth policy), so that iteration order equals CPython's for the same
//! operations. Equality is supplied by the caller, as for dicts.

use crate::object::dict_table::Probe;
use crate::object::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

/// The end (exclusive) of the run of slots probed from slot `i`: ten slots when
/// they fit below the end of the table, else only `i` (CPython's set_lookkey).
/// An exclusive range: `0..=n` loops cost an extra check per step.
#[inline(always)]
fn run_end(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask {
        i + LINEAR_PROBES + 1
    } else {
        i + 1
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Slot {
    pub hash: i64,
    /// `Undef` with hash 0 is empty; `Undef` with hash -1 is a deleted (dummy) slot.
    pub key: Value,
}

const EMPTY_SLOT: Slot = Slot {
    hash: 0,
    key: Value::Undef,
};

#[derive(Clone, Debug)]
pub struct SetTable {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    /// Everything the table holds: slots, fill, used, finger (debugger
    /// checkpoints pack it).
    pub(crate) fn raw_parts(&self) -> (&[Slot], usize, usize, usize) {
        (&self.table, self.fill, self.used, self.finger)
    }

    /// A table from `raw_parts`.
    pub(crate) fn from_raw_parts(
        table: Vec<Slot>,
        fill: usize,
        used: usize,
        finger: usize,
    ) -> SetTable {
        SetTable {
            table,
            fill,
            used,
            finger,
        }
    }

    pub fn new() -> SetTable {
        SetTable {
            table: vec![EMPTY_SLOT; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    #[inline]
    fn mask(&self) -> usize {
        self.table.len() - 1
    }
    pub fn raw_len(&self) -> usize {
        self.table.len()
    }
    /// The live key at raw slot `i`.
    #[inline]
    pub fn slot_at(&self, i: usize) -> Option<Value> {
        self.table.get(i).map(|s| s.key).filter(|k| !k.is_undef())
    }
    /// The first live key at raw slot `i` or after, with its slot (a set
    /// iterator's step).
    #[inline]
    pub fn next_live(&self, i: usize) -> Option<(usize, Value)> {
        let rest = self.table.get(i..)?;
        let j = rest.iter().position(|s| !s.key.is_undef())?;
        Some((i + j, rest[j].key))
    }
    pub fn slot_hash(&self, i: usize) -> i64 {
        self.table[i].hash
    }
    pub fn iter(&self) -> impl Iterator<Item = Value> + '_ {
        self.table
            .iter()
            .filter(|s| !s.key.is_undef())
            .map(|s| s.key)
    }
    pub fn iter_with_hash(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.table
            .iter()
            .filter(|s| !s.key.is_undef())
            .map(|s| (s.hash, s.key))
    }
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        self.iter().for_each(f);
    }

    /// Probe for a key (see `dict::Probe`); `Found` carries the slot index.
    pub fn probe(&self, hash: i64, key: Value, eq: &mut dyn FnMut(Value) -> Option<bool>) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut slow = vec![];
        loop {
            for (j, s) in self.table[i..run_end(i, mask)].iter().enumerate() {
                if s.key.is_undef() {
                    if s.hash == 0 {
                        return if slow.is_empty() {
                            Probe::NotFound
                        } else {
                            Probe::Slow(slow)
                        };
                    }
                    continue;
                }
                if s.hash == hash {
                    if s.key.is(key) {
                        return Probe::Found(i + j);
                    }
                    match eq(s.key) {
                        Some(true) => return Probe::Found(i + j),
                        Some(false) => {}
                        None => slow.push(s.key),
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Find a key by identity or hash and a total equality (monomorphized).
    #[inline]
    pub fn find_with(&self, hash: i64, key: Value, eq: impl Fn(Value) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            for (j, s) in self.table[i..run_end(i, mask)].iter().enumerate() {
                if s.key.is_undef() {
                    if s.hash == 0 {
                        return None;
                    }
                    continue;
                }
                if s.hash == hash && (s.key.is(key) || eq(s.key)) {
                    return Some(i + j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Insert a key known to be absent (set_add_entry's insertion path).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            for j in 0..run_end(i, mask) - i {
                let s = self.table[i + j];
                if s.key.is_undef() {
                    if s.hash == 0 {
                        match freeslot {
                            Some(f) => {
                                self.used += 1;
                                self.table[f] = Slot { hash, key };
                                return;
                            }
                            None => {
                                self.fill += 1;
                                self.used += 1;
                                self.table[i + j] = Slot { hash, key };
                                if self.fill * 5 >= mask * 3 {
                                    let n = if self.used > 50000 {
                                        self.used * 2
                                    } else {
                                        self.used * 4
                                    };
                                    self.resize(n);
                                }
                                return;
                            }
                        }
                    } else {
                        // CPython 3.11 reuses the last dummy seen before the free slot.
                        freeslot = Some(i + j);
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn insert_clean(table: &mut [Slot], hash: i64, key: Value) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_undef() {
                table[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..LINEAR_PROBES + 1 {
                    if table[i + j].key.is_undef() {
                        table[i + j] = Slot { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// set_table_resize: the smallest power of two > minused.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![EMPTY_SLOT; newsize]);
        self.fill = self.used;
        for s in old {
            if !s.key.is_undef() {
                Self::insert_clean(&mut self.table, s.hash, s.key);
            }
        }
    }

    /// One big resize before adding `n` keys from a dict (set_update_internal).
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// Remove the key at slot `i` (discard).
    pub fn remove_slot(&mut self, i: usize) -> Value {
        let k = self.table[i].key;
        self.table[i] = Slot {
            hash: -1,
            key: Value::Undef,
        };
        self.used -= 1;
        k
    }

    /// set.pop(): CPython's finger scan.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.table[i].key.is_undef() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let k = self.remove_slot(i);
        self.finger = i + 1;
        Some(k)
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// set_merge from another set: the same shortcuts as CPython (copy or clean insert
    /// into an empty table), else `None` so the caller does ordinary insertions.
    pub fn merge_into_empty(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill != 0 {
            return false;
        }
        if self.table.len() == other.table.len() && other.fill == other.used {
            self.table.copy_from_slice(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return true;
        }
        self.fill = other.used;
        self.used = other.used;
        for s in &other.table {
            if !s.key.is_undef() {
                Self::insert_clean(&mut self.table, s.hash, s.key);
            }
        }
        true
    }

    /// A new table holding `other`'s keys: what `SetTable::new()` followed by
    /// `merge_into_empty(other)` makes (the same size, the same slots), without
    /// the empty table and the intermediate copy (`set(s)`).
    pub fn copy_of(other: &SetTable) -> SetTable {
        if other.used == 0 {
            return SetTable::new();
        }
        let mut size = MINSIZE;
        if other.used * 5 >= (MINSIZE - 1) * 3 {
            // `resize(used * 2)`: the smallest power of two above it.
            while size <= other.used * 2 {
                size <<= 1;
            }
        }
        if size == other.table.len() && other.fill == other.used {
            return SetTable {
                table: other.table.clone(),
                fill: other.fill,
                used: other.used,
                finger: 0,
            };
        }
        let mut table = vec![EMPTY_SLOT; size];
        for s in &other.table {
            if !s.key.is_undef() {
                Self::insert_clean(&mut table, s.hash, s.key);
            }
        }
        SetTable {
            table,
            fill: other.used,
            used: other.used,
            finger: 0,
        }
    }

    /// Frozenset hash, as CPython.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for s in &self.table {
            hash ^= shuffle(s.hash as u64);
        }
        if (self.table.len() - self.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle(-1i64 as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

//! The checkpoints: resumable copies of the VM along the timeline. Copies share
//! the heap's chunks (see `revpy_vm::object::heap::Chunk`), so what a checkpoint costs is
//! the chunks that changed since its neighbours; this store counts every chunk
//! once and keeps the total under a budget, thinning far from where the user is.

use revpy_vm::object::heap::Chunk;
use revpy_vm::Vm;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A chunk held by one or more checkpoints.
struct ChunkUse {
    /// The times of the checkpoints holding it (usually one or two).
    holders: Vec<u64>,
    bytes: usize,
    /// Keeps the chunk (and so its address, the key) alive while it is counted.
    _chunk: Rc<Chunk>,
}

/// Checkpoints by time, with their memory counted across shared chunks.
#[derive(Default)]
pub struct Checkpoints {
    map: BTreeMap<u64, Vm>,
    chunks: HashMap<*const Chunk, ChunkUse, BuildHasherDefault<PtrHasher>>,
    /// Bytes of the chunks each checkpoint alone holds (kept as they come and
    /// go, so thinning does not rescan every chunk of every checkpoint).
    unique: HashMap<u64, usize>,
    /// Bytes of all distinct chunks plus each checkpoint's own state.
    total: usize,
    /// The largest heap (in bytes) of any checkpoint so far.
    peak_heap: usize,
    /// The budget set by the user, if any (see `budget`).
    pub budget_set: Option<usize>,
}

/// Hashes chunk addresses (aligned pointers: the low bits carry nothing).
#[derive(Default)]
struct PtrHasher(u64);

impl Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The smallest default memory budget for checkpoints.
pub const MIN_BUDGET: usize = 16 << 20;
/// The default budget is this many times the program's heap (at its largest so
/// far), or `MIN_BUDGET` if that is more: one copy of the heap is shared by all
/// checkpoints, the rest pays for what changes between them.
pub const BUDGET_HEAP_FACTOR: usize = 2;

/// What a checkpoint holds besides its heap chunks: the frames, the operand stack,
/// the chunk table and the VM's fixed state.
fn own_bytes(vm: &Vm) -> usize {
    vm.stack.capacity() * 16 + vm.frames.capacity() * 64 + vm.heap.chunks().len() * 8 + 16 * 1024
}

impl Checkpoints {
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Estimated bytes of all checkpoints (shared chunks counted once).
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn contains(&self, t: u64) -> bool {
        self.map.contains_key(&t)
    }

    pub fn get(&self, t: u64) -> Option<&Vm> {
        self.map.get(&t)
    }

    pub fn times(&self) -> impl Iterator<Item = u64> + '_ {
        self.map.keys().copied()
    }

    /// The latest checkpoint at or before `t`.
    pub fn at_or_before(&self, t: u64) -> Option<(u64, &Vm)> {
        self.map.range(..=t).next_back().map(|(k, v)| (*k, v))
    }

    /// The latest checkpoint strictly before `t`.
    pub fn before(&self, t: u64) -> Option<u64> {
        self.map.range(..t).next_back().map(|(k, _)| *k)
    }

    /// The largest program heap seen in a checkpoint, in bytes.
    pub fn peak_heap_bytes(&self) -> usize {
        self.peak_heap
    }

    pub fn insert(&mut self, t: u64, vm: Vm) {
        self.remove(t);
        let mut heap = 0;
        let mut mine = 0;
        for c in vm.heap.chunks() {
            let e = self
                .chunks
                .entry(Rc::as_ptr(c))
                .or_insert_with(|| ChunkUse {
                    holders: vec![],
                    bytes: c.bytes(),
                    _chunk: c.clone(),
                });
            if e.holders.last() == Some(&t) {
                continue;
            }
            match e.holders.as_slice() {
                [] => {
                    self.total += e.bytes;
                    mine += e.bytes;
                }
                [only] => {
                    if let Some(u) = self.unique.get_mut(only) {
                        *u -= e.bytes;
                    }
                }
                _ => {}
            }
            e.holders.push(t);
            heap += e.bytes;
        }
        self.unique.insert(t, mine);
        self.peak_heap = self.peak_heap.max(heap);
        self.total += own_bytes(&vm);
        self.map.insert(t, vm);
    }

    pub fn remove(&mut self, t: u64) {
        let Some(vm) = self.map.remove(&t) else {
            return;
        };
        self.total -= own_bytes(&vm);
        self.unique.remove(&t);
        for c in vm.heap.chunks() {
            let p = Rc::as_ptr(c);
            if let Some(e) = self.chunks.get_mut(&p) {
                let Some(i) = e.holders.iter().position(|h| *h == t) else {
                    continue;
                };
                e.holders.swap_remove(i);
                match e.holders.as_slice() {
                    [] => {
                        self.total -= e.bytes;
                        self.chunks.remove(&p);
                    }
                    [only] => {
                        if let Some(u) = self.unique.get_mut(only) {
                            *u += e.bytes;
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// The bytes removing the checkpoint at `t` would free.
    pub fn unique_bytes(&self, t: u64) -> usize {
        let Some(vm) = self.map.get(&t) else {
            return 0;
        };
        self.unique.get(&t).copied().unwrap_or(0) + own_bytes(vm)
    }

    /// The memory budget: the one set, or the default.
    pub fn budget(&self) -> usize {
        self.budget_set
            .unwrap_or_else(|| (self.peak_heap * BUDGET_HEAP_FACTOR).max(MIN_BUDGET))
    }

    /// Drop checkpoints until they fit the budget. Each one's worth is the gap its
    /// removal would leave, divided by its distance from `focus` (so they stay
    /// dense near it and get sparse far away), per byte it alone holds: a far
    /// checkpoint that shares nothing with the others is a whole copy of the heap
    /// and goes before many small ones near the user. The first one always stays.
    pub fn thin(&mut self, focus: u64, interval: u64) {
        let budget = self.budget();
        while self.total > budget && self.map.len() > 2 {
            let times: Vec<u64> = self.map.keys().copied().collect();
            let mut best: Option<(f64, u64)> = None;
            for i in 1..times.len() {
                let prev = times[i - 1];
                let next = times.get(i + 1).copied().unwrap_or(times[i] + interval);
                let dist = times[i].abs_diff(focus) as f64 + 1.0;
                let bytes = self.unique_bytes(times[i]).max(1) as f64;
                let worth = (next - prev) as f64 / dist / bytes;
                if best.is_none_or(|(b, _)| worth < b) {
                    best = Some((worth, times[i]));
                }
            }
            match best {
                Some((_, t)) => self.remove(t),
                None => return,
            }
        }
    }
}

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
    /// The recording's length in stop points, if known: the skeleton of far
    /// checkpoints spans it (see `skeleton_stride`).
    pub length: Option<u64>,
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

/// The share of the budget the skeleton of far checkpoints may take.
pub const SKELETON_SHARE: f64 = 0.5;
/// The most checkpoints in the skeleton.
pub const SKELETON_MAX: u64 = 64;

/// What a checkpoint holds besides its heap chunks: the frames, the operand stack,
/// the chunk table and the VM's fixed state.
fn own_bytes(vm: &Vm) -> usize {
    vm.stack.capacity() * 16 + vm.frames.capacity() * 64 + vm.heap.chunks().len() * 8 + 16 * 1024
}

impl Checkpoints {
    /// An empty store for a recording of `length` stop points (if known).
    pub fn for_length(length: Option<u64>) -> Checkpoints {
        Checkpoints {
            length,
            ..Default::default()
        }
    }

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

    /// The distance between the slots of the skeleton: checkpoints spread
    /// evenly over the whole recording, so a `go` anywhere replays at most
    /// this far. As many slots as copies of the heap fit in the skeleton's
    /// share of the budget (0: no skeleton, fewer than 2 fit).
    pub fn skeleton_stride(&self) -> u64 {
        let Some(len) = self.length else {
            return 0;
        };
        let heap = self.peak_heap.max(1) as f64;
        let k = ((self.budget() as f64 * SKELETON_SHARE) / heap).floor() as u64;
        let k = k.min(SKELETON_MAX);
        if k < 2 || len < k * 1000 {
            return 0;
        }
        len / (k + 1) + 1
    }

    /// Whether a skeleton slot (`t / stride`) already has a checkpoint.
    pub fn slot_held(&self, t: u64, stride: u64) -> bool {
        let start = t / stride * stride;
        self.map.range(start..start + stride).next().is_some()
    }

    /// The skeleton's checkpoints: the earliest of each slot (the first
    /// checkpoint, always kept, is not counted).
    fn skeleton(&self, stride: u64) -> Vec<u64> {
        let mut out: Vec<u64> = vec![];
        if stride == 0 {
            return out;
        }
        let first = self.map.keys().next().copied();
        for &t in self.map.keys() {
            if Some(t) == first {
                continue;
            }
            if out.last().is_none_or(|l| l / stride != t / stride) {
                out.push(t);
            }
        }
        out
    }

    /// Drop checkpoints until they fit the budget. The skeleton (see
    /// `skeleton_stride`) stays while it fits its share: the others go first,
    /// by the rule below; beyond its share, the skeleton's checkpoint whose
    /// removal costs a `go` to a random time least (product of the gaps on
    /// its sides, per byte) goes.
    pub fn thin(&mut self, focus: u64, interval: u64) {
        let budget = self.budget();
        while self.total > budget && self.map.len() > 2 {
            let stride = self.skeleton_stride();
            let skel = self.skeleton(stride);
            let skel_bytes: usize = skel.iter().map(|t| self.unique_bytes(*t)).sum();
            let over = skel_bytes as f64 > budget as f64 * SKELETON_SHARE;
            let times: Vec<u64> = self.map.keys().copied().collect();
            let others = times.len() - 1 - skel.len();
            let t = if !skel.is_empty() && (over || others == 0) {
                let mut best: Option<(f64, u64)> = None;
                for i in 1..times.len() {
                    if skel.binary_search(&times[i]).is_err() {
                        continue;
                    }
                    let prev = times[i - 1];
                    let next = times.get(i + 1).copied().unwrap_or(times[i] + interval);
                    let bytes = self.unique_bytes(times[i]).max(1) as f64;
                    let worth = (times[i] - prev) as f64 * (next - times[i]) as f64 / bytes;
                    if best.is_none_or(|(b, _)| worth < b) {
                        best = Some((worth, times[i]));
                    }
                }
                best.map(|(_, t)| t)
            } else {
                self.focus_victim(&times, &skel, focus, interval)
            };
            match t {
                Some(t) => self.remove(t),
                None => return,
            }
        }
    }

    /// Drop checkpoints until they fit the budget (skeleton aside). Each one's worth is the gap its
    /// removal would leave, divided by its distance from `focus` (so they stay
    /// dense near it and get sparse far away), per byte it alone holds: a far
    /// checkpoint that shares nothing with the others is a whole copy of the heap
    /// and goes before many small ones near the user. The first one always stays.
    fn focus_victim(&self, times: &[u64], skel: &[u64], focus: u64, interval: u64) -> Option<u64> {
        {
            let mut best: Option<(f64, u64)> = None;
            for i in 1..times.len() {
                if skel.binary_search(&times[i]).is_ok() {
                    continue;
                }
                let prev = times[i - 1];
                let next = times.get(i + 1).copied().unwrap_or(times[i] + interval);
                let dist = times[i].abs_diff(focus) as f64 + 1.0;
                let bytes = self.unique_bytes(times[i]).max(1) as f64;
                let worth = (next - prev) as f64 / dist / bytes;
                if best.is_none_or(|(b, _)| worth < b) {
                    best = Some((worth, times[i]));
                }
            }
            best.map(|(_, t)| t)
        }
    }
}

//! The checkpoints: resumable copies of the VM along the timeline, under a
//! memory budget.
//!
//! A checkpoint starts as a copy-on-write fork: it shares the heap's chunks
//! (see `revpy_vm::object::heap::Chunk`) with the running program and the other
//! checkpoints, so what it costs is the chunks that changed since. That is the
//! cheapest form near the user, where checkpoints are dense and restoring one
//! must be instant. Far apart in time a program may have rewritten its whole
//! heap, and then each fork is a whole copy of it; so the skeleton of far
//! checkpoints (one per slot of the timeline, see `skeleton_stride`) is packed
//! (`revpy_vm::debug::pack`): encoded and compressed against the image of a
//! nearby packed checkpoint, with the chunks still shared left shared. Images
//! form two levels under keyframes (packed alone), so a restore decompresses
//! at most three (see `Checkpoints::pack`). A packed checkpoint costs a few
//! percent of a fork of a rewritten heap and is restored in milliseconds.
//!
//! This store counts every chunk and every packed image once, and keeps the
//! total under a budget, thinning far from where the user is. Chunks that a
//! live VM holds anyway (the state at the current position, and a run's VM at
//! its latest checkpoint) are pinned and not counted: the forks near the user
//! share almost all of that heap, and counting it would give a copy of the
//! heap that costs nothing half the budget. A `go` that starts from a packed
//! checkpoint drops the current state first (see `Engine::release_cur`), so
//! the old heap and the one the move builds are not both held.
//!
//! The second core is not used: the VM is `Rc`-based, so a helper thread
//! would need its own VM replaying from the start and an `Rc`-free form of
//! every checkpoint, and memory (not CPU) is what limits the skeleton.

use revpy_vm::debug::pack::{Image, PackedVm};
use revpy_vm::object::heap::Chunk;
use revpy_vm::Vm;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A chunk held by one or more checkpoints.
struct ChunkUse {
    /// The times of the checkpoints holding it (usually one or two).
    holders: Vec<u64>,
    bytes: usize,
    /// Held by a live VM too (see `Checkpoints::pin`): then it costs the
    /// checkpoints nothing. A bit per pin slot.
    pinned: u8,
    /// Keeps the chunk (and so its address, the key) alive while it is counted.
    _chunk: Rc<Chunk>,
}

impl ChunkUse {
    /// The bytes it adds to the total, and to the unique bytes of its only
    /// holder (if it has one).
    fn counted(&self) -> usize {
        if self.pinned != 0 || self.holders.is_empty() {
            0
        } else {
            self.bytes
        }
    }
}

/// A packed image held by one or more checkpoints (its own, and those packed
/// against it).
struct ImageUse {
    holders: usize,
    bytes: usize,
    /// Packed alone (a keyframe).
    key: bool,
    /// Keeps the image (and so its address, the key) alive while it is counted.
    _image: Rc<Image>,
}

/// A checkpoint: a copy-on-write fork, or packed.
pub enum Snap {
    Fork(Vm),
    Packed(PackedVm),
}

impl Snap {
    /// The VM's counters and frames (`stop_points`, `instructions`,
    /// `heap.next_serial()`); a packed checkpoint's heap has no objects here.
    pub fn info(&self) -> &Vm {
        match self {
            Snap::Fork(vm) => vm,
            Snap::Packed(p) => p.shell(),
        }
    }

    /// A VM to run from it.
    pub fn restore(&self) -> Vm {
        match self {
            Snap::Fork(vm) => vm.clone(),
            Snap::Packed(p) => p.unpack(),
        }
    }

    pub fn is_packed(&self) -> bool {
        matches!(self, Snap::Packed(_))
    }

    /// The heap chunks it shares (counted across checkpoints).
    fn chunks(&self) -> Box<dyn Iterator<Item = &Rc<Chunk>> + '_> {
        match self {
            Snap::Fork(vm) => Box::new(vm.heap.chunks().iter()),
            Snap::Packed(p) => Box::new(p.shared_chunks()),
        }
    }

    /// The packed images it holds (counted across checkpoints).
    fn images(&self) -> Vec<Rc<Image>> {
        match self {
            Snap::Fork(_) => vec![],
            Snap::Packed(p) => p.images(),
        }
    }

    /// What it holds besides shared chunks and images: the frames, the
    /// operand stack, the chunk table and the VM's fixed state; a packed one's
    /// copied objects.
    fn own_bytes(&self) -> usize {
        let vm = self.info();
        let base = vm.stack.capacity() * 16 + vm.frames.capacity() * 64 + 16 * 1024;
        match self {
            Snap::Fork(vm) => base + vm.heap.chunks().len() * 8,
            Snap::Packed(p) => base + p.own_bytes(),
        }
    }
}

/// Work done by the debugger's runs, counted (not timed: the counts do not
/// depend on the machine's load), for benchmarks and `info checkpoints`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Stop points replayed.
    pub replayed: u64,
    /// Runs of the replay.
    pub runs: u64,
    /// Runs started from a packed checkpoint (unpacked).
    pub unpacks: u64,
    /// Checkpoints taken (forks).
    pub forks: u64,
    /// Checkpoints packed.
    pub packs: u64,
}

/// Checkpoints by time, with their memory counted across shared chunks.
#[derive(Default)]
pub struct Checkpoints {
    /// Work counted so far.
    pub work: Work,
    map: BTreeMap<u64, Snap>,
    chunks: HashMap<*const Chunk, ChunkUse, BuildHasherDefault<PtrHasher>>,
    images: HashMap<*const Image, ImageUse, BuildHasherDefault<PtrHasher>>,
    /// Bytes of the chunks each checkpoint alone holds (kept as they come and
    /// go, so thinning does not rescan every chunk of every checkpoint).
    unique: HashMap<u64, usize>,
    /// Bytes of all distinct chunks and images plus each checkpoint's own state.
    total: usize,
    /// Bytes of all distinct images.
    image_total: usize,
    /// Bytes of the distinct images packed alone (keyframes).
    key_total: usize,
    /// The largest heap (in bytes) of any checkpoint so far.
    peak_heap: usize,
    /// The budget set by the user, if any (see `budget`).
    pub budget_set: Option<usize>,
    /// The recording's length in stop points, if known: the skeleton of far
    /// checkpoints spans it (see `skeleton_stride`).
    pub length: Option<u64>,
    /// The chunks of the live VMs' heaps by pin slot (see `pin`), kept alive
    /// while pinned (their addresses are the keys).
    pins: [Pinned; 2],
}

/// The chunks of one live VM's heap (see `Checkpoints::pin`).
#[derive(Default)]
struct Pinned {
    chunks: Vec<Rc<Chunk>>,
    set: HashSet<*const Chunk, BuildHasherDefault<PtrHasher>>,
}

/// The pin slot of the state at the current position.
pub const PIN_CUR: usize = 0;
/// The pin slot of the VM a run replays (its heap at its latest checkpoint).
pub const PIN_RUN: usize = 1;

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
/// far), or `MIN_BUDGET` if that is more. The heap of the current position
/// (and of a run's VM) is not counted in it (see `Checkpoints::pin`): the
/// budget pays for the skeleton of packed far checkpoints and for what
/// changes between the checkpoints near the current position. (On
/// `benches/debug/long_run.py`, a program that rewrites its heap, the
/// debugger then peaks at about 2.9 times the memory of `revpy run`.)
pub const BUDGET_HEAP_FACTOR: f64 = 2.5;

/// The share of the budget the skeleton of far checkpoints may take.
pub const SKELETON_SHARE: f64 = 0.75;
/// The most checkpoints in the skeleton.
pub const SKELETON_MAX: u64 = 1024;
/// Stop points per skeleton slot at least.
const SKELETON_MIN_STRIDE: u64 = 4096;
/// Before any checkpoint was packed, a packed one is reckoned at this
/// fraction of the heap.
const PACKED_GUESS: usize = 32;
/// A keyframe's image is reckoned shared by at least this many packed
/// checkpoints (see `slot_cost`).
const KEY_SPREAD: usize = 16;
/// A packed checkpoint is packed on its own (becomes a keyframe) when packing
/// it against the keyframe saves less than this fraction.
const DELTA_WORTH: usize = 2;
/// A leaf larger than its middle frame by this ratio (numerator, denominator)
/// is packed as a new middle frame instead (see `Checkpoints::pack`).
const LEAF_DRIFT: (usize, usize) = (5, 4);

/// The number of skeleton slots for `fit` checkpoints: the largest of 2^n
/// and 3 * 2^n at most `fit` (0 for none). Few values, so that the count
/// does not follow every change of the estimate (each change moves the
/// slots' bounds), and each at least 2/3 of `fit`.
fn slot_count(fit: u64) -> u64 {
    let Some(b) = fit.checked_ilog2() else {
        return 0;
    };
    let p = 1u64 << b;
    if b >= 1 && p / 2 * 3 <= fit {
        p / 2 * 3
    } else {
        p
    }
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

    pub fn get(&self, t: u64) -> Option<&Snap> {
        self.map.get(&t)
    }

    pub fn times(&self) -> impl Iterator<Item = u64> + '_ {
        self.map.keys().copied()
    }

    /// The latest checkpoint at or before `t`.
    pub fn at_or_before(&self, t: u64) -> Option<(u64, &Snap)> {
        self.map.range(..=t).next_back().map(|(k, v)| (*k, v))
    }

    /// The latest checkpoint strictly before `t`.
    pub fn before(&self, t: u64) -> Option<u64> {
        self.map.range(..t).next_back().map(|(k, _)| *k)
    }

    /// How many checkpoints are packed.
    pub fn packed(&self) -> usize {
        self.map.values().filter(|s| s.is_packed()).count()
    }

    /// The largest program heap seen in a checkpoint, in bytes.
    pub fn peak_heap_bytes(&self) -> usize {
        self.peak_heap
    }

    /// Keep a fork of the VM taken at `t`.
    pub fn insert(&mut self, t: u64, vm: Vm) {
        self.work.forks += 1;
        let heap = self.put(t, Snap::Fork(vm));
        self.peak_heap = self.peak_heap.max(heap);
    }

    /// Keep `snap` at `t`; the bytes of the chunks it shares.
    fn put(&mut self, t: u64, snap: Snap) -> usize {
        self.remove(t);
        let mut mine = 0;
        let mut heap = 0;
        for c in snap.chunks() {
            let pinned = self
                .pins
                .iter()
                .enumerate()
                .filter(|(_, m)| m.set.contains(&Rc::as_ptr(c)))
                .fold(0u8, |a, (i, _)| a | 1 << i);
            let e = self
                .chunks
                .entry(Rc::as_ptr(c))
                .or_insert_with(|| ChunkUse {
                    holders: vec![],
                    bytes: c.bytes(),
                    pinned,
                    _chunk: c.clone(),
                });
            if e.holders.last() == Some(&t) {
                continue;
            }
            heap += e.bytes;
            if e.pinned != 0 {
                e.holders.push(t);
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
        }
        for im in snap.images() {
            let e = self
                .images
                .entry(Rc::as_ptr(&im))
                .or_insert_with(|| ImageUse {
                    holders: 0,
                    bytes: im.bytes(),
                    key: im.base().is_none(),
                    _image: im.clone(),
                });
            if e.holders == 0 {
                self.total += e.bytes;
                self.image_total += e.bytes;
                if e.key {
                    self.key_total += e.bytes;
                }
            }
            e.holders += 1;
        }
        self.unique.insert(t, mine);
        self.total += snap.own_bytes();
        self.map.insert(t, snap);
        heap
    }

    pub fn remove(&mut self, t: u64) -> Option<Snap> {
        let snap = self.map.remove(&t)?;
        self.total -= snap.own_bytes();
        self.unique.remove(&t);
        for c in snap.chunks() {
            let p = Rc::as_ptr(c);
            if let Some(e) = self.chunks.get_mut(&p) {
                let Some(i) = e.holders.iter().position(|h| *h == t) else {
                    continue;
                };
                e.holders.swap_remove(i);
                if e.pinned != 0 {
                    if e.holders.is_empty() {
                        self.chunks.remove(&p);
                    }
                    continue;
                }
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
        for im in snap.images() {
            let p = Rc::as_ptr(&im);
            if let Some(e) = self.images.get_mut(&p) {
                e.holders -= 1;
                if e.holders == 0 {
                    self.total -= e.bytes;
                    self.image_total -= e.bytes;
                    if e.key {
                        self.key_total -= e.bytes;
                    }
                    self.images.remove(&p);
                }
            }
        }
        Some(snap)
    }

    /// Count the chunks of `vm`'s heap (a live VM's, which holds them
    /// anyway) as costing the checkpoints nothing, instead of those pinned
    /// before in the same `slot` (`PIN_CUR`, `PIN_RUN`); `None`: none. The
    /// checkpoints near a VM share most of its heap: without this, that copy
    /// of the heap would take half the default budget, and moving far away
    /// would evict the far checkpoints for it.
    pub fn pin(&mut self, slot: usize, vm: Option<&Vm>) {
        let old = std::mem::take(&mut self.pins[slot]);
        let mut new = Pinned::default();
        if let Some(vm) = vm {
            new.chunks = vm.heap.chunks().to_vec();
            new.set = new.chunks.iter().map(Rc::as_ptr).collect();
        }
        let bit = 1u8 << slot;
        for c in &old.chunks {
            if !new.set.contains(&Rc::as_ptr(c)) {
                self.set_pinned(Rc::as_ptr(c), |m| m & !bit);
            }
        }
        for c in &new.chunks {
            if !old.set.contains(&Rc::as_ptr(c)) {
                self.set_pinned(Rc::as_ptr(c), |m| m | bit);
            }
        }
        self.pins[slot] = new;
    }

    fn set_pinned(&mut self, p: *const Chunk, f: impl Fn(u8) -> u8) {
        let Some(e) = self.chunks.get_mut(&p) else {
            return;
        };
        let before = e.counted();
        e.pinned = f(e.pinned);
        let after = e.counted();
        self.total = self.total + after - before;
        if let [only] = e.holders.as_slice() {
            if let Some(u) = self.unique.get_mut(only) {
                *u = *u + after - before;
            }
        }
    }

    /// The bytes removing the checkpoint at `t` would free.
    pub fn unique_bytes(&self, t: u64) -> usize {
        let Some(snap) = self.map.get(&t) else {
            return 0;
        };
        let images: usize = snap
            .images()
            .iter()
            .filter_map(|im| self.images.get(&Rc::as_ptr(im)))
            .filter(|e| e.holders == 1)
            .map(|e| e.bytes)
            .sum();
        self.unique.get(&t).copied().unwrap_or(0) + snap.own_bytes() + images
    }

    /// The memory budget: the one set, or the default.
    pub fn budget(&self) -> usize {
        self.budget_set.unwrap_or_else(|| {
            ((self.peak_heap as f64 * BUDGET_HEAP_FACTOR) as usize).max(MIN_BUDGET)
        })
    }

    /// What a checkpoint of the skeleton is reckoned to cost: the average of
    /// the packed ones so far (with the images they hold), or a guess from the
    /// heap's size. A keyframe's image is spread over at least `KEY_SPREAD`
    /// of them: the checkpoints packed later against it share it, and early
    /// in a first pass (one keyframe, few others) its whole cost would make
    /// the skeleton's first slots several times longer than the later ones.
    fn slot_cost(&self) -> usize {
        let packed: Vec<u64> = self
            .map
            .iter()
            .filter(|(_, x)| x.is_packed())
            .map(|(t, _)| *t)
            .collect();
        if packed.is_empty() {
            return (self.peak_heap / PACKED_GUESS).max(1);
        }
        let own: usize = packed
            .iter()
            .map(|t| {
                self.unique.get(t).copied().unwrap_or(0)
                    + self.map.get(t).map_or(0, |x| x.own_bytes())
            })
            .sum();
        let keys = self.key_total;
        let n = packed.len();
        ((own + self.image_total - keys) / n + keys / n.max(KEY_SPREAD)).max(1)
    }

    /// The distance between the slots of the skeleton: checkpoints spread
    /// evenly over the whole recording, so a `go` anywhere replays at most
    /// this far. As many slots as packed checkpoints fit in the skeleton's
    /// share of the budget, rounded down to 2^n or 3 * 2^n (see
    /// `slot_count`); 0: no skeleton (fewer than 2 fit).
    pub fn skeleton_stride(&self) -> u64 {
        let Some(len) = self.length else {
            return 0;
        };
        let fit = ((self.budget() as f64 * SKELETON_SHARE) / self.slot_cost() as f64) as u64;
        let k = slot_count(fit.min(SKELETON_MAX).min(len / SKELETON_MIN_STRIDE));
        if k < 2 {
            return 0;
        }
        len.div_ceil(k)
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

    /// Keep a fork of the VM taken at `t`, packed at once (a checkpoint of
    /// the skeleton).
    pub fn insert_packed(&mut self, t: u64, vm: Vm) {
        self.insert(t, vm);
        self.pack(t);
    }

    /// Pack the fork at `s`. The chunks it shares with the first checkpoint
    /// stay shared (unchanged since the start, they likely never change: the
    /// program's code, classes and constants); the rest is packed against an
    /// image of a packed checkpoint near it (the latest before it, else the
    /// earliest after it), on two levels so that restoring one decompresses
    /// at most three images:
    /// - keyframes, packed alone;
    /// - middle frames, packed against a keyframe;
    /// - leaves, packed against a middle frame (the nearest's).
    ///
    /// A leaf that comes out much larger than its middle frame (the program
    /// has drifted far from it) is packed as a new middle frame instead, and
    /// a middle frame larger than half its keyframe as a new keyframe.
    fn pack(&mut self, s: u64) {
        let Some(first) = self.map.keys().next().copied() else {
            return;
        };
        if s == first || self.map.get(&s).is_none_or(|x| x.is_packed()) {
            return;
        }
        let near = self
            .map
            .range(..s)
            .rev()
            .chain(self.map.range(s + 1..))
            .find_map(|(_, x)| match x {
                Snap::Packed(p) => Some(p.image()),
                _ => None,
            });
        // The keyframe or middle frame to pack against.
        let mut base = near;
        while let Some(b) = base.clone() {
            if b.indexed() && b.depth() <= 1 {
                break;
            }
            base = b.base();
        }
        let Some(Snap::Fork(vm)) = self.remove(s) else {
            return;
        };
        self.work.packs += 1;
        let stable = |c: &Rc<Chunk>| {
            self.chunks
                .get(&Rc::as_ptr(c))
                .is_some_and(|u| u.holders.contains(&first))
        };
        let alone = |vm: Vm| PackedVm::pack(vm, &stable, None, true);
        // Against the keyframe `k`: a middle frame, or a new keyframe.
        let middle = |vm: Vm, k: &Rc<Image>| {
            let p = PackedVm::pack(vm.clone(), &stable, Some(k), true);
            if p.image_bytes() * DELTA_WORTH > k.bytes() {
                alone(vm)
            } else {
                p
            }
        };
        let packed = match &base {
            Some(m) if m.depth() == 1 => {
                let leaf = PackedVm::pack(vm.clone(), &stable, Some(m), false);
                match m.base() {
                    Some(k) if leaf.image_bytes() * LEAF_DRIFT.1 > m.bytes() * LEAF_DRIFT.0 => {
                        middle(vm, &k)
                    }
                    _ => leaf,
                }
            }
            Some(k) => middle(vm, k),
            None => alone(vm),
        };
        self.put(s, Snap::Packed(packed));
    }

    /// Pack the skeleton's forks outside the slot of `focus` (far from where
    /// the user is, they are worth keeping small).
    fn pack_far(&mut self, focus: u64, stride: u64) {
        if stride == 0 {
            return;
        }
        let todo: Vec<u64> = self
            .skeleton(stride)
            .into_iter()
            .filter(|s| s / stride != focus / stride)
            .filter(|s| self.map.get(s).is_some_and(|x| !x.is_packed()))
            .collect();
        for s in todo {
            self.pack(s);
        }
    }

    /// Drop checkpoints until they fit the budget. First the skeleton's forks
    /// far from `focus` are packed. The far checkpoints (the skeleton, see
    /// `skeleton_stride`, and every packed one) stay while they fit the
    /// skeleton's share: the others go first, by the rule of `focus_victim`;
    /// beyond its share, the far checkpoint whose removal costs a `go` to a
    /// random time least (product of the gaps on its sides, per byte) goes.
    /// So a skeleton laid denser than the budget allows (early in a first
    /// pass, see `slot_cost`) is thinned evenly over the whole recording.
    pub fn thin(&mut self, focus: u64, interval: u64) {
        let budget = self.budget();
        if self.total > budget {
            self.pack_far(focus, self.skeleton_stride());
        }
        while self.total > budget && self.map.len() > 2 {
            let stride = self.skeleton_stride();
            let skel = self.skeleton(stride);
            let times: Vec<u64> = self.map.keys().copied().collect();
            let far: Vec<u64> = times
                .iter()
                .skip(1)
                .copied()
                .filter(|t| {
                    skel.binary_search(t).is_ok() || self.map.get(t).is_some_and(Snap::is_packed)
                })
                .collect();
            let far_bytes: usize = far.iter().map(|t| self.unique_bytes(*t)).sum();
            let over = far_bytes as f64 > budget as f64 * SKELETON_SHARE;
            let others = times.len() - 1 - far.len();
            let t = if !far.is_empty() && (over || others == 0) {
                let mut best: Option<(f64, u64)> = None;
                for i in 1..times.len() {
                    if far.binary_search(&times[i]).is_err() {
                        continue;
                    }
                    let prev = times[i - 1];
                    // The last one covers the rest of the recording (on a
                    // first pass, it is the newest: not the cheapest to drop).
                    let next = times
                        .get(i + 1)
                        .copied()
                        .unwrap_or_else(|| (times[i] + interval).max(self.length.unwrap_or(0)));
                    let bytes = self.unique_bytes(times[i]).max(1) as f64;
                    let worth = (times[i] - prev) as f64 * (next - times[i]) as f64 / bytes;
                    if best.is_none_or(|(b, _)| worth < b) {
                        best = Some((worth, times[i]));
                    }
                }
                best.map(|(_, t)| t)
            } else {
                self.focus_victim(&times, &far, focus, interval)
            };
            match t {
                Some(t) => {
                    self.remove(t);
                }
                None => return,
            }
        }
    }

    /// The checkpoint to drop first (the far ones aside): the farthest from
    /// `focus`, so they stay dense near it (the skeleton covers the rest).
    /// The first one always stays.
    fn focus_victim(&self, times: &[u64], far: &[u64], focus: u64, _interval: u64) -> Option<u64> {
        times
            .iter()
            .skip(1)
            .filter(|t| far.binary_search(t).is_err())
            .max_by_key(|t| t.abs_diff(focus))
            .copied()
    }
}

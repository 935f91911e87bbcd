//! The garbage collector: generational mark and sweep over the heap's chunks, run
//! only at collection points when the bytes allocated reach the nursery's size (a
//! function of the program, never of the allocator), from the VM's roots.
//!
//! A minor collection marks only the young objects (made since the last
//! collection) from the roots and the remembered old objects (those written since,
//! `Heap::get_mut`), frees the unmarked young ones and promotes the rest: the
//! short-lived objects most programs make are freed soon, without marking the
//! whole heap. A full collection marks everything, as often as the old generation
//! grows by half of what was live after the previous one.

use crate::interp::Exit;
use crate::object::heap::WeakState;
use crate::object::heap::{
    chunk_in, GcBits, Remembered, RootWalker, Slot, BIG_PAYLOAD_BYTES, CHUNK_BITS, CHUNK_SLOTS,
    MIN_COLLECT_BYTES, NO_SLOT, OBJECT_BYTES, PARTIAL_MIN_LEN,
};
use crate::object::{Heap, Kind, ObjRef, Object, Value};
use crate::{PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// A collection point: runs the GC if enough was allocated and no native call is in
    /// progress (natives may hold values the collector cannot see). A minor collection
    /// (the young objects only), or a full one when the old generation grew by
    /// half of what was live after the last full one.
    #[inline]
    pub(crate) fn maybe_collect(&mut self) {
        if self.heap.allocs >= self.heap.threshold && self.gc_holds == 0 {
            let full = self.heap.old_growth >= self.heap.major_threshold;
            self.collect(full);
        }
    }

    /// `call(f, args)` from a native that keeps every value it holds visible to the
    /// collector (`NativeFunc::gc_safe`: its arguments, `temp_roots`): a Python
    /// function's frame is then a collection point, as when called from the loop.
    /// The key functions of `sorted`, `min` and `max` make a value per item; held
    /// off, the collector let a `max(d.items(), key=...)` pile up megabytes.
    pub(crate) fn call_rooted(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        if self.gc_holds == 0 {
            if let Value::Obj(r) = f {
                if let Kind::Function(_) = self.heap.kind(r) {
                    let (depth, sp) = (self.frames.len(), self.stack.len());
                    if !self.push_function_frame(r, args, &[], sp)? {
                        return Ok(self.pop());
                    }
                    // The arguments are in the frame now.
                    self.maybe_collect();
                    return match self.run(depth)? {
                        Exit::Return(v) => Ok(v),
                        Exit::Yield(_) => unreachable!("a function frame cannot yield"),
                    };
                }
            }
        }
        self.call(f, args, &[])
    }

    /// A full collection now (`gc.collect()`).
    pub fn collect_garbage(&mut self) {
        self.collect(true);
    }

    fn collect(&mut self, full: bool) {
        let mut heap = std::mem::take(&mut self.heap);
        {
            let vm = &*self;
            // A minor collection does not walk the permanent roots (interned
            // strings, code constants): `Heap::young_roots` has those that are young.
            let mut roots = |mark: &mut dyn FnMut(Value)| {
                for v in &vm.stack {
                    mark(*v);
                }
                for f in &vm.frames {
                    f.trace(&mut |v| mark(v));
                }
                mark(Value::Obj(vm.builtins));
                mark(Value::Obj(vm.modules));
                if full {
                    // Marking order does not matter: what is reachable is a set.
                    #[allow(clippy::disallowed_methods)]
                    for r in vm.interned.values().chain(vm.interned_extra.values()) {
                        mark(Value::Obj(*r));
                    }
                    for c in &vm.code_roots {
                        c.consts.iter().for_each(|v| mark(*v));
                    }
                }
                mark(vm.exc_info);
                vm.threads.trace(&mut |v| mark(v));
                vm.types.trace(&mut |v| mark(v));
                vm.names.trace(&mut |v| mark(v));
                for v in &vm.temp_roots {
                    mark(*v);
                }
                for d in &vm.drains {
                    d.items.iter().for_each(|v| mark(*v));
                    mark(d.acc);
                }
                mark(vm.object_new);
                mark(vm.builtin_build_class);
                mark(vm.not_implemented);
                mark(vm.ellipsis);
                if let Some(s) = vm.sys {
                    mark(Value::Obj(s));
                }
            };
            if full {
                heap.collect(&mut roots);
            } else {
                heap.collect_minor(&mut roots);
            }
        }
        self.heap = heap;
        if self.heap.freed_class {
            self.mro_cache.invalidate();
        }
        if !self.heap.weak.host_released.is_empty() {
            let handles = std::mem::take(&mut self.heap.weak.host_released);
            self.heap.host_open = self.heap.host_open.saturating_sub(handles.len() as u64);
            self.effects.release_host_files(&handles);
        }
        if full {
            self.heap.host_limit = self.heap.host_open + crate::object::heap::HOST_SLACK;
        }
        if !self.heap.weak.pending.is_empty() {
            self.run_finalizers();
        }
    }
}

/// Mark bits over the heap's slots. For a minor collection, `young` holds the
/// young slots: only those are marked, and every other object counts as live;
/// `new` the slots of the objects made since the last collection (the young ones
/// that stay young if they survive; the other young ones are promoted). The bit
/// sets are the heap's (`GcBits`), taken for the collection and given back clear.
struct Marks {
    bits: Vec<u64>,
    young: Vec<u64>,
    new: Vec<u64>,
    minor: bool,
}

#[inline(always)]
fn bit(bits: &[u64], i: usize) -> bool {
    bits[i >> 6] & (1 << (i & 63)) != 0
}

/// `v` at least `words` long (the new words zero).
fn grow(v: &mut Vec<u64>, words: usize) {
    if v.len() < words {
        v.resize(words, 0);
    }
}

impl Marks {
    /// Marks for a full collection of `n` slots.
    fn full(scratch: &mut GcBits, n: usize) -> Marks {
        let mut bits = std::mem::take(&mut scratch.mark);
        grow(&mut bits, n.div_ceil(64));
        Marks {
            bits,
            young: vec![],
            new: vec![],
            minor: false,
        }
    }

    /// Marks for a minor collection of the `aged` and `new` slots: only the words
    /// these touch are written (and cleared again by `sweep_young`), so the cost
    /// is that of the young objects, whatever the size of the heap.
    fn minor(scratch: &mut GcBits, n: usize, aged: &[u32], new: &[u32]) -> Marks {
        let words = n.div_ceil(64);
        let mut bits = std::mem::take(&mut scratch.mark);
        let mut young = std::mem::take(&mut scratch.young);
        let mut newb = std::mem::take(&mut scratch.new);
        grow(&mut bits, words);
        grow(&mut young, words);
        grow(&mut newb, words);
        for &s in new {
            let (w, b) = (s as usize >> 6, 1u64 << (s & 63));
            young[w] |= b;
            newb[w] |= b;
        }
        for &s in aged {
            young[s as usize >> 6] |= 1 << (s & 63);
        }
        Marks {
            bits,
            young,
            new: newb,
            minor: true,
        }
    }

    /// Give the bit sets back to the heap, all zero (a minor collection's were
    /// cleared by `sweep_young`; a full one's mark bits are cleared here).
    fn release(mut self, scratch: &mut GcBits) {
        if !self.minor {
            self.bits.fill(0);
        }
        debug_assert!(self.bits.iter().all(|&w| w == 0));
        debug_assert!(self.young.iter().chain(&self.new).all(|&w| w == 0));
        scratch.mark = self.bits;
        if self.minor {
            scratch.young = self.young;
            scratch.new = self.new;
        }
    }

    /// Mark slot `i` if this collection may free it; whether it was not marked yet.
    #[inline(always)]
    fn mark(&mut self, i: usize) -> bool {
        if self.minor && !bit(&self.young, i) {
            return false;
        }
        let (w, b) = (i >> 6, 1u64 << (i & 63));
        if self.bits[w] & b != 0 {
            return false;
        }
        self.bits[w] |= b;
        true
    }

    /// Whether slot `i` survives this collection (as far as marked yet).
    #[inline(always)]
    fn live(&self, i: usize) -> bool {
        bit(&self.bits, i) || (self.minor && !bit(&self.young, i))
    }

    fn is_young(&self, i: usize) -> bool {
        self.minor && bit(&self.young, i)
    }
}

/// The bits of one chunk's slots in a bit set word (from the chunk's first slot).
const CHUNK_WORD_MASK: u64 = (1 << CHUNK_SLOTS) - 1;

/// Whether slot `i` holds an object made since the last collection (`Marks::minor`;
/// empty for a full collection).
#[inline(always)]
fn is_new(new: &[u64], i: usize) -> bool {
    !new.is_empty() && bit(new, i)
}

/// What marking found besides the marks.
#[derive(Default)]
struct MarkStats {
    /// Bytes of the marked objects (as `Heap::allocs` counts them).
    bytes: u64,
    /// Of which in big payloads (`BIG_PAYLOAD_BYTES`).
    big: u64,
    /// Of which in objects made since the last collection (minor: those that stay
    /// young; the rest is promoted).
    new: u64,
    /// Minor: the objects promoted that point at objects made since the last
    /// collection (they are remembered, as the write barrier would have).
    /// With each, the index of a list's first item that does (`tail_mark`).
    remember: Vec<(ObjRef, u32)>,
    /// Minor: the indexes in `Heap::remembered` of the objects that still point at
    /// objects made since the last collection (they stay remembered), with the
    /// list's first such item's index.
    keep: Vec<(usize, u32)>,
}

/// Where a list or dict that points at new objects is remembered from: the first
/// item (dict: raw entry position) that does (searched from `start`: the ones
/// before it point at none), when that is far enough into a long list or dict to
/// save tracing (and the class and dict are old: `head_new` false; a dict's mark
/// follows its entries when they move: `Heap::dict_for_insert`); else 0, the
/// whole object.
fn tail_mark(kind: &Kind, start: u32, new: &[u64], head_new: bool) -> u32 {
    if head_new {
        return 0;
    }
    let is_new_v = |v: Value| matches!(v, Value::Obj(c) if is_new(new, c.0 as usize));
    let start = start as usize;
    let first = match kind {
        Kind::List(items) if items.len() >= PARTIAL_MIN_LEN => {
            let start = start.min(items.len());
            items[start..]
                .iter()
                .position(|v| is_new_v(*v))
                .map(|i| start + i)
        }
        Kind::Dict(d) if d.raw_len() >= PARTIAL_MIN_LEN => d.position_from(start, is_new_v),
        _ => return 0,
    };
    match first {
        Some(i) if i >= PARTIAL_MIN_LEN / 2 => u32::try_from(i).unwrap_or(0),
        _ => 0,
    }
}

/// Whether `o` is a list or dict (the kinds remembered partially: `tail_mark`).
#[inline(always)]
fn tail_kind(o: &Object) -> bool {
    matches!(o.kind, Kind::List(_) | Kind::Dict(_))
}

/// Call `push` on every reference `obj` holds.
#[inline(always)]
fn trace_object(obj: &Object, push: &mut impl FnMut(Value)) {
    push(Value::Obj(obj.class));
    if let Some(d) = obj.dict() {
        push(Value::Obj(d));
    }
    // The common containers inline; the rest through `Kind::trace`.
    match &obj.kind {
        Kind::Tuple(v) | Kind::List(v) => v.iter().for_each(|x| push(*x)),
        Kind::Object(a) => a.0.iter().for_each(|(k, v)| {
            push(*k);
            push(*v);
        }),
        k => k.trace(push),
    }
}

impl Heap {
    /// A full collection: mark from `roots`, then free everything unmarked.
    /// Deterministic: free slots are reused lowest first.
    pub fn collect(&mut self, roots: &mut RootWalker) {
        let n = self.len;
        let mut marks = Marks::full(&mut self.bits, n);
        let mut stats = MarkStats::default();
        self.mark(roots, &mut marks, &mut stats);
        self.sweep(n, &marks, [stats.bytes, stats.big]);
        self.end_cycle(&marks, stats);
        marks.release(&mut self.bits);
        self.collections += 1;
    }

    /// A minor collection: mark the young objects reachable from `roots` and from the
    /// remembered old objects, free the other young ones, promote the marked ones that
    /// had survived a minor collection already, and keep the others young for one
    /// more. Deterministic: which objects are young and which are remembered is a
    /// function of the program.
    pub fn collect_minor(&mut self, roots: &mut RootWalker) {
        let n = self.len;
        let mut marks = Marks::minor(&mut self.bits, n, &self.aged, &self.young);
        if self.verify {
            self.verify_old(&marks);
        }
        let mut stats = MarkStats::default();
        self.mark(roots, &mut marks, &mut stats);
        let freed = self.sweep_young(&mut marks);
        // The old generation grew by the promoted objects and by what the remembered
        // ones grew since they were first written.
        let mut growth = stats.bytes - stats.new;
        for e in &self.remembered {
            growth += self.get(e.r).kind.gc_bytes().saturating_sub(e.bytes);
        }
        self.old_growth += growth;
        self.live -= freed;
        self.end_cycle(&marks, stats);
        marks.release(&mut self.bits);
        self.minor_collections += 1;
        if self.verify {
            self.verify_heap();
        }
    }

    /// Mark from the roots, the pending finalizer calls and (minor) the remembered
    /// objects; clear the weak references to what is unmarked; keep what has a
    /// `__del__` to run, with what it reaches.
    fn mark(&mut self, roots: &mut RootWalker, marks: &mut Marks, stats: &mut MarkStats) {
        let mut work: Vec<ObjRef> = vec![];
        let minor = marks.minor;
        let new = std::mem::take(&mut marks.new);
        {
            let mut push = |v: Value| {
                if let Value::Obj(r) = v {
                    if marks.mark(r.0 as usize) {
                        work.push(r);
                    }
                }
            };
            roots(&mut push);
            if minor {
                for r in &self.young_roots {
                    push(Value::Obj(*r));
                }
            }
            for (a, b) in &self.weak.pending {
                push(*a);
                push(*b);
            }
            if minor {
                for (k, e) in self.remembered.iter().enumerate() {
                    let mut keep = false;
                    let mut visit = |v: Value| {
                        if let Value::Obj(c) = v {
                            keep |= is_new(&new, c.0 as usize);
                        }
                        push(v);
                    };
                    let obj = self.get(e.r);
                    match &obj.kind {
                        // Appended to only: the items before `from` are old ones.
                        Kind::List(items) if e.from > 0 => items
                            .get(e.from as usize..)
                            .unwrap_or_default()
                            .iter()
                            .for_each(|v| visit(*v)),
                        // Inserted into only: likewise.
                        Kind::Dict(d) if e.from > 0 => d.trace_from(e.from as usize, &mut visit),
                        _ => trace_object(obj, &mut visit),
                    }
                    if keep {
                        let from = if tail_kind(obj) {
                            let head_new = e.from == 0
                                && (is_new(&new, obj.class.0 as usize)
                                    || obj.dict().is_some_and(|d| is_new(&new, d.0 as usize)));
                            tail_mark(&obj.kind, e.from, &new, head_new)
                        } else {
                            0
                        };
                        stats.keep.push((k, from));
                    }
                }
            }
        }
        self.mark_from(marks, &new, &mut work, stats);
        if !self.weak.refs.is_empty() {
            self.clear_weakrefs(marks);
        }
        self.weak.finalized_last = false;
        if !self.weak.del_classes.is_empty() {
            self.resurrect_finalizable(marks, &mut work);
            self.weak.finalized_last = !work.is_empty();
            self.mark_from(marks, &new, &mut work, stats);
            let del_classes = std::mem::take(&mut self.weak.del_classes);
            self.weak.del_classes = del_classes
                .into_iter()
                .filter(|c| marks.live(c.0 as usize))
                .collect();
        }
        marks.new = new;
    }

    /// Mark everything reachable from `work` (already marked), counting the bytes
    /// of what is marked, and noting the promoted objects that point at new ones
    /// (`new`: see `Marks`).
    fn mark_from(
        &self,
        marks: &mut Marks,
        new: &[u64],
        work: &mut Vec<ObjRef>,
        stats: &mut MarkStats,
    ) {
        while let Some(r) = work.pop() {
            let obj = self.get(r);
            let payload = obj.kind.gc_bytes();
            let bytes = OBJECT_BYTES + payload;
            stats.bytes += bytes;
            if payload >= BIG_PAYLOAD_BYTES {
                stats.big += payload;
            }
            // Minor: a young object that is not new is promoted; it is remembered
            // if it points at a new one.
            let promoted = !new.is_empty() && !bit(new, r.0 as usize);
            if !promoted && !new.is_empty() {
                stats.new += bytes;
            }
            let mut points_new = false;
            trace_object(obj, &mut |v: Value| {
                if let Value::Obj(r) = v {
                    let i = r.0 as usize;
                    if promoted {
                        points_new |= bit(new, i);
                    }
                    if marks.mark(i) {
                        work.push(r);
                        self.prefetch(i);
                    }
                }
            });
            if points_new {
                let from = if tail_kind(obj) {
                    let head_new = bit(new, obj.class.0 as usize)
                        || obj.dict().is_some_and(|d| bit(new, d.0 as usize));
                    tail_mark(&obj.kind, 0, new, head_new)
                } else {
                    0
                };
                stats.remember.push((r, from));
            }
        }
    }

    /// Start loading slot `i` into the cache: it is about to be marked (the
    /// mark phase is bound by cache misses on the slots it visits).
    #[inline(always)]
    fn prefetch(&self, i: usize) {
        #[cfg(target_arch = "x86_64")]
        if let Some(c) = self.chunks.get(i >> CHUNK_BITS) {
            let p = &c.0[i & (CHUNK_SLOTS - 1)] as *const Slot as *const i8;
            // SAFETY: a prefetch is only a hint; `p` points into a live chunk.
            unsafe { core::arch::x86_64::_mm_prefetch(p, core::arch::x86_64::_MM_HINT_T0) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = i;
    }

    /// Clear the weak references whose referent does not survive, queueing their
    /// callbacks (in creation order); forget the weak references that do not survive.
    fn clear_weakrefs(&mut self, marks: &Marks) {
        let refs = std::mem::take(&mut self.weak.refs);
        let mut keep = Vec::with_capacity(refs.len());
        for w in refs {
            if !marks.live(w.0 as usize) {
                continue;
            }
            let target = match &self.get(w).kind {
                Kind::Opaque(o) => o
                    .as_any()
                    .downcast_ref::<crate::types::weakref::WeakRef>()
                    .and_then(|x| x.target),
                _ => None,
            };
            let Some(t) = target else { continue };
            if marks.live(t.0 as usize) {
                keep.push(w);
                continue;
            }
            // Clearing stores no reference: no write barrier.
            if let Kind::Opaque(o) = &mut self.get_mut_unbarriered(w).kind {
                if let Some(x) = o
                    .as_any_mut()
                    .downcast_mut::<crate::types::weakref::WeakRef>()
                {
                    x.target = None;
                    if !matches!(x.callback, Value::None) {
                        let cb = std::mem::replace(&mut x.callback, Value::None);
                        self.weak.pending.push((cb, Value::Obj(w)));
                    }
                }
            }
        }
        self.weak.refs = keep;
    }

    /// Unreachable objects with a `__del__` that has not run yet are kept (with
    /// what they reach) and queued for finalization, in slot order.
    fn resurrect_finalizable(&mut self, marks: &mut Marks, work: &mut Vec<ObjRef>) {
        let wants_del = |o: &Object| {
            self.weak.del_classes.contains(&o.class) && !self.weak.finalized.contains(&o.serial)
        };
        if marks.minor {
            for (w, (&y, &m)) in marks.young.iter().zip(&marks.bits).enumerate() {
                let mut dead = y & !m;
                while dead != 0 {
                    let i = w << 6 | dead.trailing_zeros() as usize;
                    dead &= dead - 1;
                    if wants_del(self.get(ObjRef(i as u32))) {
                        work.push(ObjRef(i as u32));
                    }
                }
            }
        } else {
            let n = marks.bits.len() * 64;
            for (i, o) in self.objects() {
                if i < n && !marks.live(i) && wants_del(o) {
                    work.push(ObjRef(i as u32));
                }
            }
        }
        for r in work.iter() {
            marks.mark(r.0 as usize);
            let serial = self.get(*r).serial;
            self.weak.finalized.insert(serial);
            self.weak.pending.push((Value::Undef, Value::Obj(*r)));
        }
    }

    /// Free every unmarked object (a full collection).
    fn sweep(&mut self, n: usize, marks: &Marks, live_bytes: [u64; 2]) {
        let mut freed = 0;
        self.freed_class = false;
        // Link the free slots from the top down, so the list starts at the lowest.
        // Slots already holding the right link are not written (their chunks stay
        // shared with snapshots).
        let mut head = NO_SLOT;
        let finalized = !self.weak.finalized.is_empty();
        for ci in (0..self.chunks.len()).rev() {
            let lo = ci << CHUNK_BITS;
            let hi = (lo + CHUNK_SLOTS).min(n);
            // A read-only pass first: a chunk that needs no write stays shared.
            let mut h = head;
            let mut clean = true;
            for i in (lo..hi).rev() {
                if marks.live(i) {
                    continue;
                }
                match &self.chunks[ci].0[i - lo] {
                    Slot::Free(next) if *next == h => h = i as u32,
                    _ => {
                        clean = false;
                        break;
                    }
                }
            }
            if clean {
                head = h;
                continue;
            }
            let chunk = Rc::make_mut(&mut self.chunks[ci]);
            for i in (lo..hi).rev() {
                if marks.live(i) {
                    continue;
                }
                let slot = &mut chunk.0[i - lo];
                if let Slot::Live(o) = slot {
                    free_object(o, &mut self.freed_class, &mut self.weak, finalized);
                    freed += 1;
                }
                *slot = Slot::Free(head);
                head = i as u32;
            }
        }
        self.free_head = head;
        self.live -= freed;
        let [live_bytes, big] = live_bytes;
        self.live_bytes = live_bytes;
        // Collect fully again when the old generation grew by half the bytes that
        // are live: objects that outlive one minor collection (promoted) and die
        // soon after are common (dicts and strings built per record), and with the
        // nursery on top, waiting for the whole live heap cost up to 1.8x CPython's
        // peak memory; half keeps old garbage at most live/2 + 1 MiB. Big payloads
        // (a file read whole, a long list) count half again: a program that drops
        // one and makes another (reads the next file) reclaims the first soon.
        self.major_threshold = ((live_bytes - big) / 2 + big / 4).max(MIN_COLLECT_BYTES);
        self.old_growth = 0;
    }

    /// Free the unmarked young objects (a minor collection); returns how many. Their
    /// slots go to the front of the free list, lowest first. The marked new ones
    /// are aged (`Heap::aged`). Clears the bit sets as it goes (only the words
    /// holding young slots have bits set).
    fn sweep_young(&mut self, marks: &mut Marks) -> usize {
        self.freed_class = false;
        // The marked new ones, from the bit sets (in slot order: only the set matters).
        let mut aged = std::mem::take(&mut self.aged);
        aged.clear();
        let mut freed = 0;
        let mut head = self.free_head;
        // The unmarked young slots, from the highest down (no sort: the bit sets are
        // in slot order).
        let Marks {
            bits, young, new, ..
        } = marks;
        let finalized = !self.weak.finalized.is_empty();
        for (w, (y, m)) in young.iter_mut().zip(bits.iter_mut()).enumerate().rev() {
            if *y == 0 {
                continue;
            }
            let mut dead = *y & !*m;
            let mut survived = new[w] & *m;
            while survived != 0 {
                aged.push((w << 6 | survived.trailing_zeros() as usize) as u32);
                survived &= survived - 1;
            }
            *y = 0;
            *m = 0;
            new[w] = 0;
            // Chunk by chunk (a word's bits cover `64 / CHUNK_SLOTS` chunks): one
            // copy-on-write check per chunk, not per object.
            while dead != 0 {
                let top = w << 6 | (63 - dead.leading_zeros() as usize);
                let lo = top & !(CHUNK_SLOTS - 1);
                let shift = lo & 63;
                let mut in_chunk = (dead >> shift) & CHUNK_WORD_MASK;
                dead &= !(CHUNK_WORD_MASK << shift);
                let chunk = chunk_in(&mut self.chunks, lo >> CHUNK_BITS);
                while in_chunk != 0 {
                    let j = 63 - in_chunk.leading_zeros() as usize;
                    in_chunk &= !(1 << j);
                    let slot = &mut chunk.0[j];
                    if let Slot::Live(o) = slot {
                        free_object(o, &mut self.freed_class, &mut self.weak, finalized);
                        freed += 1;
                    }
                    *slot = Slot::Free(head);
                    head = (lo + j) as u32;
                }
            }
        }
        self.free_head = head;
        self.aged = aged;
        // Kept with its capacity: `Heap::alloc`'s fast path needs room in it.
        self.young.clear();
        freed
    }

    /// After any collection: the objects made before the last collection are old
    /// (all of them after a full one). An old object stays remembered (or is
    /// remembered, if just promoted) if it points at a young one.
    fn end_cycle(&mut self, marks: &Marks, stats: MarkStats) {
        let remembered = std::mem::take(&mut self.remembered);
        let mut keep = stats.keep.into_iter().peekable();
        for (k, e) in remembered.into_iter().enumerate() {
            if let Some((_, from)) = keep.next_if(|&(i, _)| i == k) {
                // Still pointing at a young object: remembered, a long list from its
                // first item that does.
                self.remember_from(e.r, from);
            } else if marks.live(e.r.0 as usize) {
                self.get_mut_unbarriered(e.r).set_remembered(false);
            }
        }
        for (r, from) in stats.remember {
            self.remember_from(r, from);
        }
        self.young.clear();
        if marks.minor {
            self.nursery_serial = self.aged_serial;
            let mut roots = std::mem::take(&mut self.young_roots);
            roots.retain(|&r| self.get(r).serial >= self.nursery_serial);
            self.young_roots = roots;
        } else {
            self.aged.clear();
            self.nursery_serial = self.next_serial();
            self.young_roots.clear();
        }
        self.aged_serial = self.next_serial();
        self.allocs = 0;
        self.big_text = false;
        self.threshold = self.nursery;
    }

    /// Remember `r` at the end of a collection (from item `from` of a list on).
    fn remember_from(&mut self, r: ObjRef, from: u32) {
        let o = self.get_mut_unbarriered(r);
        o.set_remembered(true);
        if from > 0 {
            o.set_remembered_partially();
        }
        let bytes = o.kind.gc_bytes();
        self.remembered.push(Remembered { r, bytes, from });
    }

    /// Panic if an old object that is not remembered points at a young one: a
    /// write that missed the barrier (`verify`).
    fn verify_old(&self, marks: &Marks) {
        // A list remembered for its tail: the items before the mark are checked.
        let mut heads = std::collections::BTreeMap::new();
        for e in &self.remembered {
            if e.from > 0 {
                heads.insert(e.r.0 as usize, e.from as usize);
            }
        }
        for (i, o) in self.objects() {
            if marks.is_young(i) {
                continue;
            }
            if o.remembered() {
                let Some(&from) = heads.get(&i) else { continue };
                assert!(
                    o.remembered_partially(),
                    "revpy internal error: remembered marks"
                );
                let head: Vec<Value> = match &o.kind {
                    Kind::List(items) => items.get(..from).unwrap_or(items).to_vec(),
                    Kind::Dict(d) => (0..from.min(d.raw_len()))
                        .filter_map(|k| d.entry_at(k))
                        .flat_map(|e| [e.key, e.value])
                        .collect(),
                    _ => panic!(
                        "revpy internal error: a partially remembered object is not a list or dict"
                    ),
                };
                for v in head {
                    if let Value::Obj(r) = v {
                        assert!(
                            !marks.is_young(r.0 as usize),
                            "revpy internal error: a write missed the barrier: old list or dict \
                             {i} remembered from item {from} points at young object {} before it",
                            r.0
                        );
                    }
                }
                continue;
            }
            trace_object(o, &mut |v: Value| {
                if let Value::Obj(r) = v {
                    assert!(
                        !marks.is_young(r.0 as usize),
                        "revpy internal error: a write missed the barrier: old object {i} \
                         (serial {}, class {}) points at young object {} not remembered",
                        o.serial,
                        o.class.0,
                        r.0
                    );
                }
            });
        }
    }

    /// Panic if a live object points at a free slot (`verify`).
    fn verify_heap(&self) {
        for (i, o) in self.objects() {
            trace_object(o, &mut |v: Value| {
                if let Value::Obj(r) = v {
                    assert!(
                        (r.0 as usize) < self.len
                            && matches!(self.slot(r.0 as usize), Slot::Live(_)),
                        "revpy internal error: object {i} (serial {}, class {}) points at freed slot {}",
                        o.serial,
                        o.class.0,
                        r.0
                    );
                }
            });
        }
    }
}

/// What freeing `o` tells the heap: a class was freed (caches keyed by class slots
/// must go), an open file can no longer be reached (the host closes it); its serial
/// leaves `WeakState::finalized` (`finalized`: that set is not empty).
#[inline(always)]
fn free_object(o: &Object, freed_class: &mut bool, weak: &mut WeakState, finalized: bool) {
    match &o.kind {
        Kind::Class(_) => *freed_class = true,
        Kind::Opaque(p) => {
            if let Some(h) = p.host_handle() {
                weak.host_released.push(h);
            }
        }
        _ => {}
    }
    if finalized {
        weak.finalized.remove(&o.serial);
    }
}

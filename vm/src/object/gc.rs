//! The garbage collector: mark and sweep over the heap's chunks, run only at
//! collection points when the bytes allocated reach the threshold (a function of the
//! program, never of the allocator), from the VM's roots.

use crate::object::heap::{
    RootWalker, Slot, BIG_PAYLOAD_BYTES, CHUNK_BITS, CHUNK_SLOTS, MIN_COLLECT_BYTES, NO_SLOT,
    OBJECT_BYTES,
};
use crate::object::{Heap, Kind, ObjRef, Value};
use crate::Vm;
use std::rc::Rc;

impl Vm {
    /// A collection point: runs the GC if enough was allocated and no native call is in
    /// progress (natives may hold values the collector cannot see).
    #[inline]
    pub(crate) fn maybe_collect(&mut self) {
        if self.heap.allocs >= self.heap.threshold && self.gc_holds == 0 {
            self.collect_garbage();
        }
    }

    pub fn collect_garbage(&mut self) {
        let mut heap = std::mem::take(&mut self.heap);
        {
            let vm = &*self;
            let mut roots = |mark: &mut dyn FnMut(Value)| {
                for v in &vm.stack {
                    mark(*v);
                }
                for f in &vm.frames {
                    f.trace(&mut |v| mark(v));
                }
                mark(Value::Obj(vm.builtins));
                mark(Value::Obj(vm.modules));
                // Marking order does not matter: what is reachable is a set.
                #[allow(clippy::disallowed_methods)]
                for r in vm.interned.values().chain(vm.interned_extra.values()) {
                    mark(Value::Obj(*r));
                }
                mark(vm.exc_info);
                vm.threads.trace(&mut |v| mark(v));
                for c in &vm.code_roots {
                    c.consts.iter().for_each(|v| mark(*v));
                }
                vm.types.trace(&mut |v| mark(v));
                vm.names.trace(&mut |v| mark(v));
                for v in &vm.temp_roots {
                    mark(*v);
                }
                mark(vm.object_new);
                mark(vm.builtin_build_class);
                mark(vm.not_implemented);
                mark(vm.ellipsis);
                if let Some(s) = vm.sys {
                    mark(Value::Obj(s));
                }
            };
            heap.collect(&mut roots);
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
        self.heap.host_limit = self.heap.host_open + crate::object::heap::HOST_SLACK;
        if !self.heap.weak.pending.is_empty() {
            self.run_finalizers();
        }
    }
}

impl Heap {
    /// Mark from `roots`, then free everything unmarked. Deterministic: free slots
    /// are reused lowest first.
    pub fn collect(&mut self, roots: &mut RootWalker) {
        let n = self.len;
        let mut marks = vec![false; n];
        let mut work: Vec<ObjRef> = vec![];
        {
            let mut push = |v: Value| {
                if let Value::Obj(r) = v {
                    let i = r.0 as usize;
                    if !marks[i] {
                        marks[i] = true;
                        work.push(r);
                    }
                }
            };
            roots(&mut push);
            for (a, b) in &self.weak.pending {
                push(*a);
                push(*b);
            }
        }
        let mut live_bytes = [0, 0];
        self.mark_from(&mut marks, &mut work, &mut live_bytes);
        if !self.weak.refs.is_empty() {
            self.clear_weakrefs(&marks);
        }
        self.weak.finalized_last = false;
        if !self.weak.del_classes.is_empty() {
            self.resurrect_finalizable(n, &mut marks, &mut work);
            self.weak.finalized_last = !work.is_empty();
            self.mark_from(&mut marks, &mut work, &mut live_bytes);
            let del_classes = std::mem::take(&mut self.weak.del_classes);
            self.weak.del_classes = del_classes
                .into_iter()
                .filter(|c| marks[c.0 as usize])
                .collect();
        }
        self.sweep(n, &marks, live_bytes);
    }

    /// Mark everything reachable from `work` (already marked), counting live bytes
    /// (`[all, in big payloads]`).
    fn mark_from(&self, marks: &mut [bool], work: &mut Vec<ObjRef>, live_bytes: &mut [u64; 2]) {
        while let Some(r) = work.pop() {
            let obj = self.get(r);
            let payload = obj.kind.gc_bytes();
            live_bytes[0] += OBJECT_BYTES + payload;
            if payload >= BIG_PAYLOAD_BYTES {
                live_bytes[1] += payload;
            }
            let mut push = |v: Value| {
                if let Value::Obj(r) = v {
                    let i = r.0 as usize;
                    if !marks[i] {
                        marks[i] = true;
                        work.push(r);
                        self.prefetch(i);
                    }
                }
            };
            push(Value::Obj(obj.class));
            if let Some(d) = obj.dict {
                push(Value::Obj(d));
            }
            // The common containers inline; the rest through `Kind::trace`.
            match &obj.kind {
                Kind::Tuple(v) | Kind::List(v) => v.iter().for_each(|x| push(*x)),
                Kind::Object(a) => a.0.iter().for_each(|(k, v)| {
                    push(*k);
                    push(*v);
                }),
                k => k.trace(&mut push),
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

    /// Clear the weak references whose referent is unreachable, queueing their
    /// callbacks (in creation order); forget the unreachable weak references.
    fn clear_weakrefs(&mut self, marks: &[bool]) {
        let refs = std::mem::take(&mut self.weak.refs);
        let mut keep = Vec::with_capacity(refs.len());
        for w in refs {
            if !marks[w.0 as usize] {
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
            if marks[t.0 as usize] {
                keep.push(w);
                continue;
            }
            if let Kind::Opaque(o) = &mut self.get_mut(w).kind {
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
    fn resurrect_finalizable(&mut self, n: usize, marks: &mut [bool], work: &mut Vec<ObjRef>) {
        for (i, o) in self.objects() {
            if i >= n || marks[i] {
                continue;
            }
            if self.weak.del_classes.contains(&o.class) && !self.weak.finalized.contains(&o.serial)
            {
                work.push(ObjRef(i as u32));
            }
        }
        for r in work.iter() {
            marks[r.0 as usize] = true;
            let serial = self.get(*r).serial;
            self.weak.finalized.insert(serial);
            self.weak.pending.push((Value::Undef, Value::Obj(*r)));
        }
    }

    /// Free every unmarked object.
    fn sweep(&mut self, n: usize, marks: &[bool], live_bytes: [u64; 2]) {
        let mut freed = 0;
        self.freed_class = false;
        // Link the free slots from the top down, so the list starts at the lowest.
        // Slots already holding the right link are not written (their chunks stay
        // shared with snapshots).
        let mut head = NO_SLOT;
        for ci in (0..self.chunks.len()).rev() {
            let lo = ci << CHUNK_BITS;
            let hi = (lo + CHUNK_SLOTS).min(n);
            // A read-only pass first: a chunk that needs no write stays shared.
            let mut h = head;
            let mut clean = true;
            for i in (lo..hi).rev() {
                if marks[i] {
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
                if marks[i] {
                    continue;
                }
                let slot = &mut chunk.0[i - lo];
                if let Slot::Live(o) = slot {
                    match &o.kind {
                        Kind::Class(_) => self.freed_class = true,
                        Kind::Opaque(p) => {
                            if let Some(h) = p.host_handle() {
                                self.weak.host_released.push(h);
                            }
                        }
                        _ => {}
                    }
                    if !self.weak.finalized.is_empty() {
                        self.weak.finalized.remove(&o.serial);
                    }
                    freed += 1;
                }
                *slot = Slot::Free(head);
                head = i as u32;
            }
        }
        self.free_head = head;
        self.live -= freed;
        self.allocs = 0;
        self.big_text = false;
        self.collections += 1;
        let [live_bytes, big] = live_bytes;
        self.live_bytes = live_bytes;
        // Collect again when as many bytes were allocated as are live: garbage waits
        // at most the size of the live heap, so the peak is about twice the live heap
        // (a factor of two, three times the live heap, saved a few % of time on
        // allocation-heavy programs and cost up to 1.5x the memory). Big payloads (a
        // file read whole, a long list) count half: a program that drops one and
        // makes another (reads the next file) reclaims the first soon.
        self.threshold = ((live_bytes - big) + big / 2).max(MIN_COLLECT_BYTES);
    }
}

//! The garbage collector: mark and sweep over the heap's chunks, run only at
//! collection points when the bytes allocated reach the threshold (a function of the
//! program, never of the allocator), from the VM's roots.

use crate::object::heap::{
    RootWalker, Slot, CHUNK_BITS, CHUNK_SLOTS, MIN_COLLECT_BYTES, NO_SLOT, OBJECT_BYTES,
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
        }
        let mut live_bytes = 0;
        while let Some(r) = work.pop() {
            let obj = self.get(r);
            live_bytes += OBJECT_BYTES + obj.kind.gc_bytes();
            let mut push = |v: Value| {
                if let Value::Obj(r) = v {
                    let i = r.0 as usize;
                    if !marks[i] {
                        marks[i] = true;
                        work.push(r);
                    }
                }
            };
            push(Value::Obj(obj.class));
            if let Some(d) = obj.dict {
                push(Value::Obj(d));
            }
            obj.kind.trace(&mut push);
        }
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
                    if matches!(o.kind, Kind::Class(_)) {
                        self.freed_class = true;
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
        self.collections += 1;
        self.live_bytes = live_bytes;
        self.threshold = (live_bytes * 2).max(MIN_COLLECT_BYTES);
    }
}

//! A code object's inline-cache slots: one per instruction that uses a cache
//! (`Instr::cache`, numbered by the compiler), allocated when the code first
//! stores into one, so code that is loaded but never run costs nothing.

use super::InlineCache;
use crate::object::CodeData;
use std::cell::{Cell, UnsafeCell};

/// The slots (empty until the first store). Reading a slot never allocates: an
/// absent slot reads as the default cache, which every use treats as a miss.
pub struct InlineCaches(UnsafeCell<Box<[Cell<InlineCache>]>>);

impl InlineCaches {
    pub fn new() -> InlineCaches {
        InlineCaches(UnsafeCell::new(Box::new([])))
    }

    #[inline(always)]
    fn slots(&self) -> &[Cell<InlineCache>] {
        // SAFETY: the box is only replaced by `alloc`, when it is empty; no
        // reference into it outlives the `get`/`set` that made it, and `CodeData`
        // is not `Sync`, so no slice of the old box is alive when it is replaced.
        unsafe { &*self.0.get() }
    }

    /// Replace the empty box by `n` default slots.
    #[cold]
    #[inline(never)]
    fn alloc(&self, n: usize) {
        let b: Box<[Cell<InlineCache>]> = (0..n).map(|_| Cell::default()).collect();
        // SAFETY: see `slots`; nothing borrows the (empty) box now.
        unsafe { *self.0.get() = b };
    }
}

impl Default for InlineCaches {
    fn default() -> Self {
        InlineCaches::new()
    }
}

impl std::fmt::Debug for InlineCaches {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_list()
            .entries(self.slots().iter().map(Cell::get))
            .finish()
    }
}

impl CodeData {
    /// The inline cache of slot `slot` (the default, a miss, if it has none).
    #[inline(always)]
    pub(crate) fn cache(&self, slot: usize) -> InlineCache {
        match self.caches.slots().get(slot) {
            Some(c) => c.get(),
            None => InlineCache::default(),
        }
    }

    /// Slot `slot` read in place (`None` before the code's first store): for the hit
    /// paths that look at two or three of its fields, where `cache`'s copy would
    /// move all of it through the stack.
    ///
    /// # Safety
    /// The caller drops the reference before anything can store into this code's
    /// caches (`set_cache`).
    #[inline(always)]
    pub(crate) unsafe fn cache_in_place(&self, slot: usize) -> Option<&InlineCache> {
        // SAFETY: the cell is only written by `set_cache`, which the caller promises
        // not to reach while the reference lives.
        self.caches
            .slots()
            .get(slot)
            .map(|c| unsafe { &*c.as_ptr() })
    }

    /// Remember `c` in slot `slot` (allocating the code's slots on the first store;
    /// `NO_CACHE` instructions have no slot and remember nothing).
    #[inline]
    pub(crate) fn set_cache(&self, slot: usize, c: InlineCache) {
        if self.caches.slots().is_empty() {
            self.caches.alloc(self.code.cache_slots());
        }
        if let Some(s) = self.caches.slots().get(slot) {
            s.set(c);
        }
    }
}

//! The global allocator: mimalloc, entered at its plain `mi_malloc` for the
//! usual alignments.
//!
//! The `mimalloc` crate's allocator calls `mi_malloc_aligned` for every
//! allocation, a longer path (alignment checks, then the small-object path)
//! than `mi_malloc`; the VM allocates a block per object payload (a list's
//! items, a dict's table, a str's text), so the difference is paid millions of
//! times. `mi_malloc` returns blocks aligned to at least 8 bytes (a machine
//! word), enough for every Rust type the VM allocates; larger alignments keep
//! the aligned entry points. Both kinds are freed by `mi_free`.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc, with `mi_malloc`/`mi_realloc` for alignments up to a word.
pub struct Mimalloc;

extern "C" {
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_zalloc(size: usize) -> *mut c_void;
    fn mi_realloc(p: *mut c_void, size: usize) -> *mut c_void;
    fn mi_free(p: *mut c_void);
}

/// The alignment every `mi_malloc` block has.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each method forwards to mimalloc with a size and an alignment it
// guarantees: `mi_malloc` blocks are word aligned, stronger alignments go to
// the aligned entry points of the `mimalloc` crate's allocator, and every
// block, however made, is freed by `mi_free`.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mimalloc::MiMalloc.realloc(ptr, layout, new_size)
        }
    }
}

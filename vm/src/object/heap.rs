//! The heap: a table of objects addressed by index, in copy-on-write chunks, with
//! creation serial numbers (Python's `id`) and the allocation accounting that decides
//! when the collector (`gc.rs`) runs (see `Heap::allocs`).

use crate::object::dict_table::Dict;
use crate::object::{Kind, ObjRef, Value};
use std::rc::Rc;

/// A heap object: its class, optional attribute dict, creation serial and payload.
/// 56 bytes (checked by a test), so that a chunk of 16 (with its `Rc` counts) fits
/// the allocator's 1 KiB size class: at 64 bytes a chunk took a 1280-byte block, 80
/// bytes per slot. Payloads larger than two values are boxed.
#[derive(Clone, Debug)]
pub struct Object {
    pub class: ObjRef,
    /// The attribute dict's slot plus one (0: none) in the low 30 bits; the top bit
    /// is set while the object is remembered: an old object (see
    /// `Heap::nursery_serial`) taken for writing since the last collection is in
    /// `Heap::remembered` (the write barrier, `Heap::get_mut`); the next one while
    /// it is remembered only for what was appended to it (a list: `PARTIAL`). One
    /// word for all keeps the object at 56 bytes.
    meta: u32,
    pub serial: u64,
    pub kind: Kind,
}

const REMEMBERED: u32 = 1 << 31;
/// Remembered for the items from `Remembered::from` on only (`Heap::list_for_append`,
/// `Heap::dict_for_insert`).
const PARTIAL: u32 = 1 << 30;
const DICT_MASK: u32 = PARTIAL - 1;

impl Object {
    /// A new object with no attribute dict, not remembered.
    #[inline(always)]
    pub fn new(class: ObjRef, serial: u64, kind: Kind) -> Object {
        Object {
            class,
            meta: 0,
            serial,
            kind,
        }
    }

    /// The attribute dict (`__dict__`), if it has one of its own.
    #[inline(always)]
    pub fn dict(&self) -> Option<ObjRef> {
        match self.meta & DICT_MASK {
            0 => None,
            d => Some(ObjRef(d - 1)),
        }
    }

    #[inline]
    pub fn set_dict(&mut self, d: Option<ObjRef>) {
        let d = d.map_or(0, |d| {
            assert!(d.0 < DICT_MASK, "revpy internal error: slot out of range");
            d.0 + 1
        });
        self.meta = (self.meta & !DICT_MASK) | d;
    }

    /// Whether it is in `Heap::remembered` (see `meta`).
    #[inline(always)]
    pub fn remembered(&self) -> bool {
        self.meta & REMEMBERED != 0
    }

    /// Remembered (or not) as a whole: a partial remembrance ends.
    #[inline]
    pub fn set_remembered(&mut self, on: bool) {
        if on {
            self.meta = (self.meta | REMEMBERED) & !PARTIAL;
        } else {
            self.meta &= !(REMEMBERED | PARTIAL);
        }
    }

    /// Remembered for the items from its `Remembered::from` on only (a list).
    #[inline]
    pub(crate) fn set_remembered_partially(&mut self) {
        self.meta |= REMEMBERED | PARTIAL;
    }

    /// Whether it is remembered for its appended items only (see `PARTIAL`).
    #[inline(always)]
    pub fn remembered_partially(&self) -> bool {
        self.meta & PARTIAL != 0
    }

    /// The whole header word (dict slot and collector bits), for checkpoints.
    pub fn meta_word(&self) -> u32 {
        self.meta
    }

    pub fn set_meta_word(&mut self, meta: u32) {
        self.meta = meta;
    }
}

/// An old object that may point at young ones: a minor collection traces it as a
/// root (see `Heap::remembered`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remembered {
    pub r: ObjRef,
    /// Its `Kind::gc_bytes` when it was remembered (its growth is old growth).
    pub bytes: u64,
    /// A list remembered only for what was appended from this index on (the items
    /// before it point at no young object), a dict for its entries from this raw
    /// position on (`Heap::dict_for_insert`); 0: the whole object.
    pub from: u32,
}

/// A list this long or longer, appended to while old, is remembered for its new
/// items only: a minor collection does not trace the whole list again each time.
pub const PARTIAL_MIN_LEN: usize = 64;

/// Bytes an object is charged for its slot in the table.
pub const OBJECT_BYTES: u64 = 64;
/// Bytes charged per dict entry (key, value, hash, and its share of the index).
pub const DICT_ENTRY_BYTES: u64 = 48;
/// Bytes charged per set table slot (key and hash).
pub const SET_SLOT_BYTES: u64 = 24;
/// The smallest growth of the old generation between two full collections.
pub const MIN_COLLECT_BYTES: u64 = 1 << 20;
/// Bytes allocated between two minor collections (the nursery's size): young garbage
/// waits at most this long, whatever the size of the live heap.
pub const NURSERY_BYTES: u64 = 1 << 20;
/// Open files a program may drop between collections (see `Heap::note_host_open`).
pub const HOST_SLACK: u64 = 32;
/// A payload this large counts as big for the collector's threshold (see `sweep`).
pub const BIG_PAYLOAD_BYTES: u64 = 1 << 20;
/// A str or bytes this large makes native call returns and the slow path of binary
/// operators collection points until the next collection (`Heap::big_text`): a line
/// like `a + b + c + d` of megabyte texts otherwise piles up its intermediate
/// results until the next call or loop.
pub const BIG_TEXT_BYTES: u64 = 1 << 20;

/// Calls its argument on every root value.
pub type RootWalker<'a> = dyn FnMut(&mut dyn FnMut(Value)) + 'a;

/// log2 of the number of slots in a chunk.
pub(super) const CHUNK_BITS: u32 = 4;
/// Slots per chunk: 16 objects, 1 KiB of object headers (a write copies its
/// neighbours too: small chunks keep snapshots small).
pub const CHUNK_SLOTS: usize = 1 << CHUNK_BITS;
const CHUNK_MASK: usize = CHUNK_SLOTS - 1;
/// The end of the free list.
pub(crate) const NO_SLOT: u32 = u32::MAX;

/// A slot of the object table: an object, or a free slot linking to the next free
/// one (the free list lives in the table, so snapshots share it with the chunks).
#[derive(Clone, Debug)]
pub enum Slot {
    Live(Object),
    Free(u32),
}

/// A fixed run of object slots. Chunks are shared between copies of a heap (the
/// debugger's checkpoints) and copied on the first write after a copy, so a
/// snapshot costs what changed since the previous one, not the whole heap.
#[derive(Debug)]
pub struct Chunk(pub(super) [Slot; CHUNK_SLOTS]);

/// A copy keeps the containers' capacities (see `Object::clone_exact`).
impl Clone for Chunk {
    fn clone(&self) -> Chunk {
        Chunk(std::array::from_fn(|i| match &self.0[i] {
            Slot::Live(o) => Slot::Live(o.clone_exact()),
            Slot::Free(n) => Slot::Free(*n),
        }))
    }
}

impl Object {
    /// A copy whose containers keep their capacities: the collector counts
    /// capacities (`Kind::gc_bytes`), so a copy taken for a snapshot must keep
    /// them for the copy to collect at the same points as the original (a plain
    /// `Vec` clone has capacity = length).
    pub fn clone_exact(&self) -> Object {
        let mut o = self.clone();
        match (&mut o.kind, &self.kind) {
            (Kind::List(v) | Kind::Tuple(v), Kind::List(s) | Kind::Tuple(s)) => {
                keep_capacity(v, s.capacity())
            }
            (Kind::Bytes(v) | Kind::ByteArray(v), Kind::Bytes(s) | Kind::ByteArray(s)) => {
                keep_capacity(v, s.capacity())
            }
            (Kind::Object(a), Kind::Object(s)) => keep_capacity(&mut a.0, s.capacity()),
            (Kind::Generator(g) | Kind::Coroutine(g), Kind::Generator(s) | Kind::Coroutine(s)) => {
                keep_capacity(&mut g.saved, s.saved.capacity())
            }
            _ => {}
        }
        o
    }
}

/// Give a copied vector the capacity of its original (`Vec::with_capacity` is exact).
pub fn keep_capacity<T: Clone>(v: &mut Vec<T>, cap: usize) {
    if v.capacity() != cap {
        let mut n = Vec::with_capacity(cap.max(v.len()));
        n.extend_from_slice(v);
        *v = n;
    }
}

impl Chunk {
    /// The slots (debugger checkpoints pack them: `debug::pack`).
    pub fn slots(&self) -> &[Slot; CHUNK_SLOTS] {
        &self.0
    }

    /// A chunk of these slots.
    pub fn from_slots(slots: [Slot; CHUNK_SLOTS]) -> Chunk {
        Chunk(slots)
    }

    fn empty() -> Rc<Chunk> {
        Rc::new(Chunk(std::array::from_fn(|_| Slot::Free(NO_SLOT))))
    }

    /// Estimated bytes this chunk holds: the slots and their objects' payloads.
    pub fn bytes(&self) -> usize {
        let payloads: usize = self
            .0
            .iter()
            .map(|s| match s {
                Slot::Live(o) => o.kind.payload_bytes(),
                Slot::Free(_) => 0,
            })
            .sum();
        std::mem::size_of::<Chunk>() + payloads
    }
}

/// The object table: slots in copy-on-write chunks (see `Chunk`). Cloning a heap
/// copies only the chunk pointers.
#[derive(Clone, Debug)]
pub struct Heap {
    pub(super) chunks: Vec<Rc<Chunk>>,
    /// Slots in use or free (the table's length).
    pub(super) len: usize,
    /// The first free slot below `len` (`NO_SLOT` if none); free slots link upward.
    pub(super) free_head: u32,
    next_serial: u64,
    /// Bytes allocated since the last collection: `OBJECT_BYTES` per object plus its
    /// payload when created (`Kind::gc_bytes`), plus what containers grew by since
    /// (`charge`). A deterministic function of the program, never of the allocator.
    pub allocs: u64,
    /// Objects with a serial at least this are young: made since the minor
    /// collection before the last one, or since the last full collection. Serials
    /// only grow, so this needs no per-object bit, and a snapshot carries it.
    pub nursery_serial: u64,
    /// Objects with a serial at least this were made since the last collection; the
    /// young ones below it survived one minor collection (they are promoted if they
    /// survive the next: objects that live a little longer than a nursery, a line
    /// split into words, still die young).
    pub aged_serial: u64,
    /// The slots of the objects made since the last collection, in allocation order
    /// (a minor collection sweeps only these and `aged`).
    pub young: Vec<u32>,
    /// The slots of the young objects that survived one minor collection.
    pub aged: Vec<u32>,
    /// The old objects taken for writing since the last collection, or that pointed
    /// at an object made since the collection before it when it ended (promoted
    /// ones included), with their `Kind::gc_bytes` then: the only old objects that
    /// may point at young ones (a minor collection traces them as roots; their
    /// growth counts as old growth).
    pub remembered: Vec<Remembered>,
    /// Objects made for the VM's permanent roots (interned strings, code objects'
    /// constants), while they are young: a minor collection marks these instead of
    /// walking every permanent root. Enough, because marking an old object does
    /// nothing in a minor collection, and a young object an old root points at
    /// was stored after the root got old, so the root is remembered (the write
    /// barrier). Those that got old are dropped at the end of each collection.
    pub young_roots: Vec<ObjRef>,
    /// Bytes the old generation grew by since the last full collection: objects
    /// promoted by minor collections, and the growth of remembered objects.
    pub old_growth: u64,
    /// A full collection runs instead of a minor one when `old_growth` reaches this:
    /// half the bytes live after the last full collection (a quarter for big
    /// payloads), at least `MIN_COLLECT_BYTES`.
    pub major_threshold: u64,
    /// Minor collections so far (`collections` counts the full ones).
    pub minor_collections: u64,
    /// Check the generational invariant at every minor collection (no old object
    /// outside `remembered` points at a young one) and panic if it does not hold
    /// (a missed write barrier). On in debug builds; `revpy run --gc-verify`.
    pub verify: bool,
    /// `threshold` after every collection: `NURSERY_BYTES` (smaller to test the
    /// collector: `revpy run --gc-verify`).
    pub nursery: u64,
    /// A str or bytes payload of at least `BIG_TEXT_BYTES` was made since the last
    /// collection: the next return from a native call or a binary operator's slow
    /// path is a collection point too (a program that reads a file, drops it and
    /// reads the next reclaims the first).
    pub big_text: bool,
    /// Collect when `allocs` reaches this (`NURSERY_BYTES`): a minor collection,
    /// or a full one if the old generation grew enough (`major_threshold`).
    pub threshold: u64,
    /// Live objects after the last collection, plus those allocated since.
    pub live: usize,
    /// Bytes (as `allocs` counts them) live after the last collection.
    pub live_bytes: u64,
    pub collections: u64,
    /// Host resources (open files) held by objects and not closed; see
    /// `note_host_open`.
    pub host_open: u64,
    /// `host_open` at which the next collection point collects.
    pub host_limit: u64,
    /// The last collection freed a class (caches keyed by class slots must
    /// be dropped, as the slots may be reused).
    pub freed_class: bool,
    /// Weak references and finalizers (see `gc.rs`).
    pub weak: Box<WeakState>,
    /// The collector's bit sets, kept from one collection to the next.
    pub(super) bits: GcBits,
}

/// The collector's bit sets over the heap's slots (mark, young, new: see
/// `gc::Marks`), kept between collections so that a minor collection does not
/// allocate and zero three bit sets the size of the heap: all zero between
/// collections (a minor collection clears the words it set). Not program state:
/// a copy of the heap (a snapshot) starts with none and grows them when it
/// collects.
#[derive(Debug, Default)]
pub struct GcBits {
    pub(super) mark: Vec<u64>,
    pub(super) young: Vec<u64>,
    pub(super) new: Vec<u64>,
}

impl Clone for GcBits {
    fn clone(&self) -> GcBits {
        GcBits::default()
    }
}

/// What the collector knows about weak references and finalizers. All of it is a
/// function of the program: collections happen at points fixed by allocation counts,
/// and lists are kept in creation or slot order.
#[derive(Clone, Debug, Default)]
pub struct WeakState {
    /// The live weak reference objects (`types::weakref::WeakRef` payloads), in
    /// creation order.
    pub refs: Vec<ObjRef>,
    /// Classes whose instances have a `__del__` (inherited included).
    pub del_classes: Vec<ObjRef>,
    /// Serials of the objects whose `__del__` already ran (it runs once, PEP 442).
    pub finalized: std::collections::BTreeSet<u64>,
    /// Calls to make after a collection: `(callback, weakref)` for a cleared weak
    /// reference with a callback, `(Undef, obj)` for `obj.__del__()`. Roots until made.
    pub pending: Vec<(Value, Value)>,
    /// The queued calls are being made (finalizers do not nest).
    pub running: bool,
    /// The last collection kept objects for their `__del__`.
    pub finalized_last: bool,
    /// `gc.disable()` was called (reported by `gc.isenabled()`).
    pub disabled: bool,
    /// Host handles held by objects the last collection freed (open files the program
    /// can no longer reach): the VM hands them to the host to close, as CPython closes
    /// a file when its last reference goes. Not program state.
    pub host_released: Vec<i64>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            chunks: Vec::with_capacity(64),
            len: 0,
            free_head: NO_SLOT,
            next_serial: 1,
            allocs: 0,
            nursery_serial: 1,
            aged_serial: 1,
            young: Vec::new(),
            aged: Vec::new(),
            remembered: Vec::new(),
            young_roots: Vec::new(),
            old_growth: 0,
            major_threshold: MIN_COLLECT_BYTES,
            minor_collections: 0,
            verify: cfg!(debug_assertions),
            nursery: NURSERY_BYTES,
            big_text: false,
            threshold: NURSERY_BYTES,
            live: 0,
            live_bytes: 0,
            collections: 0,
            host_open: 0,
            host_limit: HOST_SLACK,
            freed_class: false,
            weak: Box::default(),
            bits: GcBits::default(),
        }
    }

    #[inline(always)]
    pub(super) fn slot(&self, i: usize) -> &Slot {
        &self.chunks[i >> CHUNK_BITS].0[i & CHUNK_MASK]
    }

    /// A slot for writing: its chunk is copied first if a snapshot shares it.
    #[inline(always)]
    fn slot_mut(&mut self, i: usize) -> &mut Slot {
        slot_in(&mut self.chunks, i)
    }

    /// Count `bytes` more allocated: a container grew (list append, dict insert).
    #[inline(always)]
    pub fn charge(&mut self, bytes: u64) {
        self.allocs += bytes;
    }

    /// A host resource (an open file) was taken. When the program holds
    /// `HOST_SLACK` more than after the last collection, the next collection point
    /// collects, so files it dropped are closed before the process runs out of
    /// descriptors, however big the heap is. Counted, so a function of the program.
    pub fn note_host_open(&mut self) {
        self.host_open += 1;
        if self.host_open >= self.host_limit {
            // A full collection: the files may be held by old objects.
            self.allocs = self.allocs.max(self.threshold);
            self.old_growth = self.old_growth.max(self.major_threshold);
        }
    }

    /// A host resource was released by the program (`close()`).
    pub fn note_host_close(&mut self) {
        self.host_open = self.host_open.saturating_sub(1);
    }

    /// A new object (young: see `young`), in the lowest free slot.
    #[inline]
    pub fn alloc(&mut self, class: ObjRef, kind: Kind) -> ObjRef {
        let payload = kind.gc_bytes();
        // The common case without a call, so that it saves no registers: a free
        // slot in an unshared chunk, room in `young`, a small payload.
        let i = self.free_head;
        if i != NO_SLOT && payload < BIG_TEXT_BYTES && self.young.len() < self.young.capacity() {
            if let Some(c) = self.chunks.get_mut(i as usize >> CHUNK_BITS) {
                if Rc::strong_count(c) == 1 && Rc::weak_count(c) == 0 {
                    // SAFETY: `c` is the only reference to its chunk (see `slot_in`).
                    let chunk = unsafe { &mut *(Rc::as_ptr(c) as *mut Chunk) };
                    let slot = &mut chunk.0[i as usize & CHUNK_MASK];
                    if let Slot::Free(next) = *slot {
                        self.free_head = next;
                        self.allocs += OBJECT_BYTES + payload;
                        let serial = self.next_serial;
                        self.next_serial += 1;
                        self.live += 1;
                        fill_slot(slot, Object::new(class, serial, kind));
                        let n = self.young.len();
                        // SAFETY: checked above: `n` is below the capacity.
                        unsafe {
                            self.young.as_mut_ptr().add(n).write(i);
                            self.young.set_len(n + 1);
                        }
                        return ObjRef(i);
                    }
                }
            }
        }
        self.alloc_slow(class, kind, payload)
    }

    /// `alloc` when there is no free slot, the free one is in a chunk a snapshot
    /// shares, `young` must grow or the payload is big.
    #[inline(never)]
    fn alloc_slow(&mut self, class: ObjRef, kind: Kind, payload: u64) -> ObjRef {
        self.allocs += OBJECT_BYTES + payload;
        if payload >= BIG_TEXT_BYTES
            && matches!(kind, Kind::Str(_) | Kind::Bytes(_) | Kind::ByteArray(_))
        {
            self.big_text = true;
        }
        let serial = self.next_serial;
        self.next_serial += 1;
        self.live += 1;
        let i = self.free_head;
        let (i, slot) = if i != NO_SLOT {
            let slot = slot_in(&mut self.chunks, i as usize);
            match *slot {
                Slot::Free(next) => self.free_head = next,
                Slot::Live(_) => bad_free_list(),
            }
            (i, slot)
        } else {
            self.new_slot()
        };
        fill_slot(slot, Object::new(class, serial, kind));
        self.young.push(i);
        ObjRef(i)
    }

    /// A slot past the end of the table (there is no free one).
    #[inline]
    fn new_slot(&mut self) -> (u32, &mut Slot) {
        if self.len & CHUNK_MASK == 0 {
            self.push_chunk();
        }
        let i = self.len;
        self.len += 1;
        (i as u32, slot_in(&mut self.chunks, i))
    }

    #[cold]
    #[inline(never)]
    fn push_chunk(&mut self) {
        self.chunks.push(Chunk::empty());
    }

    /// `v` is a permanent root of the VM from now on (an interned str, a code
    /// object's constant): see `young_roots`.
    pub fn note_permanent_root(&mut self, v: Value) {
        if let Value::Obj(r) = v {
            if self.get(r).serial >= self.nursery_serial {
                self.young_roots.push(r);
            }
        }
    }

    /// Allocate only in new slots from now on (until the next collection): a
    /// debugger evaluation's copy then leaves the chunks it shares untouched.
    pub fn append_only(&mut self) {
        self.free_head = NO_SLOT;
    }

    /// The serial number the next object will get.
    pub fn next_serial(&self) -> u64 {
        self.next_serial
    }

    #[inline(always)]
    pub fn get(&self, r: ObjRef) -> &Object {
        match self.slot(r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        }
    }

    /// An object for writing. The write barrier: an old object is remembered
    /// (`Heap::remembered`) the first time after a collection, as whatever the
    /// caller stores in it may be young. Every write to an object goes through
    /// here or `get2_mut`, so no store can miss the barrier.
    #[inline(always)]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        let o = match slot_in(&mut self.chunks, r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        };
        if o.serial < self.nursery_serial && o.meta & (REMEMBERED | PARTIAL) != REMEMBERED {
            remember(&mut self.remembered, r, o);
        }
        o
    }

    /// An object for storing `v` in place of a value it holds (its size does not
    /// change). The write barrier only if `v` is young: storing an immediate or an
    /// old object keeps the invariant (an old object not remembered points at no
    /// young one), so a big old dict or module whose values are rebound to numbers
    /// is not traced by every minor collection.
    #[inline(always)]
    pub fn get_mut_storing(&mut self, r: ObjRef, v: Value) -> &mut Object {
        if let Value::Obj(c) = v {
            if self.get(c).serial >= self.nursery_serial {
                return self.get_mut(r);
            }
        }
        match slot_in(&mut self.chunks, r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        }
    }

    /// A list's items for appending (`None` if `r` is not a list). The write
    /// barrier for appends: an old list at least `PARTIAL_MIN_LEN` long is
    /// remembered for the items from its current length on, so that a list that
    /// keeps growing while old (`words.append(w)` in a long loop) is not traced
    /// whole by every minor collection. Any other write (`get_mut`) remembers it
    /// whole. Only pushes may follow: the items before the mark stay as they were.
    #[inline(always)]
    pub fn list_for_append(&mut self, r: ObjRef) -> Option<&mut Vec<Value>> {
        let o = match slot_in(&mut self.chunks, r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        };
        let Kind::List(items) = &o.kind else {
            return None;
        };
        if o.serial < self.nursery_serial && !o.remembered() {
            // A partially remembered list stays so: appends only grow its tail.
            let from = if items.len() >= PARTIAL_MIN_LEN {
                u32::try_from(items.len()).unwrap_or(0)
            } else {
                0
            };
            remember_from(&mut self.remembered, r, o, from);
        }
        match &mut o.kind {
            Kind::List(items) => Some(items),
            _ => None,
        }
    }

    /// The items of a list of class `cls` for storing into one of them, with the
    /// write barrier (`get_mut`); `None`, and no barrier, for any other object
    /// (STORE_SUBSCR's fast path tries every target: `d[k] = v` must not remember
    /// a big old dict whole, its insert has its own barrier: `dict_for_insert`).
    #[inline(always)]
    pub fn list_for_store(&mut self, r: ObjRef, cls: ObjRef) -> Option<&mut Vec<Value>> {
        let o = match slot_in(&mut self.chunks, r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        };
        if o.class != cls || !matches!(o.kind, Kind::List(_)) {
            return None;
        }
        if o.serial < self.nursery_serial && o.meta & (REMEMBERED | PARTIAL) != REMEMBERED {
            remember(&mut self.remembered, r, o);
        }
        match &mut o.kind {
            Kind::List(items) => Some(items),
            _ => None,
        }
    }

    /// A dict's table for inserting a new entry (`Dict::insert_new`, nothing else).
    /// The write barrier for inserts, as `list_for_append` for appends: an old dict
    /// of at least `PARTIAL_MIN_LEN` entries is remembered for the entries from the
    /// new one's position on, so that a big dict that keeps getting new keys while
    /// old (`pairs[key] = ...` in a long loop) is not traced whole by every minor
    /// collection. An insert that rebuilds a table with deleted entries moves the
    /// live ones down: a partial remembrance moves its mark with them
    /// (`dict_from_moved`). Any other write (`get_mut`) remembers it whole.
    #[inline(always)]
    pub fn dict_for_insert(&mut self, r: ObjRef) -> &mut Dict {
        let o = match slot_in(&mut self.chunks, r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        };
        let Kind::Dict(d) = &o.kind else {
            panic!("revpy internal error: not a dict")
        };
        if o.serial < self.nursery_serial {
            if !o.remembered() {
                let from = if d.raw_len() >= PARTIAL_MIN_LEN {
                    u32::try_from(d.insert_position()).unwrap_or(0)
                } else {
                    0
                };
                remember_from(&mut self.remembered, r, o, from);
            } else if o.remembered_partially() && d.insert_compacts() {
                dict_from_moved(&mut self.remembered, r, o, |d, from| d.live_before(from));
            }
        }
        match &mut o.kind {
            Kind::Dict(d) => crate::object::dict_table::unshared(d),
            _ => panic!("revpy internal error: not a dict"),
        }
    }

    /// Remove a dict's entry at raw position `ix` (`Dict::remove_at`), without the
    /// write barrier: a deletion stores no reference, and moves no entry. It may
    /// drop trailing deleted entries, so that the next insert lands before the
    /// mark of a partial remembrance: the mark comes down to the new end then.
    pub fn dict_remove_at(&mut self, r: ObjRef, ix: usize) -> (Value, Value) {
        let o = match slot_in(&mut self.chunks, r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        };
        let Kind::Dict(d) = &mut o.kind else {
            panic!("revpy internal error: not a dict")
        };
        let d = crate::object::dict_table::unshared(d);
        let len = d.raw_len();
        let kv = d.remove_at(ix);
        if d.raw_len() < len && o.remembered_partially() {
            dict_from_moved(&mut self.remembered, r, o, |d, from| from.min(d.raw_len()));
        }
        kv
    }

    /// An object for writing without the write barrier: the collector's own
    /// writes (clearing a weak reference, the remembered bits) store no young
    /// reference.
    pub(super) fn get_mut_unbarriered(&mut self, r: ObjRef) -> &mut Object {
        match self.slot_mut(r.0 as usize) {
            Slot::Live(o) => o,
            Slot::Free(_) => freed(r),
        }
    }

    #[inline(always)]
    pub fn kind(&self, r: ObjRef) -> &Kind {
        &self.get(r).kind
    }

    #[inline(always)]
    pub fn kind_mut(&mut self, r: ObjRef) -> &mut Kind {
        &mut self.get_mut(r).kind
    }

    /// Two mutable borrows at once (r1 != r2).
    pub fn get2_mut(&mut self, r1: ObjRef, r2: ObjRef) -> (&mut Object, &mut Object) {
        assert_ne!(r1, r2);
        let (a, b) = (r1.0 as usize, r2.0 as usize);
        let (ca, cb) = (a >> CHUNK_BITS, b >> CHUNK_BITS);
        let (sa, sb): (&mut Slot, &mut Slot) = if ca == cb {
            let c = &mut Rc::make_mut(&mut self.chunks[ca]).0;
            let (ia, ib) = (a & CHUNK_MASK, b & CHUNK_MASK);
            if ia < ib {
                let (lo, hi) = c.split_at_mut(ib);
                (&mut lo[ia], &mut hi[0])
            } else {
                let (lo, hi) = c.split_at_mut(ia);
                (&mut hi[0], &mut lo[ib])
            }
        } else if ca < cb {
            let (lo, hi) = self.chunks.split_at_mut(cb);
            (
                &mut Rc::make_mut(&mut lo[ca]).0[a & CHUNK_MASK],
                &mut Rc::make_mut(&mut hi[0]).0[b & CHUNK_MASK],
            )
        } else {
            let (lo, hi) = self.chunks.split_at_mut(ca);
            (
                &mut Rc::make_mut(&mut hi[0]).0[a & CHUNK_MASK],
                &mut Rc::make_mut(&mut lo[cb]).0[b & CHUNK_MASK],
            )
        };
        match (sa, sb) {
            (Slot::Live(x), Slot::Live(y)) => {
                for (o, r) in [(&mut *x, r1), (&mut *y, r2)] {
                    if o.serial < self.nursery_serial
                        && o.meta & (REMEMBERED | PARTIAL) != REMEMBERED
                    {
                        remember(&mut self.remembered, r, o);
                    }
                }
                (x, y)
            }
            _ => freed(r1),
        }
    }

    /// The live objects with their slots, in slot order.
    pub fn objects(&self) -> impl Iterator<Item = (usize, &Object)> {
        self.chunks
            .iter()
            .flat_map(|c| c.0.iter())
            .take(self.len)
            .enumerate()
            .filter_map(|(i, s)| match s {
                Slot::Live(o) => Some((i, o)),
                Slot::Free(_) => None,
            })
    }

    /// Find a live object by serial number (debugger anchors); O(n).
    pub fn find_serial(&self, serial: u64) -> Option<ObjRef> {
        self.objects()
            .find(|(_, o)| o.serial == serial)
            .map(|(i, _)| ObjRef(i as u32))
    }

    /// Whether the object at `r` is the one with creation serial `serial` (a cheap
    /// check of a remembered location: an object keeps its slot for life).
    pub fn serial_at(&self, r: ObjRef, serial: u64) -> bool {
        (r.0 as usize) < self.len
            && matches!(self.slot(r.0 as usize), Slot::Live(o) if o.serial == serial)
    }

    /// Number of slots (live or free).
    pub fn capacity(&self) -> usize {
        self.len
    }

    /// The chunks, for memory accounting across heaps that share them (compare
    /// with `Rc::ptr_eq` / `Rc::as_ptr`).
    pub fn chunks(&self) -> &[Rc<Chunk>] {
        &self.chunks
    }

    /// The chunk table itself (debugger checkpoints take it out and put it
    /// back: `debug::pack`). Its length must stay what `len` needs.
    pub(crate) fn chunks_mut(&mut self) -> &mut Vec<Rc<Chunk>> {
        &mut self.chunks
    }
}

/// Put new object `o` in free slot `slot` (`Heap::alloc` and `alloc_slow`; a slot
/// past the end of the table is free too), without dropping the free slot: it owns
/// nothing.
#[inline(always)]
fn fill_slot(slot: &mut Slot, o: Object) {
    debug_assert!(matches!(slot, Slot::Free(_)));
    // SAFETY: `slot` is a valid, aligned slot; writing without dropping the old
    // value could only leak, and a free slot owns nothing.
    unsafe { std::ptr::write(slot, Slot::Live(o)) };
}

/// Slot `i` for writing: its chunk is copied first if a snapshot shares it. A
/// function of the chunk table alone, so the caller may use the heap's other
/// fields while holding the slot (the write barrier).
#[inline(always)]
pub(super) fn slot_in(chunks: &mut [Rc<Chunk>], i: usize) -> &mut Slot {
    &mut chunk_in(chunks, i >> CHUNK_BITS).0[i & CHUNK_MASK]
}

/// Chunk `ci` for writing (see `slot_in`).
#[inline(always)]
pub(super) fn chunk_in(chunks: &mut [Rc<Chunk>], ci: usize) -> &mut Chunk {
    let c = &mut chunks[ci];
    if Rc::strong_count(c) != 1 || Rc::weak_count(c) != 0 {
        unshare(c);
    }
    // SAFETY: `c` is now the only reference to its chunk (one strong, no weak
    // pointers), and we hold it mutably, so no other reference can exist.
    unsafe { &mut *(Rc::as_ptr(c) as *mut Chunk) }
}

/// The write barrier's slow path: remember old object `o` (at `r`) whole; if it
/// was remembered for its appended items only, its entry now covers all of it.
#[cold]
#[inline(never)]
fn remember(set: &mut Vec<Remembered>, r: ObjRef, o: &mut Object) {
    if o.remembered_partially() {
        o.set_remembered(true);
        // Usually among the last ones remembered.
        if let Some(e) = set.iter_mut().rev().find(|e| e.r == r) {
            e.from = 0;
        }
        return;
    }
    remember_from(set, r, o, 0)
}

/// A partially remembered dict (old object `o` at `r`) whose entries are about to
/// move, or whose end came down: its mark becomes `at(dict, mark)`, where the
/// entry at the mark is (or the next insert lands) after the change; a mark of 0
/// remembers it whole.
#[cold]
#[inline(never)]
fn dict_from_moved(
    set: &mut [Remembered],
    r: ObjRef,
    o: &mut Object,
    at: impl Fn(&Dict, usize) -> usize,
) {
    let Kind::Dict(d) = &o.kind else { return };
    // Usually among the last ones remembered.
    let Some(e) = set.iter_mut().rev().find(|e| e.r == r) else {
        return;
    };
    e.from = u32::try_from(at(d, e.from as usize)).unwrap_or(0);
    if e.from == 0 {
        o.set_remembered(true);
    }
}

#[cold]
#[inline(never)]
fn remember_from(set: &mut Vec<Remembered>, r: ObjRef, o: &mut Object, from: u32) {
    o.set_remembered(true);
    if from > 0 {
        o.set_remembered_partially();
    }
    set.push(Remembered {
        r,
        bytes: o.kind.gc_bytes(),
        from,
    });
}

/// Copy a chunk a snapshot shares, before the first write to it.
#[cold]
#[inline(never)]
fn unshare(c: &mut Rc<Chunk>) {
    Rc::make_mut(c);
}

#[cold]
#[inline(never)]
fn bad_free_list() -> ! {
    unreachable!("revpy internal error: free list")
}

#[cold]
#[inline(never)]
fn freed(r: ObjRef) -> ! {
    panic!("revpy internal error: use of freed object {}", r.0)
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn object_is_56_bytes() {
        assert_eq!(std::mem::size_of::<super::Slot>(), 56);
        // 16 slots and the `Rc` counts fit a 1 KiB block.
        assert!(std::mem::size_of::<super::Chunk>() + 16 <= 1024);
        assert_eq!(std::mem::size_of::<crate::object::Value>(), 16);
        // Iterator states are inline in the object (`IterKind`), within the
        // payload's size.
        assert_eq!(std::mem::size_of::<crate::object::IterKind>(), 24);
        assert_eq!(std::mem::size_of::<crate::object::Kind>(), 40);
    }
}

//! Packed checkpoints: a checkpoint whose heap chunks are encoded in a compact
//! byte form and compressed (`lz.rs`), for the debugger's far checkpoints.
//!
//! A copy-on-write checkpoint (`Vm::checkpoint`) costs nothing while the
//! program does not write to what it shares, but once the program has rewritten
//! its heap the checkpoint holds a whole old copy of it: 64 bytes per object
//! slot plus every dict, list and string payload. Packed, the same objects take
//! a few bytes each: values as varints, references as slot numbers, and what
//! repeats (dict keys and their hashes, classes) compressed away. Packing
//! against an earlier packed checkpoint (`Image`) stores little more than what
//! changed since.
//!
//! Restoring (`PackedVm::unpack`) rebuilds the same heap: every slot, serial,
//! free-list link, dict layout (entries, index table and stamp), set table,
//! and the capacities the collector counts, so the restored VM runs exactly as
//! the original would. Chunks still shared with other copies of the heap (the
//! ones the program has not written since) stay shared instead of packed, and
//! objects with payloads of their own kind (functions, classes, generators,
//! library types) are kept as copies.

use crate::debug::lz;
use crate::object::dict_table::{Dict, Entry};
use crate::object::heap::{keep_capacity, Slot, CHUNK_SLOTS, NO_SLOT};
use crate::object::set_table::{self, SetTable};
use crate::object::text::Text;
use crate::object::{Chunk, IterKind, Kind, ObjRef, Object, PyStr, Value};
use crate::Vm;
use num_bigint::BigInt;
use std::cell::Cell;
use std::rc::Rc;

/// Strings longer than this stay shared (`Rc<str>`) instead of copied.
const INLINE_STR: usize = 64;

/// The packed chunks of a checkpoint, compressed (against the image it was
/// packed against, if any): held by its checkpoint and by those packed
/// against it.
pub struct Image {
    data: Box<[u8]>,
    raw_len: usize,
    base: Option<Rc<Image>>,
    /// Where each heap chunk's records start in the raw image (`u32::MAX`:
    /// not in it), for images that others are packed against.
    slots: Option<Box<[u32]>>,
}

impl Image {
    /// The raw image (decompressed each time: bases are kept compressed).
    fn raw(&self) -> Vec<u8> {
        let dict = self.base.as_ref().map(|b| b.raw()).unwrap_or_default();
        lz::decompress(&dict, &self.data, self.raw_len)
            .expect("revpy internal error: a packed checkpoint does not decode")
    }

    /// Whether later checkpoints can be packed against it.
    pub fn indexed(&self) -> bool {
        self.slots.is_some()
    }

    /// Bytes it holds.
    pub fn bytes(&self) -> usize {
        self.data.len() + self.slots.as_ref().map_or(0, |s| s.len() * 4) + 64
    }

    /// The image it was packed against, if any.
    pub fn base(&self) -> Option<Rc<Image>> {
        self.base.clone()
    }

    /// How many bases it depends on.
    pub fn depth(&self) -> usize {
        self.base.as_ref().map_or(0, |b| b.depth() + 1)
    }
}

/// A checkpoint with its heap packed (see the module's comment).
pub struct PackedVm {
    /// The VM without its heap chunks: frames, stack, counters, tables.
    shell: Vm,
    /// The number of chunks of the heap.
    nchunks: usize,
    /// The chunks still shared as they are, by index (sorted); the others are
    /// packed in `image`, in order.
    shared: Vec<(u32, Rc<Chunk>)>,
    /// The packed chunks, shared with the checkpoints packed against this one.
    image: Rc<Image>,
    /// Objects kept as they are (payloads the packing does not encode), in order.
    kept: Vec<Object>,
    /// Long strings, shared with the heap they came from.
    strs: Vec<Text>,
}

impl PackedVm {
    /// Pack the checkpoint `vm`. Chunks for which `share` is true stay shared
    /// (copies of the heap that do not change them pay nothing for them);
    /// the rest are encoded, compressed against `base` if given (the image of
    /// an earlier packed checkpoint made with `index`, see `keyframe`: what did
    /// not change since costs little). With `index`, later checkpoints can be
    /// packed against this one (it keeps 4 bytes per chunk for that).
    pub fn pack(
        mut vm: Vm,
        share: &dyn Fn(&Rc<Chunk>) -> bool,
        base: Option<&Rc<Image>>,
        index: bool,
    ) -> Self {
        let chunks = std::mem::take(vm.heap.chunks_mut());
        let mut enc = Enc::default();
        let nchunks = chunks.len();
        let mut shared = vec![];
        let mut starts: Vec<u32> = Vec::with_capacity(chunks.len());
        for (i, c) in chunks.into_iter().enumerate() {
            let foreign = c
                .slots()
                .iter()
                .filter(|s| matches!(s, Slot::Live(o) if !packs(&o.kind)))
                .count();
            if share(&c) || foreign * 2 > CHUNK_SLOTS {
                shared.push((i as u32, c));
                starts.push(u32::MAX);
            } else {
                starts.push(u32::try_from(enc.out.len()).unwrap_or(u32::MAX));
                enc.chunk(&c);
            }
        }
        let raw = enc.out;
        let base = base.filter(|b| b.slots.is_some());
        let (dict, hints) = match base {
            Some(b) => {
                let old = b.slots.as_deref().unwrap_or(&[]);
                let hints: Vec<(u32, u32)> = starts
                    .iter()
                    .zip(old)
                    .filter(|(n, o)| **n != u32::MAX && **o != u32::MAX)
                    .map(|(n, o)| (*n, *o))
                    .collect();
                (b.raw(), hints)
            }
            None => (vec![], vec![]),
        };
        let data = lz::compress(&dict, &raw, &hints).into_boxed_slice();
        PackedVm {
            shell: vm,
            nchunks,
            shared,
            image: Rc::new(Image {
                data,
                raw_len: raw.len(),
                base: base.cloned(),
                slots: index.then(|| starts.into_boxed_slice()),
            }),
            kept: enc.kept,
            strs: enc.strs,
        }
    }

    /// A VM equal to the one packed.
    pub fn unpack(&self) -> Vm {
        let raw = self.image.raw();
        let mut vm = self.shell.clone();
        let mut dec = Dec {
            data: &raw,
            pos: 0,
            kept: self.kept.iter(),
            strs: self.strs.iter(),
        };
        let chunks = vm.heap.chunks_mut();
        chunks.reserve_exact(self.nchunks);
        let mut shared = self.shared.iter().peekable();
        for i in 0..self.nchunks {
            chunks.push(match shared.next_if(|(k, _)| *k as usize == i) {
                Some((_, c)) => c.clone(),
                None => Rc::new(
                    dec.chunk()
                        .expect("revpy internal error: a packed checkpoint does not decode"),
                ),
            });
        }
        vm
    }

    /// The VM without its heap: counters (`stop_points`, `instructions`,
    /// `heap.next_serial()`), frames. Its heap has no objects.
    pub fn shell(&self) -> &Vm {
        &self.shell
    }

    /// The chunks it shares with other copies of the heap.
    pub fn shared_chunks(&self) -> impl Iterator<Item = &Rc<Chunk>> {
        self.shared.iter().map(|(_, c)| c)
    }

    /// The number of chunks of its heap.
    pub fn chunk_count(&self) -> usize {
        self.nchunks
    }

    /// Bytes it holds besides the shared chunks and its images (see `images`).
    pub fn own_bytes(&self) -> usize {
        let kept: usize = self.kept.iter().map(|o| 64 + o.kind.payload_bytes()).sum();
        kept + self.strs.len() * 16 + self.shared.len() * 16 + 256
    }

    /// Its image and the one it was packed against, if any (shared with
    /// other checkpoints).
    pub fn images(&self) -> Vec<Rc<Image>> {
        let mut v = vec![self.image.clone()];
        let mut cur = self.image.base.clone();
        while let Some(b) = cur {
            cur = b.base.clone();
            v.push(b);
        }
        v
    }

    /// The image to pack later checkpoints against: its own if it was packed
    /// alone, else the one it was packed against.
    pub fn keyframe(&self) -> Rc<Image> {
        self.image
            .base
            .clone()
            .unwrap_or_else(|| self.image.clone())
    }

    /// Its own image.
    pub fn image(&self) -> Rc<Image> {
        self.image.clone()
    }

    /// Bytes of its own image.
    pub fn image_bytes(&self) -> usize {
        self.image.bytes()
    }

    /// (compressed image, kept objects, long strings, shared chunks) counts.
    pub fn parts(&self) -> (usize, usize, usize, usize) {
        (
            self.image.data.len(),
            self.kept.len(),
            self.strs.len(),
            self.shared_chunks().count(),
        )
    }

    /// Bytes of the raw image (before compression).
    pub fn raw_bytes(&self) -> usize {
        self.image.raw_len
    }

    /// How many images decoding it decompresses after its own.
    pub fn depth(&self) -> usize {
        self.image.depth()
    }
}

/// Whether packing encodes this payload (the others are kept as copies).
fn packs(k: &Kind) -> bool {
    !matches!(
        k,
        Kind::Function(_)
            | Kind::Native(_)
            | Kind::Class(_)
            | Kind::Module(_)
            | Kind::Code(_)
            | Kind::Generator(_)
            | Kind::Coroutine(_)
            | Kind::Exception(_)
            | Kind::Opaque(_)
    )
}

// Slot tags.
const FREE: u8 = 0;
const KEPT: u8 = 31;
const K_OBJECT: u8 = 1;
const K_STR: u8 = 2;
const K_BIGINT: u8 = 3;
const K_BOXED: u8 = 4;
const K_COMPLEX: u8 = 5;
const K_BYTES: u8 = 6;
const K_BYTEARRAY: u8 = 7;
const K_TUPLE: u8 = 8;
const K_LIST: u8 = 9;
const K_DICT: u8 = 10;
const K_SET: u8 = 11;
const K_FROZENSET: u8 = 12;
const K_BOUND: u8 = 13;
const K_CELL: u8 = 14;
const K_RANGE: u8 = 15;
const K_BIGRANGE: u8 = 16;
const K_SLICE: u8 = 17;
const K_ITER: u8 = 18;
const K_DICTVIEW: u8 = 19;
const K_PROPERTY: u8 = 20;
const K_STATIC: u8 = 21;
const K_CLASSMETHOD: u8 = 22;
const K_SUPER: u8 = 23;
const K_NOTIMPL: u8 = 24;
const K_ELLIPSIS: u8 = 25;

// Value tags.
const V_UNDEF: u8 = 0;
const V_NONE: u8 = 1;
const V_FALSE: u8 = 2;
const V_TRUE: u8 = 3;
const V_INT: u8 = 4;
const V_FLOAT: u8 = 5;
const V_OBJ: u8 = 6;

fn zig(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzig(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

#[derive(Default)]
struct Enc {
    out: Vec<u8>,
    kept: Vec<Object>,
    strs: Vec<Text>,
}

impl Enc {
    fn u(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn i(&mut self, v: i64) {
        self.u(zig(v));
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn r(&mut self, r: ObjRef) {
        self.u(u64::from(r.0));
    }

    fn v(&mut self, v: Value) {
        match v {
            Value::Undef => self.byte(V_UNDEF),
            Value::None => self.byte(V_NONE),
            Value::Bool(false) => self.byte(V_FALSE),
            Value::Bool(true) => self.byte(V_TRUE),
            Value::Int(i) => {
                self.byte(V_INT);
                self.i(i);
            }
            Value::Float(f) => {
                self.byte(V_FLOAT);
                self.out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Value::Obj(r) => {
                self.byte(V_OBJ);
                self.r(r);
            }
        }
    }

    fn vals(&mut self, vs: &[Value]) {
        self.u(vs.len() as u64);
        for v in vs {
            self.v(*v);
        }
    }

    fn big(&mut self, b: &BigInt) {
        let bytes = b.to_signed_bytes_le();
        self.u(bytes.len() as u64);
        self.out.extend_from_slice(&bytes);
    }

    fn chunk(&mut self, c: &Chunk) {
        let mut serial = 0u64;
        for s in c.slots() {
            match s {
                Slot::Free(next) => {
                    self.byte(FREE);
                    self.u(if *next == NO_SLOT {
                        0
                    } else {
                        u64::from(*next) + 1
                    });
                }
                Slot::Live(o) if !packs(&o.kind) => {
                    self.byte(KEPT);
                    self.kept.push(o.clone_exact());
                }
                Slot::Live(o) => {
                    self.object(o, serial);
                    serial = o.serial;
                }
            }
        }
    }

    fn object(&mut self, o: &Object, prev_serial: u64) {
        let tag = match &o.kind {
            Kind::Object(_) => K_OBJECT,
            Kind::Str(_) => K_STR,
            Kind::BigInt(_) => K_BIGINT,
            Kind::Boxed(_) => K_BOXED,
            Kind::Complex(..) => K_COMPLEX,
            Kind::Bytes(_) => K_BYTES,
            Kind::ByteArray(_) => K_BYTEARRAY,
            Kind::Tuple(_) => K_TUPLE,
            Kind::List(_) => K_LIST,
            Kind::Dict(_) => K_DICT,
            Kind::Set(_) => K_SET,
            Kind::FrozenSet(_) => K_FROZENSET,
            Kind::BoundMethod(..) => K_BOUND,
            Kind::Cell(_) => K_CELL,
            Kind::Range(..) => K_RANGE,
            Kind::BigRange(_) => K_BIGRANGE,
            Kind::Slice(_) => K_SLICE,
            Kind::Iter(_) => K_ITER,
            Kind::DictView(..) => K_DICTVIEW,
            Kind::Property(_) => K_PROPERTY,
            Kind::StaticMethod(_) => K_STATIC,
            Kind::ClassMethod(_) => K_CLASSMETHOD,
            Kind::Super(..) => K_SUPER,
            Kind::NotImplemented => K_NOTIMPL,
            Kind::Ellipsis => K_ELLIPSIS,
            _ => unreachable!("revpy internal error: packing a kept payload"),
        };
        self.byte(tag);
        self.r(o.class);
        // The dict slot and the collector's write-barrier bits.
        self.u(u64::from(o.meta_word()));
        self.i(o.serial.wrapping_sub(prev_serial) as i64);
        match &o.kind {
            Kind::NotImplemented | Kind::Ellipsis => {}
            Kind::Object(a) => {
                self.u(a.capacity() as u64);
                self.u(a.len() as u64 * 2 + u64::from(a.1 .0));
                for (k, v) in &a.0 {
                    self.v(*k);
                    self.v(*v);
                }
            }
            Kind::Str(s) => {
                let long = s.s.len() > INLINE_STR;
                self.u(u64::from(s.interned) | (u64::from(long) << 1));
                if long {
                    self.strs.push(s.s.clone());
                } else {
                    self.u(s.s.len() as u64);
                    self.out.extend_from_slice(s.s.as_bytes());
                }
            }
            Kind::BigInt(b) => self.big(b),
            Kind::Boxed(v) | Kind::Cell(v) | Kind::StaticMethod(v) | Kind::ClassMethod(v) => {
                self.v(*v)
            }
            Kind::Complex(a, b) => {
                self.out.extend_from_slice(&a.to_bits().to_le_bytes());
                self.out.extend_from_slice(&b.to_bits().to_le_bytes());
            }
            Kind::Bytes(b) | Kind::ByteArray(b) => {
                self.u(b.capacity() as u64);
                self.u(b.len() as u64);
                self.out.extend_from_slice(b);
            }
            Kind::Tuple(v) | Kind::List(v) => {
                self.u(v.capacity() as u64);
                self.vals(v);
            }
            Kind::Dict(d) => {
                let (entries, indices, used, fill, stamp) = d.raw_parts();
                self.u(entries.len() as u64);
                for e in &entries {
                    self.i(e.hash);
                    self.v(e.key);
                    self.v(e.value);
                }
                self.u(indices.len() as u64);
                for ix in &indices {
                    // DUMMY -> 0, EMPTY -> 1, entry n -> n + 2
                    self.u(u64::from(ix.wrapping_add(2)));
                }
                self.u(used as u64);
                self.u(fill as u64);
                self.u(stamp);
            }
            Kind::Set(s) | Kind::FrozenSet(s) => {
                let (table, fill, used, finger) = s.raw_parts();
                self.u(table.len() as u64);
                for sl in table {
                    self.i(sl.hash);
                    self.v(sl.key);
                }
                self.u(fill as u64);
                self.u(used as u64);
                self.u(finger as u64);
            }
            Kind::BoundMethod(a, b) => {
                self.v(*a);
                self.v(*b);
            }
            Kind::Range(a, b, c) => {
                self.i(*a);
                self.i(*b);
                self.i(*c);
            }
            Kind::BigRange(r) => r.iter().for_each(|b| self.big(b)),
            Kind::Slice(s) => s.iter().for_each(|v| self.v(*v)),
            Kind::Property(p) => p.iter().for_each(|v| self.v(*v)),
            Kind::DictView(d, w) => {
                self.r(*d);
                self.byte(*w);
            }
            Kind::Super(c, o) => {
                self.r(*c);
                self.v(*o);
            }
            Kind::Iter(it) => self.iter(it),
            _ => unreachable!(),
        }
    }

    fn iter(&mut self, it: &IterKind) {
        match it {
            IterKind::Seq { seq, idx } => {
                self.byte(0);
                self.v(Value::Obj(*seq));
                self.u(*idx as u64);
            }
            IterKind::Range { cur, stop, step } => {
                self.byte(1);
                self.i(*cur);
                self.i(*stop);
                self.i(*step as i64);
            }
            IterKind::RangeWide(r) => {
                self.byte(1);
                self.i(r[0]);
                self.i(r[1]);
                self.i(r[2]);
            }
            IterKind::Dict {
                dict,
                idx,
                len,
                what,
            } => {
                self.byte(2);
                self.r(*dict);
                self.u(*idx as u64);
                self.u(*len as u64);
                self.byte(*what);
            }
            IterKind::Set { set, idx, len } => {
                self.byte(3);
                self.r(*set);
                self.u(*idx as u64);
                self.u(*len as u64);
            }
            IterKind::Str { s, byte } => {
                self.byte(4);
                self.v(Value::Obj(*s));
                self.u(*byte as u64);
            }
            IterKind::Enumerate { it, count } => {
                self.byte(5);
                self.v(Value::Obj(*it));
                self.v(*count);
            }
            IterKind::Zip { its, strict } => {
                self.byte(6);
                self.vals(its);
                self.byte(u8::from(*strict));
            }
            IterKind::Map { fits } => {
                self.byte(7);
                self.v(fits[0]);
                self.vals(&fits[1..]);
            }
            IterKind::Filter { f, it, negate } => {
                self.byte(8);
                self.v(*f);
                self.v(Value::Obj(*it));
                self.byte(u8::from(*negate));
            }
            IterKind::Reversed { seq, idx } => {
                self.byte(9);
                self.v(Value::Obj(*seq));
                self.i(*idx as i64);
            }
            IterKind::Callable { f, sentinel } => {
                self.byte(10);
                self.v(Value::Obj(*f));
                self.v(*sentinel);
            }
            IterKind::GetItem { obj, idx } => {
                self.byte(11);
                self.v(Value::Obj(*obj));
                self.i(*idx);
            }
            IterKind::Exhausted => self.byte(12),
        }
    }
}

struct Dec<'a> {
    data: &'a [u8],
    pos: usize,
    kept: std::slice::Iter<'a, Object>,
    strs: std::slice::Iter<'a, Text>,
}

impl Dec<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u(&mut self) -> Option<u64> {
        super::lz::varint_from(|| self.byte())
    }

    fn n(&mut self) -> Option<usize> {
        usize::try_from(self.u()?).ok()
    }

    fn i(&mut self) -> Option<i64> {
        Some(unzig(self.u()?))
    }

    fn r(&mut self) -> Option<ObjRef> {
        Some(ObjRef(u32::try_from(self.u()?).ok()?))
    }

    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let b = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(b)
    }

    fn f64(&mut self) -> Option<f64> {
        let b = self.bytes(8)?;
        Some(f64::from_bits(u64::from_le_bytes(b.try_into().ok()?)))
    }

    fn v(&mut self) -> Option<Value> {
        Some(match self.byte()? {
            V_UNDEF => Value::Undef,
            V_NONE => Value::None,
            V_FALSE => Value::Bool(false),
            V_TRUE => Value::Bool(true),
            V_INT => Value::Int(self.i()?),
            V_FLOAT => Value::Float(self.f64()?),
            V_OBJ => Value::Obj(self.r()?),
            _ => return None,
        })
    }

    fn vals(&mut self, cap: usize) -> Option<Vec<Value>> {
        let n = self.n()?;
        let mut v = Vec::with_capacity(cap.max(n));
        for _ in 0..n {
            v.push(self.v()?);
        }
        Some(v)
    }

    fn big(&mut self) -> Option<BigInt> {
        let n = self.n()?;
        Some(BigInt::from_signed_bytes_le(self.bytes(n)?))
    }

    fn chunk(&mut self) -> Option<Chunk> {
        let mut slots: [Slot; CHUNK_SLOTS] = std::array::from_fn(|_| Slot::Free(NO_SLOT));
        let mut serial = 0u64;
        for s in slots.iter_mut() {
            *s = match self.byte()? {
                FREE => {
                    let n = self.u()?;
                    Slot::Free(if n == 0 {
                        NO_SLOT
                    } else {
                        u32::try_from(n - 1).ok()?
                    })
                }
                KEPT => Slot::Live(self.kept.next()?.clone_exact()),
                tag => {
                    let o = self.object(tag, serial)?;
                    serial = o.serial;
                    Slot::Live(o)
                }
            };
        }
        Some(Chunk::from_slots(slots))
    }

    fn object(&mut self, tag: u8, prev_serial: u64) -> Option<Object> {
        let class = self.r()?;
        let meta = u32::try_from(self.u()?).ok()?;
        let serial = prev_serial.wrapping_add(self.i()? as u64);
        let kind = match tag {
            K_OBJECT => {
                let cap = self.n()?;
                let n = self.n()?;
                let (len, mixed) = (n / 2, n % 2 == 1);
                if len > cap {
                    return None;
                }
                let mut a = Vec::with_capacity(cap);
                for _ in 0..len {
                    a.push((self.v()?, self.v()?));
                }
                Kind::Object(crate::object::attrs::Attrs::unpacked(a, mixed))
            }
            K_NOTIMPL => Kind::NotImplemented,
            K_ELLIPSIS => Kind::Ellipsis,
            K_STR => {
                let flags = self.u()?;
                let s: Text = if flags & 2 != 0 {
                    self.strs.next()?.clone()
                } else {
                    let n = self.n()?;
                    Text::new(std::str::from_utf8(self.bytes(n)?).ok()?)
                };
                let char_len = if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                } as u32;
                Kind::Str(PyStr {
                    s,
                    char_len,
                    hash: Cell::new(-1),
                    interned: flags & 1 != 0,
                    // Conservative: the restored attributes may hold it.
                    never_attr: Cell::new(false),
                })
            }
            K_BIGINT => Kind::BigInt(Box::new(self.big()?)),
            K_BOXED => Kind::Boxed(self.v()?),
            K_CELL => Kind::Cell(self.v()?),
            K_STATIC => Kind::StaticMethod(self.v()?),
            K_CLASSMETHOD => Kind::ClassMethod(self.v()?),
            K_COMPLEX => Kind::Complex(self.f64()?, self.f64()?),
            K_BYTES | K_BYTEARRAY => {
                let cap = self.n()?;
                let n = self.n()?;
                let mut b = self.bytes(n)?.to_vec();
                keep_capacity(&mut b, cap);
                if tag == K_BYTES {
                    Kind::Bytes(b)
                } else {
                    Kind::ByteArray(b)
                }
            }
            K_TUPLE => {
                let cap = self.n()?;
                Kind::Tuple(self.vals(cap)?)
            }
            K_LIST => {
                let cap = self.n()?;
                Kind::List(self.vals(cap)?)
            }
            K_DICT => {
                let n = self.n()?;
                let mut entries = Vec::with_capacity(n);
                for _ in 0..n {
                    entries.push(Entry {
                        hash: self.i()?,
                        key: self.v()?,
                        value: self.v()?,
                    });
                }
                let n = self.n()?;
                let mut indices = Vec::with_capacity(n);
                for _ in 0..n {
                    indices.push(u32::try_from(self.u()?).ok()?.wrapping_sub(2));
                }
                let used = self.n()?;
                let fill = self.n()?;
                let stamp = self.u()?;
                Kind::Dict(Rc::new(Dict::from_raw_parts(
                    entries, indices, used, fill, stamp,
                )))
            }
            K_SET | K_FROZENSET => {
                let n = self.n()?;
                let mut table = Vec::with_capacity(n);
                for _ in 0..n {
                    table.push(set_table::Slot {
                        hash: self.i()?,
                        key: self.v()?,
                    });
                }
                let fill = self.n()?;
                let used = self.n()?;
                let finger = self.n()?;
                let t = Box::new(SetTable::from_raw_parts(table, fill, used, finger));
                if tag == K_SET {
                    Kind::Set(t)
                } else {
                    Kind::FrozenSet(t)
                }
            }
            K_BOUND => Kind::BoundMethod(self.v()?, self.v()?),
            K_RANGE => Kind::Range(self.i()?, self.i()?, self.i()?),
            K_BIGRANGE => Kind::BigRange(Box::new([self.big()?, self.big()?, self.big()?])),
            K_SLICE => Kind::Slice(Box::new([self.v()?, self.v()?, self.v()?])),
            K_PROPERTY => Kind::Property(Box::new([
                self.v()?,
                self.v()?,
                self.v()?,
                self.v()?,
                self.v()?,
            ])),
            K_DICTVIEW => Kind::DictView(self.r()?, self.byte()?),
            K_SUPER => Kind::Super(self.r()?, self.v()?),
            K_ITER => Kind::Iter(self.iter()?),
            _ => return None,
        };
        let mut o = Object::new(class, serial, kind);
        o.set_meta_word(meta);
        Some(o)
    }

    fn iter(&mut self) -> Option<IterKind> {
        Some(match self.byte()? {
            0 => IterKind::Seq {
                seq: self.v()?.obj()?,
                idx: self.n()?,
            },
            1 => {
                let (cur, stop, step) = (self.i()?, self.i()?, self.i()?);
                IterKind::range(cur, stop, step)
            }
            2 => IterKind::Dict {
                dict: self.r()?,
                idx: self.n()?,
                len: self.n()?,
                what: self.byte()?,
            },
            3 => IterKind::Set {
                set: self.r()?,
                idx: self.n()?,
                len: self.n()?,
            },
            4 => IterKind::Str {
                s: self.v()?.obj()?,
                byte: self.n()?,
            },
            5 => IterKind::Enumerate {
                it: self.v()?.obj()?,
                count: self.v()?,
            },
            6 => IterKind::Zip {
                its: self.vals(0)?.into_boxed_slice(),
                strict: self.byte()? != 0,
            },
            7 => {
                let mut fits = vec![self.v()?];
                fits.extend(self.vals(0)?);
                IterKind::Map {
                    fits: fits.into_boxed_slice(),
                }
            }
            8 => IterKind::Filter {
                f: self.v()?,
                it: self.v()?.obj()?,
                negate: self.byte()? != 0,
            },
            9 => IterKind::Reversed {
                seq: self.v()?.obj()?,
                idx: self.i()? as isize,
            },
            10 => IterKind::Callable {
                f: self.v()?.obj()?,
                sentinel: self.v()?,
            },
            11 => IterKind::GetItem {
                obj: self.v()?.obj()?,
                idx: self.i()?,
            },
            12 => IterKind::Exhausted,
            _ => return None,
        })
    }
}

//! The heap: a table of objects addressed by index, with creation serial numbers
//! (Python's `id`) and a mark-and-sweep collector that runs only at points fixed by
//! the bytes the program allocated (see `Heap::allocs`).

use crate::object::dict_table::Dict;
use crate::object::set_table::SetTable;
use crate::object::{ObjRef, Value};
use num_bigint::BigInt;
use revpy_compiler::CodeObject;
use std::cell::Cell;
use std::rc::Rc;

/// A code object prepared for the VM: constants and names as values.
#[derive(Debug)]
pub struct CodeData {
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    /// Interned strings for `code.names`.
    pub names: Vec<Value>,
    pub varnames: Vec<Value>,
    pub nlocalsplus: usize,
    /// One inline cache per instruction (used by LOAD_GLOBAL and the attribute
    /// instructions); see `interp::inline`.
    pub caches: Box<[Cell<crate::interp::InlineCache>]>,
}

/// A Python string. `char_len` and the ASCII flag make indexing cheap; the hash is
/// computed once (CPython's SipHash-1-3 with PYTHONHASHSEED=0).
#[derive(Clone, Debug)]
pub struct PyStr {
    /// Shared text: methods can hold it while allocating results, without copying.
    pub s: Rc<str>,
    pub char_len: u32,
    pub hash: Cell<i64>,
    /// Interned strings are never freed, so caches may key on them.
    pub interned: bool,
}

impl PyStr {
    pub fn new(s: impl Into<Rc<str>>) -> PyStr {
        let s: Rc<str> = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        } as u32;
        PyStr {
            s,
            char_len,
            hash: Cell::new(-1),
            interned: false,
        }
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len as usize == self.s.len()
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::object::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }
}

pub type NativeFn = fn(&mut crate::Vm, &[Value], &[(Value, Value)]) -> crate::PyResult<Value>;

/// A function implemented in Rust.
#[derive(Clone)]
pub struct NativeFunc {
    pub name: &'static str,
    /// The type it belongs to, for methods (`list.append`).
    pub owner: Option<&'static str>,
    pub f: NativeFn,
    /// Methods bind `self` when looked up through an instance; plain functions do not.
    pub binds: bool,
    /// A host function registered by an embedder: calls are effects.
    pub host: Option<u32>,
    /// The native keeps every value it holds visible to the collector (its arguments
    /// are rooted by the caller; anything else it pushes on `Vm::temp_roots`), so the
    /// collector may run while it calls back into Python (e.g. `list(generator)`).
    pub gc_safe: bool,
    /// The positional arguments it takes (besides `self`/`cls`) and whether it takes
    /// keywords: checked by `Vm::call` before `f` runs (see `crate::args`).
    pub arity: crate::args::Arity,
    /// What its first argument is (an instance or subclass of `cls`, or nothing).
    pub role: crate::args::Role,
    /// The class of a method, class method, getter or `__new__`.
    pub cls: Option<ObjRef>,
    /// The module of a module function, for messages (`math.sqrt() takes ...`).
    pub module: Option<&'static str>,
}

impl std::fmt::Debug for NativeFunc {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<native {}>", self.name)
    }
}

#[derive(Clone, Debug)]
pub struct Function {
    pub code: Rc<CodeData>,
    pub globals: ObjRef,
    pub name: Value,
    pub qualname: Value,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<ObjRef>,
    pub closure: Vec<Value>,
    pub annotations: Option<ObjRef>,
    pub module: Value,
    pub doc: Value,
}

#[derive(Clone, Debug)]
pub struct ClassData {
    pub name: Value,
    pub qualname: Value,
    pub bases: Vec<ObjRef>,
    pub mro: Vec<ObjRef>,
    /// The class namespace (a dict object).
    pub dict: ObjRef,
    /// The built-in type whose layout instances use (list, dict, Exception, ...).
    pub base_kind: BaseKind,
    pub is_builtin: bool,
    /// Bumped when the class or a base changes; attribute caches check it.
    pub version: u64,
    /// `__slots__`: the attribute names instances may have (gathered along the MRO),
    /// or `None` when instances have a `__dict__`.
    pub slots: Option<Box<[Value]>>,
}

/// Which built-in layout an instance of a class has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    Object,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Complex,
    Bool,
    NoneType,
    Other,
}

#[derive(Clone, Debug)]
pub struct ModuleData {
    pub name: Value,
    pub dict: ObjRef,
}

/// State of a generator: its frame while suspended.
#[derive(Clone, Debug)]
pub struct GenData {
    pub frame: Option<crate::interp::Frame>,
    /// The frame's operand stack and locals while suspended.
    pub saved: Vec<Value>,
    pub started: bool,
    pub finished: bool,
    pub running: bool,
    pub name: Value,
    pub qualname: Value,
}

#[derive(Clone, Debug)]
pub struct ExcData {
    pub args: Value,
    /// Traceback entries, innermost first: (code, instruction index).
    pub traceback: Vec<(Rc<CodeData>, u32)>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// Iterator states of the built-in iterators.
#[derive(Clone, Debug)]
pub enum IterKind {
    /// Over a list, tuple, str, bytes, ... by index.
    Seq {
        seq: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// Dict keys/values/items by entry index; `len` detects changes during iteration.
    Dict {
        dict: ObjRef,
        idx: usize,
        len: usize,
        what: u8,
    },
    Set {
        set: ObjRef,
        idx: usize,
        len: usize,
    },
    Str {
        s: Value,
        byte: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
        negate: bool,
    },
    Reversed {
        seq: Value,
        idx: isize,
    },
    Callable {
        f: Value,
        sentinel: Value,
    },
    /// Old-style iteration through `__getitem__`.
    GetItem {
        obj: Value,
        idx: i64,
    },
    Exhausted,
}

/// What an object is. One variant per built-in layout.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A plain instance (attributes live in the object's dict).
    Object,
    Str(PyStr),
    BigInt(Box<BigInt>),
    /// An int subclass instance or a float subclass instance carry their value here.
    Boxed(Value),
    Complex(f64, f64),
    Bytes(Vec<u8>),
    ByteArray(Vec<u8>),
    Tuple(Vec<Value>),
    List(Vec<Value>),
    /// Shared between heap copies (checkpoints) until written: `Rc::make_mut`.
    Dict(Rc<Dict>),
    Set(Box<SetTable>),
    FrozenSet(Box<SetTable>),
    Function(Box<Function>),
    BoundMethod(Value, Value),
    Native(Box<NativeFunc>),
    Class(Box<ClassData>),
    Module(Box<ModuleData>),
    Cell(Value),
    Code(Rc<CodeData>),
    Generator(Box<GenData>),
    Range(i64, i64, i64),
    /// A range whose bounds or length do not fit machine ints: start, stop, step.
    BigRange(Box<[BigInt; 3]>),
    /// start, stop, step (boxed: keeps every object 64 bytes).
    Slice(Box<[Value; 3]>),
    Iter(Box<IterKind>),
    /// keys (0), values (1) or items (2) of a dict.
    DictView(ObjRef, u8),
    /// fget, fset, fdel, doc, and the name given by `__set_name__` (or None).
    Property(Box<[Value; 5]>),
    StaticMethod(Value),
    ClassMethod(Value),
    Exception(Box<ExcData>),
    Super(ObjRef, Value),
    NotImplemented,
    Ellipsis,
    /// A native payload for library types (deque, ...): values it holds are traced.
    Opaque(Box<dyn crate::object::opaque::OpaqueObject>),
}

impl Kind {
    /// Estimated bytes the payload owns outside the 64-byte object (memory
    /// accounting of the debugger's checkpoints; shared text counts once).
    pub fn payload_bytes(&self) -> usize {
        match self {
            Kind::Str(s) => s.s.len() / Rc::strong_count(&s.s).max(1),
            Kind::BigInt(b) => 32 + b.bits() as usize / 8,
            Kind::Bytes(b) | Kind::ByteArray(b) => b.capacity(),
            Kind::Tuple(v) | Kind::List(v) => v.capacity() * 16,
            // entries (key, value, hash) plus the index table
            Kind::Dict(d) => (64 + d.raw_len() * 48) / Rc::strong_count(d).max(1),
            Kind::Set(s) | Kind::FrozenSet(s) => 64 + s.len() * 48,
            Kind::Function(_) | Kind::Class(_) | Kind::Module(_) => 256,
            Kind::Generator(g) => 128 + g.saved.capacity() * 16,
            Kind::Exception(_) | Kind::Iter(_) | Kind::Native(_) | Kind::Opaque(_) => 96,
            Kind::BigRange(_) | Kind::Slice(_) | Kind::Property(_) => 80,
            _ => 0,
        }
    }

    /// Bytes the payload holds outside the 64-byte object, as the collector counts
    /// them: a function of the payload alone (lengths and capacities, never `Rc`
    /// counts, addresses or allocator statistics), so collections happen at the same
    /// points in every run of a program.
    #[inline]
    pub fn gc_bytes(&self) -> u64 {
        (match self {
            Kind::Str(s) => s.s.len(),
            Kind::BigInt(b) => b.bits() as usize / 8,
            Kind::Bytes(b) | Kind::ByteArray(b) => b.capacity(),
            Kind::Tuple(v) | Kind::List(v) => v.capacity() * 16,
            Kind::Dict(d) => d.raw_len() * DICT_ENTRY_BYTES as usize,
            Kind::Set(s) | Kind::FrozenSet(s) => s.raw_len() * SET_SLOT_BYTES as usize,
            Kind::Generator(g) => g.saved.capacity() * 16,
            _ => 0,
        }) as u64
    }

    /// Call `f` on every value this payload references.
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        match self {
            Kind::Object
            | Kind::Str(_)
            | Kind::BigInt(_)
            | Kind::Complex(..)
            | Kind::Bytes(_)
            | Kind::ByteArray(_)
            | Kind::Range(..)
            | Kind::BigRange(_)
            | Kind::NotImplemented
            | Kind::Ellipsis => {}
            Kind::Boxed(v) | Kind::Cell(v) | Kind::StaticMethod(v) | Kind::ClassMethod(v) => f(*v),
            Kind::Native(nf) => {
                if let Some(c) = nf.cls {
                    f(Value::Obj(c));
                }
            }
            Kind::Tuple(v) | Kind::List(v) => v.iter().for_each(|x| f(*x)),
            Kind::Dict(d) => d.trace(f),
            Kind::Set(s) | Kind::FrozenSet(s) => s.trace(f),
            Kind::Function(func) => {
                trace_code(&func.code, f);
                f(Value::Obj(func.globals));
                f(func.name);
                f(func.qualname);
                func.defaults.iter().for_each(|x| f(*x));
                func.closure.iter().for_each(|x| f(*x));
                if let Some(k) = func.kwdefaults {
                    f(Value::Obj(k));
                }
                if let Some(a) = func.annotations {
                    f(Value::Obj(a));
                }
                f(func.module);
                f(func.doc);
            }
            Kind::BoundMethod(a, b) => {
                f(*a);
                f(*b);
            }
            Kind::Class(c) => {
                f(c.name);
                f(c.qualname);
                c.bases.iter().for_each(|b| f(Value::Obj(*b)));
                c.mro.iter().for_each(|b| f(Value::Obj(*b)));
                f(Value::Obj(c.dict));
                if let Some(s) = &c.slots {
                    s.iter().for_each(|x| f(*x));
                }
            }
            Kind::Module(m) => {
                f(m.name);
                f(Value::Obj(m.dict));
            }
            Kind::Code(c) => trace_code(c, f),
            Kind::Generator(g) => {
                if let Some(fr) = &g.frame {
                    fr.trace(f);
                }
                g.saved.iter().for_each(|x| f(*x));
                f(g.name);
                f(g.qualname);
            }
            Kind::Slice(s) => s.iter().for_each(|x| f(*x)),
            Kind::Iter(it) => match &**it {
                IterKind::Seq { seq, .. } => f(*seq),
                IterKind::Range { .. } | IterKind::Exhausted => {}
                IterKind::Dict { dict, .. } => f(Value::Obj(*dict)),
                IterKind::Set { set, .. } => f(Value::Obj(*set)),
                IterKind::Str { s, .. } => f(*s),
                IterKind::Enumerate { it, count } => {
                    f(*it);
                    f(*count);
                }
                IterKind::Zip { its, .. } => its.iter().for_each(|x| f(*x)),
                IterKind::Map { f: func, its } => {
                    f(*func);
                    its.iter().for_each(|x| f(*x));
                }
                IterKind::Filter { f: func, it, .. } => {
                    f(*func);
                    f(*it);
                }
                IterKind::Reversed { seq, .. } => f(*seq),
                IterKind::Callable { f: func, sentinel } => {
                    f(*func);
                    f(*sentinel);
                }
                IterKind::GetItem { obj, .. } => f(*obj),
            },
            Kind::DictView(d, _) => f(Value::Obj(*d)),
            Kind::Property(p) => p.iter().for_each(|x| f(*x)),
            Kind::Exception(e) => {
                f(e.args);
                f(e.cause);
                f(e.context);
                for (c, _) in &e.traceback {
                    trace_code(c, f);
                }
            }
            Kind::Super(c, o) => {
                f(Value::Obj(*c));
                f(*o);
            }
            Kind::Opaque(o) => o.trace(f),
        }
    }
}

fn trace_code(c: &CodeData, f: &mut impl FnMut(Value)) {
    c.consts.iter().for_each(|x| f(*x));
    c.names.iter().for_each(|x| f(*x));
    c.varnames.iter().for_each(|x| f(*x));
}

/// A heap object: its class, optional attribute dict, creation serial and payload.
/// 64 bytes (checked by a test): payloads larger than two values are boxed.
#[derive(Clone, Debug)]
pub struct Object {
    pub class: ObjRef,
    pub dict: Option<ObjRef>,
    pub serial: u64,
    pub kind: Kind,
}

/// Bytes an object is charged for its slot in the table.
pub const OBJECT_BYTES: u64 = 64;
/// Bytes charged per dict entry (key, value, hash, and its share of the index).
pub const DICT_ENTRY_BYTES: u64 = 48;
/// Bytes charged per set table slot (key and hash).
pub const SET_SLOT_BYTES: u64 = 24;
/// The smallest allocation volume between two collections.
pub const MIN_COLLECT_BYTES: u64 = 4 << 20;

/// Calls its argument on every root value.
pub type RootWalker<'a> = dyn FnMut(&mut dyn FnMut(Value)) + 'a;

/// log2 of the number of slots in a chunk.
const CHUNK_BITS: u32 = 4;
/// Slots per chunk: 16 objects, 1 KiB of object headers (a write copies its
/// neighbours too: small chunks keep snapshots small).
pub const CHUNK_SLOTS: usize = 1 << CHUNK_BITS;
const CHUNK_MASK: usize = CHUNK_SLOTS - 1;
/// The end of the free list.
const NO_SLOT: u32 = u32::MAX;

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
#[derive(Clone, Debug)]
pub struct Chunk([Slot; CHUNK_SLOTS]);

impl Chunk {
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
    chunks: Vec<Rc<Chunk>>,
    /// Slots in use or free (the table's length).
    len: usize,
    /// The first free slot below `len` (`NO_SLOT` if none); free slots link upward.
    free_head: u32,
    next_serial: u64,
    /// Bytes allocated since the last collection: `OBJECT_BYTES` per object plus its
    /// payload when created (`Kind::gc_bytes`), plus what containers grew by since
    /// (`charge`). A deterministic function of the program, never of the allocator.
    pub allocs: u64,
    /// Collect when `allocs` reaches this: twice the bytes live after the last
    /// collection, at least `MIN_COLLECT_BYTES` (so a program whose live heap stays
    /// small reclaims its garbage often, and a growing heap is not rescanned too often).
    pub threshold: u64,
    /// Live objects after the last collection, plus those allocated since.
    pub live: usize,
    /// Bytes (as `allocs` counts them) live after the last collection.
    pub live_bytes: u64,
    pub collections: u64,
    /// The last collection freed a class (caches keyed by class slots must
    /// be dropped, as the slots may be reused).
    pub freed_class: bool,
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
            threshold: MIN_COLLECT_BYTES,
            live: 0,
            live_bytes: 0,
            collections: 0,
            freed_class: false,
        }
    }

    #[inline(always)]
    fn slot(&self, i: usize) -> &Slot {
        &self.chunks[i >> CHUNK_BITS].0[i & CHUNK_MASK]
    }

    /// A slot for writing: its chunk is copied first if a snapshot shares it.
    #[inline(always)]
    fn slot_mut(&mut self, i: usize) -> &mut Slot {
        let c = &mut self.chunks[i >> CHUNK_BITS];
        if Rc::strong_count(c) != 1 || Rc::weak_count(c) != 0 {
            unshare(c);
        }
        // SAFETY: `c` is now the only reference to its chunk (one strong, no weak
        // pointers), and we hold it mutably, so no other reference can exist.
        let chunk = unsafe { &mut *(Rc::as_ptr(c) as *mut Chunk) };
        &mut chunk.0[i & CHUNK_MASK]
    }

    /// Count `bytes` more allocated: a container grew (list append, dict insert).
    #[inline(always)]
    pub fn charge(&mut self, bytes: u64) {
        self.allocs += bytes;
    }

    #[inline]
    pub fn alloc(&mut self, class: ObjRef, kind: Kind) -> ObjRef {
        self.allocs += OBJECT_BYTES + kind.gc_bytes();
        let obj = Object {
            class,
            dict: None,
            serial: self.next_serial,
            kind,
        };
        self.next_serial += 1;
        self.live += 1;
        if self.free_head != NO_SLOT {
            let i = self.free_head as usize;
            match std::mem::replace(self.slot_mut(i), Slot::Live(obj)) {
                Slot::Free(next) => self.free_head = next,
                Slot::Live(_) => unreachable!("revpy internal error: free list"),
            }
            return ObjRef(i as u32);
        }
        if self.len & CHUNK_MASK == 0 {
            self.chunks.push(Chunk::empty());
        }
        let i = self.len;
        self.len += 1;
        *self.slot_mut(i) = Slot::Live(obj);
        ObjRef(i as u32)
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

    #[inline(always)]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
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
            (Slot::Live(x), Slot::Live(y)) => (x, y),
            _ => freed(r1),
        }
    }

    /// The live objects with their slots, in slot order.
    fn objects(&self) -> impl Iterator<Item = (usize, &Object)> {
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

/// Copy a chunk a snapshot shares, before the first write to it.
#[cold]
#[inline(never)]
fn unshare(c: &mut Rc<Chunk>) {
    Rc::make_mut(c);
}

#[cold]
#[inline(never)]
fn freed(r: ObjRef) -> ! {
    panic!("revpy internal error: use of freed object {}", r.0)
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn object_is_64_bytes() {
        assert_eq!(std::mem::size_of::<super::Slot>(), 64);
        assert_eq!(std::mem::size_of::<crate::object::Value>(), 16);
    }
}

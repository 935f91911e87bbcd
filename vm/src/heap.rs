//! The heap: a table of objects addressed by index, with creation serial numbers
//! (Python's `id`) and a mark-and-sweep collector that runs only at points fixed by
//! allocation counts.

use crate::dict::Dict;
use crate::set::SetTable;
use crate::value::{ObjRef, Value};
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
        let h = crate::hash::hash_str(&self.s);
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
    Dict(Box<Dict>),
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
    Opaque(Box<dyn crate::opaque::OpaqueObject>),
}

impl Kind {
    /// Call `f` on every value this payload references.
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        match self {
            Kind::Object
            | Kind::Str(_)
            | Kind::BigInt(_)
            | Kind::Complex(..)
            | Kind::Bytes(_)
            | Kind::ByteArray(_)
            | Kind::Native(_)
            | Kind::Range(..)
            | Kind::BigRange(_)
            | Kind::NotImplemented
            | Kind::Ellipsis => {}
            Kind::Boxed(v) | Kind::Cell(v) | Kind::StaticMethod(v) | Kind::ClassMethod(v) => f(*v),
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

/// Calls its argument on every root value.
pub type RootWalker<'a> = dyn FnMut(&mut dyn FnMut(Value)) + 'a;

/// The object table.
#[derive(Clone, Debug, Default)]
pub struct Heap {
    slots: Vec<Option<Object>>,
    free: Vec<u32>,
    next_serial: u64,
    /// Allocations since the last collection.
    pub allocs: u64,
    /// Collect when `allocs` reaches this.
    pub threshold: u64,
    pub live: usize,
    pub collections: u64,
    /// The last collection freed a class (caches keyed by class slots must
    /// be dropped, as the slots may be reused).
    pub freed_class: bool,
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            slots: Vec::with_capacity(4096),
            free: vec![],
            next_serial: 1,
            allocs: 0,
            threshold: 20_000,
            live: 0,
            collections: 0,
            freed_class: false,
        }
    }

    #[inline]
    pub fn alloc(&mut self, class: ObjRef, kind: Kind) -> ObjRef {
        let obj = Object {
            class,
            dict: None,
            serial: self.next_serial,
            kind,
        };
        self.next_serial += 1;
        self.allocs += 1;
        self.live += 1;
        match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = Some(obj);
                ObjRef(i)
            }
            None => {
                self.slots.push(Some(obj));
                ObjRef(self.slots.len() as u32 - 1)
            }
        }
    }

    /// The serial number the next object will get.
    pub fn next_serial(&self) -> u64 {
        self.next_serial
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Object {
        match &self.slots[r.0 as usize] {
            Some(o) => o,
            None => panic!("revpy internal error: use of freed object {}", r.0),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        match &mut self.slots[r.0 as usize] {
            Some(o) => o,
            None => panic!("revpy internal error: use of freed object {}", r.0),
        }
    }

    #[inline]
    pub fn kind(&self, r: ObjRef) -> &Kind {
        &self.get(r).kind
    }

    #[inline]
    pub fn kind_mut(&mut self, r: ObjRef) -> &mut Kind {
        &mut self.get_mut(r).kind
    }

    /// Two mutable borrows at once (r1 != r2).
    pub fn get2_mut(&mut self, r1: ObjRef, r2: ObjRef) -> (&mut Object, &mut Object) {
        assert_ne!(r1, r2);
        let (a, b) = (r1.0 as usize, r2.0 as usize);
        if a < b {
            let (lo, hi) = self.slots.split_at_mut(b);
            (lo[a].as_mut().expect("live"), hi[0].as_mut().expect("live"))
        } else {
            let (lo, hi) = self.slots.split_at_mut(a);
            (hi[0].as_mut().expect("live"), lo[b].as_mut().expect("live"))
        }
    }

    /// Find a live object by serial number (debugger anchors); O(n).
    pub fn find_serial(&self, serial: u64) -> Option<ObjRef> {
        self.slots
            .iter()
            .position(|o| o.as_ref().is_some_and(|o| o.serial == serial))
            .map(|i| ObjRef(i as u32))
    }

    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Mark from `roots`, then free everything unmarked. Deterministic: slots are swept
    /// in index order and freed slots are reused last-freed-first.
    pub fn collect(&mut self, roots: &mut RootWalker) {
        let n = self.slots.len();
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
        while let Some(r) = work.pop() {
            let obj = self.slots[r.0 as usize].as_ref().expect("live");
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
        // Rebuild the free list in descending order, so pop() reuses low indices first.
        self.free.clear();
        for (i, marked) in marks.iter().enumerate().rev() {
            if !marked {
                if let Some(o) = &self.slots[i] {
                    if matches!(o.kind, Kind::Class(_)) {
                        self.freed_class = true;
                    }
                    self.slots[i] = None;
                    freed += 1;
                }
                self.free.push(i as u32);
            }
        }
        self.live -= freed;
        self.allocs = 0;
        self.collections += 1;
        self.threshold = (self.live as u64).max(10_000) * 2;
    }
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn object_is_64_bytes() {
        assert_eq!(std::mem::size_of::<Option<super::Object>>(), 64);
        assert_eq!(std::mem::size_of::<crate::value::Value>(), 16);
    }
}

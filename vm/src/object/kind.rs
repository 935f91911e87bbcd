//! What a heap object holds: `Kind` (one variant per built-in layout) and the
//! payload structs (code, strings, functions, classes, modules, generators,
//! exceptions, iterators), with their sizes for the collector and their tracing.

use crate::object::dict_table::Dict;
use crate::object::set_table::SetTable;
use crate::object::text::Text;
use crate::object::{ObjRef, Value, DICT_ENTRY_BYTES, SET_SLOT_BYTES};
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
    /// Interned `code.name` and `code.qualname`: MAKE_FUNCTION's `__name__` and
    /// `__qualname__` (no string built per function made).
    pub fn_names: (Value, Value),
    pub nlocalsplus: usize,
    /// The value stack room a frame of this code takes above its base: its locals,
    /// its deepest operand stack and 8 to spare (`run_loop` reserves it on entry).
    pub frame_need: usize,
    /// The positional parameter count when a call may bind its arguments by pushing
    /// them (no `*args`, `**kwargs` or keyword-only parameters; not a generator):
    /// `interp::call_fast`. `u32::MAX` otherwise, so that
    /// `n > fast_args || n + ndefaults < fast_args` rejects every call.
    pub fast_args: u32,
    /// The frame has cells or free variables (made after the arguments are bound:
    /// `Vm::init_cells`).
    pub has_cells: bool,
    /// The inline caches of the instructions that use one (`Instr::cache`),
    /// allocated on first use; see `interp::inline` and `interp::cache_slots`.
    pub caches: crate::interp::InlineCaches,
    /// The instructions as the interpreter loop runs them (stop points and
    /// fusion hints in one flag byte: `interp::quicken`).
    pub quick: Box<[crate::interp::QInstr]>,
    /// The copy run when the hook sees every instruction, made on first use.
    pub stepped: std::cell::OnceCell<Box<[crate::interp::QInstr]>>,
}

/// A Python string. `char_len` and the ASCII flag make indexing cheap; the hash is
/// computed once (CPython's SipHash-1-3 with PYTHONHASHSEED=0).
#[derive(Clone, Debug)]
pub struct PyStr {
    /// The text, inline when short (`object::text`): methods can hold a clone of it
    /// while allocating results, without copying long texts.
    pub s: Text,
    pub char_len: u32,
    pub hash: Cell<i64>,
    /// Interned strings are never freed, so caches may key on them.
    pub interned: bool,
    /// Set when the str is interned, cleared (for good) the first time it is stored as
    /// a name of a plain instance's inline attributes (`object::attrs`): while set, no
    /// instance's inline attributes hold it, so the check that an instance does not
    /// shadow a method of that name is skipped even when the name filter collides.
    /// (Only ever cleared through a shared reference: a copy-on-write checkpoint that
    /// shares the str sees the conservative value.)
    pub never_attr: Cell<bool>,
}

impl PyStr {
    pub fn new(s: impl Into<Text>) -> PyStr {
        let s: Text = s.into();
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr::with_char_len(s, char_len)
    }
    /// A str whose length in characters is known (no scan of the text).
    pub fn with_char_len(s: Text, char_len: usize) -> PyStr {
        PyStr {
            s,
            char_len: char_len as u32,
            hash: Cell::new(-1),
            interned: false,
            never_attr: Cell::new(false),
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
    /// `__code__` once read (Undef before), so that it is the same object each time.
    pub code_obj: Value,
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
    /// Attribute slots a new plain instance gets: the most inline attributes an
    /// instance of this class reached by stores, so `__init__` fills them without
    /// regrowing the vector per attribute. Program state like the rest (copied into
    /// snapshots with the class), so the bytes charged stay a function of the program.
    pub attr_hint: u8,
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
    /// What calling the code made: a generator, a coroutine or an async generator
    /// (the latter two are `Kind::Coroutine`).
    pub flavor: GenFlavor,
    /// Async generators: an `asend`/`athrow` of it is being awaited.
    pub running_async: bool,
    /// Async generators: `aclose()` ran or it ended by StopAsyncIteration/GeneratorExit.
    pub closed: bool,
}

/// The three kinds of generator-like objects (they share the suspension machinery).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenFlavor {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Debug)]
pub struct ExcData {
    pub args: Value,
    /// Traceback entries, innermost first.
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// `__traceback__` as last made for the `tb_cached` innermost entries, so that
    /// reading it again gives the same objects (Undef: none made yet).
    pub tb_obj: Value,
    pub tb_cached: u32,
}

/// One frame an exception passed through: what its traceback object and the
/// frame object (`tb_frame`) show.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub code: Rc<CodeData>,
    /// The instruction that raised or called.
    pub pc: u32,
    pub globals: Value,
    /// The namespace of a module or class body (None for functions).
    pub ns: Value,
    /// A function frame's variables (and cells) when the exception passed.
    pub fast: Option<Rc<[Value]>>,
    /// The frame object the frame had then (`sys._getframe()`), or Undef.
    pub frame: Value,
}

impl TbEntry {
    /// Bytes the collector charges for this entry (see `Kind::gc_bytes`).
    #[inline]
    pub fn gc_bytes(&self) -> usize {
        std::mem::size_of::<TbEntry>() + self.fast.as_ref().map_or(0, |f| 16 + f.len() * 16)
    }
}

/// Iterator states of the built-in iterators. Kept inline in `Kind::Iter` (no box
/// per iterator: `for` over a list makes one per loop), so every variant fits in
/// three words with the tag (checked by a test): objects the state refers to are
/// `ObjRef`s where they are always objects, and the rare big states are boxed.
#[derive(Clone, Debug)]
pub enum IterKind {
    /// Over a list, tuple, bytes or bytearray by index.
    Seq {
        seq: ObjRef,
        idx: usize,
    },
    /// Over a range whose step fits an i32 (any other step: `RangeWide`).
    Range {
        cur: i64,
        stop: i64,
        step: i32,
    },
    /// Over a range with a step too big for `Range`: cur, stop, step.
    RangeWide(Box<[i64; 3]>),
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
        s: ObjRef,
        byte: usize,
    },
    Enumerate {
        it: ObjRef,
        count: Value,
    },
    Zip {
        its: Box<[Value]>,
        strict: bool,
    },
    /// `fits[0]` is the function, the rest the iterators.
    Map {
        fits: Box<[Value]>,
    },
    Filter {
        f: Value,
        it: ObjRef,
        negate: bool,
    },
    Reversed {
        seq: ObjRef,
        idx: isize,
    },
    Callable {
        f: ObjRef,
        sentinel: Value,
    },
    /// Old-style iteration through `__getitem__`.
    GetItem {
        obj: ObjRef,
        idx: i64,
    },
    Exhausted,
}

impl IterKind {
    /// The state of an iterator over `range(start, stop, step)` from `start`.
    #[inline]
    pub fn range(cur: i64, stop: i64, step: i64) -> IterKind {
        match i32::try_from(step) {
            Ok(step) => IterKind::Range { cur, stop, step },
            Err(_) => IterKind::RangeWide(Box::new([cur, stop, step])),
        }
    }
}

/// What an object is. One variant per built-in layout.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A plain instance: its attributes, kept inline until it gets a dict
    /// (`object::attrs`; then they live in the object's dict and this is empty).
    Object(crate::object::attrs::Attrs),
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
    /// A coroutine or an async generator (`GenData::flavor`): not iterable.
    Coroutine(Box<GenData>),
    Range(i64, i64, i64),
    /// A range whose bounds or length do not fit machine ints: start, stop, step.
    BigRange(Box<[BigInt; 3]>),
    /// start, stop, step (boxed: keeps every object 64 bytes).
    Slice(Box<[Value; 3]>),
    Iter(IterKind),
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
            Kind::Object(a) => a.capacity() * 32,
            Kind::Str(s) => s.s.len() / s.s.share_count(),
            Kind::BigInt(b) => 32 + b.bits() as usize / 8,
            Kind::Bytes(b) | Kind::ByteArray(b) => b.capacity(),
            Kind::Tuple(v) | Kind::List(v) => v.capacity() * 16,
            // entries (key, value, hash) plus the index table
            Kind::Dict(d) => (64 + d.raw_len() * 48) / Rc::strong_count(d).max(1),
            Kind::Set(s) | Kind::FrozenSet(s) => 64 + s.len() * 48,
            Kind::Function(_) | Kind::Class(_) | Kind::Module(_) => 256,
            Kind::Generator(g) | Kind::Coroutine(g) => 128 + g.saved.capacity() * 16,
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
            Kind::Object(a) => a.capacity() * crate::object::attrs::ATTR_BYTES as usize,
            Kind::Str(s) => s.s.len(),
            Kind::BigInt(b) => b.bits() as usize / 8,
            Kind::Bytes(b) | Kind::ByteArray(b) => b.capacity(),
            Kind::Tuple(v) | Kind::List(v) => v.capacity() * 16,
            Kind::Dict(d) => d.raw_len() * DICT_ENTRY_BYTES as usize,
            Kind::Set(s) | Kind::FrozenSet(s) => s.raw_len() * SET_SLOT_BYTES as usize,
            // The boxed suspended frame, and the saved stack.
            Kind::Generator(g) | Kind::Coroutine(g) => {
                std::mem::size_of::<GenData>() + g.saved.capacity() * 16
            }
            // The boxed payload and the traceback entries with their saved locals
            // (an exception used for control flow is mostly traceback).
            Kind::Exception(e) => {
                std::mem::size_of::<ExcData>()
                    + e.traceback.iter().map(TbEntry::gc_bytes).sum::<usize>()
            }
            Kind::Opaque(o) => o.gc_bytes(),
            _ => 0,
        }) as u64
    }

    /// Call `f` on every value this payload references.
    pub fn trace(&self, f: &mut impl FnMut(Value)) {
        match self {
            Kind::Object(a) => a.0.iter().for_each(|(k, v)| {
                f(*k);
                f(*v);
            }),
            Kind::Str(_)
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
                f(func.code_obj);
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
            Kind::Generator(g) | Kind::Coroutine(g) => {
                if let Some(fr) = &g.frame {
                    fr.trace(f);
                }
                g.saved.iter().for_each(|x| f(*x));
                f(g.name);
                f(g.qualname);
            }
            Kind::Slice(s) => s.iter().for_each(|x| f(*x)),
            Kind::Iter(it) => match it {
                IterKind::Seq { seq, .. } => f(Value::Obj(*seq)),
                IterKind::Range { .. } | IterKind::RangeWide(_) | IterKind::Exhausted => {}
                IterKind::Dict { dict, .. } => f(Value::Obj(*dict)),
                IterKind::Set { set, .. } => f(Value::Obj(*set)),
                IterKind::Str { s, .. } => f(Value::Obj(*s)),
                IterKind::Enumerate { it, count } => {
                    f(Value::Obj(*it));
                    f(*count);
                }
                IterKind::Zip { its, .. } => its.iter().for_each(|x| f(*x)),
                IterKind::Map { fits } => fits.iter().for_each(|x| f(*x)),
                IterKind::Filter { f: func, it, .. } => {
                    f(*func);
                    f(Value::Obj(*it));
                }
                IterKind::Reversed { seq, .. } => f(Value::Obj(*seq)),
                IterKind::Callable { f: func, sentinel } => {
                    f(Value::Obj(*func));
                    f(*sentinel);
                }
                IterKind::GetItem { obj, .. } => f(Value::Obj(*obj)),
            },
            Kind::DictView(d, _) => f(Value::Obj(*d)),
            Kind::Property(p) => p.iter().for_each(|x| f(*x)),
            Kind::Exception(e) => {
                f(e.args);
                f(e.cause);
                f(e.context);
                f(e.tb_obj);
                for t in &e.traceback {
                    trace_code(&t.code, f);
                    f(t.globals);
                    f(t.ns);
                    f(t.frame);
                    if let Some(fast) = &t.fast {
                        fast.iter().for_each(|v| f(*v));
                    }
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

/// What a code object references needs no tracing through the objects that hold it:
/// every `CodeData` is made by `Vm::load_code`, which keeps it in `Vm::code_roots`
/// (whose constants are roots of every collection), and its names are interned
/// (interned strings are roots too). Tracing them again from each function, code
/// object and traceback entry cost a tenth of the collector's time on programs with
/// many imported functions.
#[inline(always)]
fn trace_code(_c: &CodeData, _f: &mut impl FnMut(Value)) {}

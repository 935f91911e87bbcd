//! The instruction set, defined once: enum, names, operand kinds, stack effects and docs.
//!
//! Notation (as Lua's `lopcodes.h`): `a` is the instruction's operand, `S[-1]` the top of
//! the value stack (TOS), `S[-2]` the item below it, `L[a]` fast local `a`, `C[a]` cell
//! `a` (cellvars then freevars), `K[a]` constant `a`, `N[a]` name `a`, `pc` the index of
//! the next instruction. Every instruction is 8 bytes: an opcode and a `u32` operand.
//!
//! Each opcode's row gives its name, what its operand means, how many stack items it
//! reads (its *inputs*: it needs at least that many on the stack) and its net *effect*
//! on the stack depth when it falls through. (`FOR_ITER` pops its iterator instead
//! when it jumps; `JUMP_IF_*_OR_POP` keep the tested value when they jump.)
//!
//! # The stack invariant
//!
//! The interpreter (`vm/src/interp`) keeps the operand stack in registers and reads,
//! writes and pops it without bounds checks. That is sound because every code object
//! passes [`crate::verify::verify`] before it runs: operands are in range, and before
//! each reachable instruction the stack depth is one static number, at least the
//! instruction's inputs and at most the code object's `max_stack`. So the interpreter
//! must implement every opcode with exactly the inputs and effect written here: a
//! change to an opcode's stack behaviour changes its row, and the verifier then checks
//! the compiler against it. Debug builds of the interpreter assert the depth stays
//! within `0..=max_stack` at every instruction.
//!
//! # Async code (the `async` cargo feature)
//!
//! The rows marked `"async" =>` (GET_AWAITABLE, GET_AITER, GET_ANEXT, END_ASYNC_FOR,
//! BEFORE_ASYNC_WITH, ASYNC_GEN_WRAP) exist only with the compiler's `async` feature
//! (on by default; the VM requires it and runs them: `vm/src/types/coroutine.rs`), and the code flags
//! [`crate::code::flags::COROUTINE`] and [`crate::code::flags::ASYNC_GENERATOR`].
//! Without it, `async def`, `await`, `async for`, `async with` and asynchronous
//! comprehensions are refused at compile time ("revpy does not support ... yet"),
//! after CPython's checks of where they may appear.
//!
//! An `await` compiles as revpy compiles `yield from`, with GET_AWAITABLE in place of
//! GET_YIELD_FROM_ITER: `GET_AWAITABLE 0; LOAD_CONST None; YIELD_FROM`, so delegation
//! (send, throw, close) goes through the one mechanism YIELD_FROM already has.
//! (CPython 3.11 writes the same loop out as SEND / YIELD_VALUE / JUMP_BACKWARD.)

/// What an instruction's operand means; the disassembler uses it to resolve arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No operand (it is 0).
    None,
    /// Index into the constant table.
    Const,
    /// Index into the name table (globals, attributes, imports).
    Name,
    /// Index into the fast locals.
    Local,
    /// Index into cells (cellvars, then freevars).
    Deref,
    /// Absolute instruction index.
    Jump,
    /// A count or small number.
    Count,
    /// A `BinOp` (operator, in-place or not).
    BinOp,
    /// A `CmpOp`.
    CmpOp,
    /// Bit flags, explained by the instruction's doc line.
    Flags,
}

macro_rules! define_opcodes {
    (|$a:ident| $( $(#[doc = $doc:literal])+ $($feature:literal =>)? $name:ident = $text:literal, $kind:ident, $inputs:expr, $effect:expr; )*) => {
        /// One opcode. See each variant's doc line for operands and effect.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[cfg(feature = $feature)])? $(#[doc = $doc])+ $name, )*
        }

        impl Op {
            /// Every opcode, in definition order.
            pub const ALL: &'static [Op] = &[$($(#[cfg(feature = $feature)])? Op::$name),*];

            /// The name shown by the disassembler (CPython style, upper case).
            pub fn name(self) -> &'static str {
                match self { $($(#[cfg(feature = $feature)])? Op::$name => $text,)* }
            }

            /// What the operand means.
            pub fn arg_kind(self) -> ArgKind {
                match self { $($(#[cfg(feature = $feature)])? Op::$name => ArgKind::$kind,)* }
            }

            /// How many stack items the instruction reads (pops or looks at below the
            /// top), given its operand: the stack must hold at least that many.
            pub fn stack_inputs(self, $a: u32) -> u32 {
                let $a = $a as i64;
                let _ = $a;
                let n: i64 = match self { $($(#[cfg(feature = $feature)])? Op::$name => $inputs,)* };
                n.clamp(0, u32::MAX as i64) as u32
            }

            /// Net change of the stack depth when the instruction falls through
            /// (for jumps: when it does not jump), given its operand.
            pub fn stack_effect(self, $a: u32) -> i32 {
                let $a = $a as i32;
                let _ = $a;
                match self { $($(#[cfg(feature = $feature)])? Op::$name => $effect,)* }
            }

            /// The one-line documentation of the opcode.
            pub fn doc(self) -> &'static str {
                match self { $($(#[cfg(feature = $feature)])? Op::$name => concat!($($doc),+).trim_start(),)* }
            }
        }
    };
}

define_opcodes! { |a|
    /// do nothing
    Nop = "NOP", None, 0, 0;
    /// pop S[-1]
    PopTop = "POP_TOP", None, 1, -1;
    /// push S[-a]  (a >= 1; COPY 1 duplicates the top)
    Copy = "COPY", Count, a, 1;
    /// swap S[-1] and S[-a]
    Swap = "SWAP", Count, a, 0;
    /// push K[a]
    LoadConst = "LOAD_CONST", Const, 0, 1;
    /// push L[a]; UnboundLocalError if unset
    LoadFast = "LOAD_FAST", Local, 0, 1;
    /// L[a] = pop()
    StoreFast = "STORE_FAST", Local, 1, -1;
    /// unset L[a]; UnboundLocalError if unset
    DeleteFast = "DELETE_FAST", Local, 0, 0;
    /// push C[a].contents; NameError/UnboundLocalError if empty
    LoadDeref = "LOAD_DEREF", Deref, 0, 1;
    /// C[a].contents = pop()
    StoreDeref = "STORE_DEREF", Deref, 1, -1;
    /// empty C[a]
    DeleteDeref = "DELETE_DEREF", Deref, 0, 0;
    /// push the cell C[a] itself (to build a closure)
    LoadClosure = "LOAD_CLOSURE", Deref, 0, 1;
    /// class body: push locals[name of C[a]] if present, else C[a].contents
    LoadClassDeref = "LOAD_CLASSDEREF", Deref, 0, 1;
    /// push globals[N[a]], else builtins[N[a]]; NameError if neither
    LoadGlobal = "LOAD_GLOBAL", Name, 0, 1;
    /// globals[N[a]] = pop()
    StoreGlobal = "STORE_GLOBAL", Name, 1, -1;
    /// del globals[N[a]]
    DeleteGlobal = "DELETE_GLOBAL", Name, 0, 0;
    /// push locals[N[a]], else globals, else builtins (class bodies)
    LoadName = "LOAD_NAME", Name, 0, 1;
    /// locals[N[a]] = pop()
    StoreName = "STORE_NAME", Name, 1, -1;
    /// del locals[N[a]]
    DeleteName = "DELETE_NAME", Name, 0, 0;
    /// S[-1] = getattr(S[-1], N[a])
    LoadAttr = "LOAD_ATTR", Name, 1, 0;
    /// setattr(S[-1], N[a], S[-2]); pop both
    StoreAttr = "STORE_ATTR", Name, 2, -2;
    /// delattr(pop(), N[a])
    DeleteAttr = "DELETE_ATTR", Name, 1, -1;
    /// obj = pop(); push (unbound method, obj) if N[a] is a method, else (getattr(obj, N[a]), NULL)
    LoadMethod = "LOAD_METHOD", Name, 1, 1;
    /// S[-2] = S[-2][S[-1]]; pop
    BinarySubscr = "BINARY_SUBSCR", None, 2, -1;
    /// S[-2][S[-1]] = S[-3]; pop all three
    StoreSubscr = "STORE_SUBSCR", None, 3, -3;
    /// del S[-2][S[-1]]; pop both
    DeleteSubscr = "DELETE_SUBSCR", None, 2, -2;
    /// push slice(S[-a].. S[-1]) of a = 2 or 3 items, popping them
    BuildSlice = "BUILD_SLICE", Count, a, 1 - a;
    /// S[-2] = S[-2] <op a> S[-1]; pop   (a: BinOp, in-place forms try __iop__ first)
    BinaryOp = "BINARY_OP", BinOp, 2, -1;
    /// S[-1] = -S[-1]
    UnaryNegative = "UNARY_NEGATIVE", None, 1, 0;
    /// S[-1] = +S[-1]
    UnaryPositive = "UNARY_POSITIVE", None, 1, 0;
    /// S[-1] = not S[-1]
    UnaryNot = "UNARY_NOT", None, 1, 0;
    /// S[-1] = ~S[-1]
    UnaryInvert = "UNARY_INVERT", None, 1, 0;
    /// S[-2] = S[-2] <cmp a> S[-1]; pop
    CompareOp = "COMPARE_OP", CmpOp, 2, -1;
    /// S[-2] = S[-2] is S[-1] (a=1: is not); pop
    IsOp = "IS_OP", Flags, 2, -1;
    /// S[-2] = S[-2] in S[-1] (a=1: not in); pop
    ContainsOp = "CONTAINS_OP", Flags, 2, -1;
    /// replace the top a items by a tuple of them
    BuildTuple = "BUILD_TUPLE", Count, a, 1 - a;
    /// replace the top a items by a list of them
    BuildList = "BUILD_LIST", Count, a, 1 - a;
    /// replace the top a items by a set of them
    BuildSet = "BUILD_SET", Count, a, 1 - a;
    /// replace the top 2a items (k1, v1, ... ka, va) by a dict
    BuildMap = "BUILD_MAP", Count, 2 * a, 1 - 2 * a;
    /// replace the top a strings by their concatenation (f-strings)
    BuildString = "BUILD_STRING", Count, a, 1 - a;
    /// format a value (a & 3: 0 none, 1 str, 2 repr, 3 ascii; a & 4: spec on top)
    FormatValue = "FORMAT_VALUE", Flags, 1 + ((a & 4) >> 2), -((a & 4) >> 2);
    /// v = pop(); S[-a].append(v)
    ListAppend = "LIST_APPEND", Count, a + 1, -1;
    /// v = pop(); S[-a].add(v)
    SetAdd = "SET_ADD", Count, a + 1, -1;
    /// v = pop(); k = pop(); S[-a][k] = v
    MapAdd = "MAP_ADD", Count, a + 2, -2;
    /// it = pop(); S[-a].extend(it)
    ListExtend = "LIST_EXTEND", Count, a + 1, -1;
    /// it = pop(); S[-a].update(it)
    SetUpdate = "SET_UPDATE", Count, a + 1, -1;
    /// m = pop(); S[-a].update(m)
    DictUpdate = "DICT_UPDATE", Count, a + 1, -1;
    /// m = pop(); S[-a].update(m), TypeError on a repeated keyword (calls with **)
    DictMerge = "DICT_MERGE", Count, a + 1, -1;
    /// S[-1] = tuple(S[-1])
    ListToTuple = "LIST_TO_TUPLE", None, 1, 0;
    /// replace S[-1] by its a items, first item on top
    UnpackSequence = "UNPACK_SEQUENCE", Count, 1, a - 1;
    /// unpack with a star: a & 0xff items before, a >> 8 after; the starred list between
    UnpackEx = "UNPACK_EX", Count, 1, (a & 0xff) + (a >> 8);
    /// S[-1] = iter(S[-1])
    GetIter = "GET_ITER", None, 1, 0;
    /// push next(S[-1]); when exhausted pop the iterator and pc = a
    ForIter = "FOR_ITER", Jump, 1, 1;
    /// pc = a  (backward jumps are safe points: GC may run there)
    Jump = "JUMP", Jump, 0, 0;
    /// if not pop(): pc = a
    PopJumpIfFalse = "POP_JUMP_IF_FALSE", Jump, 1, -1;
    /// if pop(): pc = a
    PopJumpIfTrue = "POP_JUMP_IF_TRUE", Jump, 1, -1;
    /// if pop() is None: pc = a
    PopJumpIfNone = "POP_JUMP_IF_NONE", Jump, 1, -1;
    /// if pop() is not None: pc = a
    PopJumpIfNotNone = "POP_JUMP_IF_NOT_NONE", Jump, 1, -1;
    /// if not S[-1]: pc = a (keep it) else pop
    JumpIfFalseOrPop = "JUMP_IF_FALSE_OR_POP", Jump, 1, -1;
    /// if S[-1]: pc = a (keep it) else pop
    JumpIfTrueOrPop = "JUMP_IF_TRUE_OR_POP", Jump, 1, -1;
    /// return pop() to the caller
    ReturnValue = "RETURN_VALUE", None, 1, -1;
    /// yield pop() to the caller; on resume push the sent value
    YieldValue = "YIELD_VALUE", None, 1, 0;
    /// S[-1] = iter(S[-1]) unless it is a generator (yield from)
    GetYieldFromIter = "GET_YIELD_FROM_ITER", None, 1, 0;
    /// v = pop(); send v to S[-1]; if it yields, yield that and re-run this on resume; when it returns r: S[-1] = r
    YieldFrom = "YIELD_FROM", None, 2, -1;
    /// push a function from code S[-1] (a & 1 defaults, 2 kw defaults, 4 annotations, 8 closure below it)
    MakeFunction = "MAKE_FUNCTION", Flags, 1 + (a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1), -(a & 1) - ((a >> 1) & 1) - ((a >> 2) & 1) - ((a >> 3) & 1);
    /// push builtins.__build_class__
    LoadBuildClass = "LOAD_BUILD_CLASS", None, 0, 1;
    /// f = S[-a-1]; replace f and its a arguments by f(args)
    Call = "CALL", Count, a + 1, -a;
    /// S[-a-2] = method, S[-a-1] = self or NULL; replace them and the a arguments by the call result
    CallMethod = "CALL_METHOD", Count, a + 2, -a - 1;
    /// names = pop() (a tuple); f = S[-a-1]; the last len(names) of the a arguments are keywords
    CallKw = "CALL_KW", Count, a + 2, -a - 1;
    /// f(*S[-2], **S[-1]) if a & 1, else f(*S[-1]); replace all by the result
    CallEx = "CALL_EX", Flags, 2 + (a & 1), -1 - (a & 1);
    /// raise: a=0 re-raise the handled exception, 1 raise pop(), 2 raise S[-2] from S[-1]
    RaiseVarargs = "RAISE_VARARGS", Count, a, -a;
    /// re-raise pop() keeping its traceback (end of a handler that did not match)
    Reraise = "RERAISE", None, 1, -1;
    /// exc = pop(); push the handled exception (or None); push exc; it becomes the handled one
    PushExcInfo = "PUSH_EXC_INFO", None, 1, 1;
    /// restore the handled exception from pop()
    PopExcept = "POP_EXCEPT", None, 1, -1;
    /// S[-1] = isinstance(S[-2], S[-1]) for exception matching (S[-1] a class or tuple)
    CheckExcMatch = "CHECK_EXC_MATCH", None, 2, 0;
    /// mgr = pop(); push bound mgr.__exit__; push mgr.__enter__()
    BeforeWith = "BEFORE_WITH", None, 1, 1;
    /// S[-3] is __exit__, S[-1] the exception: push __exit__(type, exc, tb)
    WithExceptStart = "WITH_EXCEPT_START", None, 3, 1;
    /// fromlist = pop(); level = pop(); push __import__(N[a], fromlist, level)
    ImportName = "IMPORT_NAME", Name, 2, -1;
    /// push S[-1].N[a] (from module import name)
    ImportFrom = "IMPORT_FROM", Name, 1, 1;
    /// copy the public names of pop() into locals
    ImportStar = "IMPORT_STAR", None, 1, -1;
    /// create __annotations__ in locals if missing
    SetupAnnotations = "SETUP_ANNOTATIONS", None, 0, 0;
    /// push AssertionError
    LoadAssertionError = "LOAD_ASSERTION_ERROR", None, 0, 1;
    /// push len(S[-1])
    GetLen = "GET_LEN", None, 1, 1;
    /// push whether S[-1] is a mapping (match)
    MatchMapping = "MATCH_MAPPING", None, 1, 1;
    /// push whether S[-1] is a sequence (match; not str/bytes)
    MatchSequence = "MATCH_SEQUENCE", None, 1, 1;
    /// S[-2] mapping, S[-1] keys tuple: push tuple of values, or None if a key is missing
    MatchKeys = "MATCH_KEYS", None, 2, 1;
    /// names = pop(); cls = pop(); subj = pop(): push tuple of a positional + len(names) attributes, or None
    MatchClass = "MATCH_CLASS", Count, 3, -2;
    /// S[-2] mapping, S[-1] keys: S[-1] = dict of S[-2] without those keys
    CopyDictWithoutKeys = "COPY_DICT_WITHOUT_KEYS", None, 2, 0;
    /// REPL and compile(..., 'single'): v = pop(); sys.displayhook(v) (prints repr(v) unless None, binds builtins._)
    PrintExpr = "PRINT_EXPR", None, 1, -1;

    // Coroutines and async generators (the `async` feature: see the module docs).

    /// S[-1] = the iterator that awaiting S[-1] drives: a coroutine itself, else type(S[-1]).__await__(S[-1]) (a: 0 await, 1 __aenter__ result, 2 __aexit__ result, for the TypeError)
    "async" => GetAwaitable = "GET_AWAITABLE", Count, 1, 0;
    /// S[-1] = type(S[-1]).__aiter__(S[-1]) (async for)
    "async" => GetAiter = "GET_AITER", None, 1, 0;
    /// push the awaitable iterator of type(S[-1]).__anext__(S[-1]); S[-1] stays (async for)
    "async" => GetAnext = "GET_ANEXT", None, 1, 1;
    /// handler of an async for: exc = pop(); if exc is a StopAsyncIteration pop the async iterator, else re-raise exc keeping its traceback
    "async" => EndAsyncFor = "END_ASYNC_FOR", None, 2, -2;
    /// mgr = pop(); push bound type(mgr).__aexit__; push type(mgr).__aenter__(mgr) (to be awaited)
    "async" => BeforeAsyncWith = "BEFORE_ASYNC_WITH", None, 1, 1;
    /// S[-1] = S[-1] marked as a value the async generator yields itself (its YIELD_VALUE then suspends the async generator; unmarked values, from the awaits it runs, go to the event loop)
    "async" => AsyncGenWrap = "ASYNC_GEN_WRAP", None, 1, 0;
}

macro_rules! define_enum {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($var:ident = $text:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        $vis enum $name { $($var),* }
        impl $name {
            /// Every value, in order; the operand of an instruction is the index.
            pub const ALL: &'static [$name] = &[$($name::$var),*];
            /// The source-level symbol.
            pub fn symbol(self) -> &'static str { match self { $($name::$var => $text),* } }
            /// Decode an operand.
            pub fn from_arg(a: u32) -> Option<$name> { Self::ALL.get(a as usize).copied() }
        }
    };
}

define_enum! {
    /// Binary operators; the `I*` forms are the in-place (augmented assignment) versions.
    pub enum BinOp {
        Add = "+", Sub = "-", Mul = "*", TrueDiv = "/", FloorDiv = "//", Mod = "%", Pow = "**",
        LShift = "<<", RShift = ">>", And = "&", Or = "|", Xor = "^", MatMul = "@",
        IAdd = "+=", ISub = "-=", IMul = "*=", ITrueDiv = "/=", IFloorDiv = "//=", IMod = "%=",
        IPow = "**=", ILShift = "<<=", IRShift = ">>=", IAnd = "&=", IOr = "|=", IXor = "^=",
        IMatMul = "@=",
    }
}

impl BinOp {
    /// The in-place form of a plain operator.
    pub fn inplace(self) -> BinOp {
        let i = self as usize;
        if i < 13 {
            BinOp::ALL[i + 13]
        } else {
            self
        }
    }
    /// The plain form of an in-place operator.
    pub fn base(self) -> BinOp {
        let i = self as usize;
        if i >= 13 {
            BinOp::ALL[i - 13]
        } else {
            self
        }
    }
    /// Whether this is an augmented-assignment operator.
    pub fn is_inplace(self) -> bool {
        self as usize >= 13
    }
}

define_enum! {
    /// Rich comparison operators.
    pub enum CmpOp { Lt = "<", Le = "<=", Eq = "==", Ne = "!=", Gt = ">", Ge = ">=" }
}

impl CmpOp {
    /// The operator with its operands swapped (a < b  <=>  b > a).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// `Instr::cache` of an instruction without an inline cache (or past the 65535th
/// cached instruction of a huge code object: the VM treats it as always missing).
pub const NO_CACHE: u16 = u16::MAX;

impl Op {
    /// Whether the VM keeps an inline cache for the instruction: global loads, the
    /// attribute instructions, calls (class-init plans) and conditional jumps (truth
    /// of plain instances).
    pub fn uses_cache(self) -> bool {
        matches!(
            self,
            Op::LoadGlobal
                | Op::LoadAttr
                | Op::StoreAttr
                | Op::LoadMethod
                | Op::Call
                | Op::CallMethod
                | Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::JumpIfFalseOrPop
                | Op::JumpIfTrueOrPop
        )
    }
}

/// One instruction: 8 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    /// Whether the instruction begins a new source line: a debugger stop point. Kept
    /// in the instruction so the interpreter tests it with no extra memory access.
    pub line_start: bool,
    /// The instruction's inline-cache slot in its code object (see
    /// [`Op::uses_cache`] and `CodeObject::assign_caches`): only the instructions
    /// that use one have one. Fits the padding, so instructions stay 8 bytes.
    pub cache: u16,
    pub arg: u32,
}

impl Instr {
    pub fn new(op: Op, arg: u32) -> Instr {
        Instr {
            op,
            line_start: false,
            cache: NO_CACHE,
            arg,
        }
    }
    /// The jump target, if the instruction jumps.
    pub fn jump_target(self) -> Option<u32> {
        (self.op.arg_kind() == ArgKind::Jump).then_some(self.arg)
    }
}

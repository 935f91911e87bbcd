//! The CALL instructions' fast paths that run before the generic `call_op`: a Python
//! function called positionally (its frame pushed in place), and the natives CPython
//! 3.11 specializes (`len`, `isinstance`, `list.append`) done without a call.

use super::{Frame, InlineCache};
use crate::object::dict_table::Probe;
use crate::object::{CodeData, Kind, NativeFn, ObjRef, Value};
use crate::Vm;
use revpy_compiler::code::{flags, CodeObject};

/// Code flags that make calling the function create a generator-like object.
const GEN_FLAGS: u32 = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;

/// The most keyword arguments `call_kw_fast` binds.
const KW_FAST_MAX: usize = 8;

/// `CodeData::fast_args` of a code object: its positional parameter count if a call
/// of `enter_py_fast`'s shape may push its frame, else `u32::MAX` (decided once
/// when the code is loaded, not on every call).
pub(crate) fn fast_args(c: &CodeObject) -> u32 {
    // (Cells and free variables are made after the binding: `CodeData::has_cells`.)
    if c.flags & (flags::VARARGS | flags::VARKEYWORDS | GEN_FLAGS) != 0 || c.kwonlyargcount != 0 {
        return u32::MAX;
    }
    c.argcount
}

impl Vm {
    /// CALL / CALL_METHOD (`argc` arguments) of a plain Python function taking them
    /// positionally: no `*args`/`**kwargs`/keyword-only parameters, not a generator,
    /// enough arguments with the defaults, room for the frame (cells and a closure's
    /// free variables are made after the arguments: `init_cells`). Pushes its
    /// frame and returns true; false, with nothing done, for anything else (`call_op`
    /// then does the whole call, errors included).
    #[inline(always)]
    pub(crate) fn call_py_fast(&mut self, argc: usize, method: bool) -> bool {
        let len = self.stack.len();
        let fpos = len - argc - 1 - method as usize;
        // SAFETY: the verifier proved the call's inputs (callee, `self` slot for
        // CALL_METHOD, arguments) are on the stack: fpos + 1 + method <= len.
        debug_assert!(fpos + (method as usize) < len);
        let Value::Obj(r) = (unsafe { *self.stack.get_unchecked(fpos) }) else {
            return false;
        };
        let args_start = fpos
            + 1
            + (method && unsafe { self.stack.get_unchecked(fpos + 1) }.is_undef()) as usize;
        // One look at the callee's kind (a second `heap.kind` is not merged by the
        // compiler: the heap is behind `&mut self`).
        match self.heap.kind(r) {
            Kind::Function(_) => self.enter_py_fast(r, args_start, fpos),
            Kind::BoundMethod(Value::Obj(f), s) => {
                let (f, s) = (*f, *s);
                self.call_bound_fast(f, s, fpos, args_start, method)
            }
            _ => false,
        }
    }

    /// `call_py_fast` of a bound method of a Python function: `self` goes in the
    /// slot before the arguments (LOAD_METHOD's empty one, or the bound method's
    /// own), as CPython does.
    #[inline(never)]
    fn call_bound_fast(
        &mut self,
        f: ObjRef,
        s: Value,
        fpos: usize,
        args_start: usize,
        method: bool,
    ) -> bool {
        // CALL_METHOD with both slots taken: `self` has no room.
        if method && args_start == fpos + 1 {
            return false;
        }
        let self_pos = args_start - 1;
        if !self.py_fast_shape(f, self.stack.len() - self_pos) {
            return false;
        }
        self.stack[self_pos] = s;
        let pushed = self.enter_py_fast(f, self_pos, fpos);
        debug_assert!(pushed);
        true
    }

    /// Push the frame of function `r` (if it is one of `call_py_fast`'s shape) whose
    /// arguments are on the stack from `args_start`, returning to stack length
    /// `ret_sp`. False, with nothing done, for anything else.
    #[inline(always)]
    fn enter_py_fast(&mut self, r: ObjRef, args_start: usize, ret_sp: usize) -> bool {
        let Kind::Function(func) = self.heap.kind(r) else {
            return false;
        };
        let n = self.stack.len() - args_start;
        // `u32::MAX` (not of the shape) fails the second test.
        let argcount = func.code.fast_args as usize;
        let ndef = func.defaults.len();
        if n > argcount
            || n + ndef < argcount
            || self.frames.len() + self.native_depth as usize >= self.recursion_limit
            || self.loops >= self.native_depth_limit
        {
            return false;
        }
        let nvar = func.code.varnames.len();
        let code = func.code.clone();
        let globals = func.globals;
        if n < argcount {
            let Kind::Function(func) = self.heap.kind(r) else {
                unreachable!()
            };
            // The last `argcount - n` defaults (a `__defaults__` longer than the
            // parameters gives its last ones, as CPython).
            self.stack
                .extend_from_slice(&func.defaults[ndef - (argcount - n)..]);
        }
        self.fill_undef(args_start + nvar);
        if code.has_cells {
            self.init_cells(r, &code, args_start);
        }
        self.push_call_frame(code, args_start, ret_sp, globals);
        true
    }

    /// CALL_KW (`argc` arguments, the last `len(kwnames)` by keyword, the `kwnames`
    /// tuple on top of the stack) of a Python function of `call_py_fast`'s shape, or
    /// a bound method of one, whose keywords each name a positional parameter (by
    /// identity: both are interned) that no positional argument or other keyword
    /// gave, every other parameter being given or defaulted: the keyword values move
    /// to their parameters' slots, `kwnames` goes and the frame is pushed, as
    /// `bind_args` would bind them (`sum_to(n - 1, acc=acc + n)`). False, with
    /// nothing done, for anything else (`call_op` then binds or raises CPython's
    /// error). Out of line: the loop's CALL arm stays small.
    #[inline(never)]
    pub(crate) fn call_kw_fast(&mut self, argc: usize) -> bool {
        let top = self.stack.len() - 1;
        let Value::Obj(kn) = self.stack[top] else {
            return false;
        };
        let fpos = top - argc - 1;
        let Value::Obj(r) = self.stack[fpos] else {
            return false;
        };
        let (f, bound) = match self.heap.kind(r) {
            Kind::BoundMethod(Value::Obj(f), s) => (*f, *s),
            Kind::Function(_) => (r, Value::Undef),
            _ => return false,
        };
        let (Kind::Function(func), Kind::Tuple(names)) = (self.heap.kind(f), self.heap.kind(kn))
        else {
            return false;
        };
        let nkw = names.len();
        // `u32::MAX` (not of the shape) is above the bound.
        let argcount = func.code.fast_args as usize;
        // (Parameter bits in a u64, the mask below shifting by at most 63.)
        if nkw > KW_FAST_MAX || nkw > argc || argcount > 63 {
            return false;
        }
        // Positional arguments in the function's terms (`self` included).
        let npos = argc - nkw + !bound.is_undef() as usize;
        if npos > argcount
            || self.frames.len() + self.native_depth as usize >= self.recursion_limit
            || self.loops >= self.native_depth_limit
        {
            return false;
        }
        let first = npos.max(func.code.code.posonlyargcount as usize);
        let params = &func.code.varnames[first..argcount];
        let mut at = [0u8; KW_FAST_MAX];
        let mut given: u64 = 0;
        for (j, k) in names.iter().enumerate() {
            // Names are interned strings: compare the references.
            let Value::Obj(kr) = *k else { return false };
            let Some(i) = params
                .iter()
                .position(|p| matches!(p, Value::Obj(pr) if *pr == kr))
            else {
                return false;
            };
            let i = first + i;
            if given & (1 << i) != 0 {
                return false;
            }
            given |= 1 << i;
            at[j] = i as u8;
        }
        let ndef = func.defaults.len();
        if ndef > argcount {
            return false;
        }
        let first_default = argcount - ndef;
        // Every parameter without a default is given.
        if first_default > npos {
            let need = ((1u64 << first_default) - 1) & !((1u64 << npos) - 1);
            if given & need != need {
                return false;
            }
        }
        // Bound: the call cannot fail. Bind in place.
        let code = func.code.clone();
        let globals = func.globals;
        let nvar = code.code.varnames.len();
        let mut vals = [Value::Undef; KW_FAST_MAX];
        for (j, v) in vals[..nkw].iter_mut().enumerate() {
            *v = self.stack[top - nkw + j];
        }
        let base = if bound.is_undef() {
            fpos + 1
        } else {
            self.stack[fpos] = bound;
            fpos
        };
        self.stack.truncate(top - nkw);
        self.fill_undef(base + nvar);
        if first_default < argcount {
            let Kind::Function(func) = self.heap.kind(f) else {
                unreachable!()
            };
            for i in npos.max(first_default)..argcount {
                if given & (1 << i) == 0 {
                    self.stack[base + i] = func.defaults[i - first_default];
                }
            }
        }
        for j in 0..nkw {
            self.stack[base + at[j] as usize] = vals[j];
        }
        if code.has_cells {
            self.init_cells(f, &code, base);
        }
        self.push_call_frame(code, base, fpos, globals);
        true
    }

    /// CALL / CALL_METHOD of a class whose instances come from `object.__new__` and
    /// whose `__init__` is a Python function of `call_py_fast`'s shape (the case of
    /// `try_init_frame`, decided once per site and class: `InlineCache::init_plan`):
    /// the instance takes the class's place on the stack as `self` and the
    /// `__init__` frame is pushed (returning the instance). False, with nothing done,
    /// for anything else.
    #[inline]
    pub(crate) fn call_init_fast(
        &mut self,
        code: &CodeData,
        slot: usize,
        argc: usize,
        method: bool,
    ) -> bool {
        let len = self.stack.len();
        let fpos = len - argc - 1 - method as usize;
        let Value::Obj(cls) = self.stack[fpos] else {
            return false;
        };
        match self.heap.kind(cls) {
            Kind::Class(_) => {}
            Kind::Object(_) if !method => return self.call_instance_fast(code, slot, fpos),
            _ => return false,
        }
        // `self` goes where the class was, or in LOAD_METHOD's empty slot.
        let self_pos = if method {
            if !self.stack[fpos + 1].is_undef() {
                return false;
            }
            fpos + 1
        } else {
            fpos
        };
        let Some(init) = self.init_plan(code, slot, cls) else {
            return false;
        };
        // The shape, checked before the instance exists (the frame is pushed below
        // with the same stack length and depth).
        if !self.py_fast_shape(init, len - self_pos) {
            return false;
        }
        let obj = self.new_instance(cls);
        self.stack[self_pos] = obj;
        let pushed = self.enter_py_fast(init, self_pos, fpos);
        debug_assert!(pushed);
        if let Some(f) = self.frames.last_mut() {
            f.init_self = obj;
        }
        true
    }

    /// CALL of a plain instance whose class's `__call__` is a Python function of
    /// `call_py_fast`'s shape (chaos' splines), remembered per site and class
    /// (`InlineCache::call_plan`): the instance stays in its slot as `self` and the
    /// frame is pushed, as for a bound method. False, with nothing done, for
    /// anything else (the generic call looks `__call__` up and raises).
    #[inline(never)]
    fn call_instance_fast(&mut self, code: &CodeData, slot: usize, fpos: usize) -> bool {
        let Value::Obj(o) = self.stack[fpos] else {
            return false;
        };
        let cls = self.heap.get(o).class;
        let epoch = self.mro_cache.epoch();
        let f = match code.cache(slot).call_plan(cls, epoch) {
            Some(plan) => plan,
            None => {
                // Special methods come from the type, never the instance.
                let call = self.names.__call__;
                let plan = match self.class_lookup(cls, call) {
                    Some(Value::Obj(f))
                        if matches!(self.heap.kind(f), Kind::Function(func)
                            if func.code.code.flags & GEN_FLAGS == 0) =>
                    {
                        Some(f)
                    }
                    _ => None,
                };
                code.set_cache(slot, InlineCache::call_site(cls, epoch, plan));
                plan
            }
        };
        let Some(f) = f else { return false };
        let Kind::Function(func) = self.heap.kind(f) else {
            return false;
        };
        // `call_py_fast`'s shape, cells allowed (chaos' `__call__` has a
        // comprehension over its locals): `push_frame_fast` makes them.
        let (c, n) = (&func.code.code, self.stack.len() - fpos);
        if c.flags & (flags::VARARGS | flags::VARKEYWORDS | GEN_FLAGS) != 0
            || c.kwonlyargcount != 0
            || n > c.argcount as usize
            || n + func.defaults.len() < c.argcount as usize
            || self.frames.len() + self.native_depth as usize >= self.recursion_limit
            || self.loops >= self.native_depth_limit
        {
            return false;
        }
        // (Cannot fail: the recursion limit was checked above.)
        self.push_frame_fast(f, fpos, fpos).is_ok()
    }

    /// Whether `enter_py_fast` would push a frame for function `r` with `n`
    /// arguments.
    fn py_fast_shape(&self, r: ObjRef, n: usize) -> bool {
        let Kind::Function(func) = self.heap.kind(r) else {
            return false;
        };
        let argcount = func.code.fast_args as usize;
        n <= argcount
            && n + func.defaults.len() >= argcount
            && self.frames.len() + (self.native_depth as usize) < self.recursion_limit
            && self.loops < self.native_depth_limit
    }

    /// The `__init__` function `call_init_fast` may call for `cls` at this site:
    /// remembered in the CALL's inline cache under the class and the method-cache
    /// epoch (bumped by any change to a class namespace), else decided as
    /// `try_init_frame` decides (`object.__new__`, no metaclass `__call__`, not
    /// abstract, a Python `__init__` that is no generator).
    #[inline]
    fn init_plan(&mut self, code: &CodeData, slot: usize, cls: ObjRef) -> Option<ObjRef> {
        let epoch = self.mro_cache.epoch();
        if let Some(plan) = code.cache(slot).init_plan(cls, epoch) {
            return plan;
        }
        let plan = self.init_plan_miss(cls);
        code.set_cache(slot, InlineCache::init_site(cls, epoch, plan));
        plan
    }

    #[inline(never)]
    fn init_plan_miss(&mut self, cls: ObjRef) -> Option<ObjRef> {
        if self.meta_call_override(cls).is_some() {
            return None;
        }
        let new = self.class_lookup(cls, self.names.__new__);
        if !matches!(new, Some(v) if v.is(self.object_new)) {
            return None;
        }
        // Abstract classes (and a `__abstractmethods__` whose length is Python code)
        // take the generic path.
        if self
            .class_lookup(cls, self.names.__abstractmethods__)
            .is_some()
        {
            return None;
        }
        let Some(Value::Obj(init)) = self.class_lookup(cls, self.names.__init__) else {
            return None;
        };
        match self.heap.kind(init) {
            Kind::Function(f) if f.code.code.flags & GEN_FLAGS == 0 => Some(init),
            _ => None,
        }
    }

    /// Push a frame, written in place: `Vec::push` of the 80-byte frame is an out-of-
    /// line call that builds it on the stack and copies it (a store-forwarding stall
    /// on every Python call in the profiles).
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, f: Frame) {
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(16);
        }
        let n = self.frames.len();
        // SAFETY: n < capacity (reserved above); the slot is written before the
        // length covers it.
        unsafe {
            self.frames.as_mut_ptr().add(n).write(f);
            self.frames.set_len(n + 1);
        }
    }

    /// `push_frame(Frame::call(..))` with the room made first, so the frame is
    /// written straight into its slot (built as an argument, it was assembled in a
    /// temporary and copied: ten more moves per call).
    #[inline(always)]
    pub(crate) fn push_call_frame(
        &mut self,
        code: std::rc::Rc<CodeData>,
        base: usize,
        ret_sp: usize,
        globals: ObjRef,
    ) {
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(16);
        }
        let n = self.frames.len();
        // SAFETY: n < capacity (reserved above); the slot is written before the
        // length covers it.
        unsafe {
            self.frames
                .as_mut_ptr()
                .add(n)
                .write(Frame::call(code, base, ret_sp, globals));
            self.frames.set_len(n + 1);
        }
    }

    /// Extend the value stack with unbound locals up to length `to` (no-op if it is
    /// already that long): `Vec::resize` is an out-of-line call on the call path.
    #[inline(always)]
    pub(crate) fn fill_undef(&mut self, to: usize) {
        let n = self.stack.len();
        if to <= n {
            self.stack.truncate(to);
            return;
        }
        if self.stack.capacity() < to {
            self.stack.reserve(to - n);
        }
        let p = self.stack.as_mut_ptr();
        for i in n..to {
            // SAFETY: i < to <= capacity.
            unsafe { p.add(i).write(Value::Undef) };
        }
        // SAFETY: every slot below `to` is written.
        unsafe { self.stack.set_len(to) };
    }

    /// CALL / CALL_METHOD of `len(x)` and `isinstance(x, C)` (a class with a built-in
    /// metaclass) of the built-in natives, and of `list.append(v)` on a list with
    /// room, computed here with what the natives would compute (CPython 3.11
    /// specializes the same three). Nothing of this runs Python code, allocates or
    /// fails. Returns false, with nothing done, for anything else (the generic call
    /// then does it, errors included); true with the call replaced by its result.
    #[inline]
    pub(crate) fn call_builtin_fast(&mut self, argc: usize, method: bool) -> bool {
        let len = self.stack.len();
        let fpos = len - argc - 1 - method as usize;
        let Value::Obj(fr) = self.stack[fpos] else {
            return false;
        };
        let args_start = fpos + 1 + (method && self.stack[fpos + 1].is_undef()) as usize;
        let Kind::Native(nf) = self.heap.kind(fr) else {
            return self.call_class_fast(fr, fpos, args_start);
        };
        let f = nf.f;
        let v = match len - args_start {
            1 if std::ptr::fn_addr_eq(f, crate::builtins::b_len as NativeFn) => {
                // As `Vm::len` for an object of a built-in class (no `__len__`
                // override possible).
                let Value::Obj(r) = self.stack[args_start] else {
                    return false;
                };
                if !self.class_data(self.heap.get(r).class).is_builtin {
                    // A Python subclass: `call_native_fast`.
                    return self.native_fast_done(f, fpos, args_start);
                }
                match self.builtin_len(r) {
                    Some(n) if n <= i64::MAX as usize => Value::Int(n as i64),
                    _ => return false,
                }
            }
            2 if std::ptr::fn_addr_eq(
                f,
                crate::builtins::introspection::b_isinstance as NativeFn,
            ) =>
            {
                // As `b_isinstance` for one class whose metaclass is built in.
                let Value::Obj(c) = self.stack[args_start + 1] else {
                    return false;
                };
                if !matches!(self.heap.kind(c), Kind::Class(_))
                    || !self.class_data(self.heap.get(c).class).is_builtin
                {
                    return false;
                }
                let x = self.stack[args_start];
                let yes = self.isinstance(x, c);
                // Not an instance by type: `x.__class__` may still say so (the
                // call's slow path asks it).
                if !yes && {
                    let t = self.type_of(x);
                    crate::builtins::introspection::class_attr_may_differ(self, t)
                } {
                    return false;
                }
                Value::Bool(yes)
            }
            2 if args_start == fpos + 1
                && std::ptr::fn_addr_eq(f, crate::types::list::l_append as NativeFn) =>
            {
                // `lst.append(v)` (or `list.append(lst, v)`) with room: as
                // `Vm::list_append` without growing.
                let (l, x) = (self.stack[args_start], self.stack[args_start + 1]);
                let Value::Obj(r) = l else { return false };
                let Some(items) = self.heap.list_for_append(r) else {
                    // A subclass of list: `call_native_fast`.
                    return self.native_fast_done(f, fpos, args_start);
                };
                if items.len() == items.capacity() {
                    return self.native_fast_done(f, fpos, args_start);
                }
                items.push(x);
                self.heap.charge(16);
                Value::None
            }
            _ => return self.native_fast_done(f, fpos, args_start),
        };
        self.stack.truncate(fpos);
        self.stack.push(v);
        true
    }

    /// `call_builtin_fast` by `call_native_fast`: true with the call replaced by
    /// its result, false with nothing done.
    #[inline(always)]
    fn native_fast_done(&mut self, f: NativeFn, fpos: usize, args_start: usize) -> bool {
        match self.call_native_fast(f, fpos, args_start) {
            Some(v) => {
                self.stack.truncate(fpos);
                self.stack.push(v);
                true
            }
            None => false,
        }
    }

    /// `call_builtin_fast` of the natives past its inline three: `object.__init__`
    /// with only the instance (what `super().__init__()` reaches: it does nothing),
    /// `len()` of an instance of a Python subclass of a built-in container that does
    /// not define `__len__` (deltablue's `OrderedCollection(list)`), `list.pop()`
    /// with an int index in range and `list.append` that must grow the list.
    /// `None`, with nothing done, for anything else. Out of line: the inline cases
    /// stay small.
    #[inline(never)]
    fn call_native_fast(&mut self, f: NativeFn, fpos: usize, args_start: usize) -> Option<Value> {
        let n = self.stack.len() - args_start;
        if n == 1 && std::ptr::fn_addr_eq(f, crate::types::object_type::OBJECT_INIT) {
            return Some(Value::None);
        }
        if n == 1 && std::ptr::fn_addr_eq(f, crate::builtins::b_len as NativeFn) {
            let Value::Obj(r) = self.stack[args_start] else {
                return None;
            };
            let cls = self.heap.get(r).class;
            let len_name = self.names.__len__;
            if self.class_data(cls).is_builtin || self.user_override(cls, len_name).is_some() {
                return None;
            }
            return match self.builtin_len(r)? {
                n if n <= i64::MAX as usize => Some(Value::Int(n as i64)),
                _ => None,
            };
        }
        if n == 0 || args_start != fpos + 1 {
            return self.call_native_more(f, fpos, args_start);
        }
        let Value::Obj(r) = self.stack[args_start] else {
            return self.call_native_more(f, fpos, args_start);
        };
        if (n == 1 || n == 2) && std::ptr::fn_addr_eq(f, crate::types::list::L_POP) {
            let i = match self.stack.get(args_start + 1) {
                Some(Value::Int(i)) => *i,
                Some(_) => return None,
                None => -1,
            };
            let Kind::List(items) = self.heap.kind_mut(r) else {
                return None;
            };
            let len = items.len() as i64;
            let j = if i < 0 { i + len } else { i };
            if !(0..len).contains(&j) {
                return None;
            }
            return Some(items.remove(j as usize));
        }
        if (n == 2 || n == 3) && std::ptr::fn_addr_eq(f, crate::types::dict::D_GET) {
            return self.dict_get_fast(r, args_start);
        }
        if n == 2 && std::ptr::fn_addr_eq(f, crate::types::list::l_append as NativeFn) {
            if !matches!(self.heap.kind(r), Kind::List(_)) {
                return None;
            }
            // Growing within the allocation limit may fail (MemoryError): the
            // generic call raises it.
            let x = self.stack[args_start + 1];
            return self
                .list_append(Value::Obj(r), x)
                .ok()
                .map(|()| Value::None);
        }
        self.call_native_more(f, fpos, args_start)
    }

    /// `d.get(key[, default])` on a dict (of any class: `dict.get` ignores
    /// `__missing__` and `__getitem__` overrides) with an int or exact str key, when
    /// no key of equal hash needs a Python `__eq__`: the lookup `d_get` would make,
    /// without the generic native call. `None`, with nothing done, otherwise.
    fn dict_get_fast(&mut self, r: ObjRef, args_start: usize) -> Option<Value> {
        let key = self.stack[args_start + 1];
        let hash = match key {
            Value::Int(i) => crate::object::hash::hash_int(i),
            Value::Obj(k) => {
                let o = self.heap.get(k);
                match &o.kind {
                    Kind::Str(s) if o.class == self.types.str => s.hash(),
                    _ => return None,
                }
            }
            _ => return None,
        };
        // `dict.get(x, k)` of something else raises: the generic call does.
        let cls = self.heap.get(r).class;
        if cls != self.types.dict && !self.is_subclass_ref(cls, self.types.dict) {
            return None;
        }
        let Kind::Dict(d) = self.heap.kind(r) else {
            return None;
        };
        let found = match d.probe(hash, key, &mut |k| self.simple_eq(k, key)) {
            Probe::Found(i) => Some(d.value_at(i)),
            Probe::NotFound => None,
            Probe::Slow(_) => return None,
        };
        Some(found.unwrap_or_else(|| {
            self.stack
                .get(args_start + 2)
                .copied()
                .unwrap_or(Value::None)
        }))
    }

    /// `call_builtin_fast` of anything but a native (`cls` need not be a class):
    /// `super()` and `super(C, obj)` with `obj` an instance of class `C` (the proxy
    /// made directly: `super`'s `__new__` and `__init__` are the built-in ones, a
    /// subclass of super is another class), and `int(x)` /
    /// `float(x)` of an int, bool or float of the built-in types (go's and chaos'
    /// `int(random.random() * n)`), `str(x)` of the same and of an exact str
    /// (`str_of_fast`), `list(x)` / `tuple(x)` / `set(x)` of a built-in
    /// container that cannot fail (`builtin_ctor_fast`), and `C()` of a plain
    /// subclass of list (`plain_list_subclass`). False, with nothing done,
    /// for anything else; nothing here can fail.
    #[inline(never)]
    fn call_class_fast(&mut self, cls: ObjRef, fpos: usize, args_start: usize) -> bool {
        // (Python functions the other fast paths declined come here too: out at once.)
        let Kind::Class(d) = self.heap.kind(cls) else {
            return false;
        };
        let n = self.stack.len() - args_start;
        let v = if !d.is_builtin {
            if n != 0 || !self.plain_list_subclass(cls) {
                return false;
            }
            // `list.__new__` then `list.__init__()`: an empty list of the class.
            Value::Obj(self.heap.alloc(cls, Kind::List(vec![])))
        } else if cls == self.types.super_ && (n == 0 || n == 2) {
            // The zero-argument form takes the frame's `__class__` and first
            // argument; its errors (and a class as the object) take the generic path.
            let (c, obj) = if n == 2 {
                (self.stack[args_start], self.stack[args_start + 1])
            } else {
                match self.super_implicit_args() {
                    Ok(a) => a,
                    Err(_) => return false,
                }
            };
            let (Value::Obj(cr), Value::Obj(or)) = (c, obj) else {
                return false;
            };
            if !matches!(self.heap.kind(cr), Kind::Class(_))
                || matches!(self.heap.kind(or), Kind::Class(_))
                || !self.isinstance(obj, cr)
            {
                return false;
            }
            self.new_super(cr, obj)
        } else if cls == self.types.int && n == 1 {
            match self.stack[args_start] {
                v @ Value::Int(_) => v,
                Value::Bool(b) => Value::Int(b as i64),
                // Truncated toward zero; a float out of i64's range (or not
                // finite) takes the generic path (a big int, or an error).
                Value::Float(x) if x.is_finite() && x.abs() < 9.2e18 => Value::Int(x as i64),
                _ => return false,
            }
        } else if cls == self.types.float && n == 1 {
            match self.stack[args_start] {
                v @ Value::Float(_) => v,
                Value::Int(i) => Value::Float(i as f64),
                Value::Bool(b) => Value::Float(b as i64 as f64),
                _ => return false,
            }
        } else if cls == self.types.str && n == 1 {
            match self.str_of_fast(self.stack[args_start]) {
                Some(v) => v,
                None => return false,
            }
        } else if n <= 1 {
            let arg = (n == 1).then(|| self.stack[args_start]);
            match self.builtin_ctor_fast(cls, arg) {
                Some(v) => v,
                None => return false,
            }
        } else {
            return false;
        };
        self.stack.truncate(fpos);
        self.stack.push(v);
        true
    }

    /// Whether calling class `cls` is `type.__call__` with `list`'s own `__new__`
    /// and `__init__`: a Python subclass of list (deltablue's `OrderedCollection`)
    /// that overrides neither, nor the metaclass's `__call__`.
    /// The answer is remembered for the last class found plain, until the method
    /// cache's epoch moves (any class changed, or one was freed).
    fn plain_list_subclass(&mut self, cls: ObjRef) -> bool {
        if self.mro_cache.is_plain_list(cls) {
            return true;
        }
        let Kind::Class(d) = self.heap.kind(cls) else {
            return false;
        };
        if d.is_builtin || d.base_kind != crate::object::BaseKind::List {
            return false;
        }
        if self.meta_call_override(cls).is_some() {
            return false;
        }
        let list = self.types.list;
        let plain = [self.names.__new__, self.names.__init__]
            .into_iter()
            .all(
                |n| match (self.class_lookup(cls, n), self.class_lookup(list, n)) {
                    (Some(a), Some(b)) => a.is(b),
                    _ => false,
                },
            );
        if plain {
            self.mro_cache.set_plain_list(cls);
        }
        plain
    }
}

//! Calls: argument binding, frame creation, the CALL instructions' fast paths, and
//! `Vm::call` for natives that call back into Python.

use super::Exit;
use crate::object::{Function, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};
use revpy_compiler::code::flags;

/// Code flags that make calling the function create a generator-like object.
const GEN_FLAGS: u32 = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
use smallvec::SmallVec;
use std::rc::Rc;

/// Arguments collected off the stack for a generic call.
pub type CallArgs = SmallVec<[Value; 8]>;

impl Vm {
    /// Execute CALL / CALL_METHOD / CALL_KW. Returns `Some(result)` when the call
    /// finished, `None` when it pushed a Python frame for the loop to run.
    pub(crate) fn call_op(
        &mut self,
        argc: usize,
        method: bool,
        kw: bool,
    ) -> PyResult<Option<Value>> {
        // (CALL_KW's simple bindings were tried first: `call_kw_fast`.)
        let kwnames = if kw { self.pop() } else { Value::Undef };
        let len = self.stack.len();
        let fpos = len - argc - 1 - method as usize;
        let f = self.stack[fpos];
        let args_start = if method {
            if self.stack[fpos + 1].is_undef() {
                fpos + 2
            } else {
                fpos + 1
            }
        } else {
            fpos + 1
        };
        let mut callee = f;
        let mut bound_self = Value::Undef;
        if let Value::Obj(r) = f {
            match self.heap.kind(r) {
                // A native called positionally, the commonest case here: first.
                Kind::Native(nf) if !kw && nf.host.is_none() => {
                    return self
                        .call_native_positional(r, Value::Undef, fpos, args_start)
                        .map(Some);
                }
                // A bound native method (`random.random()` of the module's hidden
                // instance, `add = s.add; add(k)`).
                &Kind::BoundMethod(Value::Obj(func), s)
                    if !kw
                        && matches!(self.heap.kind(func), Kind::Native(nf) if nf.host.is_none()) =>
                {
                    return self
                        .call_native_positional(func, s, fpos, args_start)
                        .map(Some);
                }
                Kind::BoundMethod(func, s) => {
                    callee = *func;
                    bound_self = *s;
                }
                _ => {}
            }
        }
        // Fast path: a plain Python function called positionally.
        if !kw && bound_self.is_undef() {
            if let Value::Obj(r) = callee {
                if let Kind::Function(func) = self.heap.kind(r) {
                    let code = &func.code.code;
                    let n = len - args_start;
                    if code.flags & (flags::VARARGS | flags::VARKEYWORDS | GEN_FLAGS) == 0
                        && code.kwonlyargcount == 0
                        && n <= code.argcount as usize
                        && n + func.defaults.len() >= code.argcount as usize
                    {
                        self.push_frame_fast(r, args_start, fpos)?;
                        return Ok(None);
                    }
                }
            }
        }
        // A generator function called positionally: the generator, made directly.
        if !kw {
            if let Value::Obj(r) = callee {
                if !matches!(self.heap.kind(r), Kind::Function(f) if f.code.code.flags & GEN_FLAGS != 0)
                {
                    // Not a generator function: the paths below.
                } else if let Some(g) = self.new_generator_fast(r, bound_self, args_start) {
                    self.stack.truncate(fpos);
                    return Ok(Some(g));
                }
            }
        }
        // `range(...)` of machine ints.
        let n = len - args_start;
        if !kw && bound_self.is_undef() && n <= 3 && callee.is(Value::Obj(self.types.range)) {
            let mut a = [Value::None; 3];
            a[..n].copy_from_slice(&self.stack[args_start..len]);
            if let Some(v) = self.small_range(&a[..n]) {
                self.stack.truncate(fpos);
                return Ok(Some(v));
            }
        }
        // `list(x)`, `tuple(x)`, `set(x)`.
        if !kw && bound_self.is_undef() && len - args_start <= 1 {
            if let Value::Obj(cls) = callee {
                let arg = (len > args_start).then(|| self.stack[args_start]);
                if let Some(r) = self.builtin_ctor(cls, arg) {
                    self.stack.truncate(fpos);
                    return r.map(Some);
                }
            }
        }
        // Generic path: collect the arguments.
        let nkw = if kw { self.tuple_len(kwnames) } else { 0 };
        let mut args: CallArgs = SmallVec::new();
        if !bound_self.is_undef() {
            args.push(bound_self);
        }
        args.extend_from_slice(&self.stack[args_start..len - nkw]);
        let mut kwargs: SmallVec<[(Value, Value); 4]> = SmallVec::new();
        if kw {
            for i in 0..nkw {
                let name = self.tuple_item(kwnames, i);
                kwargs.push((name, self.stack[len - nkw + i]));
            }
        }
        self.stack.truncate(fpos);
        if let Value::Obj(r) = callee {
            match self.heap.kind(r) {
                Kind::Function(_) => {
                    if self.push_function_frame(r, &args, &kwargs, fpos)? {
                        return Ok(None);
                    }
                    // A generator function: the generator object is on the stack.
                    return Ok(Some(self.pop()));
                }
                Kind::Class(_) => {
                    if let Some(obj) = self.try_init_frame(r, &args, &kwargs)? {
                        return Ok(obj);
                    }
                }
                _ => {}
            }
        }
        let v = self.call(callee, &args, &kwargs)?;
        Ok(Some(v))
    }

    /// Push a frame for a simple positional call whose arguments already sit on the
    /// stack at `args_start`; missing arguments come from defaults.
    pub(crate) fn push_frame_fast(
        &mut self,
        fref: ObjRef,
        args_start: usize,
        ret_sp: usize,
    ) -> PyResult<()> {
        self.check_recursion()?;
        let Kind::Function(func) = self.heap.kind(fref) else {
            unreachable!()
        };
        let code = func.code.clone();
        let globals = func.globals;
        let argcount = code.code.argcount as usize;
        let n = self.stack.len() - args_start;
        if n < argcount {
            // The defaults belong to the last parameters (counted from the end: a
            // `__defaults__` longer than the parameters gives its last ones).
            let defaults = &func.defaults;
            for i in n..argcount {
                let d = defaults[defaults.len() - (argcount - i)];
                self.stack.push(d);
            }
        }
        self.enter_function(fref, code, globals, args_start, ret_sp);
        Ok(())
    }

    /// The end of a call whose positional arguments (defaults included) are on the
    /// stack from `base`: the other locals unbound, the cells made, the frame pushed.
    #[inline]
    fn enter_function(
        &mut self,
        fref: ObjRef,
        code: Rc<crate::object::CodeData>,
        globals: ObjRef,
        base: usize,
        ret_sp: usize,
    ) {
        let nvar = code.code.varnames.len();
        self.fill_undef(base + nvar);
        if !code.code.cellvars.is_empty() || !code.code.freevars.is_empty() {
            self.init_cells(fref, &code, base);
        }
        self.push_call_frame(code, base, ret_sp, globals);
    }

    /// Push the frame's cells (after its bound locals, from `base`) and its
    /// closure's. Allocates: the arguments are on the stack, rooted.
    #[inline(never)]
    pub(super) fn init_cells(&mut self, fref: ObjRef, code: &crate::object::CodeData, base: usize) {
        let c = &code.code;
        let nvar = c.varnames.len();
        for i in 0..c.cellvars.len() {
            let init = c
                .cell_params
                .iter()
                .find(|(ci, _)| *ci as usize == i)
                .map(|(_, pi)| self.stack[base + *pi as usize])
                .unwrap_or(Value::Undef);
            let cell = self.new_cell(init);
            self.stack.push(cell);
        }
        // The closure's cells, copied without a temporary vector (the heap and the
        // stack are disjoint fields), nor a call to `memcpy` (usually one cell).
        if let Kind::Function(f) = self.heap.kind(fref) {
            crate::types::generator::copy_values(&mut self.stack, &f.closure);
        }
        debug_assert_eq!(
            self.stack.len(),
            base + nvar + c.cellvars.len() + c.freevars.len()
        );
    }

    pub(crate) fn check_recursion(&mut self) -> PyResult<()> {
        if self.frames.len() + self.native_depth as usize >= self.recursion_limit
            || self.loops >= self.native_depth_limit
        {
            return Err(self.new_error(
                self.types.recursion_error,
                "maximum recursion depth exceeded".into(),
            ));
        }
        Ok(())
    }

    /// Bind arguments and push a frame for `fref`, with `ret_sp` as the stack length to
    /// return to. Returns false (with a generator pushed on the stack instead) for
    /// generator functions.
    pub(crate) fn push_function_frame(
        &mut self,
        fref: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
        ret_sp: usize,
    ) -> PyResult<bool> {
        if kwargs.is_empty() && self.push_positional_frame(fref, args, ret_sp)? {
            return Ok(true);
        }
        let locals = self.bind_args(fref, args, kwargs)?;
        let Kind::Function(func) = self.heap.kind(fref) else {
            unreachable!()
        };
        let code = func.code.clone();
        let globals = func.globals;
        if code.code.flags & GEN_FLAGS != 0 {
            let (name, qualname) = (func.name, func.qualname);
            let base = self.stack.len();
            self.stack.extend(locals);
            self.init_cells(fref, &code, base);
            let saved = self.stack.split_off(base);
            let g = self.new_suspended_generator(code, globals, saved, name, qualname);
            self.stack.push(g);
            return Ok(false);
        }
        self.check_recursion()?;
        let base = self.stack.len();
        self.stack.extend(locals);
        self.init_cells(fref, &code, base);
        self.push_call_frame(code, base, ret_sp, globals);
        Ok(true)
    }

    /// Push a frame for `fref` called with positional `args` only, if its parameters
    /// take them simply: enough with the defaults, no `*args`/`**kwargs`/keyword-only
    /// parameters, not a generator. The arguments go straight onto the stack, without
    /// a locals vector. Ok(false) (nothing done) otherwise.
    pub(crate) fn push_positional_frame(
        &mut self,
        fref: ObjRef,
        args: &[Value],
        ret_sp: usize,
    ) -> PyResult<bool> {
        let Kind::Function(func) = self.heap.kind(fref) else {
            return Ok(false);
        };
        // The common case: positional arguments only, enough with the defaults, and
        // no `*args`/`**kwargs`/keyword-only parameters. They go straight onto the
        // stack, without a locals vector.
        {
            let c = &func.code.code;
            let argcount = c.argcount as usize;
            let n = args.len();
            if c.flags & (flags::VARARGS | flags::VARKEYWORDS | GEN_FLAGS) == 0
                && c.kwonlyargcount == 0
                && n <= argcount
                && n + func.defaults.len() >= argcount
            {
                self.check_recursion()?;
                let Kind::Function(func) = self.heap.kind(fref) else {
                    unreachable!()
                };
                let code = func.code.clone();
                let globals = func.globals;
                let base = self.stack.len();
                self.stack.extend_from_slice(args);
                if n < argcount {
                    let d = &func.defaults;
                    self.stack.extend_from_slice(&d[d.len() - (argcount - n)..]);
                }
                self.enter_function(fref, code, globals, base, ret_sp);
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// For `Cls(args)` where `Cls` uses object.__new__ and a Python `__init__`: make the
    /// instance and push the `__init__` frame (which returns the instance).
    fn try_init_frame(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Option<Option<Value>>> {
        if self.meta_call_override(cls).is_some() {
            return Ok(None);
        }
        let new_name = self.names.__new__;
        let init_name = self.names.__init__;
        let new = self.class_lookup(cls, new_name);
        if !matches!(new, Some(v) if v.is(self.object_new)) {
            return Ok(None);
        }
        if self.class_is_abstract(cls) {
            return Ok(None);
        }
        let init = self.class_lookup(cls, init_name);
        let Some(Value::Obj(init_ref)) = init else {
            return Ok(None);
        };
        if !matches!(self.heap.kind(init_ref), Kind::Function(_)) {
            return Ok(None);
        }
        if matches!(self.heap.kind(init_ref), Kind::Function(f) if f.code.code.flags & GEN_FLAGS != 0)
        {
            return Ok(None);
        }
        let obj = self.new_instance(cls);
        let mut full: CallArgs = SmallVec::new();
        full.push(obj);
        full.extend_from_slice(args);
        let ret_sp = self.stack.len();
        self.push_function_frame(init_ref, &full, kwargs, ret_sp)?;
        self.frames.last_mut().expect("frame").init_self = obj;
        Ok(Some(None))
    }

    /// Call any callable from Rust and wait for the result.
    pub fn call(&mut self, f: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
        let Value::Obj(r) = f else {
            return Err(self.not_callable(f));
        };
        match self.heap.kind(r) {
            Kind::Function(_) => {
                let depth = self.frames.len();
                let sp = self.stack.len();
                if !self.push_function_frame(r, args, kwargs, sp)? {
                    return Ok(self.pop());
                }
                self.gc_holds += 1;
                let r = self.run(depth);
                self.gc_holds -= 1;
                match r? {
                    Exit::Return(v) => Ok(v),
                    Exit::Yield(_) => unreachable!("a function frame cannot yield"),
                }
            }
            Kind::Native(nf) if nf.host.is_some() => {
                let index = nf.host.unwrap_or(0) as usize;
                self.gc_holds += 1;
                let r = crate::embed::host::call_host(self, index, args, kwargs);
                self.gc_holds -= 1;
                r
            }
            Kind::Native(nf) => {
                let (f, safe) = (nf.f, nf.gc_safe);
                // The declared arity and `self`/`cls` type, before the body indexes
                // its arguments.
                self.check_native_call(r, args, kwargs)?;
                // Root the arguments (a native that holds the collector off needs
                // not).
                let sp = self.stack.len();
                if safe {
                    self.stack.extend_from_slice(args);
                    self.stack.extend(kwargs.iter().map(|(_, v)| *v));
                }
                let r = self.run_native(f, safe, args, kwargs);
                self.stack.truncate(sp);
                r
            }
            Kind::BoundMethod(func, s) => {
                let (func, s) = (*func, *s);
                let mut full: CallArgs = SmallVec::new();
                full.push(s);
                full.extend_from_slice(args);
                self.call(func, &full, kwargs)
            }
            // `super()`: the proxy straight away (its `__new__` and `__init__` are
            // the built-in ones; a subclass of super is another class).
            Kind::Class(_) if r == self.types.super_ && args.is_empty() && kwargs.is_empty() => {
                self.make_super(&[])
            }
            Kind::Class(_) => self.call_class(r, args, kwargs),
            _ => {
                let call = self.names.__call__;
                match self.lookup_special(f, call) {
                    Some(m) => {
                        let mut full: CallArgs = SmallVec::new();
                        full.push(f);
                        full.extend_from_slice(args);
                        self.call_special_kw(m, &full, kwargs)
                    }
                    None => Err(self.not_callable(f)),
                }
            }
        }
    }

    /// Call a method by name on an object.
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (f, s) = self.load_method(obj, n)?;
        if s.is_undef() {
            self.call(f, args, &[])
        } else {
            let mut full: CallArgs = SmallVec::new();
            full.push(s);
            full.extend_from_slice(args);
            self.call(f, &full, &[])
        }
    }

    /// `f(*args, **kwargs)`: the result, or None when a Python function's frame was
    /// pushed (it runs in the loop rather than recursing in Rust, so a thread may
    /// wait in it: threads.rs).
    pub(crate) fn call_ex(
        &mut self,
        f: Value,
        args: Value,
        kwargs: Value,
    ) -> PyResult<Option<Value>> {
        let pos = self.star_args(f, args)?;
        let mut kw: Vec<(Value, Value)> = vec![];
        if let Value::Obj(d) = kwargs {
            if let Kind::Dict(dict) = self.heap.kind(d) {
                kw = dict.items();
            }
        }
        // Run Python functions in the loop rather than recursing in Rust.
        if let Value::Obj(r) = f {
            let (func, bound) = match self.heap.kind(r) {
                Kind::Function(_) => (r, None),
                Kind::BoundMethod(Value::Obj(func), s)
                    if matches!(self.heap.kind(*func), Kind::Function(_)) =>
                {
                    (*func, Some(*s))
                }
                _ => return self.call(f, &pos, &kw).map(Some),
            };
            let mut full: CallArgs = SmallVec::new();
            full.extend(bound);
            full.extend_from_slice(&pos);
            let sp = self.stack.len();
            if !self.push_function_frame(func, &full, &kw, sp)? {
                return Ok(Some(self.pop()));
            }
            return Ok(None);
        }
        self.call(f, &pos, &kw).map(Some)
    }

    /// Bind positional and keyword arguments to a function's fast locals (without
    /// cells), raising CPython's TypeErrors for mismatches.
    pub(crate) fn bind_args(
        &mut self,
        fref: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Vec<Value>> {
        let Kind::Function(func) = self.heap.kind(fref) else {
            unreachable!()
        };
        let func: &Function = func;
        let code = &func.code.code;
        let nvar = code.varnames.len();
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let mut locals = vec![Value::Undef; nvar];
        let qualname_v = func.qualname;
        let n = args.len();
        let npos = n.min(argcount);
        locals[..npos].copy_from_slice(&args[..npos]);
        let defaults = func.defaults.clone();
        let kwdefaults = func.kwdefaults;
        let varnames: Vec<Value> = func.code.varnames.clone();
        let mut extra_pos: Vec<Value> = vec![];
        if n > argcount {
            if has_varargs {
                extra_pos = args[argcount..].to_vec();
            } else {
                let given_kw_only = kwargs
                    .iter()
                    .filter(|(k, _)| {
                        varnames[argcount..argcount + kwonly]
                            .iter()
                            .any(|v| self.str_eq(*v, *k))
                    })
                    .count();
                let min = argcount.saturating_sub(defaults.len());
                let takes = if defaults.is_empty() {
                    format!(
                        "{argcount} positional argument{}",
                        if argcount == 1 { "" } else { "s" }
                    )
                } else {
                    format!("from {min} to {argcount} positional arguments")
                };
                let given = if given_kw_only > 0 {
                    format!(
                        "{n} positional argument{} (and {given_kw_only} keyword-only argument{})",
                        if n == 1 { "" } else { "s" },
                        if given_kw_only == 1 { "" } else { "s" }
                    )
                } else {
                    format!("{n}")
                };
                let verb = if n == 1 && given_kw_only == 0 {
                    "was"
                } else {
                    "were"
                };
                let qualname = self.str_of(qualname_v).to_string();
                return Err(self.new_type_error(format!(
                    "{qualname}() takes {takes} but {given} {verb} given"
                )));
            }
        }
        let mut varkw: Option<ObjRef> = None;
        if has_varkw {
            varkw = Some(self.new_dict());
        }
        let mut posonly_as_kw: Vec<String> = vec![];
        for &(k, v) in kwargs {
            let idx = varnames[..argcount + kwonly]
                .iter()
                .position(|vn| self.str_eq(*vn, k));
            match idx {
                Some(i) if i >= posonly => {
                    if !locals[i].is_undef() {
                        let kn = self.str_of(k).to_string();
                        let qualname = self.str_of(qualname_v).to_string();
                        return Err(self.new_type_error(format!(
                            "{qualname}() got multiple values for argument '{kn}'"
                        )));
                    }
                    locals[i] = v;
                }
                _ => match varkw {
                    Some(d) => self.dict_set(d, k, v)?,
                    None => {
                        let kn = self.str_of(k).to_string();
                        if idx.is_some() {
                            posonly_as_kw.push(kn);
                            continue;
                        }
                        let qualname = self.str_of(qualname_v).to_string();
                        return Err(self.new_type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{kn}'"
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let qualname = self.str_of(qualname_v).to_string();
            return Err(self.new_type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        // Counted from the end: a `__defaults__` longer than the parameters gives
        // its last ones, as CPython.
        let first_default = argcount.saturating_sub(defaults.len());
        let mut missing: Vec<String> = vec![];
        for i in 0..argcount {
            if locals[i].is_undef() {
                if i >= first_default {
                    locals[i] = defaults[defaults.len() - (argcount - i)];
                } else {
                    missing.push(format!("'{}'", self.str_of(varnames[i])));
                }
            }
        }
        if !missing.is_empty() {
            let qualname = self.str_of(qualname_v).to_string();
            return Err(self.new_type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        for i in argcount..argcount + kwonly {
            if locals[i].is_undef() {
                let d = match kwdefaults {
                    Some(kd) => self.dict_get(kd, varnames[i])?,
                    None => None,
                };
                match d {
                    Some(v) => locals[i] = v,
                    None => missing.push(format!("'{}'", self.str_of(varnames[i]))),
                }
            }
        }
        if !missing.is_empty() {
            let qualname = self.str_of(qualname_v).to_string();
            return Err(self.new_type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let mut slot = argcount + kwonly;
        if has_varargs {
            locals[slot] = self.new_tuple(extra_pos);
            slot += 1;
        }
        if let Some(d) = varkw {
            locals[slot] = Value::Obj(d);
        }
        Ok(locals)
    }

    /// MAKE_FUNCTION: build a function from the code object and its extras.
    pub(crate) fn make_function_op(&mut self, flags_: u32, fi: usize) -> PyResult<Value> {
        let code_v = self.pop();
        let closure = if flags_ & 8 != 0 {
            let t = self.pop();
            self.tuple_items(t)
        } else {
            vec![]
        };
        let annotations = if flags_ & 4 != 0 {
            self.pop().obj()
        } else {
            None
        };
        let kwdefaults = if flags_ & 2 != 0 {
            self.pop().obj()
        } else {
            None
        };
        let defaults = if flags_ & 1 != 0 {
            let t = self.pop();
            self.tuple_items(t)
        } else {
            vec![]
        };
        let Kind::Code(code) = self.heap.kind(code_v.obj().expect("code")) else {
            unreachable!("MAKE_FUNCTION needs a code object")
        };
        let code = code.clone();
        let globals = self.frames[fi].globals;
        let (name, qualname) = code.fn_names;
        let doc = match &code.code.doc {
            Some(d) => self.new_str(d.to_string()),
            None => Value::None,
        };
        let module = self.function_module(globals);
        let f = Function {
            code,
            globals,
            name,
            qualname,
            defaults,
            kwdefaults,
            closure,
            annotations,
            module,
            doc,
            code_obj: Value::Undef,
        };
        let cls = self.types.function;
        Ok(Value::Obj(
            self.heap.alloc(cls, Kind::Function(Box::new(f))),
        ))
    }
}

impl Vm {
    /// `globals['__name__']`, a new function's `__module__` (None when missing), by
    /// the entry position remembered for the last globals layout seen (a stamp names
    /// one layout of a dict's keys): functions made in a loop (comprehensions,
    /// generator expressions, lambdas) skip the lookup. By str equality: the
    /// interned key, no Python `__eq__` to run.
    fn function_module(&mut self, globals: ObjRef) -> Value {
        let (stamp, i) = self.module_name_at;
        let v = self.stamped_value(globals, stamp, i);
        if !v.is_undef() {
            return v;
        }
        let key = self.names.__name__;
        let Some(i) = self.dict_find_str(globals, key) else {
            return Value::None;
        };
        self.module_name_at = (self.dict_stamp(globals), i as u32);
        self.dict_entry(globals, i as u32)
            .map_or(Value::None, |(_, v)| v)
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: parameter names in argument errors.
pub(crate) fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!(
            "{}, and {}",
            names[..names.len() - 1].join(", "),
            names[names.len() - 1]
        ),
    }
}

//! Frame and traceback objects: `sys._getframe()`, `exc.__traceback__`,
//! `sys.exc_info()[2]`, `exc.with_traceback(tb)`, and `code.co_positions()`.
//!
//! A frame object stands for a running frame: one per frame (`sys._getframe()` twice
//! gives the same object), made when first asked for. While its frame runs, its line,
//! instruction index and locals are the frame's current ones (a function frame's
//! `f_locals` is one dict, refreshed from the variables at each read, as CPython
//! 3.11's); once the frame has finished they stay as last read. A traceback object is made from
//! the entries an exception collected while unwinding, when `__traceback__` is read;
//! its frames have no locals of their own once a function frame has returned (their
//! `f_locals` is then an empty dict), the rest is as CPython.

use crate::args::{Arity, KwSpec};
use crate::object::opaque::OpaqueObject;
use crate::object::{CodeData, Kind, ObjRef, Value};
use crate::{PyResult, Vm};
use std::any::Any;
use std::rc::Rc;

type Kw<'a> = &'a [(Value, Value)];

/// The payload of a frame object.
#[derive(Clone, Debug)]
pub struct FrameObj {
    pub code: Rc<CodeData>,
    pub globals: ObjRef,
    /// The locals mapping (a snapshot dict for function frames), or None before
    /// asked for (frames of tracebacks whose function returned: an empty dict).
    pub locals: Value,
    pub lineno: u32,
    /// Index of the instruction running (CPython's `f_lasti` is twice this).
    pub pc: u32,
    pub back: Value,
    /// Where its frame was in `Vm::frames` when made (checked before use).
    pub fi: usize,
    /// A finished function frame's variables (from its traceback entry), from which
    /// `f_locals` is made when asked for.
    pub fast: Option<Rc<[Value]>>,
}

impl OpaqueObject for FrameObj {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(Value::Obj(self.globals));
        f(self.locals);
        f(self.back);
        if let Some(fast) = &self.fast {
            fast.iter().for_each(|v| f(*v));
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// The payload of a traceback object.
#[derive(Clone, Debug)]
pub struct TbObj {
    pub frame: Value,
    pub lineno: u32,
    pub pc: u32,
    pub next: Value,
}

impl OpaqueObject for TbObj {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.frame);
        f(self.next);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn frame_of(vm: &Vm, v: Value) -> Option<FrameObj> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Opaque(o) => o.as_any().downcast_ref::<FrameObj>().cloned(),
            _ => None,
        },
        _ => None,
    }
}

fn tb_of(vm: &Vm, v: Value) -> Option<TbObj> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Opaque(o) => o.as_any().downcast_ref::<TbObj>().cloned(),
            _ => None,
        },
        _ => None,
    }
}

/// The frame object of the running frame `fi` (made with those of its callers, its
/// `f_back` chain, if they have none yet).
pub fn frame_object(vm: &mut Vm, fi: usize) -> PyResult<Value> {
    let mut back = Value::None;
    for i in 0..=fi {
        let existing = vm.frames[i].obj;
        if !existing.is_undef() {
            back = existing;
            continue;
        }
        let f = vm.frames[i].clone();
        let obj = FrameObj {
            code: f.code.clone(),
            globals: f.globals,
            locals: Value::None,
            lineno: f.line(),
            pc: f.ip.saturating_sub(1),
            back,
            fi: i,
            fast: None,
        };
        let cls = vm.types.frame;
        back = Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(obj))));
        vm.frames[i].obj = back;
    }
    Ok(back)
}

/// Where the frame of frame object `v` runs now, if it does.
fn running_index(vm: &Vm, v: Value, hint: usize) -> Option<usize> {
    let r = v.obj()?;
    let is = |f: &crate::Frame| f.obj.obj() == Some(r);
    if vm.frames.get(hint).is_some_and(is) {
        return Some(hint);
    }
    vm.frames.iter().rposition(is)
}

/// The frame object's payload, brought up to date if its frame still runs (line,
/// instruction; the locals too when `locals`).
fn refreshed(vm: &mut Vm, v: Value, locals: bool) -> PyResult<FrameObj> {
    let Some(mut f) = frame_of(vm, v) else {
        return Err(vm.new_type_error("descriptor requires a 'frame' object".into()));
    };
    if let Some(i) = running_index(vm, v, f.fi) {
        let fr = &vm.frames[i];
        f.lineno = fr.line();
        f.pc = fr.ip.saturating_sub(1);
        f.fi = i;
        if locals {
            let now = crate::builtins::frame_locals(vm, i)?;
            let is_snapshot = fr_is_function(&f);
            f.locals = match (f.locals, is_snapshot) {
                // Refresh the frame's one dict in place, as CPython's PyFrame_FastToLocals.
                (Value::Obj(d), true) if now.obj() != Some(d) => {
                    vm.temp_roots.push(now);
                    let r = refill(vm, d, now);
                    vm.temp_roots.pop();
                    r?;
                    Value::Obj(d)
                }
                _ => now,
            };
        }
        if let Value::Obj(r) = v {
            if let Kind::Opaque(o) = vm.heap.kind_mut(r) {
                if let Some(p) = o.as_any_mut().downcast_mut::<FrameObj>() {
                    *p = f.clone();
                }
            }
        }
    } else if locals && f.locals.is_none() {
        let d = vm.new_dict();
        if let Some(fast) = f.fast.clone() {
            let c = f.code.clone();
            for (i, name) in c.varnames.iter().enumerate() {
                match fast.get(i) {
                    Some(v) if !v.is_undef() => vm.dict_set(d, *name, *v)?,
                    _ => {}
                }
            }
            let nv = c.varnames.len();
            for i in 0..c.code.cellvars.len() + c.code.freevars.len() {
                let Some(cell) = fast.get(nv + i) else { break };
                let v = vm.cell_get(*cell);
                if !v.is_undef() {
                    let k = vm.intern(c.code.cell_name(i));
                    vm.dict_set(d, k, v)?;
                }
            }
        }
        f.locals = Value::Obj(d);
        if let Value::Obj(r) = v {
            if let Kind::Opaque(o) = vm.heap.kind_mut(r) {
                if let Some(p) = o.as_any_mut().downcast_mut::<FrameObj>() {
                    p.locals = f.locals;
                }
            }
        }
    }
    Ok(f)
}

fn fr_is_function(f: &FrameObj) -> bool {
    f.code.code.flags & revpy_compiler::code::flags::NAME_LOCALS == 0
        && f.code.code.name.as_ref() != "<module>"
}

/// Make dict `d` hold exactly the items of dict `src`.
fn refill(vm: &mut Vm, d: ObjRef, src: Value) -> PyResult<()> {
    let Some(s) = src.obj() else { return Ok(()) };
    let items = vm.dict_items(s);
    let old: Vec<Value> = vm.dict_items(d).into_iter().map(|(k, _)| k).collect();
    for k in old {
        vm.dict_del(d, k)?;
    }
    for (k, v) in items {
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

/// `exc.__traceback__`: a chain of traceback objects, outermost frame first, made
/// from the entries the exception collected (None if it has none).
pub fn traceback_of(vm: &mut Vm, exc: ObjRef) -> Value {
    let (entries, cached, cached_n) = match vm.heap.kind(exc) {
        Kind::Exception(e) => (e.traceback.clone(), e.tb_obj, e.tb_cached as usize),
        _ => return Value::None,
    };
    // The objects made before are kept (CPython's traceback is one chain that grows
    // outwards as the exception leaves frames): only the frames left since are new.
    let reuse = !cached.is_undef() && cached_n <= entries.len();
    if reuse && cached_n == entries.len() {
        return cached;
    }
    let mut next = if reuse { cached } else { Value::None };
    let from = if reuse { cached_n } else { 0 };
    // Entries are innermost first: build the chain from the inside out.
    for t in entries[from..].iter() {
        let line = t.code.code.traceback_line(t.pc as usize);
        vm.temp_roots.push(next);
        let f = if let Some(fo) = frame_of(vm, t.frame) {
            // The frame had a frame object: once the frame has finished, its line
            // and locals are those it had when the exception left it.
            if running_index(vm, t.frame, fo.fi).is_none() {
                if let Some(Kind::Opaque(o)) = t.frame.obj().map(|r| vm.heap.kind_mut(r)) {
                    if let Some(p) = o.as_any_mut().downcast_mut::<FrameObj>() {
                        p.lineno = line;
                        p.pc = t.pc;
                        if p.fast.is_none() && t.fast.is_some() {
                            p.fast = t.fast.clone();
                            p.locals = Value::None;
                        }
                    }
                }
            }
            t.frame
        } else {
            let fobj = FrameObj {
                code: t.code.clone(),
                globals: t.globals.obj().unwrap_or(vm.builtins),
                // A module or class body's locals are its namespace.
                locals: if t.ns.is_none() { Value::None } else { t.ns },
                lineno: line,
                pc: t.pc,
                back: Value::None,
                fi: usize::MAX,
                fast: t.fast.clone(),
            };
            let fcls = vm.types.frame;
            Value::Obj(vm.heap.alloc(fcls, Kind::Opaque(Box::new(fobj))))
        };
        vm.temp_roots.push(f);
        let tb = TbObj {
            frame: f,
            lineno: line,
            pc: t.pc,
            next,
        };
        let tcls = vm.types.traceback;
        next = Value::Obj(vm.heap.alloc(tcls, Kind::Opaque(Box::new(tb))));
        vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    }
    if let Kind::Exception(e) = vm.heap.kind_mut(exc) {
        e.tb_obj = next;
        e.tb_cached = entries.len() as u32;
    }
    next
}

/// The traceback entries (innermost first) a chain of traceback objects stands for;
/// None if `tb` is not a traceback (or None).
pub fn entries_of(vm: &Vm, tb: Value) -> Option<Vec<crate::object::TbEntry>> {
    if tb.is_none() {
        return Some(vec![]);
    }
    let mut out = vec![];
    let mut cur = tb;
    while !cur.is_none() {
        let t = tb_of(vm, cur)?;
        let f = frame_of(vm, t.frame)?;
        let ns = if fr_is_function(&f) {
            Value::None
        } else {
            f.locals
        };
        out.push(crate::object::TbEntry {
            code: f.code.clone(),
            pc: t.pc,
            globals: Value::Obj(f.globals),
            ns,
            fast: f.fast.clone(),
            frame: t.frame,
        });
        cur = t.next;
    }
    out.reverse();
    Some(out)
}

/// `exc.__traceback__ = tb` and `with_traceback(tb)`.
pub fn set_traceback(vm: &mut Vm, exc: ObjRef, tb: Value) -> PyResult<()> {
    let Some(entries) = entries_of(vm, tb) else {
        return Err(vm.new_type_error("__traceback__ must be a traceback or None".into()));
    };
    if let Kind::Exception(e) = vm.heap.kind_mut(exc) {
        e.tb_cached = entries.len() as u32;
        e.traceback = entries;
        e.tb_obj = if tb.is_none() { Value::Undef } else { tb };
    }
    Ok(())
}

fn self_frame(vm: &mut Vm, v: Value) -> PyResult<FrameObj> {
    refreshed(vm, v, false)
}

fn self_tb(vm: &mut Vm, v: Value) -> PyResult<TbObj> {
    match tb_of(vm, v) {
        Some(t) => Ok(t),
        None => Err(vm.new_type_error("descriptor requires a 'traceback' object".into())),
    }
}

fn f_code(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = self_frame(vm, args[0])?;
    Ok(crate::builtins::code_object(vm, f.code))
}
fn f_globals(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Obj(self_frame(vm, args[0])?.globals))
}
fn f_locals(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(refreshed(vm, args[0], true)?.locals)
}
fn f_builtins(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    self_frame(vm, args[0])?;
    Ok(Value::Obj(vm.builtins))
}
fn f_lineno(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(self_frame(vm, args[0])?.lineno as i64))
}
fn f_lasti(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let pc = self_frame(vm, args[0])?.pc;
    // A generator not started yet has run no instruction.
    Ok(Value::Int(if pc == u32::MAX { -1 } else { 2 * pc as i64 }))
}
fn f_back(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(self_frame(vm, args[0])?.back)
}
fn f_trace(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    self_frame(vm, args[0])?;
    Ok(Value::None)
}
fn frame_clear(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    self_frame(vm, args[0])?;
    Ok(Value::None)
}
fn frame_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = self_frame(vm, args[0])?;
    let id = vm.id_of(args[0]);
    let s = format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        id, f.code.code.filename, f.lineno, f.code.code.name
    );
    Ok(vm.new_str(s))
}

fn tb_frame(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(self_tb(vm, args[0])?.frame)
}
fn tb_lineno(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(self_tb(vm, args[0])?.lineno as i64))
}
fn tb_lasti(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(2 * self_tb(vm, args[0])?.pc as i64))
}
fn tb_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(self_tb(vm, args[0])?.next)
}

/// `code.co_positions()`: (line, end line, column, end column) of each instruction
/// (revpy's instructions are one unit each: `tb_lasti // 2` indexes them).
fn co_positions(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let code = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Code(c) => c.clone(),
            _ => return Err(vm.new_type_error("descriptor requires a 'code' object".into())),
        },
        _ => return Err(vm.new_type_error("descriptor requires a 'code' object".into())),
    };
    let mut items = vec![];
    let positions: Vec<_> = code.code.positions().collect();
    for pc in 0..code.code.instrs.len() {
        let t = match positions.get(pc).copied().flatten() {
            Some(p) => {
                let v = |x: u32| Value::Int(x as i64);
                vm.new_tuple(vec![v(p.line), v(p.end_line), v(p.col), v(p.end_col)])
            }
            None => {
                let line = Value::Int(code.code.line_of(pc) as i64);
                vm.new_tuple(vec![line, line, Value::None, Value::None])
            }
        };
        vm.temp_roots.push(t);
        // CPython's instructions are 2 bytes, positions are per code unit.
        items.push(t);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - items.len());
    let l = vm.new_list(items);
    vm.get_iter(l)
}

/// `code.replace(**changes)`: a copy with other names, file or first line. The
/// fields that hold the compiled program (`co_code`, `co_consts`, `co_names`, the
/// variable names, counts and flags) cannot be changed in revpy: NotImplementedError.
fn code_replace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let code = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Code(c) => c.clone(),
            _ => return Err(vm.new_type_error("descriptor requires a 'code' object".into())),
        },
        _ => return Err(vm.new_type_error("descriptor requires a 'code' object".into())),
    };
    const SPEC: KwSpec<18> = KwSpec::new(
        "replace",
        [
            "co_argcount",
            "co_posonlyargcount",
            "co_kwonlyargcount",
            "co_nlocals",
            "co_stacksize",
            "co_flags",
            "co_firstlineno",
            "co_code",
            "co_consts",
            "co_names",
            "co_varnames",
            "co_freevars",
            "co_cellvars",
            "co_filename",
            "co_name",
            "co_qualname",
            "co_linetable",
            "co_exceptiontable",
        ],
    )
    .positional(0);
    let given = SPEC.parse(vm, &args[1..], kw)?;
    let mut new = (*code.code).clone();
    for (key, v) in SPEC.names.iter().zip(given) {
        let Some(v) = v else { continue };
        let v = &v;
        let text = |vm: &mut Vm, v: Value| -> PyResult<Rc<str>> {
            match vm.as_str(v) {
                Some(s) => Ok(Rc::from(s)),
                None => {
                    let t = vm.type_name(v);
                    Err(vm
                        .new_type_error(format!("replace() argument '{key}' must be str, not {t}")))
                }
            }
        };
        match *key {
            "co_name" => new.name = text(vm, *v)?,
            "co_qualname" => new.qualname = text(vm, *v)?,
            "co_filename" => new.filename = text(vm, *v)?,
            "co_firstlineno" => {
                let n = vm.expect_int(*v, "")?;
                new.first_line = u32::try_from(n).map_err(|_| {
                    vm.new_overflow_error("Python int too large to convert to C int")
                })?;
            }
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
            | "co_stacksize" | "co_flags" | "co_code" | "co_consts" | "co_names"
            | "co_varnames" | "co_freevars" | "co_cellvars" | "co_linetable"
            | "co_exceptiontable" => {
                return Err(vm.new_error(
                    vm.types.not_implemented_error,
                    format!("revpy cannot change {key} of a code object"),
                ))
            }
            _ => unreachable!("SPEC has no other names"),
        }
    }
    let data = vm.load_code(&Rc::new(new));
    Ok(crate::builtins::code_object(vm, data))
}

/// `gen.gi_frame`: the generator's frame (None once it finished).
pub fn generator_frame(vm: &mut Vm, g: ObjRef) -> PyResult<Value> {
    let (frame, saved, started, finished) = match vm.heap.kind(g) {
        Kind::Generator(d) => (d.frame.clone(), d.saved.clone(), d.started, d.finished),
        _ => return Ok(Value::None),
    };
    if finished {
        return Ok(Value::None);
    }
    if let Some(fi) = vm.frames.iter().rposition(|f| f.gen == Some(g)) {
        return frame_object(vm, fi);
    }
    let Some(f) = frame else {
        return Ok(Value::None);
    };
    let n = f.code.code.varnames.len() + f.code.code.cellvars.len() + f.code.code.freevars.len();
    let obj = FrameObj {
        code: f.code.clone(),
        globals: f.globals,
        locals: Value::None,
        lineno: if started {
            f.line()
        } else {
            f.code.code.first_line
        },
        pc: if started {
            f.ip.saturating_sub(1)
        } else {
            u32::MAX
        },
        back: Value::None,
        fi: usize::MAX,
        fast: saved.get(..n).map(Rc::from),
    };
    let cls = vm.types.frame;
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(obj)))))
}

/// `sys._getframe(depth=0)`.
pub fn sys_getframe(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let depth = match args.first() {
        Some(v) => vm.expect_int(*v, "")?,
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        if depth < 0 && n > 0 {
            return frame_object(vm, (n - 1) as usize);
        }
        return Err(vm.new_value_error("call stack is not deep enough".into()));
    }
    frame_object(vm, (n - 1 - depth) as usize)
}

pub fn register(vm: &mut Vm) {
    let fr = vm.types.frame;
    let getters: &[(&'static str, crate::object::NativeFn)] = &[
        ("f_code", f_code),
        ("f_globals", f_globals),
        ("f_locals", f_locals),
        ("f_builtins", f_builtins),
        ("f_lineno", f_lineno),
        ("f_lasti", f_lasti),
        ("f_back", f_back),
        ("f_trace", f_trace),
    ];
    vm.add_getters(fr, getters);
    vm.add_method(fr, "clear", frame_clear, Arity::none());
    vm.add_method(fr, "__repr__", frame_repr, Arity::none());
    let tb = vm.types.traceback;
    let getters: &[(&'static str, crate::object::NativeFn)] = &[
        ("tb_frame", tb_frame),
        ("tb_lineno", tb_lineno),
        ("tb_lasti", tb_lasti),
        ("tb_next", tb_next),
    ];
    vm.add_getters(tb, getters);
    let code = vm.types.code;
    vm.add_method(code, "co_positions", co_positions, Arity::none());
    vm.add_method(code, "replace", code_replace, Arity::parsed());
}

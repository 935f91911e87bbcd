//! `_sre`: revpy's regular expression engine (a backtracking matcher written for
//! revpy), used by `re` (written in Python, `stdlib/python/re.py`), which keeps the
//! Pattern class, flags and error messages; the loops over matches and the Match
//! type are here.
//!
//! - `compile(pattern, flags)` -> `(program, groups, ((name, index), ...), flags)`,
//!   or `ValueError(message, position)` for a bad pattern (OverflowError and
//!   RecursionError as CPython for huge repeats and deep nesting);
//! - `match(program, pattern, string, pos, endpos, mode)` -> a `re.Match` or None;
//!   mode 0 = match at pos, 1 = fullmatch, 2 = search;
//! - `findall(program, string, pos, endpos)`, `finditer(program, pattern, string,
//!   pos, endpos)`, `split(program, pattern, string, maxsplit)`,
//!   `subn(program, pattern, repl, string, count, kind)` (kind 0: repl is the literal
//!   text, 1: a list of literal pieces and group numbers, 2: a callable).

mod compile;
mod exec;
mod parse;

#[cfg(test)]
mod tests;

use exec::{Bt, Exec, State, UNSET};
use revpy_vm::object::opaque::OpaqueObject;
use revpy_vm::{Arity, KwSpec};
use revpy_vm::{Kind, ObjRef, PyErr, PyResult, Value, Vm};
use std::any::Any;
use std::rc::Rc;

use revpy_vm::Kw;

/// What a Match needs to know about its pattern.
#[derive(Debug)]
struct Info {
    groups: usize,
    names: Vec<(String, usize)>,
    /// `lastgroup` by group number: the interned name (a GC root for the life
    /// of the VM), or None for an unnamed group.
    group_names: Vec<Value>,
}

#[derive(Debug, Clone)]
struct Compiled {
    prog: Rc<compile::Program>,
    info: Rc<Info>,
    is_bytes: bool,
    /// `_sre.Match` and `_sre.callable_iterator`.
    classes: (ObjRef, ObjRef),
    /// The text last matched against, decoded to characters (for non-ASCII str).
    cache: Option<(Rc<str>, Rc<Vec<char>>)>,
    /// `_sre._wide`, the `WideText` every pattern shares, so that many patterns
    /// run over one long text hold one decoded copy of it, not one each.
    wide: ObjRef,
}

/// The non-ASCII text last decoded by any pattern (kept in the heap, so whether a
/// decoding is reused, and charged to the collector, is a function of the program).
#[derive(Debug, Clone, Default)]
struct WideText(Option<(Rc<str>, Rc<Vec<char>>)>);

macro_rules! opaque {
    ($t:ty, $self_:ident, $f:ident, $trace:block) => {
        opaque!($t, $self_, $f, $trace, 0);
    };
    // `$gc`: the bytes the collector counts for it (`OpaqueObject::gc_bytes`).
    ($t:ty, $self_:ident, $f:ident, $trace:block, $gc:expr) => {
        impl OpaqueObject for $t {
            fn gc_bytes(&$self_) -> usize {
                $gc
            }
            fn clone_box(&self) -> Box<dyn OpaqueObject> {
                Box::new(self.clone())
            }
            fn trace(&$self_, $f: &mut dyn FnMut(Value)) $trace
            fn as_any(&self) -> &dyn Any {
                self
            }
            fn as_any_mut(&mut self) -> &mut dyn Any {
                self
            }
        }
    };
}

opaque!(WideText, self, f, {
    let _ = f;
});

opaque!(Compiled, self, f, {
    f(Value::Obj(self.classes.0));
    f(Value::Obj(self.classes.1));
    f(Value::Obj(self.wide));
});

/// The text being matched, shared without copying where possible.
#[derive(Debug, Clone)]
enum Subject {
    /// An ASCII str: matched as bytes, positions are byte offsets.
    Ascii(Rc<str>),
    /// A str with non-ASCII characters, and its characters.
    Wide(Rc<str>, Rc<Vec<char>>),
    /// bytes, bytearray.
    Bytes(Rc<Vec<u8>>),
}

impl Subject {
    fn len(&self) -> usize {
        match self {
            Subject::Ascii(s) => s.len(),
            Subject::Wide(_, c) => c.len(),
            Subject::Bytes(b) => b.len(),
        }
    }

    fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_))
    }

    /// `string[a:b]` as a new str or bytes.
    fn slice(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        match self {
            Subject::Ascii(s) => {
                if b == a + 1 {
                    return vm.char_str(s.as_bytes()[a] as char);
                }
                vm.new_str(s[a..b].to_string())
            }
            Subject::Wide(_, c) => {
                if b == a + 1 {
                    return vm.char_str(c[a]);
                }
                vm.new_str(c[a..b].iter().collect())
            }
            Subject::Bytes(v) => vm.new_bytes(v[a..b].to_vec()),
        }
    }

    fn empty(&self, vm: &mut Vm) -> Value {
        self.slice(vm, 0, 0)
    }

    /// Run a match or search: true with the spans in `st` on success.
    #[allow(clippy::too_many_arguments)]
    fn find(
        &self,
        prog: &compile::Program,
        pos: usize,
        end: usize,
        mode: i64,
        reject_empty_at: Option<usize>,
        st: &mut State,
        stack: &mut Vec<Bt>,
    ) -> bool {
        macro_rules! go {
            ($text:expr) => {
                Exec {
                    prog,
                    text: $text,
                    end,
                    reject_empty_at,
                    fullmatch: mode == 1,
                }
                .find_with(pos, mode == 2, st, stack)
            };
        }
        match self {
            Subject::Ascii(s) => go!(s.as_bytes()),
            Subject::Wide(_, c) => go!(&c[..]),
            Subject::Bytes(b) => go!(&b[..]),
        }
    }
}

/// Appends pieces of the subject (by character positions) to an output string.
struct Out {
    s: String,
    b: Vec<u8>,
    /// For `Subject::Wide`: a character position and its byte offset.
    cursor: (usize, usize),
}

impl Out {
    fn new() -> Out {
        Out {
            s: String::new(),
            b: Vec::new(),
            cursor: (0, 0),
        }
    }

    fn byte_of(&mut self, text: &str, ci: usize) -> usize {
        let (mut c, mut b) = self.cursor;
        if ci < c {
            c = 0;
            b = 0;
        }
        let bytes = text.as_bytes();
        while c < ci {
            let x = bytes[b];
            b += if x < 0x80 {
                1
            } else if x < 0xE0 {
                2
            } else if x < 0xF0 {
                3
            } else {
                4
            };
            c += 1;
        }
        self.cursor = (c, b);
        b
    }

    fn push_span(&mut self, subj: &Subject, a: usize, b: usize) {
        if a >= b {
            return;
        }
        match subj {
            Subject::Ascii(s) => self.s.push_str(&s[a..b]),
            Subject::Wide(s, _) => {
                let x = self.byte_of(s, a);
                let y = self.byte_of(s, b);
                self.s.push_str(&s[x..y]);
            }
            Subject::Bytes(v) => self.b.extend_from_slice(&v[a..b]),
        }
    }

    /// A group's text (anywhere in the subject; the cursor stays).
    fn push_group(&mut self, subj: &Subject, a: usize, b: usize) {
        match subj {
            Subject::Wide(_, c) => self.s.extend(c[a..b].iter()),
            _ => self.push_span(subj, a, b),
        }
    }

    fn finish(self, vm: &mut Vm, bytes: bool) -> Value {
        if bytes {
            vm.new_bytes(self.b)
        } else {
            vm.new_str(self.s)
        }
    }
}

/// The native `re.Match`.
#[derive(Debug, Clone)]
struct MatchObj {
    pattern: Value,
    string: Value,
    subject: Subject,
    info: Rc<Info>,
    pos: usize,
    endpos: usize,
    /// (start, end) of every group, -1 when unset.
    /// Shared: the methods copy the match object out of the heap (`this`).
    regs: Rc<[(i64, i64)]>,
    lastindex: usize,
}

// Its box, and the groups' bounds (an allocation of their own): a program makes
// and drops them by the thousand.
opaque!(
    MatchObj,
    self,
    f,
    {
        f(self.pattern);
        f(self.string);
    },
    std::mem::size_of::<MatchObj>() + 16 + self.regs.len() * 16
);

/// The `finditer` iterator (`callable_iterator` in CPython).
#[derive(Debug, Clone)]
struct Scanner {
    match_class: ObjRef,
    prog: Rc<compile::Program>,
    info: Rc<Info>,
    pattern: Value,
    string: Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    /// The last match was empty: the next may not be empty at `pos`.
    must_advance: bool,
    done: bool,
    /// The matcher's state and backtracking stack, reused from match to match.
    scratch: Scratch,
}

/// Scratch space of a scanner: not part of its value (a copy starts empty).
#[derive(Default)]
struct Scratch(Option<(State, Vec<Bt>)>);

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

impl Clone for Scratch {
    fn clone(&self) -> Scratch {
        Scratch(None)
    }
}

impl OpaqueObject for Scanner {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(Value::Obj(self.match_class));
        f(self.pattern);
        f(self.string);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    /// `for m in p.finditer(s)` steps the scanner directly (no `__next__` lookup).
    fn protocols(&self) -> &'static revpy_vm::object::opaque::Protocols {
        &SCANNER_PROTOCOLS
    }
}

static SCANNER_PROTOCOLS: revpy_vm::object::opaque::Protocols =
    revpy_vm::object::opaque::Protocols {
        iter: Some(|_, me| Ok(me)),
        next: Some(scanner_step),
        ..revpy_vm::object::opaque::Protocols::NONE
    };

fn text_of(vm: &mut Vm, v: Value) -> Option<(Vec<char>, bool)> {
    if let Some(s) = vm.as_str(v) {
        return Some((s.chars().collect(), false));
    }
    vm.bytes_of(v)
        .map(|b| (b.into_iter().map(|x| x as char).collect(), true))
}

fn re_compile(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("compile", args, 2, 2)?;
    let Some((pat, is_bytes)) = text_of(vm, args[0]) else {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!(
            "first argument must be string or compiled pattern, not {t}"
        )));
    };
    let flags = vm.expect_int(args[1], "flags")? as u32;
    let parsed = match parse::parse(&pat, flags, is_bytes) {
        Ok(p) => p,
        Err(e) => {
            match e.kind {
                parse::ErrKind::Overflow => return Err(vm.new_overflow_error(&e.msg)),
                parse::ErrKind::Recursion => {
                    let cls = vm.types.recursion_error;
                    return Err(vm.new_error(cls, e.msg));
                }
                parse::ErrKind::Re => {}
            }
            let pos = if e.pos == usize::MAX {
                -1
            } else {
                e.pos as i64
            };
            return Err(pattern_error(vm, e.msg, pos));
        }
    };
    let prog = match compile::compile(&parsed.node, parsed.groups, is_bytes) {
        Ok(p) => p,
        Err(m) => return Err(pattern_error(vm, m, -1)),
    };
    let classes = (sre_class(vm, "Match")?, sre_class(vm, "callable_iterator")?);
    let wide = sre_class(vm, "_wide")?;
    let cls = vm.types.object;
    let mut group_names = vec![Value::None; parsed.groups + 1];
    for (n, g) in &parsed.names {
        if let Some(slot) = group_names.get_mut(*g) {
            *slot = vm.intern(n);
        }
    }
    let info = Rc::new(Info {
        groups: parsed.groups,
        names: parsed.names.clone(),
        group_names,
    });
    let obj = vm.heap.alloc(
        cls,
        Kind::Opaque(Box::new(Compiled {
            prog: Rc::new(prog),
            info,
            is_bytes,
            classes,
            cache: None,
            wide,
        })),
    );
    let mut names = vec![];
    for (n, g) in parsed.names {
        let nv = vm.new_str(n);
        names.push(vm.new_tuple(vec![nv, Value::Int(g as i64)]));
    }
    let names = vm.new_tuple(names);
    Ok(vm.new_tuple(vec![
        Value::Obj(obj),
        Value::Int(parsed.groups as i64),
        names,
        Value::Int(parsed.flags as i64),
    ]))
}

fn pattern_error(vm: &mut Vm, msg: String, pos: i64) -> PyErr {
    let m = vm.new_str(msg);
    let p = if pos < 0 {
        Value::None
    } else {
        Value::Int(pos)
    };
    let cls = vm.types.value_error;
    vm.new_exception(cls, vec![m, p])
}

/// The compiled program behind `v`.
type Prog = (
    ObjRef,
    Rc<compile::Program>,
    Rc<Info>,
    bool,
    (ObjRef, ObjRef),
);

fn compiled(vm: &mut Vm, v: Value) -> PyResult<Prog> {
    if let Some(r) = v.obj() {
        if let Kind::Opaque(o) = vm.heap.kind(r) {
            if let Some(c) = o.as_any().downcast_ref::<Compiled>() {
                return Ok((r, c.prog.clone(), c.info.clone(), c.is_bytes, c.classes));
            }
        }
    }
    Err(vm.new_type_error("expected a compiled regular expression program".into()))
}

/// The text of `v` to match with a pattern (str or bytes, as the pattern is).
fn subject_of(vm: &mut Vm, pr: ObjRef, is_bytes: bool, v: Value) -> PyResult<Subject> {
    let text: Option<(Rc<str>, bool)> = match v.obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Str(s)) => Some((s.s.to_rc(), s.char_len as usize == s.s.len())),
        _ => None,
    };
    if let Some((t, ascii)) = text {
        if is_bytes {
            return Err(
                vm.new_type_error("cannot use a bytes pattern on a string-like object".into())
            );
        }
        if ascii {
            return Ok(Subject::Ascii(t));
        }
        if let Kind::Opaque(o) = vm.heap.kind(pr) {
            if let Some(c) = o.as_any().downcast_ref::<Compiled>() {
                if let Some((k, chars)) = &c.cache {
                    if Rc::ptr_eq(k, &t) {
                        return Ok(Subject::Wide(t, chars.clone()));
                    }
                }
            }
        }
        let wide = match vm.heap.kind(pr) {
            Kind::Opaque(o) => o.as_any().downcast_ref::<Compiled>().map(|c| c.wide),
            _ => None,
        };
        let shared = wide.and_then(|w| match vm.heap.kind(w) {
            Kind::Opaque(o) => match o.as_any().downcast_ref::<WideText>() {
                Some(WideText(Some((k, chars)))) if Rc::ptr_eq(k, &t) => Some(chars.clone()),
                _ => None,
            },
            _ => None,
        });
        let chars = match shared {
            Some(c) => c,
            None => {
                let chars = Rc::new(t.chars().collect::<Vec<char>>());
                vm.heap.charge(4 * chars.len() as u64);
                if let Some(w) = wide {
                    if let Kind::Opaque(o) = vm.heap.kind_mut(w) {
                        if let Some(x) = o.as_any_mut().downcast_mut::<WideText>() {
                            x.0 = Some((t.clone(), chars.clone()));
                        }
                    }
                }
                chars
            }
        };
        if let Kind::Opaque(o) = vm.heap.kind_mut(pr) {
            if let Some(c) = o.as_any_mut().downcast_mut::<Compiled>() {
                c.cache = Some((t.clone(), chars.clone()));
            }
        }
        return Ok(Subject::Wide(t, chars));
    }
    match vm.bytes_of(v) {
        Some(b) => {
            if !is_bytes {
                return Err(
                    vm.new_type_error("cannot use a string pattern on a bytes-like object".into())
                );
            }
            // The copy lives as long as the match objects holding it: count it, so
            // the collector runs as often as for a bytes object of that size.
            vm.heap.charge(b.len() as u64);
            Ok(Subject::Bytes(Rc::new(b)))
        }
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("expected string or bytes-like object, got '{t}'")))
        }
    }
}

/// `pos`/`endpos` clamped to the text, as sre does.
fn bounds(vm: &mut Vm, pos: Value, endpos: Value, n: usize) -> PyResult<(usize, usize)> {
    let n = n as i64;
    let p = vm.expect_int(pos, "pos")?.clamp(0, n) as usize;
    let e = if endpos.is_none() {
        n as usize
    } else {
        vm.expect_int(endpos, "endpos")?.clamp(0, n) as usize
    };
    Ok((p, e))
}

fn regs_of(st: &State, groups: usize) -> Rc<[(i64, i64)]> {
    (0..=groups)
        .map(|g| {
            let (s, e) = (st.slots[2 * g], st.slots[2 * g + 1]);
            if s == UNSET || e == UNSET {
                (-1, -1)
            } else {
                (s as i64, e as i64)
            }
        })
        .collect()
}

/// A class of this module (looked up when a pattern is compiled).
fn sre_class(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let mk = vm.intern("_sre");
    let module = vm.dict_get_str(vm.modules, mk);
    if let Some(Value::Obj(m)) = module {
        let d = vm.module_dict(m);
        let k = vm.intern(name);
        if let Some(Value::Obj(c)) = vm.dict_get_str(d, k) {
            return Ok(c);
        }
    }
    Err(vm.new_type_error(format!("_sre.{name} is missing")))
}

#[allow(clippy::too_many_arguments)]
fn new_match(
    vm: &mut Vm,
    cls: ObjRef,
    pattern: Value,
    string: Value,
    subject: &Subject,
    info: &Rc<Info>,
    pos: usize,
    endpos: usize,
    st: &State,
) -> Value {
    let m = MatchObj {
        pattern,
        string,
        subject: subject.clone(),
        info: info.clone(),
        pos,
        endpos,
        regs: regs_of(st, info.groups),
        lastindex: st.lastindex,
    };
    Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(m))))
}

/// `_sre.match(program, pattern, string, pos, endpos, mode)`.
fn re_match(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("match", args, 6, 6)?;
    let (pr, prog, info, is_bytes, classes) = compiled(vm, args[0])?;
    let subject = subject_of(vm, pr, is_bytes, args[2])?;
    let (pos, endpos) = bounds(vm, args[3], args[4], subject.len())?;
    let mode = vm.expect_int(args[5], "mode")?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let ex_state = &mut State::new(&prog);
    let mut stack = Vec::new();
    if !subject.find(&prog, pos, endpos, mode, None, ex_state, &mut stack) {
        return Ok(Value::None);
    }
    Ok(new_match(
        vm, classes.0, args[1], args[2], &subject, &info, pos, endpos, ex_state,
    ))
}

/// The value of group `g` of a match in `st` (`empty` when it did not take part).
fn group_value(vm: &mut Vm, subject: &Subject, st: &State, g: usize, empty: Value) -> Value {
    let (s, e) = (st.slots[2 * g], st.slots[2 * g + 1]);
    if s == UNSET || e == UNSET {
        empty
    } else {
        subject.slice(vm, s, e)
    }
}

/// `_sre.findall(program, string, pos, endpos)`.
fn re_findall(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("findall", args, 4, 4)?;
    let (pr, prog, info, is_bytes, _) = compiled(vm, args[0])?;
    let subject = subject_of(vm, pr, is_bytes, args[1])?;
    let (mut pos, endpos) = bounds(vm, args[2], args[3], subject.len())?;
    let empty = subject.empty(vm);
    let mut out = vec![];
    let mut st = State::new(&prog);
    let mut stack = Vec::new();
    let mut must = false;
    while pos <= endpos {
        let reject = must.then_some(pos);
        if !subject.find(&prog, pos, endpos, 2, reject, &mut st, &mut stack) {
            break;
        }
        let v = match info.groups {
            0 => subject.slice(vm, st.slots[0], st.slots[1]),
            1 => group_value(vm, &subject, &st, 1, empty),
            n => {
                let items = (1..=n)
                    .map(|g| group_value(vm, &subject, &st, g, empty))
                    .collect();
                vm.new_tuple(items)
            }
        };
        out.push(v);
        must = st.slots[0] == st.slots[1];
        pos = st.slots[1];
    }
    Ok(vm.new_list(out))
}

/// `_sre.split(program, pattern, string, maxsplit)`.
fn re_split(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("split", args, 4, 4)?;
    let (pr, prog, info, is_bytes, _) = compiled(vm, args[0])?;
    let subject = subject_of(vm, pr, is_bytes, args[2])?;
    let maxsplit = vm.expect_int(args[3], "maxsplit")?;
    let n = subject.len();
    let mut out = vec![];
    if maxsplit < 0 {
        out.push(subject.slice(vm, 0, n));
        return Ok(vm.new_list(out));
    }
    let mut st = State::new(&prog);
    let mut stack = Vec::new();
    let (mut pos, mut last, mut count, mut must) = (0usize, 0usize, 0i64, false);
    while pos <= n && (maxsplit == 0 || count < maxsplit) {
        let reject = must.then_some(pos);
        if !subject.find(&prog, pos, n, 2, reject, &mut st, &mut stack) {
            break;
        }
        let (s, e) = (st.slots[0], st.slots[1]);
        out.push(subject.slice(vm, last, s));
        for g in 1..=info.groups {
            let v = group_value(vm, &subject, &st, g, Value::None);
            out.push(v);
        }
        last = e;
        count += 1;
        must = s == e;
        pos = e;
    }
    out.push(subject.slice(vm, last, n));
    Ok(vm.new_list(out))
}

/// `_sre.subn(program, pattern, repl, string, count, kind)` -> `(result, n)`.
fn re_subn(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("subn", args, 6, 6)?;
    let (pr, prog, info, is_bytes, classes) = compiled(vm, args[0])?;
    let (pattern, repl, string) = (args[1], args[2], args[3]);
    let subject = subject_of(vm, pr, is_bytes, string)?;
    let count = vm.expect_int(args[4], "count")?;
    let kind = vm.expect_int(args[5], "kind")?;
    let n = subject.len();
    let bytes = subject.is_bytes();
    // The template: literal text, or pieces (Ok(text) / Err(group)).
    enum Piece {
        /// Literal text, or the value to complain about when its type is wrong.
        Text(String, Vec<u8>),
        Wrong(Value),
        Group(usize),
    }
    let piece_of = |vm: &mut Vm, v: Value| -> PyResult<Piece> {
        if let Some(s) = vm.as_str(v) {
            if bytes {
                return Ok(Piece::Wrong(v));
            }
            return Ok(Piece::Text(s.to_string(), vec![]));
        }
        if let Some(b) = vm.bytes_of(v) {
            if !bytes {
                return Ok(Piece::Wrong(v));
            }
            return Ok(Piece::Text(String::new(), b));
        }
        let g = vm.expect_int(v, "group")?;
        Ok(Piece::Group(g.max(0) as usize))
    };
    let mut pieces: Vec<Piece> = vec![];
    let mut callable = false;
    match kind {
        0 => pieces.push(piece_of(vm, repl)?),
        1 => {
            let items: Vec<Value> = match repl.obj().map(|r| vm.heap.kind(r)) {
                Some(Kind::List(l)) => l.to_vec(),
                _ => vec![],
            };
            for it in items {
                pieces.push(piece_of(vm, it)?);
            }
        }
        _ => callable = true,
    }
    for p in &pieces {
        if let Piece::Group(g) = p {
            if *g > info.groups {
                return Err(vm.new_index_error("no such group"));
            }
        }
    }
    let cls = callable.then_some(classes.0);
    let mut out = Out::new();
    let mut st = State::new(&prog);
    let mut stack = Vec::new();
    let (mut pos, mut last, mut done, mut must) = (0usize, 0usize, 0i64, false);
    // Items of CPython's output list, for its error messages.
    let mut items = 0usize;
    while pos <= n && (count <= 0 || done < count) {
        let reject = must.then_some(pos);
        if !subject.find(&prog, pos, n, 2, reject, &mut st, &mut stack) {
            break;
        }
        let (s, e) = (st.slots[0], st.slots[1]);
        if last < s {
            items += 1;
        }
        out.push_span(&subject, last, s);
        if let Some(cls) = cls {
            let m = new_match(vm, cls, pattern, string, &subject, &info, 0, n, &st);
            let r = vm.call(repl, &[m], &[])?;
            if !r.is_none() {
                append_result(vm, &mut out, r, bytes, items)?;
                items += 1;
            }
        } else {
            for p in &pieces {
                match p {
                    Piece::Text(s, b) => {
                        out.s.push_str(s);
                        out.b.extend_from_slice(b);
                    }
                    Piece::Wrong(v) => {
                        append_result(vm, &mut out, *v, bytes, items)?;
                    }
                    Piece::Group(g) => {
                        let (a, b) = (st.slots[2 * g], st.slots[2 * g + 1]);
                        if a != UNSET && b != UNSET {
                            out.push_group(&subject, a, b);
                        }
                    }
                }
            }
            items += 1;
        }
        last = e;
        done += 1;
        must = s == e;
        pos = e;
    }
    out.push_span(&subject, last, n);
    let r = out.finish(vm, bytes);
    Ok(vm.new_tuple(vec![r, Value::Int(done)]))
}

/// Add what a replacement function returned (str for str patterns, bytes-like for
/// bytes ones, as `str.join` / `bytes.join` would check).
fn append_result(vm: &mut Vm, out: &mut Out, r: Value, bytes: bool, item: usize) -> PyResult<()> {
    if bytes {
        if let Some(b) = vm.bytes_of(r) {
            out.b.extend_from_slice(&b);
            return Ok(());
        }
        let t = vm.type_name(r);
        return Err(vm.new_type_error(format!(
            "sequence item {item}: expected a bytes-like object, {t} found"
        )));
    }
    if let Some(s) = vm.as_str(r) {
        let s = s.to_string();
        out.s.push_str(&s);
        return Ok(());
    }
    let t = vm.type_name(r);
    Err(vm.new_type_error(format!(
        "sequence item {item}: expected str instance, {t} found"
    )))
}

/// `_sre.finditer(program, pattern, string, pos, endpos)`.
fn re_finditer(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("finditer", args, 5, 5)?;
    let (pr, prog, info, is_bytes, classes) = compiled(vm, args[0])?;
    let subject = subject_of(vm, pr, is_bytes, args[2])?;
    let (pos, endpos) = bounds(vm, args[3], args[4], subject.len())?;
    let sc = Scanner {
        match_class: classes.0,
        prog,
        info,
        pattern: args[1],
        string: args[2],
        subject,
        pos,
        endpos,
        must_advance: false,
        done: false,
        scratch: Scratch::default(),
    };
    Ok(Value::Obj(
        vm.heap.alloc(classes.1, Kind::Opaque(Box::new(sc))),
    ))
}

fn scanner_iter(_: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}

fn scanner_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::None);
    match scanner_step(vm, me)? {
        Some(m) => Ok(m),
        None => Err(vm.new_stop_iteration(Value::None)),
    }
}

/// The next match of a `finditer` scanner, or None at the end. The scanner is
/// stepped in place: its matcher state is reused, nothing of it is copied.
fn scanner_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let sc = match me.obj().map(|r| vm.heap.kind_mut(r)) {
        Some(Kind::Opaque(o)) => o.as_any_mut().downcast_mut::<Scanner>(),
        _ => None,
    };
    let Some(sc) = sc else {
        return Err(vm.new_type_error("expected a callable_iterator".into()));
    };
    if sc.done || sc.pos > sc.endpos {
        return Ok(None);
    }
    let (mut st, mut stack) = match sc.scratch.0.take() {
        Some(x) => x,
        None => (State::new(&sc.prog), Vec::new()),
    };
    let reject = sc.must_advance.then_some(sc.pos);
    let found = sc
        .subject
        .find(&sc.prog, sc.pos, sc.endpos, 2, reject, &mut st, &mut stack);
    let (s, e) = (st.slots[0], st.slots[1]);
    let start_pos = sc.pos;
    let made = if found {
        sc.pos = e;
        sc.must_advance = s == e;
        Some(MatchObj {
            pattern: sc.pattern,
            string: sc.string,
            subject: sc.subject.clone(),
            info: sc.info.clone(),
            pos: start_pos,
            endpos: sc.endpos,
            regs: regs_of(&st, sc.info.groups),
            lastindex: st.lastindex,
        })
    } else {
        sc.done = true;
        None
    };
    let cls = sc.match_class;
    sc.scratch.0 = Some((st, stack));
    Ok(made.map(|m| Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(m))))))
}

// ---- re.Match ---------------------------------------------------------------

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<MatchObj> {
    let m = this_ref(vm, args).cloned();
    match m {
        Some(m) => Ok(m),
        None => Err(not_a_match(vm, args)),
    }
}

/// The match object `args[0]`, borrowed.
fn this_ref<'a>(vm: &'a Vm, args: &[Value]) -> Option<&'a MatchObj> {
    match args.first().and_then(|v| v.obj()).map(|r| vm.heap.kind(r)) {
        Some(Kind::Opaque(o)) => o.as_any().downcast_ref::<MatchObj>(),
        _ => None,
    }
}

fn not_a_match(vm: &mut Vm, args: &[Value]) -> PyErr {
    let t = args
        .first()
        .map(|v| vm.type_name(*v))
        .unwrap_or_else(|| "nothing".into());
    vm.new_type_error(format!(
        "descriptor requires a 're.Match' object but received a '{t}'"
    ))
}

impl MatchObj {
    /// The group number named by `g` (an int or a group name).
    fn index(&self, vm: &mut Vm, g: Value) -> PyResult<usize> {
        if let Some(name) = vm.as_str(g) {
            if let Some((_, i)) = self.info.names.iter().find(|(n, _)| n == name) {
                return Ok(*i);
            }
            return Err(vm.new_index_error("no such group"));
        }
        if let Ok(Some(i)) = vm.index_of(g) {
            if i >= 0 && i as usize <= self.info.groups {
                return Ok(i as usize);
            }
        }
        Err(vm.new_index_error("no such group"))
    }

    fn get(&self, vm: &mut Vm, i: usize, default: Value) -> Value {
        let (s, e) = self.regs[i];
        if s < 0 {
            default
        } else {
            self.subject.slice(vm, s as usize, e as usize)
        }
    }
}

fn m_group(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("group", kw)?;
    if args.len() == 1 {
        // `m.group()`: the whole match, without copying the match object.
        let span = this_ref(vm, args).map(|m| (m.subject.clone(), m.regs[0]));
        return match span {
            Some((subject, (s, e))) => Ok(subject.slice(vm, s as usize, e as usize)),
            None => Err(not_a_match(vm, args)),
        };
    }
    let m = this(vm, args)?;
    match args.len() {
        1 => Ok(m.get(vm, 0, Value::None)),
        2 => {
            let i = m.index(vm, args[1])?;
            Ok(m.get(vm, i, Value::None))
        }
        _ => {
            let mut out = vec![];
            for g in &args[1..] {
                let i = m.index(vm, *g)?;
                out.push(m.get(vm, i, Value::None));
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn m_getitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__getitem__", args, 2, 2)?;
    let m = this(vm, args)?;
    let i = m.index(vm, args[1])?;
    Ok(m.get(vm, i, Value::None))
}

/// The argument of `groups(default=None)` and `groupdict(default=None)`.
fn default_arg(vm: &mut Vm, fname: &'static str, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [default] = KwSpec::new(fname, ["default"]).parse(vm, &args[1..], kw)?;
    Ok(default.unwrap_or(Value::None))
}

fn m_groups(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let default = default_arg(vm, "groups", args, kw)?;
    let m = this(vm, args)?;
    let out = (1..=m.info.groups).map(|i| m.get(vm, i, default)).collect();
    Ok(vm.new_tuple(out))
}

fn m_groupdict(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let default = default_arg(vm, "groupdict", args, kw)?;
    let m = this(vm, args)?;
    let d = vm.new_dict();
    for (name, i) in m.info.names.iter() {
        let k = vm.new_str(name.clone());
        let v = m.get(vm, *i, default);
        vm.dict_set(d, k, v)?;
    }
    Ok(Value::Obj(d))
}

fn group_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: Kw) -> PyResult<(MatchObj, usize)> {
    vm.no_kwargs(fname, kw)?;
    if args.len() > 2 {
        return Err(vm.new_type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let m = this(vm, args)?;
    let i = match args.get(1) {
        Some(g) => m.index(vm, *g)?,
        None => 0,
    };
    Ok((m, i))
}

fn m_start(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (m, i) = group_arg(vm, "start", args, kw)?;
    Ok(Value::Int(m.regs[i].0))
}

fn m_end(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (m, i) = group_arg(vm, "end", args, kw)?;
    Ok(Value::Int(m.regs[i].1))
}

fn m_span(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (m, i) = group_arg(vm, "span", args, kw)?;
    let (s, e) = m.regs[i];
    Ok(vm.new_tuple(vec![Value::Int(s), Value::Int(e)]))
}

fn m_expand(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("expand", kw)?;
    vm.check_args("expand", args, 2, 2)?;
    let m = this(vm, args)?;
    vm.call_method(m.pattern, "_expand", &[args[0], args[1]])
}

fn m_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args)?;
    let g = m.get(vm, 0, Value::None);
    let r = vm.repr(g)?;
    let (s, e) = m.regs[0];
    Ok(vm.new_str(format!("<re.Match object; span=({s}, {e}), match={r}>")))
}

fn m_self(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args)?;
    Ok(args[0])
}

fn m_re(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(this(vm, args)?.pattern)
}

fn m_string(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(this(vm, args)?.string)
}

fn m_pos(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.pos as i64))
}

fn m_endpos(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.endpos as i64))
}

fn m_lastindex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args)?;
    Ok(if m.lastindex == 0 {
        Value::None
    } else {
        Value::Int(m.lastindex as i64)
    })
}

fn m_lastgroup(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match this_ref(vm, args) {
        Some(m) if m.lastindex != 0 => Ok(m
            .info
            .group_names
            .get(m.lastindex)
            .copied()
            .unwrap_or(Value::None)),
        Some(_) => Ok(Value::None),
        None => Err(not_a_match(vm, args)),
    }
}

fn m_regs(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args)?;
    let items = m
        .regs
        .iter()
        .map(|(s, e)| vm.new_tuple(vec![Value::Int(*s), Value::Int(*e)]))
        .collect();
    Ok(vm.new_tuple(items))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_sre");
    let d = vm.module_dict(m);
    vm.add_function(d, "compile", re_compile, Arity::exactly(2));
    vm.add_function(d, "match", re_match, Arity::exactly(6));
    vm.add_function(d, "findall", re_findall, Arity::exactly(4));
    vm.add_function(d, "finditer", re_finditer, Arity::exactly(5));
    vm.add_function(d, "split", re_split, Arity::exactly(4));
    vm.add_function(d, "subn", re_subn, Arity::exactly(6));
    vm.mark_gc_safe(d, "subn");
    let obj = vm.types.object;
    let mc = vm.new_native_class("Match", obj, "re");
    // Dispatch through the class's methods (`m[1]`), as for a class written in Python.
    if let Kind::Class(c) = vm.heap.kind_mut(mc) {
        c.is_builtin = false;
    }
    vm.add_method(mc, "group", m_group, Arity::any());
    vm.add_method(mc, "__getitem__", m_getitem, Arity::exactly(1));
    vm.add_method(mc, "groups", m_groups, Arity::parsed());
    vm.add_method(mc, "groupdict", m_groupdict, Arity::parsed());
    vm.add_method(mc, "start", m_start, Arity::any());
    vm.add_method(mc, "end", m_end, Arity::any());
    vm.add_method(mc, "span", m_span, Arity::any());
    vm.add_method(mc, "expand", m_expand, Arity::exactly(1));
    vm.add_method(mc, "__repr__", m_repr, Arity::none());
    vm.add_method(mc, "__copy__", m_self, Arity::none());
    vm.add_method(mc, "__deepcopy__", m_self, Arity::exactly(1));
    vm.add_getter(mc, "re", m_re);
    vm.add_getter(mc, "string", m_string);
    vm.add_getter(mc, "pos", m_pos);
    vm.add_getter(mc, "endpos", m_endpos);
    vm.add_getter(mc, "lastindex", m_lastindex);
    vm.add_getter(mc, "lastgroup", m_lastgroup);
    vm.add_getter(mc, "regs", m_regs);
    let k = vm.intern("Match");
    vm.dict_set(d, k, Value::Obj(mc))?;
    let ic = vm.new_native_class("callable_iterator", obj, "builtins");
    vm.add_method(ic, "__iter__", scanner_iter, Arity::none());
    vm.add_method(ic, "__next__", scanner_next, Arity::none());
    let k = vm.intern("callable_iterator");
    vm.dict_set(d, k, Value::Obj(ic))?;
    let w = vm
        .heap
        .alloc(obj, Kind::Opaque(Box::new(WideText::default())));
    let k = vm.intern("_wide");
    vm.dict_set(d, k, Value::Obj(w))?;
    Ok(m)
}

//! `bytes`, and the methods it shares with `bytearray` (which return bytearrays when
//! called on one). The mutating methods of bytearray are in `bytearray.rs`.

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

type Args<'a> = &'a [Value];
use crate::Kw;

/// ASCII whitespace as CPython's `Py_ISSPACE`.
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

impl Vm {
    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        let c = self.types.bytes;
        Value::Obj(self.heap.alloc(c, Kind::Bytes(b)))
    }
    pub fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        let c = self.types.bytearray;
        Value::Obj(self.heap.alloc(c, Kind::ByteArray(b)))
    }
    /// The bytes of a bytes-like value.
    pub fn bytes_of(&self, v: Value) -> Option<Vec<u8>> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Bytes(b) | Kind::ByteArray(b) => Some(b.clone()),
                Kind::Opaque(_) => self.memoryview_bytes(r),
                _ => None,
            },
            _ => None,
        }
    }
    /// `b % args` for bytes and bytearray.
    pub fn bytes_percent(&mut self, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
        let chars: Vec<char> = fmt.iter().map(|b| *b as char).collect();
        let s = self.percent_format_chars(&chars, args, true)?;
        Ok(s.chars().map(|c| c as u32 as u8).collect())
    }
}

/// Decode bytes with an encoding name (see `types::codecs`).
pub fn decode(vm: &mut Vm, b: &[u8], enc: Value, errors: Value) -> PyResult<Value> {
    crate::types::codecs::decode_value(vm, b, enc, errors)
}

pub(crate) fn this(vm: &mut Vm, args: Args) -> PyResult<Vec<u8>> {
    match args.first().and_then(|v| vm.bytes_of(*v)) {
        Some(b) => Ok(b),
        None => Err(vm.new_type_error("descriptor requires a 'bytes' object".into())),
    }
}

/// A bytes-like argument.
pub(crate) fn arg_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// A byte value (an int in range(256)).
pub(crate) fn arg_byte(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let x = vm.expect_int(v, "")?;
    if !(0..256).contains(&x) {
        return Err(vm.new_value_error("byte must be in range(0, 256)".into()));
    }
    Ok(x as u8)
}

/// The needle of find/count/index: bytes-like or an int.
fn arg_sub(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b);
    }
    if vm.index_of(v)?.is_some() {
        return Ok(vec![arg_byte(vm, v)?]);
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!(
        "argument should be integer or bytes-like object, not '{t}'"
    )))
}

/// Build a result of the same type as `like` (bytearray for bytearrays, else bytes).
pub(crate) fn same(vm: &mut Vm, like: Value, b: Vec<u8>) -> Value {
    if matches!(like, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::ByteArray(_))) {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

/// (start, end) of the optional slice arguments at `i`, `i + 1`, as CPython's
/// `ADJUST_INDICES`: negative values count from the end, `end` is clamped to the
/// length, `start` may exceed it.
fn bounds(vm: &mut Vm, args: Args, i: usize, len: usize) -> PyResult<(i64, i64)> {
    let n = len as i64;
    let mut get = |j: usize, dflt: i64| -> PyResult<i64> {
        match args.get(j) {
            None | Some(Value::None) => Ok(dflt),
            Some(v) => {
                let x =
                    match vm.index_of(*v)? {
                        Some(x) => x,
                        None => return Err(vm.new_type_error(
                            "slice indices must be integers or None or have an __index__ method"
                                .into(),
                        )),
                    };
                Ok(if x < 0 { (x + n).max(0) } else { x })
            }
        }
    };
    let start = get(i, 0)?;
    let end = get(i + 1, n)?.min(n);
    Ok((start, end))
}

fn find_in(hay: &[u8], sub: &[u8], start: i64, end: i64, rev: bool) -> Option<usize> {
    if end - start < sub.len() as i64 {
        return None;
    }
    let hay = &hay[start as usize..end as usize];
    let at = if rev {
        memchr::memmem::rfind(hay, sub)
    } else {
        memchr::memmem::find(hay, sub)
    };
    at.map(|i| i + start as usize)
}

/// `f` over the bytes of `self` (bytes or bytearray) without copying them; a copy for
/// a memoryview.
fn with_this<T>(vm: &mut Vm, args: Args, f: impl FnOnce(&[u8]) -> T) -> PyResult<T> {
    if let Some(Value::Obj(r)) = args.first() {
        if let Kind::Bytes(b) | Kind::ByteArray(b) = vm.heap.kind(*r) {
            return Ok(f(b));
        }
    }
    this(vm, args).map(|b| f(&b))
}

fn find_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<i64> {
    let len = with_this(vm, args, |b| b.len())?;
    vm.check_args(name, &args[1..], 1, 3)?;
    let sub = arg_sub(vm, args[1])?;
    let (start, end) = bounds(vm, args, 2, len)?;
    with_this(vm, args, |b| {
        find_in(b, &sub, start, end, rev)
            .map(|i| i as i64)
            .unwrap_or(-1)
    })
}
fn b_find(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    find_impl(vm, args, "find", false).map(Value::Int)
}
fn b_rfind(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    find_impl(vm, args, "rfind", true).map(Value::Int)
}
fn b_index(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        -1 => Err(vm.new_value_error("subsection not found".into())),
        i => Ok(Value::Int(i)),
    }
}
fn b_rindex(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    match find_impl(vm, args, "rindex", true)? {
        -1 => Err(vm.new_value_error("subsection not found".into())),
        i => Ok(Value::Int(i)),
    }
}
fn b_count(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let len = with_this(vm, args, |b| b.len())?;
    vm.check_args("count", &args[1..], 1, 3)?;
    let sub = arg_sub(vm, args[1])?;
    let (start, end) = bounds(vm, args, 2, len)?;
    if end < start {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    let n = with_this(vm, args, |b| {
        crate::types::str::methods::count_bytes(&b[start as usize..end as usize], &sub)
    })?;
    Ok(Value::Int(n as i64))
}

/// startswith / endswith (CPython's `tailmatch`).
fn affix(vm: &mut Vm, args: Args, name: &str, starts: bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args(name, &args[1..], 1, 3)?;
    let (start, end) = bounds(vm, args, 2, b.len())?;
    let len = b.len() as i64;
    let matches = |sub: &[u8]| -> bool {
        let slen = sub.len() as i64;
        let mut start = start;
        if starts {
            if start > len - slen {
                return false;
            }
        } else {
            if end - start < slen || start > len {
                return false;
            }
            if end - slen > start {
                start = end - slen;
            }
        }
        if end - start < slen {
            return false;
        }
        &b[start as usize..(start + slen) as usize] == sub
    };
    let cand = args[1];
    if let Value::Obj(r) = cand {
        if let Kind::Tuple(items) = vm.heap.kind(r) {
            for it in items.clone() {
                let sub = arg_bytes(vm, it)?;
                if matches(&sub) {
                    return Ok(Value::Bool(true));
                }
            }
            return Ok(Value::Bool(false));
        }
    }
    match vm.bytes_of(cand) {
        Some(sub) => Ok(Value::Bool(matches(&sub))),
        None => {
            let t = vm.type_name(cand);
            Err(vm.new_type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {t}"
            )))
        }
    }
}
fn b_startswith(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}
fn b_endswith(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

fn b_join(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let sep = this(vm, args)?;
    vm.check_args("join", &args[1..], 1, 1)?;
    let items = vm.iterate(args[1])?;
    // The result's size first: a join too large raises MemoryError before building it.
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for it in &items {
        if let Value::Obj(r) = it {
            if let Kind::Bytes(b) | Kind::ByteArray(b) = vm.heap.kind(*r) {
                total = total.saturating_add(b.len());
            }
        }
    }
    let mut out = vm.alloc_vec(total)?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match vm.bytes_of(*it) {
            Some(b) => out.extend(b),
            None => {
                let t = vm.type_name(*it);
                return Err(vm.new_type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                )));
            }
        }
    }
    Ok(same(vm, args[0], out))
}

/// The pieces of `b` split at `sep` (None: runs of whitespace), at most `maxsplit`
/// times (negative: no limit), from the right when `rev`.
fn split_bytes(b: &[u8], sep: Option<&[u8]>, maxsplit: i64, rev: bool) -> Vec<Vec<u8>> {
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out: Vec<Vec<u8>> = vec![];
    match sep {
        None => {
            if !rev {
                let mut i = 0;
                let n = b.len();
                loop {
                    while i < n && is_space(b[i]) {
                        i += 1;
                    }
                    if i == n {
                        break;
                    }
                    if max == 0 {
                        out.push(b[i..].to_vec());
                        break;
                    }
                    let j = i;
                    while i < n && !is_space(b[i]) {
                        i += 1;
                    }
                    out.push(b[j..i].to_vec());
                    max -= 1;
                }
            } else {
                let mut i = b.len();
                loop {
                    while i > 0 && is_space(b[i - 1]) {
                        i -= 1;
                    }
                    if i == 0 {
                        break;
                    }
                    if max == 0 {
                        out.push(b[..i].to_vec());
                        break;
                    }
                    let j = i;
                    while i > 0 && !is_space(b[i - 1]) {
                        i -= 1;
                    }
                    out.push(b[i..j].to_vec());
                    max -= 1;
                }
                out.reverse();
            }
        }
        Some(s) => {
            if !rev {
                let mut start = 0;
                let mut i = 0;
                while max > 0 && i + s.len() <= b.len() {
                    if &b[i..i + s.len()] == s {
                        out.push(b[start..i].to_vec());
                        i += s.len();
                        start = i;
                        max -= 1;
                    } else {
                        i += 1;
                    }
                }
                out.push(b[start..].to_vec());
            } else {
                let mut end = b.len();
                let mut i = b.len();
                while max > 0 && i >= s.len() {
                    if &b[i - s.len()..i] == s {
                        out.push(b[i..end].to_vec());
                        i -= s.len();
                        end = i;
                        max -= 1;
                    } else {
                        i -= 1;
                    }
                }
                out.push(b[..end].to_vec());
                out.reverse();
            }
        }
    }
    out
}

/// `split(sep=None, maxsplit=-1)` and `rsplit`.
fn split_impl(vm: &mut Vm, args: Args, kw: Kw, name: &'static str, rev: bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    let [sep, maxsplit] = KwSpec::new(name, ["sep", "maxsplit"]).parse(vm, &args[1..], kw)?;
    let sep = sep.unwrap_or(Value::None);
    let maxsplit = maxsplit.unwrap_or(Value::Int(-1));
    let maxsplit = vm.expect_int(maxsplit, "")?;
    let sep = if sep.is_none() {
        None
    } else {
        let s = arg_bytes(vm, sep)?;
        if s.is_empty() {
            return Err(vm.new_value_error("empty separator".into()));
        }
        Some(s)
    };
    let parts = split_bytes(&b, sep.as_deref(), maxsplit, rev);
    let items = parts.into_iter().map(|p| same(vm, args[0], p)).collect();
    Ok(vm.new_list(items))
}
fn b_split(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}
fn b_rsplit(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    const SPEC: KwSpec<1> = KwSpec::new("splitlines", ["keepends"]);
    let [keep] = SPEC.parse(vm, &args[1..], kw)?;
    let keep = vm.truthy(keep.unwrap_or(Value::Bool(false)))?;
    let mut parts = vec![];
    let (mut i, mut start) = (0, 0);
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        parts.push(b[start..end].to_vec());
        i += eol;
        start = i;
    }
    if start < b.len() {
        parts.push(b[start..].to_vec());
    }
    let items = parts.into_iter().map(|p| same(vm, args[0], p)).collect();
    Ok(vm.new_list(items))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args(name, &args[1..], 1, 1)?;
    let sep = arg_bytes(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator".into()));
    }
    let (a, m, c) = match find_in(&b, &sep, 0, b.len() as i64, rev) {
        Some(i) => (b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()),
        None if rev => (vec![], vec![], b),
        None => (b, vec![], vec![]),
    };
    let parts = vec![
        same(vm, args[0], a),
        same(vm, args[0], m),
        same(vm, args[0], c),
    ];
    Ok(vm.new_tuple(parts))
}
fn b_partition(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args(name, &args[1..], 0, 1)?;
    let chars = match args.get(1) {
        Some(v) if !v.is_none() => Some(arg_bytes(vm, *v)?),
        _ => None,
    };
    let strip = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => is_space(*c),
    };
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && strip(&b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(&b[end - 1]) {
            end -= 1;
        }
    }
    Ok(same(vm, args[0], b[start..end].to_vec()))
}
fn b_strip(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn b_replace(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args("replace", &args[1..], 2, 3)?;
    let old = arg_bytes(vm, args[1])?;
    let new = arg_bytes(vm, args[2])?;
    let count = match args.get(3) {
        Some(v) => vm.expect_int(*v, "")?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    // The result's size first: a replacement too large raises MemoryError.
    if new.len() > old.len() {
        let found = if old.is_empty() {
            b.len() + 1
        } else {
            // Non-overlapping occurrences, as replace() finds them.
            let (mut n, mut i) = (0, 0);
            while let Some(p) = b[i..].windows(old.len()).position(|w| w == &old[..]) {
                n += 1;
                i += p + old.len();
            }
            n
        };
        let grow = found.min(left).checked_mul(new.len() - old.len());
        match grow.and_then(|g| g.checked_add(b.len())) {
            Some(total) => vm.check_alloc(total, 1)?,
            None => return Err(vm.memory_error()),
        }
    }
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end.
        for (i, c) in b.iter().enumerate() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(*c);
            if i + 1 == b.len() && left > 0 {
                out.extend_from_slice(&new);
            }
        }
        if b.is_empty() && left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(same(vm, args[0], out));
    }
    let mut i = 0;
    while i < b.len() {
        if left > 0 && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(same(vm, args[0], out))
}

fn b_mod(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args("__mod__", &args[1..], 1, 1)?;
    let r = vm.bytes_percent(&b, args[1])?;
    Ok(same(vm, args[0], r))
}

fn b_bytes(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(vm.new_bytes(b))
}

pub fn register(vm: &mut Vm) {
    let methods: &[NativeDef] = &[
        ("count", b_count, Arity::range(1, 3)),
        ("find", b_find, Arity::range(1, 3)),
        ("rfind", b_rfind, Arity::range(1, 3)),
        ("index", b_index, Arity::range(1, 3)),
        ("rindex", b_rindex, Arity::range(1, 3)),
        ("startswith", b_startswith, Arity::range(1, 3)),
        ("endswith", b_endswith, Arity::range(1, 3)),
        ("join", b_join, Arity::exactly(1)),
        ("split", b_split, Arity::parsed()),
        ("rsplit", b_rsplit, Arity::parsed()),
        ("splitlines", b_splitlines, Arity::parsed()),
        ("partition", b_partition, Arity::exactly(1)),
        ("rpartition", b_rpartition, Arity::exactly(1)),
        ("strip", b_strip, Arity::range(0, 1)),
        ("lstrip", b_lstrip, Arity::range(0, 1)),
        ("rstrip", b_rstrip, Arity::range(0, 1)),
        ("replace", b_replace, Arity::range(2, 3)),
        ("__mod__", b_mod, Arity::exactly(1)),
    ];
    for c in [vm.types.bytes, vm.types.bytearray] {
        vm.add_methods(c, methods);
    }
    vm.add_method(vm.types.bytes, "__bytes__", b_bytes, Arity::none());
    crate::types::bytes_methods::register(vm);
    crate::types::bytearray::register(vm);
}

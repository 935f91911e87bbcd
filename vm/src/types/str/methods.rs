//! The methods of `str`.

use super::case::*;
use super::format::*;
use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::text::Text;
use crate::object::Value;
use crate::object::{Kind, PyStr};
use crate::types::str::unicode_tables::is_space;
use crate::{PyResult, Vm};

pub(super) type Args<'a> = &'a [Value];
pub(super) use crate::Kw;

/// The str `self` of a method: its text (a long text is shared, not copied).
pub(crate) fn this(vm: &mut Vm, args: Args, name: &str) -> PyResult<Text> {
    if let Some(Value::Obj(r)) = args.first() {
        if let Kind::Str(s) = vm.heap.kind(*r) {
            return Ok(s.s.clone());
        }
    }
    Err(vm.new_type_error(format!("descriptor '{name}' requires a 'str' object")))
}

/// The str `self` of a method with its length in characters (kept by the object,
/// so ASCII texts index by byte without scanning them).
pub(crate) fn this_len(vm: &mut Vm, args: Args, name: &str) -> PyResult<(Text, usize)> {
    if let Some(Value::Obj(r)) = args.first() {
        if let Kind::Str(s) = vm.heap.kind(*r) {
            return Ok((s.s.clone(), s.char_len as usize));
        }
    }
    Err(vm.new_type_error(format!("descriptor '{name}' requires a 'str' object")))
}

/// The text of a str value (a long text is shared, not copied).
fn str_rc(vm: &Vm, v: Value) -> Option<Text> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => Some(s.s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// A str argument's text (shared when long), or CPython's TypeError ("must be str, not
/// int", after `fname` and " argument " when it is given).
fn arg_rc(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Text> {
    if let Some(s) = str_rc(vm, v) {
        return Ok(s);
    }
    let t = vm.type_name(v);
    let what = if fname.is_empty() {
        String::new()
    } else {
        format!("{fname} argument ")
    };
    Err(vm.new_type_error(format!("{what}must be str, not {t}")))
}

/// Number of characters (fast for ASCII).
pub(super) fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

pub(crate) fn must_str(vm: &mut Vm, v: Value, fname: &str) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("{fname} argument must be str, not {t}")))
        }
    }
}

/// Character-index slice bounds (start, end) as CPython's `adjust_indices`.
fn bounds(vm: &mut Vm, args: Args, i: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, j: usize| -> PyResult<Option<i64>> {
        match args.get(j) {
            None | Some(Value::None) => Ok(None),
            Some(v) => vm.index_of(*v),
        }
    };
    let n = len as i64;
    let fix = |x: i64| -> usize {
        if x < 0 {
            (x + n).max(0) as usize
        } else {
            x.min(n) as usize
        }
    };
    // A start past the end stays past it (CPython's ADJUST_INDICES): find gives -1.
    let start = get(vm, i)?
        .map(|x| if x < 0 { fix(x) } else { x as usize })
        .unwrap_or(0);
    let end = get(vm, i + 1)?.map(fix).unwrap_or(len);
    Ok((start, end))
}

/// Characters `start..end` of `s`, which has `len` characters (`len == s.len()`:
/// ASCII, sliced by byte without scanning).
fn char_slice(s: &str, len: usize, start: usize, end: usize) -> &str {
    if len == s.len() {
        return &s[start.min(s.len())..end.min(s.len()).max(start.min(s.len()))];
    }
    let mut it = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()));
    let b0 = it.clone().nth(start).unwrap_or(s.len());
    let b1 = it.nth(end).unwrap_or(s.len());
    if b1 < b0 {
        ""
    } else {
        &s[b0..b1]
    }
}

fn byte_to_char(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

fn find_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult<i64> {
    let (s, len) = this_len(vm, args, "find")?;
    let sub = match args.get(1) {
        Some(v) => arg_rc(vm, *v, "")?,
        None => return Err(vm.new_type_error("find() takes at least 1 argument (0 given)".into())),
    };
    let (start, end) = bounds(vm, args, 2, len)?;
    if start > end || start > len {
        return Ok(-1);
    }
    let hay = char_slice(&s, len, start, end);
    let found = match (rev, sub.as_bytes()) {
        (false, [b]) => memchr::memchr(*b, hay.as_bytes()),
        (true, [b]) => memchr::memrchr(*b, hay.as_bytes()),
        (false, _) => memchr::memmem::find(hay.as_bytes(), sub.as_bytes()),
        (true, _) => memchr::memmem::rfind(hay.as_bytes(), sub.as_bytes()),
    };
    Ok(match found {
        Some(b) if len == s.len() => (start + b) as i64,
        Some(b) => (start + byte_to_char(hay, b)) as i64,
        None => -1,
    })
}

fn s_find(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, false)?))
}
fn s_rfind(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, true)?))
}
fn s_index(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        -1 => Err(vm.new_value_error("substring not found".into())),
        i => Ok(Value::Int(i)),
    }
}
fn s_rindex(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        -1 => Err(vm.new_value_error("substring not found".into())),
        i => Ok(Value::Int(i)),
    }
}

fn s_count(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let (s, len) = this_len(vm, args, "count")?;
    let Some(subv) = args.get(1) else {
        return Err(vm.new_type_error("count() takes at least 1 argument (0 given)".into()));
    };
    let sub = arg_rc(vm, *subv, "")?;
    let (start, end) = bounds(vm, args, 2, len)?;
    if start > end || start > len {
        return Ok(Value::Int(0));
    }
    let hay = char_slice(&s, len, start, end);
    let n = if sub.is_empty() {
        char_count(hay) + 1
    } else {
        count_bytes(hay.as_bytes(), sub.as_bytes())
    };
    Ok(Value::Int(n as i64))
}

/// Non-overlapping occurrences of a non-empty `needle` (UTF-8 matches fall on
/// character boundaries, so this counts str matches too).
pub(crate) fn count_bytes(hay: &[u8], needle: &[u8]) -> usize {
    match needle {
        [b] => memchr::memchr_iter(*b, hay).count(),
        _ => memchr::memmem::find_iter(hay, needle).count(),
    }
}

fn affix(vm: &mut Vm, args: Args, starts: bool) -> PyResult<Value> {
    let name = if starts { "startswith" } else { "endswith" };
    let (s, len) = this_len(vm, args, name)?;
    let (start, end) = bounds(vm, args, 2, len)?;
    let Some(pv) = args.get(1).copied() else {
        return Err(vm.new_type_error(format!("{name}() takes at least 1 argument (0 given)")));
    };
    let prefixes: smallvec::SmallVec<[Value; 1]> = match pv {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)) => {
            vm.tuple_items(pv).into_iter().collect()
        }
        _ => smallvec::smallvec![pv],
    };
    if start > len || start > end {
        return Ok(Value::Bool(false));
    }
    let hay = char_slice(&s, len, start, end);
    for p in prefixes {
        let Some(ps) = vm.as_str(p) else {
            let t = vm.type_name(p);
            return Err(vm.new_type_error(format!(
                "{name} first arg must be str or a tuple of str, not {t}"
            )));
        };
        if (starts && hay.starts_with(ps)) || (!starts && hay.ends_with(ps)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn s_startswith(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    affix(vm, args, true)
}
fn s_endswith(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    affix(vm, args, false)
}

/// The byte range `strip` keeps of `s`: `chars` (None: whitespace) removed from the
/// left and/or the right. An ASCII set is matched byte by byte (a non-ASCII
/// character's bytes never match it, so the range stays on character boundaries).
fn strip_range(s: &str, chars: Option<&str>, left: bool, right: bool) -> (usize, usize) {
    let b = s.as_bytes();
    let (mut start, mut end) = (0, b.len());
    match chars {
        Some(cs) if cs.is_ascii() => {
            let cs = cs.as_bytes();
            while left && start < end && cs.contains(&b[start]) {
                start += 1;
            }
            while right && end > start && cs.contains(&b[end - 1]) {
                end -= 1;
            }
        }
        _ => {
            let pred = |c: char| chars.map_or_else(|| is_space(c), |cs| cs.contains(c));
            if left {
                start = b.len() - s.trim_start_matches(pred).len();
            }
            if right {
                end = start + s[start..].trim_end_matches(pred).len();
            }
        }
    }
    (start, end)
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool) -> PyResult<Value> {
    let name = match (left, right) {
        (true, true) => "strip",
        (true, false) => "lstrip",
        _ => "rstrip",
    };
    if args.first().and_then(|v| vm.as_str(*v)).is_none() {
        return Err(vm.new_type_error(format!("descriptor '{name}' requires a 'str' object")));
    }
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(*v),
    };
    if chars.is_some_and(|v| vm.as_str(v).is_none()) {
        return Err(vm.new_type_error(format!("{name} arg must be None or str")));
    }
    let exact = vm.type_of(args[0]) == vm.types.str;
    // Both texts borrowed from the heap: the range is found without copying them.
    let s = vm.str_of(args[0]);
    let chars = chars.map(|v| vm.str_of(v));
    let (start, end) = strip_range(s, chars, left, right);
    if start == 0 && end == s.len() && exact {
        return Ok(args[0]);
    }
    // From the slice: one allocation (a `String` first was copied once more).
    let t = PyStr::new(&s[start..end]);
    let c = vm.types.str;
    Ok(Value::Obj(vm.heap.alloc(c, Kind::Str(t))))
}
fn s_strip(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
fn s_lstrip(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
fn s_rstrip(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

/// `split(sep=None, maxsplit=-1)` and `rsplit`.
fn split_impl(vm: &mut Vm, args: Args, kw: Kw, rev: bool) -> PyResult<Value> {
    let name = if rev { "rsplit" } else { "split" };
    let s = this(vm, args, name)?;
    let [sepv, maxv] = KwSpec::new(name, ["sep", "maxsplit"]).parse(vm, &args[1..], kw)?;
    let sepv = sepv.unwrap_or(Value::None);
    let maxsplit = vm.expect_int(maxv.unwrap_or(Value::Int(-1)), "")?;
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts: Vec<&str> = if sepv.is_none() {
        let mut out: Vec<&str> = vec![];
        if rev {
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if out.len() == max {
                    out.push(rest);
                    break;
                }
                match rest.rfind(is_space) {
                    Some(i) => {
                        let ws = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(&rest[i + ws..]);
                        rest = rest[..i].trim_end_matches(is_space);
                    }
                    None => {
                        out.push(rest);
                        break;
                    }
                }
            }
            out.reverse();
        } else {
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if out.len() == max {
                    out.push(rest);
                    break;
                }
                match rest.find(is_space) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = rest[i..].trim_start_matches(is_space);
                    }
                    None => {
                        out.push(rest);
                        break;
                    }
                }
            }
        }
        out
    } else {
        let Some(sep) = str_rc(vm, sepv) else {
            let t = vm.type_name(sepv);
            return Err(vm.new_type_error(format!("must be str or None, not {t}")));
        };
        if sep.is_empty() {
            return Err(vm.new_value_error("empty separator".into()));
        }
        let n = max.saturating_add(1);
        // A one-byte separator (" ", "\n", ",") as a `char` pattern: a byte search,
        // where a `&str` pattern sets up a two-way searcher per call.
        let one = (sep.len() == 1).then(|| sep.as_bytes()[0] as char);
        let mut v: Vec<&str> = match (one, rev) {
            (Some(c), false) => s.splitn(n, c).collect(),
            (Some(c), true) => s.rsplitn(n, c).collect(),
            (None, false) => s.splitn(n, &*sep).collect(),
            (None, true) => s.rsplitn(n, &*sep).collect(),
        };
        if rev {
            v.reverse();
        }
        v
    };
    let items = parts
        .into_iter()
        .map(|p| Value::Obj(vm.new_str_obj(p)))
        .collect();
    Ok(vm.new_list(items))
}
fn s_split(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    split_impl(vm, args, kw, false)
}
fn s_rsplit(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    split_impl(vm, args, kw, true)
}

fn s_splitlines(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "splitlines")?;
    const SPEC: KwSpec<1> = KwSpec::new("splitlines", ["keepends"]);
    let [kv] = SPEC.parse(vm, &args[1..], kw)?;
    let keep = vm.truthy(kv.unwrap_or(Value::Bool(false)))?;
    let mut out = vec![];
    let chars: Vec<char> = s.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + 1;
            if c == '\r' && i + 1 < chars.len() && chars[i + 1] == '\n' {
                end = i + 2;
            }
            let line: String = chars[start..if keep { end } else { i }].iter().collect();
            out.push(line);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    let items = out.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

/// `sep.join(items)` for an exact list or tuple of strs (the usual call), with the
/// items read in place (no copy of the list, no roots: nothing runs before the one
/// allocation) and the text written once in its final place (a `String` was
/// copied again into the str). None: the generic path (other iterables, non-str
/// items and their errors, texts too big to be sure there is no MemoryError).
fn join_strs(vm: &mut Vm, args: Args) -> Option<Value> {
    let [sepv, Value::Obj(r)] = *args else {
        return None;
    };
    let class = vm.heap.get(r).class;
    let (Kind::List(items) | Kind::Tuple(items)) = vm.heap.kind(r) else {
        return None;
    };
    if class != vm.types.list && class != vm.types.tuple {
        return None;
    }
    let sep = vm.as_str(sepv)?;
    let mut total = sep.len() * items.len().saturating_sub(1);
    for it in items {
        total += vm.as_str(*it)?.len();
    }
    if total > crate::object::heap::BIG_TEXT_BYTES as usize {
        return None;
    }
    let text = Text::build(total, |w| {
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                w.push(sep);
            }
            w.push(vm.str_of(*it));
        }
    });
    let c = vm.types.str;
    Some(Value::Obj(vm.heap.alloc(c, Kind::Str(PyStr::new(text)))))
}

fn s_join(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    if let Some(v) = join_strs(vm, args) {
        return Ok(v);
    }
    let sep = this(vm, args, "join")?;
    vm.check_args("join", &args[1..], 1, 1)?;
    let items = vm.iterate_rooted(args[1])?;
    // The result's size first: a join too large raises MemoryError before building it.
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for it in &items {
        total = total.saturating_add(vm.as_str(*it).map_or(0, |s| s.len()));
    }
    let mut out = vm.alloc_string(total)?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.as_str(*it) {
            Some(s) => out.push_str(s),
            None => {
                let t = vm.type_name(*it);
                return Err(vm.new_type_error(format!(
                    "sequence item {i}: expected str instance, {t} found"
                )));
            }
        }
    }
    Ok(vm.new_str(out))
}

fn s_replace(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "replace")?;
    vm.check_args("replace", &args[1..], 2, 3)?;
    let old = must_str(vm, args[1], "replace()")?;
    let new = must_str(vm, args[2], "replace()")?;
    let count = match args.get(3) {
        Some(v) => vm.expect_int(*v, "")?,
        None => -1,
    };
    // The result's size first: a replacement too large raises MemoryError.
    if new.len() > old.len() {
        let found = if old.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(old.as_str()).count()
        };
        let n = if count < 0 {
            found
        } else {
            found.min(count as usize)
        };
        let grow = n.checked_mul(new.len() - old.len());
        match grow.and_then(|g| g.checked_add(s.len())) {
            Some(total) => vm.check_alloc(total, 1)?,
            None => return Err(vm.memory_error()),
        }
    }
    let r = if count < 0 {
        s.replace(&old, &new)
    } else {
        s.replacen(&old, &new, count as usize)
    };
    Ok(vm.new_str(r))
}

fn partition_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult<Value> {
    let s = this(vm, args, "partition")?;
    vm.check_args("partition", &args[1..], 1, 1)?;
    let sep = must_str(vm, args[1], "partition()")?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator".into()));
    }
    let found = if rev { s.rfind(&sep) } else { s.find(&sep) };
    let (a, b, c) = match found {
        Some(i) => (
            s[..i].to_string(),
            sep.clone(),
            s[i + sep.len()..].to_string(),
        ),
        None if rev => (String::new(), String::new(), s.to_string()),
        None => (s.to_string(), String::new(), String::new()),
    };
    let items = vec![vm.new_str(a), vm.new_str(b), vm.new_str(c)];
    Ok(vm.new_tuple(items))
}
fn s_partition(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn s_rpartition(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn s_removeprefix(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "removeprefix")?;
    vm.check_args("removeprefix", &args[1..], 1, 1)?;
    let p = must_str(vm, args[1], "removeprefix()")?;
    let r = s.strip_prefix(p.as_str()).unwrap_or(&s).to_string();
    Ok(vm.new_str(r))
}
fn s_removesuffix(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "removesuffix")?;
    vm.check_args("removesuffix", &args[1..], 1, 1)?;
    let p = must_str(vm, args[1], "removesuffix()")?;
    let r = s.strip_suffix(p.as_str()).unwrap_or(&s).to_string();
    Ok(vm.new_str(r))
}

fn s_maketrans(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let d = vm.new_dict();
    match args.len() {
        1 => {
            let items = match args[0] {
                Value::Obj(r) => match vm.heap.kind(r) {
                    Kind::Dict(dd) => dd.items(),
                    _ => vec![],
                },
                _ => vec![],
            };
            for (k, v) in items {
                let k = match vm.as_str(k) {
                    Some(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0))
                    }
                    _ => k,
                };
                vm.dict_set(d, k, v)?;
            }
        }
        2 | 3 => {
            let a: Vec<char> = must_str(vm, args[0], "maketrans()")?.chars().collect();
            let b: Vec<char> = must_str(vm, args[1], "maketrans()")?.chars().collect();
            if a.len() != b.len() {
                return Err(vm.new_value_error(
                    "the first two maketrans arguments must have equal length".into(),
                ));
            }
            for (x, y) in a.iter().zip(b.iter()) {
                vm.dict_set(d, Value::Int(*x as i64), Value::Int(*y as i64))?;
            }
            if args.len() == 3 {
                for c in must_str(vm, args[2], "maketrans()")?.chars() {
                    vm.dict_set(d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(vm.new_type_error("maketrans() takes 1 to 3 arguments".into())),
    }
    Ok(Value::Obj(d))
}

fn s_translate(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "translate")?;
    vm.check_args("translate", &args[1..], 1, 1)?;
    let table = args[1];
    let mut out = String::new();
    for c in s.chars() {
        let key = Value::Int(c as i64);
        let r = match vm.getitem(table, key) {
            Ok(v) => Some(v),
            Err(e) if vm.isinstance_ref(e.0, vm.types.lookup_error) => None,
            Err(e) => return Err(e),
        };
        match r {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(n)) => out.push(char::from_u32(n as u32).unwrap_or('\u{fffd}')),
            Some(v) => match vm.as_str(v) {
                Some(t) => out.push_str(t),
                None => {
                    return Err(vm.new_type_error(
                        "character mapping must return integer, None or str".into(),
                    ))
                }
            },
        }
    }
    Ok(vm.new_str(out))
}

fn s_new(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    // str(object='', encoding='utf-8', errors='strict')
    const SPEC: KwSpec<3> = KwSpec::new("str", ["object", "encoding", "errors"]);
    let [v, enc, errors] = SPEC.parse(vm, &args[1..], kw)?;
    let s = match v {
        None => vm.new_str(String::new()),
        Some(v) => match v {
            _ if enc.is_some() || errors.is_some() => {
                // The parameters' types are checked first, as CPython's parser does.
                for (name, a) in [("encoding", enc), ("errors", errors)] {
                    if let Some(a) = a {
                        if vm.as_str(a).is_none() {
                            let t = vm.type_name(a);
                            return Err(vm.new_type_error(format!(
                                "str() argument '{name}' must be str, not {t}"
                            )));
                        }
                    }
                }
                match v {
                    Value::Obj(r) => match vm.heap.kind(r) {
                        Kind::Bytes(b) | Kind::ByteArray(b) => {
                            let b = b.clone();
                            let enc = enc.unwrap_or(Value::None);
                            crate::types::bytes::decode(vm, &b, enc, errors.unwrap_or(Value::None))?
                        }
                        Kind::Str(_) => {
                            return Err(vm.new_type_error("decoding str is not supported".into()))
                        }
                        _ => {
                            let t = vm.type_name(v);
                            return Err(vm.new_type_error(format!(
                                "decoding to str: need a bytes-like object, {t} found"
                            )));
                        }
                    },
                    _ => {
                        let t = vm.type_name(v);
                        return Err(vm.new_type_error(format!(
                            "decoding to str: need a bytes-like object, {t} found"
                        )));
                    }
                }
            }
            _ => vm.str_value(v)?,
        },
    };
    if cls == vm.types.str {
        return Ok(s);
    }
    let text = vm.str_of(s).to_string();
    let r = vm
        .heap
        .alloc(cls, Kind::Str(crate::object::PyStr::new(text)));
    Ok(Value::Obj(r))
}

fn s_getnewargs(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__getnewargs__")?;
    let v = vm.new_str(s.to_string());
    Ok(vm.new_tuple(vec![v]))
}

fn s_mod(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "__mod__")?;
    vm.check_args("__mod__", &args[1..], 1, 1)?;
    let r = vm.percent_format(&s, args[1])?;
    Ok(vm.new_str(r))
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.str;
    vm.add_staticmethod(c, "__new__", s_new, Arity::any().kw());
    vm.add_staticmethod(c, "maketrans", s_maketrans, Arity::range(1, 3));
    let methods: &[NativeDef] = &[
        ("find", s_find, Arity::range(1, 3)),
        ("rfind", s_rfind, Arity::range(1, 3)),
        ("index", s_index, Arity::range(1, 3)),
        ("rindex", s_rindex, Arity::range(1, 3)),
        ("count", s_count, Arity::range(1, 3)),
        ("startswith", s_startswith, Arity::range(1, 3)),
        ("endswith", s_endswith, Arity::range(1, 3)),
        ("strip", s_strip, Arity::range(0, 1)),
        ("lstrip", s_lstrip, Arity::range(0, 1)),
        ("rstrip", s_rstrip, Arity::range(0, 1)),
        ("split", s_split, Arity::parsed()),
        ("rsplit", s_rsplit, Arity::parsed()),
        ("splitlines", s_splitlines, Arity::parsed()),
        ("join", s_join, Arity::exactly(1)),
        ("replace", s_replace, Arity::range(2, 3)),
        ("upper", s_upper, Arity::none()),
        ("lower", s_lower, Arity::none()),
        ("casefold", s_casefold, Arity::none()),
        ("swapcase", s_swapcase, Arity::none()),
        ("capitalize", s_capitalize, Arity::none()),
        ("title", s_title, Arity::none()),
        ("isdigit", s_isdigit, Arity::none()),
        ("isdecimal", s_isdecimal, Arity::none()),
        ("isnumeric", s_isnumeric, Arity::none()),
        ("isalpha", s_isalpha, Arity::none()),
        ("isalnum", s_isalnum, Arity::none()),
        ("isspace", s_isspace, Arity::none()),
        ("isupper", s_isupper, Arity::none()),
        ("islower", s_islower, Arity::none()),
        ("isascii", s_isascii, Arity::none()),
        ("isprintable", s_isprintable, Arity::none()),
        ("isidentifier", s_isidentifier, Arity::none()),
        ("istitle", s_istitle, Arity::none()),
        ("ljust", s_ljust, Arity::range(1, 2)),
        ("rjust", s_rjust, Arity::range(1, 2)),
        ("center", s_center, Arity::range(1, 2)),
        ("zfill", s_zfill, Arity::exactly(1)),
        ("partition", s_partition, Arity::exactly(1)),
        ("rpartition", s_rpartition, Arity::exactly(1)),
        ("removeprefix", s_removeprefix, Arity::exactly(1)),
        ("removesuffix", s_removesuffix, Arity::exactly(1)),
        ("expandtabs", s_expandtabs, Arity::parsed()),
        ("encode", crate::types::codecs::s_encode, Arity::parsed()),
        ("format", s_format, Arity::any().kw()),
        ("format_map", s_format_map, Arity::exactly(1)),
        ("translate", s_translate, Arity::exactly(1)),
        ("__getnewargs__", s_getnewargs, Arity::none()),
        ("__mod__", s_mod, Arity::exactly(1)),
    ];
    vm.add_methods(c, methods);
    let d = vm.class_data(c).dict;
    vm.mark_gc_safe(d, "join");
}

//! `_json`: CPython's C accelerator of `json` in Rust: the scanner (`make_scanner`,
//! used by `json.decoder` for every `loads`), the encoder (`make_encoder`, used by
//! `JSONEncoder.encode`), `scanstring`, `encode_basestring` and
//! `encode_basestring_ascii`.
//!
//! The Python modules (`stdlib/python/json/`) are CPython 3.11's; this file follows
//! `Modules/_json.c` for behaviour (the order of type checks, what is called, every
//! error message and position), with one extension: the encoder also writes indented
//! output (CPython 3.11 uses its Python encoder for `indent=`), producing the text
//! `json.encoder._make_iterencode` produces, with that path's messages.
//!
//! Text is scanned as UTF-8 bytes: every character JSON gives a meaning to is ASCII,
//! so byte positions are converted to character positions (what Python sees) only at
//! the boundaries (arguments, results, errors), and not at all for ASCII documents.

use revpy_vm::object::opaque::{OpaqueObject, Protocols};
use revpy_vm::{Arity, Kind, Kw, KwSpec, ObjRef, PyErr, PyResult, Value, Vm};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

// ---------------------------------------------------------------- text helpers

/// The text of a str value (a str subclass instance too).
fn text(vm: &Vm, v: Value) -> Option<Rc<str>> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => Some(s.s.to_rc()),
            _ => None,
        },
        _ => None,
    }
}

/// The character index of byte offset `b` in `s`.
fn char_pos(s: &str, b: usize) -> usize {
    let bytes = s.as_bytes();
    let b = b.min(bytes.len());
    if s.len() == b && s.is_ascii() {
        return b;
    }
    bytes[..b].iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

/// The byte offset of character index `c` in `s` (`s.len()` past the end).
fn byte_pos(s: &str, c: usize) -> usize {
    if s.is_ascii() {
        return c.min(s.len());
    }
    s.char_indices().nth(c).map_or(s.len(), |(i, _)| i)
}

/// Number of characters of `s` (cheap for ASCII).
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn first_arg_error(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.type_name(v);
    vm.new_type_error(format!("first argument must be a string, not {t}"))
}

// ---------------------------------------------------------------- string encoding

fn push_u_escape(out: &mut String, n: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((n >> shift) & 0xF) as usize] as char);
    }
}

/// Append the JSON literal of `s` (quotes included) to `out`: `ascii` escapes every
/// non-ASCII character (`\uXXXX`, surrogate pairs above the BMP), as
/// `encode_basestring_ascii`; otherwise only `"`, `\` and control characters.
fn escape_into(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let plain = if c < 0x80 {
            c >= 0x20 && c != b'"' && c != b'\\' && !(ascii && c == 0x7f)
        } else {
            !ascii
        };
        if plain {
            i += 1;
            continue;
        }
        out.push_str(&s[start..i]);
        if c < 0x80 {
            match c {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                _ => push_u_escape(out, c as u32),
            }
            i += 1;
        } else {
            // A non-ASCII character in ASCII mode.
            let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
            let n = ch as u32;
            if n < 0x10000 {
                push_u_escape(out, n);
            } else {
                let m = n - 0x10000;
                push_u_escape(out, 0xD800 | ((m >> 10) & 0x3FF));
                push_u_escape(out, 0xDC00 | (m & 0x3FF));
            }
            i += ch.len_utf8();
        }
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn encode_common(vm: &mut Vm, args: &[Value], ascii: bool) -> PyResult<Value> {
    let Some(s) = text(vm, args[0]) else {
        return Err(first_arg_error(vm, args[0]));
    };
    let mut out = String::new();
    escape_into(&mut out, &s, ascii);
    Ok(vm.new_str(out))
}

fn encode_basestring(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    encode_common(vm, args, false)
}
fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    encode_common(vm, args, true)
}

// ---------------------------------------------------------------- decoding

/// `JSONDecodeError(msg, doc, pos)` (the class from `json.decoder`), `pos` a byte
/// offset into `doc`.
fn decode_error(vm: &mut Vm, msg: &str, doc: Value, text: &str, pos: usize) -> PyErr {
    let pos = char_pos(text, pos);
    let made = (|| -> PyResult<Value> {
        let m = vm.load_module("json.decoder", None)?;
        let k = vm.intern("JSONDecodeError");
        let cls = vm.getattr(m, k)?;
        let msg = vm.new_str(msg.to_string());
        vm.call(cls, &[msg, doc, Value::Int(pos as i64)], &[])
    })();
    match made {
        Ok(Value::Obj(e)) if matches!(vm.heap.kind(e), Kind::Exception(_)) => PyErr(e),
        Ok(other) => {
            let t = vm.type_name(other);
            vm.new_type_error(format!(
                "exceptions must derive from BaseException, not {t}"
            ))
        }
        Err(e) => e,
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn hex_digit(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u32),
        b'a'..=b'f' => Some((c - b'a' + 10) as u32),
        b'A'..=b'F' => Some((c - b'A' + 10) as u32),
        _ => None,
    }
}

/// The string literal whose opening quote is just before byte `end`: its text and
/// the byte offset after the closing quote (`scanstring_unicode` in `_json.c`).
/// `Ok(Err(slice))`-style borrowing is avoided: the text is returned as a range when
/// it has no escapes (`Plain`), so callers can look it up without allocating.
enum Scanned {
    Plain(usize, usize),
    Owned(String),
}

fn scan_string(
    vm: &mut Vm,
    doc: Value,
    s: &str,
    end: usize,
    strict: bool,
) -> PyResult<(Scanned, usize)> {
    let b = s.as_bytes();
    let len = b.len();
    let begin = end.wrapping_sub(1);
    let mut end = end;
    let mut buf: Option<String> = None;
    loop {
        // Find the end of the string or the next escape.
        let mut next = end;
        while next < len {
            let d = b[next];
            if d == b'"' || d == b'\\' {
                break;
            }
            if d <= 0x1f && strict {
                return Err(decode_error(
                    vm,
                    "Invalid control character at",
                    doc,
                    s,
                    next,
                ));
            }
            next += 1;
        }
        if next >= len {
            return Err(decode_error(
                vm,
                "Unterminated string starting at",
                doc,
                s,
                begin,
            ));
        }
        let c = b[next];
        if c == b'"' && buf.is_none() {
            return Ok((Scanned::Plain(end, next), next + 1));
        }
        let out = buf.get_or_insert_with(String::new);
        out.push_str(&s[end..next]);
        next += 1;
        if c == b'"' {
            end = next;
            break;
        }
        if next == len {
            return Err(decode_error(
                vm,
                "Unterminated string starting at",
                doc,
                s,
                begin,
            ));
        }
        let c = b[next];
        let ch: u32;
        if c != b'u' {
            end = next + 1;
            ch = match c {
                b'"' => '"' as u32,
                b'\\' => '\\' as u32,
                b'/' => '/' as u32,
                b'b' => 8,
                b'f' => 12,
                b'n' => 10,
                b'r' => 13,
                b't' => 9,
                _ => return Err(decode_error(vm, "Invalid \\escape", doc, s, end - 2)),
            };
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, s, next - 1));
            }
            let mut u = 0u32;
            for &d in &b[next..end] {
                match hex_digit(d) {
                    Some(h) => u = (u << 4) | h,
                    None => {
                        return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, s, end - 5));
                    }
                }
            }
            next = end;
            if (0xD800..=0xDBFF).contains(&u)
                && end + 6 < len
                && b[next] == b'\\'
                && b[next + 1] == b'u'
            {
                next += 2;
                end += 6;
                let mut u2 = 0u32;
                for &d in &b[next..end] {
                    match hex_digit(d) {
                        Some(h) => u2 = (u2 << 4) | h,
                        None => {
                            return Err(decode_error(
                                vm,
                                "Invalid \\uXXXX escape",
                                doc,
                                s,
                                end - 5,
                            ));
                        }
                    }
                }
                if (0xDC00..=0xDFFF).contains(&u2) {
                    u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
                } else {
                    end -= 6;
                }
            }
            ch = u;
        }
        // A lone surrogate has no place in a revpy str: U+FFFD, as chr() gives.
        let out = buf.get_or_insert_with(String::new);
        out.push(char::from_u32(ch).unwrap_or('\u{fffd}'));
    }
    Ok((Scanned::Owned(buf.unwrap_or_default()), end))
}

/// `_json.scanstring(string, end, strict=True)`: `(text, end)` as character indices.
fn scanstring(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("scanstring", ["string", "end", "strict"]).required(2);
    let [string, end, strict] = SPEC.parse(vm, args, kw)?;
    let (string, end) = (string.unwrap_or(Value::None), end.unwrap_or(Value::None));
    let Some(end) = vm.index_of(end)? else {
        let t = vm.type_name(end);
        return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    let strict = match strict {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let Some(s) = text(vm, string) else {
        return Err(first_arg_error(vm, string));
    };
    if end < 0 || end as usize > char_len(&s) {
        return Err(vm.new_value_error("end is out of bounds".into()));
    }
    let bend = byte_pos(&s, end as usize);
    let (sc, after) = scan_string(vm, string, &s, bend, strict)?;
    let sv = match sc {
        Scanned::Plain(a, b) => vm.new_str(s[a..b].to_string()),
        Scanned::Owned(t) => vm.new_str(t),
    };
    let after = char_pos(&s, after) as i64;
    Ok(vm.new_tuple(vec![sv, Value::Int(after)]))
}

#[derive(Clone, Debug)]
struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

impl OpaqueObject for Scanner {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.object_hook);
        f(self.object_pairs_hook);
        f(self.parse_float);
        f(self.parse_int);
        f(self.parse_constant);
    }
    fn protocols(&self) -> &'static Protocols {
        &SCANNER
    }
}

static SCANNER: Protocols = Protocols {
    getattr: Some(scanner_getattr),
    ..Protocols::NONE
};

fn scanner_getattr(vm: &mut Vm, me: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(sc) = vm.opaque_ref::<Scanner>(me) else {
        return Ok(None);
    };
    Ok(match vm.as_str(name) {
        Some("strict") => Some(Value::Bool(sc.strict)),
        Some("object_hook") => Some(sc.object_hook),
        Some("object_pairs_hook") => Some(sc.object_pairs_hook),
        Some("parse_float") => Some(sc.parse_float),
        Some("parse_int") => Some(sc.parse_int),
        Some("parse_constant") => Some(sc.parse_constant),
        _ => None,
    })
}

/// `make_scanner(context)`.
fn scanner_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("make_scanner", ["ctx"]).required(1);
    let cls = args[0].obj().unwrap_or(vm.types.object);
    let [ctx] = SPEC.parse(vm, &args[1..], kw)?;
    let ctx = ctx.unwrap_or(Value::None);
    let get = |vm: &mut Vm, name: &str| -> PyResult<Value> {
        let k = vm.intern(name);
        vm.getattr(ctx, k)
    };
    let strict = get(vm, "strict")?;
    let strict = vm.truthy(strict)?;
    let object_hook = get(vm, "object_hook")?;
    let object_pairs_hook = get(vm, "object_pairs_hook")?;
    let parse_float = get(vm, "parse_float")?;
    let parse_int = get(vm, "parse_int")?;
    let parse_constant = get(vm, "parse_constant")?;
    Ok(vm.new_opaque(
        cls,
        Scanner {
            strict,
            object_hook,
            object_pairs_hook,
            parse_float,
            parse_int,
            parse_constant,
        },
    ))
}

/// One call of the scanner: the document and the scanner's settings.
struct Scan<'a> {
    sc: Scanner,
    doc: Value,
    s: &'a str,
    b: &'a [u8],
    float_fast: bool,
    int_fast: bool,
    /// Keys seen in this call, so equal keys are one str object (CPython's memo).
    memo: HashMap<Box<str>, Value>,
}

impl<'a> Scan<'a> {
    fn err(&self, vm: &mut Vm, msg: &str, pos: usize) -> PyErr {
        decode_error(vm, msg, self.doc, self.s, pos)
    }

    fn stop(&self, vm: &mut Vm, pos: usize) -> PyErr {
        let p = char_pos(self.s, pos) as i64;
        vm.new_stop_iteration(Value::Int(p))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn string_value(&mut self, vm: &mut Vm, sc: Scanned) -> Value {
        match sc {
            Scanned::Plain(a, b) => vm.new_str(self.s[a..b].to_string()),
            Scanned::Owned(t) => vm.new_str(t),
        }
    }

    fn key_value(&mut self, vm: &mut Vm, sc: Scanned) -> Value {
        let t: &str = match &sc {
            Scanned::Plain(a, b) => &self.s[*a..*b],
            Scanned::Owned(t) => t,
        };
        if let Some(v) = self.memo.get(t) {
            return *v;
        }
        let key: Box<str> = t.into();
        let v = vm.new_str(key.to_string());
        self.memo.insert(key, v);
        v
    }

    fn scan_once(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let b = self.b;
        let len = b.len();
        if idx >= len {
            return Err(self.stop(vm, idx));
        }
        let rest = |n: usize, lit: &[u8]| b.get(idx + 1..idx + 1 + n) == Some(lit);
        match b[idx] {
            b'"' => {
                let (sc, end) = scan_string(vm, self.doc, self.s, idx + 1, self.sc.strict)?;
                Ok((self.string_value(vm, sc), end))
            }
            b'{' => {
                vm.enter_native(" while decoding a JSON object from a unicode string")?;
                let r = self.parse_object(vm, idx + 1);
                vm.leave_native();
                r
            }
            b'[' => {
                vm.enter_native(" while decoding a JSON array from a unicode string")?;
                let r = self.parse_array(vm, idx + 1);
                vm.leave_native();
                r
            }
            b'n' if rest(3, b"ull") => Ok((Value::None, idx + 4)),
            b't' if rest(3, b"rue") => Ok((Value::Bool(true), idx + 4)),
            b'f' if rest(4, b"alse") => Ok((Value::Bool(false), idx + 5)),
            b'N' if rest(2, b"aN") => self.constant(vm, "NaN", idx),
            b'I' if rest(7, b"nfinity") => self.constant(vm, "Infinity", idx),
            b'-' if rest(8, b"Infinity") => self.constant(vm, "-Infinity", idx),
            _ => self.number(vm, idx),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, idx: usize) -> PyResult<(Value, usize)> {
        let s = vm.new_str(name.to_string());
        let v = vm.call(self.sc.parse_constant, &[s], &[])?;
        Ok((v, idx + name.len()))
    }

    /// `_match_number_unicode`.
    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.b;
        let end_idx = b.len() - 1;
        let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
        let mut idx = start;
        if b[idx] == b'-' {
            idx += 1;
            if idx > end_idx {
                return Err(self.stop(vm, start));
            }
        }
        if (b'1'..=b'9').contains(&b[idx]) {
            idx += 1;
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
        } else if b[idx] == b'0' {
            idx += 1;
        } else {
            return Err(self.stop(vm, start));
        }
        let mut is_float = false;
        if idx < end_idx && b[idx] == b'.' && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
        }
        if idx < end_idx && (b[idx] == b'e' || b[idx] == b'E') {
            let e_start = idx;
            idx += 1;
            if idx < end_idx && (b[idx] == b'-' || b[idx] == b'+') {
                idx += 1;
            }
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let numstr = &self.s[start..idx];
        let custom = if is_float && !self.float_fast {
            Some(self.sc.parse_float)
        } else if !is_float && !self.int_fast {
            Some(self.sc.parse_int)
        } else {
            None
        };
        let v = match custom {
            Some(f) => {
                let a = vm.new_str(numstr.to_string());
                vm.call(f, &[a], &[])?
            }
            None if is_float => Value::Float(numstr.parse::<f64>().unwrap_or(f64::NAN)),
            None => match numstr.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => {
                    let a = vm.new_str(numstr.to_string());
                    let int = Value::Obj(vm.types.int);
                    vm.call(int, &[a], &[])?
                }
            },
        };
        Ok((v, idx))
    }

    fn parse_object(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let b = self.b;
        let len = b.len();
        let pairs_hook = !self.sc.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = vec![];
        let dict = if pairs_hook {
            None
        } else {
            Some(vm.new_dict())
        };
        let mut idx = self.skip_ws(idx);
        if idx >= len || b[idx] != b'}' {
            loop {
                if idx >= len || b[idx] != b'"' {
                    return Err(self.err(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        idx,
                    ));
                }
                let (sc, next) = scan_string(vm, self.doc, self.s, idx + 1, self.sc.strict)?;
                let key = self.key_value(vm, sc);
                idx = self.skip_ws(next);
                if idx >= len || b[idx] != b':' {
                    return Err(self.err(vm, "Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(vm, idx)?;
                match dict {
                    Some(d) => vm.dict_set(d, key, val)?,
                    None => {
                        let t = vm.new_tuple(vec![key, val]);
                        pairs.push(t);
                    }
                }
                idx = self.skip_ws(next);
                if idx < len && b[idx] == b'}' {
                    break;
                }
                if idx >= len || b[idx] != b',' {
                    return Err(self.err(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let next = idx + 1;
        if let Some(d) = dict {
            vm.dict_trim(d);
        }
        match dict {
            None => {
                let l = vm.new_list(pairs);
                let v = vm.call(self.sc.object_pairs_hook, &[l], &[])?;
                Ok((v, next))
            }
            Some(d) if !self.sc.object_hook.is_none() => {
                let v = vm.call(self.sc.object_hook, &[Value::Obj(d)], &[])?;
                Ok((v, next))
            }
            Some(d) => Ok((Value::Obj(d), next)),
        }
    }

    fn parse_array(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let b = self.b;
        let len = b.len();
        let mut items = vec![];
        let mut idx = self.skip_ws(idx);
        if idx >= len || b[idx] != b']' {
            loop {
                let (val, next) = self.scan_once(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if idx < len && b[idx] == b']' {
                    break;
                }
                if idx >= len || b[idx] != b',' {
                    return Err(self.err(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((vm.new_list(items), idx + 1))
    }
}

/// `scanner(string, idx)`: `(value, end)`, or StopIteration(idx) when no value starts
/// at `idx`.
fn scanner_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("scan_once", ["string", "idx"]).required(2);
    let Some(sc) = vm.opaque_ref::<Scanner>(args[0]).cloned() else {
        return Err(vm.new_type_error("expected a _json.Scanner".into()));
    };
    let [string, idx] = SPEC.parse(vm, &args[1..], kw)?;
    let (string, idx) = (string.unwrap_or(Value::None), idx.unwrap_or(Value::None));
    let Some(idx) = vm.index_of(idx)? else {
        let t = vm.type_name(idx);
        return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    let Some(s) = text(vm, string) else {
        return Err(first_arg_error(vm, string));
    };
    if idx < 0 {
        return Err(vm.new_value_error("idx cannot be negative".into()));
    }
    let bidx = byte_pos(&s, idx as usize);
    let float_fast = sc.parse_float.is(Value::Obj(vm.types.float));
    let int_fast = sc.parse_int.is(Value::Obj(vm.types.int));
    let mut scan = Scan {
        sc,
        doc: string,
        s: &s,
        b: s.as_bytes(),
        float_fast,
        int_fast,
        memo: HashMap::new(),
    };
    let (v, end) = if bidx >= s.len() {
        return Err(vm.new_stop_iteration(Value::Int(idx)));
    } else {
        scan.scan_once(vm, bidx)?
    };
    let end = char_pos(&s, end) as i64;
    Ok(vm.new_tuple(vec![v, Value::Int(end)]))
}

// ---------------------------------------------------------------- encoding

#[derive(Clone, Debug)]
struct Encoder {
    markers: Value,
    default: Value,
    encoder: Value,
    indent: Value,
    key_separator: Value,
    item_separator: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

impl OpaqueObject for Encoder {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.markers);
        f(self.default);
        f(self.encoder);
        f(self.indent);
        f(self.key_separator);
        f(self.item_separator);
    }
    fn protocols(&self) -> &'static Protocols {
        &ENCODER
    }
}

static ENCODER: Protocols = Protocols {
    getattr: Some(encoder_getattr),
    ..Protocols::NONE
};

fn encoder_getattr(vm: &mut Vm, me: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(e) = vm.opaque_ref::<Encoder>(me) else {
        return Ok(None);
    };
    Ok(match vm.as_str(name) {
        Some("markers") => Some(e.markers),
        Some("default") => Some(e.default),
        Some("encoder") => Some(e.encoder),
        Some("indent") => Some(e.indent),
        Some("key_separator") => Some(e.key_separator),
        Some("item_separator") => Some(e.item_separator),
        Some("sort_keys") => Some(Value::Bool(e.sort_keys)),
        Some("skipkeys") => Some(Value::Bool(e.skipkeys)),
        Some("allow_nan") => Some(Value::Bool(e.allow_nan)),
        _ => None,
    })
}

/// `make_encoder(markers, default, encoder, indent, key_separator, item_separator,
/// sort_keys, skipkeys, allow_nan)`.
fn encoder_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<9> = KwSpec::new(
        "make_encoder",
        [
            "markers",
            "default",
            "encoder",
            "indent",
            "key_separator",
            "item_separator",
            "sort_keys",
            "skipkeys",
            "allow_nan",
        ],
    )
    .required(9);
    let cls = args[0].obj().unwrap_or(vm.types.object);
    let a = SPEC.parse(vm, &args[1..], kw)?;
    let a = a.map(|v| v.unwrap_or(Value::None));
    let markers = a[0];
    if !markers.is_none() && !vm.isinstance(markers, vm.types.dict) {
        let t = vm.type_name(markers);
        return Err(vm.new_type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {t}"
        )));
    }
    for (i, v) in [(5, a[4]), (6, a[5])] {
        if text(vm, v).is_none() {
            let t = vm.type_name(v);
            return Err(
                vm.new_type_error(format!("make_encoder() argument {i} must be str, not {t}"))
            );
        }
    }
    let sort_keys = vm.truthy(a[6])?;
    let skipkeys = vm.truthy(a[7])?;
    let allow_nan = vm.truthy(a[8])?;
    Ok(vm.new_opaque(
        cls,
        Encoder {
            markers,
            default: a[1],
            encoder: a[2],
            indent: a[3],
            key_separator: a[4],
            item_separator: a[5],
            sort_keys,
            skipkeys,
            allow_nan,
        },
    ))
}

/// How an object is encoded (the order of `encoder_listencode_obj`'s checks).
enum Shape {
    Null,
    True,
    False,
    Str(Rc<str>),
    Int,
    Float(f64),
    Seq(ObjRef),
    Dict(ObjRef),
    Other,
}

fn shape(vm: &Vm, v: Value) -> Shape {
    match v {
        Value::None => Shape::Null,
        Value::Bool(true) => Shape::True,
        Value::Bool(false) => Shape::False,
        Value::Int(_) => Shape::Int,
        Value::Float(f) => Shape::Float(f),
        Value::Undef => Shape::Other,
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => Shape::Str(s.s.to_rc()),
            Kind::BigInt(_) => Shape::Int,
            Kind::List(_) | Kind::Tuple(_) => Shape::Seq(r),
            Kind::Dict(_) => Shape::Dict(r),
            Kind::Boxed(inner) => {
                if vm.isinstance(v, vm.types.float) {
                    match vm.num_of(*inner) {
                        Some(revpy_vm::Num::F(f)) => Shape::Float(f),
                        _ => Shape::Other,
                    }
                } else if vm.isinstance(v, vm.types.int) {
                    Shape::Int
                } else {
                    Shape::Other
                }
            }
            _ => Shape::Other,
        },
    }
}

/// `int.__repr__(v)` for an int or an int subclass instance.
fn int_repr(vm: &mut Vm, v: Value, out: &mut String) -> PyResult<()> {
    match v {
        Value::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
            Ok(())
        }
        Value::Bool(b) => {
            out.push(if b { '1' } else { '0' });
            Ok(())
        }
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::BigInt(b) => {
                let b = (**b).clone();
                let s = vm.int_to_decimal(&b)?;
                out.push_str(&s);
                Ok(())
            }
            Kind::Boxed(inner) => {
                let inner = *inner;
                int_repr(vm, inner, out)
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

/// One call of the encoder.
struct Enc {
    e: Encoder,
    /// The containers being encoded (CPython's `markers` dict, keyed by identity).
    markers: Option<HashSet<ObjRef>>,
    /// `encoder` is `encode_basestring_ascii` (Some(true)) or `encode_basestring`
    /// (Some(false)): written directly, without a call.
    fast: Option<bool>,
    indent: Option<Rc<str>>,
    key_sep: Rc<str>,
    item_sep: Rc<str>,
}

impl Enc {
    /// The recursion message: CPython's C encoder's, or its Python one's (indent).
    fn depth_msg(&self) -> &'static str {
        if self.indent.is_some() {
            " while calling a Python object"
        } else {
            " while encoding a JSON object"
        }
    }

    fn mark(&mut self, vm: &mut Vm, r: ObjRef) -> PyResult<()> {
        if let Some(m) = &mut self.markers {
            if !m.insert(r) {
                return Err(vm.new_value_error("Circular reference detected".into()));
            }
        }
        Ok(())
    }

    fn unmark(&mut self, r: ObjRef) {
        if let Some(m) = &mut self.markers {
            m.remove(&r);
        }
    }

    fn string(&mut self, vm: &mut Vm, v: Value, s: &str, out: &mut String) -> PyResult<()> {
        match self.fast {
            Some(ascii) => {
                escape_into(out, s, ascii);
                Ok(())
            }
            None => {
                let r = vm.call(self.e.encoder, &[v], &[])?;
                match text(vm, r) {
                    Some(t) => {
                        out.push_str(&t);
                        Ok(())
                    }
                    None => {
                        let t = vm.type_name(r);
                        Err(vm.new_type_error(format!("encoder() must return a string, not {t}")))
                    }
                }
            }
        }
    }

    fn float(&mut self, vm: &mut Vm, v: Value, f: f64, out: &mut String) -> PyResult<()> {
        if f.is_finite() {
            out.push_str(&revpy_compiler::float_repr(f));
            return Ok(());
        }
        if !self.e.allow_nan {
            let msg = if self.indent.is_some() {
                let r = vm.repr(v)?;
                format!("Out of range float values are not JSON compliant: {r}")
            } else {
                "Out of range float values are not JSON compliant".to_string()
            };
            return Err(vm.new_value_error(msg));
        }
        out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn newline(&self, level: i64, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level.max(0) {
                out.push_str(ind);
            }
        }
    }

    fn obj(&mut self, vm: &mut Vm, v: Value, level: i64, out: &mut String) -> PyResult<()> {
        match shape(vm, v) {
            Shape::Null => out.push_str("null"),
            Shape::True => out.push_str("true"),
            Shape::False => out.push_str("false"),
            Shape::Str(s) => self.string(vm, v, &s, out)?,
            Shape::Int => int_repr(vm, v, out)?,
            Shape::Float(f) => self.float(vm, v, f, out)?,
            Shape::Seq(r) => {
                vm.enter_native(self.depth_msg())?;
                let res = self.list(vm, r, level, out);
                vm.leave_native();
                res?
            }
            Shape::Dict(r) => {
                vm.enter_native(self.depth_msg())?;
                let res = self.dict(vm, r, level, out);
                vm.leave_native();
                res?
            }
            Shape::Other => {
                let r = v.obj();
                if let Some(r) = r {
                    self.mark(vm, r)?;
                }
                let newobj = vm.call(self.e.default, &[v], &[])?;
                vm.enter_native(self.depth_msg())?;
                let res = self.obj(vm, newobj, level, out);
                vm.leave_native();
                res?;
                if let Some(r) = r {
                    self.unmark(r);
                }
            }
        }
        Ok(())
    }

    fn seq_item(vm: &Vm, r: ObjRef, i: usize) -> Option<Value> {
        match vm.heap.kind(r) {
            Kind::List(v) | Kind::Tuple(v) => v.get(i).copied(),
            _ => None,
        }
    }

    fn list(&mut self, vm: &mut Vm, r: ObjRef, level: i64, out: &mut String) -> PyResult<()> {
        if Self::seq_item(vm, r, 0).is_none() {
            out.push_str("[]");
            return Ok(());
        }
        self.mark(vm, r)?;
        out.push('[');
        let level = if self.indent.is_some() {
            level + 1
        } else {
            level
        };
        self.newline(level, out);
        let mut i = 0;
        while let Some(item) = Self::seq_item(vm, r, i) {
            if i > 0 {
                out.push_str(&self.item_sep);
                self.newline(level, out);
            }
            self.obj(vm, item, level, out)?;
            i += 1;
        }
        self.newline(level - 1, out);
        out.push(']');
        self.unmark(r);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, r: ObjRef, level: i64, out: &mut String) -> PyResult<()> {
        if vm.dict_len(r) == 0 {
            out.push_str("{}");
            return Ok(());
        }
        self.mark(vm, r)?;
        let mut items = self.items(vm, r)?;
        if self.e.sort_keys {
            self.sort(vm, &mut items)?;
        }
        out.push('{');
        let level = if self.indent.is_some() {
            level + 1
        } else {
            level
        };
        self.newline(level, out);
        let mut first = true;
        for (k, v) in items {
            let key: Rc<str> = match shape(vm, k) {
                Shape::Str(s) => s,
                Shape::Float(f) => {
                    let mut t = String::new();
                    self.float(vm, k, f, &mut t)?;
                    t.into()
                }
                Shape::True => "true".into(),
                Shape::False => "false".into(),
                Shape::Null => "null".into(),
                Shape::Int => {
                    let mut t = String::new();
                    int_repr(vm, k, &mut t)?;
                    t.into()
                }
                _ if self.e.skipkeys => continue,
                _ => {
                    let t = vm.type_name(k);
                    return Err(vm.new_type_error(format!(
                        "keys must be str, int, float, bool or None, not {t}"
                    )));
                }
            };
            if !first {
                out.push_str(&self.item_sep);
                self.newline(level, out);
            }
            first = false;
            let kv = if matches!(k, Value::Obj(_)) && text(vm, k).is_some() {
                k
            } else {
                vm.new_str(key.to_string())
            };
            self.string(vm, kv, &key, out)?;
            out.push_str(&self.key_sep);
            self.obj(vm, v, level, out)?;
        }
        self.newline(level - 1, out);
        out.push('}');
        self.unmark(r);
        Ok(())
    }

    /// `PyMapping_Items(dct)`: the entries, or `dct.items()` of a subclass that
    /// overrides it.
    fn items(&mut self, vm: &mut Vm, r: ObjRef) -> PyResult<Vec<(Value, Value)>> {
        let cls = vm.heap.get(r).class;
        if cls != vm.types.dict {
            let name = vm.intern("items");
            if vm.user_override(cls, name).is_some() {
                let it = vm.call_method(Value::Obj(r), "items", &[])?;
                let pairs = vm.iterate(it)?;
                let mut out = Vec::with_capacity(pairs.len());
                for p in pairs {
                    let kv = vm.iterate(p)?;
                    if kv.len() != 2 {
                        return Err(vm.new_value_error(format!(
                            "too many values to unpack (expected 2, got {})",
                            kv.len()
                        )));
                    }
                    out.push((kv[0], kv[1]));
                }
                return Ok(out);
            }
        }
        Ok(vm.dict_items(r))
    }

    /// `items.sort()` of the (key, value) tuples: by key when every key is an exact
    /// str (dict keys are distinct, so values are never compared), else as tuples.
    fn sort(&mut self, vm: &mut Vm, items: &mut Vec<(Value, Value)>) -> PyResult<()> {
        let all_str = items.iter().all(|(k, _)| {
            k.obj()
                .is_some_and(|r| vm.heap.get(r).class == vm.types.str)
        });
        if all_str {
            let mut keyed: Vec<(Rc<str>, (Value, Value))> = items
                .iter()
                .map(|&(k, v)| (text(vm, k).unwrap_or_else(|| "".into()), (k, v)))
                .collect();
            keyed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            *items = keyed.into_iter().map(|(_, kv)| kv).collect();
            return Ok(());
        }
        let mut tuples: Vec<Value> = items
            .iter()
            .map(|&(k, v)| vm.new_tuple(vec![k, v]))
            .collect();
        vm.sort_values(&mut tuples, Value::None, false)?;
        *items = tuples
            .into_iter()
            .map(|t| {
                let kv = vm.tuple_items(t);
                (kv[0], kv[1])
            })
            .collect();
        Ok(())
    }
}

fn same_fn(a: revpy_vm::NativeFn, b: revpy_vm::NativeFn) -> bool {
    std::ptr::fn_addr_eq(a, b)
}

/// `encoder(obj, _current_indent_level)`: a 1-list holding the JSON text.
fn encoder_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> =
        KwSpec::new("_iterencode", ["obj", "_current_indent_level"]).required(2);
    let Some(e) = vm.opaque_ref::<Encoder>(args[0]).cloned() else {
        return Err(vm.new_type_error("expected a _json.Encoder".into()));
    };
    let [obj, level] = SPEC.parse(vm, &args[1..], kw)?;
    let (obj, level) = (obj.unwrap_or(Value::None), level.unwrap_or(Value::None));
    let Some(level) = vm.index_of(level)? else {
        let t = vm.type_name(level);
        return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    let fast = match e.encoder {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(nf) if same_fn(nf.f, encode_basestring_ascii) => Some(true),
            Kind::Native(nf) if same_fn(nf.f, encode_basestring) => Some(false),
            _ => None,
        },
        _ => None,
    };
    let indent = if e.indent.is_none() {
        None
    } else {
        match text(vm, e.indent) {
            Some(t) => Some(t),
            None => {
                let t = vm.type_name(e.indent);
                return Err(
                    vm.new_type_error(format!("can't multiply sequence by non-int of type '{t}'"))
                );
            }
        }
    };
    let key_sep = text(vm, e.key_separator).unwrap_or_else(|| "".into());
    let item_sep = text(vm, e.item_separator).unwrap_or_else(|| "".into());
    let mut enc = Enc {
        markers: if e.markers.is_none() {
            None
        } else {
            Some(HashSet::new())
        },
        e,
        fast,
        indent,
        key_sep,
        item_sep,
    };
    let mut out = String::new();
    enc.obj(vm, obj, level, &mut out)?;
    let s = vm.new_str(out);
    Ok(vm.new_list(vec![s]))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_json");
    let d = vm.module_dict(m);
    vm.add_function(d, "scanstring", scanstring, Arity::range(0, 3).kw());
    vm.add_function(d, "encode_basestring", encode_basestring, Arity::exactly(1));
    vm.add_function(
        d,
        "encode_basestring_ascii",
        encode_basestring_ascii,
        Arity::exactly(1),
    );
    let scanner = vm.new_opaque_class("Scanner", "_json", &SCANNER);
    vm.add_staticmethod(scanner, "__new__", scanner_new, Arity::any().kw());
    vm.add_method(scanner, "__call__", scanner_call, Arity::any().kw());
    let k = vm.intern("make_scanner");
    vm.dict_set(d, k, Value::Obj(scanner))?;
    let encoder = vm.new_opaque_class("Encoder", "_json", &ENCODER);
    vm.add_staticmethod(encoder, "__new__", encoder_new, Arity::any().kw());
    vm.add_method(encoder, "__call__", encoder_call, Arity::any().kw());
    let k = vm.intern("make_encoder");
    vm.dict_set(d, k, Value::Obj(encoder))?;
    Ok(m)
}

//! `repr()` and `str()` of every built-in value, in CPython's exact format.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};
use revpy_compiler::float_repr;

/// Python's repr of a str and of bytes: the compiler's (it shows them in
/// unparsed annotations), one definition for both.
pub use revpy_compiler::pyrepr::{bytes_repr, str_repr};

/// `str.isprintable` for single characters (CPython's Unicode tables).
pub fn is_printable(c: char) -> bool {
    crate::types::str::unicode_tables::is_printable(c)
}

fn complex_part(x: f64) -> String {
    let s = float_repr(x);
    s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
}

pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", complex_part(im))
    } else {
        let sign = if im < 0.0
            || (im == 0.0 && im.is_sign_negative())
            || im.is_nan() && im.is_sign_negative()
        {
            "-"
        } else {
            "+"
        };
        format!("({}{}{}j)", complex_part(re), sign, complex_part(im.abs()))
    }
}

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(v, &mut out)?;
        Ok(out)
    }

    /// Append `repr(v)` to `out`. Nested containers write into the same buffer, so the
    /// repr of a deep structure costs its length, and each level counts against the
    /// recursion limit (CPython's `RecursionError` instead of a stack overflow).
    pub fn repr_into(&mut self, v: Value, out: &mut String) -> PyResult<()> {
        match v {
            Value::None | Value::Undef => out.push_str("None"),
            Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&float_repr(f)),
            Value::Obj(r) => {
                self.enter_native(" while getting the repr of an object")?;
                let res = self.obj_repr_into(r, out);
                self.leave_native();
                res?;
            }
        }
        Ok(())
    }

    /// Append `s` to a repr being built, or `MemoryError` if it would pass the
    /// allocation limit.
    fn push_repr(&mut self, out: &mut String, s: &str) -> PyResult<()> {
        if out.len() + s.len() > crate::object::limits::MAX_ALLOC_BYTES
            || out.try_reserve(s.len()).is_err()
        {
            return Err(self.memory_error());
        }
        out.push_str(s);
        Ok(())
    }

    fn obj_repr_into(&mut self, r: ObjRef, out: &mut String) -> PyResult<()> {
        let v = Value::Obj(r);
        let cls = self.heap.get(r).class;
        if !self.class_data(cls).is_builtin {
            let rn = self.names.__repr__;
            if let Some(f) = self.user_override(cls, rn) {
                let s = self.call_special(f, &[v])?;
                return match s {
                    Value::Obj(sr) if matches!(self.heap.kind(sr), Kind::Str(_)) => {
                        let text = self.str_of(s).to_string();
                        self.push_repr(out, &text)
                    }
                    _ => {
                        let t = self.type_name(s);
                        Err(self.new_type_error(format!("__repr__ returned non-string (type {t})")))
                    }
                };
            }
        }
        if let Kind::Opaque(o) = self.heap.kind(r) {
            // Types defined in one file (`object::opaque`): their protocol table, else
            // the class's `__repr__`.
            if let Some(f) = o.protocols().repr {
                let text = f(self, v)?;
                return self.push_repr(out, &text);
            }
            let rn = self.names.__repr__;
            let base = self.class_lookup(self.types.object, rn);
            if let Some(f) = self.class_lookup(cls, rn) {
                if base.is_none_or(|b| !b.is(f)) {
                    let s = self.call_special(f, &[v])?;
                    if let Some(text) = self.as_str(s) {
                        let text = text.to_string();
                        return self.push_repr(out, &text);
                    }
                    let t = self.type_name(s);
                    return Err(
                        self.new_type_error(format!("__repr__ returned non-string (type {t})"))
                    );
                }
            }
        }
        self.builtin_repr_into(r, out)
    }

    /// `open`, the reprs of `items` separated by ", ", `close`; `open...close` if `r`
    /// is already being printed (a cycle).
    fn guarded_into(
        &mut self,
        r: ObjRef,
        open: &str,
        close: &str,
        items: &[Value],
        out: &mut String,
    ) -> PyResult<()> {
        if !self.repr_guard.insert(r) {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
            return Ok(());
        }
        out.push_str(open);
        let mut res = Ok(());
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            res = self.repr_into(*it, out);
            if res.is_err() {
                break;
            }
        }
        self.repr_guard.remove(&r);
        res?;
        out.push_str(close);
        Ok(())
    }

    /// The repr of a heap object by its built-in type (`list.__repr__`, ...).
    pub(crate) fn builtin_repr(&mut self, r: ObjRef) -> PyResult<String> {
        let mut out = String::new();
        self.builtin_repr_into(r, &mut out)?;
        Ok(out)
    }

    fn builtin_repr_into(&mut self, r: ObjRef, out: &mut String) -> PyResult<()> {
        let cls = self.heap.get(r).class;
        match self.heap.kind(r) {
            Kind::List(items) => {
                let items = items.clone();
                self.guarded_into(r, "[", "]", &items, out)
            }
            Kind::Tuple(items) if items.len() == 1 => {
                let item = items[0];
                out.push('(');
                self.repr_into(item, out)?;
                out.push_str(",)");
                Ok(())
            }
            Kind::Tuple(items) => {
                let items = items.clone();
                self.guarded_into(r, "(", ")", &items, out)
            }
            Kind::Dict(d) => {
                let items = d.items();
                if !self.repr_guard.insert(r) {
                    out.push_str("{...}");
                    return Ok(());
                }
                out.push('{');
                let mut res = Ok(());
                for (i, (k, v)) in items.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    res = self.repr_into(k, out);
                    if res.is_ok() {
                        out.push_str(": ");
                        res = self.repr_into(v, out);
                    }
                    if res.is_err() {
                        break;
                    }
                }
                self.repr_guard.remove(&r);
                res?;
                out.push('}');
                Ok(())
            }
            Kind::Set(s) | Kind::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().collect();
                let name = self.class_name(cls);
                if items.is_empty() {
                    out.push_str(&name);
                    out.push_str("()");
                    Ok(())
                } else if cls == self.types.set {
                    self.guarded_into(r, "{", "}", &items, out)
                } else {
                    out.push_str(&name);
                    out.push('(');
                    self.guarded_into(r, "{", "}", &items, out)?;
                    out.push(')');
                    Ok(())
                }
            }
            Kind::DictView(d, what) => {
                let (d, what) = (*d, *what);
                let name = ["dict_keys", "dict_values", "dict_items"][what as usize];
                let items = match self.heap.kind(d) {
                    Kind::Dict(dd) => match what {
                        0 => dd.keys(),
                        1 => dd.values(),
                        _ => {
                            let pairs = dd.items();
                            pairs
                                .into_iter()
                                .map(|(k, v)| self.new_tuple(vec![k, v]))
                                .collect()
                        }
                    },
                    _ => vec![],
                };
                out.push_str(name);
                out.push('(');
                self.guarded_into(r, "[", "]", &items, out)?;
                out.push(')');
                Ok(())
            }
            _ => {
                let s = self.builtin_repr_leaf(r)?;
                self.push_repr(out, &s)
            }
        }
    }

    /// The repr of a heap object that is not a container of other values' reprs.
    fn builtin_repr_leaf(&mut self, r: ObjRef) -> PyResult<String> {
        let cls = self.heap.get(r).class;
        let serial = self.heap.get(r).serial;
        Ok(match self.heap.kind(r) {
            Kind::Str(s) => str_repr(&s.s),
            Kind::BigInt(b) => {
                let b = (**b).clone();
                self.int_to_decimal(&b)?
            }
            Kind::Boxed(inner) => {
                let inner = *inner;
                return self.repr(inner);
            }
            Kind::Complex(re, im) => complex_repr(*re, *im),
            Kind::Bytes(b) => bytes_repr(b),
            Kind::ByteArray(b) => format!("bytearray({})", bytes_repr(b)),
            Kind::List(_)
            | Kind::Tuple(_)
            | Kind::Dict(_)
            | Kind::Set(_)
            | Kind::FrozenSet(_)
            | Kind::DictView(..) => return self.builtin_repr(r),
            Kind::Range(..) | Kind::BigRange(_) => self.range_repr(r),
            Kind::Slice(_) => self.slice_repr(r)?,
            Kind::Function(f) => format!("<function {} at {:#x}>", self.str_of(f.qualname), serial),
            Kind::Native(nf) => match nf.owner {
                Some(o) => format!("<method '{}' of '{o}' objects>", nf.name),
                None => format!("<built-in function {}>", nf.name),
            },
            Kind::BoundMethod(f, s) => {
                let (f, s) = (*f, *s);
                let fname = match f {
                    Value::Obj(fr) => match self.heap.kind(fr) {
                        Kind::Function(func) => self.str_of(func.qualname).to_string(),
                        Kind::Native(nf) => {
                            let name = nf.name;
                            let tn = self.type_name(s);
                            let serial = s.obj().map(|o| self.heap.get(o).serial).unwrap_or(0);
                            return Ok(format!(
                                "<built-in method {name} of {tn} object at {serial:#x}>"
                            ));
                        }
                        _ => "?".into(),
                    },
                    _ => "?".into(),
                };
                let sr = self.repr(s)?;
                format!("<bound method {fname} of {sr}>")
            }
            Kind::Class(_) => {
                let name = self.str_of(self.class_data(r).qualname).to_string();
                let mk = self.names.__module__;
                let d = self.class_data(r).dict;
                let module = match self.dict_get_str(d, mk) {
                    // An instance getter (`function.__module__`): a built-in type.
                    Some(Value::Obj(p)) if matches!(self.heap.kind(p), Kind::Property(_)) => None,
                    m => m.map(|m| self.str_lossy(m)),
                };
                match module.as_deref() {
                    Some("builtins") | None => format!("<class '{name}'>"),
                    Some(m) => format!("<class '{m}.{name}'>"),
                }
            }
            Kind::Module(m) => {
                let name = match m.name {
                    Value::None => "?".to_string(),
                    n => self.str_of(n).to_string(),
                };
                let d = m.dict;
                let fk = self.names.__file__;
                match self.dict_get_str(d, fk) {
                    Some(f) => format!("<module '{name}' from '{}'>", self.str_lossy(f)),
                    None if crate::types::module::has_no_loader(self, r) => {
                        format!("<module '{name}'>")
                    }
                    None => format!("<module '{name}' (built-in)>"),
                }
            }
            Kind::Generator(g) => format!(
                "<generator object {} at {:#x}>",
                self.str_of(g.qualname),
                serial
            ),
            Kind::Coroutine(g) => format!(
                "<{} object {} at {:#x}>",
                if g.flavor == crate::object::GenFlavor::Coroutine {
                    "coroutine"
                } else {
                    "async_generator"
                },
                self.str_of(g.qualname),
                serial
            ),
            Kind::Cell(_) => format!("<cell at {serial:#x}>"),
            Kind::Code(c) => format!(
                "<code object {} at {serial:#x}, file \"{}\", line {}>",
                c.code.name, c.code.filename, c.code.first_line
            ),
            Kind::Exception(e) => {
                let args = self.tuple_items(e.args);
                let name = self.class_name(cls);
                if args.len() == 1 {
                    format!("{name}({})", self.repr(args[0])?)
                } else {
                    let t = self.new_tuple(args);
                    let inner = self.repr(t)?;
                    if inner == "()" {
                        format!("{name}()")
                    } else {
                        format!("{name}{inner}")
                    }
                }
            }
            Kind::NotImplemented => "NotImplemented".into(),
            Kind::Ellipsis => "Ellipsis".into(),
            Kind::Property(_) => format!("<property object at {serial:#x}>"),
            Kind::StaticMethod(_) => format!("<staticmethod object at {serial:#x}>"),
            Kind::ClassMethod(_) => format!("<classmethod object at {serial:#x}>"),
            Kind::Super(c, _) => format!(
                "<super: <class '{}'>, <{} object>>",
                self.class_name(*c),
                "..."
            ),
            Kind::Iter(_) => format!("<{} object at {serial:#x}>", self.class_name(cls)),
            Kind::Opaque(_) | Kind::Object(_) => self.default_repr(r),
        })
    }

    /// `<module.Class object at 0x...>`, with the object's serial number as address.
    pub fn default_repr(&self, r: ObjRef) -> String {
        let cls = self.heap.get(r).class;
        let serial = self.heap.get(r).serial;
        let name = self.str_of(self.class_data(cls).qualname).to_string();
        let d = self.class_data(cls).dict;
        let mk = self.names.__module__;
        let module = self
            .dict_get_str(d, mk)
            .and_then(|m| match m {
                Value::Obj(mr) => match self.heap.kind(mr) {
                    Kind::Str(s) => Some(s.s.to_string()),
                    _ => None,
                },
                _ => None,
            })
            .unwrap_or_else(|| "builtins".into());
        if module == "builtins" {
            format!("<{name} object at {serial:#x}>")
        } else {
            format!("<{module}.{name} object at {serial:#x}>")
        }
    }

    /// `str(v)`.
    pub fn str(&mut self, v: Value) -> PyResult<String> {
        if let Value::Obj(r) = v {
            let cls = self.heap.get(r).class;
            if !self.class_data(cls).is_builtin {
                let sn = self.names.__str__;
                if let Some(f) = self.user_override(cls, sn) {
                    let s = self.call_special(f, &[v])?;
                    return match s {
                        Value::Obj(sr) if matches!(self.heap.kind(sr), Kind::Str(_)) => {
                            Ok(self.str_of(s).to_string())
                        }
                        _ => {
                            let t = self.type_name(s);
                            Err(self
                                .new_type_error(format!("__str__ returned non-string (type {t})")))
                        }
                    };
                }
            }
            match self.heap.kind(r) {
                Kind::Str(s) => return Ok(s.s.to_string()),
                Kind::Exception(_) => return Ok(self.exception_str(r)),
                _ => {}
            }
        }
        self.repr(v)
    }

    /// `str(v)` as a value (no copy for strings).
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if let Kind::Str(_) = self.heap.kind(r) {
                if self.class_data(self.heap.get(r).class).is_builtin {
                    return Ok(v);
                }
            }
        }
        let s = self.str(v)?;
        Ok(self.new_str(s))
    }

    /// `str(v)`, with a placeholder if it raises (for error messages).
    pub fn str_lossy(&mut self, v: Value) -> String {
        self.str(v).unwrap_or_else(|_| "<unprintable>".into())
    }

    /// A repr that never runs Python code (trace mode, debugger listings).
    pub fn short_repr(&mut self, v: Value) -> String {
        match v {
            Value::Undef => "<NULL>".into(),
            Value::Obj(r) => {
                let cls = self.heap.get(r).class;
                if !self.class_data(cls).is_builtin {
                    return self.default_repr(r);
                }
                match self.heap.kind(r) {
                    Kind::List(l) if l.len() > 8 => format!("<list of {}>", l.len()),
                    Kind::Tuple(l) if l.len() > 8 => format!("<tuple of {}>", l.len()),
                    Kind::Dict(d) if d.len() > 8 => format!("<dict of {}>", d.len()),
                    Kind::List(_) | Kind::Tuple(_) | Kind::Dict(_) | Kind::Set(_) => {
                        // Containers may hold user objects: only show them if all are builtins.
                        let mut ok = true;
                        self.heap.kind(r).trace(&mut |x| {
                            if let Value::Obj(xr) = x {
                                let c = self.heap.get(xr).class;
                                if !self.class_data(c).is_builtin
                                    || !matches!(self.heap.kind(xr), Kind::Str(_) | Kind::BigInt(_))
                                {
                                    ok = false;
                                }
                            }
                        });
                        if ok {
                            self.repr(v).unwrap_or_default()
                        } else {
                            format!(
                                "<{} object at {:#x}>",
                                self.class_name(cls),
                                self.heap.get(r).serial
                            )
                        }
                    }
                    _ => self.builtin_repr(r).unwrap_or_default(),
                }
            }
            _ => self.repr(v).unwrap_or_default(),
        }
    }

    /// `ascii(v)`: repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let n = c as u32;
            if n < 0x80 {
                out.push(c);
            } else if n <= 0xff {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n <= 0xffff {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(out)
    }

    /// FORMAT_VALUE: conversion then `format(v, spec)`.
    pub fn format_value(&mut self, v: Value, conv: u32, spec: Option<Value>) -> PyResult<Value> {
        let v = match conv {
            1 => self.str_value(v)?,
            2 => {
                let s = self.repr(v)?;
                self.new_str(s)
            }
            3 => {
                let s = self.ascii(v)?;
                self.new_str(s)
            }
            _ => v,
        };
        let spec_s = match spec {
            Some(s) => self.str_of(s).to_string(),
            None => String::new(),
        };
        if spec_s.is_empty() && self.class_data(self.type_of(v)).is_builtin {
            return self.str_value(v);
        }
        let s = self.format(v, &spec_s)?;
        Ok(self.new_str(s))
    }

    /// The REPL's echo of an expression statement.
    pub(crate) fn print_expr(&mut self, v: Value) -> PyResult<()> {
        crate::builtins::sys::print_expr(self, v)
    }
}

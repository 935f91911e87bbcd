//! Watch expressions read without running code: `$N.attr`, `$N[k]`, `len($N)`,
//! `$N[i].attr`, chains of them, and comparisons of them with each other or with
//! literals. They are checked at every stop point of a search, so they read the
//! heap directly (no copy of the VM, no evaluation). Anything else, or anything
//! they cannot read plainly (a property, an index out of range, a value whose
//! repr needs code), goes to the general evaluation, which gives the same text.

use crate::expr::{AnchorRef, Anchors};
use revpy_vm::object::Kind;
use revpy_vm::object::ObjRef;
use revpy_vm::{Value, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
enum Lit {
    Int(i64),
    Str(String),
    None,
    Bool(bool),
}

#[derive(Clone, Debug)]
enum Term {
    Anchor(AnchorRef, String),
    Attr(Box<Term>, String),
    Index(Box<Term>, Lit),
    Len(Box<Term>),
    Lit(Lit),
}

#[derive(Clone, Copy, Debug)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Debug)]
enum Fast {
    Term(Term),
    Cmp(Term, Cmp, Term),
}

thread_local! {
    /// Parsed watch expressions (None: not a fast one).
    static PARSED: RefCell<HashMap<String, Option<Fast>>> = RefCell::new(HashMap::new());
}

/// The repr of a fast watch expression's value here; None: use the general
/// evaluation.
pub fn fast_repr(vm: &Vm, src: &str, anchors: &Anchors) -> Option<String> {
    let fast = PARSED.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(f) = p.get(src) {
            return f.clone();
        }
        let f = parse(src);
        if p.len() > 256 {
            p.clear();
        }
        p.insert(src.to_string(), f.clone());
        f
    })?;
    match fast {
        Fast::Term(t) => match eval(vm, &t, anchors) {
            Ok(v) => vm.peek_repr(v),
            Err(Some(e)) => Some(e),
            Err(None) => None,
        },
        Fast::Cmp(a, op, b) => {
            // A string literal on either side: compare with an exact str.
            let lit = |t: &Term| match t {
                Term::Lit(Lit::Str(s)) => Some(s.clone()),
                _ => None,
            };
            if let Some((other, s, swapped)) = match (lit(&a), lit(&b)) {
                (None, Some(s)) => Some((&a, s, false)),
                (Some(s), None) => Some((&b, s, true)),
                _ => None,
            } {
                let v = match eval(vm, other, anchors) {
                    Ok(v) => v,
                    Err(Some(e)) => return Some(e),
                    Err(None) => return None,
                };
                let Value::Obj(o) = v else {
                    // Not a str: only == and != answer (False / True).
                    let plain = matches!(
                        v,
                        Value::None | Value::Int(_) | Value::Bool(_) | Value::Float(_)
                    );
                    return match op {
                        Cmp::Eq if plain => Some("False".into()),
                        Cmp::Ne if plain => Some("True".into()),
                        _ => None,
                    };
                };
                let Kind::Str(t) = vm.heap.kind(o) else {
                    return None;
                };
                if vm.heap.get(o).class != vm.types.str {
                    return None;
                }
                let ord = if swapped {
                    s.as_str().cmp(&*t.s)
                } else {
                    (*t.s).cmp(s.as_str())
                };
                return Some(if ord_holds(ord, op) { "True" } else { "False" }.into());
            }
            let a = match eval(vm, &a, anchors) {
                Ok(v) => v,
                Err(Some(e)) => return Some(e),
                Err(None) => return None,
            };
            let b = match eval(vm, &b, anchors) {
                Ok(v) => v,
                Err(Some(e)) => return Some(e),
                Err(None) => return None,
            };
            let r = compare(vm, a, op, b)?;
            Some(if r { "True" } else { "False" }.into())
        }
    }
}

/// Ok(value); Err(Some(error text)) as the general evaluation gives it; Err(None):
/// not readable plainly.
fn eval(vm: &Vm, t: &Term, anchors: &Anchors) -> Result<Value, Option<String>> {
    match t {
        Term::Lit(Lit::Int(i)) => Ok(Value::Int(*i)),
        Term::Lit(Lit::None) => Ok(Value::None),
        Term::Lit(Lit::Bool(b)) => Ok(Value::Bool(*b)),
        Term::Lit(Lit::Str(_)) => Err(None),
        Term::Anchor(r, shown) => crate::expr::resolve_anchor(vm, anchors, *r, shown)
            .map(Value::Obj)
            .map_err(Some),
        Term::Attr(base, name) => {
            let Value::Obj(o) = eval(vm, base, anchors)? else {
                return Err(None);
            };
            vm.peek_attr(o, name).ok_or(None)
        }
        Term::Len(base) => {
            let Value::Obj(o) = eval(vm, base, anchors)? else {
                return Err(None);
            };
            if !exact_builtin(vm, o) {
                return Err(None);
            }
            let n = match vm.heap.kind(o) {
                Kind::List(l) | Kind::Tuple(l) => l.len(),
                Kind::Dict(d) => d.len(),
                Kind::Str(s) => s.s.chars().count(),
                Kind::Bytes(b) | Kind::ByteArray(b) => b.len(),
                _ => return Err(None),
            };
            Ok(Value::Int(n as i64))
        }
        Term::Index(base, key) => {
            let Value::Obj(o) = eval(vm, base, anchors)? else {
                return Err(None);
            };
            if !exact_builtin(vm, o) {
                return Err(None);
            }
            match (vm.heap.kind(o), key) {
                (Kind::List(l), Lit::Int(i)) | (Kind::Tuple(l), Lit::Int(i)) => {
                    let n = l.len() as i64;
                    let k = if *i < 0 { i + n } else { *i };
                    if k < 0 || k >= n {
                        let what = if matches!(vm.heap.kind(o), Kind::List(_)) {
                            "list"
                        } else {
                            "tuple"
                        };
                        return Err(Some(format!("IndexError: {what} index out of range")));
                    }
                    Ok(l[k as usize])
                }
                (Kind::Dict(d), Lit::Str(s)) => {
                    let h = revpy_vm::object::hash::hash_str(s);
                    let i = d.find_with(h, Value::Undef, |k| match k {
                        Value::Obj(r) => {
                            matches!(vm.heap.kind(r), Kind::Str(ks) if *ks.s == **s)
                        }
                        _ => false,
                    });
                    let plain = s
                        .chars()
                        .all(|c| c.is_ascii_graphic() && c != '\'' && c != '\\' || c == ' ');
                    match i {
                        Some(i) => Ok(d.value_at(i)),
                        None if plain => Err(Some(format!("KeyError: '{s}'"))),
                        None => Err(None),
                    }
                }
                (Kind::Dict(d), Lit::Int(i)) if i.abs() < (1 << 60) => {
                    let h = if *i == -1 { -2 } else { *i };
                    let idx = d.find_with(h, Value::Int(*i), |k| k.is(Value::Int(*i)));
                    match idx {
                        Some(x) => Ok(d.value_at(x)),
                        // An equal key of another type (True, 1.0) is not found
                        // by identity: the evaluation decides.
                        None => Err(None),
                    }
                }
                _ => Err(None),
            }
        }
    }
}

/// An object whose class is the builtin one itself (a subclass may override
/// `__len__`, `__getitem__`).
fn exact_builtin(vm: &Vm, o: ObjRef) -> bool {
    let c = vm.heap.get(o).class;
    let t = &vm.types;
    [t.list, t.tuple, t.dict, t.str, t.bytes].contains(&c)
}

fn compare(vm: &Vm, a: Value, op: Cmp, b: Value) -> Option<bool> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(&y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y)?,
        (Value::Int(x), Value::Float(y)) if x.abs() < (1 << 53) => (x as f64).partial_cmp(&y)?,
        (Value::Float(x), Value::Int(y)) if y.abs() < (1 << 53) => x.partial_cmp(&(y as f64))?,
        (Value::Bool(x), Value::Bool(y)) => x.cmp(&y),
        (Value::None, Value::None) => {
            return match op {
                Cmp::Eq => Some(true),
                Cmp::Ne => Some(false),
                _ => None,
            }
        }
        (Value::Obj(x), Value::Obj(y)) => match (vm.heap.kind(x), vm.heap.kind(y)) {
            (Kind::Str(s), Kind::Str(t))
                if vm.heap.get(x).class == vm.types.str && vm.heap.get(y).class == vm.types.str =>
            {
                s.s.cmp(&t.s)
            }
            _ => return None,
        },
        _ => {
            // None against an int, ...: only == and != have an answer.
            let plain = |v: Value| matches!(v, Value::None | Value::Int(_) | Value::Bool(_));
            if plain(a)
                && plain(b)
                && !matches!(
                    (a, b),
                    (Value::Int(_), Value::Bool(_)) | (Value::Bool(_), Value::Int(_))
                )
            {
                return match op {
                    Cmp::Eq => Some(false),
                    Cmp::Ne => Some(true),
                    _ => None,
                };
            }
            return None;
        }
    };
    Some(ord_holds(ord, op))
}

fn ord_holds(ord: std::cmp::Ordering, op: Cmp) -> bool {
    use std::cmp::Ordering;
    match op {
        Cmp::Eq => ord == Ordering::Equal,
        Cmp::Ne => ord != Ordering::Equal,
        Cmp::Lt => ord == Ordering::Less,
        Cmp::Le => ord != Ordering::Greater,
        Cmp::Gt => ord == Ordering::Greater,
        Cmp::Ge => ord != Ordering::Less,
    }
}

/// Parse a fast watch expression (None: it is not one).
fn parse(src: &str) -> Option<Fast> {
    let mut p = Parser {
        s: src.trim().as_bytes(),
        i: 0,
    };
    let a = p.term()?;
    p.ws();
    if p.i == p.s.len() {
        return match a {
            Term::Lit(_) => None,
            t => Some(Fast::Term(t)),
        };
    }
    let op = p.cmp()?;
    let b = p.term()?;
    p.ws();
    if p.i != p.s.len() {
        return None;
    }
    Some(Fast::Cmp(a, op, b))
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }

    fn eat(&mut self, t: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(t.as_bytes()) {
            self.i += t.len();
            true
        } else {
            false
        }
    }

    fn digits(&mut self) -> Option<u64> {
        let start = self.i;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.i;
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_')
        {
            self.i += 1;
        }
        let id = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        (!id.is_empty() && !id.as_bytes()[0].is_ascii_digit()).then(|| id.to_string())
    }

    fn literal(&mut self) -> Option<Lit> {
        self.ws();
        let c = *self.s.get(self.i)?;
        if c == b'-' || c.is_ascii_digit() {
            let neg = c == b'-';
            if neg {
                self.i += 1;
            }
            let n = self.digits()? as i64;
            if self
                .s
                .get(self.i)
                .is_some_and(|c| *c == b'.' || *c == b'e' || *c == b'_')
            {
                return None;
            }
            return Some(Lit::Int(if neg { -n } else { n }));
        }
        if c == b'\'' || c == b'"' {
            let start = self.i + 1;
            let end = start + self.s[start..].iter().position(|x| *x == c)?;
            let body = std::str::from_utf8(&self.s[start..end]).ok()?;
            if body.contains('\\') {
                return None;
            }
            self.i = end + 1;
            return Some(Lit::Str(body.to_string()));
        }
        None
    }

    fn term(&mut self) -> Option<Term> {
        self.ws();
        let mut t = if self.eat("len(") {
            let inner = self.term()?;
            if !self.eat(")") {
                return None;
            }
            Term::Len(Box::new(inner))
        } else if self.eat("$") {
            let serial = self.eat("#");
            let start = self.i;
            let n = self.digits()?;
            let shown = format!(
                "${}{}",
                if serial { "#" } else { "" },
                std::str::from_utf8(&self.s[start..self.i]).ok()?
            );
            let r = if serial {
                AnchorRef::Serial(n)
            } else {
                AnchorRef::Index(n as usize)
            };
            Term::Anchor(r, shown)
        } else if self.eat("None") {
            Term::Lit(Lit::None)
        } else if self.eat("True") {
            Term::Lit(Lit::Bool(true))
        } else if self.eat("False") {
            Term::Lit(Lit::Bool(false))
        } else {
            return Some(Term::Lit(self.literal()?));
        };
        loop {
            if self.s.get(self.i) == Some(&b'.') {
                self.i += 1;
                let name = self.ident()?;
                t = Term::Attr(Box::new(t), name);
            } else if self.s.get(self.i) == Some(&b'[') {
                self.i += 1;
                let k = self.literal()?;
                if !self.eat("]") {
                    return None;
                }
                t = Term::Index(Box::new(t), k);
            } else {
                return Some(t);
            }
        }
    }

    fn cmp(&mut self) -> Option<Cmp> {
        for (t, c) in [
            ("==", Cmp::Eq),
            ("!=", Cmp::Ne),
            ("<=", Cmp::Le),
            (">=", Cmp::Ge),
            ("<", Cmp::Lt),
            (">", Cmp::Gt),
        ] {
            if self.eat(t) {
                return Some(c);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn fast_forms_parse_and_others_do_not() {
        for ok in [
            "$0.value",
            "$1[3]",
            "$1[-1].x",
            "len($0)",
            "len($0.items) > 3",
            "$2['key']",
            "$0.a.b == None",
            "$#12.count != 0",
        ] {
            assert!(parse(ok).is_some(), "{ok}");
        }
        for no in [
            "$0.f()",
            "x.value",
            "$0[i]",
            "3",
            "len($0) + 1",
            "$0.v and $1.v",
        ] {
            assert!(parse(no).is_none(), "{no}");
        }
    }
}

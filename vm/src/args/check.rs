//! Checking a call of a native against its declaration ([`super::Arity`],
//! [`super::Role`]) before the Rust function runs, with CPython's messages.

use super::{plural, Arity, Role};
use crate::object::{Kind, NativeFunc};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

/// The declaration of a native, copied out of the heap for checking it.
struct NativeSig {
    name: &'static str,
    owner: Option<&'static str>,
    arity: Arity,
    role: Role,
    cls: Option<ObjRef>,
    module: Option<&'static str>,
}

impl NativeSig {
    fn of(nf: &NativeFunc) -> NativeSig {
        NativeSig {
            name: nf.name,
            owner: nf.owner,
            arity: nf.arity,
            role: nf.role,
            cls: nf.cls,
            module: nf.module,
        }
    }
}

/// Special methods that CPython implements as slot wrappers (whose count errors read
/// `expected 1 argument, got 0`).
fn is_slot(name: &str) -> bool {
    let base = name.trim_start_matches("__").trim_end_matches("__");
    let base = base
        .strip_prefix('r')
        .filter(|b| BINARY_SLOTS.contains(b))
        .or_else(|| base.strip_prefix('i').filter(|b| BINARY_SLOTS.contains(b)))
        .unwrap_or(base);
    BINARY_SLOTS.contains(&base)
        || matches!(
            base,
            "lt" | "le"
                | "eq"
                | "ne"
                | "gt"
                | "ge"
                | "len"
                | "iter"
                | "next"
                | "repr"
                | "str"
                | "bool"
                | "neg"
                | "pos"
                | "abs"
                | "invert"
                | "hash"
                | "float"
                | "int"
                | "index"
                | "contains"
                | "setitem"
                | "delitem"
                | "get"
                | "set"
                | "delete"
                | "getattribute"
                | "setattr"
                | "delattr"
                | "init"
                | "call"
        )
}

const BINARY_SLOTS: &[&str] = &[
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or",
    "xor", "matmul", "divmod",
];

impl Vm {
    /// Check a call of a native against its declaration (see [`Arity`] and [`Role`]),
    /// with CPython's messages. After it, `args` has at least the declared minimum
    /// (plus the implicit first argument) and `self`/`cls` has the right type.
    #[inline]
    pub(crate) fn check_native_call(
        &mut self,
        fref: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<()> {
        let Kind::Native(nf) = self.heap.kind(fref) else {
            return Ok(());
        };
        let (a, role, cls) = (nf.arity, nf.role, nf.cls);
        let implicit = role != Role::Function;
        let n = args.len().saturating_sub(implicit as usize);
        // The common case first: right count, no keywords, `self` of the exact class.
        if (a.min as usize) <= n
            && n <= a.max as usize
            && (a.kw || kwargs.is_empty())
            && match role {
                Role::Function => true,
                Role::Method => !args.is_empty() && cls == Some(self.type_of(args[0])),
                Role::ClassMethod | Role::New => args.first().and_then(|v| v.obj()) == cls,
            }
        {
            return Ok(());
        }
        // Still valid in most remaining cases (`self` of a subclass, as in
        // `super().__init__()` reaching `object.__init__`): decided without building
        // any of the error message's strings.
        if self.native_call_valid(fref, args, kwargs) {
            return Ok(());
        }
        self.check_native_slow(fref, args, kwargs)
    }

    /// Whether `check_native_slow` would accept the call, without formatting names.
    fn native_call_valid(&self, fref: ObjRef, args: &[Value], kwargs: &[(Value, Value)]) -> bool {
        let Kind::Native(nf) = self.heap.kind(fref) else {
            return true;
        };
        let (a, role, cls) = (nf.arity, nf.role, nf.cls);
        if !a.kw && !kwargs.is_empty() {
            return false;
        }
        let Some(&first) = args.first() else {
            return role == Role::Function && a.min == 0;
        };
        let implicit = role != Role::Function;
        let n = args.len() - implicit as usize;
        if n < a.min as usize || n > a.max as usize {
            return false;
        }
        match role {
            Role::Function => true,
            Role::Method => cls.is_none_or(|c| self.isinstance(first, c)),
            Role::ClassMethod => match (first, cls) {
                (Value::Obj(cr), Some(own)) if self.is_class(first) => {
                    self.is_subclass_ref(cr, own)
                }
                (Value::Obj(_), None) => self.is_class(first),
                _ => false,
            },
            Role::New => {
                let Some(own) = cls else { return true };
                match first {
                    Value::Obj(cr) if self.is_class(first) => {
                        self.is_subclass_ref(cr, own) && self.nearest_native_new_is(cr, fref)
                    }
                    _ => false,
                }
            }
        }
    }

    /// `check_new_arg`'s MRO walk without messages: the nearest native `__new__` in
    /// `cr`'s MRO is `fref` (or there is none).
    fn nearest_native_new_is(&self, cr: ObjRef, fref: ObjRef) -> bool {
        let key = self.names.__new__;
        for &k in &self.class_data(cr).mro {
            let d = self.class_data(k).dict;
            let Some(v) = self.dict_get_str(d, key) else {
                continue;
            };
            let inner = match v {
                Value::Obj(r) => match self.heap.kind(r) {
                    Kind::StaticMethod(i) => *i,
                    _ => v,
                },
                _ => v,
            };
            match inner {
                Value::Obj(r) if r == fref => return true,
                Value::Obj(r) if matches!(self.heap.kind(r), Kind::Native(n) if n.role == Role::New) => {
                    return false
                }
                _ => {}
            }
        }
        true
    }

    #[cold]
    fn check_native_slow(
        &mut self,
        fref: ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<()> {
        let Kind::Native(nf) = self.heap.kind(fref) else {
            return Ok(());
        };
        let nf = NativeSig::of(nf);
        let name = nf.name;
        let owner = match nf.cls {
            Some(c) => self.class_name(c),
            None => nf.owner.unwrap_or("").to_string(),
        };
        // CPython's type name (`collections.deque`) for descriptor messages.
        let tp_name = match nf.cls {
            Some(c) => self.qualified_class_name(c),
            None => owner.clone(),
        };
        let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
        let slot = dunder && is_slot(name);
        match nf.role {
            Role::Function => {}
            Role::Method => {
                let Some(&s) = args.first() else {
                    let msg = if dunder {
                        format!("descriptor '{name}' of '{tp_name}' object needs an argument")
                    } else {
                        format!("unbound method {owner}.{name}() needs an argument")
                    };
                    return Err(self.new_type_error(msg));
                };
                if let Some(c) = nf.cls {
                    if !self.isinstance(s, c) {
                        let t = self.type_name(s);
                        return Err(self.new_type_error(format!(
                            "descriptor '{name}' for '{tp_name}' objects doesn't apply to a '{t}' object"
                        )));
                    }
                }
            }
            Role::ClassMethod => {
                let Some(&c) = args.first() else {
                    return Err(self.new_type_error(format!(
                        "descriptor '{name}' of '{tp_name}' object needs an argument"
                    )));
                };
                if !self.is_class(c) {
                    let t = self.type_name(c);
                    return Err(self.new_type_error(format!(
                        "descriptor '{name}' for type '{tp_name}' needs a type, not a '{t}' as arg 2"
                    )));
                }
                if let (Some(own), Value::Obj(cr)) = (nf.cls, c) {
                    if !self.is_subclass_ref(cr, own) {
                        let t = self.class_name(cr);
                        return Err(self.new_type_error(format!(
                            "descriptor '{name}' for type '{tp_name}' doesn't apply to type '{t}'"
                        )));
                    }
                }
            }
            Role::New => self.check_new_arg(&nf, fref, args)?,
        }
        let implicit = nf.role != Role::Function;
        let qual = if implicit && !owner.is_empty() {
            format!("{owner}.{name}")
        } else {
            match nf.module {
                Some(m) => format!("{m}.{name}"),
                None => name.to_string(),
            }
        };
        let a = nf.arity;
        if !a.kw && !kwargs.is_empty() {
            return Err(self.new_type_error(format!("{qual}() takes no keyword arguments")));
        }
        let n = args.len() - implicit as usize;
        if n < a.min as usize || n > a.max as usize {
            let msg = if let Some(m) = a.msg {
                m.to_string()
            } else if a.min == a.max && !slot {
                match a.min {
                    0 => format!("{qual}() takes no arguments ({n} given)"),
                    1 => format!("{qual}() takes exactly one argument ({n} given)"),
                    m => format!("{name} expected {m} arguments, got {n}"),
                }
            } else {
                let (bound, which) = if a.min == a.max {
                    (a.min, "")
                } else if n < a.min as usize {
                    (a.min, "at least ")
                } else {
                    (a.max, "at most ")
                };
                let b = bound as usize;
                if slot {
                    format!("expected {which}{b} argument{}, got {n}", plural(b))
                } else {
                    format!("{name} expected {which}{b} argument{}, got {n}", plural(b))
                }
            };
            return Err(self.new_type_error(msg));
        }
        Ok(())
    }

    /// `X.__new__(C, ...)`: `C` must be a class, a subclass of `X`, and one whose
    /// nearest native `__new__` is this one (CPython's "is not safe" check: a native
    /// `__new__` builds its own kind of object only).
    fn check_new_arg(&mut self, nf: &NativeSig, fref: ObjRef, args: &[Value]) -> PyResult<()> {
        let Some(own) = nf.cls else { return Ok(()) };
        let owner = self.qualified_class_name(own);
        let Some(&c) = args.first() else {
            return Err(self.new_type_error(format!("{owner}.__new__(): not enough arguments")));
        };
        let Value::Obj(cr) = c else {
            let t = self.type_name(c);
            return Err(
                self.new_type_error(format!("{owner}.__new__(X): X is not a type object ({t})"))
            );
        };
        if !self.is_class(c) {
            let t = self.type_name(c);
            return Err(
                self.new_type_error(format!("{owner}.__new__(X): X is not a type object ({t})"))
            );
        }
        let sub = self.qualified_class_name(cr);
        if !self.is_subclass_ref(cr, own) {
            return Err(self.new_type_error(format!(
                "{owner}.__new__({sub}): {sub} is not a subtype of {owner}"
            )));
        }
        // The nearest native `__new__` in the subclass's MRO must be this one.
        let key = self.names.__new__;
        let mro = self.class_data(cr).mro.clone();
        // CPython names the first class of the chain without a `__new__` in Python.
        let mut static_base = None;
        for k in mro {
            let d = self.class_data(k).dict;
            let Some(v) = self.dict_get_str(d, key) else {
                static_base = static_base.or(Some(k));
                continue;
            };
            let inner = match v {
                Value::Obj(r) => match self.heap.kind(r) {
                    Kind::StaticMethod(i) => *i,
                    _ => v,
                },
                _ => v,
            };
            match inner {
                Value::Obj(r) if r == fref => return Ok(()),
                Value::Obj(r) if matches!(self.heap.kind(r), Kind::Native(n) if n.role == Role::New) =>
                {
                    let base = self.qualified_class_name(static_base.unwrap_or(k));
                    return Err(self.new_type_error(format!(
                        "{owner}.__new__({sub}) is not safe, use {base}.__new__()"
                    )));
                }
                Value::Obj(r) if matches!(self.heap.kind(r), Kind::Native(_)) => {
                    static_base = static_base.or(Some(k));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A class's name as CPython's `tp_name` shows it: `module.Name` for native classes
    /// of modules other than `builtins`, the bare name for classes defined in Python.
    pub(crate) fn qualified_class_name(&mut self, cls: ObjRef) -> String {
        let name = self.class_name(cls);
        // Native classes: built-in ones, and those of native modules (which have a
        // native `__new__` of their own, even where they dispatch as Python classes).
        let d = self.class_data(cls).dict;
        let nk = self.names.__new__;
        let native_new = match self.dict_get_str(d, nk) {
            Some(Value::Obj(r)) => match self.heap.kind(r) {
                Kind::StaticMethod(Value::Obj(i)) => {
                    matches!(self.heap.kind(*i), Kind::Native(_))
                }
                _ => false,
            },
            _ => false,
        };
        if !self.class_data(cls).is_builtin && !native_new {
            return name;
        }
        let key = self.names.__module__;
        let d = self.class_data(cls).dict;
        match self.dict_get_str(d, key) {
            Some(m) => match self.as_str(m) {
                Some(m) if m != "builtins" => format!("{m}.{name}"),
                _ => name,
            },
            None => name,
        }
    }
}

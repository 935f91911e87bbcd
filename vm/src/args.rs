//! The declared arguments of natives and the helpers that check and unpack them.
//!
//! Every native function states its [`Arity`] when it is registered (`add_method`,
//! `add_function`, ...), and [`Vm::check_native_call`] enforces it (and the type of the
//! `self` / `cls` argument, see [`Role`]) in `Vm::call` before the Rust function runs:
//! a native body may index `args[i]` for every `i` below its declared minimum (plus one
//! for the `self` or `cls` of methods, class methods and `__new__`). Natives that take
//! keyword arguments unpack them with a [`KwSpec`].

use crate::object::{Kind, NativeFunc};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

/// The keyword arguments a native receives: `(name, value)` pairs, names being `str`
/// objects. Natives that take keywords unpack them with a [`KwSpec`].
pub type Kw<'a> = &'a [(Value, Value)];

/// One native in a registration table: its name, its function and its arguments
/// (`("append", list_append, Arity::exactly(1))`).
pub type NativeDef = (&'static str, crate::object::NativeFn, Arity);

/// The positional arguments a native accepts (not counting the `self` or `cls` of
/// methods, class methods and `__new__`), and whether it accepts keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arity {
    pub min: u8,
    /// `Arity::VAR` for no upper bound.
    pub max: u8,
    /// Keyword arguments are passed to the native (which checks their names, usually
    /// with a [`KwSpec`]); without it any keyword argument is refused before the call.
    pub kw: bool,
    /// The message of the TypeError for a wrong count, where CPython words it its own
    /// way (`math.log requires 1 to 2 arguments`).
    pub msg: Option<&'static str>,
}

impl Arity {
    /// `max` of a native taking any number of positional arguments.
    pub const VAR: u8 = u8::MAX;

    /// No arguments: `f()`.
    pub const fn none() -> Arity {
        Arity::range(0, 0)
    }
    /// Exactly `n` positional arguments.
    pub const fn exactly(n: u8) -> Arity {
        Arity::range(n, n)
    }
    /// From `min` to `max` positional arguments.
    pub const fn range(min: u8, max: u8) -> Arity {
        Arity {
            min,
            max,
            kw: false,
            msg: None,
        }
    }
    /// At least `min` positional arguments, no upper bound.
    pub const fn at_least(min: u8) -> Arity {
        Arity::range(min, Arity::VAR)
    }
    /// Any number of positional arguments.
    pub const fn any() -> Arity {
        Arity::at_least(0)
    }
    /// Any arguments, positional or keyword: the native checks them all itself with a
    /// [`KwSpec`] (whose errors then are CPython's for that function).
    pub const fn parsed() -> Arity {
        Arity::any().kw()
    }
    /// The same, also accepting keyword arguments.
    pub const fn kw(self) -> Arity {
        Arity { kw: true, ..self }
    }
    /// The same, with CPython's own message for a wrong count.
    pub const fn msg(self, msg: &'static str) -> Arity {
        Arity {
            msg: Some(msg),
            ..self
        }
    }
}

impl Arity {
    /// The arity of a special method implementing a type slot (`__add__`, `__len__`,
    /// `__setitem__`, ...), as CPython's slot wrappers declare it.
    pub fn of_slot(name: &str) -> Arity {
        match name {
            "__setitem__" | "__set__" => Arity::exactly(2),
            "__len__" | "__iter__" | "__next__" | "__repr__" | "__str__" | "__bool__"
            | "__neg__" | "__pos__" | "__abs__" | "__invert__" | "__hash__" | "__float__"
            | "__int__" | "__index__" | "__reversed__" | "__trunc__" | "__floor__" | "__ceil__" => {
                Arity::none()
            }
            // Binary operators (their reflected and in-place forms), comparisons,
            // `__contains__`, `__getitem__`, `__delitem__`.
            _ => Arity::exactly(1),
        }
    }
}

/// What the first argument a native receives is, checked before the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A plain function (module functions, builtins, static methods): nothing implicit.
    Function,
    /// A method or a property getter: `args[0]` is an instance of `NativeFunc::cls`.
    Method,
    /// A class method: `args[0]` is `NativeFunc::cls` or a subclass of it.
    ClassMethod,
    /// `cls.__new__`: `args[0]` is a subclass of `NativeFunc::cls` that this `__new__`
    /// can build (not one whose nearest native `__new__` is another one).
    New,
}

/// A declarative parser for natives taking keyword arguments: parameter names in
/// order, the first `positional` of which may also be given by position, the first
/// `required` of which must be given, the first `posonly` of which may not be given
/// by name. `parse` returns one slot per name (None: not given, use the default).
///
/// ```ignore
/// // open(file, mode='r', buffering=-1, encoding=None)
/// const SPEC: KwSpec<4> = KwSpec::new("open", ["file", "mode", "buffering", "encoding"]).required(1);
/// let [file, mode, buffering, encoding] = SPEC.parse(vm, args, kwargs)?;
/// // split(sep=None, maxsplit=-1), a method: parse the arguments after `self`
/// const SPLIT: KwSpec<2> = KwSpec::new("split", ["sep", "maxsplit"]);
/// let [sep, maxsplit] = SPLIT.parse(vm, &args[1..], kw)?;
/// ```
///
/// The errors are those of CPython's argument parser for C functions (Argument Clinic
/// and `PyArg_ParseTupleAndKeywords`): `f() takes at most 2 arguments (3 given)`,
/// `'x' is an invalid keyword argument for f()`, ... For a native standing in for a
/// function CPython writes in Python (`random.Random.seed`, `os.makedirs`), `.python()`
/// gives the interpreter's messages instead: `f() got an unexpected keyword argument
/// 'x'`, `f() missing 1 required positional argument: 'x'`, ...
#[derive(Clone, Copy, Debug)]
pub struct KwSpec<const N: usize> {
    /// The function's name as errors show it (`open`, `to_bytes`; `Random.seed` for a
    /// `.python()` method).
    pub name: &'static str,
    pub names: [&'static str; N],
    pub required: usize,
    /// How many leading parameters may be passed by position (the rest are
    /// keyword-only).
    pub positional: usize,
    /// How many leading parameters are positional-only (may not be given by name).
    pub posonly: usize,
    /// Errors worded as for a function written in Python; `Some(1)` for a method,
    /// whose `self` counts in the positional counts (`Some(0)` otherwise).
    pub python: Option<usize>,
}

impl<const N: usize> KwSpec<N> {
    pub const fn new(name: &'static str, names: [&'static str; N]) -> Self {
        KwSpec {
            name,
            names,
            required: 0,
            positional: N,
            posonly: 0,
            python: None,
        }
    }
    /// The first `n` parameters must be given.
    pub const fn required(self, n: usize) -> Self {
        KwSpec {
            required: n,
            ..self
        }
    }
    /// Only the first `n` parameters may be given by position.
    pub const fn positional(self, n: usize) -> Self {
        KwSpec {
            positional: n,
            ..self
        }
    }
    /// The first `n` parameters may only be given by position.
    pub const fn posonly(self, n: usize) -> Self {
        KwSpec { posonly: n, ..self }
    }
    /// Errors as for a function written in Python (see the type).
    pub const fn python(self) -> Self {
        KwSpec {
            python: Some(0),
            ..self
        }
    }
    /// Errors as for a method written in Python: `self` (not among `names`, not
    /// passed to `parse`) counts in the positional counts.
    pub const fn python_method(self) -> Self {
        KwSpec {
            python: Some(1),
            ..self
        }
    }

    /// Match positional and keyword arguments to the parameters, with CPython's errors
    /// (see the type). `args` does not include the `self` of methods.
    pub fn parse(
        &self,
        vm: &mut Vm,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<[Option<Value>; N]> {
        if let Some(implicit) = self.python {
            return self.parse_python(vm, args, kwargs, implicit);
        }
        let name = self.name;
        let mut out = [None; N];
        let (nargs, total) = (args.len(), args.len() + kwargs.len());
        // The checks and their order are `_PyArg_UnpackKeywords`'s.
        if total > N {
            let kind = if nargs == 0 { "keyword " } else { "" };
            let msg = format!(
                "{name}() takes at most {N} {kind}argument{} ({total} given)",
                plural(N)
            );
            return Err(vm.new_type_error(msg));
        }
        let (maxpos, minpos) = (self.positional, self.required.min(self.positional));
        if nargs > maxpos {
            let msg = if maxpos == 0 {
                format!("{name}() takes no positional arguments")
            } else {
                let bound = if minpos < maxpos {
                    "at most"
                } else {
                    "exactly"
                };
                format!(
                    "{name}() takes {bound} {maxpos} positional argument{} ({nargs} given)",
                    plural(maxpos)
                )
            };
            return Err(vm.new_type_error(msg));
        }
        let min_posonly = self.required.min(self.posonly);
        if nargs < min_posonly {
            let bound = if min_posonly < maxpos {
                "at least"
            } else {
                "exactly"
            };
            let msg = format!(
                "{name}() takes {bound} {min_posonly} positional argument{} ({nargs} given)",
                plural(min_posonly)
            );
            return Err(vm.new_type_error(msg));
        }
        for (slot, a) in out.iter_mut().zip(args) {
            *slot = Some(*a);
        }
        // Keywords fill the parameters not given by position; a wrong one is reported
        // after any missing required argument (as CPython's argument clinic).
        let mut bad: Option<(String, Option<usize>)> = None;
        for (k, v) in kwargs {
            let key = vm.as_str(*k).unwrap_or("").to_string();
            let i = self.names[self.posonly.min(N)..]
                .iter()
                .position(|n| *n == key)
                .map(|i| i + self.posonly);
            match i {
                Some(i) if i >= nargs && out[i].is_none() => out[i] = Some(*v),
                Some(i) if i < nargs => {
                    bad = bad.or(Some((key, Some(i))));
                }
                _ => bad = bad.or(Some((key, None))),
            }
        }
        for (i, slot) in out.iter().enumerate().take(self.required) {
            if slot.is_none() {
                let p = self.names[i];
                let msg = if i < self.positional {
                    format!("{name}() missing required argument '{p}' (pos {})", i + 1)
                } else {
                    format!("{name}() missing required keyword-only argument '{p}'")
                };
                return Err(vm.new_type_error(msg));
            }
        }
        if let Some((key, pos)) = bad {
            let msg = match pos {
                Some(i) => format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                ),
                None => format!("'{key}' is an invalid keyword argument for {name}()"),
            };
            return Err(vm.new_type_error(msg));
        }
        Ok(out)
    }

    /// `parse` with the errors of binding a call to a Python function (as
    /// `Vm::bind_args`); `implicit` is 1 for a method's `self`.
    fn parse_python(
        &self,
        vm: &mut Vm,
        args: &[Value],
        kwargs: &[(Value, Value)],
        implicit: usize,
    ) -> PyResult<[Option<Value>; N]> {
        let name = self.name;
        let mut out = [None; N];
        let n = args.len();
        if n > self.positional {
            let kwonly = &self.names[self.positional.min(N)..];
            let given_kwonly = kwargs
                .iter()
                .filter(|(k, _)| vm.as_str(*k).is_some_and(|k| kwonly.contains(&k)))
                .count();
            let max = self.positional + implicit;
            let min = self.required.min(self.positional) + implicit;
            let takes = if min == max {
                format!("{max} positional argument{}", plural(max))
            } else {
                format!("from {min} to {max} positional arguments")
            };
            let given = n + implicit;
            let msg = if given_kwonly > 0 {
                format!(
                    "{name}() takes {takes} but {given} positional argument{} (and \
                     {given_kwonly} keyword-only argument{}) were given",
                    plural(given),
                    plural(given_kwonly)
                )
            } else {
                let verb = if given == 1 { "was" } else { "were" };
                format!("{name}() takes {takes} but {given} {verb} given")
            };
            return Err(vm.new_type_error(msg));
        }
        for (slot, a) in out.iter_mut().zip(args) {
            *slot = Some(*a);
        }
        let mut posonly_as_kw: Vec<String> = vec![];
        for (k, v) in kwargs {
            let key = vm.as_str(*k).unwrap_or("").to_string();
            match self.names.iter().position(|n| *n == key) {
                Some(i) if i >= self.posonly => {
                    if out[i].is_some() {
                        return Err(vm.new_type_error(format!(
                            "{name}() got multiple values for argument '{key}'"
                        )));
                    }
                    out[i] = Some(*v);
                }
                Some(_) => posonly_as_kw.push(key),
                None => {
                    return Err(vm.new_type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )))
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(vm.new_type_error(format!(
                "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        let missing = |from: usize, to: usize| -> Vec<String> {
            (from..to.min(self.required))
                .filter(|&i| out[i].is_none())
                .map(|i| format!("'{}'", self.names[i]))
                .collect()
        };
        for (names, kind) in [
            (missing(0, self.positional), "positional"),
            (missing(self.positional, N), "keyword-only"),
        ] {
            if !names.is_empty() {
                return Err(vm.new_type_error(format!(
                    "{name}() missing {} required {kind} argument{}: {}",
                    names.len(),
                    plural(names.len()),
                    crate::interp::join_names(&names)
                )));
            }
        }
        Ok(out)
    }
}

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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

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
        self.check_native_slow(fref, args, kwargs)
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

impl Vm {
    /// Check the number of positional arguments: `name() takes ...` errors as CPython.
    pub fn check_args(
        &mut self,
        name: &str,
        args: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = args.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        Err(self.new_type_error(msg))
    }

    /// Reject keyword arguments for natives that take none.
    pub fn no_kwargs(&mut self, name: &str, kwargs: &[(Value, Value)]) -> PyResult<()> {
        if kwargs.is_empty() {
            Ok(())
        } else {
            Err(self.new_type_error(format!("{name}() takes no keyword arguments")))
        }
    }

    /// Find a keyword argument by name.
    pub fn kwarg(&self, kwargs: &[(Value, Value)], name: &str) -> Option<Value> {
        kwargs
            .iter()
            .find(|(k, _)| self.as_str(*k) == Some(name))
            .map(|(_, v)| *v)
    }

    /// Reject keyword arguments other than `allowed`.
    pub fn only_kwargs(
        &mut self,
        fname: &str,
        kwargs: &[(Value, Value)],
        allowed: &[&str],
    ) -> PyResult<()> {
        for (k, _) in kwargs {
            let ks = self.as_str(*k).unwrap_or("").to_string();
            if !allowed.contains(&ks.as_str()) {
                return Err(self.new_type_error(format!(
                    "{fname}() got an unexpected keyword argument '{ks}'"
                )));
            }
        }
        Ok(())
    }

    /// Positional argument `i`, or keyword `name`, or `default`.
    pub fn arg_or(
        &self,
        args: &[Value],
        i: usize,
        kwargs: &[(Value, Value)],
        name: &str,
        default: Value,
    ) -> Value {
        args.get(i)
            .copied()
            .or_else(|| self.kwarg(kwargs, name))
            .unwrap_or(default)
    }

    /// An int argument (accepting bools and `__index__`).
    pub fn expect_int(&mut self, v: Value, what: &str) -> PyResult<i64> {
        match self.index_of(v)? {
            Some(i) => Ok(i),
            None => {
                let t = self.type_name(v);
                let _ = what;
                Err(self
                    .new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
            }
        }
    }
}

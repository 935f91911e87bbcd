//! The declared arguments of natives and the helpers that check and unpack them.
//!
//! Every native function states its [`Arity`] when it is registered (`add_method`,
//! `add_function`, ...), and [`Vm::check_native_call`] enforces it (and the type of the
//! `self` / `cls` argument, see [`Role`]) in `Vm::call` before the Rust function runs:
//! a native body may index `args[i]` for every `i` below its declared minimum (plus one
//! for the `self` or `cls` of methods, class methods and `__new__`). Natives that take
//! keyword arguments unpack them with a [`KwSpec`].
//!
//! `kwspec.rs` is the keyword parser, `check.rs` the check before the call.

use crate::object::Value;
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

mod check;
mod kwspec;

pub use kwspec::KwSpec;

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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

//! [`KwSpec`]: the declarative parser of natives' positional and keyword arguments.

use super::plural;
use crate::object::Value;
use crate::{PyResult, Vm};

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

//! Small helpers for natives to check and unpack their arguments.

use crate::value::Value;
use crate::{PyResult, Vm};

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
                _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
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

//! `str`: construction, access helpers, and the string methods.

mod case;
mod format;
pub mod methods;
pub mod unicode_tables;

use crate::object::{Kind, PyStr};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// A new str object (not interned).
    pub fn new_str_obj(&mut self, s: &str) -> ObjRef {
        let c = self.types.str;
        self.heap.alloc(c, Kind::Str(PyStr::new(s)))
    }

    /// A new str value.
    pub fn new_str(&mut self, s: String) -> Value {
        let c = self.types.str;
        Value::Obj(self.heap.alloc(c, Kind::Str(PyStr::new(s))))
    }

    /// A one-character str: Latin-1 characters are shared (as CPython does), so
    /// indexing and iterating over text does not allocate.
    pub fn char_str(&mut self, c: char) -> Value {
        let i = c as usize;
        if i < 256 {
            if self.char_cache.is_empty() {
                self.char_cache = (0..256u32)
                    .map(|n| {
                        let ch = char::from_u32(n).unwrap_or('?');
                        self.intern(&ch.to_string())
                    })
                    .collect();
            }
            return self.char_cache[i];
        }
        self.new_str(c.to_string())
    }

    /// The text of a str value. Panics if it is not a str (callers check first).
    pub fn str_of(&self, v: Value) -> &str {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Str(s) => &s.s,
                Kind::Boxed(inner) => self.str_of(*inner),
                _ => "<not a str>",
            },
            _ => "<not a str>",
        }
    }

    /// The text of a value known to be a str (f-string pieces).
    pub fn str_ref(&self, v: Value) -> &str {
        self.str_of(v)
    }

    /// The text of a value if it is a str.
    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    /// Equality of two str values.
    pub fn str_eq(&self, a: Value, b: Value) -> bool {
        a.is(b) || self.as_str(a).is_some_and(|x| self.as_str(b) == Some(x))
    }

    /// The text of a str argument, or a TypeError naming the function.
    pub fn expect_str(&mut self, v: Value, what: &str) -> PyResult<String> {
        match self.as_str(v) {
            Some(s) => Ok(s.to_string()),
            None => {
                let t = self.type_name(v);
                Err(self.new_type_error(format!("{what} must be str, not {t}")))
            }
        }
    }
}

pub fn register(vm: &mut Vm) {
    let _ = vm;
    crate::types::str::methods::register(vm);
}

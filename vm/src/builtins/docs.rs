//! CPython's docstrings and text signatures for revpy's natives of the same names
//! (`len.__doc__`, `str.join.__text_signature__`, `int.__doc__`), so `help(len)` and
//! `inspect.signature(len)` read as with CPython. The text is generated
//! (`native_docs.rs`, by tools/gen_native_docs.py) and stays in the binary: no heap
//! object exists until a program asks for one.

use super::native_docs::{CLASSES, FUNCTIONS};
use crate::object::NativeFunc;

/// The `(__text_signature__, __doc__)` CPython gives the native `nf` (a method of
/// its class, or a function of its module: `builtins` when none is named).
pub fn of_native(nf: &NativeFunc) -> (Option<&'static str>, Option<&'static str>) {
    let owner = nf.owner.or(nf.module).unwrap_or("builtins");
    FUNCTIONS
        .binary_search_by(|(o, n, _, _)| (*o, *n).cmp(&(owner, nf.name)))
        .map_or((None, None), |i| (FUNCTIONS[i].2, FUNCTIONS[i].3))
}

/// The `__doc__` of the built-in class named `name`.
pub fn of_class(name: &str) -> Option<&'static str> {
    CLASSES
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .and_then(|i| CLASSES[i].1)
}

//! Operations over any object (CPython's `abstract.c` and friends): operators and
//! comparisons, numbers, `repr`/`str`, formatting, subscripts, attributes, iteration,
//! sorting, and the method cache behind MRO lookups.

pub mod attr;
pub mod builtin_attrs;
pub mod compare;
pub mod format;
pub mod hashing;
pub mod iter;
pub mod membership;
pub mod method_cache;
pub mod num;
pub mod ops;
pub mod percent_format;
pub mod repr;
pub mod sort;
pub mod subscript;

//! Values and the object model: immediates and references (`value`), what a heap
//! object holds (`Kind` and its payloads), the heap's chunk table, the collector,
//! the dict and set hash tables, CPython's hash functions, allocation limits, and
//! the payloads library types bring (`opaque`).

pub mod attrs;
pub mod dict_table;
pub mod hash;
pub mod heap;
pub mod kind;
pub mod limits;
pub mod opaque;
pub mod set_table;
pub mod text;
pub mod value;

mod gc;
#[cfg(test)]
mod gc_tests;

pub use heap::{Chunk, Heap, Object, DICT_ENTRY_BYTES, SET_SLOT_BYTES};
pub use kind::*;
pub use value::{ObjRef, Value};

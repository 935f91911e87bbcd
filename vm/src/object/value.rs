//! Values: immediates (None, bool, small int, float) or references into the heap.

/// Index of an object in the heap. Never shown to programs (they see serial numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjRef(pub u32);

/// A Python value. 16 bytes, `Copy`: no reference counting anywhere.
///
/// `repr(u64)` puts every payload at offset 8, so copying a value is two aligned
/// 8-byte moves (with the default layout a `bool` payload sits at offset 1 and copies
/// overlap, which defeats store-to-load forwarding on the interpreter's hot path).
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Value {
    /// Not a Python value: an unbound local, an empty cell, the NULL of LOAD_METHOD.
    Undef,
    None,
    Bool(bool),
    /// An int that fits in 64 bits; larger ones are heap `BigInt`s (always normalized:
    /// a big int that fits is an `Int`).
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Value {
    #[inline]
    pub fn is_undef(self) -> bool {
        matches!(self, Value::Undef)
    }
    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }
    #[inline]
    pub fn obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }
    /// Identity (`is`): immediates compare by value (ints and floats bitwise).
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Undef, Value::Undef) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl From<ObjRef> for Value {
    fn from(r: ObjRef) -> Value {
        Value::Obj(r)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

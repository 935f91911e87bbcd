//! The typed results of effects: `FromVal` checks a logged value against the shape
//! its effect produces (a replayed value of another shape is a divergence), and OS
//! errors as effects log them.

use crate::effects::log::Val;

/// An OS error as an effect logs it: errno and message.
#[derive(Clone, Debug, PartialEq)]
pub struct OsErr(pub i32, pub String);

/// A logged result or OS error (`effect_as::<OsResult<Vec<u8>>>`).
pub type OsResult<T> = Result<T, OsErr>;

/// A Rust type an effect's logged value converts to (`Effects::effect_as`): every
/// replayed value is checked against the shape its effect produces, so a damaged
/// or foreign log diverges with a message instead of reaching the program as a
/// zero, an empty string or a panic.
pub trait FromVal: Sized {
    /// The shape, for messages ("bytes", "a list of 2 values (an int, an int)").
    fn shape() -> String;
    /// Whether `v` has this shape.
    fn is(v: &Val) -> bool;
    /// Convert a value for which `is` holds.
    fn take(v: Val) -> Option<Self>;
}

macro_rules! from_val_scalar {
    ($t:ty, $shape:literal, $pat:pat => $out:expr) => {
        impl FromVal for $t {
            fn shape() -> String {
                $shape.into()
            }
            #[allow(unused_variables)]
            fn is(v: &Val) -> bool {
                matches!(v, $pat)
            }
            fn take(v: Val) -> Option<Self> {
                match v {
                    $pat => Some($out),
                    _ => None,
                }
            }
        }
    };
}

from_val_scalar!((), "no value", Val::Unit => ());
from_val_scalar!(bool, "a bool", Val::Bool(b) => b);
from_val_scalar!(i64, "an int", Val::Int(i) => i);
from_val_scalar!(f64, "a float", Val::Float(f) => f);
from_val_scalar!(String, "a string", Val::Str(s) => s);
from_val_scalar!(Vec<u8>, "bytes", Val::Bytes(b) => b);
from_val_scalar!(OsErr, "an OS error", Val::Err(e, m) => OsErr(e, m));

/// Any value (host function results, converted by the VM).
impl FromVal for Val {
    fn shape() -> String {
        "any value".into()
    }
    fn is(_: &Val) -> bool {
        true
    }
    fn take(v: Val) -> Option<Self> {
        Some(v)
    }
}

/// A result or an OS error.
impl<T: FromVal> FromVal for Result<T, OsErr> {
    fn shape() -> String {
        format!("{} or an OS error", T::shape())
    }
    fn is(v: &Val) -> bool {
        matches!(v, Val::Err(..)) || T::is(v)
    }
    fn take(v: Val) -> Option<Self> {
        match v {
            Val::Err(e, m) => Some(Err(OsErr(e, m))),
            v => T::take(v).map(Ok),
        }
    }
}

/// A result or absent (`Val::None`).
impl<T: FromVal> FromVal for Option<T> {
    fn shape() -> String {
        format!("{} or nothing", T::shape())
    }
    fn is(v: &Val) -> bool {
        matches!(v, Val::None) || T::is(v)
    }
    fn take(v: Val) -> Option<Self> {
        match v {
            Val::None => Some(None),
            v => T::take(v).map(Some),
        }
    }
}

/// A list of any length, each item of one shape.
impl<T: FromVal> FromVal for Vec<T> {
    fn shape() -> String {
        format!("a list of {}", T::shape())
    }
    fn is(v: &Val) -> bool {
        matches!(v, Val::List(items) if items.iter().all(T::is))
    }
    fn take(v: Val) -> Option<Self> {
        match v {
            Val::List(items) => items.into_iter().map(T::take).collect(),
            _ => None,
        }
    }
}

macro_rules! from_val_tuple {
    ($n:literal: $($t:ident),*) => {
        /// A list of exactly this many values, of these shapes.
        impl<$($t: FromVal),*> FromVal for ($($t,)*) {
            fn shape() -> String {
                let parts: Vec<String> = vec![$($t::shape()),*];
                format!("a list of {} values ({})", $n, parts.join(", "))
            }
            fn is(v: &Val) -> bool {
                match v {
                    Val::List(items) if items.len() == $n => {
                        let mut it = items.iter();
                        $($t::is(it.next().unwrap_or(&Val::Unit)) &&)* true
                    }
                    _ => false,
                }
            }
            fn take(v: Val) -> Option<Self> {
                match v {
                    Val::List(items) if items.len() == $n => {
                        let mut it = items.into_iter();
                        Some(($($t::take(it.next()?)?,)*))
                    }
                    _ => None,
                }
            }
        }
    };
}

from_val_tuple!(2: A, B);
from_val_tuple!(3: A, B, C);

/// A logged value described for a message: "a string", "a list of 3 values".
pub fn describe(v: &Val) -> String {
    match v {
        Val::Unit => "no value".into(),
        Val::Bool(_) => "a bool".into(),
        Val::Int(_) => "an int".into(),
        Val::Float(_) => "a float".into(),
        Val::Str(_) => "a string".into(),
        Val::Bytes(b) => format!("{} bytes", b.len()),
        Val::None => "nothing".into(),
        Val::Err(..) => "an OS error".into(),
        Val::List(items) => format!("a list of {} values", items.len()),
    }
}

/// An OS error as an effect result: `Val::Err(errno, strerror)` with the C library's
/// message (as CPython shows it).
pub fn io_error_val(e: &std::io::Error) -> Val {
    let errno = e.raw_os_error().unwrap_or(5);
    let s = e.to_string();
    let msg = match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    Val::Err(errno, msg)
}

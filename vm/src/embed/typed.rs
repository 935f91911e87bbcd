//! Typed host functions: `vm.register_fn("add", |a: i64, b: i64| a + b)`.
//!
//! A Rust function or closure whose parameters implement [`FromHost`] (`i64`, `f64`,
//! `bool`, `String`, `Vec<u8>` for bytes, `Vec<T>`, `Option<T>`, tuples, or
//! [`HostValue`] for anything) and whose result implements [`IntoHostResult`] (the
//! same types, `()`, or a `Result<T, E: Display>` whose error is raised as
//! `RuntimeError`) becomes a host function. The VM checks the arguments against the
//! parameter types *before* the call, in every mode (so a replay raises the same
//! errors without the log), with CPython's messages:
//! `add() takes exactly 2 arguments (1 given)`,
//! `add() argument 2 must be int, not str`.
//!
//! It is a [`HostFunction`](super::host::HostFunction) like the untyped ones: each
//! call is an effect, recorded and replayed.

use super::host::HostValue;
use crate::Vm;

/// A Rust type a host function can take: converted from a [`HostValue`].
pub trait FromHost: Sized {
    /// The Python type it accepts, for messages (`int`, `list[str]`, `str | None`).
    fn type_name() -> String;
    /// The value, or `None` if `v` is not of this type.
    fn from_host(v: &HostValue) -> Option<Self>;
}

/// A Rust type a host function can return.
pub trait IntoHost {
    fn into_host(self) -> HostValue;
}

/// What a typed host function returns: a value, or an error raised as `RuntimeError`.
pub trait IntoHostResult {
    fn into_host_result(self) -> Result<HostValue, String>;
}

impl<T: IntoHost> IntoHostResult for T {
    fn into_host_result(self) -> Result<HostValue, String> {
        Ok(self.into_host())
    }
}

impl<T: IntoHost, E: std::fmt::Display> IntoHostResult for Result<T, E> {
    fn into_host_result(self) -> Result<HostValue, String> {
        self.map(IntoHost::into_host).map_err(|e| e.to_string())
    }
}

impl FromHost for HostValue {
    fn type_name() -> String {
        "object".into()
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        Some(v.clone())
    }
}
impl FromHost for i64 {
    fn type_name() -> String {
        "int".into()
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_int()
    }
}
impl FromHost for f64 {
    fn type_name() -> String {
        "float".into()
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_float()
    }
}
impl FromHost for bool {
    fn type_name() -> String {
        "bool".into()
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        match v {
            HostValue::Bool(b) => Some(*b),
            _ => None,
        }
    }
}
impl FromHost for String {
    fn type_name() -> String {
        "str".into()
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
}
/// `bytes` or `bytearray`.
impl FromHost for Vec<u8> {
    fn type_name() -> String {
        "bytes".into()
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        match v {
            HostValue::Bytes(b) => Some(b.clone()),
            _ => None,
        }
    }
}
/// A `list` or `tuple` of items of type `T`.
impl<T: FromHost> FromHost for Vec<T> {
    fn type_name() -> String {
        format!("list[{}]", T::type_name())
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        match v {
            HostValue::List(items) => items.iter().map(T::from_host).collect(),
            _ => None,
        }
    }
}
/// `None` or a `T`.
impl<T: FromHost> FromHost for Option<T> {
    fn type_name() -> String {
        format!("{} | None", T::type_name())
    }
    fn from_host(v: &HostValue) -> Option<Self> {
        match v {
            HostValue::None => Some(None),
            v => T::from_host(v).map(Some),
        }
    }
}

impl IntoHost for HostValue {
    fn into_host(self) -> HostValue {
        self
    }
}
impl IntoHost for () {
    fn into_host(self) -> HostValue {
        HostValue::None
    }
}
impl IntoHost for bool {
    fn into_host(self) -> HostValue {
        HostValue::Bool(self)
    }
}
impl IntoHost for i64 {
    fn into_host(self) -> HostValue {
        HostValue::Int(self)
    }
}
impl IntoHost for i32 {
    fn into_host(self) -> HostValue {
        HostValue::Int(self as i64)
    }
}
impl IntoHost for f64 {
    fn into_host(self) -> HostValue {
        HostValue::Float(self)
    }
}
impl IntoHost for String {
    fn into_host(self) -> HostValue {
        HostValue::Str(self)
    }
}
impl IntoHost for &str {
    fn into_host(self) -> HostValue {
        HostValue::Str(self.to_string())
    }
}
/// Returned as `bytes`.
impl IntoHost for Vec<u8> {
    fn into_host(self) -> HostValue {
        HostValue::Bytes(self)
    }
}
/// Returned as a `list`.
impl<T: IntoHost> IntoHost for Vec<T> {
    fn into_host(self) -> HostValue {
        HostValue::List(self.into_iter().map(IntoHost::into_host).collect())
    }
}
impl<T: IntoHost> IntoHost for Option<T> {
    fn into_host(self) -> HostValue {
        match self {
            Some(v) => v.into_host(),
            None => HostValue::None,
        }
    }
}

macro_rules! tuples {
    ($($n:literal: ($($t:ident $i:tt),+);)*) => {$(
        /// A `list` or `tuple` of exactly this many items (returned as a `list`).
        impl<$($t: FromHost),+> FromHost for ($($t,)+) {
            fn type_name() -> String {
                let names: Vec<String> = vec![$($t::type_name()),+];
                format!("tuple[{}]", names.join(", "))
            }
            fn from_host(v: &HostValue) -> Option<Self> {
                match v {
                    HostValue::List(items) if items.len() == $n => {
                        Some(($($t::from_host(&items[$i])?,)+))
                    }
                    _ => None,
                }
            }
        }
        impl<$($t: IntoHost),+> IntoHost for ($($t,)+) {
            fn into_host(self) -> HostValue {
                HostValue::List(vec![$(self.$i.into_host()),+])
            }
        }
    )*};
}
tuples! {
    2: (A 0, B 1);
    3: (A 0, B 1, C 2);
    4: (A 0, B 1, C 2, D 3);
}

/// Why arguments do not fit a typed host function.
#[derive(Debug, PartialEq)]
pub enum ArgMismatch {
    /// The function takes from `min` to `max` arguments (trailing `Option`
    /// parameters may be left out).
    Count { min: usize, max: usize },
    /// Argument `.0` (from 0) is not of the type named `.1`.
    Type(usize, String),
}

/// A Rust function usable as a typed host function, for parameters `Args` (a tuple
/// of the parameter types). Implemented for functions and closures of up to six
/// parameters.
pub trait TypedHostFn<Args>: 'static {
    /// Whether `args` fit the parameters.
    fn check(args: &[HostValue]) -> Result<(), ArgMismatch>;
    /// Call with arguments that passed `check`.
    fn call(&self, args: &[HostValue]) -> Result<HostValue, String>;
}

macro_rules! typed_fns {
    ($($n:literal: ($($t:ident $i:tt),*);)*) => {$(
        impl<F, R, $($t),*> TypedHostFn<($($t,)*)> for F
        where
            F: Fn($($t),*) -> R + 'static,
            R: IntoHostResult,
            $($t: FromHost,)*
        {
            fn check(args: &[HostValue]) -> Result<(), ArgMismatch> {
                // Trailing parameters that accept None (`Option`) may be left out.
                let optional: &[bool] = &[$($t::from_host(&HostValue::None).is_some()),*];
                let min = $n - optional.iter().rev().take_while(|o| **o).count();
                if args.len() < min || args.len() > $n {
                    return Err(ArgMismatch::Count { min, max: $n });
                }
                $(
                    if $i < args.len() && $t::from_host(&args[$i]).is_none() {
                        return Err(ArgMismatch::Type($i, $t::type_name()));
                    }
                )*
                Ok(())
            }
            #[allow(unused_variables)]
            fn call(&self, args: &[HostValue]) -> Result<HostValue, String> {
                if args.len() > $n {
                    return Err(format!("expected {} arguments", $n));
                }
                let none = HostValue::None;
                let arg = |i: usize| args.get(i).unwrap_or(&none);
                self($(
                    match $t::from_host(arg($i)) {
                        Some(v) => v,
                        None => return Err(format!("argument {} must be {}", $i + 1, $t::type_name())),
                    }
                ),*)
                .into_host_result()
            }
        }
    )*};
}
typed_fns! {
    0: ();
    1: (A 0);
    2: (A 0, B 1);
    3: (A 0, B 1, C 2);
    4: (A 0, B 1, C 2, D 3);
    5: (A 0, B 1, C 2, D 3, E 4);
    6: (A 0, B 1, C 2, D 3, E 4, G 5);
}

impl Vm {
    /// Register a typed host function: `name` is `"module.function"` (the module is
    /// created if needed, as by [`Vm::register_host_function`]) or a plain
    /// `"function"`, which becomes a builtin. The arguments are converted to the
    /// closure's parameter types, with a `TypeError` as CPython's when they do not fit;
    /// the result is converted back (`Err(e)` raises `RuntimeError(str(e))`).
    ///
    /// ```
    /// # use revpy_vm::{OutputSink, Vm};
    /// let mut vm = Vm::new();
    /// vm.effects.stdout = OutputSink::Buffer(vec![]);
    /// vm.register_fn("geo.scale", |xs: Vec<f64>, k: f64| -> Vec<f64> {
    ///     xs.iter().map(|x| x * k).collect()
    /// })
    /// .unwrap();
    /// let code = vm.compile("import geo\nprint(geo.scale([1, 2.5], 2))", "<doc>").unwrap();
    /// vm.run_main(code).unwrap();
    /// assert_eq!(vm.effects.captured_stdout(), b"[2.0, 5.0]\n");
    /// ```
    pub fn register_fn<Args, F: TypedHostFn<Args>>(
        &mut self,
        name: &str,
        f: F,
    ) -> Result<(), String> {
        let (module, fname) = match name.rsplit_once('.') {
            Some((m, f)) => (m, f),
            None => ("builtins", name),
        };
        let check: std::rc::Rc<super::host::HostCheck> =
            std::rc::Rc::new(|args: &[HostValue]| F::check(args));
        self.register_host_function_checked(module, fname, move |args| f.call(args), Some(check))
    }
}

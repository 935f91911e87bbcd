//! Limits that turn requests a program cannot have into Python exceptions, never into
//! an abort of the process: the size of a single allocation (`MemoryError` /
//! `OverflowError` as CPython raises them), the depth of native recursion over nested
//! containers (`RecursionError`), and the number of digits of int <-> str conversions
//! (CPython's `sys.set_int_max_str_digits`).
//!
//! Every limit is a function of the program (sizes it asks for, its recursion limit),
//! never of the machine's memory, so whether an error is raised is the same in every
//! run and every replay. `try_reserve` is only the last line of defence when the
//! machine has less memory than the limit allows.

use crate::object::Kind;
use crate::object::Value;
use crate::{PyErr, PyResult, Vm};

/// The largest single allocation a program may ask for: 4 GiB (a str or bytes of 4 Gi
/// bytes, a list or tuple of 256 Mi items). Larger requests raise `MemoryError`.
pub const MAX_ALLOC_BYTES: usize = 1 << 32;

/// The largest int a shift or power may create, in bytes (1 GiB, 2^33 bits): ints
/// are copied by arithmetic, so a few copies of one must still fit the machine.
pub const MAX_INT_BYTES: usize = 1 << 30;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero value `sys.set_int_max_str_digits` accepts.
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

impl Vm {
    /// `MemoryError` with no message, as CPython raises it.
    pub fn memory_error(&mut self) -> PyErr {
        self.new_error(self.types.memory_error, String::new())
    }

    /// Check that `n` items of `item_bytes` bytes each may be allocated.
    pub fn check_alloc(&mut self, n: usize, item_bytes: usize) -> PyResult<()> {
        match n.checked_mul(item_bytes) {
            Some(b) if b <= MAX_ALLOC_BYTES => Ok(()),
            _ => Err(self.memory_error()),
        }
    }

    /// An empty vector with room for `n` items, or `MemoryError`.
    pub fn alloc_vec<T>(&mut self, n: usize) -> PyResult<Vec<T>> {
        self.check_alloc(n, std::mem::size_of::<T>().max(1))?;
        let mut v = Vec::new();
        if v.try_reserve_exact(n).is_err() {
            return Err(self.memory_error());
        }
        Ok(v)
    }

    /// Make room for `extra` more items in `v`, or `MemoryError`.
    pub fn reserve_vec<T>(&mut self, v: &mut Vec<T>, extra: usize) -> PyResult<()> {
        let Some(n) = v.len().checked_add(extra) else {
            return Err(self.memory_error());
        };
        self.check_alloc(n, std::mem::size_of::<T>().max(1))?;
        if v.try_reserve(extra).is_err() {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// An empty string with room for `n` bytes, or `MemoryError`.
    pub fn alloc_string(&mut self, n: usize) -> PyResult<String> {
        self.check_alloc(n, 1)?;
        let mut s = String::new();
        if s.try_reserve_exact(n).is_err() {
            return Err(self.memory_error());
        }
        Ok(s)
    }

    /// Make room for `extra` more bytes in `s`, or `MemoryError`.
    pub fn reserve_string(&mut self, s: &mut String, extra: usize) -> PyResult<()> {
        match s.len().checked_add(extra) {
            Some(n) if n <= MAX_ALLOC_BYTES && s.try_reserve(extra).is_ok() => Ok(()),
            _ => Err(self.memory_error()),
        }
    }

    /// `count` copies of `unit`, or `MemoryError` (padding, `str * n`).
    pub fn repeat_str(&mut self, unit: &str, count: usize) -> PyResult<String> {
        let v = self.repeat_vec(unit.as_bytes(), count)?;
        // Copies of a whole str are UTF-8.
        Ok(String::from_utf8(v).unwrap_or_default())
    }

    /// `count` copies of `unit` (any element type), or `MemoryError`.
    pub fn repeat_vec<T: Copy>(&mut self, unit: &[T], count: usize) -> PyResult<Vec<T>> {
        if unit.is_empty() || count == 0 {
            return Ok(Vec::new());
        }
        let Some(n) = unit.len().checked_mul(count) else {
            return Err(self.memory_error());
        };
        let mut v = self.alloc_vec(n)?;
        v.extend_from_slice(unit);
        // Double what is there while that fits, then copy the rest.
        while v.len() * 2 <= n {
            v.extend_from_within(..);
        }
        let rest = n - v.len();
        v.extend_from_within(..rest);
        Ok(v)
    }

    /// The length of a sequence of `len` items repeated `count` times (`seq * n`):
    /// `OverflowError(overflow)` if it does not fit a Py_ssize_t (CPython's message
    /// for str and bytes; `None` gives `MemoryError`, as for lists and tuples).
    pub fn repeat_len(
        &mut self,
        len: usize,
        count: usize,
        overflow: Option<&str>,
    ) -> PyResult<usize> {
        match len.checked_mul(count).filter(|n| *n <= isize::MAX as usize) {
            Some(n) => Ok(n),
            None => Err(match overflow {
                Some(msg) => self.new_overflow_error(msg),
                None => self.memory_error(),
            }),
        }
    }

    /// An index-sized integer argument (`seq * n`, `bytes(n)`): `OverflowError` if it
    /// does not fit, as CPython's `PyNumber_AsSsize_t(n, OverflowError)`; `None` if
    /// `v` is not an integer.
    pub fn index_ssize(&mut self, v: Value) -> PyResult<Option<i64>> {
        match self.index_of(v) {
            Err(e) if self.isinstance_ref(e.0, self.types.index_error) => {
                Err(self.new_overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            r => r,
        }
    }

    /// An integer argument that must fit a C `Py_ssize_t` (`str.ljust(width)`):
    /// `OverflowError` as CPython's for larger ints, `TypeError` for non-integers.
    pub fn expect_ssize(&mut self, v: Value) -> PyResult<i64> {
        match self.index_of(v) {
            Err(e) if self.isinstance_ref(e.0, self.types.index_error) => {
                Err(self.new_overflow_error("Python int too large to convert to C ssize_t"))
            }
            Err(e) => Err(e),
            Ok(Some(i)) => Ok(i),
            Ok(None) => {
                let t = self.type_name(v);
                Err(self
                    .new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// An integer argument that must fit a C `int` (`str.expandtabs(tabsize)`).
    pub fn expect_c_int(&mut self, v: Value) -> PyResult<i32> {
        let i = self.expect_ssize(v).map_err(|e| {
            if self.isinstance_ref(e.0, self.types.overflow_error) {
                self.new_overflow_error("Python int too large to convert to C int")
            } else {
                e
            }
        })?;
        i32::try_from(i)
            .map_err(|_| self.new_overflow_error("Python int too large to convert to C int"))
    }

    /// Enter one level of native recursion (repr, comparison, hashing of nested
    /// containers): these count against the recursion limit together with Python
    /// frames, so deep nesting raises `RecursionError` instead of overflowing the
    /// Rust stack. `what` ends CPython's message (" while getting the repr of an
    /// object", " in comparison"). Pair with `leave_native`.
    #[inline]
    pub fn enter_native(&mut self, what: &str) -> PyResult<()> {
        if self.frames.len() + self.native_depth as usize >= self.recursion_limit {
            return Err(self.new_error(
                self.types.recursion_error,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.native_depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    /// Run `f` one level deeper in native recursion (see `enter_native`).
    #[inline]
    pub fn nested<T>(&mut self, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter_native(what)?;
        let r = f(self);
        self.leave_native();
        r
    }
}

impl Vm {
    /// The decimal digits of `n` (with a `-` if negative), or CPython's `ValueError`
    /// if there are more than `sys.get_int_max_str_digits()`. Large values are refused
    /// from their bit length before any conversion work.
    pub fn int_to_decimal(&mut self, n: &num_bigint::BigInt) -> PyResult<String> {
        let limit = self.int_max_str_digits;
        if limit > 0 {
            // n >= 2^(bits-1) has more than (bits-1)*log10(2) digits.
            let bits = n.bits();
            if bits > 1 && ((bits - 1) as f64 * std::f64::consts::LOG10_2) as usize >= limit {
                return Err(self.int_str_limit_error(None));
            }
        }
        let s = n.to_string();
        if limit > 0 && s.trim_start_matches('-').len() > limit {
            return Err(self.int_str_limit_error(None));
        }
        Ok(s)
    }

    /// CPython's error for an int <-> str conversion over the digit limit (`digits`:
    /// the length of the string converted from, when known).
    pub fn int_str_limit_error(&mut self, digits: Option<usize>) -> PyErr {
        let limit = self.int_max_str_digits;
        let has = match digits {
            Some(d) => format!(": value has {d} digits"),
            None => String::new(),
        };
        self.new_value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion{has}; use sys.set_int_max_str_digits() to increase the limit"
        ))
    }
}

use crate::{Kw, KwSpec};

/// `sys.flags` of `python3` run with `PYTHONHASHSEED=0` (revpy's hashing), in
/// CPython 3.11's order.
const SYS_FLAGS: [(&str, Value); 18] = [
    ("debug", Value::Int(0)),
    ("inspect", Value::Int(0)),
    ("interactive", Value::Int(0)),
    ("optimize", Value::Int(0)),
    ("dont_write_bytecode", Value::Int(0)),
    ("no_user_site", Value::Int(0)),
    ("no_site", Value::Int(0)),
    ("ignore_environment", Value::Int(0)),
    ("verbose", Value::Int(0)),
    ("bytes_warning", Value::Int(0)),
    ("quiet", Value::Int(0)),
    ("hash_randomization", Value::Int(0)),
    ("isolated", Value::Int(0)),
    ("dev_mode", Value::Bool(false)),
    ("utf8_mode", Value::Int(0)),
    ("warn_default_encoding", Value::Int(0)),
    ("safe_path", Value::Bool(false)),
    // -1: not set by `-X int_max_str_digits` or the environment.
    ("int_max_str_digits", Value::Int(-1)),
];

/// Add `sys.get_int_max_str_digits`, `sys.set_int_max_str_digits` and `sys.flags`
/// to the `sys` module's dict.
pub(crate) fn register_sys(vm: &mut Vm, sys_dict: crate::object::ObjRef) {
    vm.add_function(
        sys_dict,
        "get_int_max_str_digits",
        get_int_max_str_digits,
        crate::Arity::none(),
    );
    vm.add_function(
        sys_dict,
        "set_int_max_str_digits",
        set_int_max_str_digits,
        crate::Arity::parsed(),
    );
    // `sys.flags`: a tuple whose items are also attributes, shown as CPython shows it.
    let tuple = vm.types.tuple;
    let cls = vm.new_native_class("flags", tuple, "sys");
    vm.add_method(cls, "__repr__", flags_repr, crate::Arity::none());
    if let Kind::Class(c) = vm.heap.kind_mut(cls) {
        // Its own `__repr__` must win over the tuple's.
        c.is_builtin = false;
    }
    let values = SYS_FLAGS.iter().map(|(_, v)| *v).collect();
    let flags = vm.heap.alloc(cls, Kind::Tuple(values));
    let d = vm.new_dict();
    vm.heap.get_mut(flags).set_dict(Some(d));
    for (name, v) in SYS_FLAGS {
        let k = vm.intern(name);
        let _ = vm.dict_set(d, k, v);
    }
    let k = vm.intern("flags");
    let _ = vm.dict_set(sys_dict, k, Value::Obj(flags));
}

fn flags_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let items = vm.tuple_items(args[0]);
    let mut parts = Vec::with_capacity(items.len());
    for ((name, _), v) in SYS_FLAGS.iter().zip(items) {
        parts.push(format!("{name}={}", vm.repr(v)?));
    }
    Ok(vm.new_str(format!("sys.flags({})", parts.join(", "))))
}

fn get_int_max_str_digits(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`.
fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("set_int_max_str_digits", ["maxdigits"]).required(1);
    let [n] = SPEC.parse(vm, args, kw)?;
    let n = vm.expect_c_int(n.unwrap_or(Value::None))?;
    if n != 0 && (n as usize) < INT_MAX_STR_DIGITS_THRESHOLD || n < 0 {
        return Err(vm.new_value_error("maxdigits must be 0 or larger than 640".into()));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

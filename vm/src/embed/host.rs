//! Host functions: Rust closures an embedder registers, callable from Python.
//!
//! A call to a host function is an effect (`EffectKind::HostCall`): under record the
//! closure runs and its result is logged; under replay the closure is *not* called and
//! the logged result is returned. Arguments and results cross the boundary as plain
//! Rust values ([`HostValue`]), so a closure never sees the heap.
//!
//! A host function is a native whose `NativeFunc::host` holds its index in the VM's
//! registry (`Vm::host_functions`); `Vm::call` dispatches on it. Closures are
//! immutable and shared by `Rc` between a VM and its snapshots.

use crate::effects::log::Val;
use crate::effects::EffectKind;
use crate::object::Value;
use crate::object::{Kind, NativeFunc};
use crate::{PyResult, Vm};
use std::rc::Rc;

/// A value passed to or returned by a host function.
#[derive(Clone, Debug, PartialEq)]
pub enum HostValue {
    None,
    Bool(bool),
    /// Python ints that fit in 64 bits (larger ones raise `OverflowError`).
    Int(i64),
    Float(f64),
    Str(String),
    /// `bytes` or `bytearray`.
    Bytes(Vec<u8>),
    /// A `list` or `tuple` (returned to Python as a `list`).
    List(Vec<HostValue>),
}

impl From<()> for HostValue {
    fn from(_: ()) -> Self {
        HostValue::None
    }
}
impl From<bool> for HostValue {
    fn from(b: bool) -> Self {
        HostValue::Bool(b)
    }
}
impl From<i64> for HostValue {
    fn from(i: i64) -> Self {
        HostValue::Int(i)
    }
}
impl From<f64> for HostValue {
    fn from(f: f64) -> Self {
        HostValue::Float(f)
    }
}
impl From<&str> for HostValue {
    fn from(s: &str) -> Self {
        HostValue::Str(s.to_string())
    }
}
impl From<String> for HostValue {
    fn from(s: String) -> Self {
        HostValue::Str(s)
    }
}
impl From<Vec<u8>> for HostValue {
    fn from(b: Vec<u8>) -> Self {
        HostValue::Bytes(b)
    }
}
impl From<Vec<HostValue>> for HostValue {
    fn from(v: Vec<HostValue>) -> Self {
        HostValue::List(v)
    }
}

impl HostValue {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            HostValue::Int(i) => Some(*i),
            HostValue::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }
    pub fn as_float(&self) -> Option<f64> {
        match self {
            HostValue::Float(f) => Some(*f),
            HostValue::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            HostValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The log encoding of a result.
    fn to_val(&self) -> Val {
        match self {
            HostValue::None => Val::None,
            HostValue::Bool(b) => Val::Bool(*b),
            HostValue::Int(i) => Val::Int(*i),
            HostValue::Float(f) => Val::Float(*f),
            HostValue::Str(s) => Val::Str(s.clone()),
            HostValue::Bytes(b) => Val::Bytes(b.clone()),
            HostValue::List(v) => Val::List(v.iter().map(HostValue::to_val).collect()),
        }
    }
}

/// The signature of a host function: plain values in, a plain value or an error
/// message (raised as `RuntimeError`) out.
pub type HostFn = dyn Fn(&[HostValue]) -> Result<HostValue, String>;

/// The argument check of a typed host function (`Vm::register_fn`), run before the
/// call (and before the effect) in every mode.
pub type HostCheck = dyn Fn(&[HostValue]) -> Result<(), super::typed::ArgMismatch>;

/// A registered host function.
#[derive(Clone)]
pub struct HostFunction {
    /// `module.name` (or `name` for builtins), for messages.
    pub qualname: String,
    pub f: Rc<HostFn>,
    /// For typed host functions: the check of the arguments' types.
    pub check: Option<Rc<HostCheck>>,
}

impl std::fmt::Debug for HostFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<host function {}>", self.qualname)
    }
}

/// Lists nested deeper than this cannot cross the boundary (cycles included).
const MAX_DEPTH: usize = 64;

/// The `NativeFn` of every host function: never called, because `Vm::call`
/// dispatches on `NativeFunc::host` first.
fn host_placeholder(vm: &mut Vm, _: &[Value], _: &[(Value, Value)]) -> PyResult<Value> {
    Err(vm.new_error(
        vm.types.system_error,
        "host function called without its index".into(),
    ))
}

/// Native function names are `&'static str`: leak each distinct host name once.
fn static_name(name: &str) -> &'static str {
    static NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(n) = names.iter().find(|n| **n == name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(n);
    n
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic())
        && cs.all(|c| c == '_' || c.is_alphanumeric())
}

impl Vm {
    /// Make a Rust closure callable from Python as `module.name` (`module` is created
    /// and put in `sys.modules` if needed, so `import module` finds it without touching
    /// the file system) or, with `module == "builtins"`, as a builtin `name`.
    ///
    /// Each call is an effect: recorded with its result, and in replay answered from
    /// the log without calling `f`. A replaying VM must therefore register the same
    /// functions, in the same order, as the recording one (the closures may differ).
    /// `f` gets the positional arguments (keyword arguments raise `TypeError`);
    /// returning `Err(message)` raises `RuntimeError(message)` in Python.
    pub fn register_host_function(
        &mut self,
        module: &str,
        name: &str,
        f: impl Fn(&[HostValue]) -> Result<HostValue, String> + 'static,
    ) -> Result<(), String> {
        self.register_host_function_checked(module, name, f, None)
    }

    /// `register_host_function` with an argument check (typed host functions).
    pub(crate) fn register_host_function_checked(
        &mut self,
        module: &str,
        name: &str,
        f: impl Fn(&[HostValue]) -> Result<HostValue, String> + 'static,
        check: Option<Rc<HostCheck>>,
    ) -> Result<(), String> {
        if !is_identifier(name) {
            return Err(format!(
                "host function name {name:?} is not a Python identifier"
            ));
        }
        if !is_identifier(module) {
            return Err(format!(
                "host module name {module:?} is not a Python identifier"
            ));
        }
        let index = self.host_functions.len();
        let dict = if module == "builtins" {
            self.builtins
        } else {
            let key = self.intern(module);
            match self.dict_get(self.modules, key) {
                Ok(Some(Value::Obj(m))) if matches!(self.heap.kind(m), Kind::Module(_)) => {
                    self.module_dict(m)
                }
                _ => {
                    let m = self.new_module(module);
                    self.dict_set(self.modules, key, Value::Obj(m))
                        .map_err(|_| "cannot add the host module to sys.modules".to_string())?;
                    self.module_dict(m)
                }
            }
        };
        let qualname = if module == "builtins" {
            name.to_string()
        } else {
            format!("{module}.{name}")
        };
        self.host_functions.push(HostFunction {
            qualname,
            f: Rc::new(f),
            check,
        });
        let cls = self.types.builtin_function;
        let func = self.heap.alloc(
            cls,
            Kind::Native(Box::new(NativeFunc {
                name: static_name(name),
                owner: None,
                f: host_placeholder,
                binds: false,
                host: Some(index as u32),
                gc_safe: false,
                arity: crate::args::Arity::any().kw(),
                role: crate::args::Role::Function,
                cls: None,
                module: None,
            })),
        );
        let key = self.intern(name);
        self.dict_set(dict, key, Value::Obj(func))
            .map_err(|_| format!("cannot store host function {name}"))
    }

    /// A Python value as a host value (for host function arguments).
    pub fn host_value_of(&mut self, v: Value) -> PyResult<HostValue> {
        self.host_value_depth(v, 0)
    }

    fn host_value_depth(&mut self, v: Value, depth: usize) -> PyResult<HostValue> {
        Ok(match v {
            Value::None => HostValue::None,
            Value::Bool(b) => HostValue::Bool(b),
            Value::Int(i) => HostValue::Int(i),
            Value::Float(f) => HostValue::Float(f),
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Str(s) => HostValue::Str(s.s.to_string()),
                Kind::Bytes(b) | Kind::ByteArray(b) => HostValue::Bytes(b.clone()),
                Kind::BigInt(_) => {
                    return Err(self.new_error(
                        self.types.overflow_error,
                        "int too large to pass to a host function (64 bits at most)".into(),
                    ))
                }
                Kind::List(items) | Kind::Tuple(items) => {
                    if depth >= MAX_DEPTH {
                        return Err(self.new_value_error(
                            "list nested too deeply to pass to a host function".into(),
                        ));
                    }
                    let items = items.clone();
                    let mut out = Vec::with_capacity(items.len());
                    for x in items {
                        out.push(self.host_value_depth(x, depth + 1)?);
                    }
                    HostValue::List(out)
                }
                _ => {
                    let t = self.type_name(v);
                    return Err(
                        self.new_type_error(format!("a host function cannot take a '{t}' value"))
                    );
                }
            },
            Value::Undef => HostValue::None,
        })
    }

    /// A host value (or its log encoding) as a Python value.
    fn value_from_log(&mut self, v: Val) -> PyResult<Value> {
        Ok(match v {
            Val::Unit | Val::None => Value::None,
            Val::Bool(b) => Value::Bool(b),
            Val::Int(i) => Value::Int(i),
            Val::Float(f) => Value::Float(f),
            Val::Str(s) => self.new_str(s),
            Val::Bytes(b) => self.new_bytes(b),
            Val::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    let v = self.value_from_log(x)?;
                    // Keep finished items visible to the collector while building.
                    self.temp_roots.push(v);
                    out.push(v);
                }
                self.temp_roots.truncate(self.temp_roots.len() - out.len());
                self.new_list(out)
            }
            Val::Err(_, msg) => return Err(self.new_error(self.types.runtime_error, msg)),
        })
    }

    /// Convert a host value to a Python value.
    pub fn value_of_host(&mut self, v: &HostValue) -> PyResult<Value> {
        self.value_from_log(v.to_val())
    }
}

pub(crate) fn call_host(
    vm: &mut Vm,
    index: usize,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let Some(h) = vm.host_functions.get(index).cloned() else {
        return Err(vm.new_error(vm.types.runtime_error, format!("no host function #{index}")));
    };
    if !kw.is_empty() {
        return Err(vm.new_type_error(format!("{}() takes no keyword arguments", h.qualname)));
    }
    let mut hargs = Vec::with_capacity(args.len());
    for a in args {
        hargs.push(vm.host_value_of(*a)?);
    }
    if let Some(check) = &h.check {
        match check(&hargs) {
            Ok(()) => {}
            Err(super::typed::ArgMismatch::Count { min, max }) => {
                let name = h.qualname.rsplit('.').next().unwrap_or("");
                let (how, n) = if min == max {
                    ("exactly", min)
                } else if args.len() > max {
                    ("at most", max)
                } else {
                    ("at least", min)
                };
                let s = if n == 1 { "" } else { "s" };
                return Err(vm.new_type_error(format!(
                    "{name}() takes {how} {n} argument{s} ({} given)",
                    args.len()
                )));
            }
            Err(super::typed::ArgMismatch::Type(i, want)) => {
                let name = h.qualname.rsplit('.').next().unwrap_or("");
                let t = vm.type_name(args[i]);
                return Err(vm.new_type_error(format!(
                    "{name}() argument {} must be {want}, not {t}",
                    i + 1
                )));
            }
        }
    }
    // The result is logged with the function's index, so that a replay calling a
    // different host function than the recording did is reported as a divergence.
    let effect_no = vm.effects.count;
    let r = vm
        .effects
        .effect_as::<(i64, Val)>(EffectKind::HostCall, move |_| {
            let result = match (h.f)(&hargs) {
                Ok(v) => v.to_val(),
                Err(msg) => Val::Err(0, msg),
            };
            Val::List(vec![Val::Int(index as i64), result])
        });
    let (i, result) = vm.fx(r)?;
    if i == index as i64 {
        return vm.value_from_log(result);
    }
    let recorded = match vm.host_functions.get(i as usize) {
        Some(h) if i >= 0 => format!("host function #{i} ({})", h.qualname),
        _ => format!("host function #{i}"),
    };
    Err(host_divergence(vm, effect_no, &recorded, index))
}

fn host_divergence(vm: &mut Vm, effect_no: u64, recorded: &str, index: usize) -> crate::PyErr {
    let (file, line) = match vm.frames.last() {
        Some(f) => (f.code.code.filename.to_string(), f.line()),
        None => ("<none>".into(), 0),
    };
    let asked = vm
        .host_functions
        .get(index)
        .map(|h| h.qualname.clone())
        .unwrap_or_default();
    let message = format!(
        "replay diverged at effect #{effect_no} (file {file}, line {line}): the recording has {recorded}, the program asked for host function #{index} ({asked})"
    );
    vm.abort_with(message)
}

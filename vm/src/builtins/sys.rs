//! The `sys` module: argv, exit, modules, path, version, recursion limit, and the
//! standard streams (writes go through the effects boundary).

use crate::args::{Arity, NativeDef};
use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

use crate::Kw;

/// Which standard stream an object stands for (kept in its `_fd` attribute).
pub fn stream_fd(vm: &mut Vm, v: Value) -> Option<i64> {
    let Value::Obj(r) = v else { return None };
    let cls = vm.heap.get(r).class;
    if vm.class_name(cls) != "TextIOWrapper" {
        return None;
    }
    let k = vm.intern("_fd");
    match vm.instance_attr(v, k) {
        Some(Value::Int(fd)) => Some(fd),
        _ => None,
    }
}

/// `stream_fd` of a console stream that is still open; ValueError after its
/// `close()`, as CPython's streams.
pub fn open_fd(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    let fd = stream_fd(vm, v);
    if fd.is_some() {
        let k = vm.intern("closed");
        if let Some(Value::Bool(true)) = vm.instance_attr(v, k) {
            let e = vm.types.value_error;
            return Err(vm.new_error(e, "I/O operation on closed file.".into()));
        }
    }
    Ok(fd)
}

/// An attribute of the `sys` module as the program set it (`sys.stdout`), if any.
pub fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = vm.sys?;
    let d = vm.module_dict(sys);
    let k = vm.intern(name);
    vm.dict_get_str(d, k)
}

/// `print(..., file=sys.stdout/stderr)` without a method call; false if `f` is not one.
pub fn write_std_stream(vm: &mut Vm, f: Value, s: &str) -> PyResult<bool> {
    let r = match open_fd(vm, f)? {
        Some(1) => vm.effects.write_stdout(s),
        Some(2) => vm.effects.write_stderr(s),
        _ => return Ok(false),
    };
    vm.fx(r)?;
    Ok(true)
}

fn io_write(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("write", &args[1..], 1, 1)?;
    let s = match vm.as_str(args[1]) {
        Some(s) => s.to_string(),
        None => {
            let t = vm.type_name(args[1]);
            return Err(vm.new_type_error(format!("write() argument must be str, not {t}")));
        }
    };
    let n = s.chars().count();
    match open_fd(vm, args[0])? {
        Some(1) => {
            let r = vm.effects.write_stdout(&s);
            vm.fx(r)?
        }
        Some(2) => {
            let r = vm.effects.write_stderr(&s);
            vm.fx(r)?
        }
        _ => return Err(vm.new_error(vm.types.os_error, "not writable".into())),
    }
    Ok(Value::Int(n as i64))
}
fn io_flush(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    open_fd(vm, args[0])?;
    vm.effects.flush_stdout();
    Ok(Value::None)
}
fn io_readline(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if open_fd(vm, args[0])? != Some(0) {
        return Err(vm.new_error(vm.types.os_error, "not readable".into()));
    }
    let r = vm.effects.read_line();
    let l = vm.fx(r)?;
    Ok(vm.new_str(l))
}
fn io_read(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("read", &args[1..], 0, 1)?;
    if open_fd(vm, args[0])? != Some(0) {
        return Err(vm.new_error(vm.types.os_error, "not readable".into()));
    }
    let n = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.expect_int(*v, "size")?;
            (n >= 0).then_some(n as usize)
        }
    };
    let r = vm.effects.read_stdin(n);
    let s = vm.fx(r)?;
    Ok(vm.new_str(s))
}
fn io_writelines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.check_args("writelines", &args[1..], 1, 1)?;
    let items = vm.iterate_rooted(args[1])?;
    for it in items {
        io_write(vm, &[args[0], it], kw)?;
    }
    Ok(Value::None)
}
fn io_readlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = io_read(vm, &args[..1], kw)?;
    let text = vm.str_of(s).to_string();
    let lines: Vec<Value> = text
        .split_inclusive('\n')
        .map(|l| vm.new_str(l.to_string()))
        .collect();
    Ok(vm.new_list(lines))
}
fn io_iter(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}
fn io_next(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let l = io_readline(vm, args, kw)?;
    if vm.str_of(l).is_empty() {
        return Err(vm.new_stop_iteration(Value::None));
    }
    Ok(l)
}
fn io_isatty(_vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(false))
}
fn io_enter(_vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(args[0])
}
/// `with sys.stdout as f:` closes it at the end, as CPython's does.
fn io_exit(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    io_close(vm, &args[..1], kw)
}
/// `close()`: flushes and marks the stream closed (`closed` is True): later reads,
/// writes and flushes raise ValueError, as CPython's (the console itself stays
/// open for revpy's own messages).
fn io_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.effects.flush_stdout();
    if let Value::Obj(r) = args[0] {
        if let Some(d) = vm.heap.get(r).dict() {
            let k = vm.intern("closed");
            vm.dict_set(d, k, Value::Bool(true))?;
        }
    }
    Ok(Value::None)
}
fn io_fileno(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(stream_fd(vm, args[0]).unwrap_or(-1)))
}
fn io_readable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(stream_fd(vm, args[0]) == Some(0)))
}
fn io_writable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(matches!(stream_fd(vm, args[0]), Some(1 | 2))))
}

macro_rules! tuple_field {
    ($($f:ident = $i:expr,)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
                Ok(vm.tuple_items(args[0]).get($i).copied().unwrap_or(Value::None))
            }
        )*
    };
}
tuple_field! {
    vi_major = 0,
    vi_minor = 1,
    vi_micro = 2,
    vi_releaselevel = 3,
    vi_serial = 4,
}

fn sys_exit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("exit", args, 0, 1)?;
    let a = match args.first() {
        Some(v) if !v.is_none() => vec![*v],
        _ => vec![],
    };
    Err(vm.new_exception(vm.types.system_exit, a))
}
fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}
fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("setrecursionlimit", args, 1, 1)?;
    let n = vm.expect_int(args[0], "")?;
    if n < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1".into()));
    }
    vm.recursion_limit = (n as usize).min(200_000);
    Ok(Value::None)
}
fn exc_info(vm: &mut Vm, _args: &[Value], _: Kw) -> PyResult<Value> {
    let e = vm.exc_info;
    if e.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.type_of(e));
    let tb = match e {
        Value::Obj(r) => crate::types::frame::traceback_of(vm, r),
        _ => Value::None,
    };
    Ok(vm.new_tuple(vec![t, e, tb]))
}
/// `sys.displayhook(value)`: what an expression statement of the REPL or of code
/// compiled in 'single' mode does with its value: print its repr to `sys.stdout`
/// and keep it in `builtins._`.
fn displayhook(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let v = args[0];
    if v.is_none() {
        return Ok(Value::None);
    }
    let k = vm.intern("_");
    vm.dict_set(vm.builtins, k, Value::None)?;
    let s = vm.repr(v)?;
    write_stdout(vm, &format!("{s}\n"))?;
    vm.dict_set(vm.builtins, k, v)?;
    Ok(Value::None)
}

/// `sys.excepthook(type, value, traceback)` (also `sys.__excepthook__`): print the
/// exception and its traceback to stderr, as the interpreter does for an uncaught one.
fn excepthook(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let text = match args[1] {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Exception(_)) => {
            vm.format_exception(crate::PyErr(r))
        }
        // CPython reports the mistake instead of raising it.
        v => {
            let t = vm.type_name(v);
            format!("TypeError: print_exception(): Exception expected for value, {t} found\n")
        }
    };
    vm.effects.flush_stdout();
    let r = vm.effects.write_stderr(&text);
    vm.fx(r)?;
    Ok(Value::None)
}

/// Write text to `sys.stdout` as `print` does.
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    match sys_attr(vm, "stdout") {
        Some(f) if stream_fd(vm, f) != Some(1) && !f.is_none() => {
            let t = vm.new_str(s.to_string());
            vm.call_method(f, "write", &[t])?;
            Ok(())
        }
        _ => {
            let r = vm.effects.write_stdout(s);
            vm.fx(r)
        }
    }
}

/// PRINT_EXPR: call `sys.displayhook`.
pub fn print_expr(vm: &mut Vm, v: Value) -> PyResult<()> {
    match sys_attr(vm, "displayhook") {
        Some(h) => {
            vm.call(h, &[v], &[])?;
            Ok(())
        }
        None => Err(vm.new_error(vm.types.runtime_error, "lost sys.displayhook".into())),
    }
}

fn intern_fn(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let s = vm.expect_str(args[0], "intern() argument")?;
    Ok(vm.intern(&s))
}
fn getsizeof(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => 49 + s.s.len(),
            Kind::List(l) => 56 + 8 * l.len(),
            Kind::Tuple(l) => 40 + 8 * l.len(),
            Kind::Dict(d) => 64 + 24 * d.len(),
            _ => 48,
        },
        _ => 28,
    };
    Ok(Value::Int(n as i64))
}

/// The list that `sys.addaudithook` fills (kept in sys as `_audit_hooks`).
fn audit_hooks(vm: &mut Vm) -> Option<ObjRef> {
    let d = vm.module_dict(vm.sys?);
    let k = vm.intern("_audit_hooks");
    match vm.dict_get_str(d, k) {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(r), Kind::List(_)) => Some(r),
        _ => {
            let l = vm.new_list(vec![]);
            vm.dict_set(d, k, l).ok()?;
            l.obj()
        }
    }
}

/// `sys.addaudithook(hook)`: the hook sees every `sys.audit` call. revpy raises no
/// audit events of its own.
fn addaudithook(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(l) = audit_hooks(vm) {
        if let Kind::List(v) = vm.heap.kind_mut(l) {
            v.push(args[0]);
        }
    }
    Ok(Value::None)
}

/// `sys.audit(event, *args)`: call each hook with `(event, args)`.
fn audit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.is_empty() {
        return Err(
            vm.new_type_error("audit() missing 1 required positional argument: 'event'".into())
        );
    }
    if vm.as_str(args[0]).is_none() {
        let t = vm.type_name(args[0]);
        return Err(vm.new_type_error(format!("expected str for argument 'event', not {t}")));
    }
    let hooks = match audit_hooks(vm) {
        Some(l) => match vm.heap.kind(l) {
            Kind::List(v) => v.clone(),
            _ => vec![],
        },
        None => vec![],
    };
    if hooks.is_empty() {
        return Ok(Value::None);
    }
    let rest = vm.new_tuple(args[1..].to_vec());
    for h in hooks {
        vm.call(h, &[args[0], rest], &[])?;
    }
    Ok(Value::None)
}

/// Create `sys` and register it in sys.modules.
pub fn create(vm: &mut Vm) {
    let m = vm.new_module("sys");
    vm.sys = Some(m);
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("exit", sys_exit, Arity::range(0, 1)),
        ("getrecursionlimit", getrecursionlimit, Arity::none()),
        ("setrecursionlimit", setrecursionlimit, Arity::exactly(1)),
        ("exc_info", exc_info, Arity::none()),
        ("displayhook", displayhook, Arity::exactly(1)),
        ("excepthook", excepthook, Arity::exactly(3)),
        (
            "setswitchinterval",
            crate::threads::sys_setswitchinterval,
            Arity::exactly(1),
        ),
        (
            "getswitchinterval",
            crate::threads::sys_getswitchinterval,
            Arity::none(),
        ),
        (
            "_getframe",
            crate::types::frame::sys_getframe,
            Arity::range(0, 1),
        ),
        ("intern", intern_fn, Arity::exactly(1)),
        ("getsizeof", getsizeof, Arity::range(1, 2)),
        ("audit", audit, Arity::any()),
        ("addaudithook", addaudithook, Arity::exactly(1)),
    ];
    vm.add_functions(d, fns);
    for hook in ["displayhook", "excepthook"] {
        let k = vm.intern(hook);
        if let Some(f) = vm.dict_get_str(d, k) {
            set(vm, d, &format!("__{hook}__"), f);
        }
    }
    let obj = vm.types.object;
    let io = vm.new_native_class("TextIOWrapper", obj, "_io");
    let methods: &[NativeDef] = &[
        ("write", io_write, Arity::exactly(1)),
        ("writelines", io_writelines, Arity::exactly(1)),
        ("flush", io_flush, Arity::none()),
        ("readline", io_readline, Arity::range(0, 1)),
        ("read", io_read, Arity::range(0, 1)),
        ("readlines", io_readlines, Arity::range(0, 1)),
        ("__iter__", io_iter, Arity::none()),
        ("__next__", io_next, Arity::none()),
        ("isatty", io_isatty, Arity::none()),
        ("__enter__", io_enter, Arity::none()),
        ("__exit__", io_exit, Arity::any()),
        ("close", io_close, Arity::none()),
        ("fileno", io_fileno, Arity::none()),
        ("readable", io_readable, Arity::none()),
        ("writable", io_writable, Arity::none()),
        ("seekable", io_isatty, Arity::none()),
    ];
    vm.add_methods(io, methods);
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let s = vm.heap.alloc(io, Kind::Object(Default::default()));
        let sd = vm.new_dict();
        vm.heap.get_mut(s).set_dict(Some(sd));
        let k = vm.intern("_fd");
        let _ = vm.dict_set(sd, k, Value::Int(fd));
        let nk = vm.intern("name");
        let nv = vm.new_str(format!("<{name}>"));
        let _ = vm.dict_set(sd, nk, nv);
        let ek = vm.intern("encoding");
        let ev = vm.intern("utf-8");
        let _ = vm.dict_set(sd, ek, ev);
        for (attr, v) in [
            ("closed", Value::Bool(false)),
            ("mode", vm.intern(if fd == 0 { "r" } else { "w" })),
            (
                "errors",
                vm.intern(if fd == 2 {
                    "backslashreplace"
                } else {
                    "strict"
                }),
            ),
        ] {
            let k = vm.intern(attr);
            let _ = vm.dict_set(sd, k, v);
        }
        set(vm, d, name, Value::Obj(s));
        set(vm, d, &format!("__{name}__"), Value::Obj(s));
    }
    let dk = vm.intern("displayhook");
    if let Some(h) = vm.dict_get_str(d, dk) {
        set(vm, d, "__displayhook__", h);
    }
    set(vm, d, "modules", Value::Obj(vm.modules));
    let version = vm.new_str("3.11.7 (revpy 0.1.0)".into());
    set(vm, d, "version", version);
    let copyright = vm.new_str(super::site::COPYRIGHT.into());
    set(vm, d, "copyright", copyright);
    let fin = vm.intern("final");
    // `sys.version_info`: a tuple with named fields (`.major`, ...), as CPython's.
    let tuple = vm.types.tuple;
    let vi_cls = vm.new_native_class("version_info", tuple, "sys");
    let getters: &[(&'static str, crate::object::NativeFn)] = &[
        ("major", vi_major),
        ("minor", vi_minor),
        ("micro", vi_micro),
        ("releaselevel", vi_releaselevel),
        ("serial", vi_serial),
    ];
    vm.add_getters(vi_cls, getters);
    let vi = Value::Obj(vm.heap.alloc(
        vi_cls,
        Kind::Tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            fin,
            Value::Int(0),
        ]),
    ));
    set(vm, d, "version_info", vi);
    // `sys.implementation`: a namespace (name, cache_tag, version, hexversion).
    let object = vm.types.object;
    let ns_cls = vm.new_native_class("SimpleNamespace", object, "types");
    vm.add_method(ns_cls, "__repr__", namespace_repr, Arity::none());
    let imp = vm.heap.alloc(ns_cls, Kind::Object(Default::default()));
    let idict = vm.new_dict();
    vm.heap.get_mut(imp).set_dict(Some(idict));
    let name = vm.new_str("revpy".into());
    set(vm, idict, "name", name);
    set(vm, idict, "cache_tag", Value::None);
    set(vm, idict, "version", vi);
    set(vm, idict, "hexversion", Value::Int(0x030b_07f0));
    set(vm, d, "implementation", Value::Obj(imp));
    let p = vm.new_str("linux".into());
    set(vm, d, "platform", p);
    set(vm, d, "maxsize", Value::Int(i64::MAX));
    let bo = vm.new_str("little".into());
    set(vm, d, "byteorder", bo);
    let ex = vm.new_str("revpy".into());
    set(vm, d, "executable", ex);
    let empty = vm.new_list(vec![]);
    set(vm, d, "argv", empty);
    let path = vm.new_list(vec![]);
    set(vm, d, "path", path);
    crate::object::limits::register_sys(vm, d);
    super::sys_info::register(vm, d);
    let key = vm.intern("sys");
    let _ = vm.dict_set(vm.modules, key, Value::Obj(m));
}

/// `namespace(name='revpy', ...)`, as `types.SimpleNamespace` prints.
fn namespace_repr(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> PyResult<Value> {
    let items = vm.instance_items(args[0]).unwrap_or_default();
    let mut parts = vec![];
    for (k, v) in items {
        let k = vm.str_lossy(k);
        let v = vm.repr(v)?;
        parts.push(format!("{k}={v}"));
    }
    Ok(vm.new_str(format!("namespace({})", parts.join(", "))))
}

fn set(vm: &mut Vm, d: ObjRef, name: &str, v: Value) {
    let k = vm.intern(name);
    let _ = vm.dict_set(d, k, v);
}

impl Vm {
    /// Set `sys.argv` and `sys.path[0]` for the program being run.
    pub fn set_argv(&mut self, argv: &[String], script_dir: &str) {
        self.argv = argv.to_vec();
        self.script_dir = script_dir.to_string();
        let Some(sys) = self.sys else { return };
        let d = self.module_dict(sys);
        let items: Vec<Value> = argv.iter().map(|a| self.new_str(a.clone())).collect();
        let l = self.new_list(items);
        set(self, d, "argv", l);
        let p = self.new_str(script_dir.to_string());
        let path = self.new_list(vec![p]);
        set(self, d, "path", path);
    }
}

//! The `os` module and `os.path` (posixpath), in Rust.
//!
//! Pure path functions (`join`, `basename`, `dirname`, `split`, `splitext`,
//! `normpath`, `isabs`) are plain string code with CPython's algorithms. Everything that
//! reads or changes the world crosses the effects boundary, logging what the program
//! observes: `os.stat` (for `exists/isfile/isdir/getsize/getmtime`), `os.listdir` (the
//! names in the OS's order), `os.getcwd`, `os.remove`, `os.rename`, `os.mkdir`,
//! `os.makedirs`, `os.rmdir`, `os.getpid`, `os.urandom`, `os._exit`, and the
//! environment (read whole, as one effect, the first time the program touches
//! `os.environ` or `os.getenv`).

use revpy_vm::effects::log::Val;
use revpy_vm::effects::{io_error_val, OsErr, OsResult};
use revpy_vm::object::opaque::OpaqueObject;
use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{EffectKind, Kind, ObjRef, PyResult, Value, Vm};
use std::any::Any;
use std::io::Read;

use revpy_vm::Kw;

/// `os.fspath(v)`: a str or bytes unchanged, else the result of `type(v).__fspath__`
/// (which must be str or bytes).
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.as_str(v).is_some() || is_bytes(vm, v) {
        return Ok(v);
    }
    let k = vm.intern("__fspath__");
    let t = vm.type_name(v);
    let Some(f) = vm.lookup_special(v, k) else {
        return Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    };
    let r = vm.call_special(f, &[v])?;
    if vm.as_str(r).is_some() || is_bytes(vm, r) {
        return Ok(r);
    }
    let rt = vm.type_name(r);
    Err(vm.new_type_error(format!(
        "expected {t}.__fspath__() to return str or bytes, not {rt}"
    )))
}

fn is_bytes(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Bytes(_)))
}

/// `os.fspath(path)`.
fn os_fspath(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("fspath", ["path"]).required(1);
    let [v] = SPEC.parse(vm, args, kw)?;
    fspath(vm, v.unwrap_or(Value::None))
}

/// A path argument: str, bytes (decoded as UTF-8) or os.PathLike; an embedded NUL is
/// a ValueError.
pub fn path_str(vm: &mut Vm, v: Value, func: &str) -> PyResult<String> {
    let p = if vm.as_str(v).is_some() || is_bytes(vm, v) {
        v
    } else {
        let k = vm.intern("__fspath__");
        if vm.lookup_special(v, k).is_none() {
            let t = vm.type_name(v);
            return Err(vm.new_type_error(format!(
                "{func}: path should be string, bytes or os.PathLike, not {t}"
            )));
        }
        fspath(vm, v)?
    };
    let s = match vm.as_str(p) {
        Some(s) => s.to_string(),
        None => match p {
            Value::Obj(r) => match vm.heap.kind(r) {
                Kind::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                _ => String::new(),
            },
            _ => String::new(),
        },
    };
    if s.contains('\0') {
        return Err(vm.new_value_error(format!("{func}: embedded null character in path")));
    }
    Ok(s)
}

fn path_arg(vm: &mut Vm, v: Value, func: &str) -> PyResult<String> {
    path_str(vm, v, func)
}

/// A `str` (or os.PathLike to a str) argument of a posixpath function.
fn str_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    let v = fspath(vm, v)?;
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            Err(vm.new_type_error("revpy's os.path functions take str paths, not bytes".into()))
        }
    }
}

pub fn unit_or_error(
    vm: &mut Vm,
    v: Result<(), OsErr>,
    f1: Value,
    f2: Option<Value>,
) -> PyResult<Value> {
    match v {
        Err(OsErr(errno, msg)) => {
            let e = vm.new_os_error(errno as i64, &msg, Some(f1));
            if let Some(f2) = f2 {
                let k = vm.intern("filename2");
                vm.generic_setattr(Value::Obj(e.0), k, f2)?;
            }
            Err(e)
        }
        Ok(()) => Ok(Value::None),
    }
}

// ---- os ----

fn getcwd(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("getcwd", args, 0, 0)?;
    let s = cwd(vm)?;
    Ok(vm.new_str(s))
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn cwd(vm: &mut Vm) -> PyResult<String> {
    let r = vm
        .effects
        .effect_as(EffectKind::Getcwd, |_| match std::env::current_dir() {
            Ok(p) => Val::Str(p.to_string_lossy().into_owned()),
            Err(e) => io_error_val(&e),
        });
    match vm.fx(r)? {
        Ok(s) => Ok(s),
        Err(OsErr(errno, msg)) => Err(vm.new_os_error(errno as i64, &msg, None)),
    }
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn listdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("listdir", ["path"]);
    let [pv] = SPEC.parse(vm, args, kw)?;
    let pv = pv.unwrap_or(Value::None);
    let path = if pv.is_none() {
        ".".to_string()
    } else {
        path_arg(vm, pv, "listdir")?
    };
    let p2 = path.clone();
    let r = vm
        .effects
        .effect_as(EffectKind::Listdir, move |_| match std::fs::read_dir(&p2) {
            Ok(rd) => {
                let mut names = vec![];
                for e in rd {
                    match e {
                        Ok(e) => names.push(Val::Str(e.file_name().to_string_lossy().into_owned())),
                        Err(e) => return io_error_val(&e),
                    }
                }
                Val::List(names)
            }
            Err(e) => io_error_val(&e),
        });
    let r: Result<OsResult<Vec<String>>, _> = r;
    match vm.fx(r)? {
        Ok(items) => {
            let vals: Vec<Value> = items.into_iter().map(|s| vm.new_str(s)).collect();
            Ok(vm.new_list(vals))
        }
        Err(OsErr(errno, msg)) => {
            let f = if pv.is_none() { vm.new_str(path) } else { pv };
            Err(vm.new_os_error(errno as i64, &msg, Some(f)))
        }
    }
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    remove_as(vm, "remove", args, kw)
}
fn unlink(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    remove_as(vm, "unlink", args, kw)
}
/// `remove(path, *, dir_fd=None)` and `unlink` (`dir_fd` is accepted and ignored).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn remove_as(vm: &mut Vm, name: &'static str, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [pv, _dir_fd] = KwSpec::new(name, ["path", "dir_fd"])
        .required(1)
        .positional(1)
        .parse(vm, args, kw)?;
    let pv = pv.unwrap_or(Value::None);
    let path = path_arg(vm, pv, name)?;
    let r = vm.effects.effect_as(EffectKind::Remove, move |_| {
        // unlink(2) of a directory fails with EISDIR on Linux (a symbolic link to
        // one is removed).
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Val::Err(21, "Is a directory".into());
        }
        match std::fs::remove_file(&path) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, pv, None)
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn rmdir(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("rmdir", args, 1, 1)?;
    let path = path_arg(vm, args[0], "rmdir")?;
    let r = vm.effects.effect_as(EffectKind::Rmdir, move |_| {
        match std::fs::remove_dir(&path) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, args[0], None)
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn rename(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("rename", args, 2, 2)?;
    let a = path_arg(vm, args[0], "rename")?;
    let b = path_arg(vm, args[1], "rename")?;
    let r = vm
        .effects
        .effect_as(EffectKind::Rename, move |_| match std::fs::rename(&a, &b) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, args[0], Some(args[1]))
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
/// `mkdir(path, mode=0o777, *, dir_fd=None)` (`dir_fd` is accepted and ignored).
fn mkdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("mkdir", ["path", "mode", "dir_fd"])
        .required(1)
        .positional(2);
    let [pv, mv, _dir_fd] = SPEC.parse(vm, args, kw)?;
    let pv = pv.unwrap_or(Value::None);
    let path = path_arg(vm, pv, "mkdir")?;
    let mode = vm.expect_int(mv.unwrap_or(Value::Int(0o777)), "mode")?;
    let r = vm.effects.effect_as(EffectKind::Mkdir, move |_| {
        let mut b = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, mode as u32);
        #[cfg(not(unix))]
        let _ = mode;
        match b.create(&path) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, pv, None)
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
/// `makedirs(name, mode=0o777, exist_ok=False)`, a Python function in CPython.
fn makedirs(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("makedirs", ["name", "mode", "exist_ok"])
        .required(1)
        .python();
    let [pv, _mode, ev] = SPEC.parse(vm, args, kw)?;
    let pv = pv.unwrap_or(Value::None);
    let path = path_arg(vm, pv, "makedirs")?;
    let exist_ok = vm.truthy(ev.unwrap_or(Value::Bool(false)))?;
    let r = vm.effects.effect_as(EffectKind::Makedirs, move |_| {
        let p = std::path::Path::new(&path);
        if p.is_dir() {
            return if exist_ok {
                Val::Unit
            } else {
                Val::Err(17, "File exists".into())
            };
        }
        if p.exists() {
            return Val::Err(17, "File exists".into());
        }
        match std::fs::create_dir_all(p) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, pv, None)
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn getpid(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("getpid", args, 0, 0)?;
    let r = vm
        .effects
        .effect_as(EffectKind::Getpid, |_| Val::Int(std::process::id() as i64));
    Ok(Value::Int(vm.fx(r)?))
}

/// `n` bytes from the OS's entropy source (an effect).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
pub fn urandom_bytes(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let r: Result<OsResult<Vec<u8>>, _> = vm.effects.effect_as(EffectKind::Urandom, move |_| {
        let mut buf = vec![0u8; n];
        match std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)) {
            Ok(()) => Val::Bytes(buf),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(b) if b.len() == n => Ok(b),
        Ok(b) => {
            let e = vm.effects.bad_value(
                EffectKind::Urandom,
                format!("{} bytes", b.len()),
                format!("{n} bytes"),
            );
            vm.fx(Err(e))
        }
        Err(OsErr(errno, msg)) => Err(vm.new_os_error(errno as i64, &msg, None)),
    }
}

fn urandom(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("urandom", args, 1, 1)?;
    let n = vm.expect_int(args[0], "size")?;
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed".into()));
    }
    if n > 1 << 32 {
        return Err(vm.new_error(vm.types.memory_error, String::new()));
    }
    let b = urandom_bytes(vm, n as usize)?;
    Ok(vm.new_bytes(b))
}

fn os_exit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("_exit", args, 1, 1)?;
    let n = vm.expect_int(args[0], "status")?;
    let r = vm.effects.effect_as::<()>(EffectKind::Exit, |_| Val::Unit);
    vm.fx(r)?;
    Err(vm.hard_exit(n as i32))
}

/// `getenv(key, default=None)`, a Python function in CPython.
fn getenv(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("getenv", ["key", "default"])
        .required(1)
        .python();
    let [key, default] = SPEC.parse(vm, args, kw)?;
    let (key, default) = (key.unwrap_or(Value::None), default.unwrap_or(Value::None));
    if vm.as_str(key).is_none() {
        let t = vm.type_name(key);
        return Err(vm.new_type_error(format!("str expected, not {t}")));
    }
    let env = environ_obj(vm)?;
    let d = env_dict(vm, env)?;
    Ok(vm.dict_get(d, key)?.unwrap_or(default))
}

// ---- os.environ ----

/// `os.environ`: the environment, read (as one effect) when first touched.
#[derive(Clone, Debug, Default)]
struct Environ {
    dict: Option<ObjRef>,
}

impl OpaqueObject for Environ {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        if let Some(d) = self.dict {
            f(Value::Obj(d))
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn environ_obj(vm: &mut Vm) -> PyResult<Value> {
    let d = vm.native_module_dict("os")?;
    let k = vm.intern("environ");
    match vm.dict_get_str(d, k) {
        Some(v) => Ok(v),
        None => Err(vm.new_error(vm.types.system_error, "os.environ is missing".into())),
    }
}

/// The dict behind an `os.environ` object, reading the environment the first time.
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn env_dict(vm: &mut Vm, env: Value) -> PyResult<ObjRef> {
    let cur = match env.obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Opaque(o)) => match o.as_any().downcast_ref::<Environ>() {
            Some(e) => e.dict,
            None => return Err(vm.new_type_error("not an environ object".into())),
        },
        _ => return Err(vm.new_type_error("not an environ object".into())),
    };
    if let Some(d) = cur {
        return Ok(d);
    }
    let r: Result<Vec<String>, _> = vm.effects.effect_as(EffectKind::Environ, |_| {
        let mut items = vec![];
        for (k, v) in std::env::vars_os() {
            items.push(Val::Str(k.to_string_lossy().into_owned()));
            items.push(Val::Str(v.to_string_lossy().into_owned()));
        }
        Val::List(items)
    });
    let items = vm.fx(r)?;
    if items.len() % 2 != 0 {
        let e = vm.effects.bad_value(
            EffectKind::Environ,
            format!("a list of {} strings", items.len()),
            "a list of name, value pairs of strings".into(),
        );
        return vm.fx(Err(e));
    }
    let d = vm.new_dict();
    vm.temp_roots.push(Value::Obj(d));
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        let kv = vm.new_str(k);
        let vv = vm.new_str(v);
        vm.dict_set(d, kv, vv)?;
    }
    vm.temp_roots.pop();
    if let Some(r) = env.obj() {
        if let Kind::Opaque(o) = vm.heap.kind_mut(r) {
            if let Some(e) = o.as_any_mut().downcast_mut::<Environ>() {
                e.dict = Some(d);
            }
        }
    }
    Ok(d)
}

fn check_env_str(vm: &mut Vm, v: Value) -> PyResult<()> {
    if vm.as_str(v).is_none() {
        let t = vm.type_name(v);
        return Err(vm.new_type_error(format!("str expected, not {t}")));
    }
    Ok(())
}

macro_rules! env_delegate {
    ($($fname:ident => $method:literal,)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
                vm.no_kwargs($method, kw)?;
                let d = env_dict(vm, args[0])?;
                vm.call_method(Value::Obj(d), $method, &args[1..])
            }
        )*
    };
}

env_delegate! {
    env_getitem => "__getitem__",
    env_delitem => "__delitem__",
    env_contains => "__contains__",
    env_iter => "__iter__",
    env_len => "__len__",
    env_get => "get",
    env_keys => "keys",
    env_values => "values",
    env_items => "items",
    env_copy => "copy",
    env_pop => "pop",
    env_clear => "clear",
}

fn env_setitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__setitem__", &args[1..], 2, 2)?;
    check_env_str(vm, args[1])?;
    check_env_str(vm, args[2])?;
    let d = env_dict(vm, args[0])?;
    vm.dict_set(d, args[1], args[2])?;
    Ok(Value::None)
}

fn env_setdefault(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("setdefault", &args[1..], 2, 2)?;
    let d = env_dict(vm, args[0])?;
    if let Some(v) = vm.dict_get(d, args[1])? {
        return Ok(v);
    }
    env_setitem(vm, args, &[])?;
    Ok(args[2])
}

fn env_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = env_dict(vm, args[0])?;
    let k = vm.intern("update");
    let f = vm.getattr(Value::Obj(d), k)?;
    vm.call(f, &args[1..], kw)
}

fn env_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = env_dict(vm, args[0])?;
    let inner = vm.repr(Value::Obj(d))?;
    Ok(vm.new_str(format!("environ({inner})")))
}

fn env_eq(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let d = env_dict(vm, args[0])?;
    let other = match get_env_dict_opt(vm, args[1]) {
        Some(o) => Value::Obj(o),
        None => args[1],
    };
    Ok(Value::Bool(vm.eq(Value::Obj(d), other)?))
}

fn get_env_dict_opt(vm: &mut Vm, v: Value) -> Option<ObjRef> {
    match vm.heap.kind(v.obj()?) {
        Kind::Opaque(o) => o.as_any().downcast_ref::<Environ>().map(|_| ()),
        _ => None,
    }?;
    env_dict(vm, v).ok()
}

// ---- os.path ----

fn split_str(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') {
        head.trim_end_matches('/')
    } else {
        head
    };
    (head.to_string(), tail.to_string())
}

fn splitext_str(p: &str) -> (String, String) {
    let sep = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    let dot = p.rfind('.').map(|i| i as isize).unwrap_or(-1);
    if dot > sep {
        let mut fi = (sep + 1) as usize;
        let bytes = p.as_bytes();
        while (fi as isize) < dot {
            if bytes[fi] != b'.' {
                let d = dot as usize;
                return (p[..d].to_string(), p[d..].to_string());
            }
            fi += 1;
        }
    }
    (p.to_string(), String::new())
}

pub fn normpath_str(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let mut initial = if path.starts_with('/') { 1 } else { 0 };
    if initial == 1 && path.starts_with("//") && !path.starts_with("///") {
        initial = 2;
    }
    let mut comps: Vec<&str> = vec![];
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = "/".repeat(initial);
    out.push_str(&comps.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn join_str(parts: &[String]) -> String {
    let mut path = parts[0].clone();
    for b in &parts[1..] {
        if b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

fn p_join(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.new_type_error("join() missing 1 required positional argument: 'a'".into()));
    }
    let mut parts = vec![];
    for a in args {
        let k = vm.intern("__fspath__");
        let a = &if vm.as_str(*a).is_none() && vm.lookup_special(*a, k).is_some() {
            fspath(vm, *a)?
        } else {
            *a
        };
        match vm.as_str(*a) {
            Some(s) => parts.push(s.to_string()),
            None => {
                let t = vm.type_name(*a);
                return Err(vm.new_type_error(format!(
                    "join() argument must be str, bytes, or os.PathLike object, not '{t}'"
                )));
            }
        }
    }
    let s = join_str(&parts);
    Ok(vm.new_str(s))
}

fn p_split(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("split", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    let (h, t) = split_str(&p);
    let (h, t) = (vm.new_str(h), vm.new_str(t));
    Ok(vm.new_tuple(vec![h, t]))
}

fn p_basename(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("basename", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    Ok(vm.new_str(p[i..].to_string()))
}

fn p_dirname(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("dirname", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    let (h, _) = split_str(&p);
    Ok(vm.new_str(h))
}

fn p_splitext(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("splitext", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    let (a, b) = splitext_str(&p);
    let (a, b) = (vm.new_str(a), vm.new_str(b));
    Ok(vm.new_tuple(vec![a, b]))
}

fn p_normpath(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("normpath", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    Ok(vm.new_str(normpath_str(&p)))
}

fn p_isabs(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("isabs", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    Ok(Value::Bool(p.starts_with('/')))
}

fn p_abspath(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("abspath", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    let full = if p.starts_with('/') {
        p
    } else {
        join_str(&[cwd(vm)?, p])
    };
    Ok(vm.new_str(normpath_str(&full)))
}

fn p_expanduser(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("expanduser", args, 1, 1)?;
    let p = str_arg(vm, args[0])?;
    if !p.starts_with('~') {
        return Ok(args[0]);
    }
    let i = p[1..].find('/').map(|i| i + 1).unwrap_or(p.len());
    if i != 1 {
        return Ok(args[0]);
    }
    let env = environ_obj(vm)?;
    let d = env_dict(vm, env)?;
    let k = vm.new_str("HOME".into());
    let home = match vm.dict_get(d, k)? {
        Some(h) => vm.as_str(h).unwrap_or("").to_string(),
        None => return Ok(args[0]),
    };
    let home = home.trim_end_matches('/');
    let out = format!("{home}{}", &p[i..]);
    Ok(vm.new_str(if out.is_empty() { "/".into() } else { out }))
}

/// `os.stat`-like facts about a path: (kind 0 file / 1 dir / 2 other, size, mtime), or
/// the OS error.
/// (kind, size, mtime) or (errno, strerror).
type StatResult = Result<(i64, i64, f64), (i32, String)>;

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn stat(vm: &mut Vm, path: &str) -> PyResult<StatResult> {
    let p = path.to_string();
    let r = vm
        .effects
        .effect_as(EffectKind::Stat, move |_| match std::fs::metadata(&p) {
            Ok(m) => {
                let kind = if m.is_file() {
                    0
                } else if m.is_dir() {
                    1
                } else {
                    2
                };
                let mtime = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs_f64())
                    .unwrap_or(0.0);
                Val::List(vec![
                    Val::Int(kind),
                    Val::Int(m.len() as i64),
                    Val::Float(mtime),
                ])
            }
            Err(e) => io_error_val(&e),
        });
    let r: Result<OsResult<(i64, i64, f64)>, _> = r;
    Ok(vm.fx(r)?.map_err(|OsErr(e, m)| (e, m)))
}

fn stat_path(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Option<String>> {
    vm.check_args(name, args, 1, 1)?;
    let k = vm.intern("__fspath__");
    let v = if vm.as_str(args[0]).is_none() && vm.lookup_special(args[0], k).is_some() {
        fspath(vm, args[0])?
    } else {
        args[0]
    };
    match vm.as_str(v) {
        Some(s) if s.contains('\0') => Ok(None),
        Some(s) => Ok(Some(s.to_string())),
        None => {
            let t = vm.type_name(args[0]);
            Err(vm.new_type_error(format!(
                "stat: path should be string, bytes, os.PathLike or integer, not {t}"
            )))
        }
    }
}

fn p_exists(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(p) = stat_path(vm, args, "exists")? else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(stat(vm, &p)?.is_ok()))
}

fn p_isfile(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(p) = stat_path(vm, args, "isfile")? else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(matches!(stat(vm, &p)?, Ok((0, _, _)))))
}

fn p_isdir(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(p) = stat_path(vm, args, "isdir")? else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(matches!(stat(vm, &p)?, Ok((1, _, _)))))
}

fn stat_or_raise(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(i64, i64, f64)> {
    let Some(p) = stat_path(vm, args, name)? else {
        return Err(vm.new_value_error("embedded null byte".into()));
    };
    match stat(vm, &p)? {
        Ok(s) => Ok(s),
        Err((errno, msg)) => Err(vm.new_os_error(errno as i64, &msg, Some(args[0]))),
    }
}

fn p_getsize(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (_, size, _) = stat_or_raise(vm, args, "getsize")?;
    Ok(Value::Int(size))
}

fn p_getmtime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (_, _, t) = stat_or_raise(vm, args, "getmtime")?;
    Ok(Value::Float(t))
}

fn set_str(vm: &mut Vm, d: ObjRef, name: &str, val: &str) -> PyResult<()> {
    let k = vm.intern(name);
    let v = vm.new_str(val.to_string());
    vm.dict_set(d, k, v)
}

/// Create `os.path` (registered as `posixpath` and `os.path`).
pub fn create_path(vm: &mut Vm) -> PyResult<ObjRef> {
    let key = vm.new_str("posixpath".into());
    if let Some(Value::Obj(m)) = vm.dict_get(vm.modules, key)? {
        return Ok(m);
    }
    let m = vm.new_module("posixpath");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("join", p_join, Arity::at_least(1)),
        ("split", p_split, Arity::exactly(1)),
        ("basename", p_basename, Arity::exactly(1)),
        ("dirname", p_dirname, Arity::exactly(1)),
        ("splitext", p_splitext, Arity::exactly(1)),
        ("normpath", p_normpath, Arity::exactly(1)),
        ("isabs", p_isabs, Arity::exactly(1)),
        ("abspath", p_abspath, Arity::exactly(1)),
        ("realpath", p_abspath, Arity::exactly(1)),
        ("expanduser", p_expanduser, Arity::exactly(1)),
        ("exists", p_exists, Arity::exactly(1)),
        ("isfile", p_isfile, Arity::exactly(1)),
        ("isdir", p_isdir, Arity::exactly(1)),
        ("getsize", p_getsize, Arity::exactly(1)),
        ("getmtime", p_getmtime, Arity::exactly(1)),
    ];
    vm.add_functions(d, fns);
    for (n, v) in [
        ("sep", "/"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        set_str(vm, d, n, v)?;
    }
    let k = vm.intern("altsep");
    vm.dict_set(d, k, Value::None)?;
    vm.dict_set(vm.modules, key, Value::Obj(m))?;
    let key2 = vm.new_str("os.path".into());
    vm.dict_set(vm.modules, key2, Value::Obj(m))?;
    run_python_part(vm, m, PATH_PART, "<frozen posixpath>")?;
    Ok(m)
}

/// Create `os`.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("os");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("getcwd", getcwd, Arity::none()),
        ("listdir", listdir, Arity::parsed()),
        ("remove", remove, Arity::parsed()),
        ("unlink", unlink, Arity::parsed()),
        ("rmdir", rmdir, Arity::exactly(1)),
        ("rename", rename, Arity::exactly(2)),
        ("replace", rename, Arity::exactly(2)),
        ("mkdir", mkdir, Arity::parsed()),
        ("makedirs", makedirs, Arity::parsed()),
        ("getpid", getpid, Arity::none()),
        ("urandom", urandom, Arity::exactly(1)),
        ("_exit", os_exit, Arity::exactly(1)),
        ("getenv", getenv, Arity::parsed()),
        ("fspath", os_fspath, Arity::parsed()),
    ];
    vm.add_functions(d, fns);
    vm.add_functions(d, crate::os_fs::FUNCTIONS);
    vm.add_functions(d, crate::io::OS_FUNCTIONS);
    for (n, v) in [
        ("name", "posix"),
        ("sep", "/"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        set_str(vm, d, n, v)?;
    }
    let k = vm.intern("altsep");
    vm.dict_set(d, k, Value::None)?;
    let k = vm.intern("error");
    let oe = Value::Obj(vm.types.os_error);
    vm.dict_set(d, k, oe)?;
    let obj = vm.types.object;
    let env_cls = vm.new_native_class("_Environ", obj, "os");
    let methods: &[NativeDef] = &[
        ("__getitem__", env_getitem, Arity::exactly(1)),
        ("__setitem__", env_setitem, Arity::exactly(2)),
        ("__delitem__", env_delitem, Arity::exactly(1)),
        ("__contains__", env_contains, Arity::exactly(1)),
        ("__iter__", env_iter, Arity::none()),
        ("__len__", env_len, Arity::none()),
        ("__repr__", env_repr, Arity::none()),
        ("__eq__", env_eq, Arity::exactly(1)),
        ("get", env_get, Arity::range(1, 2)),
        ("keys", env_keys, Arity::none()),
        ("values", env_values, Arity::none()),
        ("items", env_items, Arity::none()),
        ("copy", env_copy, Arity::none()),
        ("pop", env_pop, Arity::range(1, 2)),
        ("clear", env_clear, Arity::none()),
        ("setdefault", env_setdefault, Arity::exactly(2)),
        ("update", env_update, Arity::range(0, 1).kw()),
    ];
    vm.add_methods(env_cls, methods);
    let env = vm
        .heap
        .alloc(env_cls, Kind::Opaque(Box::new(Environ::default())));
    let k = vm.intern("environ");
    vm.dict_set(d, k, Value::Obj(env))?;
    let path = create_path(vm)?;
    let k = vm.intern("path");
    vm.dict_set(d, k, Value::Obj(path))?;
    // The module is in sys.modules while its Python part runs (`os.stat_result`,
    // `DirEntry`, `walk`, ...), so that part can import modules that import os.
    let key = vm.new_str("os".into());
    vm.dict_set(vm.modules, key, Value::Obj(m))?;
    run_python_part(vm, m, OS_PART, "<frozen os>")?;
    Ok(m)
}

/// The parts of `os` and `os.path` written in Python.
const OS_PART: &str = include_str!("../python/_os_part.py");
const PATH_PART: &str = include_str!("../python/_posixpath_part.py");

fn run_python_part(vm: &mut Vm, m: ObjRef, src: &str, name: &str) -> PyResult<()> {
    let code = match vm.compile(src, name) {
        Ok(c) => c,
        Err(e) => return Err(vm.new_error(vm.types.system_error, format!("{name}: {e}"))),
    };
    vm.exec_in_module(&code, m)?;
    Ok(())
}

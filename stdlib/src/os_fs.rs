//! The file-system and process primitives of `os` beyond the basics in `os.rs`, each an
//! effect logging what the program observes (docs/log-format.md lists the shapes):
//! `stat`/`lstat` (the 13 integers of a `stat_result`), `scandir` (name, type and
//! inode of each entry), `chdir`, `access`, `chmod`, `utime`, `readlink`, `symlink`,
//! `path.realpath`, `get_terminal_size`, `cpu_count`, and two `shutil` helpers
//! (`copyfile`'s data copy, `disk_usage`). The Python-level API (`os.stat_result`,
//! `DirEntry`, `walk`, ...) is in `python/_os_part.py`, run inside the module.
//!
//! `chdir` changes the process's working directory, as CPython's does: later relative
//! paths are resolved by the OS, and since every result is logged, a replay (which
//! resolves nothing) sees the same answers wherever it runs.

use crate::os::{path_str, unit_or_error};
use revpy_vm::effects::log::Val;
use revpy_vm::effects::{io_error_val, OsErr, OsResult};
use revpy_vm::{EffectKind, KwSpec, PyResult, Value, Vm};

use revpy_vm::Kw;

/// The integers of a `stat_result`, in the order logged: mode, ino, dev, nlink, uid,
/// gid, size, atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev.
pub const STAT_FIELDS: usize = 13;

#[cfg(unix)]
fn stat_val(m: &std::fs::Metadata) -> Val {
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| Val::Int(s.saturating_mul(1_000_000_000).saturating_add(n));
    Val::List(vec![
        Val::Int(m.mode() as i64),
        Val::Int(m.ino() as i64),
        Val::Int(m.dev() as i64),
        Val::Int(m.nlink() as i64),
        Val::Int(m.uid() as i64),
        Val::Int(m.gid() as i64),
        Val::Int(m.size() as i64),
        ns(m.atime(), m.atime_nsec()),
        ns(m.mtime(), m.mtime_nsec()),
        ns(m.ctime(), m.ctime_nsec()),
        Val::Int(m.blksize() as i64),
        Val::Int(m.blocks() as i64),
        Val::Int(m.rdev() as i64),
    ])
}

#[cfg(not(unix))]
fn stat_val(m: &std::fs::Metadata) -> Val {
    let t = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0)
    };
    let mode = if m.is_dir() { 0o040755 } else { 0o100644 };
    Val::List(vec![
        Val::Int(mode),
        Val::Int(0),
        Val::Int(0),
        Val::Int(1),
        Val::Int(0),
        Val::Int(0),
        Val::Int(m.len() as i64),
        Val::Int(t(m.accessed())),
        Val::Int(t(m.modified())),
        Val::Int(t(m.modified())),
        Val::Int(4096),
        Val::Int(m.len().div_ceil(512) as i64),
        Val::Int(0),
    ])
}

/// A directory listing as `_scandir` logs it: (name, type, inode) per entry.
type Entries = Vec<(String, i64, i64)>;

/// Raise the logged OS error with the program's file name(s).
fn raise(vm: &mut Vm, e: OsErr, f1: Value, f2: Option<Value>) -> PyResult<Value> {
    unit_or_error(vm, Err(e), f1, f2)
}

/// `_stat(path, follow_symlinks)`: the 13 integers of a stat_result (see STAT_FIELDS).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_stat(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("stat", args, 2, 2)?;
    let path = path_str(vm, args[0], "stat")?;
    let follow = vm.truthy(args[1])?;
    let kind = if follow {
        EffectKind::StatFull
    } else {
        EffectKind::Lstat
    };
    let r: Result<OsResult<Vec<i64>>, _> = vm.effects.effect_as(kind, move |_| {
        let m = if follow {
            std::fs::metadata(&path)
        } else {
            std::fs::symlink_metadata(&path)
        };
        match m {
            Ok(m) => stat_val(&m),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(v) if v.len() == STAT_FIELDS => {
            let items = v.into_iter().map(Value::Int).collect();
            Ok(vm.new_tuple(items))
        }
        Ok(v) => {
            let e = vm.effects.bad_value(
                kind,
                format!("a list of {} ints", v.len()),
                format!("a list of {STAT_FIELDS} ints"),
            );
            vm.fx(Err(e))
        }
        Err(e) => raise(vm, e, args[0], None),
    }
}

/// `_scandir(path)`: `[(name, type, inode), ...]` in the OS's order; type 0 file,
/// 1 directory, 2 symbolic link, 3 other (as `d_type`: a link is not followed).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_scandir(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("scandir", args, 1, 1)?;
    let path = path_str(vm, args[0], "scandir")?;
    let r: Result<OsResult<Entries>, _> = vm.effects.effect_as(EffectKind::Scandir, move |_| {
        match std::fs::read_dir(&path) {
            Ok(rd) => {
                let mut out = vec![];
                for e in rd {
                    let e = match e {
                        Ok(e) => e,
                        Err(e) => return io_error_val(&e),
                    };
                    let ty = match e.file_type() {
                        Ok(t) if t.is_symlink() => 2,
                        Ok(t) if t.is_dir() => 1,
                        Ok(t) if t.is_file() => 0,
                        _ => 3,
                    };
                    #[cfg(unix)]
                    let ino = std::os::unix::fs::DirEntryExt::ino(&e) as i64;
                    #[cfg(not(unix))]
                    let ino = 0;
                    out.push(Val::List(vec![
                        Val::Str(e.file_name().to_string_lossy().into_owned()),
                        Val::Int(ty),
                        Val::Int(ino),
                    ]));
                }
                Val::List(out)
            }
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(entries) => {
            let mut items = vec![];
            for (name, ty, ino) in entries {
                let n = vm.new_str(name);
                items.push(vm.new_tuple(vec![n, Value::Int(ty), Value::Int(ino)]));
            }
            Ok(vm.new_list(items))
        }
        Err(e) => raise(vm, e, args[0], None),
    }
}

/// `chdir(path)`: change the process's working directory.
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_chdir(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("chdir", ["path"]).required(1);
    let [pv] = SPEC.parse(vm, args, kw)?;
    let pv = pv.unwrap_or(Value::None);
    let path = path_str(vm, pv, "chdir")?;
    let r = vm.effects.effect_as(
        EffectKind::Chdir,
        move |_| match std::env::set_current_dir(&path) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        },
    );
    let v = vm.fx(r)?;
    unit_or_error(vm, v, pv, None)
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`:
/// whether the process may access the path (the keyword-only options are accepted
/// and ignored).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_access(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<5> = KwSpec::new(
        "access",
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
    )
    .required(2)
    .positional(2);
    let [pv, mv, ..] = SPEC.parse(vm, args, kw)?;
    let (pv, mv) = (pv.unwrap_or(Value::None), mv.unwrap_or(Value::None));
    let path = path_str(vm, pv, "access")?;
    let mode = vm.expect_int(mv, "mode")?;
    let r: Result<bool, _> = vm.effects.effect_as(EffectKind::Access, move |_| {
        Val::Bool(host_access(&path, mode as i32))
    });
    Ok(Value::Bool(vm.fx(r)?))
}

#[cfg(unix)]
fn host_access(path: &str, mode: i32) -> bool {
    match std::ffi::CString::new(path) {
        // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
        Ok(c) => unsafe { libc::access(c.as_ptr(), mode) == 0 },
        Err(_) => false,
    }
}

#[cfg(not(unix))]
#[allow(clippy::disallowed_methods)]
fn host_access(path: &str, _mode: i32) -> bool {
    std::path::Path::new(path).exists()
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)` (the keyword-only
/// options are accepted and ignored).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_chmod(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<4> = KwSpec::new("chmod", ["path", "mode", "dir_fd", "follow_symlinks"])
        .required(2)
        .positional(2);
    let [pv, mv, ..] = SPEC.parse(vm, args, kw)?;
    let (pv, mv) = (pv.unwrap_or(Value::None), mv.unwrap_or(Value::None));
    let path = path_str(vm, pv, "chmod")?;
    let mode = vm.expect_int(mv, "mode")?;
    let r = vm.effects.effect_as(EffectKind::Chmod, move |_| {
        #[cfg(unix)]
        let perms = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::Permissions::from_mode(mode as u32)
        };
        #[cfg(not(unix))]
        let perms = {
            let mut p = match std::fs::metadata(&path) {
                Ok(m) => m.permissions(),
                Err(e) => return io_error_val(&e),
            };
            p.set_readonly(mode & 0o200 == 0);
            p
        };
        match std::fs::set_permissions(&path, perms) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, pv, None)
}

/// `_utime(path, atime_ns, mtime_ns)`; both None: now.
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_utime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("utime", args, 3, 3)?;
    let path = path_str(vm, args[0], "utime")?;
    let times = if args[1].is_none() {
        None
    } else {
        let a = vm.expect_int(args[1], "atime")?;
        let m = vm.expect_int(args[2], "mtime")?;
        Some((a, m))
    };
    let r = vm.effects.effect_as(EffectKind::Utime, move |_| {
        let f = match std::fs::OpenOptions::new().write(true).open(&path) {
            Ok(f) => f,
            Err(_) => match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) => return io_error_val(&e),
            },
        };
        let at = |ns: i64| {
            if ns >= 0 {
                std::time::UNIX_EPOCH + std::time::Duration::from_nanos(ns as u64)
            } else {
                std::time::UNIX_EPOCH - std::time::Duration::from_nanos(ns.unsigned_abs())
            }
        };
        let ft = match times {
            Some((a, m)) => std::fs::FileTimes::new()
                .set_accessed(at(a))
                .set_modified(at(m)),
            None => {
                let now = std::time::SystemTime::now();
                std::fs::FileTimes::new()
                    .set_accessed(now)
                    .set_modified(now)
            }
        };
        match f.set_times(ft) {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, args[0], None)
}

/// `readlink(path)`.
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_readlink(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("readlink", args, 1, 1)?;
    let path = path_str(vm, args[0], "readlink")?;
    let r: Result<OsResult<String>, _> = vm.effects.effect_as(EffectKind::Readlink, move |_| {
        match std::fs::read_link(&path) {
            Ok(p) => Val::Str(p.to_string_lossy().into_owned()),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => raise(vm, e, args[0], None),
    }
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)` (the last two
/// are accepted and ignored).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_symlink(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<4> = KwSpec::new("symlink", ["src", "dst", "target_is_directory", "dir_fd"])
        .required(2)
        .positional(3);
    let [srcv, dstv, ..] = SPEC.parse(vm, args, kw)?;
    let (srcv, dstv) = (srcv.unwrap_or(Value::None), dstv.unwrap_or(Value::None));
    let src = path_str(vm, srcv, "symlink")?;
    let dst = path_str(vm, dstv, "symlink")?;
    let r = vm.effects.effect_as(EffectKind::Symlink, move |_| {
        #[cfg(unix)]
        let r = std::os::unix::fs::symlink(&src, &dst);
        #[cfg(not(unix))]
        let r: std::io::Result<()> = Err(std::io::Error::from_raw_os_error(1));
        match r {
            Ok(()) => Val::Unit,
            Err(e) => io_error_val(&e),
        }
    });
    let v = vm.fx(r)?;
    unit_or_error(vm, v, srcv, Some(dstv))
}

/// CPython's `posixpath._joinrealpath` on the host: resolve symbolic links in `rest`
/// relative to `path`. `seen` maps a link path to its resolution (None: in progress).
#[allow(clippy::disallowed_methods)]
fn join_realpath(
    mut path: String,
    rest: &str,
    strict: bool,
    seen: &mut std::collections::BTreeMap<String, Option<String>>,
) -> std::io::Result<(String, bool)> {
    let mut rest = rest.to_string();
    if rest.starts_with('/') {
        rest = rest[1..].to_string();
        path = "/".into();
    }
    while !rest.is_empty() {
        let (name, tail) = match rest.find('/') {
            Some(i) => (rest[..i].to_string(), rest[i + 1..].to_string()),
            None => (rest.clone(), String::new()),
        };
        rest = tail;
        if name.is_empty() || name == "." {
            continue;
        }
        if name == ".." {
            if !path.is_empty() {
                let (head, tail) = match path.rfind('/') {
                    Some(i) => {
                        let h = &path[..i];
                        let h = if h.is_empty() && path.starts_with('/') {
                            "/"
                        } else {
                            h
                        };
                        (h.to_string(), path[i + 1..].to_string())
                    }
                    None => (String::new(), path.clone()),
                };
                path = if tail == ".." {
                    format!("{path}/..")
                } else {
                    head
                };
            } else {
                path = "..".into();
            }
            continue;
        }
        let newpath = if path.is_empty() {
            name.clone()
        } else if path.ends_with('/') {
            format!("{path}{name}")
        } else {
            format!("{path}/{name}")
        };
        let is_link = match std::fs::symlink_metadata(&newpath) {
            Ok(m) => m.file_type().is_symlink(),
            Err(e) => {
                if strict {
                    return Err(e);
                }
                false
            }
        };
        if !is_link {
            path = newpath;
            continue;
        }
        if let Some(r) = seen.get(&newpath) {
            match r {
                Some(p) => {
                    path = p.clone();
                    continue;
                }
                None => {
                    if strict {
                        std::fs::metadata(&newpath)?;
                    }
                    return Ok((
                        if rest.is_empty() {
                            newpath
                        } else {
                            format!("{newpath}/{rest}")
                        },
                        false,
                    ));
                }
            }
        }
        seen.insert(newpath.clone(), None);
        let target = std::fs::read_link(&newpath)?;
        let (p, ok) = join_realpath(path, &target.to_string_lossy(), strict, seen)?;
        if !ok {
            return Ok((
                if rest.is_empty() {
                    p
                } else {
                    format!("{p}/{rest}")
                },
                false,
            ));
        }
        path = p;
        seen.insert(newpath, Some(path.clone()));
    }
    Ok((path, true))
}

/// `_realpath(path, strict)`: the canonical path (CPython's algorithm).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_realpath(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("realpath", args, 2, 2)?;
    let path = path_str(vm, args[0], "realpath")?;
    let strict = vm.truthy(args[1])?;
    let r: Result<OsResult<String>, _> = vm.effects.effect_as(EffectKind::Realpath, move |_| {
        let mut seen = std::collections::BTreeMap::new();
        match join_realpath(String::new(), &path, strict, &mut seen) {
            Ok((p, _)) => {
                let full = if p.starts_with('/') {
                    p
                } else {
                    match std::env::current_dir() {
                        Ok(c) => format!("{}/{p}", c.to_string_lossy()),
                        Err(e) => return io_error_val(&e),
                    }
                };
                Val::Str(crate::os::normpath_str(&full))
            }
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => raise(vm, e, args[0], None),
    }
}

/// `_copyfile(src, dst)`: copy the bytes of `src` into `dst` (created or truncated);
/// logs `Unit`, or `[side, error]` with side 0 when `src` failed, 1 when `dst` did.
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn copyfile(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("_copyfile", args, 2, 2)?;
    let src = path_str(vm, args[0], "copyfile")?;
    let dst = path_str(vm, args[1], "copyfile")?;
    let r: Result<Option<(i64, OsErr)>, _> =
        vm.effects.effect_as(EffectKind::CopyFile, move |_| {
            let fail =
                |side: i64, e: &std::io::Error| Val::List(vec![Val::Int(side), io_error_val(e)]);
            let mut inp = match std::fs::File::open(&src) {
                Ok(f) => f,
                Err(e) => return fail(0, &e),
            };
            if let Ok(m) = inp.metadata() {
                if m.is_dir() {
                    return Val::List(vec![Val::Int(0), Val::Err(21, "Is a directory".into())]);
                }
            }
            let mut out = match std::fs::File::create(&dst) {
                Ok(f) => f,
                Err(e) => return fail(1, &e),
            };
            match std::io::copy(&mut inp, &mut out) {
                Ok(_) => Val::None,
                Err(e) => fail(1, &e),
            }
        });
    match vm.fx(r)? {
        None => Ok(Value::None),
        Some((side, e)) => {
            let f = if side == 0 { args[0] } else { args[1] };
            raise(vm, e, f, None)
        }
    }
}

/// `_disk_usage(path)`: (total, used, free) in bytes.
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn disk_usage(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("disk_usage", args, 1, 1)?;
    let path = path_str(vm, args[0], "disk_usage")?;
    let r: Result<OsResult<(i64, i64, i64)>, _> = vm
        .effects
        .effect_as(EffectKind::DiskUsage, move |_| host_disk_usage(&path));
    match vm.fx(r)? {
        Ok((t, u, f)) => Ok(vm.new_tuple(vec![Value::Int(t), Value::Int(u), Value::Int(f)])),
        Err(e) => raise(vm, e, args[0], None),
    }
}

#[cfg(unix)]
fn host_disk_usage(path: &str) -> Val {
    let Ok(c) = std::ffi::CString::new(path) else {
        return Val::Err(22, "Invalid argument".into());
    };
    // SAFETY: statvfs fills the zeroed struct; `c` outlives the call.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return io_error_val(&std::io::Error::last_os_error());
    }
    let fr = st.f_frsize as i64;
    let total = st.f_blocks as i64 * fr;
    let free = st.f_bavail as i64 * fr;
    let used = (st.f_blocks as i64 - st.f_bfree as i64) * fr;
    Val::List(vec![Val::Int(total), Val::Int(used), Val::Int(free)])
}

#[cfg(not(unix))]
fn host_disk_usage(_path: &str) -> Val {
    Val::Err(38, "Function not implemented".into())
}

/// `_terminal_size(fd)`: (columns, lines) of the terminal on `fd`.
fn terminal_size(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("get_terminal_size", args, 1, 1)?;
    let fd = vm.expect_int(args[0], "fd")?;
    let r: Result<OsResult<(i64, i64)>, _> = vm
        .effects
        .effect_as(EffectKind::TerminalSize, move |_| host_terminal_size(fd));
    match vm.fx(r)? {
        Ok((c, l)) => Ok(vm.new_tuple(vec![Value::Int(c), Value::Int(l)])),
        Err(OsErr(errno, msg)) => Err(vm.new_os_error(errno as i64, &msg, None)),
    }
}

#[cfg(unix)]
fn host_terminal_size(fd: i64) -> Val {
    let Ok(fd) = i32::try_from(fd) else {
        return Val::Err(9, "Bad file descriptor".into());
    };
    // SAFETY: TIOCGWINSZ fills a winsize struct.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return io_error_val(&std::io::Error::last_os_error());
    }
    Val::List(vec![Val::Int(ws.ws_col as i64), Val::Int(ws.ws_row as i64)])
}

#[cfg(not(unix))]
fn host_terminal_size(_fd: i64) -> Val {
    Val::Err(25, "Inappropriate ioctl for device".into())
}

/// `cpu_count()`: the number of CPUs in the system, or None.
fn cpu_count(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("cpu_count", args, 0, 0)?;
    let r: Result<Option<i64>, _> = vm.effects.effect_as(EffectKind::CpuCount, |_| {
        #[cfg(unix)]
        // SAFETY: sysconf has no preconditions.
        let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) } as i64;
        #[cfg(not(unix))]
        let n = -1;
        if n >= 1 {
            Val::Int(n)
        } else {
            Val::None
        }
    });
    Ok(match vm.fx(r)? {
        Some(n) => Value::Int(n),
        None => Value::None,
    })
}

/// The natives this file adds to `os`.
pub const FUNCTIONS: &[revpy_vm::NativeDef] = &[
    ("_stat", os_stat, revpy_vm::Arity::exactly(2)),
    ("_scandir", os_scandir, revpy_vm::Arity::exactly(1)),
    ("chdir", os_chdir, revpy_vm::Arity::parsed()),
    ("access", os_access, revpy_vm::Arity::parsed()),
    ("chmod", os_chmod, revpy_vm::Arity::parsed()),
    ("_utime", os_utime, revpy_vm::Arity::exactly(3)),
    ("readlink", os_readlink, revpy_vm::Arity::exactly(1)),
    ("symlink", os_symlink, revpy_vm::Arity::parsed()),
    ("_realpath", os_realpath, revpy_vm::Arity::exactly(2)),
    ("_copyfile", copyfile, revpy_vm::Arity::exactly(2)),
    ("_disk_usage", disk_usage, revpy_vm::Arity::exactly(1)),
    ("_terminal_size", terminal_size, revpy_vm::Arity::exactly(1)),
    ("cpu_count", cpu_count, revpy_vm::Arity::none()),
];

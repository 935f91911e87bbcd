//! `BaseException` and its attributes (`args`, `__cause__`, `__context__`, ...).

use crate::args::{Arity, KwSpec};
use crate::object::Value;
use crate::object::{ExcData, Kind};
use crate::{PyResult, Vm};

use crate::Kw;

fn exc_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let mut cls = args[0].obj().expect("class");
    // `OSError(errno, strerror, ...)` makes the subclass for that errno, as CPython.
    if cls == vm.types.os_error && (2..=5).contains(&(args.len() - 1)) {
        if let Value::Int(errno) = args[1] {
            cls = os_error_class(vm, errno);
        }
    }
    let a = vm.new_tuple(args[1..].to_vec());
    Ok(Value::Obj(vm.heap.alloc(
        cls,
        Kind::Exception(Box::new(ExcData {
            args: a,
            traceback: vec![],
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            tb_obj: Value::Undef,
            tb_cached: 0,
        })),
    )))
}

fn exc_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = vm.new_tuple(args[1..].to_vec());
    if let Some(Value::Obj(r)) = args.first() {
        let r = *r;
        if !kw.is_empty() {
            let tn = vm.type_name(args[0]);
            // ImportError(*args, name=None, path=None), AttributeError(*args,
            // name=None, obj=None), NameError(*args, name=None), their subclasses too.
            const IMPORT: KwSpec<2> = KwSpec::new("ImportError", ["name", "path"]).positional(0);
            const ATTR: KwSpec<2> = KwSpec::new("AttributeError", ["name", "obj"]).positional(0);
            const NAME: KwSpec<1> = KwSpec::new("NameError", ["name"]).positional(0);
            let given: Vec<(&str, Option<Value>)> = if vm.isinstance_ref(r, vm.types.import_error) {
                let g = IMPORT.parse(vm, &[], kw)?;
                IMPORT.names.iter().copied().zip(g).collect()
            } else if vm.isinstance_ref(r, vm.types.attribute_error) {
                let g = ATTR.parse(vm, &[], kw)?;
                ATTR.names.iter().copied().zip(g).collect()
            } else if vm.isinstance_ref(r, vm.types.name_error) {
                let g = NAME.parse(vm, &[], kw)?;
                NAME.names.iter().copied().zip(g).collect()
            } else {
                return Err(vm.new_type_error(format!("{tn}() takes no keyword arguments")));
            };
            for (name, v) in given {
                if let Some(v) = v {
                    let key = vm.intern(name);
                    vm.generic_setattr(Value::Obj(r), key, v)?;
                }
            }
        }
        if let Kind::Exception(e) = vm.heap.kind_mut(r) {
            e.args = a;
        }
    }
    Ok(Value::None)
}

impl Vm {
    /// An ImportError (or subclass) with its `name` attribute set, as the import
    /// machinery raises them.
    pub fn new_import_error(
        &mut self,
        cls: crate::object::ObjRef,
        msg: String,
        name: &str,
    ) -> crate::PyErr {
        let e = self.new_error(cls, msg);
        let key = self.intern("name");
        let v = self.new_str(name.to_string());
        let _ = self.generic_setattr(Value::Obj(e.0), key, v);
        e
    }
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Value::Obj(r) = args[0] {
        crate::types::frame::set_traceback(vm, r, args[1])?;
    }
    Ok(args[0])
}

fn exc_str(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let args_v = vm.exception_args(r);
    let s = match args_v.len() {
        0 => String::new(),
        1 => vm.str(args_v[0])?,
        _ => {
            let t = vm.new_tuple(args_v);
            vm.repr(t)?
        }
    };
    Ok(vm.new_str(s))
}

fn exc_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let cls = vm.heap.get(r).class;
    let name = vm.class_name(cls);
    let a = vm.exception_args(r);
    let s = if a.len() == 1 {
        format!("{name}({})", vm.repr(a[0])?)
    } else {
        let t = vm.new_tuple(a);
        format!("{name}{}", vm.repr(t)?)
    };
    Ok(vm.new_str(s))
}

/// The OSError subclass CPython raises for an errno.
pub fn os_error_class(vm: &Vm, errno: i64) -> crate::object::ObjRef {
    let t = &vm.types;
    match errno {
        2 => t.file_not_found_error,
        17 => t.file_exists_error,
        1 | 13 => t.permission_error,
        21 => t.is_a_directory_error,
        20 => t.not_a_directory_error,
        110 => t.timeout_error,
        4 => t.interrupted_error,
        11 => t.blocking_io_error,
        10 => t.child_process_error,
        32 => t.broken_pipe_error,
        103 => t.connection_aborted_error,
        111 => t.connection_refused_error,
        104 => t.connection_reset_error,
        3 => t.process_lookup_error,
        _ => t.os_error,
    }
}

impl Vm {
    /// An OSError of the subclass for `errno` (`FileNotFoundError` for 2, ...), with
    /// `errno`, `strerror` and `filename` set: `[Errno 2] No such file or directory: 'x'`.
    pub fn new_os_error(
        &mut self,
        errno: i64,
        strerror: &str,
        filename: Option<Value>,
    ) -> crate::PyErr {
        let cls = os_error_class(self, errno);
        let msg = self.new_str(strerror.to_string());
        let e = self.new_exception(cls, vec![Value::Int(errno), msg]);
        if let Some(f) = filename {
            let key = self.intern("filename");
            let _ = self.generic_setattr(Value::Obj(e.0), key, f);
        }
        e
    }
}

/// `OSError.__init__`: `args` keeps (errno, strerror); the filenames are attributes.
fn os_error_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = args.len() - 1;
    if !(3..=6).contains(&args.len()) {
        return exc_init(vm, args, kw);
    }
    let a = vm.new_tuple(args[1..3].to_vec());
    let r = args[0].obj().expect("exception");
    if let Kind::Exception(e) = vm.heap.kind_mut(r) {
        e.args = a;
    }
    for (i, name) in [(3, "filename"), (5, "filename2")] {
        if n >= i && !args[i].is_none() {
            let key = vm.intern(name);
            vm.generic_setattr(args[0], key, args[i])?;
        }
    }
    Ok(Value::None)
}

/// `str(OSError)`: `[Errno N] strerror: 'filename'` (and ` -> 'filename2'`).
pub(crate) fn os_error_str(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let a = vm.exception_args(r);
    let filename = exc_dict_attr(vm, r, "filename");
    let filename2 = exc_dict_attr(vm, r, "filename2");
    if a.len() == 2 {
        let errno = vm.str(a[0])?;
        let strerror = vm.str(a[1])?;
        let mut s = format!("[Errno {errno}] {strerror}");
        if !filename.is_none() {
            s.push_str(&format!(": {}", vm.repr(filename)?));
            if !filename2.is_none() {
                s.push_str(&format!(" -> {}", vm.repr(filename2)?));
            }
        }
        return Ok(vm.new_str(s));
    }
    exc_str(vm, args, kw)
}

fn exc_dict_attr(vm: &mut Vm, r: crate::object::ObjRef, name: &str) -> Value {
    let Some(d) = vm.heap.get(r).dict() else {
        return Value::None;
    };
    let k = vm.intern(name);
    vm.dict_get_str(d, k).unwrap_or(Value::None)
}

/// Attribute reads on exception objects.
pub fn exc_attr(vm: &mut Vm, r: crate::object::ObjRef, name: &str) -> Option<Value> {
    let Kind::Exception(e) = vm.heap.kind(r) else {
        return None;
    };
    let (args, cause, context, suppress) = (e.args, e.cause, e.context, e.suppress_context);
    let first = vm.tuple_items(args).first().copied().unwrap_or(Value::None);
    Some(match name {
        "args" => args,
        "__cause__" => cause,
        "__context__" => context,
        "__suppress_context__" => Value::Bool(suppress),
        "__traceback__" => crate::types::frame::traceback_of(vm, r),
        "value" if vm.isinstance_ref(r, vm.types.stop_iteration) => first,
        "code" if vm.isinstance_ref(r, vm.types.system_exit) => first,
        "msg" if vm.isinstance_ref(r, vm.types.syntax_error) => {
            let k = vm.intern("msg");
            match vm.heap.get(r).dict().and_then(|d| vm.dict_get_str(d, k)) {
                Some(v) => v,
                None => first,
            }
        }
        "filename"
        | "lineno"
        | "offset"
        | "text"
        | "end_lineno"
        | "end_offset"
        | "print_file_and_line"
            if vm.isinstance_ref(r, vm.types.syntax_error) =>
        {
            exc_dict_attr(vm, r, name)
        }
        "errno" | "strerror" if vm.isinstance_ref(r, vm.types.os_error) => {
            let items = vm.tuple_items(args);
            let i = if name == "errno" { 0 } else { 1 };
            if items.len() >= 2 {
                items.get(i).copied().unwrap_or(Value::None)
            } else {
                Value::None
            }
        }
        "filename" | "filename2" if vm.isinstance_ref(r, vm.types.os_error) => {
            exc_dict_attr(vm, r, name)
        }
        "encoding" | "object" | "start" | "end" | "reason"
            if vm.isinstance_ref(r, vm.types.unicode_decode_error)
                || vm.isinstance_ref(r, vm.types.unicode_encode_error) =>
        {
            return unicode_error_field(vm, r, name);
        }
        "name" | "path" if vm.isinstance_ref(r, vm.types.import_error) => Value::None,
        "msg" if vm.isinstance_ref(r, vm.types.import_error) => first,
        "name"
            if vm.isinstance_ref(r, vm.types.name_error)
                || vm.isinstance_ref(r, vm.types.attribute_error) =>
        {
            Value::None
        }
        "obj" if vm.isinstance_ref(r, vm.types.attribute_error) => Value::None,
        _ => return None,
    })
}

/// Attribute writes that go to the exception's own fields.
pub fn exc_setattr(vm: &mut Vm, r: crate::object::ObjRef, name: &str, v: Value) -> PyResult<bool> {
    let is_exc = matches!(vm.heap.kind(r), Kind::Exception(_));
    if !is_exc {
        return Ok(false);
    }
    if name == "__traceback__" {
        crate::types::frame::set_traceback(vm, r, v)?;
        return Ok(true);
    }
    let tuple = if name == "args" {
        Some(vm.iterate(v)?)
    } else {
        None
    };
    let newargs = tuple.map(|t| vm.new_tuple(t));
    let Kind::Exception(e) = vm.heap.kind_mut(r) else {
        return Ok(false);
    };
    match name {
        "__cause__" => {
            e.cause = v;
            e.suppress_context = true;
        }
        "__context__" => e.context = v,
        "__suppress_context__" => e.suppress_context = matches!(v, Value::Bool(true)),
        "__traceback__" => {}
        "args" => e.args = newargs.unwrap_or(Value::None),
        _ => return Ok(false),
    }
    Ok(true)
}

/// SyntaxError's fields from its arguments `(msg, (filename, lineno, offset, text,
/// end_lineno, end_offset))`, as CPython's `SyntaxError.__init__` sets them.
pub fn set_syntax_error_fields(vm: &mut Vm, r: crate::object::ObjRef) {
    let Kind::Exception(e) = vm.heap.kind(r) else {
        return;
    };
    let args = vm.tuple_items(e.args);
    if args.len() != 2 {
        return;
    }
    let info = match args[1] {
        Value::Obj(t) => match vm.heap.kind(t) {
            Kind::Tuple(items) if (4..=6).contains(&items.len()) => items.clone(),
            _ => return,
        },
        _ => return,
    };
    let d = match vm.heap.get(r).dict() {
        Some(d) => d,
        None => {
            let d = vm.new_dict();
            vm.heap.get_mut(r).set_dict(Some(d));
            d
        }
    };
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    for (i, n) in names.iter().enumerate() {
        let k = vm.intern(n);
        let v = info.get(i).copied().unwrap_or(Value::None);
        let _ = vm.dict_set(d, k, v);
    }
}

fn syntax_error_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    if let Some(Value::Obj(r)) = args.first() {
        set_syntax_error_fields(vm, *r);
    }
    Ok(Value::None)
}

/// `str(SyntaxError)`: `msg (file, line N)` with the file's base name, as CPython.
pub fn syntax_error_str(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let msg = exc_attr(vm, r, "msg").unwrap_or(Value::None);
    let msg = vm.str(msg)?;
    let file = exc_attr(vm, r, "filename").unwrap_or(Value::None);
    let file = vm
        .as_str(file)
        .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let line = match exc_attr(vm, r, "lineno") {
        Some(Value::Int(i)) => Some(i),
        _ => None,
    };
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    };
    Ok(vm.new_str(s))
}

/// A field of UnicodeDecodeError/UnicodeEncodeError: an assigned value, else its
/// place in `(encoding, object, start, end, reason)`.
fn unicode_error_field(vm: &mut Vm, r: crate::object::ObjRef, name: &str) -> Option<Value> {
    if let Some(d) = vm.heap.get(r).dict() {
        let k = vm.intern(name);
        if let Some(v) = vm.dict_get_str(d, k) {
            return Some(v);
        }
    }
    let i = ["encoding", "object", "start", "end", "reason"]
        .iter()
        .position(|n| *n == name)?;
    let args = vm.exception_args(r);
    (args.len() == 5).then(|| args[i])
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)` and the encode twin:
/// exactly five arguments of CPython's types.
fn unicode_error_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let n = args.len() - 1;
    if n != 5 {
        return Err(vm.new_type_error(format!("function takes exactly 5 arguments ({n} given)")));
    }
    let r = args[0].obj().expect("exception");
    let decode = vm.isinstance_ref(r, vm.types.unicode_decode_error);
    for (i, want) in [(1, "str"), (2, ""), (3, "int"), (4, "int"), (5, "str")] {
        let v = args[i];
        let ok = match (i, want) {
            (2, _) if decode => vm.bytes_of(v).is_some(),
            (2, _) => vm.as_str(v).is_some(),
            (_, "str") => vm.as_str(v).is_some(),
            _ => matches!(v, Value::Int(_)),
        };
        if !ok {
            let t = vm.type_name(v);
            if i == 2 && decode {
                return Err(
                    vm.new_type_error(format!("a bytes-like object is required, not '{t}'"))
                );
            }
            let want = if i == 2 { "str" } else { want };
            return Err(vm.new_type_error(format!("argument {i} must be {want}, not {t}")));
        }
    }
    exc_init(vm, args, kw)
}

/// `str(UnicodeDecodeError)`: `'utf-8' codec can't decode byte 0xff in position 2:
/// invalid start byte` (and the encode and multi-byte forms), as CPython.
pub(crate) fn unicode_error_str(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = args[0].obj().expect("exception");
    let field = |vm: &mut Vm, n: &str| unicode_error_field(vm, r, n);
    let (Some(enc), Some(obj), Some(Value::Int(start)), Some(Value::Int(end)), Some(reason)) = (
        field(vm, "encoding"),
        field(vm, "object"),
        field(vm, "start"),
        field(vm, "end"),
        field(vm, "reason"),
    ) else {
        return exc_str(vm, args, kw);
    };
    let enc = vm.str(enc)?;
    let reason = vm.str(reason)?;
    let decode = vm.isinstance_ref(r, vm.types.unicode_decode_error);
    let one = end == start + 1 && start >= 0;
    let s = if decode {
        let bytes = vm.bytes_of(obj).unwrap_or_default();
        match bytes.get(start as usize) {
            Some(b) if one => {
                format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            ),
        }
    } else {
        let c = vm.as_str(obj).and_then(|s| s.chars().nth(start as usize));
        match c {
            Some(c) if one => format!(
                "'{enc}' codec can't encode character '{}' in position {start}: {reason}",
                crate::types::codecs::encode::escape_char(c)
            ),
            _ => format!(
                "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                end - 1
            ),
        }
    };
    Ok(vm.new_str(s))
}

pub fn register(vm: &mut Vm) {
    for c in [vm.types.unicode_decode_error, vm.types.unicode_encode_error] {
        vm.add_method(c, "__init__", unicode_error_init, Arity::any().kw());
        vm.add_method(c, "__str__", unicode_error_str, Arity::none());
    }
    let se = vm.types.syntax_error;
    vm.add_method(se, "__init__", syntax_error_init, Arity::any().kw());
    vm.add_method(se, "__str__", syntax_error_str, Arity::none());
    let c = vm.types.base_exception;
    vm.add_staticmethod(c, "__new__", exc_new, Arity::any().kw());
    vm.add_method(c, "__init__", exc_init, Arity::any().kw());
    vm.add_method(c, "with_traceback", exc_with_traceback, Arity::exactly(1));
    vm.add_method(c, "__str__", exc_str, Arity::none());
    vm.add_method(c, "__repr__", exc_repr, Arity::none());
    let o = vm.types.os_error;
    vm.add_method(o, "__init__", os_error_init, Arity::any().kw());
    vm.add_method(o, "__str__", os_error_str, Arity::none());
}

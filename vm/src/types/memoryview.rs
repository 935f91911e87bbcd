//! `memoryview`: a view of the bytes of a `bytes` or `bytearray` (one dimension),
//! sharing them: writes through a view of a bytearray change the bytearray, and the
//! view sees the bytearray's changes. Items are unpacked by format (`B`, `b`, `c`,
//! `?`, `h`/`H`, `i`/`I`, `l`/`L`, `q`/`Q`, `f`, `d`, native little-endian sizes);
//! `cast` reinterprets a contiguous view. An `array.array` (written in Python in
//! revpy) is viewed through a copy of its bytes, read-only.

use crate::object::opaque::OpaqueObject;
use crate::object::{Kind, ObjRef, Value};
use crate::{Arity, PyErr, PyResult, Vm};
use std::any::Any;

type Kw<'a> = &'a [(Value, Value)];

#[derive(Clone, Debug)]
pub struct MemView {
    /// The bytes or bytearray viewed.
    obj: Value,
    /// The object given to `memoryview()` (`.obj`).
    exported: Value,
    /// Byte offset of the first item.
    start: usize,
    /// Number of items.
    len: usize,
    /// Distance between items, in items.
    step: isize,
    fmt: char,
    itemsize: usize,
    readonly: bool,
    released: bool,
}

impl OpaqueObject for MemView {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.obj);
        f(self.exported);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn protocols(&self) -> &'static crate::object::opaque::Protocols {
        // Its operators are the class's methods; the table says only that the
        // `match` statement sees a sequence.
        static MEMORYVIEW: crate::object::opaque::Protocols = crate::object::opaque::Protocols {
            sequence: true,
            ..crate::object::opaque::Protocols::NONE
        };
        &MEMORYVIEW
    }
}

fn itemsize_of(fmt: char) -> Option<usize> {
    Some(match fmt {
        'B' | 'b' | 'c' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'd' | 'n' | 'N' => 8,
        _ => return None,
    })
}

fn view(vm: &Vm, v: Value) -> Option<&MemView> {
    match vm.heap.kind(v.obj()?) {
        Kind::Opaque(o) => o.as_any().downcast_ref::<MemView>(),
        _ => None,
    }
}

fn view_mut(vm: &mut Vm, v: Value) -> Option<&mut MemView> {
    match vm.heap.kind_mut(v.obj()?) {
        Kind::Opaque(o) => o.as_any_mut().downcast_mut::<MemView>(),
        _ => None,
    }
}

fn released_error(vm: &mut Vm) -> PyErr {
    vm.new_value_error("operation forbidden on released memoryview object".into())
}

/// The view `v` (not released), or the error.
fn this(vm: &mut Vm, v: Value) -> PyResult<MemView> {
    match view(vm, v) {
        Some(m) if m.released => Err(released_error(vm)),
        Some(m) => Ok(m.clone()),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!(
                "descriptor requires a 'memoryview' object but received a '{t}'"
            )))
        }
    }
}

fn source<'a>(vm: &'a Vm, m: &MemView) -> &'a [u8] {
    match m.obj.obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Bytes(b) | Kind::ByteArray(b)) => b,
        _ => &[],
    }
}

impl MemView {
    fn offset(&self, i: usize) -> isize {
        self.start as isize + i as isize * self.step * self.itemsize as isize
    }
}

/// The bytes the view covers, in order.
fn view_bytes(vm: &Vm, m: &MemView) -> Vec<u8> {
    let src = source(vm, m);
    let mut out = Vec::with_capacity(m.len * m.itemsize);
    for i in 0..m.len {
        let o = m.offset(i);
        if o < 0 || o as usize + m.itemsize > src.len() {
            break;
        }
        out.extend_from_slice(&src[o as usize..o as usize + m.itemsize]);
    }
    out
}

impl Vm {
    /// The bytes of a memoryview (for `bytes_of`: `bytes(m)`, `b"".join`, writes).
    pub(crate) fn memoryview_bytes(&self, r: ObjRef) -> Option<Vec<u8>> {
        match self.heap.kind(r) {
            Kind::Opaque(o) => {
                let m = o.as_any().downcast_ref::<MemView>()?;
                if m.released {
                    return None;
                }
                Some(view_bytes(self, m))
            }
            _ => None,
        }
    }
}

fn unpack(vm: &mut Vm, fmt: char, b: &[u8]) -> Value {
    let mut a = [0u8; 8];
    a[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(a);
    match fmt {
        'B' => Value::Int(b[0] as i64),
        'b' => Value::Int(b[0] as i8 as i64),
        'c' => vm.new_bytes(vec![b[0]]),
        '?' => Value::Bool(b[0] != 0),
        'H' => Value::Int(u as u16 as i64),
        'h' => Value::Int(u as u16 as i16 as i64),
        'I' => Value::Int(u as u32 as i64),
        'i' => Value::Int(u as u32 as i32 as i64),
        'f' => Value::Float(f32::from_bits(u as u32) as f64),
        'd' => Value::Float(f64::from_bits(u)),
        'L' | 'Q' | 'N' => {
            if u > i64::MAX as u64 {
                vm.new_bigint(num_bigint::BigInt::from(u))
            } else {
                Value::Int(u as i64)
            }
        }
        _ => Value::Int(u as i64),
    }
}

fn pack(vm: &mut Vm, fmt: char, itemsize: usize, v: Value) -> PyResult<Vec<u8>> {
    let bad =
        |vm: &mut Vm| vm.new_type_error(format!("memoryview: invalid type for format '{fmt}'"));
    match fmt {
        'c' => match vm.bytes_of(v) {
            Some(b) if b.len() == 1 => Ok(b),
            _ => Err(vm.new_value_error(format!("memoryview: invalid value for format '{fmt}'"))),
        },
        'f' | 'd' => {
            let x = match v {
                Value::Float(f) => f,
                Value::Int(i) => i as f64,
                _ => return Err(bad(vm)),
            };
            Ok(if fmt == 'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        '?' => {
            let t = vm.truthy(v)?;
            Ok(vec![t as u8])
        }
        _ => {
            let Some(n) = (match v {
                Value::Bool(_) => None,
                _ => vm.index_of(v)?,
            }) else {
                return Err(bad(vm));
            };
            let signed = fmt.is_ascii_lowercase();
            let bits = itemsize as u32 * 8;
            let ok = if signed {
                bits == 64 || (n >= -(1i64 << (bits - 1)) && n < (1i64 << (bits - 1)))
            } else {
                n >= 0 && (bits == 64 || n < (1i64 << bits))
            };
            if !ok {
                return Err(
                    vm.new_value_error(format!("memoryview: invalid value for format '{fmt}'"))
                );
            }
            Ok(n.to_le_bytes()[..itemsize].to_vec())
        }
    }
}

fn item(vm: &mut Vm, m: &MemView, i: usize) -> Value {
    let o = m.offset(i) as usize;
    let b = source(vm, m)[o..o + m.itemsize].to_vec();
    unpack(vm, m.fmt, &b)
}

fn items(vm: &mut Vm, m: &MemView) -> Vec<Value> {
    (0..m.len).map(|i| item(vm, m, i)).collect()
}

fn new_view(vm: &mut Vm, cls: ObjRef, m: MemView) -> Value {
    Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(m))))
}

fn mv_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    let obj = match (args.get(1), kw) {
        (Some(o), []) if args.len() == 2 => *o,
        (None, [(k, v)]) if vm.as_str(*k) == Some("object") => *v,
        _ => {
            return Err(vm.new_type_error(format!(
                "memoryview() takes exactly one argument ({} given)",
                args.len() - 1 + kw.len()
            )))
        }
    };
    if let Some(m) = view(vm, obj).cloned() {
        if m.released {
            return Err(released_error(vm));
        }
        return Ok(new_view(vm, cls, m));
    }
    let (target, fmt, readonly) = match obj.obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Bytes(_)) => (obj, 'B', true),
        Some(Kind::ByteArray(_)) => (obj, 'B', false),
        _ => {
            // array.array (Python): a read-only copy of its bytes.
            let tc = vm.intern("typecode");
            let typecode = match vm.getattr(obj, tc) {
                Ok(t) => vm.as_str(t).and_then(|s| s.chars().next()),
                Err(_) => None,
            };
            match typecode.filter(|c| itemsize_of(*c).is_some()) {
                Some(c) => {
                    let b = vm.call_method(obj, "tobytes", &[])?;
                    (b, c, true)
                }
                None => {
                    let t = vm.type_name(obj);
                    return Err(vm.new_type_error(format!(
                        "memoryview: a bytes-like object is required, not '{t}'"
                    )));
                }
            }
        }
    };
    let itemsize = itemsize_of(fmt).unwrap_or(1);
    let nbytes = vm.bytes_of(target).map(|b| b.len()).unwrap_or(0);
    Ok(new_view(
        vm,
        cls,
        MemView {
            obj: target,
            exported: obj,
            start: 0,
            len: nbytes / itemsize,
            step: 1,
            fmt,
            itemsize,
            readonly,
            released: false,
        },
    ))
}

fn index(vm: &mut Vm, m: &MemView, key: Value) -> PyResult<usize> {
    let Some(i) = vm.index_of(key)? else {
        return Err(vm.new_type_error("memoryview: invalid slice key".into()));
    };
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn is_slice(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Slice(_)))
}

fn sub_view(vm: &mut Vm, m: &MemView, key: Value) -> PyResult<MemView> {
    let (start, stop, step) = vm.slice_indices(key, m.len as i64)?;
    let count = if step > 0 {
        ((stop - start).max(0) + step - 1) / step
    } else {
        ((start - stop).max(0) + (-step) - 1) / (-step)
    };
    let mut s = m.clone();
    s.start = if count > 0 {
        m.offset(start as usize) as usize
    } else {
        m.start
    };
    s.len = count as usize;
    s.step = m.step * step as isize;
    Ok(s)
}

fn getitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let key = args[1];
    if is_slice(vm, key) {
        let s = sub_view(vm, &m, key)?;
        let cls = vm.heap.get(args[0].obj().expect("view")).class;
        return Ok(new_view(vm, cls, s));
    }
    if matches!(key, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_))) {
        return Err(vm.new_type_error("memoryview: invalid slice key".into()));
    }
    let i = index(vm, &m, key)?;
    Ok(item(vm, &m, i))
}

fn setitem(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory".into()));
    }
    let (key, value) = (args[1], args[2]);
    let writes: Vec<(usize, Vec<u8>)> = if is_slice(vm, key) {
        let s = sub_view(vm, &m, key)?;
        let src = match view(vm, value).cloned() {
            Some(v) if !v.released => {
                if v.fmt != s.fmt || v.len != s.len {
                    return Err(vm.new_value_error(
                        "memoryview assignment: lvalue and rvalue have different structures".into(),
                    ));
                }
                view_bytes(vm, &v)
            }
            _ => match vm.bytes_of(value) {
                Some(b) if s.fmt == 'B' || s.fmt == 'b' || s.fmt == 'c' => {
                    if b.len() != s.len {
                        return Err(vm.new_value_error(
                            "memoryview assignment: lvalue and rvalue have different structures"
                                .into(),
                        ));
                    }
                    b
                }
                _ => {
                    let t = vm.type_name(value);
                    return Err(
                        vm.new_type_error(format!("a bytes-like object is required, not '{t}'"))
                    );
                }
            },
        };
        (0..s.len)
            .map(|i| {
                (
                    s.offset(i) as usize,
                    src[i * s.itemsize..(i + 1) * s.itemsize].to_vec(),
                )
            })
            .collect()
    } else {
        let i = index(vm, &m, key)?;
        let b = pack(vm, m.fmt, m.itemsize, value)?;
        vec![(m.offset(i) as usize, b)]
    };
    if let Some(Kind::ByteArray(buf)) = m.obj.obj().map(|r| vm.heap.kind_mut(r)) {
        for (o, b) in writes {
            if o + b.len() <= buf.len() {
                buf[o..o + b.len()].copy_from_slice(&b);
            }
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args[0])?.len as i64))
}

fn tobytes(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let b = view_bytes(vm, &m);
    Ok(vm.new_bytes(b))
}

fn tolist(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let v = items(vm, &m);
    Ok(vm.new_list(v))
}

fn hex(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let b = view_bytes(vm, &m);
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(vm.new_str(s))
}

fn release(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(m) = view_mut(vm, args[0]) {
        m.released = true;
    }
    Ok(Value::None)
}

fn enter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    release(vm, &args[..1], &[])
}

fn toreadonly(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let mut m = this(vm, args[0])?;
    m.readonly = true;
    let cls = vm.heap.get(args[0].obj().expect("view")).class;
    Ok(new_view(vm, cls, m))
}

fn cast(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    if args.len() > 3 || !kw.is_empty() {
        return Err(vm.new_type_error("memoryview.cast(): shapes are not supported".into()));
    }
    let Some(f) = args
        .get(1)
        .and_then(|v| vm.as_str(*v))
        .map(|s| s.to_string())
    else {
        let t = vm.type_name(args.get(1).copied().unwrap_or(Value::None));
        return Err(vm.new_type_error(format!("cast() argument 'format' must be str, not {t}")));
    };
    let fmt = f.trim_start_matches(['@', '=', '<']);
    let c = fmt.chars().next().unwrap_or(' ');
    let size = match (fmt.len(), itemsize_of(c)) {
        (1, Some(s)) => s,
        _ => {
            return Err(vm.new_value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'".into(),
            ))
        }
    };
    if m.step != 1 {
        return Err(
            vm.new_type_error("memoryview: casts are restricted to C-contiguous views".into())
        );
    }
    if m.fmt != 'B' && m.fmt != 'b' && m.fmt != 'c' && c != 'B' && c != 'b' && c != 'c' {
        return Err(
            vm.new_type_error("memoryview: cannot cast between two non-byte formats".into())
        );
    }
    let nbytes = m.len * m.itemsize;
    if nbytes % size != 0 {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize".into()));
    }
    let mut n = m.clone();
    n.fmt = c;
    n.itemsize = size;
    n.len = nbytes / size;
    let cls = vm.heap.get(args[0].obj().expect("view")).class;
    Ok(new_view(vm, cls, n))
}

/// The items of `other` for comparison with a view, if it supports the buffer protocol.
fn other_items(vm: &mut Vm, other: Value) -> PyResult<Option<Vec<Value>>> {
    if let Some(m) = view(vm, other).cloned() {
        if m.released {
            return Ok(None);
        }
        return Ok(Some(items(vm, &m)));
    }
    Ok(vm
        .bytes_of(other)
        .map(|b| b.into_iter().map(|x| Value::Int(x as i64)).collect()))
}

fn eq_impl(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let (a, b) = (args[0], args[1]);
    if a.obj() == b.obj() {
        return Ok(Some(true));
    }
    let released =
        view(vm, a).is_some_and(|m| m.released) || view(vm, b).is_some_and(|m| m.released);
    if released {
        return Ok(Some(false));
    }
    let m = this(vm, a)?;
    let Some(theirs) = other_items(vm, b)? else {
        return Ok(None);
    };
    let mine = items(vm, &m);
    if mine.len() != theirs.len() {
        return Ok(Some(false));
    }
    for (x, y) in mine.into_iter().zip(theirs) {
        if !vm.eq(x, y)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn eq(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(match eq_impl(vm, args)? {
        Some(b) => Value::Bool(b),
        None => vm.not_implemented,
    })
}

fn ne(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(match eq_impl(vm, args)? {
        Some(b) => Value::Bool(!b),
        None => vm.not_implemented,
    })
}

fn hash(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    if !m.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object".into()));
    }
    let b = view_bytes(vm, &m);
    Ok(Value::Int(crate::object::hash::hash_bytes(&b)))
}

fn iter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    let v = items(vm, &m);
    let l = vm.new_list(v);
    vm.get_iter(l)
}

fn repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let released = view(vm, args[0]).is_some_and(|m| m.released);
    let id = vm.id_of(args[0]);
    let s = if released {
        format!("<released memory at {id:#x}>")
    } else {
        format!("<memory at {id:#x}>")
    };
    Ok(vm.new_str(s))
}

fn bytes_dunder(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    tobytes(vm, args, kw)
}

fn g_nbytes(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    Ok(Value::Int((m.len * m.itemsize) as i64))
}
fn g_format(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    Ok(vm.new_str(m.fmt.to_string()))
}
fn g_itemsize(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args[0])?.itemsize as i64))
}
fn g_readonly(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args[0])?.readonly))
}
fn g_obj(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(this(vm, args[0])?.exported)
}
fn g_ndim(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?;
    Ok(Value::Int(1))
}
fn g_shape(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    Ok(vm.new_tuple(vec![Value::Int(m.len as i64)]))
}
fn g_strides(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    Ok(vm.new_tuple(vec![Value::Int(m.step as i64 * m.itemsize as i64)]))
}
fn g_contiguous(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let m = this(vm, args[0])?;
    Ok(Value::Bool(m.step == 1 || m.len <= 1))
}
fn g_released(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, args[0]).is_some_and(|m| m.released)))
}

pub(crate) fn register(vm: &mut Vm) {
    let obj = vm.types.object;
    let cls = vm.new_native_class("memoryview", obj, "builtins");
    if let Kind::Class(c) = vm.heap.kind_mut(cls) {
        // Dispatch through the class's methods.
        c.is_builtin = false;
    }
    vm.add_staticmethod(cls, "__new__", mv_new, Arity::any().kw());
    vm.add_methods(
        cls,
        &[
            ("__getitem__", getitem, Arity::exactly(1)),
            ("__setitem__", setitem, Arity::exactly(2)),
            ("__len__", len, Arity::none()),
            ("__iter__", iter, Arity::none()),
            ("__repr__", repr, Arity::none()),
            ("__eq__", eq, Arity::exactly(1)),
            ("__ne__", ne, Arity::exactly(1)),
            ("__hash__", hash, Arity::none()),
            ("__enter__", enter, Arity::none()),
            ("__exit__", exit, Arity::any()),
            ("__bytes__", bytes_dunder, Arity::none()),
            ("tobytes", tobytes, Arity::range(0, 1)),
            ("tolist", tolist, Arity::none()),
            ("hex", hex, Arity::none()),
            ("release", release, Arity::none()),
            ("toreadonly", toreadonly, Arity::none()),
            ("cast", cast, Arity::any().kw()),
        ],
    );
    vm.add_getters(
        cls,
        &[
            ("nbytes", g_nbytes),
            ("format", g_format),
            ("itemsize", g_itemsize),
            ("readonly", g_readonly),
            ("obj", g_obj),
            ("ndim", g_ndim),
            ("shape", g_shape),
            ("strides", g_strides),
            ("contiguous", g_contiguous),
            ("c_contiguous", g_contiguous),
            ("f_contiguous", g_contiguous),
            ("released", g_released),
        ],
    );
    let k = vm.intern("memoryview");
    let _ = vm.dict_set(vm.builtins, k, Value::Obj(cls));
}

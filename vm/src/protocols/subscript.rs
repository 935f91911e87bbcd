//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]`, with slices.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> Value {
        let c = self.types.slice;
        Value::Obj(
            self.heap
                .alloc(c, Kind::Slice(Box::new([start, stop, step]))),
        )
    }

    fn slice_parts(&self, v: Value) -> Option<(Value, Value, Value)> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Slice(s) => Some((s[0], s[1], s[2])),
                _ => None,
            },
            _ => None,
        }
    }

    /// `slice.indices(len)`: (start, stop, step) clamped as CPython.
    pub fn slice_indices(&mut self, s: Value, len: i64) -> PyResult<(i64, i64, i64)> {
        let (a, b, c) = self.slice_parts(s).expect("slice");
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.index_of(v) {
                Ok(Some(i)) => Ok(Some(i)),
                Ok(None) => Err(vm.new_type_error(
                    "slice indices must be integers or None or have an __index__ method".into(),
                )),
                Err(_) => Ok(Some(if matches!(v, Value::Obj(_)) {
                    i64::MAX
                } else {
                    0
                })),
            }
        };
        let step = get(self, c)?.unwrap_or(1);
        if step == 0 {
            return Err(self.new_value_error("slice step cannot be zero".into()));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |x: i64| -> i64 {
            if x < 0 {
                (x + len).max(lower)
            } else {
                x.min(upper)
            }
        };
        let start = match get(self, a)? {
            Some(x) => fix(x),
            None => {
                if step < 0 {
                    upper
                } else {
                    lower
                }
            }
        };
        let stop = match get(self, b)? {
            Some(x) => fix(x),
            None => {
                if step < 0 {
                    lower
                } else {
                    upper
                }
            }
        };
        Ok((start, stop, step))
    }

    fn slice_range(&mut self, s: Value, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len as i64)?;
        let mut out = vec![];
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }

    pub(crate) fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match self.index_of(key)? {
            Some(i) => i,
            None => {
                let t = self.type_name(key);
                return Err(self.new_type_error(format!(
                    "{what} indices must be integers or slices, not {t}"
                )));
            }
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            // bytes says only "index out of range" (and "byte indices must be ...").
            let msg = if what == "byte" {
                "index out of range".to_string()
            } else {
                format!("{what} index out of range")
            };
            return Err(self.new_index_error(&msg));
        }
        Ok(j as usize)
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let cls = self.type_of(obj);
        if !self.class_data(cls).is_builtin {
            let gi = self.names.__getitem__;
            if let Some(f) = self.user_override(cls, gi) {
                return self.call(f, &[obj, key], &[]);
            }
        }
        self.getitem_builtin(obj, key)
    }

    /// `obj[key]` with the built-in meaning (no user `__getitem__`): `list.__getitem__`.
    pub fn getitem_builtin(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let cls = self.type_of(obj);
        let Value::Obj(r) = obj else {
            return Err(self.not_subscriptable(obj));
        };
        let is_slice = self.slice_parts(key).is_some();
        match self.heap.kind(r) {
            Kind::List(items) | Kind::Tuple(items) => {
                let is_list = matches!(self.heap.kind(r), Kind::List(_));
                let len = items.len();
                if is_slice {
                    let idx = self.slice_range(key, len)?;
                    let (Kind::List(items) | Kind::Tuple(items)) = self.heap.kind(r) else {
                        unreachable!()
                    };
                    let out: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
                    return Ok(if is_list {
                        self.new_list(out)
                    } else {
                        self.new_tuple(out)
                    });
                }
                if let Value::Int(i) = key {
                    let j = if i < 0 { i + len as i64 } else { i };
                    if j >= 0 && (j as usize) < len {
                        return Ok(items[j as usize]);
                    }
                }
                let i = self.seq_index(key, len, if is_list { "list" } else { "tuple" })?;
                let (Kind::List(items) | Kind::Tuple(items)) = self.heap.kind(r) else {
                    unreachable!()
                };
                Ok(items[i])
            }
            Kind::Str(s) => {
                let len = s.char_len as usize;
                let ascii = s.is_ascii();
                if is_slice {
                    let idx = self.slice_range(key, len)?;
                    let Kind::Str(s) = self.heap.kind(r) else {
                        unreachable!()
                    };
                    let out: String = if ascii {
                        idx.iter().map(|&i| s.s.as_bytes()[i] as char).collect()
                    } else {
                        let chars: Vec<char> = s.s.chars().collect();
                        idx.iter().map(|&i| chars[i]).collect()
                    };
                    return Ok(self.new_str(out));
                }
                let i = self.seq_index(key, len, "string")?;
                let Kind::Str(s) = self.heap.kind(r) else {
                    unreachable!()
                };
                let c = if ascii {
                    s.s.as_bytes()[i] as char
                } else {
                    s.s.chars().nth(i).unwrap_or(' ')
                };
                Ok(self.char_str(c))
            }
            Kind::Bytes(b) | Kind::ByteArray(b) => {
                let is_ba = matches!(self.heap.kind(r), Kind::ByteArray(_));
                let len = b.len();
                if is_slice {
                    let idx = self.slice_range(key, len)?;
                    let (Kind::Bytes(b) | Kind::ByteArray(b)) = self.heap.kind(r) else {
                        unreachable!()
                    };
                    let out: Vec<u8> = idx.iter().map(|&i| b[i]).collect();
                    return Ok(if is_ba {
                        self.new_bytearray(out)
                    } else {
                        self.new_bytes(out)
                    });
                }
                let i = self.seq_index(key, len, if is_ba { "bytearray" } else { "byte" })?;
                let (Kind::Bytes(b) | Kind::ByteArray(b)) = self.heap.kind(r) else {
                    unreachable!()
                };
                Ok(Value::Int(b[i] as i64))
            }
            Kind::Range(..) | Kind::BigRange(_) => self.range_getitem(r, key, is_slice),
            Kind::Dict(_) => match self.dict_get(r, key)? {
                Some(v) => Ok(v),
                None => {
                    if !self.class_data(cls).is_builtin {
                        let m = self.names.__missing__;
                        if let Some(f) = self.class_lookup(cls, m) {
                            return self.call(f, &[obj, key], &[]);
                        }
                    }
                    Err(self.new_key_error(key))
                }
            },
            Kind::Class(_) => {
                let cg = self.names.__class_getitem__;
                if let Some(f) = self.class_lookup(r, cg) {
                    let bound = self.bind_descriptor(f, Value::Undef, r)?;
                    return self.call(bound, &[key], &[]);
                }
                let n = self.class_name(r);
                Err(self.new_type_error(format!("type '{n}' is not subscriptable")))
            }
            Kind::Opaque(o) if o.protocols().getitem.is_some() => {
                let f = o.protocols().getitem.expect("checked");
                f(self, obj, key)
            }
            _ => {
                let gi = self.names.__getitem__;
                if let Some(f) = self.lookup_special(obj, gi) {
                    return self.call(f, &[obj, key], &[]);
                }
                Err(self.not_subscriptable(obj))
            }
        }
    }

    fn not_subscriptable(&mut self, obj: Value) -> crate::PyErr {
        let t = self.type_name(obj);
        self.new_type_error(format!("'{t}' object is not subscriptable"))
    }

    /// `obj[key] = value`.
    pub fn setitem(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if !self.class_data(cls).is_builtin {
            let si = self.names.__setitem__;
            if let Some(f) = self.user_override(cls, si) {
                self.call(f, &[obj, key, value], &[])?;
                return Ok(());
            }
        }
        self.setitem_builtin(obj, key, value)
    }

    /// `obj[key] = value` with the built-in meaning: `list.__setitem__`.
    pub fn setitem_builtin(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            let t = self.type_name(obj);
            return Err(
                self.new_type_error(format!("'{t}' object does not support item assignment"))
            );
        };
        match self.heap.kind(r) {
            Kind::List(items) => {
                let len = items.len();
                if self.slice_parts(key).is_some() {
                    return self.list_set_slice(r, key, value, len);
                }
                let i = self.seq_index(key, len, "list assignment")?;
                if let Kind::List(items) = self.heap.kind_mut(r) {
                    items[i] = value;
                }
                Ok(())
            }
            Kind::ByteArray(b) => {
                let len = b.len();
                if self.slice_parts(key).is_some() {
                    return self.bytearray_set_slice(r, key, value, len);
                }
                let i = self.seq_index(key, len, "bytearray")?;
                let x = self.expect_int(value, "")?;
                if !(0..256).contains(&x) {
                    return Err(self.new_value_error("byte must be in range(0, 256)".into()));
                }
                if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
                    b[i] = x as u8;
                }
                Ok(())
            }
            Kind::Dict(_) => self.dict_set(r, key, value),
            _ => {
                let si = self.names.__setitem__;
                if let Some(f) = self.lookup_special(obj, si) {
                    self.call(f, &[obj, key, value], &[])?;
                    return Ok(());
                }
                let t = self.type_name(obj);
                Err(self.new_type_error(format!("'{t}' object does not support item assignment")))
            }
        }
    }

    fn list_set_slice(&mut self, r: ObjRef, key: Value, value: Value, len: usize) -> PyResult<()> {
        let new = self.iterate(value).map_err(|e| {
            if self.isinstance_ref(e.0, self.types.type_error) {
                self.new_type_error("can only assign an iterable".into())
            } else {
                e
            }
        })?;
        let (start, stop, step) = self.slice_indices(key, len as i64)?;
        if step == 1 {
            let stop = stop.max(start);
            if let Kind::List(items) = self.heap.kind_mut(r) {
                items.splice(start as usize..stop as usize, new);
            }
            return Ok(());
        }
        let idx = self.slice_range(key, len)?;
        if idx.len() != new.len() {
            return Err(self.new_value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                idx.len()
            )));
        }
        if let Kind::List(items) = self.heap.kind_mut(r) {
            for (i, v) in idx.into_iter().zip(new) {
                items[i] = v;
            }
        }
        Ok(())
    }

    /// `ba[a:b:c] = data` for a bytearray.
    fn bytearray_set_slice(
        &mut self,
        r: ObjRef,
        key: Value,
        value: Value,
        len: usize,
    ) -> PyResult<()> {
        let new: Vec<u8> = match self.bytes_of(value) {
            Some(b) if !matches!(value, Value::Obj(v) if matches!(self.heap.kind(v), Kind::Str(_))) => {
                b
            }
            _ => {
                let bad = matches!(value, Value::Int(_) | Value::Bool(_))
                    || matches!(value, Value::Obj(v) if matches!(self.heap.kind(v), Kind::Str(_)));
                let items = if bad { None } else { self.iterate(value).ok() };
                let Some(items) = items else {
                    return Err(self.new_type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
                            .into(),
                    ));
                };
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    let x = self.expect_int(it, "")?;
                    if !(0..256).contains(&x) {
                        return Err(self.new_value_error("byte must be in range(0, 256)".into()));
                    }
                    out.push(x as u8);
                }
                out
            }
        };
        let (start, stop, step) = self.slice_indices(key, len as i64)?;
        if step == 1 {
            let stop = stop.max(start);
            if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
                b.splice(start as usize..stop as usize, new);
            }
            return Ok(());
        }
        let idx = self.slice_range(key, len)?;
        if idx.len() != new.len() {
            return Err(self.new_value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                idx.len()
            )));
        }
        if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
            for (i, v) in idx.into_iter().zip(new) {
                b[i] = v;
            }
        }
        Ok(())
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if !self.class_data(cls).is_builtin {
            let di = self.names.__delitem__;
            if let Some(f) = self.user_override(cls, di) {
                self.call(f, &[obj, key], &[])?;
                return Ok(());
            }
        }
        self.delitem_builtin(obj, key)
    }

    /// `del obj[key]` with the built-in meaning: `list.__delitem__`.
    pub fn delitem_builtin(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            let t = self.type_name(obj);
            return Err(self.new_type_error(format!("'{t}' object does not support item deletion")));
        };
        match self.heap.kind(r) {
            Kind::List(items) => {
                let len = items.len();
                if self.slice_parts(key).is_some() {
                    let mut idx = self.slice_range(key, len)?;
                    idx.sort_unstable();
                    if let Kind::List(items) = self.heap.kind_mut(r) {
                        for i in idx.into_iter().rev() {
                            items.remove(i);
                        }
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, len, "list assignment")?;
                if let Kind::List(items) = self.heap.kind_mut(r) {
                    items.remove(i);
                }
                Ok(())
            }
            Kind::ByteArray(b) => {
                let len = b.len();
                let mut idx = if self.slice_parts(key).is_some() {
                    self.slice_range(key, len)?
                } else {
                    vec![self.seq_index(key, len, "bytearray")?]
                };
                idx.sort_unstable();
                if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
                    for i in idx.into_iter().rev() {
                        b.remove(i);
                    }
                }
                Ok(())
            }
            Kind::Dict(_) => {
                if self.dict_del(r, key)? {
                    Ok(())
                } else {
                    Err(self.new_key_error(key))
                }
            }
            _ => {
                let di = self.names.__delitem__;
                if let Some(f) = self.lookup_special(obj, di) {
                    self.call(f, &[obj, key], &[])?;
                    return Ok(());
                }
                let t = self.type_name(obj);
                Err(self.new_type_error(format!("'{t}' object doesn't support item deletion")))
            }
        }
    }
}

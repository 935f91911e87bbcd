//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]`, with slices.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

/// A slice's start and stop (None: absent) and step, as integers.
pub type SliceParts = (Option<i64>, Option<i64>, i64);

/// The slice's (start, stop, step) clamped to a sequence of `len` items, as
/// CPython's `PySlice_AdjustIndices`.
pub fn slice_adjust((a, b, step): SliceParts, len: i64) -> (i64, i64, i64) {
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |x: i64| -> i64 {
        if x < 0 {
            (x + len).max(lower)
        } else {
            x.min(upper)
        }
    };
    let start = match a {
        Some(x) => fix(x),
        None if step < 0 => upper,
        None => lower,
    };
    let stop = match b {
        Some(x) => fix(x),
        None if step < 0 => lower,
        None => upper,
    };
    (start, stop, step)
}

/// The positions a clamped slice visits, in order.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    (0..n).map(move |k| (start + k * step) as usize)
}

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
        let parts = self.slice_unpack(s)?;
        Ok(slice_adjust(parts, len))
    }

    /// The slice's start, stop (None: absent) and step as integers (CPython's
    /// `PySlice_Unpack`): may call `__index__`, so a sequence's length is read after.
    pub fn slice_unpack(&mut self, s: Value) -> PyResult<SliceParts> {
        let (a, b, c) = self.slice_parts(s).expect("slice");
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(i)),
                // An int too big for an index clamps by its sign, as CPython's
                // `PyNumber_AsSsize_t(v, NULL)`; an error of `__index__` propagates.
                _ => match vm.index_big(v)? {
                    Some(b) => {
                        use num_traits::{Signed, ToPrimitive};
                        Ok(Some(b.to_i64().unwrap_or(if b.is_negative() {
                            i64::MIN
                        } else {
                            i64::MAX
                        })))
                    }
                    None => Err(vm.new_type_error(
                        "slice indices must be integers or None or have an __index__ method".into(),
                    )),
                },
            }
        };
        let step = get(self, c)?.unwrap_or(1);
        if step == 0 {
            return Err(self.new_value_error("slice step cannot be zero".into()));
        }
        // As CPython: a step of -2**63 is -(2**63 - 1), so that -step fits.
        let step = step.max(-i64::MAX);
        let start = get(self, a)?;
        let stop = get(self, b)?;
        Ok((start, stop, step))
    }

    /// `seq[key]` for a slice `key` over a list or tuple: a new list or tuple
    /// (an exact tuple sliced whole is itself, as in CPython).
    fn list_slice(&mut self, r: ObjRef, key: Value, is_list: bool) -> PyResult<Value> {
        let parts = self.slice_unpack(key)?;
        Ok(self.list_slice_parts(r, parts, is_list))
    }

    /// `seq[start:stop:step]` over the list or tuple `r` with the slice's integers.
    pub(crate) fn list_slice_parts(
        &mut self,
        r: ObjRef,
        parts: SliceParts,
        is_list: bool,
    ) -> Value {
        let (Kind::List(items) | Kind::Tuple(items)) = self.heap.kind(r) else {
            unreachable!()
        };
        let len = items.len();
        let (start, stop, step) = slice_adjust(parts, len as i64);
        let out: Vec<Value> = if step == 1 {
            if !is_list
                && start == 0
                && stop >= len as i64
                && self.heap.get(r).class == self.types.tuple
            {
                return Value::Obj(r);
            }
            items[start as usize..stop.max(start) as usize].to_vec()
        } else if step == -1 {
            // Reversed (`p[k::-1]`): start is the last position taken, stop + 1 the first.
            items[(stop + 1) as usize..(start + 1).max(stop + 1) as usize]
                .iter()
                .rev()
                .copied()
                .collect()
        } else {
            slice_positions(start, stop, step)
                .map(|i| items[i])
                .collect()
        };
        if is_list {
            self.new_list(out)
        } else {
            self.new_tuple(out)
        }
    }

    /// `s[key]` for a slice `key` over a str (an exact str sliced whole is itself).
    fn str_slice(&mut self, r: ObjRef, key: Value) -> PyResult<Value> {
        let parts = self.slice_unpack(key)?;
        Ok(self.str_slice_parts(r, parts))
    }

    /// `s[start:stop:step]` over the str `r` with the slice's integers.
    pub(crate) fn str_slice_parts(&mut self, r: ObjRef, parts: SliceParts) -> Value {
        let Kind::Str(s) = self.heap.kind(r) else {
            unreachable!()
        };
        let len = s.char_len as usize;
        let (start, stop, step) = slice_adjust(parts, len as i64);
        if step == 1 {
            let (a, b) = (start as usize, stop.max(start) as usize);
            if a == 0 && b == len && self.heap.get(r).class == self.types.str {
                return Value::Obj(r);
            }
            let text = s.s.clone();
            let piece = if s.is_ascii() {
                &text[a..b]
            } else {
                let mut offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
                let b0 = offsets.nth(a).unwrap_or(text.len());
                let b1 = if b > a {
                    offsets.nth(b - a - 1).unwrap_or(text.len())
                } else {
                    b0
                };
                &text[b0..b1]
            };
            return Value::Obj(self.new_str_obj(piece));
        }
        let out: String = if s.is_ascii() {
            let bytes = s.s.as_bytes();
            slice_positions(start, stop, step)
                .map(|i| bytes[i] as char)
                .collect()
        } else {
            let chars: Vec<char> = s.s.chars().collect();
            slice_positions(start, stop, step)
                .map(|i| chars[i])
                .collect()
        };
        self.new_str(out)
    }

    fn slice_range(&mut self, s: Value, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len as i64)?;
        Ok(slice_positions(start, stop, step).collect())
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
                return self.call_special(f, &[obj, key]);
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
                    return self.list_slice(r, key, is_list);
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
                    return self.str_slice(r, key);
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
                            return self.call_special(f, &[obj, key]);
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
                    return self.call_special(f, &[obj, key]);
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
                self.call_special(f, &[obj, key, value])?;
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
                    self.call_special(f, &[obj, key, value])?;
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
        // The length after the iteration and `__index__` calls, which may change it.
        let parts = self.slice_unpack(key)?;
        let len = match self.heap.kind(r) {
            Kind::List(items) => items.len(),
            _ => len,
        };
        self.list_assign_slice(r, parts, new, len)
    }

    /// `lst[start:stop:step] = new` over the list `r` of `len` items, with the
    /// slice's integers and the assigned items.
    pub(crate) fn list_assign_slice(
        &mut self,
        r: ObjRef,
        parts: SliceParts,
        new: Vec<Value>,
        len: usize,
    ) -> PyResult<()> {
        let (start, stop, step) = slice_adjust(parts, len as i64);
        if step == 1 {
            let stop = stop.max(start);
            if let Kind::List(items) = self.heap.kind_mut(r) {
                let (a, b) = (start as usize, stop as usize);
                if b - a == new.len() {
                    // Same size (`p[:k] = p[k::-1]`): overwrite in place.
                    items[a..b].copy_from_slice(&new);
                } else {
                    items.splice(a..b, new);
                }
            }
            return Ok(());
        }
        let idx: Vec<usize> = slice_positions(start, stop, step).collect();
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
                self.call_special(f, &[obj, key])?;
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
                    self.call_special(f, &[obj, key])?;
                    return Ok(());
                }
                let t = self.type_name(obj);
                Err(self.new_type_error(format!("'{t}' object doesn't support item deletion")))
            }
        }
    }
}

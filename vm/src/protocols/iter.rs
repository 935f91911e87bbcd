//! Iteration: `iter()`, `next()`, unpacking, and `len()`.

use crate::interp::{Drain, DrainMode};
use crate::object::{IterKind, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    pub fn new_iter(&mut self, cls: crate::object::ObjRef, state: IterKind) -> Value {
        Value::Obj(self.heap.alloc(cls, Kind::Iter(state)))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let cls = self.type_of(v);
        if !self.class_data(cls).is_builtin {
            let it = self.names.__iter__;
            if let Some(f) = self.user_override(cls, it) {
                if f.is_none() {
                    // `__iter__ = None` blocks iteration (and `__getitem__`).
                    return Err(self.not_iterable(v));
                }
                // A generator method (`def __iter__(self): ... yield`): the generator,
                // made directly.
                if let Value::Obj(fr) = f {
                    let top = self.stack.len();
                    if let Some(g) = self.new_generator_fast(fr, v, top) {
                        return Ok(g);
                    }
                }
                let r = self.call_special(f, &[v])?;
                let nx = self.names.__next__;
                if self.lookup_special(r, nx).is_none()
                    && !matches!(r, Value::Obj(rr) if matches!(self.heap.kind(rr), Kind::Iter(_) | Kind::Generator(_)))
                {
                    let t = self.type_name(r);
                    return Err(
                        self.new_type_error(format!("iter() returned non-iterator of type '{t}'"))
                    );
                }
                return Ok(r);
            }
        }
        self.get_iter_builtin(v)
    }

    /// `iter(v)` with the built-in meaning: `list.__iter__`.
    pub fn get_iter_builtin(&mut self, v: Value) -> PyResult<Value> {
        let Value::Obj(r) = v else {
            return Err(self.not_iterable(v));
        };
        let t = &self.types;
        let (cls, state) = match self.heap.kind(r) {
            Kind::List(_) => (t.list_iterator, IterKind::Seq { seq: r, idx: 0 }),
            Kind::Tuple(_) => (t.tuple_iterator, IterKind::Seq { seq: r, idx: 0 }),
            Kind::Bytes(_) | Kind::ByteArray(_) => {
                (t.bytes_iterator, IterKind::Seq { seq: r, idx: 0 })
            }
            Kind::Str(_) => (t.str_iterator, IterKind::Str { s: r, byte: 0 }),
            Kind::Range(start, stop, step) => {
                (t.range_iterator, IterKind::range(*start, *stop, *step))
            }
            Kind::Dict(d) => (
                t.dict_keyiterator,
                IterKind::Dict {
                    dict: r,
                    idx: 0,
                    len: d.len(),
                    what: 0,
                },
            ),
            Kind::DictView(d, what) => {
                let (d, what) = (*d, *what);
                let len = match self.heap.kind(d) {
                    Kind::Dict(dd) => dd.len(),
                    _ => 0,
                };
                let c = [
                    t.dict_keyiterator,
                    t.dict_valueiterator,
                    t.dict_itemiterator,
                ][what as usize];
                (
                    c,
                    IterKind::Dict {
                        dict: d,
                        idx: 0,
                        len,
                        what,
                    },
                )
            }
            Kind::Set(s) | Kind::FrozenSet(s) => (
                t.set_iterator,
                IterKind::Set {
                    set: r,
                    idx: 0,
                    len: s.len(),
                },
            ),
            Kind::Iter(_) | Kind::Generator(_) => return Ok(v),
            Kind::BigRange(_) => return self.big_range_iter(r, false),
            Kind::Opaque(_) | Kind::Object(_) | Kind::Boxed(_) | Kind::Exception(_) => {
                if let Some(f) = self.opaque_protocols(r).and_then(|p| p.iter) {
                    return f(self, v);
                }
                let it = self.names.__iter__;
                if let Some(f) = self.lookup_special(v, it) {
                    return self.call_special(f, &[v]);
                }
                let gi = self.names.__getitem__;
                if self.lookup_special(v, gi).is_some() {
                    let c = self.types.iterator;
                    return Ok(self.new_iter(c, IterKind::GetItem { obj: r, idx: 0 }));
                }
                return Err(self.not_iterable(v));
            }
            _ => {
                let it = self.names.__iter__;
                if let Some(f) = self.lookup_special(v, it) {
                    return self.call_special(f, &[v]);
                }
                return Err(self.not_iterable(v));
            }
        };
        Ok(self.new_iter(cls, state))
    }

    fn not_iterable(&mut self, v: Value) -> crate::PyErr {
        let t = self.type_name(v);
        self.new_type_error(format!("'{t}' object is not iterable"))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = it else {
            let t = self.type_name(it);
            return Err(self.new_type_error(format!("'{t}' object is not an iterator")));
        };
        self.native_step()?;
        match self.heap.kind(r) {
            Kind::Iter(_) => crate::types::iterators::builtin_iter_next(self, r),
            Kind::Generator(_) => match self.resume_generator(r, Value::None, None)? {
                crate::interp::Exit::Yield(v) => Ok(Some(v)),
                crate::interp::Exit::Return(_) => Ok(None),
            },
            Kind::Opaque(o)
                if o.protocols().next.is_some()
                    && self.class_data(self.heap.get(r).class).is_builtin =>
            {
                let f = o.protocols().next.expect("checked");
                f(self, it)
            }
            _ => {
                let nx = self.names.__next__;
                let Some(f) = self.lookup_special(it, nx) else {
                    let t = self.type_name(it);
                    return Err(self.new_type_error(format!("'{t}' object is not an iterator")));
                };
                match self.call_special(f, &[it]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.isinstance_ref(e.0, self.types.stop_iteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// All items of an iterable.
    pub fn iterate(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.kind(r) {
                Kind::List(items) | Kind::Tuple(items)
                    if self.class_data(self.heap.get(r).class).is_builtin =>
                {
                    return Ok(items.clone())
                }
                _ => {}
            }
        }
        if let Some(g) = self.as_generator(v) {
            return self.drain_all(g);
        }
        let it = self.get_iter(v)?;
        let mut out = vec![];
        self.temp_roots.push(it);
        let root = self.temp_roots.len();
        loop {
            match self.iter_next(it) {
                Ok(Some(x)) => {
                    if out.len() == out.capacity() {
                        if let Err(e) = self.reserve_vec(&mut out, 1) {
                            self.temp_roots.truncate(root - 1);
                            return Err(e);
                        }
                    }
                    out.push(x);
                    if out.len() % 256 == 0 {
                        // Keep what we have so far visible to the collector.
                        self.temp_roots.truncate(root);
                        self.temp_roots.extend_from_slice(&out);
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    self.temp_roots.truncate(root - 1);
                    return Err(e);
                }
            }
        }
        self.temp_roots.truncate(root - 1);
        Ok(out)
    }

    /// All items of an iterable, left on `temp_roots` for the rest of the current
    /// native call (for collector-safe natives).
    pub fn iterate_rooted(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.kind(r) {
                Kind::List(items) | Kind::Tuple(items)
                    if self.class_data(self.heap.get(r).class).is_builtin =>
                {
                    let items = items.clone();
                    self.temp_roots.extend_from_slice(&items);
                    return Ok(items);
                }
                // A set's keys in its iterator's order (`list(s)`, `sorted(s)`),
                // without an iterator object and a call per key.
                Kind::Set(s) | Kind::FrozenSet(s)
                    if self.class_data(self.heap.get(r).class).is_builtin =>
                {
                    let items: Vec<Value> = s.iter().collect();
                    self.temp_roots.extend_from_slice(&items);
                    return Ok(items);
                }
                _ => {}
            }
        }
        if let Some(g) = self.as_generator(v) {
            return self.drain_all_rooted(g);
        }
        let it = self.get_iter(v)?;
        self.temp_roots.push(it);
        let start = self.temp_roots.len();
        while let Some(x) = self.iter_next_gc(it)? {
            let roots = &self.temp_roots;
            if roots.len() == roots.capacity() {
                // Grow within the allocation limit (an endless iterator ends in
                // MemoryError, not in an abort).
                self.check_alloc(roots.len() - start + 1, std::mem::size_of::<Value>())?;
                let mut roots = std::mem::take(&mut self.temp_roots);
                let r = self.reserve_vec(&mut roots, 1);
                self.temp_roots = roots;
                r?;
            }
            self.temp_roots.push(x);
        }
        Ok(self.temp_roots[start..].to_vec())
    }

    /// `iterate` of a generator: drained (`interp/drain.rs`), no collection while
    /// it runs (as `iter_next` resumes generators).
    fn drain_all(&mut self, g: ObjRef) -> PyResult<Vec<Value>> {
        let mut d = Drain::new(DrainMode::Collect);
        self.temp_roots.push(Value::Obj(g));
        let root = self.temp_roots.len();
        let r = loop {
            match self.drain_generator(g, &mut d, true) {
                Ok(None) => break Ok(()),
                Ok(Some(x)) => {
                    // A full chunk: check the allocation limit as `iterate` does.
                    if let Err(e) = self.reserve_vec(&mut d.items, 1) {
                        break Err(e);
                    }
                    d.items.push(x);
                }
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.truncate(root - 1);
        r.map(|()| d.items)
    }

    /// `iterate_rooted` of a generator: drained (`interp/drain.rs`, its items are
    /// roots while it runs, so it may collect), then left on `temp_roots`.
    fn drain_all_rooted(&mut self, g: ObjRef) -> PyResult<Vec<Value>> {
        let mut d = Drain::new(DrainMode::Collect);
        self.temp_roots.push(Value::Obj(g));
        let start = self.temp_roots.len();
        loop {
            let next = self.drain_generator(g, &mut d, false)?;
            // Move the chunk to the roots, within the allocation limit (an endless
            // generator ends in MemoryError, not in an abort).
            let n = self.temp_roots.len() - start + d.items.len() + next.is_some() as usize;
            self.check_alloc(n, std::mem::size_of::<Value>())?;
            let mut roots = std::mem::take(&mut self.temp_roots);
            let r = self.reserve_vec(&mut roots, d.items.len() + 1);
            roots.append(&mut d.items);
            roots.extend(next);
            self.temp_roots = roots;
            r?;
            if next.is_none() {
                break;
            }
        }
        Ok(self.temp_roots[start..].to_vec())
    }

    /// The items of `v` for `list(v)` and `tuple(v)`, rooted as `iterate_rooted`
    /// does. As CPython, the length hint (`__len__`, `__length_hint__`) is asked
    /// first: a hint too large to allocate raises `MemoryError` at once.
    pub fn iterate_sized(&mut self, v: Value) -> PyResult<Vec<Value>> {
        let hint = self.length_hint(v)?;
        self.check_alloc(hint, std::mem::size_of::<Value>())?;
        self.iterate_rooted(v)
    }

    /// CPython's `PyObject_LengthHint(v, 0)`: the length of built-in containers and
    /// iterators, else `__len__`, else `__length_hint__` (a `TypeError` from either,
    /// or `NotImplemented`, means no hint).
    pub fn length_hint(&mut self, v: Value) -> PyResult<usize> {
        self.length_hint_or(v, 0)
    }

    /// `PyObject_LengthHint(v, default)` (`operator.length_hint`): `default` when
    /// there is no hint.
    pub fn length_hint_or(&mut self, v: Value, default: usize) -> PyResult<usize> {
        let Value::Obj(r) = v else {
            return Ok(default);
        };
        let cls = self.heap.get(r).class;
        if self.class_data(cls).is_builtin {
            if let Some(n) = self.builtin_len(r) {
                return Ok(n);
            }
            return match self.heap.kind(r) {
                Kind::BigRange(_) => self.big_range_len(r),
                Kind::Iter(it) => Ok(match it {
                    IterKind::Seq { seq, idx } => {
                        let (seq, idx) = (*seq, *idx);
                        self.builtin_len(seq).unwrap_or(0).saturating_sub(idx)
                    }
                    IterKind::Range { cur, stop, step } => {
                        crate::types::range::range_len(*cur, *stop, *step as i64).max(0) as usize
                    }
                    IterKind::RangeWide(r) => {
                        crate::types::range::range_len(r[0], r[1], r[2]).max(0) as usize
                    }
                    _ => 0,
                }),
                // Natives of the standard library (itertools.repeat) may still
                // define `__length_hint__`.
                Kind::Opaque(_) => self.length_hint_method(v, default),
                _ => Ok(default),
            };
        }
        let ln = self.names.__len__;
        if self.user_override(cls, ln).is_some() {
            match self.len(v) {
                Ok(n) => return Ok(n),
                Err(e) if self.isinstance_ref(e.0, self.types.type_error) => {}
                Err(e) => return Err(e),
            }
        }
        self.length_hint_method(v, default)
    }

    /// `__length_hint__` of `v`, as `length_hint` asks it.
    fn length_hint_method(&mut self, v: Value, default: usize) -> PyResult<usize> {
        let hn = self.names.__length_hint__;
        let Some(f) = self.lookup_special(v, hn) else {
            return Ok(default);
        };
        let h = match self.call_special(f, &[v]) {
            Ok(h) => h,
            Err(e) if self.isinstance_ref(e.0, self.types.type_error) => return Ok(default),
            Err(e) => return Err(e),
        };
        if h.is(self.not_implemented) {
            return Ok(default);
        }
        match self.num_of(h) {
            Some(crate::protocols::num::Num::I(n)) if !matches!(h, Value::Float(_)) => {
                if n < 0 {
                    return Err(self.new_value_error("__length_hint__() should return >= 0".into()));
                }
                Ok(n as usize)
            }
            Some(crate::protocols::num::Num::B(_)) => {
                Err(self.new_overflow_error("Python int too large to convert to C ssize_t"))
            }
            _ => {
                let t = self.type_name(h);
                Err(self.new_type_error(format!("__length_hint__ must be an integer, not {t}")))
            }
        }
    }

    /// `next(it)` from a collector-safe native: generators may collect while running.
    pub fn iter_next_gc(&mut self, it: Value) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = it {
            if let Kind::Generator(_) = self.heap.kind(r) {
                return match self.resume_generator_gc(r, Value::None, None)? {
                    crate::interp::Exit::Yield(v) => Ok(Some(v)),
                    crate::interp::Exit::Return(_) => Ok(None),
                };
            }
        }
        self.iter_next(it)
    }

    /// UNPACK_SEQUENCE: exactly `n` items.
    pub fn unpack(&mut self, v: Value, n: usize) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            // A subclass may define `__iter__`: it unpacks by iterating.
            let builtin = self.class_data(self.heap.get(r).class).is_builtin;
            if let (Kind::Tuple(items) | Kind::List(items), true) = (self.heap.kind(r), builtin) {
                if items.len() == n {
                    return Ok(items.clone());
                }
                let got = items.len();
                return Err(self.unpack_error(n, got, false));
            }
        }
        let it = match self.get_iter(v) {
            Ok(it) => it,
            Err(_) => {
                let t = self.type_name(v);
                return Err(self.new_type_error(format!("cannot unpack non-iterable {t} object")));
            }
        };
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.iter_next(it)? {
                Some(x) => out.push(x),
                None => return Err(self.unpack_error(n, out.len(), false)),
            }
        }
        if self.iter_next(it)?.is_some() {
            return Err(self.unpack_error(n, n + 1, true));
        }
        Ok(out)
    }

    fn unpack_error(&mut self, expected: usize, got: usize, from_iter: bool) -> crate::PyErr {
        let _ = from_iter;
        if got > expected {
            self.new_value_error(format!("too many values to unpack (expected {expected})"))
        } else {
            self.new_value_error(format!(
                "not enough values to unpack (expected {expected}, got {got})"
            ))
        }
    }

    /// UNPACK_EX: `before` items, a list of the middle, `after` items.
    pub fn unpack_ex(&mut self, v: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = match self.iterate(v) {
            Ok(i) => i,
            Err(e) => {
                if self.isinstance_ref(e.0, self.types.type_error) {
                    let t = self.type_name(v);
                    return Err(
                        self.new_type_error(format!("cannot unpack non-iterable {t} object"))
                    );
                }
                return Err(e);
            }
        };
        if items.len() < before + after {
            return Err(self.new_value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = items[..before].to_vec();
        let mid = items[before..items.len() - after].to_vec();
        out.push(self.new_list(mid));
        out.extend_from_slice(&items[items.len() - after..]);
        Ok(out)
    }

    /// The length of a built-in container (`list.__len__`), `None` for other objects.
    pub fn builtin_len(&self, r: crate::object::ObjRef) -> Option<usize> {
        match self.heap.kind(r) {
            Kind::Str(s) => Some(s.char_len as usize),
            Kind::List(l) | Kind::Tuple(l) => Some(l.len()),
            Kind::Dict(d) => Some(d.len()),
            Kind::Set(s) | Kind::FrozenSet(s) => Some(s.len()),
            Kind::Bytes(b) | Kind::ByteArray(b) => Some(b.len()),
            Kind::Range(a, b, c) => Some(crate::types::range::range_len(*a, *b, *c) as usize),
            Kind::DictView(d, _) => match self.heap.kind(*d) {
                Kind::Dict(dd) => Some(dd.len()),
                _ => None,
            },
            _ => None,
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            let cls = self.heap.get(r).class;
            if !self.class_data(cls).is_builtin {
                let ln = self.names.__len__;
                if let Some(f) = self.user_override(cls, ln) {
                    let n = self.call_special(f, &[v])?;
                    return match self.index_of(n)? {
                        Some(i) if i >= 0 => Ok(i as usize),
                        Some(_) => Err(self.new_value_error("__len__() should return >= 0".into())),
                        None => {
                            let t = self.type_name(n);
                            Err(self.new_type_error(format!(
                                "'{t}' object cannot be interpreted as an integer"
                            )))
                        }
                    };
                }
            }
            if let Kind::BigRange(_) = self.heap.kind(r) {
                return self.big_range_len(r);
            }
            if let Some(n) = self.builtin_len(r) {
                return Ok(n);
            }
            if let Some(f) = self.opaque_protocols(r).and_then(|p| p.len) {
                return f(self, v);
            }
            let ln = self.names.__len__;
            if let Some(f) = self.lookup_special(v, ln) {
                let n = self.call_special(f, &[v])?;
                if let Some(i) = self.index_of(n)? {
                    return Ok(i.max(0) as usize);
                }
            }
        }
        let t = self.type_name(v);
        Err(self.new_type_error(format!("object of type '{t}' has no len()")))
    }
}

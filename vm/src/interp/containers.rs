//! The instructions that build and unpack containers and have no register fast
//! path: tuple, list, set, dict and string displays, slices, f-string pieces,
//! comprehension appends, `*a` and `**k` in displays and calls, and unpacking
//! assignments. `dispatch.rs` calls these after `sync!()`; each works on `self.stack`.

use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

impl Vm {
    /// The top `n` values of the stack, removed.
    #[inline]
    fn take_top(&mut self, n: usize) -> Vec<Value> {
        self.stack.split_off(self.stack.len() - n)
    }

    /// BUILD_TUPLE.
    #[inline(never)]
    pub(super) fn build_tuple_op(&mut self, n: usize) -> PyResult<()> {
        let items = self.take_top(n);
        let t = self.new_tuple(items);
        self.stack.push(t);
        Ok(())
    }

    /// BUILD_LIST.
    #[inline(never)]
    pub(super) fn build_list_op(&mut self, n: usize) -> PyResult<()> {
        let items = self.take_top(n);
        let l = self.new_list(items);
        self.stack.push(l);
        Ok(())
    }

    /// BUILD_SET.
    #[inline(never)]
    pub(super) fn build_set_op(&mut self, n: usize) -> PyResult<()> {
        let items = self.take_top(n);
        let s = self.new_set_from(items)?;
        self.stack.push(s);
        Ok(())
    }

    /// BUILD_MAP: `n` key-value pairs.
    #[inline(never)]
    pub(super) fn build_map_op(&mut self, n: usize) -> PyResult<()> {
        let items = self.take_top(2 * n);
        let d = self.new_dict_sized(n);
        for pair in items.chunks(2) {
            self.dict_set(d, pair[0], pair[1])?;
        }
        self.stack.push(Value::Obj(d));
        Ok(())
    }

    /// BUILD_STRING: the pieces of an f-string, joined.
    #[inline(never)]
    pub(super) fn build_string_op(&mut self, n: usize) -> PyResult<()> {
        let items = self.take_top(n);
        let mut s = String::new();
        for v in items {
            s.push_str(self.str_ref(v));
        }
        let v = self.new_str(s);
        self.stack.push(v);
        Ok(())
    }

    /// BUILD_SLICE with 2 or 3 operands.
    #[inline(never)]
    pub(super) fn build_slice_op(&mut self, n: u32) -> PyResult<()> {
        let step = if n == 3 { self.pop() } else { Value::None };
        let stop = self.pop();
        let start = self.pop();
        let s = self.new_slice(start, stop, step);
        self.stack.push(s);
        Ok(())
    }

    /// FORMAT_VALUE: bits 0-1 the conversion, bit 2 a format spec on the stack.
    #[inline(never)]
    pub(super) fn format_value_op(&mut self, flags: u32) -> PyResult<()> {
        let spec = if flags & 4 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let v = self.pop();
        let r = self.format_value(v, flags & 3, spec)?;
        self.stack.push(r);
        Ok(())
    }

    /// LIST_APPEND: into the list `depth` below the top (a comprehension's).
    #[inline(never)]
    pub(super) fn list_append_op(&mut self, depth: usize) -> PyResult<()> {
        let v = self.pop();
        let l = self.peek(depth);
        self.list_append(l, v)
    }

    /// SET_ADD.
    #[inline(never)]
    pub(super) fn set_add_op(&mut self, depth: usize) -> PyResult<()> {
        let v = self.pop();
        let s = self.peek(depth);
        self.set_add(s, v)
    }

    /// MAP_ADD.
    #[inline(never)]
    pub(super) fn map_add_op(&mut self, depth: usize) -> PyResult<()> {
        let v = self.pop();
        let k = self.pop();
        let d = self.peek(depth);
        self.dict_set(d.obj().expect("dict"), k, v)
    }

    /// LIST_EXTEND (`[*a]`, `f(x, *a)`): CPython's error for a non-iterable.
    #[inline(never)]
    pub(super) fn list_extend_op(&mut self, depth: usize) -> PyResult<()> {
        let it = self.pop();
        let l = self.peek(depth);
        match self.list_extend(l, it) {
            Err(e) if self.not_iterable_error(e, it) => {
                let t = self.type_name(it);
                Err(self.new_type_error(format!("Value after * must be an iterable, not {t}")))
            }
            r => r,
        }
    }

    /// SET_UPDATE (`{*a}`).
    #[inline(never)]
    pub(super) fn set_update_op(&mut self, depth: usize) -> PyResult<()> {
        let it = self.pop();
        let s = self.peek(depth);
        self.set_update(s, it)
    }

    /// LIST_TO_TUPLE.
    #[inline(never)]
    pub(super) fn list_to_tuple_op(&mut self) -> PyResult<()> {
        let l = self.pop();
        let items = self.list_items(l);
        let t = self.new_tuple(items);
        self.stack.push(t);
        Ok(())
    }

    /// DICT_UPDATE (`{**m}`) and DICT_MERGE (`f(**m)`, where a repeated keyword is
    /// an error naming the function three below the top).
    #[inline(never)]
    pub(super) fn dict_update_op(&mut self, depth: usize, merge: bool) -> PyResult<()> {
        let m = self.pop();
        let d = self.peek(depth);
        let dr = d.obj().expect("dict");
        let is_mapping = self.is_dict(m) || {
            let k = self.names.keys;
            self.lookup_special(m, k).is_some()
        };
        if !is_mapping {
            let t = self.type_name(m);
            if merge {
                let f = self.peek(3);
                let fname = self.function_str(f);
                return Err(self.new_type_error(format!(
                    "{fname} argument after ** must be a mapping, not {t}"
                )));
            }
            return Err(self.new_type_error(format!("'{t}' object is not a mapping")));
        }
        if merge {
            let items = if self.is_dict(m) {
                self.dict_items(m.obj().expect("dict"))
            } else {
                let keys = self.call_method(m, "keys", &[])?;
                let mut v = vec![];
                for k in self.iterate(keys)? {
                    let val = self.getitem(m, k)?;
                    v.push((k, val));
                }
                v
            };
            for (k, v) in items {
                if self.as_str(k).is_none() {
                    return Err(self.new_type_error("keywords must be strings".into()));
                }
                if self.dict_get(dr, k)?.is_some() {
                    let f = self.peek(3);
                    let fname = self.function_str(f);
                    let kn = self.str_of(k).to_string();
                    return Err(self.new_type_error(format!(
                        "{fname} got multiple values for keyword argument '{kn}'"
                    )));
                }
                self.dict_set(dr, k, v)?;
            }
            return Ok(());
        }
        crate::types::dict::dict_update_from(self, dr, m)
    }

    /// `module.qualname()` as CPython's `_PyObject_FunctionStr` names a callable in the
    /// errors of `f(*args, **kwargs)` (the module is left out for builtins).
    pub(crate) fn function_str(&mut self, f: Value) -> String {
        let with_module = |vm: &mut Vm, module: Value, qualname: String| -> String {
            match vm.as_str(module) {
                Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
                _ => format!("{qualname}()"),
            }
        };
        match f {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(func) => {
                    let (m, q) = (func.module, self.str_of(func.qualname).to_string());
                    with_module(self, m, q)
                }
                Kind::Native(nf) => match nf.owner {
                    Some(o) => format!("{o}.{}()", nf.name),
                    None => format!("{}()", nf.name),
                },
                Kind::BoundMethod(inner, _) => {
                    let inner = *inner;
                    self.function_str(inner)
                }
                Kind::Class(cd) => {
                    let (d, q) = (cd.dict, self.str_of(cd.qualname).to_string());
                    let key = self.names.__module__;
                    let m = self.dict_get_str(d, key).unwrap_or(Value::None);
                    with_module(self, m, q)
                }
                _ => format!("{} object", self.type_name(f)),
            },
            _ => format!("{} object", self.type_name(f)),
        }
    }

    /// The positional arguments of CALL_FUNCTION_EX: the items of `args`, with
    /// CPython's error when it is not iterable at all.
    pub(crate) fn star_args(&mut self, f: Value, args: Value) -> PyResult<Vec<Value>> {
        match self.iterate(args) {
            Ok(v) => Ok(v),
            Err(e) if self.not_iterable_error(e, args) => {
                let (fname, t) = (self.function_str(f), self.type_name(args));
                Err(self.new_type_error(format!(
                    "{fname} argument after * must be an iterable, not {t}"
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// Whether `e` is the TypeError of iterating `v`, whose type has neither
    /// `__iter__` nor `__getitem__`.
    fn not_iterable_error(&mut self, e: crate::PyErr, v: Value) -> bool {
        if !self.isinstance_ref(e.0, self.types.type_error) {
            return false;
        }
        let (it, gi) = (self.intern("__iter__"), self.intern("__getitem__"));
        self.lookup_special(v, it).is_none() && self.lookup_special(v, gi).is_none()
    }

    /// UNPACK_SEQUENCE of anything but a built-in list or tuple of the right length
    /// (those are unpacked on the registers): the items, first on top.
    #[inline(never)]
    pub(super) fn unpack_sequence_op(&mut self, n: usize) -> PyResult<()> {
        let v = self.pop();
        let items = self.unpack(v, n)?;
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    /// UNPACK_EX (`a, *b, c = v`): the low byte counts the targets before the star,
    /// the next byte those after it.
    #[inline(never)]
    pub(super) fn unpack_ex_op(&mut self, counts: u32) -> PyResult<()> {
        let v = self.pop();
        let before = (counts & 0xff) as usize;
        let after = (counts >> 8) as usize;
        // A built-in list or tuple long enough: its items go straight onto the stack,
        // the starred ones in a new list (as `unpack_ex`, without the copies).
        if let Value::Obj(r) = v {
            let o = self.heap.get(r);
            if let Kind::List(items) | Kind::Tuple(items) = &o.kind {
                let n = items.len();
                if n >= before + after
                    && (o.class == self.types.list || o.class == self.types.tuple)
                {
                    let mid = items[before..n - after].to_vec();
                    let star = self.new_list(mid);
                    let (Kind::List(items) | Kind::Tuple(items)) = self.heap.kind(r) else {
                        unreachable!()
                    };
                    self.stack.extend(items[n - after..].iter().rev());
                    self.stack.push(star);
                    self.stack.extend(items[..before].iter().rev());
                    return Ok(());
                }
            }
        }
        let items = self.unpack_ex(v, before, after)?;
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }
}

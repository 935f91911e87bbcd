//! Calls of natives: `call_op`'s direct call of a native called positionally
//! (`call_native_positional`), its `range()` / `list()` / `tuple()` / `set()`
//! shortcuts, and more natives done by the CALL instructions without a call (after
//! `call_fast.rs`'s): `next(it)` of a built-in sequence, range or set iterator,
//! `iter(x)` of a built-in container, `s.add(k)` / `s.discard(k)` of an int or str
//! key, `str(x)` of a number, `list/tuple/set(x)` of a built-in container. Each of
//! those computes what the native computes, runs no Python code and cannot fail;
//! anything else (an exhausted iterator, a key whose comparison may run `__eq__`,
//! an error) is left, with nothing done, to the generic call, which raises
//! CPython's errors.

use super::call::CallArgs;
use crate::object::{Kind, NativeFn, ObjRef, Value};
use crate::{PyResult, Vm};
use smallvec::SmallVec;

/// The most items `builtin_ctor_fast` copies: more raise MemoryError
/// (`check_alloc`) in the generic path.
const MAX_ITEMS: usize = crate::object::limits::MAX_ALLOC_BYTES / std::mem::size_of::<Value>();

impl Vm {
    /// Call native `r` (no host function) with the positional arguments on the stack
    /// from `args_start` (`self` included, for a method reached by LOAD_METHOD),
    /// after `bound` (a bound method's `self`) unless it is `Undef`, returning to
    /// stack length `fpos`. The arguments stay on the stack (rooted)
    /// until it returns. Its declaration is checked inline for the common shape
    /// (the count in range, `self` of the exact class), by `check_native_call`
    /// (CPython's messages) otherwise.
    #[inline(never)]
    pub(super) fn call_native_positional(
        &mut self,
        r: ObjRef,
        bound: Value,
        fpos: usize,
        args_start: usize,
    ) -> PyResult<Value> {
        let Kind::Native(nf) = self.heap.kind(r) else {
            unreachable!()
        };
        let (nfn, safe, a, role, cls) = (nf.f, nf.gc_safe, nf.arity, nf.role, nf.cls);
        let mut args: CallArgs = SmallVec::new();
        if !bound.is_undef() {
            args.push(bound);
        }
        args.extend_from_slice(&self.stack[args_start..]);
        let implicit = role != crate::args::Role::Function;
        let n = args.len().wrapping_sub(implicit as usize);
        let ok = (a.min as usize) <= n
            && n <= a.max as usize
            && match role {
                crate::args::Role::Function => true,
                crate::args::Role::Method => cls == Some(self.type_of(args[0])),
                _ => args[0].obj() == cls,
            };
        if !ok {
            if let Err(e) = self.check_native_call(r, &args, &[]) {
                self.stack.truncate(fpos);
                return Err(e);
            }
        }
        let res = self.run_native(nfn, safe, &args, &[]);
        self.stack.truncate(fpos);
        res
    }

    /// Run native `f` on arguments the caller keeps rooted (on the stack, or not
    /// needed: a native that is not `gc_safe` holds the collector off while it runs),
    /// dropping whatever it rooted in `temp_roots` when it returns.
    #[inline(always)]
    pub(super) fn run_native(
        &mut self,
        f: NativeFn,
        safe: bool,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let roots = self.temp_roots.len();
        if !safe {
            self.gc_holds += 1;
        }
        let r = f(self, args, kwargs);
        if !safe {
            self.gc_holds -= 1;
        }
        self.temp_roots.truncate(roots);
        r
    }

    /// `list(arg)`, `tuple(arg)` or `set(arg)` (or with no argument) of the exact
    /// built-in classes, which cannot be changed: what `type.__call__` does with their
    /// `__new__` and `__init__` (`types/list.rs`, `types/tuple.rs`, `types/set.rs`),
    /// without looking them up and calling them. The caller's stack holds `arg`.
    /// None: `cls` is not one of them.
    /// `range(stop)`, `range(start, stop)`, `range(start, stop, step)` of ints that
    /// make a machine-int range (as `new_range` decides): None for anything else
    /// (bools, big ints, a zero step, bad arity), which `range.__new__` handles.
    pub(super) fn small_range(&mut self, args: &[Value]) -> Option<Value> {
        let (a, b, c) = match *args {
            [Value::Int(b)] => (0, b, 1),
            [Value::Int(a), Value::Int(b)] => (a, b, 1),
            [Value::Int(a), Value::Int(b), Value::Int(c)] if c != 0 => (a, b, c),
            _ => return None,
        };
        a.checked_add(c)?;
        b.checked_add(c)?;
        b.checked_sub(a)?;
        let cls = self.types.range;
        Some(Value::Obj(self.heap.alloc(cls, Kind::Range(a, b, c))))
    }

    pub(super) fn builtin_ctor(
        &mut self,
        cls: ObjRef,
        arg: Option<Value>,
    ) -> Option<PyResult<Value>> {
        if let Some(v) = self.builtin_ctor_fast(cls, arg) {
            return Some(Ok(v));
        }
        let t = &self.types;
        if cls == t.list {
            let l = self.new_list(vec![]);
            let Some(v) = arg else { return Some(Ok(l)) };
            // The new list is rooted while the iteration runs Python code.
            self.stack.push(l);
            let roots = self.temp_roots.len();
            let items = self.iterate_sized(v);
            self.temp_roots.truncate(roots);
            self.stack.pop();
            return Some(items.map(|items| {
                self.heap.charge(16 * items.len() as u64);
                if let Value::Obj(r) = l {
                    if let Kind::List(dst) = self.heap.kind_mut(r) {
                        *dst = items;
                    }
                }
                l
            }));
        }
        if cls == t.tuple {
            let Some(v) = arg else {
                return Some(Ok(self.new_tuple(vec![])));
            };
            if let Value::Obj(r) = v {
                if matches!(self.heap.kind(r), Kind::Tuple(_)) && self.heap.get(r).class == cls {
                    return Some(Ok(v));
                }
            }
            let roots = self.temp_roots.len();
            let items = self.iterate_sized(v);
            self.temp_roots.truncate(roots);
            return Some(items.map(|items| self.new_tuple(items)));
        }
        if cls == t.set {
            let s = Value::Obj(self.heap.alloc(cls, Kind::Set(Box::default())));
            let Some(v) = arg else { return Some(Ok(s)) };
            // As `set.__init__` (a native that does not let the collector run).
            let roots = self.temp_roots.len();
            self.gc_holds += 1;
            let r = self.set_update(s, v);
            self.gc_holds -= 1;
            self.temp_roots.truncate(roots);
            return Some(r.map(|()| s));
        }
        None
    }

    /// `call_native_fast`'s cases past its own: the result, or `None` with nothing
    /// done. `f` is the native, its arguments (the bound `self` first, for a method
    /// reached through LOAD_METHOD) on the stack from `args_start`.
    #[inline(never)]
    pub(super) fn call_native_more(
        &mut self,
        f: NativeFn,
        fpos: usize,
        args_start: usize,
    ) -> Option<Value> {
        let n = self.stack.len() - args_start;
        if n == 1 {
            let x = self.stack[args_start];
            if std::ptr::fn_addr_eq(f, crate::builtins::B_NEXT) {
                return self.next_fast(x);
            }
            if std::ptr::fn_addr_eq(f, crate::builtins::B_ITER) {
                return self.iter_fast(x);
            }
            return None;
        }
        // `s.add(k)`, `s.discard(k)` (or `set.add(s, k)`): `s` is in the slot
        // after the callee.
        if n == 2 && args_start == fpos + 1 {
            let add = std::ptr::fn_addr_eq(f, crate::types::set::S_ADD);
            if add || std::ptr::fn_addr_eq(f, crate::types::set::S_DISCARD) {
                let (s, k) = (self.stack[args_start], self.stack[args_start + 1]);
                return self.set_add_discard_fast(s, k, add);
            }
        }
        None
    }

    /// `next(it)` of a built-in iterator over a list, tuple, range or set that has
    /// an item left: the item, the iterator advanced, as `builtin_iter_next`.
    /// `None` when it is exhausted or anything else (the generic `next` then
    /// raises StopIteration, returns the default or calls `__next__`).
    fn next_fast(&mut self, it: Value) -> Option<Value> {
        use crate::object::IterKind;
        let Value::Obj(r) = it else { return None };
        // `iter_next` counts a native step against an embedder's budget.
        if self.limits.active() {
            return None;
        }
        let Kind::Iter(state) = self.heap.kind(r) else {
            return None;
        };
        match *state {
            IterKind::Range { cur, stop, step } => {
                if !((step > 0 && cur < stop) || (step < 0 && cur > stop)) {
                    return None;
                }
                if let Kind::Iter(IterKind::Range { cur: c, .. }) = self.heap.kind_mut(r) {
                    *c = cur + step as i64;
                }
                Some(Value::Int(cur))
            }
            IterKind::Seq { seq, idx } => {
                let v = match self.heap.kind(seq) {
                    Kind::List(items) | Kind::Tuple(items) => items.get(idx).copied()?,
                    _ => return None,
                };
                if let Kind::Iter(IterKind::Seq { idx: i, .. }) = self.heap.kind_mut(r) {
                    *i = idx + 1;
                }
                Some(v)
            }
            IterKind::Set { set, idx, len } => {
                let (Kind::Set(t) | Kind::FrozenSet(t)) = self.heap.kind(set) else {
                    return None;
                };
                // A set that changed size raises: the generic call.
                if t.len() != len {
                    return None;
                }
                let (i, v) = t.next_live(idx)?;
                if let Kind::Iter(IterKind::Set { idx: at, .. }) = self.heap.kind_mut(r) {
                    *at = i + 1;
                }
                Some(v)
            }
            _ => None,
        }
    }

    /// `iter(x)` of an object of a built-in container class (none can override
    /// `__iter__`): `get_iter_builtin`'s new iterator. `None` for anything else.
    fn iter_fast(&mut self, x: Value) -> Option<Value> {
        let Value::Obj(r) = x else { return None };
        let o = self.heap.get(r);
        if !matches!(
            o.kind,
            Kind::List(_)
                | Kind::Tuple(_)
                | Kind::Set(_)
                | Kind::FrozenSet(_)
                | Kind::Dict(_)
                | Kind::Str(_)
                | Kind::Range(..)
        ) || !self.class_data(o.class).is_builtin
        {
            return None;
        }
        // (Cannot fail for these kinds.)
        self.get_iter_builtin(x).ok()
    }

    /// `s.add(k)` (`add`) or `s.discard(k)` of a set (of any class: the method
    /// found is `set`'s own) and an int or exact str key, when no key of equal
    /// hash needs a Python `__eq__`: as `set_add` / `set_discard`. `None`, with
    /// nothing done, otherwise.
    fn set_add_discard_fast(&mut self, s: Value, k: Value, add: bool) -> Option<Value> {
        let Value::Obj(sr) = s else { return None };
        let hash = match k {
            Value::Int(i) => crate::object::hash::hash_int(i),
            Value::Obj(kr) => {
                let o = self.heap.get(kr);
                match &o.kind {
                    Kind::Str(st) if o.class == self.types.str => st.hash(),
                    _ => return None,
                }
            }
            _ => return None,
        };
        // (`set.add(frozenset(), k)` raises: the generic call.)
        let Kind::Set(t) = self.heap.kind(sr) else {
            return None;
        };
        let slow = std::cell::Cell::new(false);
        let found = t.find_with(hash, k, |x| match (x, k) {
            (Value::Int(a), Value::Int(b)) => a == b,
            _ => self.simple_eq(x, k).unwrap_or_else(|| {
                slow.set(true);
                false
            }),
        });
        if slow.get() {
            return None;
        }
        let Kind::Set(t) = self.heap.kind_mut(sr) else {
            return None;
        };
        match (found, add) {
            (None, true) => {
                t.insert_new(hash, k);
                self.heap.charge(2 * crate::object::SET_SLOT_BYTES);
            }
            (Some(i), false) => {
                t.remove_slot(i);
            }
            _ => {}
        }
        Some(Value::None)
    }

    /// `list()`, `tuple()`, `set()` and `list(x)`, `tuple(x)`, `set(x)` of the
    /// exact classes (which cannot be changed) where it cannot fail nor run Python
    /// code: `x` a set or frozenset (for `set`, of any class: `set_update` merges
    /// them without iterating, as CPython's `set_merge`), or a list or tuple of a
    /// built-in class; what `builtin_ctor` makes of them. `None` for anything else.
    pub(super) fn builtin_ctor_fast(&mut self, cls: ObjRef, arg: Option<Value>) -> Option<Value> {
        let t = &self.types;
        let which = if cls == t.list {
            0
        } else if cls == t.tuple {
            1
        } else if cls == t.set {
            2
        } else {
            return None;
        };
        let Some(x) = arg else {
            return Some(match which {
                0 => self.new_list(vec![]),
                1 => self.new_tuple(vec![]),
                _ => Value::Obj(self.heap.alloc(cls, Kind::Set(Box::default()))),
            });
        };
        let Value::Obj(o) = x else { return None };
        let obj = self.heap.get(o);
        let builtin = self.class_data(obj.class).is_builtin;
        let items: Vec<Value> = match &obj.kind {
            Kind::Set(s) | Kind::FrozenSet(s) if which == 2 => {
                let t = crate::object::set_table::SetTable::copy_of(s);
                return Some(Value::Obj(self.heap.alloc(cls, Kind::Set(Box::new(t)))));
            }
            // `tuple(t)` of an exact tuple is `t`.
            Kind::Tuple(_) if which == 1 && obj.class == cls => return Some(x),
            // (A vector the generic path could not allocate raises MemoryError.)
            _ if !builtin || which == 2 => return None,
            Kind::Set(s) | Kind::FrozenSet(s) if s.len() <= MAX_ITEMS => {
                let mut items = Vec::with_capacity(s.len());
                items.extend(s.iter());
                items
            }
            Kind::List(v) | Kind::Tuple(v) if v.len() <= MAX_ITEMS => v.clone(),
            _ => return None,
        };
        Some(if which == 0 {
            self.new_list(items)
        } else {
            self.new_tuple(items)
        })
    }

    /// `str(x)` of an int, bool or float, or of an exact str (itself): what
    /// `str.__new__` makes for them. `None` for anything else.
    pub(super) fn str_of_fast(&mut self, x: Value) -> Option<Value> {
        match x {
            Value::Int(_) | Value::Bool(_) | Value::Float(_) => self.str_value(x).ok(),
            Value::Obj(r) if self.heap.get(r).class == self.types.str => Some(x),
            _ => None,
        }
    }
}

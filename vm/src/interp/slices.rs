//! `x[a:b]`, `x[a:b:c]` and `x[a:b] = v` without the slice object: BUILD_SLICE runs
//! the BINARY_SUBSCR or STORE_SUBSCR right after it when the operands are built-in
//! lists, tuples, strs (or ranges, read) and the bounds ints or None (fannkuch's `perm[:k + 1] =
//! perm[k::-1]`, nqueens' `items[:i] + items[i + 1:]`).
//!
//! Only cases that cannot fail or call out are taken, so an error (and its
//! traceback line) still comes from the unfused instructions, and a user class
//! with `__getitem__` or `__setitem__` still receives a real `slice` object.

use crate::object::{Kind, Value};
use crate::protocols::subscript::{slice_adjust, slice_positions, SliceParts};
use crate::Vm;
use num_bigint::BigInt;

/// A slice bound that needs no `__index__` call: Some(None) for None.
#[inline]
fn plain_bound(v: Value) -> Option<Option<i64>> {
    match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(i)),
        _ => None,
    }
}

impl Vm {
    /// The `n` (2 or 3) slice items on the stack as integers, if they are ints or
    /// None with a nonzero step (an i64::MIN step goes the general way).
    #[inline]
    fn plain_slice_parts(&self, n: usize) -> Option<SliceParts> {
        let len = self.stack.len();
        let step = if n == 3 {
            match self.stack[len - 1] {
                Value::None => 1,
                Value::Int(s) if s != 0 && s != i64::MIN => s,
                _ => return None,
            }
        } else {
            1
        };
        let start = plain_bound(self.stack[len - n])?;
        let stop = plain_bound(self.stack[len - n + 1])?;
        Some((start, stop, step))
    }

    /// BUILD_SLICE `n` followed by BINARY_SUBSCR (`store` false) or STORE_SUBSCR
    /// (`store` true), done at once on `self.stack` when nothing can fail: true if
    /// done (the caller skips the subscript instruction), false if nothing changed.
    #[inline(never)]
    pub(super) fn slice_subscr_fused(&mut self, n: u32, store: bool) -> bool {
        let n = n as usize;
        let Some(parts) = self.plain_slice_parts(n) else {
            return false;
        };
        let len = self.stack.len();
        let Value::Obj(r) = self.stack[len - n - 1] else {
            return false;
        };
        let o = self.heap.get(r);
        let cls = o.class;
        if store {
            // `lst[a:b] = seq` with seq a built-in list or tuple (its items are read
            // before the assignment, so `a[:] = a` works).
            let Kind::List(items) = &o.kind else {
                return false;
            };
            if cls != self.types.list {
                return false;
            }
            let target_len = items.len();
            let Value::Obj(src) = self.stack[len - n - 2] else {
                return false;
            };
            let so = self.heap.get(src);
            let (Kind::List(new) | Kind::Tuple(new)) = &so.kind else {
                return false;
            };
            if so.class != self.types.list && so.class != self.types.tuple {
                return false;
            }
            if parts.2 != 1 {
                // An extended slice must match in size; the general path raises.
                let (start, stop, step) = slice_adjust(parts, target_len as i64);
                if slice_positions(start, stop, step).count() != new.len() {
                    return false;
                }
            }
            if parts.2 == 1 && src != r {
                // Same size (`p[:k] = p[k::-1]`): copied over in place.
                let (start, stop, _) = slice_adjust(parts, target_len as i64);
                let (a, b) = (start as usize, stop.max(start) as usize);
                if b - a == new.len() {
                    let (dst, src) = self.heap.get2_mut(r, src);
                    if let (Kind::List(to), Kind::List(from) | Kind::Tuple(from)) =
                        (&mut dst.kind, &src.kind)
                    {
                        to[a..b].copy_from_slice(from);
                    }
                    self.stack.truncate(len - n - 2);
                    return true;
                }
            }
            let new = new.clone();
            if self.list_assign_slice(r, parts, new, target_len).is_err() {
                // Checked above; it raises before changing anything anyway.
                return false;
            }
            self.stack.truncate(len - n - 2);
            return true;
        }
        let v = match &o.kind {
            Kind::List(_) if cls == self.types.list => self.list_slice_parts(r, parts, true),
            Kind::Tuple(_) if cls == self.types.tuple => self.list_slice_parts(r, parts, false),
            Kind::Str(_) if cls == self.types.str => self.str_slice_parts(r, parts),
            &Kind::Range(ra, rb, rc) if cls == self.types.range => {
                // As CPython's `compute_slice`: the positions clamped to the range's
                // length, mapped through it (in big ints: they may leave i64).
                let len = crate::types::range::range_len(ra, rb, rc);
                let (start, stop, step) = slice_adjust(parts, len);
                let at = |i: i64| BigInt::from(ra as i128 + i as i128 * rc as i128);
                self.new_range(at(start), at(stop), BigInt::from(rc as i128 * step as i128))
            }
            _ => return false,
        };
        self.stack.truncate(len - n - 1);
        self.stack.push(v);
        true
    }
}

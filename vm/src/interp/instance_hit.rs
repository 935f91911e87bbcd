//! The commonest attribute instructions of all, `self.x`, `self.x = v` and
//! `self.m(...)` on a plain instance of the class the site cached, decided in a
//! few machine instructions so the interpreter loop can inline them. Anything
//! else (another class, an epoch change, an instance dict, a hint that moved, a
//! class attribute) returns `None`/`false` and takes the general cached path
//! (`inline.rs`), which also fills the caches these read.

use super::inline::{InlineCache, INSTANCE, METHOD};
use crate::object::attrs::Attrs;
use crate::object::{CodeData, Kind, Value};
use crate::Vm;

impl Vm {
    /// A plain instance without a dict, of the class (this epoch) the site's cache
    /// was made for: its inline attributes and the cache, read in place.
    #[inline(always)]
    fn cached_instance<'a>(
        &'a self,
        code: &'a CodeData,
        slot: usize,
        obj: Value,
    ) -> Option<(&'a Attrs, &'a InlineCache)> {
        let Value::Obj(r) = obj else { return None };
        let o = self.heap.get(r);
        let Kind::Object(attrs) = &o.kind else {
            return None;
        };
        // SAFETY: the callers store into no cache while they hold it.
        let c = unsafe { code.cache_in_place(slot) }?;
        // (An instance with a dict keeps no inline attributes.)
        if c.a != o.class.0 as u64 || c.b != self.mro_cache.epoch() as u64 || o.dict().is_some() {
            return None;
        }
        Some((attrs, c))
    }

    /// LOAD_ATTR of an instance attribute at the site's cached position.
    #[inline(always)]
    pub(crate) fn instance_attr_hit(
        &self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        let Value::Obj(n) = name else { return None };
        let (attrs, c) = self.cached_instance(code, slot, obj)?;
        // INSTANCE or METHOD: no data descriptor on the class, so the instance's own
        // attribute wins.
        if c.kind.wrapping_sub(INSTANCE) > METHOD - INSTANCE {
            return None;
        }
        match attrs.at(c.hint as usize) {
            Some((Value::Obj(k), v)) if k == n => Some(v),
            _ => None,
        }
    }

    /// LOAD_METHOD of a plain function on the class, that the instance does not
    /// shadow: the function and the instance (no bound method is made).
    #[inline(always)]
    pub(crate) fn instance_method_hit(
        &self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        let (attrs, c) = self.cached_instance(code, slot, obj)?;
        // The name filter proves the instance has no attribute of that name (a
        // possible one goes the general way, which looks).
        if c.kind != METHOD || attrs.may_have(name) {
            return None;
        }
        Some(c.value)
    }

    /// STORE_ATTR over an instance attribute at the site's cached position: true
    /// when stored.
    #[inline(always)]
    pub(crate) fn instance_store_hit(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
        v: Value,
    ) -> bool {
        let (Value::Obj(r), Value::Obj(n)) = (obj, name) else {
            return false;
        };
        let epoch = self.mro_cache.epoch() as u64;
        // SAFETY: nothing below stores into a cache.
        let Some(c) = (unsafe { code.cache_in_place(slot) }) else {
            return false;
        };
        let (cls, hint, kind) = (c.a, c.hint as usize, c.kind);
        if c.b != epoch || kind.wrapping_sub(INSTANCE) > METHOD - INSTANCE {
            return false;
        }
        // Taken for writing (the write barrier) before the checks: the general
        // path this falls back to writes the same object.
        let o = self.heap.get_mut(r);
        if o.class.0 as u64 != cls || o.dict().is_some() {
            return false;
        }
        let Kind::Object(attrs) = &mut o.kind else {
            return false;
        };
        match attrs.at(hint) {
            Some((Value::Obj(k), _)) if k == n => {
                attrs.set_at(hint, v);
                true
            }
            _ => false,
        }
    }
}

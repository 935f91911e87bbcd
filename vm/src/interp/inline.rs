//! Inline caches: per-instruction memory of where LOAD_GLOBAL found a name and how
//! the attribute instructions resolved a name on a class, so the common cases skip
//! the generic lookup. A cache never changes behaviour: every hit is validated
//! (dict layout stamps, class identity and the method-cache epoch).

use crate::object::attrs::Attrs;
use crate::object::{CodeData, Heap, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

/// No attribute fast path recorded.
const NONE: u16 = 0;
/// The class has no data descriptor for the name and no `__getattribute__`/`__setattr__`
/// override: the instance dict decides (class attribute `value` as a fallback).
pub(super) const INSTANCE: u16 = 1;
/// The class attribute `value` is a plain function: LOAD_METHOD binds it unless the
/// instance dict shadows it.
pub(super) const METHOD: u16 = 2;
/// `C.name` on a class `C` whose metaclass is `type`: the class attribute `value`,
/// which is not a descriptor (or one whose `__get__(None, C)` is itself).
const CLASS_VALUE: u16 = 3;
/// `C.name` where the class attribute is a classmethod of function `value`: LOAD_METHOD
/// passes `C` as the first argument, LOAD_ATTR binds it.
const CLASS_METHOD: u16 = 4;
/// `obj.__class__` with object's own `__class__` descriptor.
const TYPE_OF: u16 = 5;
/// POP_JUMP_IF_*: instances of the class are true (it defines neither `__bool__` nor
/// `__len__`).
const ALWAYS_TRUE: u16 = 6;
/// LOAD_METHOD on an instance of a built-in class (str, list, dict, set, tuple,
/// bytes, bytearray, generator) or of a Python subclass of one without
/// `__getattribute__`, that has no instance dict: the class attribute `value` is a
/// native method that binds.
const BUILTIN_METHOD: u16 = 7;
/// Cache keys of class-object sites: the class ref with this bit set (instance sites
/// key on the instance's class ref, which never has it).
const CLASS_KEY: u64 = 1 << 40;
/// An instance of a native (opaque) class without an instance dict, whose class has no
/// `__getattribute__` override: the class attribute `value` is a native method that
/// binds (LOAD_METHOD pushes it and the instance).
const OPAQUE_METHOD: u16 = 8;
/// As `OPAQUE_METHOD`, but the class attribute is a property whose getter is the
/// native `value`: LOAD_ATTR calls it with the instance.
const OPAQUE_GETTER: u16 = 9;
/// Cache keys of sites on opaque instances: the class ref with this bit set.
const OPAQUE_KEY: u64 = 1 << 41;
/// LOAD_METHOD on `super(start, obj)` where `obj` is no class: the method `value`
/// (a Python function or a native that binds) found after class `start` (the
/// `hint`) in the MRO of `obj`'s class (the key, with `SUPER_KEY`).
const SUPER_METHOD: u16 = 11;
/// Cache keys of sites on super objects: the instance's class ref with this bit set.
const SUPER_KEY: u64 = 1 << 42;
/// `m.name` on a module of the exact module type: `a` the layout stamp of the
/// module's dict, `hint` the name's entry there (the value is read at each use, so
/// rebinding the name needs no invalidation; adding or removing names changes the
/// stamp). `b` is `MODULE_B`, never an epoch: the other kinds' checks never match.
const MODULE_ATTR: u16 = 13;
const MODULE_B: u64 = u64::MAX - 1;

#[derive(Clone, Copy, Debug)]
pub struct InlineCache {
    /// LOAD_GLOBAL: globals stamp. Attributes: class ref.
    pub(super) a: u64,
    /// LOAD_GLOBAL: builtins stamp (0 if found in globals). Attributes: epoch.
    pub(super) b: u64,
    /// Entry index hint.
    pub(super) hint: u32,
    pub(super) kind: u16,
    /// Attributes: the site's polymorphic set in `MethodCache` (0: none), for the
    /// classes besides `a`.
    poly: u16,
    /// The class attribute (attributes).
    pub(super) value: Value,
}

impl Default for InlineCache {
    fn default() -> Self {
        InlineCache {
            a: u64::MAX,
            b: u64::MAX,
            hint: 0,
            kind: NONE,
            poly: 0,
            value: Value::Undef,
        }
    }
}

/// CALL of a class: `a` the class key, `value` the `__init__` function of
/// `call_fast::call_init_fast` (Undef: the generic call).
const INIT_FRAME: u16 = 10;
/// CALL of a plain instance: `a` its class's key (with `CALL_KEY`), `value` the
/// class's `__call__` function of `call_fast::call_instance_fast` (Undef: the
/// generic call).
const CALL_INSTANCE: u16 = 12;
/// Cache keys of CALL sites calling instances: the class ref with this bit set.
const CALL_KEY: u64 = 1 << 43;

impl InlineCache {
    /// A CALL site's plan for calling class `cls` (see `INIT_FRAME`).
    pub(super) fn init_site(cls: ObjRef, epoch: u32, init: Option<ObjRef>) -> InlineCache {
        InlineCache {
            a: cls.0 as u64 | CLASS_KEY,
            b: epoch as u64,
            hint: 0,
            kind: INIT_FRAME,
            poly: 0,
            value: init.map_or(Value::Undef, Value::Obj),
        }
    }

    /// A CALL site's plan for calling an instance of class `cls` (see
    /// `CALL_INSTANCE`).
    pub(super) fn call_site(cls: ObjRef, epoch: u32, f: Option<ObjRef>) -> InlineCache {
        InlineCache {
            a: cls.0 as u64 | CALL_KEY,
            b: epoch as u64,
            hint: 0,
            kind: CALL_INSTANCE,
            poly: 0,
            value: f.map_or(Value::Undef, Value::Obj),
        }
    }

    /// The plan remembered by `call_site`, if it is for `cls` in this epoch.
    #[inline]
    pub(super) fn call_plan(&self, cls: ObjRef, epoch: u32) -> Option<Option<ObjRef>> {
        (self.a == cls.0 as u64 | CALL_KEY && self.b == epoch as u64 && self.kind == CALL_INSTANCE)
            .then_some(self.value.obj())
    }

    /// The plan remembered by `init_site`, if it is for `cls` in this epoch.
    #[inline]
    pub(super) fn init_plan(&self, cls: ObjRef, epoch: u32) -> Option<Option<ObjRef>> {
        (self.a == cls.0 as u64 | CLASS_KEY && self.b == epoch as u64 && self.kind == INIT_FRAME)
            .then_some(self.value.obj())
    }
}

/// `Attrs::find` for the attribute instructions' names, which are interned
/// (`CodeData::names`): unless some key was stored as a non-interned str, a name not
/// identical to a key is not there, and the text comparison is skipped.
#[inline]
fn find_interned(a: &Attrs, heap: &Heap, name: Value) -> Option<usize> {
    if !a.may_have(name) {
        return None;
    }
    // The filter collided (deltablue: `input`, `execute` under a constraint's four
    // attributes): a name never stored as an inline attribute is not there either.
    if !a.1 .0 && !crate::object::attrs::may_be_attr_name(heap, name) {
        return None;
    }
    if let Some(i) = a.0.iter().position(|(k, _)| k.is(name)) {
        return Some(i);
    }
    if a.1 .0 {
        return a.find(heap, name);
    }
    None
}

impl Vm {
    pub(super) fn dict_stamp(&self, d: ObjRef) -> u64 {
        match self.heap.kind(d) {
            Kind::Dict(x) => x.stamp(),
            _ => 0,
        }
    }

    pub(super) fn dict_entry(&self, d: ObjRef, i: u32) -> Option<(Value, Value)> {
        match self.heap.kind(d) {
            Kind::Dict(x) => x.entry_at(i as usize).map(|e| (e.key, e.value)),
            _ => None,
        }
    }

    /// Entry index of a str key in a dict (no Python code runs).
    pub(crate) fn dict_find_str(&self, d: ObjRef, key: Value) -> Option<usize> {
        let Value::Obj(kr) = key else { return None };
        let Kind::Str(ks) = self.heap.kind(kr) else {
            return None;
        };
        match self.heap.kind(d) {
            Kind::Dict(x) => x.find_with(ks.hash(), key, |k| match k {
                Value::Obj(r) => matches!(self.heap.kind(r), Kind::Str(s) if s.s == ks.s),
                _ => false,
            }),
            _ => None,
        }
    }

    /// LOAD_GLOBAL's cache hit (the name neither looked at nor an error possible):
    /// the value, or `None` for `load_global_cached`. Every call of a global
    /// function starts here.
    #[inline(always)]
    pub(crate) fn load_global_hit(
        &self,
        code: &CodeData,
        slot: usize,
        globals: ObjRef,
    ) -> Option<Value> {
        // No test of `c.kind`: an unused slot (the default cache) has stamps
        // `u64::MAX`, which no dict has (stamps count up from 1), so it misses below.
        let c = code.cache(slot);
        let v = if c.b == 0 {
            self.stamped_value(globals, c.a, c.hint)
        } else if self.dict_stamp(globals) == c.a {
            self.stamped_value(self.builtins, c.b, c.hint)
        } else {
            Value::Undef
        };
        (!v.is_undef()).then_some(v)
    }

    /// LOAD_GLOBAL with an inline cache.
    #[inline]
    pub(crate) fn load_global_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        globals: ObjRef,
        name: Value,
    ) -> PyResult<Value> {
        let c = code.cache(slot);
        if c.kind != NONE {
            let v = if c.b == 0 {
                self.stamped_value(globals, c.a, c.hint)
            } else if self.dict_stamp(globals) == c.a {
                self.stamped_value(self.builtins, c.b, c.hint)
            } else {
                Value::Undef
            };
            if !v.is_undef() {
                return Ok(v);
            }
        }
        self.load_global_miss(code, slot, globals, name)
    }

    /// The value at entry `i` of dict `d` if its layout stamp is `stamp` (Undef
    /// otherwise, or if the entry was deleted): one heap access, the key not
    /// unpacked (the stamp says which key sits there).
    #[inline(always)]
    pub(super) fn stamped_value(&self, d: ObjRef, stamp: u64, i: u32) -> Value {
        match self.heap.kind(d) {
            Kind::Dict(x) if x.stamp() == stamp => x.value_or_undef(i as usize),
            _ => Value::Undef,
        }
    }

    /// LOAD_GLOBAL's cache missed: look the name up and remember where it was.
    #[inline(never)]
    fn load_global_miss(
        &mut self,
        code: &CodeData,
        slot: usize,
        globals: ObjRef,
        name: Value,
    ) -> PyResult<Value> {
        if let Some(i) = self.dict_find_str(globals, name) {
            let gs = self.dict_stamp(globals);
            code.set_cache(
                slot,
                InlineCache {
                    a: gs,
                    b: 0,
                    hint: i as u32,
                    kind: INSTANCE,
                    poly: 0,
                    value: Value::Undef,
                },
            );
            return Ok(self
                .dict_entry(globals, i as u32)
                .map(|e| e.1)
                .unwrap_or(Value::Undef));
        }
        let b = self.builtins_of(globals);
        if b != self.builtins {
            // Builtins of the program's own (`exec` with `__builtins__`): not cached.
            return match self.dict_get_str(b, name) {
                Some(v) => Ok(v),
                None => Err(self.name_error(name)),
            };
        }
        if let Some(i) = self.dict_find_str(self.builtins, name) {
            let gs = self.dict_stamp(globals);
            let bs = self.dict_stamp(self.builtins);
            code.set_cache(
                slot,
                InlineCache {
                    a: gs,
                    b: bs,
                    hint: i as u32,
                    kind: INSTANCE,
                    poly: 0,
                    value: Value::Undef,
                },
            );
            return Ok(self
                .dict_entry(self.builtins, i as u32)
                .map(|e| e.1)
                .unwrap_or(Value::Undef));
        }
        Err(self.name_error(name))
    }

    /// Decide the attribute fast path for a plain instance of a user class.
    fn attr_plan(&mut self, cls: ObjRef, name: Value) -> (u16, Value) {
        if self.class_data(cls).is_builtin {
            return (NONE, Value::Undef);
        }
        // `__slots__` restrict which names an instance may set; `__class__` and
        // `__dict__` are not instance-dict entries.
        if name.is(self.names.__class__) {
            // No class defines it: the instance's class (`special_attr`), unless the
            // instance dict has the key (checked on each use).
            let ga = self.names.__getattribute__;
            if self.user_override(cls, ga).is_none() && self.class_lookup(cls, name).is_none() {
                return (TYPE_OF, Value::Undef);
            }
            return (NONE, Value::Undef);
        }
        if self.class_data(cls).slots.is_some() || name.is(self.names.__dict__) {
            return (NONE, Value::Undef);
        }
        let ga = self.names.__getattribute__;
        let gattr = self.names.__getattr__;
        let sa = self.names.__setattr__;
        if self.user_override(cls, ga).is_some() || self.user_override(cls, sa).is_some() {
            return (NONE, Value::Undef);
        }
        let _ = gattr;
        match self.class_lookup(cls, name) {
            None => (INSTANCE, Value::Undef),
            Some(v @ Value::Obj(d)) => match self.heap.kind(d) {
                Kind::Function(_) => (METHOD, v),
                Kind::Property(_) => (NONE, Value::Undef),
                // A slot's member descriptor (classes with both `__slots__` and
                // `__dict__`): an unset slot is an AttributeError, not the descriptor.
                Kind::Opaque(_) if self.member_name(v).is_some() => (NONE, Value::Undef),
                Kind::Object(_)
                | Kind::Native(_)
                | Kind::StaticMethod(_)
                | Kind::ClassMethod(_) => (NONE, Value::Undef),
                _ => (INSTANCE, v),
            },
            Some(v) => (INSTANCE, v),
        }
    }

    #[inline]
    fn plain_instance(&self, obj: Value) -> Option<(ObjRef, ObjRef, Option<ObjRef>)> {
        let Value::Obj(r) = obj else { return None };
        let o = self.heap.get(r);
        match o.kind {
            Kind::Object(_) => Some((r, o.class, o.dict())),
            _ => None,
        }
    }

    #[inline(always)]
    fn attr_cache(
        &mut self,
        code: &CodeData,
        slot: usize,
        cls: ObjRef,
        name: Value,
    ) -> InlineCache {
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        if c.a == cls.0 as u64 && c.b == epoch {
            return c;
        }
        // Another class of a polymorphic site (richards' tasks): its set, here rather
        // than behind the out-of-line miss (a call and two copies of the cache).
        if c.poly != 0 && c.b == epoch {
            if let Value::Obj(nr) = name {
                if let Some((kind, value, hint)) = self.mro_cache.poly_get(c.poly, cls, nr) {
                    return InlineCache {
                        a: cls.0 as u64,
                        b: epoch,
                        hint,
                        kind,
                        poly: c.poly,
                        value,
                    };
                }
            }
        }
        self.attr_cache_miss(code, slot, cls, name, c)
    }

    /// The inline cache and the site's polymorphic set missed: the plan (plan
    /// cache, else compute it).
    #[inline(never)]
    fn attr_cache_miss(
        &mut self,
        code: &CodeData,
        slot: usize,
        cls: ObjRef,
        name: Value,
        c: InlineCache,
    ) -> InlineCache {
        let Value::Obj(nr) = name else {
            return InlineCache::default();
        };
        // (`attr_cache` looked in the site's polymorphic set.)
        let epoch = self.mro_cache.epoch() as u64;
        let (kind, value, hint) = match self.mro_cache.plan(cls, nr) {
            Some((k, v, h)) => (k as u16, v.unwrap_or(Value::Undef), h),
            None => {
                let (k, v) = self.attr_plan(cls, name);
                self.mro_cache.put_plan(cls, nr, k as u32, Some(v));
                (k, v, 0)
            }
        };
        let mut nc = InlineCache {
            a: cls.0 as u64,
            b: epoch,
            hint,
            kind,
            poly: c.poly,
            value,
        };
        if c.b != epoch {
            // The site's first class (in this epoch).
            code.set_cache(slot, nc);
        } else {
            // A polymorphic site: the other classes go to its set.
            let set = self.mro_cache.poly_put(c.poly, cls, nr, kind, value, hint);
            if set != c.poly {
                let mut cur = c;
                cur.poly = set;
                code.set_cache(slot, cur);
            }
            nc.poly = set;
        }
        nc
    }

    /// Look a name up in an instance dict, with the cached entry hint.
    #[inline]
    fn instance_lookup(
        &mut self,
        code: &CodeData,
        slot: usize,
        d: ObjRef,
        name: Value,
        c: &InlineCache,
    ) -> Option<Value> {
        if let Some((k, v)) = self.dict_entry(d, c.hint) {
            if k.is(name) {
                return Some(v);
            }
        }
        let i = self.dict_find_str(d, name)?;
        self.remember_hint(code, slot, c, name, i);
        self.dict_entry(d, i as u32).map(|e| e.1)
    }

    /// The cached plan of `C.name` for a class object `C` (see `CLASS_VALUE` and
    /// `CLASS_METHOD`): kind `NONE` when the generic lookup is needed. (A plain pair,
    /// not an `Option`: the option's layout put the value at an odd offset, and its
    /// copy stalled store-to-load forwarding on every class attribute load.)
    #[inline]
    fn class_attr_cache(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> (u16, Value) {
        let Value::Obj(r) = obj else {
            return (NONE, Value::Undef);
        };
        if !matches!(self.heap.kind(r), Kind::Class(_)) {
            return (NONE, Value::Undef);
        }
        let key = r.0 as u64 | CLASS_KEY;
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        if c.a == key && c.b == epoch {
            return (c.kind, c.value);
        }
        self.class_attr_miss(code, slot, r, name)
    }

    /// `class_attr_cache` missed: plan and remember.
    #[inline(never)]
    fn class_attr_miss(
        &mut self,
        code: &CodeData,
        slot: usize,
        r: ObjRef,
        name: Value,
    ) -> (u16, Value) {
        let key = r.0 as u64 | CLASS_KEY;
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        let (kind, value) = self.class_attr_plan(r, name);
        // A polymorphic site keeps its first entry.
        if c.b != epoch {
            code.set_cache(
                slot,
                InlineCache {
                    a: key,
                    b: epoch,
                    hint: 0,
                    kind,
                    poly: c.poly,
                    value,
                },
            );
        }
        (kind, value)
    }

    /// Decide the fast path of `C.name` (`class_getattr` without Python code).
    #[inline(never)]
    fn class_attr_plan(&mut self, cls: ObjRef, name: Value) -> (u16, Value) {
        // Another metaclass (an Enum's, an ABC's) looks the same when it has no
        // `__getattribute__` of its own and no attribute of that name (a data
        // descriptor there would win: `class_getattr`).
        let meta = self.heap.get(cls).class;
        let ga = self.names.__getattribute__;
        if meta != self.types.type_
            && (!matches!(self.heap.kind(meta), Kind::Class(_))
                || self.user_override(meta, ga).is_some()
                || self.class_lookup(meta, name).is_some())
        {
            return (NONE, Value::Undef);
        }
        // `special_class_attr`'s names and the metaclass's attributes are dunders.
        match self.as_str(name) {
            Some(n) if !n.starts_with("__") => {}
            _ => return (NONE, Value::Undef),
        }
        let Some(v) = self.class_lookup(cls, name) else {
            return (NONE, Value::Undef);
        };
        let Value::Obj(d) = v else {
            return (CLASS_VALUE, v);
        };
        match self.heap.kind(d) {
            Kind::Function(_) | Kind::Native(_) | Kind::Property(_) => (CLASS_VALUE, v),
            Kind::StaticMethod(f) => (CLASS_VALUE, *f),
            Kind::ClassMethod(f @ Value::Obj(fr))
                if matches!(self.heap.kind(*fr), Kind::Function(_)) =>
            {
                (CLASS_METHOD, *f)
            }
            Kind::Object(_) | Kind::Opaque(_) => {
                let get = self.names.__get__;
                let dcls = self.heap.get(d).class;
                if self.class_lookup(dcls, get).is_some() {
                    (NONE, Value::Undef)
                } else {
                    (CLASS_VALUE, v)
                }
            }
            Kind::ClassMethod(_) => (NONE, Value::Undef),
            _ => (CLASS_VALUE, v),
        }
    }

    /// Look a name up in a plain instance's own attributes: its dict, else its
    /// inline attributes (`object::attrs`), with the cached position hint.
    #[inline(always)]
    fn own_lookup(
        &mut self,
        code: &CodeData,
        slot: usize,
        r: ObjRef,
        dict: Option<ObjRef>,
        name: Value,
        c: &InlineCache,
    ) -> Option<Value> {
        if dict.is_none() {
            if let Kind::Object(a) = self.heap.kind(r) {
                if let Some((k, v)) = a.at(c.hint as usize) {
                    if k.is(name) {
                        return Some(v);
                    }
                }
            }
        }
        self.own_lookup_slow(code, slot, r, dict, name, c)
    }

    /// `own_lookup` past the hint.
    #[inline(never)]
    fn own_lookup_slow(
        &mut self,
        code: &CodeData,
        slot: usize,
        r: ObjRef,
        dict: Option<ObjRef>,
        name: Value,
        c: &InlineCache,
    ) -> Option<Value> {
        if let Some(d) = dict {
            return self.instance_lookup(code, slot, d, name, c);
        }
        let Kind::Object(a) = self.heap.kind(r) else {
            return None;
        };
        let i = find_interned(a, &self.heap, name)?;
        let v = a.at(i).map(|p| p.1);
        self.remember_hint(code, slot, c, name, i);
        v
    }

    /// Whether a plain instance's own attributes have this name.
    #[inline]
    fn own_has(&self, r: ObjRef, dict: Option<ObjRef>, name: Value) -> bool {
        match dict {
            Some(d) => self.dict_find_str(d, name).is_some(),
            // The filter first, inline: LOAD_METHOD asks this of every instance, and
            // the name of a method is rarely among its attributes.
            None => match self.heap.kind(r) {
                Kind::Object(a) => {
                    !a.is_empty()
                        && a.may_have(name)
                        && find_interned(a, &self.heap, name).is_some()
                }
                _ => false,
            },
        }
    }

    /// Store into a plain instance without a dict: its inline attributes (a new
    /// name is appended), or its dict when they are full. Runs no Python code.
    #[inline(always)]
    fn own_store(
        &mut self,
        code: &CodeData,
        slot: usize,
        r: ObjRef,
        name: Value,
        v: Value,
        c: &InlineCache,
    ) -> PyResult<()> {
        if let Kind::Object(a) = self.heap.kind_mut(r) {
            if let Some((k, _)) = a.at(c.hint as usize) {
                if k.is(name) {
                    a.set_at(c.hint as usize, v);
                    return Ok(());
                }
            }
        }
        self.own_store_slow(code, slot, r, name, v, c)
    }

    /// `own_store` past the hint.
    #[inline(never)]
    fn own_store_slow(
        &mut self,
        code: &CodeData,
        slot: usize,
        r: ObjRef,
        name: Value,
        v: Value,
        c: &InlineCache,
    ) -> PyResult<()> {
        let Kind::Object(a) = self.heap.kind(r) else {
            return Ok(());
        };
        let n = a.len();
        // The site appends at the object's end (an `__init__` filling a new instance
        // from its class's `attr_hint`): room is there and the name certainly is not.
        if c.hint as usize == n
            && n < a.capacity()
            && !a.may_have(name)
            && crate::object::attrs::is_interned(&self.heap, name)
        {
            crate::object::attrs::note_attr_name(&self.heap, name);
            if let Kind::Object(a) = self.heap.kind_mut(r) {
                a.push_in_room(name, v);
            }
            return Ok(());
        }
        let hit = match a.at(c.hint as usize) {
            Some((k, _)) if k.is(name) => Some((c.hint as usize, false)),
            _ => find_interned(a, &self.heap, name).map(|i| (i, true)),
        };
        if let Some((i, remember)) = hit {
            if let Kind::Object(a) = self.heap.kind_mut(r) {
                a.set_at(i, v);
            }
            if remember {
                self.remember_hint(code, slot, c, name, i);
            }
            return Ok(());
        }
        if n < crate::object::attrs::MAX_INLINE_ATTRS {
            let interned = crate::object::attrs::is_interned(&self.heap, name);
            crate::object::attrs::note_attr_name(&self.heap, name);
            let o = self.heap.get_mut(r);
            let cls = o.class;
            if let Kind::Object(a) = &mut o.kind {
                let grew = a.push(name, v, interned);
                self.heap.charge(grew);
            }
            // New instances of the class get room for this many (`attr_hint`).
            if let Kind::Class(cd) = self.heap.kind_mut(cls) {
                cd.attr_hint = cd.attr_hint.max(n as u8 + 1);
            }
            self.remember_hint(code, slot, c, name, n);
            return Ok(());
        }
        let d = self.materialize_dict(r);
        self.dict_set(d, name, v)
    }

    /// The truth of `v` when it needs no Python code: bools, None, ints, and what
    /// `object_truth` decides for objects. None otherwise (floats, calls to
    /// `__bool__`/`__len__`).
    #[inline(always)]
    pub(crate) fn quick_truth(&mut self, code: &CodeData, slot: usize, v: Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(b),
            Value::None => Some(false),
            Value::Int(i) => Some(i != 0),
            Value::Obj(r) => self.object_truth(code, slot, r),
            _ => None,
        }
    }

    /// POP_JUMP_IF_*'s truth value of an object, when no Python code decides it: the
    /// exact built-in str, list, tuple and dict by their emptiness, and plain
    /// instances of classes remembered (per instruction) to be always true. None
    /// otherwise. Runs no Python code. Out of line: the immediates' cases of
    /// `quick_truth` stay small in the loop.
    #[inline(never)]
    pub(crate) fn object_truth(&mut self, code: &CodeData, slot: usize, r: ObjRef) -> Option<bool> {
        let o = self.heap.get(r);
        let (cls, t) = (o.class, &self.types);
        match &o.kind {
            Kind::Object(_) => {
                let c = code.cache(slot);
                if c.a == cls.0 as u64 && c.b == self.mro_cache.epoch() as u64 {
                    return (c.kind == ALWAYS_TRUE).then_some(true);
                }
                self.plain_instance_true(code, slot, Value::Obj(r))
                    .then_some(true)
            }
            Kind::List(l) if cls == t.list => Some(!l.is_empty()),
            Kind::Tuple(l) if cls == t.tuple => Some(!l.is_empty()),
            Kind::Str(s) if cls == t.str => Some(!s.s.is_empty()),
            Kind::Dict(d) if cls == t.dict => Some(!d.is_empty()),
            Kind::Set(s) if cls == t.set => Some(!s.is_empty()),
            _ => None,
        }
    }

    /// Whether `obj` is a plain instance of a class written in Python that defines
    /// neither `__bool__` nor `__len__` (so it is true), remembered per instruction
    /// (POP_JUMP_IF_*, with the registers unpublished: runs no Python code).
    #[inline]
    pub(crate) fn plain_instance_true(&mut self, code: &CodeData, slot: usize, obj: Value) -> bool {
        let Some((_, cls, _)) = self.plain_instance(obj) else {
            return false;
        };
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        if c.a == cls.0 as u64 && c.b == epoch {
            return c.kind == ALWAYS_TRUE;
        }
        let (b, l) = (self.names.__bool__, self.names.__len__);
        let plain = !self.class_data(cls).is_builtin
            && self.class_lookup(cls, b).is_none()
            && self.class_lookup(cls, l).is_none();
        code.set_cache(
            slot,
            InlineCache {
                a: cls.0 as u64,
                b: epoch,
                hint: 0,
                kind: if plain { ALWAYS_TRUE } else { NONE },
                poly: 0,
                value: Value::Undef,
            },
        );
        plain
    }

    /// LOAD_ATTR's cached path: `None` when the generic lookup is needed. Runs no
    /// Python code (the interpreter calls it without publishing its registers).
    #[inline]
    pub(crate) fn load_attr_fast(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        let Some((r, cls, dict)) = self.plain_instance(obj) else {
            return match self.class_attr_cache(code, slot, obj, name) {
                (CLASS_VALUE, v) => Some(v),
                // A getter may run Python code: `load_attr_cached` calls it.
                (NONE, _) => self.other_attr_cached(code, slot, obj, name),
                (_, f) => Some(self.new_bound_method(f, obj)),
            };
        };
        let c = self.attr_cache(code, slot, cls, name);
        if c.kind == NONE {
            return None;
        }
        if c.kind == TYPE_OF {
            // A data descriptor: the instance dict does not hide it.
            return Some(Value::Obj(cls));
        }
        if let Some(v) = self.own_lookup(code, slot, r, dict, name, &c) {
            return Some(v);
        }
        match c.kind {
            METHOD => Some(self.new_bound_method(c.value, obj)),
            INSTANCE if !c.value.is_undef() => Some(c.value),
            _ => None,
        }
    }

    /// How `obj.name` resolves when `obj` is an instance of a native (opaque) class
    /// without an instance dict (see `OPAQUE_METHOD`, `OPAQUE_GETTER`), remembered
    /// per site: `None` for other objects and for every other case.
    #[inline]
    fn opaque_attr_cache(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<(u16, Value)> {
        let Value::Obj(r) = obj else { return None };
        let o = self.heap.get(r);
        if o.dict().is_some() || !matches!(o.kind, Kind::Opaque(_)) {
            return None;
        }
        let key = o.class.0 as u64 | OPAQUE_KEY;
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        if c.a == key && c.b == epoch {
            return (c.kind != NONE).then_some((c.kind, c.value));
        }
        self.opaque_attr_miss(code, slot, o.class, name, c)
    }

    /// The native method `obj.name` when `obj` is an opaque instance (see
    /// `OPAQUE_METHOD`). Out of line: the fast paths of other objects stay small.
    #[inline(never)]
    fn opaque_method(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        match self.opaque_attr_cache(code, slot, obj, name)? {
            (OPAQUE_METHOD, f) => Some(f),
            _ => None,
        }
    }

    #[inline(never)]
    fn opaque_attr_miss(
        &mut self,
        code: &CodeData,
        slot: usize,
        cls: ObjRef,
        name: Value,
        c: InlineCache,
    ) -> Option<(u16, Value)> {
        let ga = self.names.__getattribute__;
        let plan = if !self.class_data(cls).is_builtin && self.user_override(cls, ga).is_some() {
            (NONE, Value::Undef)
        } else {
            match self.class_lookup(cls, name) {
                Some(v @ Value::Obj(d)) => match self.heap.kind(d) {
                    Kind::Native(nf) if nf.binds => (OPAQUE_METHOD, v),
                    Kind::Property(p) => match p[0] {
                        g @ Value::Obj(gr) if matches!(self.heap.kind(gr), Kind::Native(_)) => {
                            (OPAQUE_GETTER, g)
                        }
                        _ => (NONE, Value::Undef),
                    },
                    _ => (NONE, Value::Undef),
                },
                _ => (NONE, Value::Undef),
            }
        };
        let epoch = self.mro_cache.epoch() as u64;
        // A polymorphic site keeps its first entry.
        if c.b != epoch {
            code.set_cache(
                slot,
                InlineCache {
                    a: cls.0 as u64 | OPAQUE_KEY,
                    b: epoch,
                    hint: 0,
                    kind: plan.0,
                    poly: c.poly,
                    value: plan.1,
                },
            );
        }
        (plan.0 != NONE).then_some(plan)
    }

    /// The native method `name` of a built-in container or a generator `obj` (see
    /// `BUILTIN_METHOD`), remembered per site.
    #[inline]
    fn builtin_method_cache(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let o = self.heap.get(r);
        if o.dict().is_some()
            || !matches!(
                o.kind,
                Kind::Str(_)
                    | Kind::List(_)
                    | Kind::Dict(_)
                    | Kind::Set(_)
                    | Kind::Tuple(_)
                    | Kind::Bytes(_)
                    | Kind::ByteArray(_)
                    | Kind::Generator(_)
            )
        {
            return None;
        }
        let cls = o.class;
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        if c.a == cls.0 as u64 && c.b == epoch && c.kind == BUILTIN_METHOD {
            return Some(c.value);
        }
        self.builtin_method_miss(code, slot, cls, name, c)
    }

    #[inline(never)]
    fn builtin_method_miss(
        &mut self,
        code: &CodeData,
        slot: usize,
        cls: ObjRef,
        name: Value,
        c: InlineCache,
    ) -> Option<Value> {
        // Classes written in Python (subclasses of these) may have instance
        // attributes (checked on each use: the instance has no dict) and
        // `__getattribute__` (checked here: the epoch covers a later one).
        let ga = self.names.__getattribute__;
        if !self.class_data(cls).is_builtin && self.user_override(cls, ga).is_some() {
            return None;
        }
        let v @ Value::Obj(d) = self.class_lookup(cls, name)? else {
            return None;
        };
        if !matches!(self.heap.kind(d), Kind::Native(nf) if nf.binds) {
            return None;
        }
        let epoch = self.mro_cache.epoch() as u64;
        // A polymorphic site keeps its first entry.
        if c.b != epoch {
            code.set_cache(
                slot,
                InlineCache {
                    a: cls.0 as u64,
                    b: epoch,
                    hint: 0,
                    kind: BUILTIN_METHOD,
                    poly: c.poly,
                    value: v,
                },
            );
        }
        Some(v)
    }

    /// LOAD_METHOD's cached path (see `load_attr_fast`).
    #[inline]
    pub(crate) fn load_method_fast(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<(Value, Value)> {
        let Some((r, cls, dict)) = self.plain_instance(obj) else {
            if let Some(f) = self.builtin_method_cache(code, slot, obj, name) {
                return Some((f, obj));
            }
            return match self.class_attr_cache(code, slot, obj, name) {
                (CLASS_VALUE, v) => Some((v, Value::Undef)),
                (NONE, _) => self.other_method_cached(code, slot, obj, name),
                (_, f) => Some((f, obj)),
            };
        };
        let c = self.attr_cache(code, slot, cls, name);
        if c.kind != METHOD {
            return None;
        }
        if self.own_has(r, dict, name) {
            return None;
        }
        Some((c.value, obj))
    }

    /// `load_attr_fast` of objects other than plain instances and classes: an opaque
    /// instance's native method (bound), a module's attribute. Out of line: the
    /// interpreter loop inlines `load_attr_fast`, and this stays out of it.
    #[inline(never)]
    fn other_attr_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        if let Some(v) = self.module_attr_cached(code, slot, obj, name) {
            return Some(v);
        }
        let f = self.opaque_method(code, slot, obj, name)?;
        Some(self.new_bound_method(f, obj))
    }

    /// `load_method_fast` of objects other than plain instances, built-in containers
    /// and classes: an opaque instance's native method, a module's attribute (not
    /// bound: `random.random()`), a super object's method. Out of line, as
    /// `other_attr_cached`.
    #[inline(never)]
    fn other_method_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<(Value, Value)> {
        // `super().m(...)`: the commonest here, first.
        if matches!(obj, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Super(..))) {
            return self.super_method_cached(code, slot, obj, name);
        }
        if let Some(f) = self.opaque_method(code, slot, obj, name) {
            return Some((f, obj));
        }
        let v = self.module_attr_cached(code, slot, obj, name)?;
        Some((v, Value::Undef))
    }

    /// `m.name` for a module `m` of the exact module type whose dict has the name
    /// (see `MODULE_ATTR`): the value, remembered per site. `None` for other objects
    /// and names (the generic lookup: data descriptors of the module type, a missing
    /// name's `__getattr__`). Runs no Python code.
    #[inline]
    fn module_attr_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let o = self.heap.get(r);
        let Kind::Module(m) = &o.kind else {
            return None;
        };
        if o.class != self.types.module {
            return None;
        }
        let d = m.dict;
        let c = code.cache(slot);
        if c.kind == MODULE_ATTR && c.b == MODULE_B {
            let v = self.stamped_value(d, c.a, c.hint);
            if !v.is_undef() {
                return Some(v);
            }
        }
        // The module type's own attributes come first when they are data descriptors,
        // and `__class__`/`__dict__` are answered by `special_attr`: dunders are left
        // to the generic lookup, other names only cached when the type has none (it
        // is built in, so that cannot change).
        match self.as_str(name) {
            Some(n) if !n.starts_with("__") => {}
            _ => return None,
        }
        if self.class_lookup(self.types.module, name).is_some() {
            return None;
        }
        let i = self.dict_find_str(d, name)?;
        let v = self.dict_entry(d, i as u32)?.1;
        code.set_cache(
            slot,
            InlineCache {
                a: self.dict_stamp(d),
                b: MODULE_B,
                hint: i as u32,
                kind: MODULE_ATTR,
                poly: c.poly,
                value: Value::Undef,
            },
        );
        Some(v)
    }

    /// LOAD_METHOD's cached path on a super object (see `SUPER_METHOD`): the method
    /// and the instance, as `load_method` gives them (a super object's attributes
    /// never come from the instance). Out of line: other objects' paths stay small.
    #[inline(never)]
    fn super_method_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> Option<(Value, Value)> {
        let Value::Obj(r) = obj else { return None };
        let o = self.heap.get(r);
        let Kind::Super(start, inst @ Value::Obj(ir)) = o.kind else {
            return None;
        };
        // A subclass of super may define `__getattribute__`.
        if o.class != self.types.super_ {
            return None;
        }
        let io = self.heap.get(ir);
        if matches!(io.kind, Kind::Class(_)) {
            return None;
        }
        let key = io.class.0 as u64 | SUPER_KEY;
        let c = code.cache(slot);
        let epoch = self.mro_cache.epoch() as u64;
        if c.a == key && c.b == epoch && c.hint == start.0 && c.kind == SUPER_METHOD {
            return Some((c.value, inst));
        }
        let f = self.super_method_plan(start, io.class, name)?;
        code.set_cache(
            slot,
            InlineCache {
                a: key,
                b: epoch,
                hint: start.0,
                kind: SUPER_METHOD,
                poly: c.poly,
                value: f,
            },
        );
        Some((f, inst))
    }

    /// STORE_ATTR's cached path: false when the generic store is needed.
    #[inline]
    pub(crate) fn store_attr_fast(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
        v: Value,
    ) -> bool {
        let Some((r, cls, dict)) = self.plain_instance(obj) else {
            return false;
        };
        let c = self.attr_cache(code, slot, cls, name);
        if c.kind == NONE || c.kind == TYPE_OF {
            return false;
        }
        let Some(d) = dict else {
            return self.own_store(code, slot, r, name, v, &c).is_ok();
        };
        if let Some((k, _)) = self.dict_entry(d, c.hint) {
            if k.is(name) {
                if let Kind::Dict(x) = self.heap.kind_mut(d) {
                    crate::object::dict_table::unshared(x).set_value_at(c.hint as usize, v);
                }
                return true;
            }
        }
        if let Some(i) = self.dict_find_str(d, name) {
            if let Kind::Dict(x) = self.heap.kind_mut(d) {
                crate::object::dict_table::unshared(x).set_value_at(i, v);
            }
            self.remember_hint(code, slot, &c, name, i);
            return true;
        }
        // A str key: hashing and inserting run no Python code.
        self.dict_set(d, name, v).is_ok()
    }

    /// LOAD_ATTR with an inline cache.
    #[inline]
    pub(crate) fn load_attr_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> PyResult<Value> {
        if let Some((r, cls, dict)) = self.plain_instance(obj) {
            let c = self.attr_cache(code, slot, cls, name);
            if c.kind == TYPE_OF {
                return Ok(Value::Obj(cls));
            }
            if c.kind != NONE {
                if let Some(v) = self.own_lookup(code, slot, r, dict, name, &c) {
                    return Ok(v);
                }
                if c.kind == METHOD {
                    return Ok(self.new_bound_method(c.value, obj));
                }
            }
        } else if let Some((OPAQUE_GETTER, g)) = self.opaque_attr_cache(code, slot, obj, name) {
            return self.call(g, &[obj], &[]);
        }
        self.getattr(obj, name)
    }

    /// LOAD_METHOD with an inline cache.
    #[inline]
    pub(crate) fn load_method_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
    ) -> PyResult<(Value, Value)> {
        if let Some((r, cls, dict)) = self.plain_instance(obj) {
            let c = self.attr_cache(code, slot, cls, name);
            if c.kind == METHOD && !self.own_has(r, dict, name) {
                return Ok((c.value, obj));
            }
        }
        self.load_method(obj, name)
    }

    /// STORE_ATTR with an inline cache.
    #[inline]
    pub(crate) fn store_attr_cached(
        &mut self,
        code: &CodeData,
        slot: usize,
        obj: Value,
        name: Value,
        v: Value,
    ) -> PyResult<()> {
        if let Some((r, cls, dict)) = self.plain_instance(obj) {
            let c = self.attr_cache(code, slot, cls, name);
            if c.kind != NONE && c.kind != TYPE_OF {
                let Some(d) = dict else {
                    return self.own_store(code, slot, r, name, v, &c);
                };
                if let Some((k, _)) = self.dict_entry(d, c.hint) {
                    if k.is(name) {
                        if let Kind::Dict(x) = self.heap.kind_mut(d) {
                            crate::object::dict_table::unshared(x).set_value_at(c.hint as usize, v);
                        }
                        return Ok(());
                    }
                }
                if let Some(i) = self.dict_find_str(d, name) {
                    if let Kind::Dict(x) = self.heap.kind_mut(d) {
                        crate::object::dict_table::unshared(x).set_value_at(i, v);
                    }
                    self.remember_hint(code, slot, &c, name, i);
                    return Ok(());
                }
                return self.dict_set(d, name, v);
            }
        }
        self.setattr(obj, name, v)
    }

    /// Remember where a name sat in an instance dict: in the site's cache if it is
    /// cached for this class, else in the site's polymorphic set, and in the class's
    /// plan.
    #[inline]
    fn remember_hint(
        &mut self,
        code: &CodeData,
        slot: usize,
        c: &InlineCache,
        name: Value,
        i: usize,
    ) {
        let cur = code.cache(slot);
        if cur.a == c.a && cur.b == c.b {
            let mut nc = cur;
            nc.hint = i as u32;
            code.set_cache(slot, nc);
        }
        if let Value::Obj(nr) = name {
            let cls = ObjRef(c.a as u32);
            if cur.poly != 0 {
                self.mro_cache.poly_set_hint(cur.poly, cls, nr, i as u32);
            }
            self.mro_cache.set_plan_hint(cls, nr, i as u32);
        }
    }
}

//! Assigning `C.__bases__`: CPython's `type_set_bases` (the checks, in its order and
//! with its messages), then the MRO of `C` and of every subclass recomputed, all
//! or nothing, and the attribute caches invalidated.

use crate::object::{BaseKind, Kind};
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// `cls.__bases__ = value` (`value` is `None` for `del cls.__bases__`).
    pub(crate) fn set_bases(&mut self, cls: ObjRef, value: Option<Value>) -> PyResult<()> {
        let name = self.class_name(cls);
        let Some(value) = value else {
            // (CPython checks for a built-in type first: "cannot set".)
            let what = if self.class_data(cls).is_builtin {
                "set"
            } else {
                "delete"
            };
            return Err(self.new_type_error(format!(
                "cannot {what} '__bases__' attribute of immutable type '{name}'"
            )));
        };
        let items = match value {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Tuple(_)) => self.tuple_items(value),
            _ => {
                let t = self.type_name(value);
                return Err(self.new_type_error(format!(
                    "can only assign tuple to {name}.__bases__, not {t}"
                )));
            }
        };
        if items.is_empty() {
            return Err(self.new_type_error(format!(
                "can only assign non-empty tuple to {name}.__bases__, not ()"
            )));
        }
        let mut bases = Vec::with_capacity(items.len());
        for b in items {
            let Some(br) = b
                .obj()
                .filter(|r| matches!(self.heap.kind(*r), Kind::Class(_)))
            else {
                let t = self.type_name(b);
                return Err(self.new_type_error(format!(
                    "{name}.__bases__ must be tuple of classes, not '{t}'"
                )));
            };
            if self.is_subclass_ref(br, cls) {
                return Err(
                    self.new_type_error("a __bases__ item causes an inheritance cycle".into())
                );
            }
            bases.push(br);
        }
        let new_base = self.best_base(&bases)?;
        let old_base = self.best_base(&self.class_data(cls).bases.clone())?;
        self.check_layout_assignment(old_base, new_base)?;
        // The classes whose MRO goes through `cls`, oldest first (a deterministic
        // order: creation serial numbers).
        let mut affected: Vec<(u64, ObjRef)> = self
            .heap
            .objects()
            .filter_map(|(i, o)| match &o.kind {
                Kind::Class(c) if c.mro.iter().skip(1).any(|m| *m == cls) => {
                    Some((o.serial, ObjRef(i as u32)))
                }
                _ => None,
            })
            .collect();
        affected.sort_unstable();
        let old_bases = std::mem::replace(&mut self.class_data_mut(cls).bases, bases);
        let mut saved = vec![(cls, self.class_data(cls).mro.clone())];
        saved.extend(
            affected
                .iter()
                .map(|&(_, s)| (s, self.class_data(s).mro.clone())),
        );
        let result = self.recompute_mros(cls, &affected);
        self.mro_cache.invalidate();
        if let Err(e) = result {
            // All or nothing: the old bases and every old MRO back.
            self.class_data_mut(cls).bases = old_bases;
            for (c, mro) in saved {
                self.class_data_mut(c).mro = mro;
            }
            self.mro_cache.invalidate();
            return Err(e);
        }
        // A `__del__` inherited through the new bases.
        self.note_finalizer_class(cls);
        for (_, s) in affected {
            self.note_finalizer_class(s);
        }
        Ok(())
    }

    /// The MRO of `cls`, then of its subclasses (each after the bases it has among
    /// them, so it merges their new MROs).
    fn recompute_mros(&mut self, cls: ObjRef, affected: &[(u64, ObjRef)]) -> PyResult<()> {
        let bases = self.class_data(cls).bases.clone();
        let mro = self.c3_mro(cls, &bases)?;
        self.class_data_mut(cls).mro = mro;
        let mut pending: Vec<ObjRef> = affected.iter().map(|&(_, s)| s).collect();
        while !pending.is_empty() {
            let i = pending
                .iter()
                .position(|s| {
                    let bs = &self.class_data(*s).bases;
                    !bs.iter().any(|b| pending.contains(b))
                })
                .unwrap_or(0);
            let s = pending.remove(i);
            let bases = self.class_data(s).bases.clone();
            let mro = self.c3_mro(s, &bases)?;
            self.class_data_mut(s).mro = mro;
        }
        Ok(())
    }

    fn class_data_mut(&mut self, cls: ObjRef) -> &mut crate::object::ClassData {
        match self.heap.kind_mut(cls) {
            Kind::Class(c) => c,
            _ => panic!("revpy internal error: not a class"),
        }
    }

    /// CPython's `best_base`: the base whose instance layout the others' extend,
    /// or "multiple bases have instance lay-out conflict".
    fn best_base(&mut self, bases: &[ObjRef]) -> PyResult<ObjRef> {
        let mut winner: Option<(ObjRef, ObjRef)> = None;
        for &b in bases {
            let bd = self.class_data(b);
            if matches!(bd.base_kind, BaseKind::Bool | BaseKind::NoneType)
                || b == self.types.slice
                || b == self.types.range
                || b == self.types.function
                || b == self.types.generator
            {
                let bn = self.class_name(b);
                return Err(
                    self.new_type_error(format!("type '{bn}' is not an acceptable base type"))
                );
            }
            let cand = self.solid_base(b);
            match winner {
                None => winner = Some((cand, b)),
                Some((w, _)) => {
                    if self.is_subclass_ref(w, cand) {
                        // The winner's layout extends the candidate's.
                    } else if self.is_subclass_ref(cand, w) {
                        winner = Some((cand, b));
                    } else {
                        return Err(self.new_type_error(
                            "multiple bases have instance lay-out conflict".into(),
                        ));
                    }
                }
            }
        }
        Ok(winner.map_or(self.types.object, |w| w.1))
    }

    /// The class's `tp_base`: a built-in type's first base, a user class's best base.
    pub(crate) fn tp_base(&mut self, cls: ObjRef) -> Option<ObjRef> {
        let bases = self.class_data(cls).bases.clone();
        if self.class_data(cls).is_builtin {
            return bases.first().copied();
        }
        self.best_base(&bases).ok()
    }

    /// The slot names `cls` adds to its base's (`__slots__` entries, no `__dict__`).
    fn own_slots(&mut self, cls: ObjRef) -> Vec<Value> {
        if self.class_data(cls).is_builtin {
            return vec![];
        }
        let mine = self
            .class_slots(cls)
            .map(|s| s.to_vec())
            .unwrap_or_default();
        let inherited = match self.tp_base(cls) {
            Some(b) if !self.class_data(b).is_builtin => {
                self.class_slots(b).map(|s| s.len()).unwrap_or(0)
            }
            _ => 0,
        };
        mine[inherited.min(mine.len())..].to_vec()
    }

    /// Whether instances of `cls` have a `__dict__`.
    fn has_dict(&self, cls: ObjRef) -> bool {
        let c = self.class_data(cls);
        !c.is_builtin && c.slots.is_none()
    }

    /// CPython's `solid_base`: the nearest class along `tp_base` that adds instance
    /// fields other than `__dict__` (slots, or a built-in type's own layout).
    fn solid_base(&mut self, cls: ObjRef) -> ObjRef {
        let mut c = cls;
        loop {
            if self.class_data(c).is_builtin {
                // object, and the built-in types that extend its layout.
                return c;
            }
            if !self.own_slots(c).is_empty() {
                return c;
            }
            match self.tp_base(c) {
                Some(b) => c = b,
                None => return c,
            }
        }
    }

    /// Whether the layout of `child` is its `tp_base`'s (CPython's
    /// `compatible_with_tp_base`): no slots and no `__dict__` of its own.
    fn same_layout_as_base(&mut self, child: ObjRef) -> Option<ObjRef> {
        if self.class_data(child).is_builtin {
            return None;
        }
        let base = self.tp_base(child)?;
        (self.own_slots(child).is_empty() && self.has_dict(child) == self.has_dict(base))
            .then_some(base)
    }

    /// CPython's `compatible_for_assignment(oldto, newto, "__bases__")`.
    fn check_layout_assignment(&mut self, oldto: ObjRef, newto: ObjRef) -> PyResult<()> {
        // Built-in types whose instances the collector does not track: their
        // deallocator differs from a class written in Python's.
        let untracked = |vm: &Vm, c: ObjRef| {
            let d = vm.class_data(c);
            d.is_builtin
                && matches!(
                    d.base_kind,
                    BaseKind::Object
                        | BaseKind::Int
                        | BaseKind::Float
                        | BaseKind::Str
                        | BaseKind::Bytes
                        | BaseKind::Complex
                )
        };
        let (a, b) = (self.class_name(newto), self.class_name(oldto));
        if untracked(self, newto) != untracked(self, oldto) {
            return Err(self.new_type_error(format!(
                "__bases__ assignment: '{a}' deallocator differs from '{b}'"
            )));
        }
        let mut nb = newto;
        while let Some(p) = self.same_layout_as_base(nb) {
            nb = p;
        }
        let mut ob = oldto;
        while let Some(p) = self.same_layout_as_base(ob) {
            ob = p;
        }
        let (ns, os) = (self.own_slots(nb), self.own_slots(ob));
        if nb != ob
            && (self.tp_base(nb) != self.tp_base(ob)
                || self.class_data(nb).is_builtin
                || self.class_data(ob).is_builtin
                || self.class_data(nb).base_kind != self.class_data(ob).base_kind
                || self.has_dict(nb) != self.has_dict(ob)
                || !slot_names_equal(self, &ns, &os))
        {
            return Err(self.new_type_error(format!(
                "__bases__ assignment: '{a}' object layout differs from '{b}'"
            )));
        }
        Ok(())
    }
}

fn slot_names_equal(vm: &Vm, a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(p, q)| vm.str_of(*p) == vm.str_of(*q))
}

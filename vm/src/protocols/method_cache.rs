//! The method cache: a direct-mapped table memoizing MRO lookups by (class, name).
//!
//! Entries are validated by an epoch that is bumped whenever any class namespace
//! changes and at every garbage collection (so a freed class slot can never match).
//! The cache never changes what a program observes, only how fast it finds it.

use crate::object::{ObjRef, Value};

const SIZE: usize = 4096;

#[derive(Clone, Copy, Debug)]
struct Entry {
    cls: u32,
    name: u32,
    epoch: u32,
    /// Found in a class that is not built in (a user override).
    user: bool,
    value: Option<Value>,
}

const EMPTY: Entry = Entry {
    cls: u32::MAX,
    name: u32::MAX,
    epoch: 0,
    user: false,
    value: None,
};

/// One class's attribute plan in a polymorphic instruction site's set (see
/// `interp::inline`): valid while `cls`, `name` and `epoch` match, whichever site
/// looks at it (a plan depends on the class and the name only).
#[derive(Clone, Copy, Debug)]
pub struct PolyEntry {
    pub cls: u32,
    pub name: u32,
    pub epoch: u32,
    /// Instance-dict or inline-attribute position hint.
    pub hint: u32,
    pub kind: u16,
    pub value: Value,
}

const POLY_EMPTY: PolyEntry = PolyEntry {
    cls: u32::MAX,
    name: u32::MAX,
    epoch: 0,
    hint: 0,
    kind: 0,
    value: Value::Undef,
};

/// Classes remembered per polymorphic site, besides the inline cache's own.
pub const POLY_WAYS: usize = 4;
/// The most sets handed out (set numbers are u16; 0 is no set).
const POLY_MAX: usize = u16::MAX as usize;

/// Cloning gives an empty cache at the same epoch (snapshots stay cheap: a cache
/// never changes behaviour, and the tables are allocated again on first use).
#[derive(Debug)]
pub struct MethodCache {
    entries: Vec<Entry>,
    /// Attribute-access plans by (class, name) for polymorphic instruction sites
    /// (see `interp::inline`): the class attribute and the plan kind.
    plans: Vec<(Entry, u32, u32)>,
    /// The polymorphic sites' sets, numbered from 1 (inline caches keep the number).
    poly: Vec<[PolyEntry; POLY_WAYS]>,
    epoch: u32,
    /// A debugger evaluation's copy: epochs come from `ISOLATED_EPOCHS`.
    isolated: bool,
    /// (class, epoch): the last class found to be a plain subclass of list
    /// (`Vm::plain_list_subclass`), valid at that epoch.
    plain_list: (u32, u32),
}

impl Default for MethodCache {
    fn default() -> Self {
        MethodCache {
            entries: vec![],
            plans: vec![],
            poly: vec![],
            epoch: 1,
            isolated: false,
            plain_list: (u32::MAX, 0),
        }
    }
}

impl Clone for MethodCache {
    fn clone(&self) -> Self {
        MethodCache {
            entries: vec![],
            plans: vec![],
            poly: vec![],
            epoch: self.epoch,
            isolated: self.isolated,
            plain_list: (u32::MAX, 0),
        }
    }
}

/// Epochs handed to isolated copies (see `MethodCache::isolate`): far above any
/// epoch a program reaches, each used once.
static ISOLATED_EPOCHS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1 << 31);

#[inline]
fn slot(cls: ObjRef, name: ObjRef) -> usize {
    ((cls.0.wrapping_mul(0x9e37_79b1) ^ name.0.wrapping_mul(0x85eb_ca6b)) >> 4) as usize
        & (SIZE - 1)
}

impl MethodCache {
    /// The cached lookup: (value, found in a user class).
    #[inline]
    pub fn get(&self, cls: ObjRef, name: ObjRef) -> Option<(Option<Value>, bool)> {
        let e = self.entries.get(slot(cls, name))?;
        if e.cls == cls.0 && e.name == name.0 && e.epoch == self.epoch {
            Some((e.value, e.user))
        } else {
            None
        }
    }

    #[inline]
    pub fn put(&mut self, cls: ObjRef, name: ObjRef, value: Option<Value>, user: bool) {
        if self.entries.is_empty() {
            self.entries = vec![EMPTY; SIZE];
        }
        self.entries[slot(cls, name)] = Entry {
            cls: cls.0,
            name: name.0,
            epoch: self.epoch,
            user,
            value,
        };
    }

    /// A remembered attribute plan: (kind, class attribute, instance-dict hint).
    #[inline]
    pub fn plan(&self, cls: ObjRef, name: ObjRef) -> Option<(u32, Option<Value>, u32)> {
        let (e, kind, hint) = self.plans.get(slot(cls, name))?;
        if e.cls == cls.0 && e.name == name.0 && e.epoch == self.epoch {
            Some((*kind, e.value, *hint))
        } else {
            None
        }
    }

    #[inline]
    pub fn put_plan(&mut self, cls: ObjRef, name: ObjRef, kind: u32, value: Option<Value>) {
        if self.plans.is_empty() {
            self.plans = vec![(EMPTY, 0, 0); SIZE];
        }
        self.plans[slot(cls, name)] = (
            Entry {
                cls: cls.0,
                name: name.0,
                epoch: self.epoch,
                user: false,
                value,
            },
            kind,
            0,
        );
    }

    /// Remember where instances of `cls` keep `name` in their dict.
    #[inline]
    pub fn set_plan_hint(&mut self, cls: ObjRef, name: ObjRef, hint: u32) {
        let Some(p) = self.plans.get_mut(slot(cls, name)) else {
            return;
        };
        if p.0.cls == cls.0 && p.0.name == name.0 && p.0.epoch == self.epoch {
            p.2 = hint;
        }
    }

    /// The plan of (`cls`, `name`) in polymorphic set `set`: (kind, class attribute,
    /// hint).
    #[inline]
    pub fn poly_get(&self, set: u16, cls: ObjRef, name: ObjRef) -> Option<(u16, Value, u32)> {
        let ways = self.poly.get((set as usize).wrapping_sub(1))?;
        ways.iter()
            .find(|e| e.cls == cls.0 && e.name == name.0 && e.epoch == self.epoch)
            .map(|e| (e.kind, e.value, e.hint))
    }

    /// Remember a plan in set `set` (a new set if `set` is 0 or not this cache's),
    /// displacing the oldest. Returns the set's number (0: none, too many sets).
    pub fn poly_put(
        &mut self,
        set: u16,
        cls: ObjRef,
        name: ObjRef,
        kind: u16,
        value: Value,
        hint: u32,
    ) -> u16 {
        let mut i = (set as usize).wrapping_sub(1);
        if i >= self.poly.len() {
            if self.poly.len() >= POLY_MAX {
                return 0;
            }
            self.poly.push([POLY_EMPTY; POLY_WAYS]);
            i = self.poly.len() - 1;
        }
        let epoch = self.epoch;
        let ways = &mut self.poly[i];
        let e = PolyEntry {
            cls: cls.0,
            name: name.0,
            epoch,
            hint,
            kind,
            value,
        };
        // A stale entry or this class's goes first; else the oldest.
        let at = ways
            .iter()
            .position(|w| w.epoch != epoch || (w.cls == cls.0 && w.name == name.0))
            .unwrap_or(POLY_WAYS - 1);
        ways.copy_within(0..at, 1);
        ways[0] = e;
        (i + 1) as u16
    }

    /// Remember the position hint of (`cls`, `name`) in set `set`.
    #[inline]
    pub fn poly_set_hint(&mut self, set: u16, cls: ObjRef, name: ObjRef, hint: u32) {
        let epoch = self.epoch;
        let Some(ways) = self.poly.get_mut((set as usize).wrapping_sub(1)) else {
            return;
        };
        if let Some(e) = ways
            .iter_mut()
            .find(|e| e.cls == cls.0 && e.name == name.0 && e.epoch == epoch)
        {
            e.hint = hint;
        }
    }

    /// Whether `cls` was found a plain subclass of list at this epoch.
    #[inline]
    pub fn is_plain_list(&self, cls: ObjRef) -> bool {
        self.plain_list == (cls.0, self.epoch)
    }

    /// Remember `cls` as a plain subclass of list (until the epoch moves).
    pub fn set_plain_list(&mut self, cls: ObjRef) {
        self.plain_list = (cls.0, self.epoch);
    }

    /// The current epoch (inline caches remember it).
    #[inline]
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// Give this copy of a VM (a debugger evaluation) epochs no other copy and no
    /// replay uses, so what it caches while it mutates classes can never be
    /// mistaken for the program's state by code objects shared with them.
    pub fn isolate(&mut self) {
        self.entries.clear();
        self.plans.clear();
        self.poly.clear();
        self.isolated = true;
        self.epoch = ISOLATED_EPOCHS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Forget everything (a class changed, or objects were freed).
    pub fn invalidate(&mut self) {
        if self.isolated {
            self.entries.clear();
            self.plans.clear();
            self.poly.clear();
            self.epoch = ISOLATED_EPOCHS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return;
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.entries.fill(EMPTY);
            self.plans.fill((EMPTY, 0, 0));
            self.poly.clear();
            self.epoch = 1;
        }
    }
}

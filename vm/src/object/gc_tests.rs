//! Tests of the generational collector on a bare heap: the write barrier keeps
//! young objects stored in old ones, minor collections free young garbage (also
//! what survived one of them), and the verifier catches a store that bypassed the
//! barrier.

use crate::object::{Heap, Kind, ObjRef, Value};

/// A heap with a class object (its own class) and an old, empty list rooted (old:
/// it survived two minor collections).
fn heap_with_old_list() -> (Heap, ObjRef, ObjRef) {
    let mut h = Heap::new();
    h.verify = true;
    let cls = h.alloc(ObjRef(0), Kind::NotImplemented);
    let list = h.alloc(cls, Kind::List(vec![]));
    minor(&mut h, &[cls, list]);
    assert_eq!(h.aged.len(), 2);
    minor(&mut h, &[cls, list]);
    assert!(h.young.is_empty() && h.aged.is_empty());
    (h, cls, list)
}

fn minor(h: &mut Heap, roots: &[ObjRef]) {
    h.collect_minor(&mut |mark: &mut dyn FnMut(Value)| {
        roots.iter().for_each(|r| mark(Value::Obj(*r)))
    });
}

fn full(h: &mut Heap, roots: &[ObjRef]) {
    h.collect(&mut |mark: &mut dyn FnMut(Value)| roots.iter().for_each(|r| mark(Value::Obj(*r))));
}

fn list_mut(h: &mut Heap, r: ObjRef) -> &mut Vec<Value> {
    match h.kind_mut(r) {
        Kind::List(v) => v,
        _ => unreachable!(),
    }
}

#[test]
fn young_object_stored_in_old_one_survives_minor() {
    let (mut h, cls, list) = heap_with_old_list();
    let y = h.alloc(cls, Kind::Tuple(vec![]));
    let serial = h.get(y).serial;
    list_mut(&mut h, list).push(Value::Obj(y));
    assert!(h.get(list).remembered());
    assert_eq!(h.remembered.len(), 1);
    minor(&mut h, &[cls, list]);
    assert!(h.serial_at(y, serial), "the young tuple was freed");
    // Still young (it survived one minor collection): the list stays remembered.
    assert!(h.get(list).remembered() && h.remembered.len() == 1);
    minor(&mut h, &[cls, list]);
    assert!(h.serial_at(y, serial));
    assert!(!h.get(list).remembered() && h.remembered.is_empty());
    // Promoted: a minor collection keeps it even unreachable; a full one frees it.
    list_mut(&mut h, list).clear();
    minor(&mut h, &[cls, list]);
    assert!(h.serial_at(y, serial));
    full(&mut h, &[cls, list]);
    assert!(!h.serial_at(y, serial));
}

#[test]
fn minor_collection_frees_young_garbage_only() {
    let (mut h, cls, list) = heap_with_old_list();
    let old = h.alloc(cls, Kind::Tuple(vec![]));
    minor(&mut h, &[cls, list, old]);
    minor(&mut h, &[cls, list, old]);
    let live = h.live;
    for _ in 0..100 {
        h.alloc(cls, Kind::Tuple(vec![]));
    }
    assert_eq!(h.live, live + 100);
    minor(&mut h, &[cls, list]);
    assert_eq!(
        h.live, live,
        "young garbage freed, the old unreachable tuple kept"
    );
    assert!(matches!(h.kind(old), Kind::Tuple(_)));
    // Freed slots are reused lowest first.
    let again = h.alloc(cls, Kind::Tuple(vec![]));
    assert_eq!(again.0, old.0 + 1);
}

#[test]
fn old_growth_counts_promoted_and_grown_objects() {
    let (mut h, cls, list) = heap_with_old_list();
    let before = h.old_growth;
    let y = h.alloc(cls, Kind::List(Vec::with_capacity(4)));
    list_mut(&mut h, list).extend(std::iter::repeat_n(Value::Obj(y), 100));
    minor(&mut h, &[cls, list]);
    // Promoted by the second.
    minor(&mut h, &[cls, list]);
    let grown = h.old_growth - before;
    // The young list (64 + 4 * 16) and the old one's growth (at least 100 * 16).
    assert!(grown >= 64 + 64 + 1600, "{grown}");
}

#[test]
#[should_panic(expected = "missed the barrier")]
fn verifier_catches_a_store_without_the_barrier() {
    let (mut h, cls, list) = heap_with_old_list();
    let y = h.alloc(cls, Kind::Tuple(vec![]));
    match &mut h.get_mut_unbarriered(list).kind {
        Kind::List(v) => v.push(Value::Obj(y)),
        _ => unreachable!(),
    }
    minor(&mut h, &[cls, list]);
}

#[test]
fn survivor_of_one_minor_collection_is_still_young() {
    let (mut h, cls, list) = heap_with_old_list();
    let t = h.alloc(cls, Kind::Tuple(vec![]));
    let serial = h.get(t).serial;
    minor(&mut h, &[cls, list, t]);
    assert!(h.serial_at(t, serial));
    // Unreachable before it was promoted: a minor collection frees it.
    minor(&mut h, &[cls, list]);
    assert!(!h.serial_at(t, serial));
}

#[test]
fn promoted_object_pointing_at_a_new_one_is_remembered() {
    let (mut h, cls, list) = heap_with_old_list();
    let outer = h.alloc(cls, Kind::List(vec![]));
    minor(&mut h, &[cls, list, outer]);
    // A store into a young object: no barrier.
    let inner = h.alloc(cls, Kind::Tuple(vec![]));
    assert!(!h.get(outer).remembered());
    list_mut(&mut h, outer).push(Value::Obj(inner));
    assert!(h.remembered.is_empty());
    // `outer` is promoted while `inner` stays young: `outer` is remembered (the
    // verifier checks it at the next minor collection).
    minor(&mut h, &[cls, list, outer]);
    assert!(h.get(outer).remembered());
    let serial = h.get(inner).serial;
    minor(&mut h, &[cls, list, outer]);
    assert!(h.serial_at(inner, serial));
    assert!(!h.get(outer).remembered());
}

/// An old list of `n` old items (old: the items survived two minor collections).
fn heap_with_long_old_list(n: usize) -> (Heap, ObjRef, ObjRef) {
    let (mut h, cls, list) = heap_with_old_list();
    for _ in 0..n {
        let x = h.alloc(cls, Kind::NotImplemented);
        list_mut(&mut h, list).push(Value::Obj(x));
    }
    minor(&mut h, &[cls, list]);
    minor(&mut h, &[cls, list]);
    assert!(h.young.is_empty() && h.aged.is_empty() && h.remembered.is_empty());
    (h, cls, list)
}

#[test]
fn long_old_list_appended_to_is_remembered_for_its_tail() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, list) = heap_with_long_old_list(n);
    let young = h.alloc(cls, Kind::NotImplemented);
    h.list_for_append(list).unwrap().push(Value::Obj(young));
    assert!(h.get(list).remembered() && h.get(list).remembered_partially());
    assert_eq!(h.remembered[0].from, n as u32);
    // The young item survives; the list stays remembered from the first item that
    // points at a new object.
    minor(&mut h, &[cls, list]);
    assert!(matches!(h.get(young).kind, Kind::NotImplemented));
    assert!(h.get(list).remembered_partially());
    assert_eq!(h.remembered[0].from, n as u32);
    // Another append, then the first young item is promoted: the mark moves on.
    let second = h.alloc(cls, Kind::NotImplemented);
    h.list_for_append(list).unwrap().push(Value::Obj(second));
    minor(&mut h, &[cls, list]);
    assert_eq!(h.remembered.len(), 1);
    assert_eq!(h.remembered[0].from, n as u32 + 1);
    minor(&mut h, &[cls, list]);
    assert!(h.remembered.is_empty() && !h.get(list).remembered());
}

#[test]
fn other_write_to_a_partially_remembered_list_remembers_it_whole() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, list) = heap_with_long_old_list(n);
    let a = h.alloc(cls, Kind::NotImplemented);
    h.list_for_append(list).unwrap().push(Value::Obj(a));
    assert!(h.get(list).remembered_partially());
    // A young object stored at the head: the entry now covers the whole list
    // (the verifier in `minor` would panic otherwise), and the object survives.
    let b = h.alloc(cls, Kind::NotImplemented);
    list_mut(&mut h, list)[0] = Value::Obj(b);
    assert!(h.get(list).remembered() && !h.get(list).remembered_partially());
    assert_eq!(h.remembered.len(), 1);
    assert_eq!(h.remembered[0].from, 0);
    minor(&mut h, &[cls, list]);
    assert!(matches!(h.get(b).kind, Kind::NotImplemented));
}

#[test]
fn short_old_list_appended_to_is_remembered_whole() {
    let (mut h, cls, list) = heap_with_long_old_list(3);
    let a = h.alloc(cls, Kind::NotImplemented);
    h.list_for_append(list).unwrap().push(Value::Obj(a));
    assert!(h.get(list).remembered() && !h.get(list).remembered_partially());
    assert_eq!(h.remembered[0].from, 0);
}

#[test]
#[should_panic(expected = "missed the barrier")]
fn verifier_catches_a_young_item_before_the_tail_mark() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, list) = heap_with_long_old_list(n);
    let a = h.alloc(cls, Kind::NotImplemented);
    h.list_for_append(list).unwrap().push(Value::Obj(a));
    // A store at the head through the append barrier breaks its contract.
    let b = h.alloc(cls, Kind::NotImplemented);
    h.list_for_append(list).unwrap()[0] = Value::Obj(b);
    minor(&mut h, &[cls, list]);
}

/// A heap with a class and an old dict of `n` entries (int keys and values).
fn heap_with_old_dict(n: usize) -> (Heap, ObjRef, ObjRef) {
    let mut h = Heap::new();
    h.verify = true;
    let cls = h.alloc(ObjRef(0), Kind::NotImplemented);
    let mut d = crate::object::dict_table::Dict::new();
    for k in 0..n as i64 {
        d.insert_new(k, Value::Int(k), Value::Int(k));
    }
    let dict = h.alloc(cls, Kind::Dict(std::rc::Rc::new(d)));
    minor(&mut h, &[cls, dict]);
    minor(&mut h, &[cls, dict]);
    assert!(h.young.is_empty() && h.aged.is_empty() && h.remembered.is_empty());
    (h, cls, dict)
}

#[test]
fn big_old_dict_inserted_into_is_remembered_for_its_new_entries() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, dict) = heap_with_old_dict(n);
    let k = h.alloc(cls, Kind::NotImplemented);
    h.dict_for_insert(dict)
        .insert_new(-1, Value::Obj(k), Value::None);
    assert!(h.get(dict).remembered_partially());
    assert_eq!(h.remembered[0].from, n as u32);
    // The young key survives; the dict stays remembered from its entry.
    minor(&mut h, &[cls, dict]);
    assert!(matches!(h.get(k).kind, Kind::NotImplemented));
    assert!(h.get(dict).remembered_partially());
    assert_eq!(h.remembered[0].from, n as u32);
    // A young value stored in an old entry: remembered whole from then on.
    let v = h.alloc(cls, Kind::NotImplemented);
    match h.kind_mut(dict) {
        Kind::Dict(d) => crate::object::dict_table::unshared(d).set_value_at(0, Value::Obj(v)),
        _ => unreachable!(),
    }
    assert!(h.get(dict).remembered() && !h.get(dict).remembered_partially());
    assert_eq!(h.remembered[0].from, 0);
    minor(&mut h, &[cls, dict]);
    assert!(matches!(h.get(v).kind, Kind::NotImplemented));
    minor(&mut h, &[cls, dict]);
    minor(&mut h, &[cls, dict]);
    assert!(h.remembered.is_empty());
}

/// The dict's entries as (key, value) pairs (for checking what survived).
fn dict_items(h: &Heap, dict: ObjRef) -> Vec<(Value, Value)> {
    match h.kind(dict) {
        Kind::Dict(d) => d.items(),
        _ => unreachable!(),
    }
}

#[test]
fn deleting_from_an_old_dict_does_not_remember_it() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, dict) = heap_with_old_dict(n + 1);
    h.dict_remove_at(dict, 0);
    assert!(!h.get(dict).remembered() && h.remembered.is_empty());
    // An insert after a deletion is remembered from the new entry on.
    let k = h.alloc(cls, Kind::NotImplemented);
    h.dict_for_insert(dict)
        .insert_new(-1, Value::Obj(k), Value::None);
    assert!(h.get(dict).remembered_partially());
    assert_eq!(h.remembered[0].from, n as u32 + 1);
    minor(&mut h, &[cls, dict]);
    assert!(matches!(h.get(k).kind, Kind::NotImplemented));
}

/// Inserts that rebuild a table with deleted entries move the live ones down: the
/// mark of the partial remembrance moves with them (else the verifier panics on
/// a young entry before the mark).
#[test]
fn compacting_an_old_dict_moves_its_mark() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, dict) = heap_with_old_dict(2 * n);
    for ix in 0..n / 2 {
        h.dict_remove_at(dict, ix);
    }
    let mut compacted = false;
    for i in 0..4 * n as i64 {
        let k = h.alloc(cls, Kind::NotImplemented);
        let partial = h.get(dict).remembered_partially();
        let d = h.dict_for_insert(dict);
        compacted |= partial && d.insert_compacts();
        d.insert_new(-1 - i, Value::Obj(k), Value::Int(i));
        if i % 7 == 0 {
            minor(&mut h, &[cls, dict]);
        }
    }
    assert!(compacted);
    assert!(h.get(dict).remembered_partially());
    minor(&mut h, &[cls, dict]);
    let items = dict_items(&h, dict);
    assert_eq!(items.len(), 2 * n - n / 2 + 4 * n);
    for (k, v) in &items[2 * n - n / 2..] {
        let (Value::Obj(k), Value::Int(_)) = (k, v) else {
            panic!("entry")
        };
        assert!(matches!(h.get(*k).kind, Kind::NotImplemented));
    }
}

/// Deleting the last entries of a partially remembered dict brings its end below
/// the mark: the mark comes down, so that the next insert is within it.
#[test]
fn deleting_the_tail_of_an_old_dict_lowers_its_mark() {
    let n = crate::object::heap::PARTIAL_MIN_LEN;
    let (mut h, cls, dict) = heap_with_old_dict(n + 2);
    let a = h.alloc(cls, Kind::NotImplemented);
    h.dict_for_insert(dict)
        .insert_new(-1, Value::Obj(a), Value::None);
    assert_eq!(h.remembered[0].from, n as u32 + 2);
    h.dict_remove_at(dict, n + 2);
    h.dict_remove_at(dict, n + 1);
    h.dict_remove_at(dict, n);
    assert_eq!(h.remembered[0].from, n as u32);
    let b = h.alloc(cls, Kind::NotImplemented);
    h.dict_for_insert(dict)
        .insert_new(-2, Value::Obj(b), Value::None);
    minor(&mut h, &[cls, dict]);
    assert!(matches!(h.get(b).kind, Kind::NotImplemented));
    assert_eq!(h.remembered[0].from, n as u32);
}

/// A minor collection over young objects spread across several chunks and bit
/// set words (the sweep goes word by word, chunk by chunk): exactly the
/// unreachable ones are freed, their slots are reused lowest first, the
/// survivors stay young once (aged) and are promoted by the next one.
#[test]
fn minor_sweep_across_chunks_and_words() {
    let (mut h, cls, list) = heap_with_old_list();
    let all: Vec<ObjRef> = (0..300)
        .map(|i| h.alloc(cls, Kind::List(vec![Value::Int(i)])))
        .collect();
    // Every 7th survives (and the 64th: a word boundary).
    let keep: Vec<ObjRef> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 7 == 0 || *i == 64)
        .map(|(_, r)| *r)
        .collect();
    let serials: Vec<u64> = keep.iter().map(|r| h.get(*r).serial).collect();
    let mut roots = vec![cls, list];
    roots.extend(&keep);
    let live = h.live;
    minor(&mut h, &roots);
    assert_eq!(h.live, live - (all.len() - keep.len()));
    assert_eq!(h.aged.len(), keep.len());
    for (r, s) in keep.iter().zip(&serials) {
        assert!(h.serial_at(*r, *s));
    }
    // The lowest freed slot first, then the next ones up.
    let a = h.alloc(cls, Kind::Tuple(vec![]));
    let b = h.alloc(cls, Kind::Tuple(vec![]));
    assert_eq!((a, b), (all[1], all[2]));
    minor(&mut h, &roots);
    assert!(h.aged.is_empty(), "the survivors were promoted");
    for (r, s) in keep.iter().zip(&serials) {
        assert!(h.serial_at(*r, *s));
    }
}

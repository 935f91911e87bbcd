//! Heap analysis at a time of a recording: a census of the objects alive (count
//! and bytes by type), the difference between two times with the allocation sites
//! of the objects that appeared, and a chain of references from a root to an
//! object.
//!
//! "Alive" means reachable: the census is taken on a copy of the state that the
//! collector has just run on (with finalizers held back, so no code runs), not on
//! the heap as it is, which still holds the garbage of the last collection
//! interval. Objects held only by native code in the middle of a call back into
//! Python (a `sorted` key function running) are not roots of that collection.
//! Bytes are the collector's count: 64 per object plus what it holds (list
//! capacity, string length, dict entries, ...), the same in every run.
//!
//! Allocation sites come from a replay with a hook at every stop point: the
//! objects created between two stop points (a range of creation serials) were
//! created by the line of the first one (or, after a function's return, by the
//! line of its caller that goes on). The table holds one entry per stop point
//! that allocated, keyed by serial ranges; nothing is added to the allocation
//! path, so runs that do not ask cost nothing.

use super::{peek_repr, shorten, type_name_of};
use revpy_vm::object::heap::OBJECT_BYTES;
use revpy_vm::object::{Kind, ObjRef, Value};
use revpy_vm::{StopKind, Vm};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// A copy of `vm` after a collection: what it holds is what is reachable. No
/// finalizer or weak reference callback runs (they are held back), and the copy
/// cannot perform effects.
pub fn collected_copy(vm: &Vm) -> Vm {
    let mut c = vm.clone();
    c.hook = None;
    c.hooked = false;
    c.step_instructions = false;
    c.effects.mode = revpy_vm::Mode::Sandbox;
    c.effects.stdout = revpy_vm::OutputSink::Null;
    c.effects.stderr = revpy_vm::OutputSink::Null;
    c.heap.weak.running = true;
    c.collect_garbage();
    c
}

/// Bytes an object accounts for.
fn bytes_of(vm: &Vm, r: ObjRef) -> u64 {
    OBJECT_BYTES + vm.heap.kind(r).gc_bytes()
}

/// One type of a census.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeRow {
    pub name: String,
    pub count: u64,
    pub bytes: u64,
}

/// The objects alive, by type, biggest first.
#[derive(Clone, Debug)]
pub struct Census {
    pub time: u64,
    pub objects: u64,
    pub bytes: u64,
    pub rows: Vec<TypeRow>,
}

/// Type names for a census: the class's name, with its module when two classes
/// share a name (`mod.Name`), and its serial if that is not enough.
fn type_names(vm: &Vm, classes: &[ObjRef]) -> HashMap<ObjRef, String> {
    let mut by_name: BTreeMap<String, Vec<ObjRef>> = BTreeMap::new();
    for &c in classes {
        by_name.entry(vm.class_name(c)).or_default().push(c);
    }
    let mut out = HashMap::new();
    for (name, cs) in by_name {
        if cs.len() == 1 {
            out.insert(cs[0], name);
            continue;
        }
        for c in cs {
            let serial = vm.heap.get(c).serial;
            out.insert(c, format!("{name} (class #{serial})"));
        }
    }
    out
}

/// The census of `vm` (collected: see `collected_copy`), counting only objects
/// created before serial `limit` (the replayed program's, not the debugger's).
pub fn census(vm: &Vm, limit: u64, time: u64) -> Census {
    let mut by_class: BTreeMap<u32, (u64, u64)> = BTreeMap::new();
    let (mut objects, mut bytes) = (0, 0);
    for (i, o) in vm.heap.objects() {
        if o.serial >= limit {
            continue;
        }
        let b = OBJECT_BYTES + o.kind.gc_bytes();
        let e = by_class.entry(o.class.0).or_insert((0, 0));
        e.0 += 1;
        e.1 += b;
        objects += 1;
        bytes += b;
        let _ = i;
    }
    let classes: Vec<ObjRef> = by_class.keys().map(|c| ObjRef(*c)).collect();
    let names = type_names(vm, &classes);
    let mut rows: Vec<TypeRow> = by_class
        .into_iter()
        .map(|(c, (count, bytes))| TypeRow {
            name: names.get(&ObjRef(c)).cloned().unwrap_or_default(),
            count,
            bytes,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.bytes
            .cmp(&a.bytes)
            .then(b.count.cmp(&a.count))
            .then(a.name.cmp(&b.name))
    });
    Census {
        time,
        objects,
        bytes,
        rows,
    }
}

impl Census {
    /// The table, at most `limit` rows.
    pub fn text(&self, limit: Option<usize>) -> String {
        let mut out = format!(
            "Heap at time {}: {} objects, {} bytes alive\n{:>10} {:>12}  type\n",
            self.time, self.objects, self.bytes, "objects", "bytes"
        );
        let n = limit.unwrap_or(usize::MAX);
        for r in self.rows.iter().take(n) {
            out.push_str(&format!("{:>10} {:>12}  {}\n", r.count, r.bytes, r.name));
        }
        if self.rows.len() > n {
            out.push_str(&format!("  ... {} more types\n", self.rows.len() - n));
        }
        out
    }
}

/// Records where objects are created, during a replay (see the module doc).
#[derive(Default)]
pub struct SiteRecorder {
    /// Serials at or after this one have not been attributed yet.
    next: u64,
    /// Where allocations are happening now (an index in `sites`).
    cur: Option<u32>,
    sites: Vec<String>,
    index: HashMap<String, u32>,
    /// (first serial, site): the objects from this serial up to the next entry's
    /// were created at that site (`u32::MAX`: not in the program's code).
    runs: Vec<(u64, u32)>,
}

impl SiteRecorder {
    /// A recorder for a VM whose next object will get serial `next`.
    pub fn new(next: u64) -> SiteRecorder {
        SiteRecorder {
            next,
            ..Default::default()
        }
    }

    fn site(&mut self, vm: &Vm, i: usize) -> u32 {
        let (file, line, func) = super::frame_place(vm, i);
        let key = format!("{file}:{line}:{func}");
        if let Some(&s) = self.index.get(&key) {
            return s;
        }
        let s = self.sites.len() as u32;
        self.sites.push(key.clone());
        self.index.insert(key, s);
        s
    }

    /// At a stop point: the objects created since the last one were made at the
    /// place the program was then.
    pub fn on_stop(&mut self, vm: &Vm, kind: StopKind) {
        let now = vm.heap.next_serial();
        if now > self.next {
            let site = self.cur.unwrap_or(u32::MAX);
            if self.runs.last().map(|r| r.1) != Some(site) {
                self.runs.push((self.next, site));
            }
            self.next = now;
        }
        let n = vm.frames.len();
        self.cur = match kind {
            // The caller goes on with its line once the function is left.
            StopKind::Return | StopKind::ExceptionExit if n >= 2 => Some(self.site(vm, n - 2)),
            StopKind::End => None,
            _ if n >= 1 => Some(self.site(vm, n - 1)),
            _ => None,
        };
    }

    /// Where the object with `serial` was created, if it was while recording.
    pub fn site_of(&self, serial: u64) -> Option<&str> {
        if serial >= self.next {
            return None;
        }
        let i = self.runs.partition_point(|r| r.0 <= serial);
        let (_, s) = self.runs.get(i.checked_sub(1)?)?;
        self.sites.get(*s as usize).map(|s| s.as_str())
    }
}

/// What grew between two times.
#[derive(Clone, Debug)]
pub struct HeapDiff {
    pub before: Census,
    pub after: Census,
    /// (type, objects then, objects now, bytes then, bytes now), largest growth first.
    pub growth: Vec<(String, u64, u64, u64, u64)>,
    /// Objects created between the two times and alive at the second, by allocation
    /// site and type: (site, type, objects, bytes), most bytes first.
    pub sites: Vec<(String, String, u64, u64)>,
}

/// Compare two censuses; `after_vm` (collected) holds the objects alive at the
/// second time, `born` the serials created between the two times and `sites`
/// where they were created.
pub fn diff(
    before: Census,
    after: Census,
    after_vm: &Vm,
    born: std::ops::Range<u64>,
    sites: &SiteRecorder,
) -> HeapDiff {
    let mut all: BTreeMap<String, (u64, u64, u64, u64)> = BTreeMap::new();
    for r in &before.rows {
        let e = all.entry(r.name.clone()).or_default();
        e.0 = r.count;
        e.2 = r.bytes;
    }
    for r in &after.rows {
        let e = all.entry(r.name.clone()).or_default();
        e.1 = r.count;
        e.3 = r.bytes;
    }
    let mut growth: Vec<(String, u64, u64, u64, u64)> = all
        .into_iter()
        .filter(|(_, (c0, c1, b0, b1))| c0 != c1 || b0 != b1)
        .map(|(n, (c0, c1, b0, b1))| (n, c0, c1, b0, b1))
        .collect();
    let delta = |g: &(String, u64, u64, u64, u64)| g.4 as i128 - g.3 as i128;
    growth.sort_by(|a, b| {
        delta(b)
            .cmp(&delta(a))
            .then((b.2 as i128 - b.1 as i128).cmp(&(a.2 as i128 - a.1 as i128)))
            .then(a.0.cmp(&b.0))
    });
    let classes: Vec<ObjRef> = {
        let mut v: Vec<ObjRef> = after_vm.heap.objects().map(|(_, o)| o.class).collect();
        v.sort_by_key(|c| c.0);
        v.dedup();
        v
    };
    let names = type_names(after_vm, &classes);
    let mut by_site: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for (i, o) in after_vm.heap.objects() {
        if !born.contains(&o.serial) {
            continue;
        }
        let site = sites
            .site_of(o.serial)
            .unwrap_or("(outside the program's code)");
        let ty = names.get(&o.class).cloned().unwrap_or_default();
        let e = by_site.entry((site.to_string(), ty)).or_default();
        e.0 += 1;
        e.1 += bytes_of(after_vm, ObjRef(i as u32));
    }
    let mut sites: Vec<(String, String, u64, u64)> = by_site
        .into_iter()
        .map(|((s, t), (c, b))| (s, t, c, b))
        .collect();
    sites.sort_by(|a, b| {
        b.3.cmp(&a.3)
            .then(b.2.cmp(&a.2))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    HeapDiff {
        before,
        after,
        growth,
        sites,
    }
}

fn signed(d: i128) -> String {
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

impl HeapDiff {
    pub fn text(&self, limit: Option<usize>) -> String {
        let n = limit.unwrap_or(usize::MAX);
        let (b, a) = (&self.before, &self.after);
        let mut out = format!(
            "Heap from time {} to {}: {} objects ({}), {} bytes ({})\n",
            b.time,
            a.time,
            a.objects,
            signed(a.objects as i128 - b.objects as i128),
            a.bytes,
            signed(a.bytes as i128 - b.bytes as i128)
        );
        if self.growth.is_empty() {
            out.push_str("No type changed.\n");
        } else {
            out.push_str(&format!(
                "{:>10} {:>12} {:>10} {:>12}  type\n",
                "objects", "+/-", "bytes", "+/-"
            ));
            for (name, c0, c1, b0, b1) in self.growth.iter().take(n) {
                out.push_str(&format!(
                    "{:>10} {:>12} {:>10} {:>12}  {name}\n",
                    c1,
                    signed(*c1 as i128 - *c0 as i128),
                    b1,
                    signed(*b1 as i128 - *b0 as i128)
                ));
            }
        }
        if self.sites.is_empty() {
            out.push_str(&format!(
                "No object created after time {} is alive at time {}.\n",
                b.time, a.time
            ));
        } else {
            out.push_str(&format!(
                "Created after time {} and alive at time {}, by allocation site:\n{:>10} {:>12}  type  site\n",
                b.time, a.time, "objects", "bytes"
            ));
            for (site, ty, c, by) in self.sites.iter().take(n) {
                out.push_str(&format!("{c:>10} {by:>12}  {ty}  {site}\n"));
            }
        }
        out
    }
}

/// How an object refers to the next one of a path.
#[derive(Clone, Copy, Debug)]
enum Edge {
    /// An attribute (the instance's, class's or module's dict entry with this key).
    Attr(Value),
    /// A dict value under this key.
    Key(Value),
    /// A dict key itself.
    DictKey,
    Index(usize),
    Member,
    CellContents,
    Closure(usize),
    Defaults,
    Globals,
    Class,
    Dict,
    /// Some other reference held by the object.
    Other,
}

/// Where a path starts.
#[derive(Clone, Debug)]
enum Root {
    Local(usize, String),
    FrameStack(usize),
    FrameNs(usize),
    Module(String),
    Builtins,
    Handled,
    Native,
}

/// The references of `r` with how it holds them.
fn edges(vm: &Vm, r: ObjRef, out: &mut Vec<(Edge, Value)>) {
    let o = vm.heap.get(r);
    let dict_items = |d: ObjRef, attr: bool, out: &mut Vec<(Edge, Value)>| {
        if let Kind::Dict(t) = vm.heap.kind(d) {
            for i in 0..t.raw_len() {
                if let Some(e) = t.entry_at(i) {
                    if e.key.is_undef() {
                        continue;
                    }
                    out.push((
                        if attr {
                            Edge::Attr(e.key)
                        } else {
                            Edge::Key(e.key)
                        },
                        e.value,
                    ));
                    out.push((Edge::DictKey, e.key));
                }
            }
        }
    };
    if let Some(d) = o.dict() {
        dict_items(d, true, out);
        out.push((Edge::Dict, Value::Obj(d)));
    }
    match &o.kind {
        Kind::Dict(_) => dict_items(r, false, out),
        Kind::List(items) | Kind::Tuple(items) => {
            for (i, v) in items.iter().enumerate() {
                out.push((Edge::Index(i), *v));
            }
        }
        Kind::Set(_) | Kind::FrozenSet(_) => o.kind.trace(&mut |v| out.push((Edge::Member, v))),
        Kind::Cell(v) => out.push((Edge::CellContents, *v)),
        Kind::Module(m) => {
            dict_items(m.dict, true, out);
            out.push((Edge::Dict, Value::Obj(m.dict)));
        }
        Kind::Class(c) => {
            dict_items(c.dict, true, out);
            o.kind.trace(&mut |v| out.push((Edge::Other, v)));
        }
        Kind::Function(f) => {
            for (i, v) in f.closure.iter().enumerate() {
                out.push((Edge::Closure(i), *v));
            }
            for v in &f.defaults {
                out.push((Edge::Defaults, *v));
            }
            out.push((Edge::Globals, Value::Obj(f.globals)));
            o.kind.trace(&mut |v| out.push((Edge::Other, v)));
        }
        k => k.trace(&mut |v| out.push((Edge::Other, v))),
    }
    out.push((Edge::Class, Value::Obj(o.class)));
}

fn edge_text(vm: &Vm, e: Edge) -> String {
    match e {
        Edge::Attr(k) => match k {
            Value::Obj(s) if matches!(vm.heap.kind(s), Kind::Str(_)) => {
                format!(".{}", vm.str_of(k))
            }
            k => format!("[{}]", peek_repr(vm, k, 40)),
        },
        Edge::Key(k) => format!("[{}]", peek_repr(vm, k, 40)),
        Edge::DictKey => " (a dict key)".into(),
        Edge::Index(i) => format!("[{i}]"),
        Edge::Member => " (a set member)".into(),
        Edge::CellContents => ".cell_contents".into(),
        Edge::Closure(i) => format!(".__closure__[{i}]"),
        Edge::Defaults => ".__defaults__".into(),
        Edge::Globals => ".__globals__".into(),
        Edge::Class => ".__class__".into(),
        Edge::Dict => ".__dict__".into(),
        Edge::Other => " (referenced by it)".into(),
    }
}

fn root_text(vm: &Vm, r: &Root) -> String {
    let frame = |i: usize| {
        let (file, line, func) = super::frame_place(vm, i);
        format!("{func} ({file}:{line})")
    };
    match r {
        Root::Local(i, name) => format!("local {name} of {}", frame(*i)),
        Root::FrameStack(i) => format!("the value stack of {}", frame(*i)),
        Root::FrameNs(i) => format!("the namespace of {}", frame(*i)),
        Root::Module(name) => format!("module {name}"),
        Root::Builtins => "the builtins".into(),
        Root::Handled => "the exception being handled".into(),
        Root::Native => "a value held by native code in progress".into(),
    }
}

/// A shortest chain of references from a root of the program (a frame's local,
/// a module, the builtins, ...) to the object with `serial`: the lines of the
/// chain, or why there is none.
pub fn path_to(vm: &Vm, serial: u64) -> Result<Vec<String>, String> {
    let Some(target) = vm.heap.find_serial(serial) else {
        return Err(format!(
            "no object with serial {serial} is alive at this time"
        ));
    };
    let mut roots: Vec<(Root, Value)> = vec![];
    // Innermost frame first: the most specific reason.
    for i in (0..vm.frames.len()).rev() {
        let f = &vm.frames[i];
        let c = &f.code.code;
        let base = f.base as usize;
        let nlocals = c.varnames.len() + c.cellvars.len() + c.freevars.len();
        for k in 0..nlocals {
            if let Some(v) = vm.stack.get(base + k) {
                let name = if k < c.varnames.len() {
                    c.varnames[k].to_string()
                } else {
                    c.cell_name(k - c.varnames.len()).to_string()
                };
                roots.push((Root::Local(i, name), *v));
            }
        }
        let top = if i + 1 < vm.frames.len() {
            vm.frames[i + 1].ret_sp as usize
        } else {
            vm.stack.len()
        };
        for k in base + f.code.nlocalsplus..top.min(vm.stack.len()) {
            roots.push((Root::FrameStack(i), vm.stack[k]));
        }
        if let Some(l) = f.locals {
            roots.push((Root::FrameNs(i), Value::Obj(l)));
        }
    }
    if let Kind::Dict(t) = vm.heap.kind(vm.modules) {
        for i in 0..t.raw_len() {
            if let Some(e) = t.entry_at(i) {
                if e.key.is_undef() {
                    continue;
                }
                roots.push((
                    Root::Module(peek_repr(vm, e.key, 60).trim_matches('\'').to_string()),
                    e.value,
                ));
            }
        }
    }
    roots.push((Root::Builtins, Value::Obj(vm.builtins)));
    roots.push((Root::Handled, vm.exc_info));
    for v in &vm.temp_roots {
        roots.push((Root::Native, *v));
    }
    // Breadth first, remembering how each object was reached.
    let mut seen: HashMap<u32, (u32, Edge)> = HashMap::new();
    let mut queue: VecDeque<ObjRef> = VecDeque::new();
    const ROOT: u32 = u32::MAX;
    let mut found: Option<(usize, ObjRef)> = None;
    for (ri, (_, v)) in roots.iter().enumerate() {
        if let Value::Obj(r) = v {
            if seen.contains_key(&r.0) {
                continue;
            }
            seen.insert(r.0, (ROOT, Edge::Index(ri)));
            if *r == target {
                found = Some((ri, *r));
                break;
            }
            queue.push_back(*r);
        }
    }
    let mut buf = vec![];
    while found.is_none() {
        let Some(r) = queue.pop_front() else { break };
        buf.clear();
        edges(vm, r, &mut buf);
        for (e, v) in buf.iter() {
            let Value::Obj(x) = v else { continue };
            if seen.contains_key(&x.0) {
                continue;
            }
            seen.insert(x.0, (r.0, *e));
            if *x == target {
                found = Some((0, *x));
                break;
            }
            queue.push_back(*x);
        }
    }
    if found.is_none() {
        return Err(format!(
            "{} is not reachable from the program's frames, modules or builtins (it is garbage the collector has not freed yet, or held only by the interpreter: interned strings, constants)",
            peek_repr(vm, Value::Obj(target), 60)
        ));
    }
    // Walk back to the root.
    let mut chain: Vec<(ObjRef, Option<Edge>)> = vec![];
    let mut cur = target;
    let root_index = loop {
        let (parent, e) = seen[&cur.0];
        if parent == ROOT {
            chain.push((cur, None));
            break match e {
                Edge::Index(i) => i,
                _ => 0,
            };
        }
        chain.push((cur, Some(e)));
        cur = ObjRef(parent);
    };
    chain.reverse();
    let mut lines = vec![root_text(vm, &roots[root_index].0)];
    for (i, (r, e)) in chain.iter().enumerate() {
        let what = format!(
            "{} (#{})",
            shorten(&peek_repr(vm, Value::Obj(*r), 60), 60),
            vm.heap.get(*r).serial
        );
        let ty = type_name_of(vm, *r);
        let _ = i;
        lines.push(match e {
            None => format!("  {what}  {ty}"),
            Some(e) => format!("  {:<24} -> {what}  {ty}", edge_text(vm, *e)),
        });
    }
    Ok(lines)
}

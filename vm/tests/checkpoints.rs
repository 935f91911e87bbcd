//! Checkpoints taken at stop points, copy-on-write (`Vm::checkpoint`) and packed
//! (`debug::pack::PackedVm`), resume exactly as the program went on: the same
//! output (including `__del__` output, which shows when the collector ran), the
//! same heap, slot by slot, and the same collector counters.

// The ignored measurement at the end reads a file and the clock: clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

use revpy_vm::debug::pack::PackedVm;
use revpy_vm::object::heap::Slot;
use revpy_vm::{ExitStatus, HookAction, OutputSink, StopKind, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// Lists with spare capacity (the collector counts capacities, so copies
/// must keep them), dicts with deleted entries, sets, every simple payload,
/// a generator and an iterator half way, closures, and cyclic garbage with
/// `__del__` that prints when a collection finds it.
const PROGRAM: &str = r#"
class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        print("del", self.i)

class P:
    @property
    def p(self):
        return 7
    @staticmethod
    def s():
        return 8
    @classmethod
    def c(cls):
        return 9

keep = []
for i in range(400):
    l = list(range(1000))
    del l[5:]
    keep.append(l)
d = {}
for i in range(300):
    d["k" + str(i)] = i
for i in range(0, 300, 3):
    del d["k" + str(i)]
s = set(range(50))
s.discard(7)
fs = frozenset("abc")
b = bytearray(b"xyz" * 10)
bb = bytes(10)
big = 2 ** 100
c = 3 + 4j
r = range(3, 100, 7)
sl = slice(1, None, 2)
t = (1, "two", 3.5, None, True, big)
long_text = "long " * 40
def gen():
    for k in range(100):
        yield k
g = gen()
next(g)
it = iter([1, 2, 3] * 30)
next(it)
def outer():
    x = 5
    def inner():
        return x
    return inner
f = outer()
m = P().c
views = d.keys()
for step in range(60):
    for j in range(5):
        keep[(step * 5 + j) % 400].append(step)
    Node(step)
    junk = [str(k) for k in range(300)] + [None] * 50000
    d["n" + str(step)] = step
    print("step", step, len(d), sum(s), next(it, None), big % 97, abs(c), r[2],
          next(g, None), f(), P().p, P.s(), m(), len(views), sl.step, t[1], b[step % 30],
          len(long_text), fs)
print("end", len(keep), sum(len(x) for x in keep))
"#;

fn new_vm() -> Vm {
    let mut vm = Vm::new();
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.effects.stderr = OutputSink::Buffer(vec![]);
    vm
}

fn out(vm: &Vm) -> String {
    String::from_utf8_lossy(vm.effects.captured_stdout()).into_owned()
}

/// Strip `NAME: Cell { value: N }` / `NAME: N` fields out of a dump line.
fn strip_field(text: &str, name: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    let pat = format!("{name}: ");
    while let Some(i) = rest.find(&pat) {
        out.push_str(&rest[..i]);
        let after = &rest[i + pat.len()..];
        let skip = if after.starts_with("Cell {") {
            after.find('}').map_or(after.len(), |j| j + 1)
        } else {
            after
                .find(|c: char| !c.is_ascii_digit() && c != '-')
                .unwrap_or(after.len())
        };
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

/// Strip the `caches: [...]` of code objects (inline caches, keyed by stamps).
fn strip_caches(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("caches: [") {
        out.push_str(&rest[..i]);
        let mut depth = 0;
        let mut end = rest.len();
        for (j, c) in rest[i..].char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i + j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Panic with the first line where two outputs differ.
fn same_text(a: &str, b: &str, what: &str) {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        assert!(
            x == y,
            "{what}: output line {} differs:\n  {x}\n  {y}",
            i + 1
        );
    }
    assert_eq!(
        a.lines().count(),
        b.lines().count(),
        "{what}: output lengths differ"
    );
}

/// Panic with the first difference of two heap dumps.
fn same_heap(a: &[String], b: &[String], what: &str) {
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(x == y, "{what}: slot {i} differs:\n  {x}\n  {y}");
    }
    assert_eq!(a.len(), b.len(), "{what}: heap sizes differ");
}

/// The dump of another run: dict layout stamps come from a process-wide
/// counter (only their equality within a run matters).
fn unstamped(d: Vec<String>) -> Vec<String> {
    d.iter().map(|l| strip_field(l, "stamp")).collect()
}

/// Every slot of the heap as text (strings' hash caches and `never_attr` hints left
/// out: they are caches, and a restored str conservatively has no hint), with the
/// bytes the collector counts for it.
fn heap_dump(vm: &Vm) -> Vec<String> {
    let mut v = vec![];
    for c in vm.heap.chunks() {
        for s in c.slots() {
            v.push(match s {
                Slot::Free(n) => format!("free {n}"),
                Slot::Live(o) => {
                    let text = strip_caches(&format!("{o:?}"));
                    let text = match &o.kind {
                        revpy_vm::Kind::Str(_) => {
                            strip_field(&strip_field(&text, "hash"), "never_attr")
                        }
                        _ => text,
                    };
                    format!("{} {text}", o.kind.gc_bytes())
                }
            });
        }
    }
    v
}

struct Taken {
    /// The checkpoint, and the output length of the run when it was taken.
    at: Vec<(u64, Vm, usize)>,
}

/// Run the program, taking checkpoints at the first resumable stop points at
/// or after each of `times`.
fn run_taking(times: &[u64]) -> (ExitStatus, String, Vm, Vec<(u64, Vm, usize)>) {
    let mut vm = new_vm();
    let taken = Rc::new(RefCell::new(Taken { at: vec![] }));
    let t2 = taken.clone();
    let mut want: Vec<u64> = times.to_vec();
    want.reverse();
    let hook = move |vm: &mut Vm, kind: StopKind| -> HookAction {
        if let Some(&t) = want.last() {
            if vm.stop_points >= t {
                if let Some(mut c) = vm.checkpoint(kind) {
                    c.hook = None;
                    c.hooked = false;
                    let n = vm.effects.captured_stdout().len();
                    t2.borrow_mut().at.push((vm.stop_points, c, n));
                    want.pop();
                }
            }
        }
        HookAction::Continue
    };
    if !times.is_empty() {
        vm.hook = Some(Rc::new(RefCell::new(hook)));
        vm.hooked = true;
    }
    let code = vm.compile(PROGRAM, "prog.py").expect("compile");
    let status = vm.run_main(code).expect("run");
    vm.hook = None;
    let text = out(&vm);
    let at = std::mem::take(&mut taken.borrow_mut().at);
    (status, text, vm, at)
}

fn resume(mut c: Vm) -> (ExitStatus, String, Vm) {
    c.effects.stdout = OutputSink::Buffer(vec![]);
    c.effects.stderr = OutputSink::Buffer(vec![]);
    let status = c.resume();
    let text = out(&c);
    (status, text, c)
}

fn counters(vm: &Vm) -> (u64, u64, u64, u64, usize, u64) {
    (
        vm.stop_points,
        vm.instructions,
        vm.heap.collections,
        vm.heap.allocs,
        vm.heap.live,
        vm.heap.next_serial(),
    )
}

#[test]
fn checkpoints_resume_exactly() {
    let (status0, out0, vm0, _) = run_taking(&[]);
    assert_eq!(status0, ExitStatus::Code(0), "{out0}");
    assert!(
        out0.contains("del "),
        "no collection found the garbage: {out0}"
    );
    let end = vm0.stop_points;
    let times: Vec<u64> = (1..8).map(|k| end * k / 8).collect();
    // Taking checkpoints does not change the run (the program copies the
    // chunks it shares with them as it writes).
    let (status1, out1, vm1, taken) = run_taking(&times);
    assert_eq!(status1, status0);
    same_text(&out1, &out0, "with checkpoints taken");
    assert_eq!(counters(&vm1), counters(&vm0));
    let end_dump = unstamped(heap_dump(&vm0));
    same_heap(
        &unstamped(heap_dump(&vm1)),
        &end_dump,
        "with checkpoints taken",
    );
    assert_eq!(taken.len(), times.len());
    let mut packed: Vec<PackedVm> = vec![];
    for (t, mut c, n) in taken {
        let tail = &out0[n..];
        // Packed alone, and against the previous packed checkpoint.
        let alone = PackedVm::pack(c.fork(), &|_| false, None, false);
        let delta = PackedVm::pack(
            c.fork(),
            &|_| false,
            packed.last().map(|p: &PackedVm| p.image()).as_ref(),
            true,
        );
        // Sharing every chunk that another copy holds (here: `c`).
        let shared = PackedVm::pack(c.fork(), &|r| Rc::strong_count(r) > 1, None, false);
        let dump = heap_dump(&c);
        for (what, p) in [("alone", &alone), ("delta", &delta), ("shared", &shared)] {
            let u = p.unpack();
            same_heap(&heap_dump(&u), &dump, &format!("{what} at {t}"));
            assert_eq!(counters(&u), counters(&c), "{what} at {t}");
            let (s, o, end_vm) = resume(u);
            assert_eq!(s, status0, "{what} at {t}");
            same_text(&o, tail, &format!("{what} at {t}"));
            assert_eq!(counters(&end_vm), counters(&vm0), "{what} at {t}");
            same_heap(
                &unstamped(heap_dump(&end_vm)),
                &end_dump,
                &format!("{what} at {t}, at the end"),
            );
        }
        assert!(
            (alone.own_bytes() + alone.image_bytes()) * 2 < dump.len() * 64,
            "packed {} bytes for {} slots",
            alone.own_bytes() + alone.image_bytes(),
            dump.len()
        );
        // The copy-on-write checkpoint itself.
        let (s, o, end_vm) = resume(c);
        assert_eq!(s, status0);
        same_text(&o, tail, &format!("copy-on-write at {t}"));
        assert_eq!(counters(&end_vm), counters(&vm0));
        packed.push(delta);
    }
    // A chain of deltas decodes (each against the one before).
    assert!(packed.last().unwrap().depth() >= 3);
}

/// Sizes and times of packed checkpoints of `benches/debug/long_run.py` (run
/// for fewer epochs): `cargo test -p revpy-vm --release --test checkpoints --
/// --ignored --nocapture`.
#[test]
#[ignore]
fn packed_sizes_of_the_latency_benchmark() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../benches/debug/long_run.py"
    ))
    .expect("benches/debug/long_run.py")
    .replace("EPOCHS = 3200", "EPOCHS = 120");
    let mut vm = new_vm();
    let taken: Rc<RefCell<Vec<Vm>>> = Default::default();
    let t2 = taken.clone();
    let every = 300_000u64;
    let mut next = every;
    vm.hook = Some(Rc::new(RefCell::new(move |vm: &mut Vm, kind: StopKind| {
        if vm.stop_points >= next {
            if let Some(mut c) = vm.checkpoint(kind) {
                c.hook = None;
                c.hooked = false;
                t2.borrow_mut().push(c);
                next += every;
            }
        }
        HookAction::Continue
    })));
    vm.hooked = true;
    let code = vm.compile(&src, "long_run.py").expect("compile");
    vm.run_main(code).expect("run");
    vm.hook = None;
    let taken = std::mem::take(&mut *taken.borrow_mut());
    let mut prev: Option<PackedVm> = None;
    let mut key: Option<PackedVm> = None;
    let mut last_dump: Option<Vec<String>> = None;
    for (i, mut c) in taken.into_iter().enumerate() {
        let dump = heap_dump(&c);
        if let Some(old) = &last_dump {
            let mut by: std::collections::BTreeMap<String, usize> = Default::default();
            for (a, b) in old.iter().zip(&dump) {
                if a != b {
                    let k = b
                        .split("kind: ")
                        .nth(1)
                        .unwrap_or(b)
                        .chars()
                        .take(12)
                        .collect::<String>();
                    *by.entry(k).or_default() += 1;
                }
            }
            println!("changed slots: {by:?}");
        }
        last_dump = Some(dump);
        let slots = c.heap.capacity();
        let t0 = std::time::Instant::now();
        let alone = PackedVm::pack(c.fork(), &|_| false, None, true);
        let ta = t0.elapsed();
        let t0 = std::time::Instant::now();
        let delta = PackedVm::pack(
            c.fork(),
            &|_| false,
            prev.as_ref().map(|p| p.image()).as_ref(),
            true,
        );
        let td = t0.elapsed();
        let star = PackedVm::pack(
            c.fork(),
            &|_| false,
            key.as_ref().map(|p| p.image()).as_ref(),
            false,
        );
        let t0 = std::time::Instant::now();
        let _u = alone.unpack();
        let tu = t0.elapsed();
        let t0 = std::time::Instant::now();
        let _u = star.unpack();
        let tus = t0.elapsed();
        let cow: usize = c.heap.chunks().iter().map(|c| c.bytes()).sum();
        println!(
            "#{i} t={} slots={slots} cow={}K raw={}K alone={}K ({:.1?}) delta-prev={}K ({:.1?}) delta-key={}K; unpack {:.1?} / {:.1?}; parts {:?}",
            c.stop_points,
            cow / 1024,
            alone.raw_bytes() / 1024,
            (alone.own_bytes() + alone.image_bytes()) / 1024,
            ta,
            (delta.own_bytes() + delta.image_bytes()) / 1024,
            td,
            (star.own_bytes() + star.image_bytes()) / 1024,
            tu,
            tus,
            delta.parts()
        );
        if key.is_none() {
            key = Some(alone);
        }
        prev = Some(delta);
    }
}

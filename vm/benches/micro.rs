//! Criterion micro-benchmarks of the interpreter's hot paths: instruction dispatch,
//! calls, and attribute access. Run with `cargo bench -p revpy-vm`. (Whole-program
//! comparisons against CPython are in `benches/compare.sh`.)

use criterion::{criterion_group, criterion_main, Criterion};
use revpy_vm::{Effects, Vm};

fn run(src: &str) {
    let mut vm = Vm::new();
    vm.effects = Effects::captured();
    let code = vm.compile(src, "<bench>").expect("compiles");
    vm.run_main(code).expect("runs");
}

fn dispatch(c: &mut Criterion) {
    let src = "def f():\n    s = 0\n    i = 0\n    while i < 20000:\n        s = s + i * 2 - 1\n        i += 1\n    return s\nf()\n";
    c.bench_function("dispatch: 20k-iteration arithmetic loop", |b| {
        b.iter(|| run(src))
    });
}

fn calls(c: &mut Criterion) {
    let src = "def add(a, b):\n    return a + b\ndef f():\n    s = 0\n    for i in range(10000):\n        s = add(s, i)\n    return s\nf()\n";
    c.bench_function("calls: 10k Python function calls", |b| b.iter(|| run(src)));
}

fn attributes(c: &mut Criterion) {
    let src = "class P:\n    def __init__(self):\n        self.x = 0\n    def bump(self):\n        self.x += 1\ndef f():\n    p = P()\n    for i in range(10000):\n        p.bump()\n        p.x = p.x + 1\n    return p.x\nf()\n";
    c.bench_function("attributes: 10k method calls + attribute get/set", |b| {
        b.iter(|| run(src))
    });
}

criterion_group!(benches, dispatch, calls, attributes);
criterion_main!(benches);

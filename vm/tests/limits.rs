//! `Vm::set_limits`: an embedder's instruction and heap budgets stop a program at a
//! stop point, past every handler and `finally`, with `ExitStatus::Aborted`.

use revpy_vm::{ExitStatus, OutputSink, Vm};

fn run(src: &str, instructions: Option<u64>, heap: Option<usize>) -> (ExitStatus, String, Vm) {
    let mut vm = Vm::new();
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.effects.stderr = OutputSink::Buffer(vec![]);
    vm.set_limits(instructions, heap);
    let code = vm.compile(src, "prog.py").expect("compile");
    let status = vm.run_main(code).expect("run");
    let out = String::from_utf8_lossy(vm.effects.captured_stdout()).into_owned();
    (status, out, vm)
}

#[test]
fn an_endless_loop_stops_at_its_instruction_budget() {
    // Handlers and `finally` cannot keep it going.
    let src = "print('start')\nwhile True:\n    try:\n        pass\n    except BaseException:\n        pass\n    finally:\n        pass\n";
    let (status, out, vm) = run(src, Some(100_000), None);
    assert_eq!(
        status,
        ExitStatus::Aborted("instruction budget of 100000 exhausted".into())
    );
    assert_eq!(out, "start\n");
    // Stopped at the first stop point past the budget.
    assert!(
        vm.instructions > 100_000 && vm.instructions < 100_050,
        "{}",
        vm.instructions
    );
    // Endless recursion through natives and generators is caught too.
    for src in [
        "class A:\n    def __repr__(self):\n        try:\n            return repr(self)\n        except RecursionError:\n            return repr(self)\nrepr(A())\n",
        "def g():\n    while True:\n        yield 1\nfor x in g():\n    pass\n",
        "sorted(range(10**6), key=lambda x: -x)\n",
    ] {
        let (status, _, _) = run(src, Some(50_000), None);
        assert_eq!(
            status,
            ExitStatus::Aborted("instruction budget of 50000 exhausted".into()),
            "{src}"
        );
    }
}

#[test]
fn a_growing_heap_stops_at_its_heap_budget() {
    let src = "x = []\nwhile True:\n    x.append([0] * 100)\n";
    let (status, _, vm) = run(src, None, Some(8 << 20));
    let ExitStatus::Aborted(msg) = status else {
        panic!("not stopped: {status:?}");
    };
    assert!(
        msg.starts_with("heap budget of 8388608 bytes exceeded (about "),
        "{msg}"
    );
    // Measured every 10,000 instructions or so: not far past the budget.
    let used = vm.heap_bytes();
    assert!(used > 8 << 20 && used < 12 << 20, "{used}");
    // Strings, and a dict. (Not measured within an instruction: one operation that
    // allocates gigabytes at once, such as `'x' * 10**10`, is not stopped by the
    // budget but must be refused by the operation itself.)
    let (status, _, _) = run(
        "x = []\nd = {}\ni = 0\nwhile True:\n    x.append('y' * 10000)\n    d[i] = i\n    i += 1\n",
        None,
        Some(64 << 20),
    );
    assert!(
        matches!(&status, ExitStatus::Aborted(m) if m.starts_with("heap budget")),
        "{status:?}"
    );
}

#[test]
fn programs_within_their_budgets_run_as_without() {
    let src = "t = 0\nfor i in range(1000):\n    t += i\nprint(t, [i * i for i in range(5)])\n";
    let (free, out_free, vm_free) = run(src, None, None);
    let (limited, out, vm) = run(src, Some(1_000_000), Some(64 << 20));
    assert_eq!(
        (free, out_free.as_str()),
        (ExitStatus::Code(0), "499500 [0, 1, 4, 9, 16]\n")
    );
    assert_eq!((limited, out), (ExitStatus::Code(0), out_free));
    // Checking the budgets changes neither the count of instructions nor of stop points.
    assert_eq!(
        (vm.instructions, vm.stop_points),
        (vm_free.instructions, vm_free.stop_points)
    );
    // An exception is still the program's own.
    let (status, _, _) = run("raise ValueError('x')\n", Some(1000), Some(1 << 20));
    assert_eq!(status, ExitStatus::Code(1));
}

#[test]
fn offline_mode_gives_the_console_and_nothing_else() {
    let mut vm = Vm::new();
    vm.register_host_function("host", "f", |_| panic!("called offline"))
        .unwrap();
    vm.effects.mode = revpy_vm::Mode::Offline;
    vm.effects.stdin = Some(b"typed\n".iter().copied().collect());
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.effects.stderr = OutputSink::Buffer(vec![]);
    let src = "import sys, host\nprint('out')\nprint(input())\ntry:\n    input()\nexcept EOFError:\n    print('EOF')\ntry:\n    import nosuchmodule\nexcept ImportError as e:\n    print(type(e).__name__, e)\nfor f in (lambda: print(repr(sys.stdin.read())), lambda: host.f()):\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nsys.stderr.write('err\\n')\n";
    let code = vm.compile(src, "prog.py").expect("compile");
    let status = vm.run_main(code);
    assert_eq!(
        status,
        Ok(ExitStatus::Code(0)),
        "{}",
        String::from_utf8_lossy(vm.effects.captured_stderr())
    );
    assert_eq!(
        String::from_utf8_lossy(vm.effects.captured_stdout()),
        "out\ntyped\nEOF\nModuleNotFoundError No module named 'nosuchmodule'\n''\nI/O is not available in this VM (host function)\n"
    );
    assert_eq!(
        String::from_utf8_lossy(vm.effects.captured_stderr()),
        "err\n"
    );
}

#[test]
fn a_loop_inside_one_native_call_stops_at_the_instruction_budget() {
    // Each item a native loop makes counts as an instruction: `sum` over an
    // endless iterator, or over a range of 10**12, stops (and `except` cannot
    // catch the stop).
    for src in [
        "print('start')\ntry:\n    sum(iter(int, 1))\nexcept BaseException:\n    print('caught')\n",
        "print('start')\nprint(sum(range(10**12)))\n",
        "print('start')\nprint(max(x for x in range(10**12)))\n",
        // One big-int operation that would take minutes: charged before it starts.
        "print('start')\nx = 7 ** 10**8\n",
        "print('start')\nx = (1 << 10**8) * ((1 << 10**8) + 1)\n",
        "print('start')\nx = (1 << 10**8) // ((1 << 10**7) + 1)\n",
        "print('start')\nx = pow(3, 10**10000, 2**(10**6) + 1)\n",
    ] {
        let (status, out, _) = run(src, Some(100_000), None);
        assert_eq!(
            status,
            ExitStatus::Aborted("instruction budget of 100000 exhausted".into()),
            "{src}"
        );
        assert_eq!(out, "start\n", "{src}");
    }
    // Small big-int work runs as without a budget.
    let (status, out, _) = run(
        "print(len(str(7 ** 1000 * 3 ** 2000 // 11 ** 300 % 10 ** 1600)))\n",
        Some(100_000),
        None,
    );
    assert_eq!((status, out.as_str()), (ExitStatus::Code(0), "1487\n"));
}

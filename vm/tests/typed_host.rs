//! Typed host functions (`Vm::register_fn`): arguments converted to the closure's
//! parameter types with CPython-style TypeErrors, results converted back, recorded
//! and replayed like every host call.

use revpy_vm::effects::log::{Header, MemoryLog, Recording};
use revpy_vm::embed::host::HostValue;
use revpy_vm::{ExitStatus, OutputSink, Vm};
use std::cell::Cell;
use std::rc::Rc;

/// A VM with typed host functions; `calls` counts how often a closure ran.
fn vm_with_fns(calls: Rc<Cell<u32>>) -> Vm {
    let mut vm = Vm::new();
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.effects.stderr = OutputSink::Buffer(vec![]);
    let c = calls.clone();
    vm.register_fn("calc.add", move |a: i64, b: i64| {
        c.set(c.get() + 1);
        a + b
    })
    .unwrap();
    vm.register_fn("calc.greet", |name: String, times: Option<i64>| {
        name.repeat(times.unwrap_or(1) as usize)
    })
    .unwrap();
    vm.register_fn("calc.stats", |xs: Vec<f64>| -> (f64, f64, i64) {
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let max = xs.iter().cloned().fold(f64::MIN, f64::max);
        (mean, max, xs.len() as i64)
    })
    .unwrap();
    vm.register_fn("calc.flip", |b: bool, data: Vec<u8>| -> Vec<u8> {
        if b {
            data.into_iter().rev().collect()
        } else {
            data
        }
    })
    .unwrap();
    vm.register_fn("calc.pair", |p: (String, i64)| format!("{}={}", p.0, p.1))
        .unwrap();
    vm.register_fn(
        "calc.checked_div",
        |a: i64, b: i64| -> Result<i64, String> {
            a.checked_div(b)
                .ok_or_else(|| "division by zero".to_string())
        },
    )
    .unwrap();
    vm.register_fn("calc.nothing", || {}).unwrap();
    vm.register_fn("calc.anything", |v: HostValue| format!("{v:?}"))
        .unwrap();
    // A plain name: a builtin.
    vm.register_fn("double", |x: f64| x * 2.0).unwrap();
    vm
}

const PROG: &str = r#"
import calc
print(calc.add(2, 40), calc.add(True, 1), double(4), double(1.5))
print(calc.greet("ab"), calc.greet("ab", 3), calc.greet("x", None))
print(calc.stats([1, 2.5, 4]), calc.stats((3,)))
print(calc.flip(True, b"abc"), calc.flip(False, bytearray(b"xy")))
print(calc.pair(("k", 7)), calc.pair(["j", 8]))
print(calc.nothing(), calc.anything([1, "s", None]))
try:
    calc.checked_div(1, 0)
except RuntimeError as e:
    print("RuntimeError", e)
for call in [lambda: calc.add(1), lambda: calc.add(1, 2, 3), lambda: calc.add(1, "2"),
             lambda: calc.add(1.5, 2), lambda: calc.greet(5), lambda: calc.greet("a", "b"),
             lambda: calc.greet(), lambda: calc.greet("a", 1, 2),
             lambda: calc.stats([1, "x"]), lambda: calc.flip(1, b""), lambda: calc.flip(True, "s"),
             lambda: calc.pair(("k",)), lambda: double("2"), lambda: calc.nothing(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
"#;

const EXPECTED: &str = "\
42 2 8.0 3.0
ab ababab x
[2.5, 4.0, 3] [3.0, 3.0, 1]
b'cba' b'xy'
k=7 j=8
None List([Int(1), Str(\"s\"), None])
RuntimeError division by zero
TypeError add() takes exactly 2 arguments (1 given)
TypeError add() takes exactly 2 arguments (3 given)
TypeError add() argument 2 must be int, not str
TypeError add() argument 1 must be int, not float
TypeError greet() argument 1 must be str, not int
TypeError greet() argument 2 must be int | None, not str
TypeError greet() takes at least 1 argument (0 given)
TypeError greet() takes at most 2 arguments (3 given)
TypeError stats() argument 1 must be list[float], not list
TypeError flip() argument 1 must be bool, not int
TypeError flip() argument 2 must be bytes, not str
TypeError pair() argument 1 must be tuple[str, int], not tuple
TypeError double() argument 1 must be float, not str
TypeError nothing() takes exactly 0 arguments (1 given)
";

fn run(vm: &mut Vm) -> String {
    let code = vm.compile(PROG, "prog.py").expect("compile");
    let status = vm.run_main(code).expect("run");
    let err = String::from_utf8_lossy(vm.effects.captured_stderr()).into_owned();
    assert_eq!(status, ExitStatus::Code(0), "stderr: {err}");
    String::from_utf8_lossy(vm.effects.captured_stdout()).into_owned()
}

#[test]
fn typed_host_functions_convert_and_check() {
    let calls = Rc::new(Cell::new(0));
    let mut vm = vm_with_fns(calls.clone());
    assert_eq!(run(&mut vm), EXPECTED);
    // The wrong calls were refused before the closure ran.
    assert_eq!(calls.get(), 2);
}

#[test]
fn typed_host_functions_replay_without_calling() {
    let calls = Rc::new(Cell::new(0));
    let mut vm = vm_with_fns(calls.clone());
    let log = MemoryLog::new();
    vm.start_recording(
        Box::new(log.clone()),
        &Header::new(vec!["prog.py".into()], ".", PROG),
    )
    .unwrap();
    let out = run(&mut vm);
    vm.finish_recording(0).unwrap();
    assert_eq!(out, EXPECTED);
    assert_eq!(calls.get(), 2);

    let rec = Recording::parse(&log.contents()).unwrap();
    let replay_calls = Rc::new(Cell::new(0));
    let mut vm = vm_with_fns(replay_calls.clone());
    vm.start_replay(rec.effects, false);
    assert_eq!(run(&mut vm), EXPECTED);
    assert_eq!(replay_calls.get(), 0, "a closure ran in replay");
}

#[test]
fn typed_host_function_names_are_checked() {
    let mut vm = Vm::new();
    assert!(vm.register_fn("not a name", |x: i64| x).is_err());
    assert!(vm.register_fn("mod.1x", |x: i64| x).is_err());
}

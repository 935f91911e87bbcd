//! Host functions registered by an embedder: called live, recorded as effects,
//! answered from the log in replay without calling the closure.

use revpy_vm::effects::log::{Header, MemoryLog, Recording};
use revpy_vm::embed::host::HostValue;
use revpy_vm::{EffectKind, ExitStatus, OutputSink, Vm};
use std::cell::RefCell;
use std::rc::Rc;

type Calls = Rc<RefCell<Vec<Vec<HostValue>>>>;

/// A VM with `host.echo` (returns its arguments as a list, logging the call),
/// `host.fail` (always an error) and a builtin `answer()`.
fn vm_with_hosts(calls: Calls, live: bool) -> Vm {
    let mut vm = Vm::new();
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.effects.stderr = OutputSink::Buffer(vec![]);
    let c = calls.clone();
    vm.register_host_function("host", "echo", move |args| {
        assert!(live, "host.echo called in replay");
        c.borrow_mut().push(args.to_vec());
        Ok(HostValue::List(args.to_vec()))
    })
    .unwrap();
    vm.register_host_function("host", "fail", move |_| {
        assert!(live, "host.fail called in replay");
        Err("the host says no".into())
    })
    .unwrap();
    vm.register_host_function("builtins", "answer", move |_| {
        assert!(live, "answer called in replay");
        Ok(HostValue::Int(42))
    })
    .unwrap();
    vm
}

fn run(vm: &mut Vm, src: &str) -> (ExitStatus, String, String) {
    let code = vm.compile(src, "prog.py").expect("compile");
    let status = vm.run_main(code).expect("run");
    let out = String::from_utf8_lossy(vm.effects.captured_stdout()).into_owned();
    let err = String::from_utf8_lossy(vm.effects.captured_stderr()).into_owned();
    (status, out, err)
}

const PROG: &str = r#"
import host
print(host.echo(None, True, -3, 2.5, "héllo", b"\x00\xff", bytearray(b"ab"), [1, (2, [3])]))
print(answer(), host.echo())
try:
    host.fail(1)
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in ([object()], 2**70):
    try:
        host.echo(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    host.echo(x=1)
except TypeError as e:
    print(e)
print(host.echo, type(host.echo).__name__)
"#;

const EXPECTED: &str = "[None, True, -3, 2.5, 'héllo', b'\\x00\\xff', b'ab', [1, [2, [3]]]]
42 []
RuntimeError: the host says no
TypeError a host function cannot take a 'object' value
OverflowError int too large to pass to a host function (64 bits at most)
host.echo() takes no keyword arguments
<built-in function echo> builtin_function_or_method
";

fn record(src: &str) -> (Vec<u8>, String, Calls) {
    let calls: Calls = Rc::default();
    let mut vm = vm_with_hosts(calls.clone(), true);
    let log = MemoryLog::new();
    vm.start_recording(
        Box::new(log.clone()),
        &Header::new(vec!["prog.py".into()], ".", src),
    )
    .unwrap();
    let (status, out, err) = run(&mut vm, src);
    assert_eq!(status, ExitStatus::Code(0), "{err}");
    vm.finish_recording(0).unwrap();
    (log.contents(), out, calls)
}

#[test]
fn live_calls_convert_values_both_ways() {
    let calls: Calls = Rc::default();
    let mut vm = vm_with_hosts(calls.clone(), true);
    let (status, out, err) = run(&mut vm, PROG);
    assert_eq!(status, ExitStatus::Code(0), "{err}");
    assert_eq!(out, EXPECTED);
    assert_eq!(
        calls.borrow().len(),
        2,
        "argument errors happen before the call"
    );
    assert_eq!(calls.borrow()[0][4], HostValue::Str("héllo".into()));
    assert_eq!(
        calls.borrow()[0][7],
        HostValue::List(vec![
            HostValue::Int(1),
            HostValue::List(vec![
                HostValue::Int(2),
                HostValue::List(vec![HostValue::Int(3)])
            ])
        ])
    );
}

#[test]
fn recorded_calls_replay_without_the_host() {
    let (log, out, calls) = record(PROG);
    assert_eq!(out, EXPECTED);
    assert_eq!(calls.borrow().len(), 2);
    let rec = Recording::parse(&log).unwrap();
    let host_calls = rec
        .effects
        .iter()
        .filter(|e| e.kind == EffectKind::HostCall as u16)
        .count();
    assert_eq!(host_calls, 4, "echo twice, answer, fail");

    let replay_calls: Calls = Rc::default();
    let mut vm = vm_with_hosts(replay_calls.clone(), false);
    let end = rec.end().cloned().unwrap();
    vm.start_replay(rec.effects, false);
    let (status, replayed, err) = run(&mut vm, PROG);
    assert_eq!(status, ExitStatus::Code(0), "{err}");
    assert_eq!(replayed, out);
    assert!(replay_calls.borrow().is_empty());
    vm.check_replay_end(&end, 0).unwrap();
}

#[test]
fn calling_another_host_function_in_replay_diverges() {
    let src = "import host\nprint(host.echo(1))\n";
    let (log, _, _) = record(src);
    let rec = Recording::parse(&log).unwrap();
    let mut vm = vm_with_hosts(Rc::default(), false);
    vm.start_replay(rec.effects, false);
    let (status, _, _) = run(&mut vm, "import host\nprint(answer())\n");
    match status {
        ExitStatus::Aborted(msg) => assert_eq!(
            msg,
            "replay diverged at effect #0 (file prog.py, line 2): the recording has host function #0 (host.echo), the program asked for host function #2 (answer)"
        ),
        other => panic!("expected a divergence, got {other:?}"),
    }
}

#[test]
fn a_truncated_log_ends_the_replay_with_a_message() {
    let src = "import host\nfor i in range(3):\n    print(host.echo(i))\n";
    let (log, _, _) = record(src);
    let mut rec = Recording::parse(&log).unwrap();
    rec.effects.truncate(3); // echo, print, echo
    let mut vm = vm_with_hosts(Rc::default(), false);
    vm.start_replay(rec.effects, true);
    let (status, out, _) = run(&mut vm, src);
    assert_eq!(out, "[0]\n");
    match status {
        ExitStatus::Aborted(msg) => {
            assert!(msg.starts_with("the recording ends at effect #3"), "{msg}")
        }
        other => panic!("expected the recording to end, got {other:?}"),
    }
}

#[test]
fn registration_checks_names() {
    let mut vm = Vm::new();
    assert!(vm
        .register_host_function("host", "not a name", |_| Ok(HostValue::None))
        .is_err());
    assert!(vm
        .register_host_function("a.b", "f", |_| Ok(HostValue::None))
        .is_err());
    for i in 0..300 {
        vm.register_host_function("many", &format!("f{i}"), move |_| {
            Ok(HostValue::Int(i as i64))
        })
        .unwrap();
    }
    // Each function dispatches to its own closure, however many there are.
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    let (status, out, _) = run(
        &mut vm,
        "import many\nprint(many.f0(), many.f17(), many.f299())\n",
    );
    assert_eq!(status, ExitStatus::Code(0));
    assert_eq!(out, "0 17 299\n");
}

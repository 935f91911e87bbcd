//! Embedding revpy: a Rust host exposes functions to Python, records a run into an
//! in-memory log, and replays it without ever calling the host functions again.
//!
//! ```sh
//! cargo run -p revpy-vm --example host_functions
//! ```

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

use revpy_vm::effects::log::{Header, MemoryLog, Recording};
use revpy_vm::embed::host::HostValue;
use revpy_vm::{ExitStatus, OutputSink, Vm};
use std::cell::Cell;
use std::rc::Rc;

const PROGRAM: &str = r#"
import sensors

readings = [sensors.temperature("greenhouse") for _ in range(4)]
print("readings:", readings)
print("average: %.2f" % (sum(readings) / len(readings)))
print("status:", sensors.status([round(r) for r in readings], b"\x01"))
try:
    sensors.temperature("cellar")
except RuntimeError as e:
    print("error:", e)
"#;

/// A VM with the `sensors` module. The same functions must be registered, in the
/// same order, for recording and for replay; only their closures differ.
fn build(
    temperature: impl Fn(&[HostValue]) -> Result<HostValue, String> + 'static,
    status: impl Fn(&[HostValue]) -> Result<HostValue, String> + 'static,
) -> Result<Vm, String> {
    let mut vm = Vm::new();
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.register_host_function("sensors", "temperature", temperature)?;
    vm.register_host_function("sensors", "status", status)?;
    Ok(vm)
}

fn run(vm: &mut Vm) -> Result<i32, String> {
    let code = vm
        .compile(PROGRAM, "greenhouse.py")
        .map_err(|e| e.to_string())?;
    match vm.run_main(code)? {
        ExitStatus::Code(c) => Ok(c),
        ExitStatus::Aborted(why) => Err(why),
    }
}

fn main() -> Result<(), String> {
    // 1. Record: the host functions read "the world" (here: a noisy clock-driven
    //    thermometer, so that every live run prints something different).
    let calls = Rc::new(Cell::new(0));
    let counter = calls.clone();
    let mut vm = build(
        move |args| {
            counter.set(counter.get() + 1);
            match args {
                [HostValue::Str(place)] if place == "greenhouse" => {
                    let nanos = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.subsec_nanos())
                        .unwrap_or(0);
                    Ok(HostValue::Float((2000 + nanos % 1000) as f64 / 100.0))
                }
                [HostValue::Str(place)] => Err(format!("no sensor in the {place}")),
                _ => Err("temperature(place) takes one str".into()),
            }
        },
        |args| match args {
            [HostValue::List(values), HostValue::Bytes(flags)] => Ok(HostValue::Str(format!(
                "{} readings, flags {:?}",
                values.len(),
                flags
            ))),
            _ => Err("status(list, bytes)".into()),
        },
    )?;
    let log = MemoryLog::new();
    let header = Header::new(vec!["greenhouse.py".into()], ".", PROGRAM);
    vm.start_recording(Box::new(log.clone()), &header)
        .map_err(|e| e.to_string())?;
    let status = run(&mut vm)?;
    vm.finish_recording(status).map_err(|e| e.to_string())?;
    let recorded = String::from_utf8_lossy(vm.effects.captured_stdout()).into_owned();
    println!(
        "--- recorded ({} host calls, log of {} bytes):",
        calls.get(),
        log.contents().len()
    );
    print!("{recorded}");

    // 2. Replay from the log alone: the closures must not run.
    let recording = Recording::parse(&log.contents()).map_err(|e| e.to_string())?;
    let mut replay = build(
        |_| panic!("a host function was called during replay"),
        |_| panic!("a host function was called during replay"),
    )?;
    let end = recording
        .end()
        .cloned()
        .ok_or("the recording is incomplete")?;
    replay.start_replay(recording.effects, false);
    let status = run(&mut replay)?;
    replay.check_replay_end(&end, status)?;
    let replayed = String::from_utf8_lossy(replay.effects.captured_stdout()).into_owned();
    println!("--- replayed:");
    print!("{replayed}");

    assert_eq!(recorded, replayed);
    println!(
        "--- identical output; exit status {status}, {} stop points, {} effects",
        end.stop_points, end.effects
    );
    Ok(())
}

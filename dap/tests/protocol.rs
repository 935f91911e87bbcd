//! The protocol layer of `revpy dap`, through `serve` with in-memory streams:
//! framing (messages split anywhere, bad headers), bad JSON, messages that are
//! not requests, unknown commands and missing arguments get error responses
//! (or a clear log line) and never stop the server; and a short session over a
//! recording made here.

// Tests drive the server from outside: threads, temporary files (clippy.toml).
#![allow(clippy::disallowed_methods)]

use revpy_dap::framing::read_frame;
use serde_json::{json, Value};
use std::io::{BufReader, Read, Write};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A reader giving its bytes three at a time (as a slow pipe may).
struct Trickle(Vec<u8>, usize);

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = 3.min(buf.len()).min(self.0.len() - self.1);
        buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
        self.1 += n;
        Ok(n)
    }
}

fn frame(body: &str) -> Vec<u8> {
    let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    v.extend_from_slice(body.as_bytes());
    v
}

fn request(seq: i64, command: &str, args: Value) -> Vec<u8> {
    frame(
        &json!({"seq": seq, "type": "request", "command": command, "arguments": args}).to_string(),
    )
}

/// Serve `input` (on a thread with a big stack, as `revpy dap` does) and
/// return every message the server sent.
fn serve(input: Vec<u8>) -> Vec<Value> {
    let out = Shared::default();
    let o2 = out.clone();
    let t = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            revpy_vm::set_thread_stack_size(256 << 20);
            revpy_dap::serve(Box::new(Trickle(input, 0)), Box::new(o2), "revpy".into())
        })
        .unwrap();
    assert_eq!(t.join().unwrap(), 0);
    let bytes = out.0.lock().unwrap().clone();
    let mut r = BufReader::new(&bytes[..]);
    let mut msgs = vec![];
    while let Some(b) = read_frame(&mut r).unwrap() {
        msgs.push(serde_json::from_slice(&b).unwrap());
    }
    msgs
}

fn response(msgs: &[Value], seq: i64) -> &Value {
    msgs.iter()
        .find(|m| m["type"] == "response" && m["request_seq"] == seq)
        .unwrap_or_else(|| panic!("no response to {seq} in {msgs:#?}"))
}

fn consoles(msgs: &[Value]) -> Vec<String> {
    msgs.iter()
        .filter(|m| m["event"] == "output" && m["body"]["category"] == "console")
        .map(|m| m["body"]["output"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn bad_input_is_answered_and_the_server_goes_on() {
    let mut input = request(1, "initialize", json!({"adapterID": "revpy"}));
    input.extend(frame("{not json"));
    input.extend(b"X-Garbage: 1\r\n\r\n");
    input.extend(frame("[1, 2]"));
    input.extend(frame(r#"{"type": "response", "seq": 5}"#));
    input.extend(frame(r#"{"type": "request", "command": "threads"}"#));
    input.extend(request(2, "frobnicate", json!({})));
    input.extend(request(3, "evaluate", json!({})));
    input.extend(request(4, "goto", json!({"threadId": 1})));
    input.extend(request(5, "initialize", json!({"linesStartAt1": "yes"})));
    input.extend(frame(
        r#"{"seq": 6, "type": "request", "command": "launch", "arguments": 5}"#,
    ));
    input.extend(request(7, "stackTrace", json!({"threadId": 1})));
    input.extend(request(8, "launch", json!({})));
    input.extend(request(
        9,
        "launch",
        json!({"program": "a.py", "recording": "b.revlog"}),
    ));
    input.extend(request(10, "attach", json!({})));
    input.extend(request(11, "threads", json!({})));
    input.extend(request(12, "disconnect", json!({})));
    input.extend(request(13, "threads", json!({})));
    let msgs = serve(input);

    let caps = &response(&msgs, 1)["body"];
    for c in [
        "supportsStepBack",
        "supportsDataBreakpoints",
        "supportsLogPoints",
        "supportsGotoTargetsRequest",
        "supportsRestartRequest",
    ] {
        assert_eq!(caps[c], true, "{c}");
    }
    assert_eq!(caps["supportsSetVariable"], false);
    let errors = [
        (2, "unknown command 'frobnicate'"),
        (3, "evaluate: missing argument 'expression'"),
        (4, "goto: missing argument 'targetId'"),
        (
            5,
            "initialize: argument 'linesStartAt1' must be true or false",
        ),
        (6, "the 'arguments' of a request must be an object"),
        (7, "no program is being debugged (launch one first)"),
        (8, "launch: missing argument 'program'"),
        (9, "give either 'program'"),
        (10, "attach is not supported"),
    ];
    for (seq, text) in errors {
        let r = response(&msgs, seq);
        assert_eq!(r["success"], false, "{r}");
        let m = r["message"].as_str().unwrap();
        assert!(m.contains(text), "{seq}: {m}");
        assert_eq!(r["body"]["error"]["format"], r["message"]);
    }
    assert_eq!(response(&msgs, 11)["body"]["threads"][0]["id"], 1);
    // Disconnect ends the session: terminated, its response, nothing after.
    let last = &msgs[msgs.len() - 2..];
    assert_eq!(last[0]["event"], "terminated");
    assert_eq!(last[1]["request_seq"], 12);
    // The messages that were no request were said on the console.
    let logs = consoles(&msgs).join("");
    assert!(
        logs.contains("ignored a message that is not JSON"),
        "{logs}"
    );
    assert!(
        logs.contains("ignored a message header without Content-Length"),
        "{logs}"
    );
    assert!(
        logs.contains("ignored a message that is not a JSON object"),
        "{logs}"
    );
    assert!(
        logs.contains("ignored a message of type 'response'"),
        "{logs}"
    );
    assert!(
        logs.contains("ignored a request without a 'seq' number"),
        "{logs}"
    );
    // Every message the server sent is numbered in order.
    let seqs: Vec<i64> = msgs.iter().map(|m| m["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, (1..=msgs.len() as i64).collect::<Vec<_>>());
}

#[test]
fn a_stream_cut_in_a_message_ends_the_session_cleanly() {
    let mut input = request(1, "threads", json!({}));
    input.extend(b"Content-Length: 100\r\n\r\n{\"seq\"");
    let msgs = serve(input);
    assert_eq!(msgs.len(), 1);
    assert_eq!(response(&msgs, 1)["success"], true);
}

/// Record `source` (run by this process's VM) to a log in a fresh directory.
fn record(source: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("revpy-dap-protocol-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("prog.revlog");
    let file = dir.join("prog.py").to_string_lossy().to_string();
    let source = source.to_string();
    let log2 = log.clone();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            revpy_vm::set_thread_stack_size(256 << 20);
            let header = revpy_vm::effects::log::Header::new(vec![file.clone()], "/", &source);
            let mut vm = revpy_stdlib::new_vm();
            let out = std::fs::File::create(&log2).unwrap();
            vm.start_recording(Box::new(out), &header).unwrap();
            vm.set_argv(std::slice::from_ref(&file), "/");
            vm.add_source(&file, &source);
            let code = revpy_compiler::compile(&source, &file, revpy_compiler::CompileMode::Module)
                .unwrap();
            let status = match vm.run_main(code) {
                Ok(revpy_vm::ExitStatus::Code(c)) => c,
                _ => 3,
            };
            vm.finish_recording(status).unwrap();
        })
        .unwrap()
        .join()
        .unwrap();
    log
}

#[test]
fn a_session_over_a_recording() {
    let src = "def f(x):\n    y = x * 2\n    return y\n\ntotal = 0\nfor k in range(3):\n    total += f(k)\n";
    let log = record(src);
    let file = log.with_file_name("prog.py").to_string_lossy().to_string();
    let log_s = log.to_string_lossy().to_string();
    let mut input = request(1, "initialize", json!({}));
    input.extend(request(
        2,
        "launch",
        json!({"recording": log_s, "stopOnEntry": true}),
    ));
    input.extend(request(3, "launch", json!({"recording": log_s})));
    input.extend(request(
        4,
        "setBreakpoints",
        json!({"source": {"path": file}, "breakpoints": [{"line": 2, "hitCondition": "2"}, {"line": 3, "logMessage": "y={y}"}, {"line": 4}]}),
    ));
    input.extend(request(5, "configurationDone", json!({})));
    input.extend(request(6, "stepBack", json!({"threadId": 1})));
    input.extend(request(7, "continue", json!({"threadId": 1})));
    input.extend(request(
        8,
        "evaluate",
        json!({"expression": "x", "frameId": 2}),
    ));
    input.extend(request(9, "stackTrace", json!({"threadId": 1})));
    input.extend(request(10, "continue", json!({"threadId": 1})));
    input.extend(request(11, "source", json!({"sourceReference": 1})));
    input.extend(request(
        12,
        "evaluate",
        json!({"expression": "total", "frameId": 1}),
    ));
    input.extend(request(13, "disconnect", json!({})));
    let msgs = serve(input);
    let _ = std::fs::remove_dir_all(log.parent().unwrap());

    assert_eq!(response(&msgs, 2)["success"], true);
    let again = response(&msgs, 3);
    assert!(again["message"].as_str().unwrap().contains("already"));
    let bps = &response(&msgs, 4)["body"]["breakpoints"];
    assert_eq!(bps[0]["verified"], true);
    assert_eq!(bps[0]["message"], "stops 1 time in the recording");
    assert_eq!(bps[1]["message"], "logged 3 times in the recording");
    assert_eq!(bps[2]["verified"], false);
    let logged: Vec<String> = consoles(&msgs)
        .into_iter()
        .filter(|l| l.starts_with('['))
        .map(|l| l.split_once("] ").unwrap().1.to_string())
        .collect();
    assert_eq!(logged, ["y=0\n", "y=2\n", "y=4\n"]);
    let stops: Vec<&Value> = msgs.iter().filter(|m| m["event"] == "stopped").collect();
    let descs: Vec<&str> = stops
        .iter()
        .map(|m| m["body"]["description"].as_str().unwrap())
        .collect();
    assert_eq!(descs[0], "entry (time 1)");
    assert_eq!(descs[1], "start of the recording");
    assert_eq!(stops[2]["body"]["reason"], "breakpoint");
    assert_eq!(stops[2]["body"]["hitBreakpointIds"], json!([bps[0]["id"]]));
    assert_eq!(response(&msgs, 8)["body"]["result"], "1");
    let frames = &response(&msgs, 9)["body"]["stackFrames"];
    assert_eq!(frames[0]["name"], "f");
    assert_eq!(frames[0]["line"], 2);
    // The file is not on disk: its text comes from the recording.
    assert_eq!(frames[0]["source"]["sourceReference"], 1);
    assert_eq!(descs[3], "end of the recording");
    assert_eq!(response(&msgs, 11)["body"]["content"], src);
    assert_eq!(response(&msgs, 12)["body"]["result"], "6");
}

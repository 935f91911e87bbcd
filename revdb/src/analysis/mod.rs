//! Analysis over a whole run: a deterministic profiler (`profile`, rendered as text,
//! folded stacks, speedscope JSON or an SVG flame graph by `flame`), a timeline of
//! events (`timeline`) and heap censuses, diffs and reference paths (`heap`).
//!
//! Everything here looks through the VM's one debugger hook (`Vm::hook`), on a
//! replay of a recording (or a live run for `revpy run --profile`): nothing is added
//! to the interpreter, so a run that is not analysed pays nothing, and what is
//! measured is a function of the recording alone (instruction counts, stop point
//! times, creation serials), the same on every run.

pub mod flame;
pub mod heap;

pub mod profile;
pub mod timeline;

use revpy_compiler::CompileMode;
use revpy_vm::effects::log::{Recording, Tail};
use revpy_vm::{ExitStatus, Hook, OutputSink, Value, Vm};

/// How a replay for analysis ended.
pub struct Replayed {
    /// The program's exit status, or why the replay stopped (a divergence, the
    /// recording ending early).
    pub status: Result<i32, String>,
    /// The VM after the run (its output sinks hold the program's output when it
    /// was captured).
    pub vm: Vm,
}

/// Replay `rec` from the start with `hook` called at every stop point (and every
/// instruction with `step`). The program's output is kept in the VM's sinks when
/// `capture` is set, else discarded.
pub fn replay_with(
    rec: &Recording,
    new_vm: &dyn Fn() -> Vm,
    hook: Hook,
    step: bool,
    capture: bool,
) -> Result<Replayed, String> {
    let h = &rec.header;
    let file = revpy_vm::effects::log::main_file_name(h.argv.first().map_or("", |a| a));
    let code = revpy_compiler::compile(&h.main_source, &file, CompileMode::Module)
        .map_err(|e| format!("{file}: the program does not compile: {}", e.message))?;
    let mut vm = new_vm();
    vm.start_replay(rec.effects.clone(), !matches!(rec.tail, Tail::Complete(_)));
    let sink = || {
        if capture {
            OutputSink::Buffer(vec![])
        } else {
            OutputSink::Null
        }
    };
    vm.effects.stdout = sink();
    vm.effects.stderr = sink();
    vm.set_argv(&h.argv, &h.script_dir);
    vm.add_source(&file, &h.main_source);
    vm.hook = Some(hook);
    vm.hooked = true;
    vm.step_instructions = step;
    let status = match vm.run_main(code) {
        Ok(ExitStatus::Code(c)) => Ok(c),
        Ok(ExitStatus::Aborted(m)) | Err(m) => Err(m),
    };
    vm.hook = None;
    vm.hooked = false;
    vm.step_instructions = false;
    Ok(Replayed { status, vm })
}

/// `s` as a JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` escaped for XML text and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The source lines of `file` as the VM loaded them (the main script, imported
/// modules, bundled modules).
pub fn source_lines(vm: &Vm, file: &str) -> Option<Vec<String>> {
    let text = if let Some((_, s)) = vm.loaded_sources.iter().find(|(f, _)| f == file) {
        s.to_string()
    } else if let Some(name) = file
        .strip_prefix("<frozen ")
        .and_then(|s| s.strip_suffix('>'))
    {
        vm.frozen_modules
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.to_string())?
    } else {
        return None;
    };
    Some(text.lines().map(|l| l.to_string()).collect())
}

/// A short repr of `v` made without running any code or allocating (so looking
/// changes nothing): immediates, str, bytes and ints as Python shows them
/// (shortened past `max` characters), containers as `<list of 3>`, other objects
/// as their default repr `<Class object at 0xSERIAL>`.
pub fn peek_repr(vm: &Vm, v: Value, max: usize) -> String {
    use revpy_vm::object::Kind;
    let s = match v {
        Value::Undef => "<unbound>".to_string(),
        Value::None => "None".into(),
        Value::Bool(b) => if b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => revpy_compiler::float_repr(f),
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => revpy_compiler::pyrepr::str_repr(&s.s),
            Kind::Bytes(b) => revpy_compiler::pyrepr::bytes_repr(b),
            Kind::BigInt(b) => b.to_string(),
            Kind::Cell(v) => return peek_repr(vm, *v, max),
            Kind::List(l) => format!("<list of {}>", l.len()),
            Kind::Tuple(l) => format!("<tuple of {}>", l.len()),
            Kind::Dict(d) => format!("<dict of {}>", d.len()),
            Kind::Set(s) | Kind::FrozenSet(s) => {
                format!("<{} of {}>", type_name_of(vm, r), s.len())
            }
            Kind::Module(m) => format!("<module {}>", peek_repr(vm, m.name, max)),
            Kind::Class(_) => format!("<class '{}'>", vm.class_name(r)),
            Kind::Function(f) => match f.qualname {
                Value::Obj(q) if matches!(vm.heap.kind(q), Kind::Str(_)) => {
                    format!("<function {}>", vm.str_of(f.qualname))
                }
                _ => format!("<function #{}>", vm.heap.get(r).serial),
            },
            _ => vm.default_repr(r),
        },
    };
    shorten(&s, max)
}

/// `s` cut to `max` characters, with `...` where it was cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(3)).collect();
    out.push_str("...");
    out
}

/// The name of an object's class (`type(o).__name__`).
pub fn type_name_of(vm: &Vm, r: revpy_vm::object::ObjRef) -> String {
    vm.class_name(vm.heap.get(r).class)
}

/// `file:line(function)` of frame `i` of `vm` (the innermost frame is positioned
/// at its instruction at a hook call; the others are in a call).
pub fn frame_place(vm: &Vm, i: usize) -> (String, u32, String) {
    let f = &vm.frames[i];
    let c = &f.code.code;
    let line = if i + 1 == vm.frames.len() {
        c.line_of(f.ip as usize)
    } else {
        f.line()
    };
    (c.filename.to_string(), line, c.qualname.to_string())
}

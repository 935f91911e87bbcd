//! The timeline of a recording: one event per line, with the time (stop point) at
//! which `go TIME` shows it: calls of chosen functions (and their returns),
//! exceptions raised and where they were caught (or that they ended the program),
//! the effects the program performed (output with sizes, input, files, clocks,
//! entropy, environment), garbage collections, and the end.
//!
//! It runs as the debugger hook at stop points (not every instruction), reading
//! the state without running code: values are shown by `peek_repr`. Effects and
//! collections happen between two stop points; they are given the earlier one
//! (the line that performed them) and its place.

use super::{frame_place, json_str, peek_repr, shorten, type_name_of};
use revpy_vm::effects::log::{Record, Val};
use revpy_vm::object::Kind;
use revpy_vm::{EffectKind, Mode, OutputSink, StopKind, Value, Vm};

/// What an event is about (`--kind` chooses among these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Call,
    Exception,
    Output,
    Input,
    Io,
    Clock,
    Random,
    Env,
    Gc,
    End,
}

impl Group {
    pub const ALL: [Group; 10] = [
        Group::Call,
        Group::Exception,
        Group::Output,
        Group::Input,
        Group::Io,
        Group::Clock,
        Group::Random,
        Group::Env,
        Group::Gc,
        Group::End,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Group::Call => "call",
            Group::Exception => "exception",
            Group::Output => "output",
            Group::Input => "input",
            Group::Io => "io",
            Group::Clock => "clock",
            Group::Random => "random",
            Group::Env => "env",
            Group::Gc => "gc",
            Group::End => "end",
        }
    }
    /// Whether it is an effect (`--kind effect` names them all).
    pub fn is_effect(self) -> bool {
        matches!(
            self,
            Group::Output | Group::Input | Group::Io | Group::Clock | Group::Random | Group::Env
        )
    }
    /// The groups a `--kind` word names; None if it names none.
    pub fn parse(word: &str) -> Option<Vec<Group>> {
        match word {
            "effect" | "effects" => {
                Some(Group::ALL.into_iter().filter(|g| g.is_effect()).collect())
            }
            "exceptions" | "raise" => Some(vec![Group::Exception]),
            "calls" => Some(vec![Group::Call]),
            "all" => Some(Group::ALL.to_vec()),
            w => Group::ALL
                .into_iter()
                .find(|g| g.name() == w)
                .map(|g| vec![g]),
        }
    }
}

/// The group of an effect kind.
fn effect_group(k: EffectKind) -> Group {
    use EffectKind as E;
    match k {
        E::Stdout | E::Stderr => Group::Output,
        E::ReadLine | E::ReadAll => Group::Input,
        E::Time
        | E::Monotonic
        | E::PerfCounter
        | E::Sleep
        | E::LocalTime
        | E::TimeNs
        | E::MonotonicNs
        | E::PerfCounterNs
        | E::ProcessTime
        | E::ProcessTimeNs => Group::Clock,
        E::Urandom => Group::Random,
        E::Getenv | E::Environ | E::Getcwd | E::Getpid | E::TerminalSize | E::CpuCount => {
            Group::Env
        }
        _ => Group::Io,
    }
}

/// One event.
#[derive(Clone, Debug)]
pub struct TEvent {
    pub time: u64,
    pub group: Group,
    /// The event's own word: call, return, raise, caught, uncaught, the effect's
    /// name, gc, end.
    pub what: String,
    /// What happened, for people.
    pub text: String,
    /// Where: (file, line, function), when the program was somewhere.
    pub place: Option<(String, u32, String)>,
    /// The same as JSON members (`"k":v` pairs, values already encoded).
    pub fields: Vec<(&'static str, String)>,
}

impl TEvent {
    /// `[TIME] what  text  (file:line in function)`.
    pub fn line(&self) -> String {
        let place = match &self.place {
            Some((f, l, func)) => format!("  ({f}:{l} in {func})"),
            None => String::new(),
        };
        format!("[{}] {:<8} {}{place}", self.time, self.what, self.text)
    }

    /// One JSON object (a line of `--json`).
    pub fn json(&self) -> String {
        let mut parts = vec![
            format!("\"time\":{}", self.time),
            format!("\"kind\":{}", json_str(self.group.name())),
            format!("\"event\":{}", json_str(&self.what)),
            format!("\"text\":{}", json_str(&self.text)),
        ];
        if let Some((f, l, func)) = &self.place {
            parts.push(format!("\"file\":{}", json_str(f)));
            parts.push(format!("\"line\":{l}"));
            parts.push(format!("\"function\":{}", json_str(func)));
        }
        for (k, v) in &self.fields {
            parts.push(format!("{}:{v}", json_str(k)));
        }
        format!("{{{}}}", parts.join(","))
    }
}

/// What the timeline collects.
pub struct TimelineOptions {
    pub groups: Vec<Group>,
    /// Calls of these functions (names as for `break`); empty with `Group::Call`
    /// chosen: every call.
    pub calls: Vec<String>,
}

/// The timeline's state while the program runs.
pub struct Timeline {
    opts: TimelineOptions,
    pub events: Vec<TEvent>,
    last_time: u64,
    /// The innermost frame's code and line at the last hook call (made into
    /// text only for an event).
    last_place: Option<(std::rc::Rc<revpy_vm::object::CodeData>, u32)>,
    effects_seen: u64,
    gcs_seen: u64,
    out_seen: (usize, usize),
    /// An exception raised and not yet caught: (serial, description).
    pending: Option<(u64, String)>,
    /// Whether a code object is one whose calls are listed (by address; the
    /// entries keep the code alive so addresses are not reused).
    chosen: Vec<(std::rc::Rc<revpy_vm::object::CodeData>, bool)>,
}

/// `Val` for people: numbers and short strings as Python shows them, sizes for
/// the rest.
fn val_text(v: &Val) -> String {
    match v {
        Val::Unit => String::new(),
        Val::Bool(b) => if *b { "True" } else { "False" }.into(),
        Val::Int(i) => i.to_string(),
        Val::Float(f) => revpy_compiler::float_repr(*f),
        Val::Str(s) => format!(
            "{} ({} chars)",
            shorten(&revpy_compiler::pyrepr::str_repr(s), 40),
            s.chars().count()
        ),
        Val::Bytes(b) => format!("{} bytes", b.len()),
        Val::None => "None".into(),
        Val::Err(n, m) => format!("OSError [Errno {n}] {m}"),
        Val::List(items) => format!("{} values", items.len()),
    }
}

/// The size of an effect's data, where it has one.
fn val_size(v: &Val) -> Option<usize> {
    match v {
        Val::Str(s) => Some(s.len()),
        Val::Bytes(b) => Some(b.len()),
        _ => None,
    }
}

fn sink_len(s: &OutputSink) -> usize {
    match s {
        OutputSink::Buffer(b) => b.len(),
        _ => 0,
    }
}

fn sink_text(s: &OutputSink, from: usize) -> String {
    match s {
        OutputSink::Buffer(b) => String::from_utf8_lossy(b.get(from..).unwrap_or(&[])).to_string(),
        _ => String::new(),
    }
}

/// `Type: message` of an exception object, read without running code.
pub fn exception_text(vm: &Vm, e: Value) -> String {
    let Value::Obj(r) = e else {
        return peek_repr(vm, e, 80);
    };
    let name = type_name_of(vm, r);
    let msg = match vm.heap.kind(r) {
        Kind::Exception(x) => match x.args {
            Value::Obj(a) => match vm.heap.kind(a) {
                Kind::Tuple(items) if items.is_empty() => String::new(),
                Kind::Tuple(items) if items.len() == 1 => match items[0] {
                    Value::Obj(s)
                        if matches!(vm.heap.kind(s), Kind::Str(_)) && name != "KeyError" =>
                    {
                        shorten(vm.str_of(items[0]), 80)
                    }
                    v => peek_repr(vm, v, 80),
                },
                Kind::Tuple(items) => {
                    let parts: Vec<String> = items.iter().map(|v| peek_repr(vm, *v, 30)).collect();
                    format!("({})", parts.join(", "))
                }
                _ => String::new(),
            },
            _ => String::new(),
        },
        _ => String::new(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

impl Timeline {
    pub fn new(opts: TimelineOptions) -> Timeline {
        Timeline {
            opts,
            events: vec![],
            last_time: 0,
            last_place: None,
            effects_seen: 0,
            gcs_seen: 0,
            out_seen: (0, 0),
            pending: None,
            chosen: vec![],
        }
    }

    fn last_place_text(&self) -> Option<(String, u32, String)> {
        self.last_place.as_ref().map(|(c, line)| {
            (
                c.code.filename.to_string(),
                *line,
                c.code.qualname.to_string(),
            )
        })
    }

    fn wants(&self, g: Group) -> bool {
        self.opts.groups.contains(&g)
    }

    fn push(
        &mut self,
        time: u64,
        group: Group,
        what: &str,
        text: String,
        fields: Vec<(&'static str, String)>,
        place: Option<(String, u32, String)>,
    ) {
        if self.wants(group) {
            self.events.push(TEvent {
                // Before the first line (setting up `sys`): time 1 is the earliest.
                time: time.max(1),
                group,
                what: what.to_string(),
                text,
                place,
                fields,
            });
        }
    }

    fn is_chosen(&mut self, code: &std::rc::Rc<revpy_vm::object::CodeData>) -> bool {
        if let Some((_, b)) = self
            .chosen
            .iter()
            .find(|(c, _)| std::rc::Rc::ptr_eq(c, code))
        {
            return *b;
        }
        let b = self.opts.calls.is_empty()
            || self
                .opts
                .calls
                .iter()
                .any(|n| crate::engine::func_matches(&code.code, n));
        self.chosen.push((code.clone(), b));
        b
    }

    /// The effects and collections since the last hook call, and the output they wrote.
    fn catch_up(&mut self, vm: &mut Vm) {
        let count = vm.effects.count;
        if count > self.effects_seen {
            let records: Vec<Record> = match &vm.effects.mode {
                Mode::Replay(r) => r
                    .effects
                    .get(self.effects_seen as usize..count as usize)
                    .map(|s| s.to_vec())
                    .unwrap_or_default(),
                _ => vec![],
            };
            let (o0, e0) = self.out_seen;
            let mut outs = (0usize, 0usize);
            for (i, rec) in records.iter().enumerate() {
                let index = self.effects_seen + i as u64;
                let Some(kind) = EffectKind::from_u16(rec.kind) else {
                    continue;
                };
                let group = effect_group(kind);
                match kind {
                    EffectKind::Stdout => outs.0 += 1,
                    EffectKind::Stderr => outs.1 += 1,
                    _ => {
                        let v = val_text(&rec.val);
                        let text = if v.is_empty() {
                            kind.name().to_string()
                        } else {
                            format!("{} -> {v}", kind.name())
                        };
                        let mut fields = vec![
                            ("effect", index.to_string()),
                            ("name", json_str(kind.name())),
                        ];
                        if let Some(n) = val_size(&rec.val) {
                            fields.push(("bytes", n.to_string()));
                        }
                        match &rec.val {
                            Val::Int(i) => fields.push(("value", i.to_string())),
                            Val::Float(f) if f.is_finite() => {
                                fields.push(("value", revpy_compiler::float_repr(*f)))
                            }
                            Val::Err(n, m) => {
                                fields.push(("error", json_str(&format!("[Errno {n}] {m}"))))
                            }
                            _ => {}
                        }
                        let place = self.last_place_text();
                        self.push(self.last_time, group, "effect", text, fields, place);
                    }
                }
            }
            // Console output: one event per stream and interval, with what it wrote.
            for (n, name, stream) in [
                (outs.0, "sys.stdout.write", 0),
                (outs.1, "sys.stderr.write", 1),
            ] {
                if n == 0 {
                    continue;
                }
                let (sink, from) = if stream == 0 {
                    (&vm.effects.stdout, o0)
                } else {
                    (&vm.effects.stderr, e0)
                };
                let text = sink_text(sink, from);
                let writes = if n == 1 {
                    String::new()
                } else {
                    format!(", {n} writes")
                };
                let desc = format!(
                    "{name} {} bytes{writes}: {}",
                    text.len(),
                    shorten(&revpy_compiler::pyrepr::str_repr(&text), 60)
                );
                let fields = vec![
                    ("name", json_str(name)),
                    ("bytes", text.len().to_string()),
                    ("writes", n.to_string()),
                    ("data", json_str(&text)),
                ];
                let place = self.last_place_text();
                self.push(self.last_time, Group::Output, "output", desc, fields, place);
            }
            self.effects_seen = count;
        }
        // What was written is no longer needed.
        for sink in [&mut vm.effects.stdout, &mut vm.effects.stderr] {
            if let OutputSink::Buffer(b) = sink {
                b.clear();
            }
        }
        self.out_seen = (sink_len(&vm.effects.stdout), sink_len(&vm.effects.stderr));
        let gcs = vm.heap.collections;
        if gcs > self.gcs_seen {
            self.gcs_seen = gcs;
            let text = format!(
                "collection #{gcs}: {} objects, {} bytes alive after it",
                vm.heap.live, vm.heap.live_bytes
            );
            let fields = vec![
                ("collection", gcs.to_string()),
                ("objects", vm.heap.live.to_string()),
                ("bytes", vm.heap.live_bytes.to_string()),
            ];
            let place = self.last_place_text();
            self.push(self.last_time, Group::Gc, "gc", text, fields, place);
        }
    }

    /// The hook: called at every stop point (and at raises).
    pub fn on_hook(&mut self, vm: &mut Vm, kind: StopKind) {
        self.catch_up(vm);
        let t = vm.stop_points;
        let n = vm.frames.len();
        // Where the effects until the next hook will happen: this frame, or after a
        // return its caller, at the line of the call (`print(fib(12))` writes on the
        // caller's line, not on fib's return).
        let here = if kind == StopKind::Return && n >= 2 {
            let f = &vm.frames[n - 2];
            Some((f.code.clone(), f.line()))
        } else {
            vm.frames.last().map(|f| {
                let line = if kind == StopKind::ExceptionExit {
                    f.line()
                } else {
                    f.code.code.line_of(f.ip as usize)
                };
                (f.code.clone(), line)
            })
        };
        let place = || (n > 0).then(|| frame_place(vm, n - 1));
        match kind {
            StopKind::Raise => {
                let e = vm.in_flight.exception;
                let serial = match e {
                    Value::Obj(r) => vm.heap.get(r).serial,
                    _ => 0,
                };
                let text = exception_text(vm, e);
                let fields = vec![("exception", json_str(&text))];
                self.push(t, Group::Exception, "raise", text.clone(), fields, place());
                self.pending = Some((serial, text));
            }
            StopKind::ExceptionExit => {}
            StopKind::End => {
                if let Some((_, text)) = self.pending.take() {
                    let fields = vec![("exception", json_str(&text))];
                    self.push(
                        t,
                        Group::Exception,
                        "uncaught",
                        format!("{text} (ended the program)"),
                        fields,
                        None,
                    );
                }
                self.push(
                    t,
                    Group::End,
                    "end",
                    "the program ends".into(),
                    vec![],
                    None,
                );
            }
            StopKind::Line | StopKind::Instruction | StopKind::Return => {
                if let Some((_, text)) = self.pending.take() {
                    let fields = vec![("exception", json_str(&text))];
                    self.push(t, Group::Exception, "caught", text, fields, place());
                }
                if self.wants(Group::Call) && n > 0 {
                    let f = &vm.frames[n - 1];
                    let code = f.code.clone();
                    let starts = kind == StopKind::Line && f.ip == 0;
                    if (starts || kind == StopKind::Return) && self.is_chosen(&code) {
                        if starts {
                            let (text, fields) = call_text(vm, n - 1);
                            self.push(t, Group::Call, "call", text, fields, place());
                        } else if let Some(v) = vm.stack.last().copied() {
                            let r = peek_repr(vm, v, 60);
                            let text = format!("{} -> {r}", code.code.qualname);
                            let fields = vec![("value", json_str(&r))];
                            self.push(t, Group::Call, "return", text, fields, place());
                        }
                    }
                }
            }
        }
        if kind != StopKind::Raise {
            self.last_time = t;
        }
        if here.is_some() {
            self.last_place = here;
        }
    }
}

/// `f(a=1, b='x')` for the frame just called, and its arguments as JSON.
fn call_text(vm: &Vm, i: usize) -> (String, Vec<(&'static str, String)>) {
    let f = &vm.frames[i];
    let c = &f.code.code;
    let n = c.total_params().min(c.varnames.len());
    let base = f.base as usize;
    let mut shown = vec![];
    let mut json = vec![];
    for (k, name) in c.varnames.iter().take(n).enumerate() {
        let v = vm.stack.get(base + k).copied().unwrap_or(Value::Undef);
        let r = peek_repr(vm, v, 40);
        json.push(format!("{}:{}", json_str(name), json_str(&r)));
        shown.push(format!("{name}={r}"));
    }
    (
        format!("{}({})", c.qualname, shown.join(", ")),
        vec![("args", format!("{{{}}}", json.join(",")))],
    )
}

/// A `--grep` regular expression.
pub struct Grep(regex::Regex);

impl Grep {
    pub fn new(re: &str) -> Result<Grep, String> {
        regex::Regex::new(re).map(Grep).map_err(|e| e.to_string())
    }
    pub fn is_match(&self, s: &str) -> bool {
        self.0.is_match(s)
    }
}

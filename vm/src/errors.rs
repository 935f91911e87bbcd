//! Creating exceptions from Rust, and printing tracebacks in CPython's format.

use crate::effects::EffectError;
use crate::object::{ExcData, Kind};
use crate::object::{ObjRef, Value};
use crate::Vm;

/// A Python exception in flight: the exception object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub ObjRef);

pub type PyResult<T> = Result<T, PyErr>;

/// Why execution is being stopped from outside the program. While set, exception
/// handlers and `finally` blocks do not run: the stack unwinds to the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abort {
    pub message: String,
    /// `os._exit(n)`: the program ends now with this status (no handlers, no
    /// `finally`), and this is not an error.
    pub exit_code: Option<i32>,
}

impl Vm {
    /// A new exception of class `cls` with one string argument.
    pub fn new_error(&mut self, cls: ObjRef, msg: String) -> PyErr {
        let args = if msg.is_empty() {
            vec![]
        } else {
            vec![self.new_str(msg)]
        };
        self.new_exception(cls, args)
    }

    /// A new exception of class `cls` with the given args.
    pub fn new_exception(&mut self, cls: ObjRef, args: Vec<Value>) -> PyErr {
        let args = self.new_tuple(args);
        let r = self.heap.alloc(
            cls,
            Kind::Exception(Box::new(ExcData {
                args,
                traceback: vec![],
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
                tb_obj: Value::Undef,
                tb_cached: 0,
            })),
        );
        PyErr(r)
    }

    pub fn new_type_error(&mut self, msg: String) -> PyErr {
        self.new_error(self.types.type_error, msg)
    }
    pub fn new_value_error(&mut self, msg: String) -> PyErr {
        self.new_error(self.types.value_error, msg)
    }
    pub fn new_index_error(&mut self, msg: &str) -> PyErr {
        self.new_error(self.types.index_error, msg.to_string())
    }
    pub fn new_overflow_error(&mut self, msg: &str) -> PyErr {
        self.new_error(self.types.overflow_error, msg.to_string())
    }
    pub fn new_zero_division(&mut self, msg: &str) -> PyErr {
        self.new_error(self.types.zero_division_error, msg.to_string())
    }
    pub fn new_key_error(&mut self, key: Value) -> PyErr {
        self.new_exception(self.types.key_error, vec![key])
    }
    pub fn new_stop_iteration(&mut self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception(self.types.stop_iteration, args)
    }

    pub fn not_callable(&mut self, v: Value) -> PyErr {
        let t = self.type_name(v);
        self.new_type_error(format!("'{t}' object is not callable"))
    }

    /// The `args` of an exception object.
    pub fn exception_args(&self, e: ObjRef) -> Vec<Value> {
        match self.heap.kind(e) {
            Kind::Exception(x) => self.tuple_items(x.args),
            _ => vec![],
        }
    }

    /// `str(exc)` as CPython: '' for no args, str(arg) for one, str(args) for more;
    /// KeyError shows the repr of its key.
    pub fn exception_str(&mut self, e: ObjRef) -> String {
        let cls = self.heap.get(e).class;
        let s = self.names.__str__;
        if let Some(f) = self.user_override(cls, s) {
            return match self.call_special(f, &[Value::Obj(e)]) {
                Ok(v) => self.str_lossy(v),
                Err(_) => "<exception str() failed>".into(),
            };
        }
        let args = self.exception_args(e);
        if args.len() == 2 && self.is_subclass_ref(cls, self.types.os_error) {
            return match crate::types::exceptions::os_error_str(self, &[Value::Obj(e)], &[]) {
                Ok(v) => self.str_lossy(v),
                Err(_) => "<exception str() failed>".into(),
            };
        }
        let unicode = self.is_subclass_ref(cls, self.types.unicode_decode_error)
            || self.is_subclass_ref(cls, self.types.unicode_encode_error);
        if args.len() == 5 && unicode {
            return match crate::types::exceptions::unicode_error_str(self, &[Value::Obj(e)], &[]) {
                Ok(v) => self.str_lossy(v),
                Err(_) => "<exception str() failed>".into(),
            };
        }
        if args.len() == 2 && self.is_subclass_ref(cls, self.types.syntax_error) {
            return match crate::types::exceptions::syntax_error_str(self, &[Value::Obj(e)], &[]) {
                Ok(v) => self.str_lossy(v),
                Err(_) => "<exception str() failed>".into(),
            };
        }
        match args.len() {
            0 => String::new(),
            1 => {
                if self.is_subclass_ref(cls, self.types.key_error) {
                    self.repr(args[0]).unwrap_or_default()
                } else {
                    self.str_lossy(args[0])
                }
            }
            _ => {
                let t = self.new_tuple(args);
                self.repr(t).unwrap_or_default()
            }
        }
    }

    /// The last line of a traceback: `Type: message`.
    pub fn exception_line(&mut self, e: ObjRef) -> String {
        let cls = self.heap.get(e).class;
        let mut name = self.str_of(self.class_data(cls).qualname).to_string();
        let mk = self.names.__module__;
        let d = self.class_data(cls).dict;
        if let Some(Value::Obj(mr)) = self.dict_get_str(d, mk) {
            {
                if let Kind::Str(ms) = self.heap.kind(mr) {
                    let ms = ms.s.to_string();
                    if ms != "builtins" && ms != "__main__" {
                        name = format!("{ms}.{name}");
                    }
                }
            }
        }
        let msg = self.exception_str(e);
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// The source text of line `line` of `file`, stripped, if the source is known.
    pub fn source_line(&self, file: &str, line: u32) -> Option<String> {
        Some(self.source_line_raw(file, line)?.trim().to_string())
    }

    /// The source text of line `line` of `file` as written (without its newline).
    pub fn source_line_raw(&self, file: &str, line: u32) -> Option<&str> {
        let src = self.program_source(file)?;
        src.lines().nth(line.checked_sub(1)? as usize)
    }

    /// The source of `file` as the program sees it (tracebacks, `linecache`): none
    /// for `-c` and standard input (`<string>`, `<stdin>`), as in CPython, though
    /// the debugger keeps them (`loaded_sources`) to list.
    pub fn program_source(&self, file: &str) -> Option<&str> {
        // `-c`, piped programs and runpy (frozen in CPython) show no source lines.
        if matches!(file, "<string>" | "<stdin>" | "<frozen runpy>") {
            return None;
        }
        let (_, src) = self.loaded_sources.iter().find(|(f, _)| f == file)?;
        Some(src)
    }

    fn format_tb(&mut self, e: ObjRef, out: &mut String) {
        let tb = match self.heap.kind(e) {
            Kind::Exception(x) => x.traceback.clone(),
            _ => vec![],
        };
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0;
        let flush_repeat = |out: &mut String, repeat: usize| {
            if repeat > 3 {
                let n = repeat - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {n} more time{}]\n",
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for t in tb.iter().rev() {
            let (code, pc) = (&t.code, &t.pc);
            let c = &code.code;
            // `-m`'s bootstrap line, which CPython runs from C: no frame of its own.
            if &*c.filename == "<run_module>" {
                continue;
            }
            let line = c.traceback_line(*pc as usize);
            let key = (c.filename.to_string(), line, c.name.to_string());
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat > 3 {
                    continue;
                }
            } else {
                flush_repeat(out, repeat);
                repeat = 1;
                last = Some(key);
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                c.filename, line, c.name
            ));
            if let Some(raw) = self.source_line_raw(&c.filename, line) {
                let flavor = revpy_compiler::carets::Flavor::Interpreter;
                let src = revpy_compiler::carets::shown_line(raw, flavor);
                if !src.is_empty() {
                    out.push_str(&format!("    {src}\n"));
                    // The `^^^` markers under the failing expression.
                    if let Some(p) = c.position(*pc as usize) {
                        if let Some(m) = revpy_compiler::carets::caret_line(raw, &p, flavor) {
                            out.push_str(&m);
                        }
                    }
                }
            }
        }
        flush_repeat(out, repeat);
        if self.isinstance_ref(e, self.types.syntax_error) {
            self.format_syntax_error(e, out);
            return;
        }
        let l = self.exception_line(e);
        out.push_str(&l);
        if let Some(s) = self.suggestion_for(e) {
            out.push_str(&s);
        }
        out.push('\n');
    }

    /// The end of a SyntaxError's report: its location, the line and carets, then
    /// `SyntaxError: msg` (CPython's `traceback._format_syntax_error`).
    fn format_syntax_error(&mut self, e: ObjRef, out: &mut String) {
        let attr = |vm: &mut Vm, n: &str| {
            crate::types::exceptions::exc_attr(vm, e, n).unwrap_or(Value::None)
        };
        let lineno = attr(self, "lineno");
        let filename = attr(self, "filename");
        let text = attr(self, "text");
        let offset = attr(self, "offset");
        let end_offset = attr(self, "end_offset");
        let msg = attr(self, "msg");
        if let Value::Int(l) = lineno {
            let f = self.as_str(filename).unwrap_or("<string>").to_string();
            out.push_str(&format!("  File \"{f}\", line {l}\n"));
        }
        if let Some(text) = self.as_str(text) {
            let rtext: Vec<char> = text.trim_end_matches('\n').chars().collect();
            let spaces = rtext
                .iter()
                .take_while(|c| matches!(c, ' ' | '\n' | '\x0c'))
                .count();
            let ltext: String = rtext[spaces..].iter().collect();
            out.push_str(&format!("    {ltext}\n"));
            if let Value::Int(offset) = offset {
                let mut end = match end_offset {
                    Value::Int(0) => offset,
                    Value::Int(x) => x,
                    _ => offset,
                };
                if offset == end || end == -1 {
                    end = offset + 1;
                }
                let colno = offset - 1 - spaces as i64;
                let end_colno = end - 1 - spaces as i64;
                if colno >= 0 {
                    let lead: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if c.is_whitespace() { c } else { ' ' })
                        .collect();
                    let n = (end_colno - colno).max(0) as usize;
                    out.push_str(&format!("    {lead}{}\n", "^".repeat(n)));
                }
            }
        }
        let cls = self.type_of(Value::Obj(e));
        let name = self.class_name(cls);
        let m = if msg.is_none() {
            "<no detail available>".to_string()
        } else {
            self.str_lossy(msg)
        };
        out.push_str(&format!("{name}: {m}\n"));
    }

    /// The whole report CPython prints for an uncaught exception, chains included.
    pub fn format_exception(&mut self, e: PyErr) -> String {
        let mut chain: Vec<(ObjRef, &'static str)> = vec![];
        let mut cur = Some(e.0);
        let mut seen = vec![];
        while let Some(x) = cur {
            if seen.contains(&x) {
                break;
            }
            seen.push(x);
            let (cause, context, suppress) = match self.heap.kind(x) {
                Kind::Exception(d) => (d.cause, d.context, d.suppress_context),
                _ => (Value::None, Value::None, false),
            };
            if let Value::Obj(c) = cause {
                chain.push((
                    c,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                ));
                cur = Some(c);
            } else if let (Value::Obj(c), false) = (context, suppress) {
                chain.push((
                    c,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                ));
                cur = Some(c);
            } else {
                cur = None;
            }
        }
        let mut out = String::new();
        for (x, sep) in chain.iter().rev() {
            self.format_tb(*x, &mut out);
            out.push_str(sep);
        }
        self.format_tb(e.0, &mut out);
        out
    }
}

impl Vm {
    /// Turn an effect failure (replay divergence or end of log) into an abort that
    /// unwinds past every handler, naming the effect and the source line.
    pub fn fx<T>(&mut self, r: Result<T, EffectError>) -> PyResult<T> {
        match r {
            Ok(v) => Ok(v),
            Err(EffectError::Offline { asked }) => Err(self.new_error(
                self.types.runtime_error,
                format!("I/O is not available in this VM ({})", asked.name()),
            )),
            Err(EffectError::Sandbox { asked }) => Err(self.new_error(
                self.types.runtime_error,
                format!(
                    "I/O is not allowed while the debugger evaluates an expression ({})",
                    asked.name()
                ),
            )),
            Err(e) => {
                let (file, line) = match self.frames.last() {
                    Some(f) => (f.code.code.filename.to_string(), f.line()),
                    None => ("<none>".into(), 0),
                };
                let message = match e {
                    EffectError::Diverged { index, recorded, asked } => format!(
                        "replay diverged at effect #{index} (file {file}, line {line}): the recording has {}, the program asked for {}",
                        recorded.name(),
                        asked.name()
                    ),
                    EffectError::Ended { index, truncated: true, asked } => format!(
                        "the recording ends at effect #{index} (file {file}, line {line}), where the program asked for {}: it was cut short (the recorded program was killed or crashed)",
                        asked.name()
                    ),
                    EffectError::Ended { index, truncated: false, asked } => format!(
                        "replay diverged at effect #{index} (file {file}, line {line}): the recording has no more effects, the program asked for {}",
                        asked.name()
                    ),
                    EffectError::Shape { index, kind, got, expected } => format!(
                        "replay diverged at effect #{index} (file {file}, line {line}): the recording has {} returning {got}, the program expected {expected}",
                        kind.name()
                    ),
                    EffectError::Sandbox { .. } | EffectError::Offline { .. } => {
                        unreachable!("handled above")
                    }
                };
                Err(self.abort_with(message))
            }
        }
    }

    /// Stop execution from outside the program.
    pub fn abort_with(&mut self, message: String) -> PyErr {
        self.abort = Some(Abort {
            message: message.clone(),
            exit_code: None,
        });
        self.new_error(self.types.system_error, message)
    }

    /// `os._exit(code)`: stop at once, skipping every handler and `finally` block; the
    /// program's exit status is `code`.
    pub fn hard_exit(&mut self, code: i32) -> PyErr {
        let message = format!("os._exit({code})");
        self.abort = Some(Abort {
            message: message.clone(),
            exit_code: Some(code),
        });
        self.new_error(self.types.system_exit, message)
    }
}

//! Looking at the current time: `stackTrace` (the frames, innermost first;
//! after the last frame returned, one frame for where the program ended),
//! `scopes` (Locals, Globals), `variables`, `evaluate` (as the shell's `p`: on
//! the current state's copy, so side effects vanish when time moves; in the
//! REPL a statement runs as `!` does, and a program object's result binds an
//! anchor `$N` usable in later expressions and data breakpoints),
//! `exceptionInfo`, and `gotoTargets` (the times a line runs).

use crate::counted::{self, ScanPoint};
use crate::protocol::Request;
use crate::session::{Reply, Session};
use crate::variables::{self, Handle};
use revpy_revdb::engine::BreakSpec;
use revpy_revdb::expr::{self, Scope};
use revpy_vm::StopKind;
use serde_json::json;
use std::sync::atomic::Ordering;

/// `File "F", line L, in FUNC` -> (F, L).
fn parse_place(place: &str) -> Option<(String, u32)> {
    let rest = place.strip_prefix("File \"")?;
    let (file, rest) = rest.split_once("\", line ")?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((file.to_string(), digits.parse().ok()?))
}

impl Session {
    pub(crate) fn stack_trace(&mut self, req: &Request) -> Reply {
        let start = req.opt_int("startFrame")?.unwrap_or(0).max(0) as usize;
        let levels = req.opt_int("levels")?.unwrap_or(0).max(0) as usize;
        let eng = self.engine()?;
        let vm = &eng.cur.vm;
        let n = vm.frames.len();
        // (id, name, file, line)
        let mut frames: Vec<(usize, String, Option<String>, u32)> = vec![];
        for i in (0..n).rev() {
            let f = &vm.frames[i];
            let code = &f.code.code;
            let line = eng.frame_line(i);
            let name = code.qualname.to_string();
            frames.push((i + 1, name, Some(code.filename.to_string()), line));
        }
        if n == 0 {
            let place = eng
                .end
                .as_ref()
                .and_then(|e| e.place.as_deref())
                .and_then(parse_place);
            let (file, line) = match place {
                Some((f, l)) => (Some(f), l),
                None => (None, 0),
            };
            frames.push((1, "<end of the recording>".into(), file, line));
        }
        let total = frames.len();
        let end = if levels == 0 {
            total
        } else {
            start.saturating_add(levels).min(total)
        };
        let mut out = vec![];
        for (id, name, file, line) in frames.into_iter().take(end).skip(start) {
            let mut f = json!({
                "id": id, "name": name, "line": self.line_out(line), "column": self.column_out()
            });
            if let Some(file) = file {
                f["source"] = self.source_json(&file);
            }
            out.push(f);
        }
        Ok(Some(json!({"stackFrames": out, "totalFrames": total})))
    }

    /// The index into `vm.frames` of a frame id (None: no frames left).
    pub(crate) fn frame_of(&mut self, id: i64) -> Result<Option<usize>, String> {
        let n = self.engine()?.cur.vm.frames.len();
        if n == 0 {
            return Ok(None);
        }
        match usize::try_from(id).ok().and_then(|i| i.checked_sub(1)) {
            Some(i) if i < n => Ok(Some(i)),
            _ => Err(format!(
                "no frame {id} here (frame ids last until time moves)"
            )),
        }
    }

    pub(crate) fn scopes(&mut self, req: &Request) -> Reply {
        let frame = self.frame_of(req.int("frameId")?)?;
        let mut scopes = vec![];
        if frame.is_some() {
            let r = self.handles.add(Handle::Scope {
                frame,
                globals: false,
            });
            scopes.push(json!({
                "name": "Locals", "presentationHint": "locals", "variablesReference": r, "expensive": false
            }));
        }
        let r = self.handles.add(Handle::Scope {
            frame,
            globals: true,
        });
        scopes.push(json!({"name": "Globals", "variablesReference": r, "expensive": false}));
        Ok(Some(json!({ "scopes": scopes })))
    }

    pub(crate) fn variables(&mut self, req: &Request) -> Reply {
        let r = req.int("variablesReference")?;
        let filter = req.opt_str("filter")?.map(str::to_string);
        let start = req.opt_int("start")?.unwrap_or(0).max(0) as usize;
        let count = req.opt_int("count")?.unwrap_or(0).max(0) as usize;
        let eng = self
            .engine
            .as_mut()
            .ok_or("no program is being debugged (launch one first)")?;
        let anchors = eng.cur_anchors();
        let vars = variables::variables(
            &mut eng.cur.vm,
            &mut self.handles,
            r,
            filter.as_deref(),
            start,
            count,
            &anchors,
        )?;
        Ok(Some(json!({ "variables": vars })))
    }

    pub(crate) fn evaluate(&mut self, req: &Request) -> Reply {
        let src = req.str("expression")?.to_string();
        let context = req.opt_str("context")?.unwrap_or("repl").to_string();
        if let Some(id) = req.opt_int("frameId")? {
            if let Some(i) = self.frame_of(id)? {
                let eng = self.engine()?;
                eng.frame_sel = eng.cur.vm.frames.len() - 1 - i;
            }
        }
        let eng = self
            .engine
            .as_mut()
            .ok_or("no program is being debugged (launch one first)")?;
        let anchors = eng.cur_anchors();
        let frame = eng.frame_index();
        let v = match expr::eval(&mut eng.cur.vm, Scope::Frame(frame), &src, true, &anchors) {
            Ok(v) => v,
            Err(e) if context == "repl" && e.starts_with("SyntaxError") => {
                // A statement, as `!` runs it (until time moves).
                return match eng.exec(&src) {
                    None => Ok(Some(json!({"result": "", "variablesReference": 0}))),
                    Some(err) if err.starts_with("SyntaxError") => Err(e),
                    Some(err) => Err(err),
                };
            }
            Err(e) => return Err(e),
        };
        let result = match context.as_str() {
            "repl" => eng.show_value(v, true),
            "clipboard" => expr::repr(&mut eng.cur.vm, v),
            _ => expr::short_repr(&mut eng.cur.vm, v),
        };
        let simple = src
            .trim()
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$');
        let path = if simple {
            src.trim().to_string()
        } else {
            format!("({src})")
        };
        let mut var = variables::variable(&mut eng.cur.vm, &mut self.handles, "", v, Some(path));
        let mut body =
            json!({"result": result, "variablesReference": var["variablesReference"].take()});
        for k in ["type", "indexedVariables", "namedVariables"] {
            if let Some(x) = var.get(k) {
                body[k] = x.clone();
            }
        }
        Ok(Some(body))
    }

    pub(crate) fn exception_info(&mut self, req: &Request) -> Reply {
        let mode = self.break_mode;
        let eng = self.engine()?;
        let (text, mode) = if matches!(eng.cur.kind, StopKind::Raise | StopKind::ExceptionExit) {
            (eng.exception_leaving(), mode.unwrap_or("always"))
        } else if eng.post_mortem() || eng.at_end() {
            (
                eng.end.as_ref().and_then(|e| e.exception.clone()),
                "unhandled",
            )
        } else {
            (None, "never")
        };
        let text = text
            .ok_or_else(|| format!("{}: no exception at time {}", req.command, eng.time_text()))?;
        let (ty, msg) = match text.split_once(": ") {
            Some((t, m)) => (t.to_string(), m.to_string()),
            None => (text.clone(), String::new()),
        };
        let mut trace = String::from("Traceback (most recent call last):\n");
        let vm = &eng.cur.vm;
        for (i, f) in vm.frames.iter().enumerate() {
            let c = &f.code.code;
            let line = eng.frame_line(i);
            trace.push_str(&format!(
                "  File \"{}\", line {line}, in {}\n",
                c.filename, c.name
            ));
        }
        trace.push_str(&text);
        Ok(Some(json!({
            "exceptionId": ty,
            "description": text,
            "breakMode": mode,
            "details": {"message": msg, "typeName": ty, "fullTypeName": ty, "stackTrace": trace}
        })))
    }

    /// `gotoTargets`: the times the line runs, the next one first (what
    /// "jump to cursor" takes), then the previous one, then all of them in
    /// order (at most 500). `goto` takes a target's id, which is its time.
    pub(crate) fn goto_targets(&mut self, req: &Request) -> Reply {
        let source = req.object("source")?.clone();
        let line = req.int("line")?;
        let (_, file) = self.breakpoint_file(&source)?;
        let spec = BreakSpec::Line(Some(file), self.line_in(line)?);
        let pause = self.pause.clone();
        let eng = self.engine()?;
        let id = eng.add_breakpoint(spec.clone(), None, false)?;
        eng.delete(id);
        let now = eng.cur.pos;
        pause.interrupt.store(false, Ordering::SeqCst);
        pause.busy.store(true, Ordering::SeqCst);
        let point = ScanPoint {
            spec,
            cond: None,
            hit: None,
            log: None,
        };
        let r = counted::scan(eng, vec![point]);
        pause.busy.store(false, Ordering::SeqCst);
        let times: Vec<u64> = r?
            .pop()
            .unwrap_or_default()
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let next = times.iter().copied().find(|t| *t > now.time);
        let prev = times.iter().copied().rev().find(|t| *t < now.time);
        let mut targets = vec![];
        let mut push = |t: u64, label: String| {
            targets.push(json!({"id": t, "label": label, "line": line}));
        };
        if let Some(t) = next {
            push(t, format!("time {t} (next)"));
        }
        if let Some(t) = prev {
            push(t, format!("time {t} (previous)"));
        }
        for t in times
            .iter()
            .copied()
            .filter(|t| Some(*t) != next && Some(*t) != prev)
            .take(500)
        {
            push(t, format!("time {t}"));
        }
        Ok(Some(json!({ "targets": targets })))
    }
}

//! Data breakpoints: the engine's watchpoints. They stop `continue` after a
//! value changed and `reverseContinue` on the line that changed it. What can
//! be watched, and how (`dataId`):
//! - a local of a function frame: that variable of that call (`watch NAME` in
//!   the shell), `l:TIME:FRAME:NAME`, set up at the time it was asked at;
//! - a global, or a name of a module or class body: the entry of its namespace
//!   dict, anchored (`$N['NAME']`), `e:EXPR`;
//! - an attribute or item of an object of the program: the object anchored,
//!   `$N.attr`, `$N[3]`, `$N['key']`;
//! - in `dataBreakpointInfo` without a variables reference, the name is an
//!   expression: NAME, OBJ.attr, OBJ[KEY], or any expression of `$N` anchors.

use crate::protocol::{field_str, Request};
use crate::session::{Reply, Session};
use crate::variables::{value_children, Handle};
use revpy_revdb::engine::check_condition;
use revpy_revdb::expr::{self, Scope};
use revpy_vm::object::Kind;
use revpy_vm::Value;
use serde_json::json;
use std::sync::atomic::Ordering;

struct Installed {
    data_id: String,
    engine_id: usize,
    dap_id: i64,
}

/// The data breakpoints set.
#[derive(Default)]
pub struct DataPoints {
    installed: Vec<Installed>,
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// `BASE[KEY]` -> (BASE, KEY) for the last top-level subscript.
fn split_subscript(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_suffix(']')?;
    let mut depth = 0i32;
    for (i, c) in body.char_indices().rev() {
        match c {
            ']' | ')' | '}' => depth += 1,
            '(' | '{' => depth -= 1,
            '[' if depth == 0 => {
                let (base, key) = (&body[..i], &body[i + 1..]);
                return (!base.trim().is_empty() && !key.trim().is_empty()).then_some((base, key));
            }
            '[' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `BASE.attr` -> (BASE, attr).
fn split_attr(s: &str) -> Option<(&str, &str)> {
    let (base, attr) = s.rsplit_once('.')?;
    (is_ident(attr) && !base.trim().is_empty()).then_some((base, attr))
}

type DataId = Result<(String, String), String>;

impl Session {
    pub(crate) fn data_breakpoint_info(&mut self, req: &Request) -> Reply {
        let name = req.str("name")?.to_string();
        let r = match req.opt_int("variablesReference")?.filter(|r| *r > 0) {
            Some(r) => self.data_id_child(r, &name),
            None => {
                let frame = match req.opt_int("frameId")? {
                    Some(id) => self.frame_of(id)?,
                    None => self.engine()?.frame_index(),
                };
                self.data_id_expr(frame, &name)
            }
        };
        Ok(Some(match r {
            Ok((id, desc)) => json!({
                "dataId": id, "description": desc, "accessTypes": ["write"], "canPersist": false
            }),
            Err(why) => json!({"dataId": null, "description": why}),
        }))
    }

    /// The anchor of an object of the program (an error for the debugger's own).
    fn anchor(&mut self, v: Value) -> Result<usize, String> {
        let eng = self.engine()?;
        let Value::Obj(o) = v else {
            return Err("not an object: only objects have parts to watch".into());
        };
        let serial = eng.cur.vm.heap.get(o).serial;
        if serial >= eng.cur.serial_limit {
            return Err("an object made by the debugger, not by the program".into());
        }
        Ok(eng.anchors.bind(serial))
    }

    fn data_id_child(&mut self, r: i64, name: &str) -> DataId {
        let h = self
            .handles
            .get(r)
            .cloned()
            .ok_or("no such variables reference (they last until time moves)")?;
        match h {
            Handle::Scope { frame, globals } => self.data_id_name(frame, name, globals),
            Handle::Value { v, path, .. } => {
                let n = self.anchor(v)?;
                let eng = self.engine()?;
                let vm = &mut eng.cur.vm;
                let (named, _) = value_children(vm, v, None);
                let label = path.unwrap_or_else(|| format!("${n}"));
                let kind = match v {
                    Value::Obj(o) => vm.heap.kind(o),
                    _ => return Err("not an object".into()),
                };
                if named.iter().any(|(k, _, _)| k == name) {
                    Ok((format!("e:${n}.{name}"), format!("{label}.{name}")))
                } else if matches!(kind, Kind::List(_) | Kind::Tuple(_) | Kind::Dict(_)) {
                    Ok((format!("e:${n}[{name}]"), format!("{label}[{name}]")))
                } else if matches!(kind, Kind::Set(_) | Kind::FrozenSet(_)) {
                    Err("the items of a set cannot be watched one by one (watch the set)".into())
                } else {
                    Err(format!("'{name}' is not an attribute of {label}"))
                }
            }
        }
    }

    /// A name of frame `frame`'s locals (or its globals).
    fn data_id_name(&mut self, frame: Option<usize>, name: &str, globals: bool) -> DataId {
        let eng = self.engine()?;
        let time = eng.cur.pos.time;
        let dict = match frame {
            None => {
                let anchors = eng.cur_anchors();
                let mut c = expr::sandbox(&mut eng.cur.vm);
                expr::eval(&mut c, Scope::Frame(None), "globals()", true, &anchors)?
            }
            Some(i) => {
                let f = eng.cur.vm.frames.get(i).cloned().ok_or("no such frame")?;
                let code = f.code.code.clone();
                let function = f.locals.is_none() && code.name.as_ref() != "<module>";
                if !globals && function {
                    let local = code.varnames.iter().chain(code.cellvars.iter());
                    if local.clone().any(|v| v.as_ref() == name) {
                        let id = format!("l:{time}:{i}:{name}");
                        return Ok((id, format!("{name} (local of {})", code.qualname)));
                    }
                    return Err(format!(
                        "'{name}' is not a local of {} (watch it where it is defined)",
                        code.qualname
                    ));
                }
                Value::Obj(if globals {
                    f.globals
                } else {
                    f.locals.unwrap_or(f.globals)
                })
            }
        };
        let n = self.anchor(dict)?;
        let what = if globals || frame.is_none() {
            "global"
        } else {
            "name"
        };
        Ok((
            format!("e:${n}['{name}']"),
            format!("{name} ({what}, as ${n}['{name}'])"),
        ))
    }

    fn data_id_expr(&mut self, frame: Option<usize>, src: &str) -> DataId {
        let s = src.trim();
        if is_ident(s) {
            let eng = self.engine()?;
            let local = frame
                .and_then(|i| eng.cur.vm.frames.get(i))
                .is_some_and(|f| {
                    let c = &f.code.code;
                    f.locals.is_none()
                        && c.name.as_ref() != "<module>"
                        && c.varnames
                            .iter()
                            .chain(c.cellvars.iter())
                            .any(|v| v.as_ref() == s)
                });
            return self.data_id_name(frame, s, !local);
        }
        if s.contains('$') {
            check_condition(s).map_err(|m| m.replace(" in the condition", ""))?;
            return Ok((format!("e:{s}"), s.to_string()));
        }
        let (base, part) = match (split_attr(s), split_subscript(s)) {
            (Some((b, a)), _) => (b, format!(".{a}")),
            (None, Some((b, k))) => (b, format!("[{k}]")),
            _ => {
                return Err(
                    "watch a name, OBJ.attr, OBJ[KEY] or an expression of $N anchors".into(),
                )
            }
        };
        let eng = self.engine()?;
        let anchors = eng.cur_anchors();
        let mut c = expr::sandbox(&mut eng.cur.vm);
        let v = expr::eval(&mut c, Scope::Frame(frame), base, true, &anchors)?;
        let n = self.anchor(v)?;
        Ok((format!("e:${n}{part}"), s.to_string()))
    }

    pub(crate) fn set_data_breakpoints(&mut self, req: &Request) -> Reply {
        self.engine()?;
        let list = req.array("breakpoints")?.clone();
        let mut wanted = vec![];
        for b in &list {
            let id = field_str(b, "dataId").ok_or("setDataBreakpoints: each needs a 'dataId'")?;
            let extra =
                field_str(b, "condition").is_some() || field_str(b, "hitCondition").is_some();
            wanted.push((id.to_string(), extra));
        }
        let old = std::mem::take(&mut self.data.installed);
        for i in old {
            if wanted.iter().any(|(w, _)| *w == i.data_id) {
                self.data.installed.push(i);
            } else {
                self.engine()?.delete(i.engine_id);
                self.bps.unmap(i.engine_id);
            }
        }
        let mut out = vec![];
        for (data_id, extra) in wanted {
            let mut desc = match self.data.installed.iter().find(|i| i.data_id == data_id) {
                Some(i) => json!({"id": i.dap_id, "verified": true}),
                None => match self.install_data(&data_id) {
                    Ok(eid) => {
                        let id = self.bps.new_id();
                        self.bps.map(eid, id);
                        self.data.installed.push(Installed {
                            data_id,
                            engine_id: eid,
                            dap_id: id,
                        });
                        json!({"id": id, "verified": true})
                    }
                    Err(m) => json!({"verified": false, "message": m}),
                },
            };
            if extra {
                desc["message"] = json!(
                    "conditions and hit conditions of data breakpoints are not supported (ignored)"
                );
            }
            out.push(desc);
        }
        self.flush_events();
        Ok(Some(json!({ "breakpoints": out })))
    }

    /// Make the engine's watchpoint for a data id.
    fn install_data(&mut self, data_id: &str) -> Result<usize, String> {
        if let Some(e) = data_id.strip_prefix("e:") {
            return self.engine()?.add_watchpoint(e);
        }
        let bad = || format!("unknown data breakpoint id '{data_id}'");
        let rest = data_id.strip_prefix("l:").ok_or_else(bad)?;
        let mut parts = rest.splitn(3, ':');
        let (Some(t), Some(i), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let (t, i): (u64, usize) = (t.parse().map_err(|_| bad())?, i.parse().map_err(|_| bad())?);
        // The call the variable belongs to is the one on the stack at time t.
        let busy = self.pause.busy.clone();
        let eng = self.engine()?;
        let (saved, sel) = (eng.cur.clone(), eng.frame_sel);
        let moved = eng.cur.pos.time != t;
        if moved {
            busy.store(true, Ordering::SeqCst);
            let r = eng.go(t);
            busy.store(false, Ordering::SeqCst);
            r?;
        }
        let n = eng.cur.vm.frames.len();
        let r = if i < n {
            eng.frame_sel = n - 1 - i;
            eng.add_watchpoint(name)
        } else {
            Err(format!("no frame for '{name}' at time {t}"))
        };
        eng.cur = saved;
        eng.frame_sel = sel;
        if moved {
            eng.update_watches();
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_expressions() {
        assert_eq!(split_attr("a.b.c"), Some(("a.b", "c")));
        assert_eq!(split_attr("a"), None);
        assert_eq!(split_attr("f().x"), Some(("f()", "x")));
        assert_eq!(split_subscript("d['k']"), Some(("d", "'k'")));
        assert_eq!(split_subscript("a[0][f(1)]"), Some(("a[0]", "f(1)")));
        assert_eq!(split_subscript("x[]"), None);
        assert_eq!(split_subscript("[1, 2]"), None);
        assert!(is_ident("x_1") && !is_ident("1x") && !is_ident("a.b"));
    }
}

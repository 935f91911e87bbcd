//! `setBreakpoints` and `setFunctionBreakpoints`, and the store of all the
//! breakpoints (the exception filters' too, see `exceptions`). Each request
//! replaces the set it names. A plain or conditional breakpoint is an engine
//! breakpoint (it stops `continue` and `reverseContinue` alike); one with a hit
//! condition and a logpoint are checked by the engine (the place must have
//! code, the condition must compile) and then found through the whole
//! recording (`counted`).

use crate::counted::{self, HitCond, ScanPoint};
use crate::protocol::{field_str, Request};
use crate::session::{Reply, Session};
use revpy_revdb::engine::BreakSpec;
use revpy_revdb::Pos;
use serde_json::{json, Value as Json};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

/// A breakpoint as the client knows it.
pub struct Bp {
    pub id: i64,
    /// The engine's point, if it stops through the engine.
    pub(crate) engine_id: Option<usize>,
    /// The times it stops at, for one with a hit condition.
    pub(crate) times: Option<Vec<u64>>,
}

/// The breakpoints of the session, with the requests that set them (replayed
/// by `restart`).
#[derive(Default)]
pub struct Points {
    next_id: i64,
    sources: BTreeMap<String, (Json, Vec<Bp>)>,
    functions: Option<(Json, Vec<Bp>)>,
    pub(crate) exceptions: Option<(Json, Vec<Bp>)>,
    /// The times found for the hit-condition breakpoints and logpoints set so
    /// far, by what they are: set again unchanged (editors resend a file's
    /// breakpoints when one changes), they need no replay, and a logpoint's
    /// lines are not printed again.
    found: BTreeMap<String, Vec<u64>>,
    /// Engine point id -> DAP breakpoint id.
    ids: BTreeMap<usize, i64>,
}

impl Points {
    pub fn new_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn dap_id(&self, engine_id: usize) -> Option<i64> {
        self.ids.get(&engine_id).copied()
    }

    pub fn map(&mut self, engine_id: usize, dap_id: i64) {
        self.ids.insert(engine_id, dap_id);
    }

    pub fn unmap(&mut self, engine_id: usize) {
        self.ids.remove(&engine_id);
    }

    /// The engine was replaced (restart): no breakpoint is in it any more.
    pub fn detach(&mut self) {
        self.ids.clear();
        let lists = self.sources.values_mut().map(|(_, v)| v);
        let lists = lists.chain(self.functions.iter_mut().map(|(_, v)| v));
        for list in lists.chain(self.exceptions.iter_mut().map(|(_, v)| v)) {
            for bp in list.iter_mut() {
                bp.engine_id = None;
            }
        }
    }

    /// A new recording: what was found in the old one is void.
    pub fn forget_found(&mut self) {
        self.found.clear();
    }

    /// The nearest time after (`forward`) or before `now` at which a
    /// breakpoint with a hit condition stops, with those breakpoints' ids.
    pub fn next_counted(&self, now: Pos, forward: bool) -> Option<(u64, Vec<i64>)> {
        let mut best: Option<(u64, Vec<i64>)> = None;
        let bps = self.sources.values().flat_map(|(_, v)| v.iter());
        let bps = bps.chain(self.functions.iter().flat_map(|(_, v)| v.iter()));
        for bp in bps {
            let Some(times) = &bp.times else { continue };
            let t = if forward {
                times.iter().copied().find(|t| *t > now.time)
            } else {
                // A raise (TIME.N) comes after its stop point TIME.
                times
                    .iter()
                    .copied()
                    .rev()
                    .find(|t| *t < now.time || (!now.real && *t == now.time))
            };
            let Some(t) = t else { continue };
            match &mut best {
                Some((b, ids)) if *b == t => ids.push(bp.id),
                Some((b, _)) if (forward && *b < t) || (!forward && *b > t) => {}
                _ => best = Some((t, vec![bp.id])),
            }
        }
        best
    }
}

/// What a hit-condition breakpoint or a logpoint says in its response.
fn found_message(log: bool, n: usize) -> String {
    let times = if n == 1 { "time" } else { "times" };
    if log {
        format!("logged {n} {times} in the recording")
    } else {
        format!("stops {n} {times} in the recording")
    }
}

/// One breakpoint asked for.
struct Wanted {
    spec: BreakSpec,
    cond: Option<String>,
    hit: Option<String>,
    log: Option<String>,
    /// The client's line and source (for the response and log output).
    line: Option<i64>,
    source: Option<Json>,
}

impl Session {
    pub(crate) fn set_breakpoints(&mut self, req: &Request) -> Reply {
        self.apply_source(req, false).map(Some)
    }

    fn apply_source(&mut self, req: &Request, reuse: bool) -> Result<Json, String> {
        self.engine()?;
        let source = req.object("source")?.clone();
        let (key, file) = self.breakpoint_file(&source)?;
        let mut list = vec![];
        if let Some(bps) = req.opt_array("breakpoints")? {
            for b in bps {
                let line = b
                    .get("line")
                    .and_then(|l| l.as_i64())
                    .ok_or("setBreakpoints: each breakpoint needs a 'line' number")?;
                list.push((line, b.clone()));
            }
        } else if let Some(lines) = req.opt_array("lines")? {
            for l in lines {
                let line = l
                    .as_i64()
                    .ok_or("setBreakpoints: 'lines' must hold numbers")?;
                list.push((line, json!({})));
            }
        }
        let mut wanted = vec![];
        for (line, b) in list {
            wanted.push(Wanted {
                spec: BreakSpec::Line(Some(file.clone()), self.line_in(line)?),
                cond: field_str(&b, "condition").map(str::to_string),
                hit: field_str(&b, "hitCondition").map(str::to_string),
                log: field_str(&b, "logMessage").map(str::to_string),
                line: Some(line),
                source: Some(source.clone()),
            });
        }
        let old = self
            .bps
            .sources
            .remove(&key)
            .map(|(_, v)| v)
            .unwrap_or_default();
        let reuse_ids = self.remove(&old, reuse);
        let (bps, out) = self.install(wanted, &reuse_ids);
        self.bps.sources.insert(key, (req.args.clone(), bps));
        Ok(json!({ "breakpoints": out }))
    }

    pub(crate) fn set_function_breakpoints(&mut self, req: &Request) -> Reply {
        self.apply_functions(req, false).map(Some)
    }

    fn apply_functions(&mut self, req: &Request, reuse: bool) -> Result<Json, String> {
        self.engine()?;
        let mut wanted = vec![];
        for b in req.array("breakpoints")? {
            let name = field_str(b, "name")
                .ok_or("setFunctionBreakpoints: each breakpoint needs a 'name'")?;
            wanted.push(Wanted {
                spec: BreakSpec::Func(name.trim().to_string()),
                cond: field_str(b, "condition").map(str::to_string),
                hit: field_str(b, "hitCondition").map(str::to_string),
                log: None,
                line: None,
                source: None,
            });
        }
        let old = self
            .bps
            .functions
            .take()
            .map(|(_, v)| v)
            .unwrap_or_default();
        let reuse_ids = self.remove(&old, reuse);
        let (bps, out) = self.install(wanted, &reuse_ids);
        self.bps.functions = Some((req.args.clone(), bps));
        Ok(json!({ "breakpoints": out }))
    }

    /// Delete breakpoints from the engine; their ids (to give the new ones
    /// when `reuse`).
    pub(crate) fn remove(&mut self, old: &[Bp], reuse: bool) -> Vec<i64> {
        for bp in old {
            if let Some(e) = bp.engine_id {
                if let Some(eng) = self.engine.as_mut() {
                    eng.delete(e);
                }
                self.bps.unmap(e);
            }
        }
        if reuse {
            old.iter().map(|b| b.id).collect()
        } else {
            vec![]
        }
    }

    /// Set breakpoints up; returns them and their descriptions for the response.
    fn install(&mut self, wanted: Vec<Wanted>, reuse: &[i64]) -> (Vec<Bp>, Vec<Json>) {
        let mut bps = vec![];
        let mut out = vec![];
        // (index in `wanted`, what to scan for, its key in `found`)
        let mut scans: Vec<(usize, ScanPoint, String)> = vec![];
        for (i, w) in wanted.iter().enumerate() {
            let id = reuse.get(i).copied().unwrap_or_else(|| self.bps.new_id());
            let mut desc = json!({"id": id, "verified": true});
            if let Some(l) = w.line {
                desc["line"] = json!(l);
            }
            if let Some(s) = &w.source {
                desc["source"] = s.clone();
            }
            let Some(eng) = self.engine.as_mut() else {
                break;
            };
            let checked = eng.add_breakpoint(w.spec.clone(), w.cond.clone(), false);
            let hit = w.hit.as_deref().map(HitCond::parse).transpose();
            let mut bp = Bp {
                id,
                engine_id: None,
                times: None,
            };
            match (checked, hit) {
                (Err(m), _) => {
                    desc["verified"] = json!(false);
                    desc["message"] = json!(m);
                }
                (Ok(eid), Err(m)) => {
                    eng.delete(eid);
                    desc["verified"] = json!(false);
                    desc["message"] = json!(m);
                }
                (Ok(eid), Ok(hit)) if hit.is_some() || w.log.is_some() => {
                    eng.delete(eid);
                    let key = format!("{:?}|{:?}|{:?}|{:?}", w.spec, w.cond, w.hit, w.log);
                    match self.bps.found.get(&key) {
                        Some(times) => {
                            if hit.is_some() {
                                bp.times = Some(times.clone());
                            }
                            desc["message"] = json!(found_message(w.log.is_some(), times.len()));
                        }
                        None => {
                            let log = w.log.as_deref().map(counted::parse_template);
                            let p = ScanPoint {
                                spec: w.spec.clone(),
                                cond: w.cond.clone(),
                                hit,
                                log,
                            };
                            scans.push((i, p, key));
                        }
                    }
                }
                (Ok(eid), Ok(_)) => {
                    self.bps.map(eid, id);
                    bp.engine_id = Some(eid);
                }
            }
            bps.push(bp);
            out.push(desc);
        }
        if scans.is_empty() {
            return (bps, out);
        }
        let (idx, rest): (Vec<usize>, Vec<(ScanPoint, String)>) =
            scans.into_iter().map(|(i, p, k)| (i, (p, k))).unzip();
        let (points, keys): (Vec<ScanPoint>, Vec<String>) = rest.into_iter().unzip();
        let has_log: Vec<bool> = points.iter().map(|p| p.log.is_some()).collect();
        let has_hit: Vec<bool> = points.iter().map(|p| p.hit.is_some()).collect();
        self.pause.interrupt.store(false, Ordering::SeqCst);
        self.pause.busy.store(true, Ordering::SeqCst);
        let r = match self.engine.as_mut() {
            Some(eng) => counted::scan(eng, points),
            None => Ok(vec![]),
        };
        self.pause.busy.store(false, Ordering::SeqCst);
        let found = match r {
            Ok(f) => f,
            Err(m) => {
                for i in idx {
                    out[i]["verified"] = json!(false);
                    out[i]["message"] = json!(m);
                }
                return (bps, out);
            }
        };
        let mut lines: Vec<(u64, String, &Wanted)> = vec![];
        for (k, times) in found.into_iter().enumerate() {
            let i = idx[k];
            let just_times: Vec<u64> = times.iter().map(|(t, _)| *t).collect();
            out[i]["message"] = json!(found_message(has_log[k], just_times.len()));
            if has_hit[k] {
                bps[i].times = Some(just_times.clone());
            }
            self.bps.found.insert(keys[k].clone(), just_times);
            if has_log[k] {
                lines.extend(
                    times
                        .into_iter()
                        .map(|(t, m)| (t, m.unwrap_or_default(), &wanted[i])),
                );
            }
        }
        lines.sort_by_key(|(t, _, _)| *t);
        for (t, msg, w) in lines {
            let mut ev = json!({"category": "console", "output": format!("[{t}] {msg}\n")});
            if let (Some(s), Some(l)) = (&w.source, w.line) {
                ev["source"] = s.clone();
                ev["line"] = json!(l);
            }
            self.out.event("output", ev);
        }
        (bps, out)
    }

    /// After a restart: the same breakpoints on the new recording, with the
    /// same ids.
    pub(crate) fn reapply_breakpoints(&mut self) {
        self.bps.detach();
        let sources: Vec<Json> = self.bps.sources.values().map(|(a, _)| a.clone()).collect();
        let req = |command: &str, args: Json| Request {
            seq: 0,
            command: command.into(),
            args,
        };
        for args in sources {
            if let Err(m) = self.apply_source(&req("setBreakpoints", args), true) {
                self.log(&m);
            }
        }
        if let Some((args, _)) = &self.bps.functions {
            let r = req("setFunctionBreakpoints", args.clone());
            if let Err(m) = self.apply_functions(&r, true) {
                self.log(&m);
            }
        }
        if let Some((args, _)) = &self.bps.exceptions {
            let r = req("setExceptionBreakpoints", args.clone());
            if let Err(m) = self.apply_exceptions(&r, true) {
                self.log(&m);
            }
        }
    }
}

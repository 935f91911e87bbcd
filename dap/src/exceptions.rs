//! `setExceptionBreakpoints`: the filters are catchpoints of the engine,
//! `raised` (`catch raise`; its condition: class names, a class or any of its
//! bases, e.g. `ValueError KeyError`) and `uncaught` (`catch uncaught`). They
//! stop `continue` and `reverseContinue` where the exception is raised.

use crate::breakpoints::Bp;
use crate::protocol::{field_str, Request};
use crate::session::{Reply, Session};
use revpy_revdb::engine::CatchKind;
use serde_json::{json, Value as Json};
use std::sync::atomic::Ordering;

impl Session {
    pub(crate) fn set_exception_breakpoints(&mut self, req: &Request) -> Reply {
        self.apply_exceptions(req, false).map(Some)
    }

    pub(crate) fn apply_exceptions(&mut self, req: &Request, reuse: bool) -> Result<Json, String> {
        self.engine()?;
        let mut wanted: Vec<(String, Option<String>)> = vec![];
        for f in req.array("filters")? {
            let f = f
                .as_str()
                .ok_or("setExceptionBreakpoints: 'filters' must hold strings")?;
            wanted.push((f.to_string(), None));
        }
        for o in req.opt_array("filterOptions")?.into_iter().flatten() {
            let f = field_str(o, "filterId")
                .ok_or("setExceptionBreakpoints: each filter option needs a 'filterId'")?;
            wanted.push((f.to_string(), field_str(o, "condition").map(str::to_string)));
        }
        let old = self
            .bps
            .exceptions
            .take()
            .map(|(_, v)| v)
            .unwrap_or_default();
        let reuse_ids = self.remove(&old, reuse);
        let mut bps = vec![];
        let mut out = vec![];
        for (i, (filter, cond)) in wanted.into_iter().enumerate() {
            let id = reuse_ids
                .get(i)
                .copied()
                .unwrap_or_else(|| self.bps.new_id());
            let kind = match filter.as_str() {
                "raised" => Ok(CatchKind::Raise(
                    cond.unwrap_or_default()
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect(),
                )),
                "uncaught" => Ok(CatchKind::Uncaught),
                other => Err(format!(
                    "unknown exception filter '{other}' (raised, uncaught)"
                )),
            };
            let r = kind.and_then(|k| {
                self.pause.busy.store(true, Ordering::SeqCst);
                let r = self.engine()?.add_catchpoint(k);
                self.pause.busy.store(false, Ordering::SeqCst);
                r
            });
            self.flush_events();
            match r {
                Ok(eid) => {
                    self.bps.map(eid, id);
                    out.push(json!({"id": id, "verified": true}));
                    bps.push(Bp {
                        id,
                        engine_id: Some(eid),
                        times: None,
                    });
                }
                Err(m) => out.push(json!({"id": id, "verified": false, "message": m})),
            }
        }
        self.bps.exceptions = Some((req.args.clone(), bps));
        Ok(json!({ "breakpoints": out }))
    }
}

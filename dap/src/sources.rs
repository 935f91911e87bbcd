//! Source files. A recording holds the source of every module it ran, so the
//! client is given a file's path only where the file on disk still holds what
//! was recorded; otherwise (an edited or missing file, a bundled module) it
//! gets a `sourceReference` and asks for the text with `source`. Breakpoint
//! paths from the client are matched to the program's file names (as given
//! to `revpy record`, possibly relative).

use crate::protocol::Request;
use crate::session::{Reply, Session};
use serde_json::{json, Value as Json};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The source descriptions given so far, and the files behind references.
#[derive(Default)]
pub struct Sources {
    /// `sourceReference` N is `refs[N - 1]`.
    refs: Vec<String>,
    cache: BTreeMap<String, Json>,
}

/// A path with `.` and `..` resolved without looking at the disk.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

pub fn base_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| path.to_string())
}

impl Session {
    /// Where a file of the recording may be on disk.
    fn candidates(&self, filename: &str) -> Vec<PathBuf> {
        let p = Path::new(filename);
        if p.is_absolute() {
            vec![normalize(p)]
        } else {
            self.base_dirs
                .iter()
                .map(|d| normalize(&d.join(p)))
                .collect()
        }
    }

    /// The DAP `Source` of a file of the recording.
    pub(crate) fn source_json(&mut self, filename: &str) -> Json {
        if let Some(j) = self.sources.cache.get(filename) {
            return j.clone();
        }
        let name = base_name(filename);
        let recorded = self.engine.as_mut().and_then(|e| e.source_lines(filename));
        let mut found = None;
        if !filename.starts_with('<') {
            for cand in self.candidates(filename) {
                if let Ok(text) = std::fs::read_to_string(&cand) {
                    let same = recorded
                        .as_ref()
                        .is_none_or(|r| text.lines().eq(r.iter().map(String::as_str)));
                    if same {
                        found = Some(cand);
                        break;
                    }
                }
            }
        }
        let j = match found {
            Some(p) => json!({"name": name, "path": p.to_string_lossy()}),
            None => {
                self.sources.refs.push(filename.to_string());
                let hint = if filename.starts_with("<frozen") {
                    "deemphasize"
                } else {
                    "normal"
                };
                json!({
                    "name": name,
                    "sourceReference": self.sources.refs.len(),
                    "origin": "from the recording",
                    "presentationHint": hint,
                })
            }
        };
        self.sources.cache.insert(filename.to_string(), j.clone());
        j
    }

    /// `source`: the text of a file as the recording has it.
    pub(crate) fn source(&mut self, req: &Request) -> Reply {
        let r = match req.opt_int("sourceReference")? {
            Some(r) if r > 0 => Some(r),
            _ => req
                .args
                .get("source")
                .and_then(|s| s.get("sourceReference"))
                .and_then(|r| r.as_i64())
                .filter(|r| *r > 0),
        };
        let filename = match r {
            Some(r) => self
                .sources
                .refs
                .get(r as usize - 1)
                .cloned()
                .ok_or_else(|| format!("source: no source reference {r}"))?,
            None => {
                let source = req.object("source")?.clone();
                self.breakpoint_file(&source)?.1
            }
        };
        let lines = self
            .engine()?
            .source_lines(&filename)
            .ok_or_else(|| format!("source: the recording has no source for {filename}"))?;
        Ok(Some(
            json!({"content": lines.join("\n") + "\n", "mimeType": "text/x-python"}),
        ))
    }

    /// For a client's `Source`: the key its breakpoints are kept under, and
    /// the file name the program knows it by (its own name, or the base name
    /// for a module not loaded yet).
    pub(crate) fn breakpoint_file(&mut self, source: &Json) -> Result<(String, String), String> {
        if let Some(r) = source
            .get("sourceReference")
            .and_then(|r| r.as_i64())
            .filter(|r| *r > 0)
        {
            let f = self
                .sources
                .refs
                .get(r as usize - 1)
                .cloned()
                .ok_or_else(|| format!("no source reference {r}"))?;
            return Ok((format!("ref:{r}"), f));
        }
        let path = source
            .get("path")
            .and_then(|p| p.as_str())
            .ok_or("the source needs a 'path' or a 'sourceReference'")?
            .to_string();
        let eng = self.engine()?;
        let mut known = vec![eng.program.file.clone()];
        known.extend(eng.cur.vm.loaded_sources.iter().map(|(f, _)| f.clone()));
        let want = normalize(Path::new(&path));
        let file = known
            .iter()
            .find(|f| **f == path)
            .or_else(|| known.iter().find(|f| self.candidates(f).contains(&want)))
            .or_else(|| {
                known.iter().find(|f| {
                    let rel = f.trim_start_matches("./");
                    !Path::new(f).is_absolute() && path.ends_with(&format!("/{rel}"))
                })
            })
            .cloned()
            .unwrap_or_else(|| base_name(&path));
        Ok((path, file))
    }
}

//! History files of the line editors (the debugger shell's and the `revpy`
//! REPL's). rustyline is built without its own file history (that needs a
//! file-locking crate, and its load/save are `unimplemented!` without it), so
//! the entries are kept here: one a line, backslash and newline escaped (a REPL
//! entry can span lines), the last `MAX_ENTRIES` of them. Reading or writing the
//! file never stops a session: the caller gets a one-line message to warn with.

// The user's own history file, outside any recording: not the program's world
// (clippy.toml's determinism rules are for what the replayed program can see).
#![allow(clippy::disallowed_methods)]

use rustyline::history::{History, SearchDirection};
use rustyline::{Editor, Helper};
use std::path::{Path, PathBuf};

/// Entries kept in a history file.
pub const MAX_ENTRIES: usize = 1000;

/// `$HOME/NAME`, where a history file lives (None without a usable `$HOME`:
/// the session then has no history file).
pub fn path(name: &str) -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    if home.is_empty() {
        return None;
    }
    Some(Path::new(&home).join(name))
}

fn escape(entry: &str) -> String {
    let mut s = String::with_capacity(entry.len());
    for c in entry.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            c => s.push(c),
        }
    }
    s
}

fn unescape(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut it = line.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            s.push(c);
            continue;
        }
        match it.next() {
            Some('n') => s.push('\n'),
            Some('r') => s.push('\r'),
            Some(other) => s.push(other),
            None => s.push('\\'),
        }
    }
    s
}

/// The entries of a history file's text (the last `MAX_ENTRIES`).
pub fn parse(text: &str) -> Vec<String> {
    let entries: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(unescape)
        .collect();
    let skip = entries.len().saturating_sub(MAX_ENTRIES);
    entries.into_iter().skip(skip).collect()
}

/// The text of a history file holding `entries` (the last `MAX_ENTRIES`).
pub fn render<'a>(entries: impl IntoIterator<Item = &'a str>) -> String {
    let all: Vec<&str> = entries
        .into_iter()
        .filter(|e| !e.trim().is_empty())
        .collect();
    let skip = all.len().saturating_sub(MAX_ENTRIES);
    let mut out = String::new();
    for e in &all[skip..] {
        out.push_str(&escape(e));
        out.push('\n');
    }
    out
}

/// Add the entries of the history file at `path` to the editor's history. A
/// missing file is an empty history; any other failure is returned as a message.
pub fn load<H: Helper, I: History>(ed: &mut Editor<H, I>, path: &Path) -> Result<(), String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(format!(
                "cannot read the history file {}: {e}",
                path.display()
            ))
        }
    };
    for entry in parse(&String::from_utf8_lossy(&bytes)) {
        // An entry the history refuses (a duplicate) is simply not added.
        let _ = ed.add_history_entry(entry);
    }
    Ok(())
}

/// Write the editor's history to `path` (through a temporary file renamed over
/// it, so an interrupted write never leaves half a file).
pub fn save<H: Helper, I: History>(ed: &Editor<H, I>, path: &Path) -> Result<(), String> {
    let h = ed.history();
    let mut entries = vec![];
    for i in 0..h.len() {
        if let Ok(Some(r)) = h.get(i, SearchDirection::Forward) {
            entries.push(r.entry.into_owned());
        }
    }
    let text = render(entries.iter().map(|s| s.as_str()));
    let fail = |e: std::io::Error| format!("cannot write the history file {}: {e}", path.display());
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    if let Err(e) = std::fs::write(&tmp, text) {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip() {
        let entries = [
            "p x",
            "for i in range(3):\n    print(i)\n",
            "p '\\n'",
            "b \\",
        ];
        let text = render(entries.iter().copied());
        assert_eq!(text.lines().count(), 4);
        assert_eq!(parse(&text), entries);
    }

    #[test]
    fn only_the_last_entries_are_kept() {
        let many: Vec<String> = (0..MAX_ENTRIES + 10).map(|i| format!("p {i}")).collect();
        let text = render(many.iter().map(|s| s.as_str()));
        let back = parse(&text);
        assert_eq!(back.len(), MAX_ENTRIES);
        assert_eq!(back[0], "p 10");
        // A file written by hand with more lines is cut the same way.
        let long: String = many.iter().map(|s| format!("{s}\n")).collect();
        assert_eq!(parse(&long)[0], "p 10");
    }

    #[test]
    fn unreadable_or_unwritable_files_are_messages() {
        let dir = std::env::temp_dir().join(format!("revpy-hist-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let mut ed = rustyline::DefaultEditor::new().expect("editor");
        // A directory where the file should be: reading and writing fail.
        assert!(load(&mut ed, &dir).is_err_and(|m| m.contains("cannot read")));
        assert!(save(&ed, &dir).is_err_and(|m| m.contains("cannot write")));
        // Missing: an empty history.
        assert!(load(&mut ed, &dir.join("none")).is_ok());
        // Binary junk loads as text without failing.
        let junk = dir.join("junk");
        std::fs::write(&junk, [0xff, 0xfe, b'\n', b'p', b' ', b'1', b'\n']).expect("write");
        assert!(load(&mut ed, &junk).is_ok());
        assert!(ed.history().len() == 2);
        let out = dir.join("out");
        save(&ed, &out).expect("save");
        assert!(std::fs::read_to_string(&out)
            .expect("read")
            .ends_with("p 1\n"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

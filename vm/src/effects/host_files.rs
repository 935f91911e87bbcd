//! Files the program opened, on the host side: handles to open files with their
//! write buffers. Not program state (in replay none are open).

// Part of the effects boundary (see `mod.rs`).
#![allow(clippy::disallowed_methods)]

use std::io::Write;

/// An open file on the host, with a write buffer (flushed before any other operation
/// on it, when flushed or closed, and when dropped).
pub struct HostFile {
    pub file: std::fs::File,
    pub wbuf: Vec<u8>,
}

impl HostFile {
    pub fn new(file: std::fs::File) -> HostFile {
        HostFile { file, wbuf: vec![] }
    }
    /// Buffer a write (written out when the buffer grows past 64 KiB).
    pub fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= 1 << 16 {
            self.flush()?;
        }
        Ok(())
    }
    pub fn flush(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let r = self.file.write_all(&self.wbuf);
            self.wbuf.clear();
            r?;
        }
        Ok(())
    }
}

impl Drop for HostFile {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// The host files a program has open, by handle number.
#[derive(Default)]
pub struct HostFiles {
    next: i64,
    files: std::collections::HashMap<i64, HostFile>,
}

impl std::fmt::Debug for HostFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "HostFiles({} open)", self.files.len())
    }
}

impl HostFiles {
    /// Register an open file; returns its handle number.
    pub fn insert(&mut self, file: std::fs::File) -> i64 {
        self.next += 1;
        self.files.insert(self.next, HostFile::new(file));
        self.next
    }
    pub fn get_mut(&mut self, id: i64) -> Option<&mut HostFile> {
        self.files.get_mut(&id)
    }
    pub fn remove(&mut self, id: i64) -> Option<HostFile> {
        self.files.remove(&id)
    }
    /// Flush every open file's write buffer (at exit, `os._exit` excepted).
    pub fn flush_all(&mut self) {
        for f in self.files.values_mut() {
            let _ = f.flush();
        }
    }
}

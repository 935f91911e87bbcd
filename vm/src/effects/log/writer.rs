//! Writing a recording: `LogWriter` appends effects to a pending list; a background
//! thread encodes them into checksummed blocks and writes them (every 512 effects,
//! every second, and on demand), so a killed program leaves a readable prefix.

use super::*;
use std::collections::VecDeque;
use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Write one chunk (tag, length, CRC, payload).
pub(super) fn write_chunk(out: &mut dyn Write, tag: u8, payload: &[u8]) -> std::io::Result<u64> {
    let len = u32::try_from(payload.len()).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "a log block over 4 GiB")
    })?;
    let mut head = [0u8; CHUNK_HEAD_LEN];
    head[0] = tag;
    head[1..5].copy_from_slice(&len.to_le_bytes());
    head[5..9].copy_from_slice(&crc32(payload).to_le_bytes());
    out.write_all(&head)?;
    out.write_all(payload)?;
    out.flush()?;
    Ok((CHUNK_HEAD_LEN + payload.len()) as u64)
}

/// An in-memory log destination that stays readable after the writer is done
/// (embedding, tests): `LogWriter::create(Box::new(buf.clone()), ..)`, then
/// `buf.contents()`.
#[derive(Clone, Debug, Default)]
pub struct MemoryLog(Arc<Mutex<Vec<u8>>>);

impl MemoryLog {
    pub fn new() -> MemoryLog {
        MemoryLog::default()
    }
    /// A copy of everything written so far.
    pub fn contents(&self) -> Vec<u8> {
        self.0.lock().map(|b| b.clone()).unwrap_or_default()
    }
}

impl Write for MemoryLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut b) => {
                b.extend_from_slice(buf);
                Ok(buf.len())
            }
            Err(_) => Err(std::io::Error::other("memory log poisoned")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// State shared between the VM's side of the writer and the writer thread.
#[derive(Default)]
struct State {
    /// Effects not yet handed to the writer thread.
    pending: Vec<Record>,
    /// When the oldest pending effect was recorded.
    pending_since: Option<Instant>,
    /// Blocks waiting to be written, in order.
    ready: VecDeque<Vec<Record>>,
    /// Flush requests made / completed (a requester waits for its ticket).
    requested: u64,
    completed: u64,
    /// The end record to write after the last block; then the thread ends.
    end: Option<End>,
    /// Stop without an end record (the writer was dropped unfinished).
    abandon: bool,
    /// The first write error: later writes are skipped, `finish` reports it.
    error: Option<String>,
    bytes_written: u64,
    blocks_written: u64,
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the writer thread (work to do) and flush requesters (work done).
    cv: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Writes a recording as the program runs.
pub struct LogWriter {
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for LogWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "LogWriter({} pending)", self.shared.lock().pending.len())
    }
}

impl LogWriter {
    /// Start a recording: write the magic, version and header (synchronously), then
    /// start the writer thread.
    // The log writer: its own thread, outside the program (clippy.toml).
    #[allow(clippy::disallowed_methods)]
    pub fn create(mut out: Box<dyn Write + Send>, header: &Header) -> std::io::Result<LogWriter> {
        let h = encode(header);
        let hlen = u32::try_from(h.len()).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "a log header over 4 GiB")
        })?;
        let mut pre = Vec::with_capacity(PREAMBLE_LEN);
        pre.extend_from_slice(MAGIC);
        pre.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        pre.extend_from_slice(&hlen.to_le_bytes());
        pre.extend_from_slice(&crc32(&h).to_le_bytes());
        out.write_all(&pre)?;
        out.write_all(&h)?;
        out.flush()?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                bytes_written: (PREAMBLE_LEN + h.len()) as u64,
                ..State::default()
            }),
            cv: Condvar::new(),
        });
        let s = shared.clone();
        let thread = std::thread::Builder::new()
            .name("revpy-log-writer".into())
            .spawn(move || writer_thread(&s, out))?;
        Ok(LogWriter {
            shared,
            thread: Some(thread),
        })
    }

    /// Append one effect (written with its block later).
    // The writer's one-second flush clock: when blocks reach the disk, never what
    // the program sees (clippy.toml).
    #[allow(clippy::disallowed_methods)]
    pub fn push(&mut self, r: Record) {
        let mut st = self.shared.lock();
        if st.pending.is_empty() {
            st.pending_since = Some(Instant::now());
        }
        st.pending.push(r);
        if st.pending.len() >= BLOCK_EFFECTS {
            let block = std::mem::take(&mut st.pending);
            st.pending_since = None;
            st.ready.push_back(block);
            drop(st);
            self.shared.cv.notify_all();
        }
    }

    /// Write the pending effects as one block and wait until every block so far is
    /// written (and flushed to the destination).
    pub fn flush_block(&mut self) -> std::io::Result<()> {
        let mut st = self.shared.lock();
        if !st.pending.is_empty() {
            let block = std::mem::take(&mut st.pending);
            st.pending_since = None;
            st.ready.push_back(block);
        }
        st.requested += 1;
        let ticket = st.requested;
        self.shared.cv.notify_all();
        while st.completed < ticket && self.thread.is_some() && st.error.is_none() {
            st = self.shared.cv.wait(st).unwrap_or_else(|p| p.into_inner());
        }
        match &st.error {
            Some(e) => Err(std::io::Error::other(e.clone())),
            None => Ok(()),
        }
    }

    /// Flush, write the end record, and stop the writer thread. Effects pushed after
    /// this are dropped.
    pub fn finish(&mut self, end: &End) -> std::io::Result<()> {
        let Some(thread) = self.thread.take() else {
            return Err(std::io::Error::other("the recording was already finished"));
        };
        {
            let mut st = self.shared.lock();
            if !st.pending.is_empty() {
                let block = std::mem::take(&mut st.pending);
                st.ready.push_back(block);
            }
            st.end = Some(end.clone());
        }
        self.shared.cv.notify_all();
        let _ = thread.join();
        match &self.shared.lock().error {
            Some(e) => Err(std::io::Error::other(e.clone())),
            None => Ok(()),
        }
    }

    /// Bytes written to the destination so far.
    pub fn bytes_written(&self) -> u64 {
        self.shared.lock().bytes_written
    }

    /// Blocks written so far.
    pub fn blocks_written(&self) -> u64 {
        self.shared.lock().blocks_written
    }
}

impl Drop for LogWriter {
    /// Unfinished (the VM was dropped without `finish`): write what is pending, no
    /// end record, as if the program had been killed after its last effect.
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            {
                let mut st = self.shared.lock();
                if !st.pending.is_empty() {
                    let block = std::mem::take(&mut st.pending);
                    st.ready.push_back(block);
                }
                st.abandon = true;
            }
            self.shared.cv.notify_all();
            let _ = thread.join();
        }
    }
}

// The writer's one-second flush clock (see `push`).
#[allow(clippy::disallowed_methods)]
fn writer_thread(shared: &Shared, mut out: Box<dyn Write + Send>) {
    let period = Duration::from_millis(BLOCK_MILLIS);
    let mut st = shared.lock();
    loop {
        // Age out the pending effects.
        if let Some(since) = st.pending_since {
            if since.elapsed() >= period {
                let block = std::mem::take(&mut st.pending);
                st.pending_since = None;
                st.ready.push_back(block);
            }
        }
        let ticket = st.requested;
        if !st.ready.is_empty() {
            let blocks: Vec<Vec<Record>> = st.ready.drain(..).collect();
            let failed = st.error.is_some();
            drop(st);
            let mut written = 0u64;
            let mut n = 0u64;
            let mut error = None;
            if !failed {
                for b in &blocks {
                    match write_chunk(&mut *out, TAG_BLOCK, &encode(b)) {
                        Ok(k) => {
                            written += k;
                            n += 1;
                        }
                        Err(e) => {
                            error = Some(e.to_string());
                            break;
                        }
                    }
                }
            }
            st = shared.lock();
            st.bytes_written += written;
            st.blocks_written += n;
            if st.error.is_none() {
                st.error = error;
            }
            continue;
        }
        if st.completed < ticket {
            st.completed = ticket;
            shared.cv.notify_all();
        }
        if let Some(end) = st.end.take() {
            if st.error.is_none() {
                match write_chunk(&mut *out, TAG_END, &encode(&end)) {
                    Ok(k) => st.bytes_written += k,
                    Err(e) => st.error = Some(e.to_string()),
                }
            }
            break;
        }
        if st.abandon {
            break;
        }
        let wait = match st.pending_since {
            Some(since) => period.saturating_sub(since.elapsed()),
            None => period,
        };
        st = shared
            .cv
            .wait_timeout(st, wait)
            .map(|(g, _)| g)
            .unwrap_or_else(|p| p.into_inner().0);
    }
    st.completed = st.requested;
    drop(st);
    shared.cv.notify_all();
}

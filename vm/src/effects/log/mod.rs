//! The recording log: a versioned header, the effect stream in checksummed blocks
//! (flushed as the program runs, so a killed program leaves a readable prefix), and
//! an end record with the totals. The format is documented in `docs/log-format.md`.
//!
//! Writing happens on a background thread: the VM only appends each effect to a
//! pending list (one uncontended lock); the writer thread encodes and writes a block
//! when 512 effects are pending, when a pending effect is a second old, and when the
//! VM asks (`flush_block`, `finish`).

use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The first bytes of every recording.
pub const MAGIC: &[u8; 8] = b"REVPYLOG";
/// Bumped whenever the layout or an encoded type changes (see `docs/log-format.md`).
pub const FORMAT_VERSION: u32 = 1;

/// Bytes before the header payload: magic, version, header length, header CRC.
pub const PREAMBLE_LEN: usize = 20;
/// Bytes before a chunk's payload: tag, length, CRC.
pub const CHUNK_HEAD_LEN: usize = 9;

/// The tag of a block of effects.
pub const TAG_BLOCK: u8 = b'B';
/// The tag of the end record.
pub const TAG_END: u8 = b'E';

/// A block is written as soon as this many effects are pending...
pub const BLOCK_EFFECTS: usize = 512;
/// ...or when the oldest pending effect is this old, and at exit.
pub const BLOCK_MILLIS: u64 = 1000;

/// What was recorded before the program started.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Header {
    pub revpy_version: String,
    /// `sys.argv` (argv[0] is the script path as given).
    pub argv: Vec<String>,
    /// The directory of the script (`sys.path[0]`).
    pub script_dir: String,
    /// The main script's source text. Imported modules' sources are effects.
    pub main_source: String,
}

/// A value an effect produced. Kept small: most effects carry one of these.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Val {
    Unit,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// Absent (a missing env var, a file that could not be read, ...).
    None,
    /// An OS error: errno and message.
    Err(i32, String),
    List(Vec<Val>),
}

/// One effect: its kind (an index into `EffectKind`) and its result.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub kind: u16,
    pub val: Val,
}

/// The totals written when the program ends.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct End {
    pub exit_status: i32,
    pub stop_points: u64,
    pub instructions: u64,
    pub effects: u64,
}

/// CRC-32 (IEEE 802.3, as zlib's `crc32`), for the header and block checksums.
pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// Encode with postcard. Encoding into a Vec cannot fail for these types.
pub fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    postcard::to_allocvec(v).unwrap_or_default()
}

/// Decode a whole postcard payload: trailing bytes are an error.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((v, [])) => Ok(v),
        Ok((_, rest)) => Err(format!("{} unexpected bytes after the value", rest.len())),
        Err(e) => Err(e.to_string()),
    }
}

/// The deepest nesting of `Val::List`s a reader accepts. Effects log values a few
/// levels deep; the bound keeps a damaged or hostile file from exhausting the stack
/// (decoding, dropping and printing a value recurse once per level).
pub const MAX_VAL_DEPTH: usize = 1000;

/// A cursor over a block's payload, decoding postcard's encoding of `Vec<Record>` by
/// hand (see `docs/log-format.md`, "Encoding"): every length is checked against the
/// bytes left before anything is allocated, and nesting is bounded.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn left(&self) -> usize {
        self.data.len() - self.pos
    }

    fn ended(&self) -> String {
        format!("the payload ends inside a value (at its byte {})", self.pos)
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.data.get(self.pos).ok_or_else(|| self.ended())?;
        self.pos += 1;
        Ok(b)
    }

    /// An unsigned LEB128 varint of at most `max_bytes` bytes whose value is at most
    /// `max` (as postcard: 3 bytes for a u16, 5 for a u32, 10 for a u64).
    fn varint(&mut self, max_bytes: u32, max: u64) -> Result<u64, String> {
        let start = self.pos;
        let mut out: u64 = 0;
        for i in 0..max_bytes {
            let b = self.byte()?;
            let bits = 7 * i;
            let part = (b & 0x7f) as u64;
            if bits >= 64 || (bits > 0 && part > (u64::MAX >> bits)) {
                break;
            }
            out |= part << bits;
            if b & 0x80 == 0 {
                if out > max {
                    break;
                }
                return Ok(out);
            }
        }
        Err(format!("a bad varint at byte {start} of the payload"))
    }

    /// A length (of a string, bytes, or a list of items at least `min_item` bytes
    /// each), checked against the bytes that are left.
    fn len(&mut self, min_item: usize) -> Result<usize, String> {
        let start = self.pos;
        let n = self.varint(10, u64::MAX)?;
        if n > (self.left() / min_item.max(1)) as u64 {
            return Err(format!(
                "a length of {n} at byte {start} of the payload, but only {} bytes follow",
                self.left()
            ));
        }
        Ok(n as usize)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.left() {
            return Err(self.ended());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn string(&mut self) -> Result<String, String> {
        let start = self.pos;
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec())
            .map_err(|_| format!("a string that is not UTF-8 at byte {start} of the payload"))
    }

    fn zigzag(u: u64) -> i64 {
        ((u >> 1) as i64) ^ -((u & 1) as i64)
    }

    /// One `Val`, inside `depth` lists.
    fn val(&mut self, depth: usize) -> Result<Val, String> {
        let start = self.pos;
        let variant = self.varint(5, u32::MAX as u64)?;
        Ok(match variant {
            0 => Val::Unit,
            1 => match self.byte()? {
                0 => Val::Bool(false),
                1 => Val::Bool(true),
                b => {
                    return Err(format!(
                        "a bool of value {b} at byte {start} of the payload"
                    ))
                }
            },
            2 => Val::Int(Self::zigzag(self.varint(10, u64::MAX)?)),
            3 => {
                let mut a = [0u8; 8];
                a.copy_from_slice(self.take(8)?);
                Val::Float(f64::from_le_bytes(a))
            }
            4 => Val::Str(self.string()?),
            5 => {
                let n = self.len(1)?;
                Val::Bytes(self.take(n)?.to_vec())
            }
            6 => Val::None,
            7 => {
                let errno = Self::zigzag(self.varint(5, u32::MAX as u64)?) as i32;
                Val::Err(errno, self.string()?)
            }
            8 => {
                if depth >= MAX_VAL_DEPTH {
                    return Err(format!("value nested deeper than {MAX_VAL_DEPTH} levels"));
                }
                let n = self.len(1)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.val(depth + 1)?);
                }
                Val::List(items)
            }
            v => {
                return Err(format!(
                    "an unknown value variant {v} at byte {start} of the payload"
                ))
            }
        })
    }
}

/// Decode a block's payload (a postcard `Vec<Record>`, as `encode` writes it);
/// `first` is the number of the block's first effect, for messages. Trailing bytes
/// are an error.
pub fn decode_block(payload: &[u8], first: u64) -> Result<Vec<Record>, String> {
    let mut c = Cursor {
        data: payload,
        pos: 0,
    };
    // A record is at least two bytes: its kind and its value's variant.
    let n = c.len(2)?;
    let mut recs = Vec::with_capacity(n);
    for i in 0..n {
        let at = |e: String| format!("{e} (effect #{})", first + i as u64);
        let kind = c.varint(3, u16::MAX as u64).map_err(at)? as u16;
        let val = c.val(0).map_err(at)?;
        recs.push(Record { kind, val });
    }
    if c.left() > 0 {
        return Err(format!(
            "{} unexpected bytes after the last effect",
            c.left()
        ));
    }
    Ok(recs)
}

/// Write one chunk (tag, length, CRC, payload).
fn write_chunk(out: &mut dyn Write, tag: u8, payload: &[u8]) -> std::io::Result<u64> {
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

/// Why a file is not a readable recording.
#[derive(Clone, Debug, PartialEq)]
pub enum LogError {
    Empty,
    NotALog,
    Version(u32),
    TruncatedHeader { size: u64 },
    HeaderChecksum,
    BadHeader(String),
    Io(String),
}

impl std::fmt::Display for LogError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            LogError::Empty => write!(f, "not a revpy recording (the file is empty)"),
            LogError::NotALog => {
                write!(f, "not a revpy recording (it does not start with the magic number \"REVPYLOG\")")
            }
            LogError::Version(v) => write!(
                f,
                "recording format version {v} is not supported (this revpy reads version {FORMAT_VERSION})"
            ),
            LogError::TruncatedHeader { size } => {
                write!(f, "the recording is truncated inside its header (the file has only {size} bytes)")
            }
            LogError::HeaderChecksum => write!(f, "the recording's header is corrupt (checksum mismatch)"),
            LogError::BadHeader(e) => write!(f, "the recording's header cannot be decoded: {e}"),
            LogError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// How the effect stream ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Tail {
    /// A proper end record.
    Complete(End),
    /// The file stops (killed, crashed, or cut) after the last complete block.
    Truncated { at_byte: u64 },
    /// A chunk failed its checksum or could not be decoded; what precedes it is good.
    Corrupt { at_byte: u64, what: String },
}

/// A recording read into memory: header, effects, and how it ended.
#[derive(Clone, Debug)]
pub struct Recording {
    pub header: Header,
    pub effects: Vec<Record>,
    pub tail: Tail,
    pub size: u64,
    pub blocks: usize,
}

impl Recording {
    /// Read and check a whole recording.
    pub fn read(mut input: impl Read) -> Result<Recording, LogError> {
        let mut data = vec![];
        input
            .read_to_end(&mut data)
            .map_err(|e| LogError::Io(e.to_string()))?;
        Recording::parse(&data)
    }

    /// Check and decode a recording. Errors in the header make the file unreadable;
    /// problems after it end the effect stream there (`tail`).
    pub fn parse(data: &[u8]) -> Result<Recording, LogError> {
        if data.is_empty() {
            return Err(LogError::Empty);
        }
        let n = data.len().min(MAGIC.len());
        if data[..n] != MAGIC[..n] {
            return Err(LogError::NotALog);
        }
        let u32_at =
            |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
        if data.len() >= 12 {
            let version = u32_at(8);
            if version != FORMAT_VERSION {
                return Err(LogError::Version(version));
            }
        }
        if data.len() < PREAMBLE_LEN {
            return Err(LogError::TruncatedHeader {
                size: data.len() as u64,
            });
        }
        let hlen = u32_at(12) as usize;
        let hcrc = u32_at(16);
        if data.len() - PREAMBLE_LEN < hlen {
            return Err(LogError::TruncatedHeader {
                size: data.len() as u64,
            });
        }
        let hbytes = &data[PREAMBLE_LEN..PREAMBLE_LEN + hlen];
        if crc32(hbytes) != hcrc {
            return Err(LogError::HeaderChecksum);
        }
        let header: Header = decode(hbytes).map_err(LogError::BadHeader)?;
        let mut effects = vec![];
        let mut pos = PREAMBLE_LEN + hlen;
        let mut blocks = 0;
        let nkinds = crate::effects::EffectKind::ALL.len();
        let tail = loop {
            let left = data.len() - pos;
            if left < CHUNK_HEAD_LEN {
                break Tail::Truncated {
                    at_byte: pos as u64,
                };
            }
            let tag = data[pos];
            let len = u32_at(pos + 1) as usize;
            let crc = u32_at(pos + 5);
            if tag != TAG_BLOCK && tag != TAG_END {
                break Tail::Corrupt {
                    at_byte: pos as u64,
                    what: format!("block {blocks}: unknown chunk tag 0x{tag:02x}"),
                };
            }
            if left - CHUNK_HEAD_LEN < len {
                break Tail::Truncated {
                    at_byte: pos as u64,
                };
            }
            let payload = &data[pos + CHUNK_HEAD_LEN..pos + CHUNK_HEAD_LEN + len];
            if crc32(payload) != crc {
                break Tail::Corrupt {
                    at_byte: pos as u64,
                    what: match tag {
                        TAG_END => "end record: checksum mismatch".to_string(),
                        _ => format!("block {blocks}: checksum mismatch"),
                    },
                };
            }
            let next = pos + CHUNK_HEAD_LEN + len;
            if tag == TAG_END {
                let end = match decode::<End>(payload) {
                    Ok(end) => end,
                    Err(e) => {
                        break Tail::Corrupt {
                            at_byte: pos as u64,
                            what: format!("end record: cannot be decoded: {e}"),
                        }
                    }
                };
                if next != data.len() {
                    break Tail::Corrupt {
                        at_byte: next as u64,
                        what: format!("{} bytes of data after the end record", data.len() - next),
                    };
                }
                if end.effects != effects.len() as u64 {
                    break Tail::Corrupt {
                        at_byte: pos as u64,
                        what: format!(
                            "end record: it counts {} effects but the log holds {}",
                            end.effects,
                            effects.len()
                        ),
                    };
                }
                break Tail::Complete(end);
            }
            let recs = match decode_block(payload, effects.len() as u64) {
                Ok(recs) => recs,
                Err(e) => {
                    break Tail::Corrupt {
                        at_byte: pos as u64,
                        what: format!("block {blocks}: {e}"),
                    }
                }
            };
            if let Some(i) = recs.iter().position(|r| r.kind as usize >= nkinds) {
                break Tail::Corrupt {
                    at_byte: pos as u64,
                    what: format!(
                        "block {blocks}: effect #{} has unknown kind {} (this revpy knows kinds 0 to {})",
                        effects.len() + i,
                        recs[i].kind,
                        nkinds - 1
                    ),
                };
            }
            effects.extend(recs);
            blocks += 1;
            pos = next;
        };
        Ok(Recording {
            header,
            effects,
            tail,
            size: data.len() as u64,
            blocks,
        })
    }

    /// Whether the recording ends with a valid end record.
    pub fn is_complete(&self) -> bool {
        matches!(self.tail, Tail::Complete(_))
    }

    /// The end record, if the recording is complete.
    pub fn end(&self) -> Option<&End> {
        match &self.tail {
            Tail::Complete(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the writer's timing is tested with a real clock
mod tests {
    use super::*;

    #[test]
    fn crc_of_known_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    fn header() -> Header {
        Header {
            revpy_version: "0.1.0".into(),
            argv: vec!["p.py".into()],
            script_dir: ".".into(),
            main_source: "print(1)\n".into(),
        }
    }

    fn rec(i: i64) -> Record {
        Record {
            kind: 0,
            val: Val::Int(i),
        }
    }

    #[test]
    fn round_trip_in_blocks() {
        let buf = MemoryLog::new();
        let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
        for i in 0..1100 {
            w.push(rec(i));
        }
        w.finish(&End {
            exit_status: 0,
            stop_points: 5,
            instructions: 9,
            effects: 1100,
        })
        .unwrap();
        let r = Recording::parse(&buf.contents()).unwrap();
        assert_eq!(r.header, header());
        assert_eq!(r.effects.len(), 1100);
        assert_eq!(r.blocks, 3);
        assert_eq!(r.effects[1099], rec(1099));
        assert!(r.is_complete());
        assert_eq!(r.size, w.bytes_written());
    }

    #[test]
    fn flush_block_writes_synchronously() {
        let buf = MemoryLog::new();
        let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
        w.push(rec(1));
        w.flush_block().unwrap();
        let r = Recording::parse(&buf.contents()).unwrap();
        assert_eq!(r.effects, vec![rec(1)]);
        assert_eq!(
            r.tail,
            Tail::Truncated {
                at_byte: buf.contents().len() as u64
            }
        );
        // Dropping an unfinished writer keeps what was pushed, without an end record.
        w.push(rec(2));
        drop(w);
        let r = Recording::parse(&buf.contents()).unwrap();
        assert_eq!(r.effects, vec![rec(1), rec(2)]);
        assert!(!r.is_complete());
    }

    #[test]
    fn old_pending_effects_are_written_within_a_second() {
        let buf = MemoryLog::new();
        let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
        w.push(rec(7));
        std::thread::sleep(Duration::from_millis(BLOCK_MILLIS + 400));
        let r = Recording::parse(&buf.contents()).unwrap();
        assert_eq!(r.effects, vec![rec(7)]);
        w.finish(&End {
            exit_status: 0,
            stop_points: 0,
            instructions: 0,
            effects: 1,
        })
        .unwrap();
    }

    /// Values of every shape, as effects log them.
    fn sample_vals() -> Vec<Val> {
        vec![
            Val::Unit,
            Val::Bool(false),
            Val::Bool(true),
            Val::Int(0),
            Val::Int(-1),
            Val::Int(i64::MIN),
            Val::Int(i64::MAX),
            Val::Float(-0.0),
            Val::Float(f64::INFINITY),
            Val::Float(1e300),
            Val::Str(String::new()),
            Val::Str("h\u{e9}llo \u{1f600}".into()),
            Val::Bytes(vec![]),
            Val::Bytes((0..=255).collect()),
            Val::None,
            Val::Err(2, "No such file or directory".into()),
            Val::Err(i32::MIN, String::new()),
            Val::Err(i32::MAX, "x".repeat(300)),
            Val::List(vec![]),
            Val::List(vec![
                Val::Int(3),
                Val::List(vec![Val::Str("a".into()), Val::List(vec![Val::None])]),
            ]),
        ]
    }

    #[test]
    fn the_block_decoder_reads_what_postcard_writes() {
        let mut recs: Vec<Record> = sample_vals()
            .into_iter()
            .enumerate()
            .map(|(i, val)| Record {
                kind: (i * 3000) as u16,
                val,
            })
            .collect();
        recs.push(Record {
            kind: u16::MAX,
            val: Val::Unit,
        });
        let bytes = encode(&recs);
        assert_eq!(decode_block(&bytes, 0).unwrap(), recs);
        // ...and agrees with postcard on every prefix and every byte flip: both
        // accept (the same records) or both refuse.
        for cut in 0..bytes.len() {
            assert!(decode_block(&bytes[..cut], 0).is_err());
        }
        for at in 0..bytes.len() {
            for bit in [0x01, 0x40, 0x80] {
                let mut b = bytes.clone();
                b[at] ^= bit;
                let ours = decode_block(&b, 0).ok();
                let theirs = decode::<Vec<Record>>(&b).ok();
                let same = match (&ours, &theirs) {
                    // NaN != NaN: compare the bytes they re-encode to.
                    (Some(a), Some(b)) => encode(a) == encode(b),
                    (None, None) => true,
                    _ => false,
                };
                assert!(same, "flip {bit:#x} at {at}: {ours:?} vs {theirs:?}");
            }
        }
    }

    #[test]
    fn nesting_and_lengths_are_bounded() {
        // One record (kind 2) whose value is a list nested `depth` deep around None.
        let nested = |depth: usize| {
            let mut b = vec![1u8, 2];
            for _ in 0..depth {
                b.extend_from_slice(&[8, 1]);
            }
            b.push(6);
            b
        };
        let ok = decode_block(&nested(MAX_VAL_DEPTH), 0).unwrap();
        assert_eq!(ok.len(), 1);
        let e = decode_block(&nested(MAX_VAL_DEPTH + 1), 7).unwrap_err();
        assert_eq!(e, "value nested deeper than 1000 levels (effect #7)");
        let e = decode_block(&nested(100_000), 0).unwrap_err();
        assert!(e.starts_with("value nested deeper than 1000 levels"), "{e}");
        // Counts and lengths of 2^60 are refused before anything is allocated.
        let big = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
        let mut b = big.to_vec();
        b.push(0);
        let e = decode_block(&b, 0).unwrap_err();
        assert!(
            e.starts_with("a length of 1152921504606846976 at byte 0"),
            "{e}"
        );
        for variant in [4u8, 5, 8] {
            let mut b = vec![1, 0, variant];
            b.extend_from_slice(&big);
            let e = decode_block(&b, 0).unwrap_err();
            assert!(
                e.starts_with("a length of 1152921504606846976 at byte 3"),
                "{e}"
            );
        }
        // A varint longer than its type allows.
        let e = decode_block(&[1, 0x80, 0x80, 0x80, 0x01, 0], 0).unwrap_err();
        assert_eq!(e, "a bad varint at byte 1 of the payload (effect #0)");
    }

    #[test]
    fn a_deeply_nested_value_makes_the_tail_corrupt() {
        let buf = MemoryLog::new();
        let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
        w.push(rec(1));
        w.flush_block().unwrap();
        drop(w);
        let mut data = buf.contents();
        let mut payload = vec![1u8, 2];
        for _ in 0..100_000 {
            payload.extend_from_slice(&[8, 1]);
        }
        payload.push(6);
        let at = data.len();
        write_chunk(&mut data, TAG_BLOCK, &payload).unwrap();
        let r = Recording::parse(&data).unwrap();
        assert_eq!(r.effects, vec![rec(1)]);
        assert_eq!(
            r.tail,
            Tail::Corrupt {
                at_byte: at as u64,
                what: "block 1: value nested deeper than 1000 levels (effect #1)".into()
            }
        );
    }

    #[test]
    fn every_prefix_parses_without_panicking() {
        let buf = MemoryLog::new();
        let mut w = LogWriter::create(Box::new(buf.clone()), &header()).unwrap();
        for i in 0..600 {
            w.push(Record {
                kind: 4,
                val: Val::List(vec![Val::Str(format!("{i}")), Val::Float(0.5)]),
            });
        }
        w.finish(&End {
            exit_status: 1,
            stop_points: 2,
            instructions: 3,
            effects: 600,
        })
        .unwrap();
        let data = buf.contents();
        for cut in 0..data.len() {
            let _ = Recording::parse(&data[..cut]);
            let mut flipped = data.clone();
            flipped[cut] ^= 0x40;
            let r = Recording::parse(&flipped);
            assert!(
                !matches!(
                    r,
                    Ok(Recording {
                        tail: Tail::Complete(_),
                        ..
                    })
                ),
                "flip at {cut} undetected"
            );
        }
    }
}

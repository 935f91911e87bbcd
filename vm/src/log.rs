//! The recording log: a versioned header, the effect stream in checksummed blocks
//! (flushed as the program runs, so a killed program leaves a readable prefix), and
//! an end record with the totals. The format is documented in `docs/log-format.md`.

use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// The first bytes of every recording.
pub const MAGIC: &[u8; 8] = b"REVPYLOG";
/// Bumped whenever the layout or an encoded type changes.
pub const FORMAT_VERSION: u32 = 1;

const TAG_BLOCK: u8 = b'B';
const TAG_END: u8 = b'E';

/// Flush a block at least every this many effects...
pub const BLOCK_EFFECTS: usize = 512;
/// ...and at least this often (checked when effects happen).
pub const BLOCK_MILLIS: u128 = 1000;

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

/// CRC-32 (IEEE), for block checksums.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    postcard::to_allocvec(v).expect("encoding a log record cannot fail")
}

/// Writes a recording as the program runs.
pub struct LogWriter {
    out: Box<dyn Write + Send>,
    pending: Vec<Record>,
    last_flush: std::time::Instant,
    pub bytes_written: u64,
}

impl std::fmt::Debug for LogWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "LogWriter({} pending)", self.pending.len())
    }
}

impl LogWriter {
    /// Start a recording: write the magic, version and header.
    pub fn create(mut out: Box<dyn Write + Send>, header: &Header) -> std::io::Result<LogWriter> {
        let h = encode(header);
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        out.write_all(&(h.len() as u32).to_le_bytes())?;
        out.write_all(&crc32(&h).to_le_bytes())?;
        out.write_all(&h)?;
        out.flush()?;
        Ok(LogWriter {
            out,
            pending: Vec::with_capacity(BLOCK_EFFECTS),
            last_flush: std::time::Instant::now(),
            bytes_written: 20 + h.len() as u64,
        })
    }

    pub fn push(&mut self, r: Record) {
        self.pending.push(r);
        if self.pending.len() >= BLOCK_EFFECTS || self.last_flush.elapsed().as_millis() >= BLOCK_MILLIS {
            let _ = self.flush_block();
        }
    }

    fn write_chunk(&mut self, tag: u8, payload: &[u8]) -> std::io::Result<()> {
        self.out.write_all(&[tag])?;
        self.out.write_all(&(payload.len() as u32).to_le_bytes())?;
        self.out.write_all(&crc32(payload).to_le_bytes())?;
        self.out.write_all(payload)?;
        self.out.flush()?;
        self.bytes_written += 9 + payload.len() as u64;
        Ok(())
    }

    /// Write the pending effects as one block.
    pub fn flush_block(&mut self) -> std::io::Result<()> {
        self.last_flush = std::time::Instant::now();
        if self.pending.is_empty() {
            return Ok(());
        }
        let payload = encode(&self.pending);
        self.pending.clear();
        self.write_chunk(TAG_BLOCK, &payload)
    }

    /// Flush and write the end record.
    pub fn finish(&mut self, end: &End) -> std::io::Result<()> {
        self.flush_block()?;
        let payload = encode(end);
        self.write_chunk(TAG_END, &payload)
    }
}

/// Why a file is not a readable recording.
#[derive(Clone, Debug, PartialEq)]
pub enum LogError {
    NotALog,
    Version(u32),
    TruncatedHeader,
    HeaderChecksum,
    BadHeader(String),
    Io(String),
}

impl std::fmt::Display for LogError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            LogError::NotALog => write!(f, "not a revpy recording (bad magic number)"),
            LogError::Version(v) => write!(
                f,
                "recording format version {v} is not supported (this revpy reads version {FORMAT_VERSION})"
            ),
            LogError::TruncatedHeader => write!(f, "the recording is truncated inside its header"),
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
    /// A block failed its checksum or could not be decoded.
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
        input.read_to_end(&mut data).map_err(|e| LogError::Io(e.to_string()))?;
        Recording::parse(&data)
    }

    pub fn parse(data: &[u8]) -> Result<Recording, LogError> {
        if data.len() < 8 || &data[..8] != MAGIC {
            return Err(LogError::NotALog);
        }
        if data.len() < 20 {
            return Err(LogError::TruncatedHeader);
        }
        let u32_at = |i: usize| u32::from_le_bytes(data[i..i + 4].try_into().expect("4 bytes"));
        let version = u32_at(8);
        if version != FORMAT_VERSION {
            return Err(LogError::Version(version));
        }
        let hlen = u32_at(12) as usize;
        let hcrc = u32_at(16);
        if data.len() < 20 + hlen {
            return Err(LogError::TruncatedHeader);
        }
        let hbytes = &data[20..20 + hlen];
        if crc32(hbytes) != hcrc {
            return Err(LogError::HeaderChecksum);
        }
        let header: Header = postcard::from_bytes(hbytes).map_err(|e| LogError::BadHeader(e.to_string()))?;
        let mut effects = vec![];
        let mut pos = 20 + hlen;
        let mut blocks = 0;
        let tail = loop {
            if pos == data.len() {
                break Tail::Truncated { at_byte: pos as u64 };
            }
            if pos + 9 > data.len() {
                break Tail::Truncated { at_byte: pos as u64 };
            }
            let tag = data[pos];
            let len = u32_at(pos + 1) as usize;
            let crc = u32_at(pos + 5);
            if tag != TAG_BLOCK && tag != TAG_END {
                break Tail::Corrupt { at_byte: pos as u64, what: format!("unknown record tag 0x{tag:02x}") };
            }
            if pos + 9 + len > data.len() {
                break Tail::Truncated { at_byte: pos as u64 };
            }
            let payload = &data[pos + 9..pos + 9 + len];
            if crc32(payload) != crc {
                break Tail::Corrupt { at_byte: pos as u64, what: "checksum mismatch".into() };
            }
            if tag == TAG_END {
                match postcard::from_bytes::<End>(payload) {
                    Ok(end) => {
                        if pos + 9 + len != data.len() {
                            break Tail::Corrupt {
                                at_byte: (pos + 9 + len) as u64,
                                what: "data after the end record".into(),
                            };
                        }
                        if end.effects != effects.len() as u64 {
                            break Tail::Corrupt {
                                at_byte: pos as u64,
                                what: format!(
                                    "the end record counts {} effects but the log holds {}",
                                    end.effects,
                                    effects.len()
                                ),
                            };
                        }
                        break Tail::Complete(end);
                    }
                    Err(e) => break Tail::Corrupt { at_byte: pos as u64, what: format!("bad end record: {e}") },
                }
            }
            match postcard::from_bytes::<Vec<Record>>(payload) {
                Ok(recs) => {
                    if recs.iter().any(|r| r.kind as usize >= crate::effects::EffectKind::ALL.len()) {
                        break Tail::Corrupt { at_byte: pos as u64, what: "unknown effect kind".into() };
                    }
                    effects.extend(recs);
                    blocks += 1;
                }
                Err(e) => break Tail::Corrupt { at_byte: pos as u64, what: format!("bad block: {e}") },
            }
            pos += 9 + len;
        };
        Ok(Recording { header, effects, tail, size: data.len() as u64, blocks })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_known_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}

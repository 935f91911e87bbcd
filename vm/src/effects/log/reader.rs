//! Reading a recording: the header, the blocks (a hand-written decoder that checks
//! every length before allocating and bounds nesting), and the end record; a damaged
//! or cut-short file gives the readable prefix and says what is wrong with the tail.

use super::*;
use std::io::Read;

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

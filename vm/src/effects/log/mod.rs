//! The recording log: a versioned header, the effect stream in checksummed blocks
//! (flushed as the program runs, so a killed program leaves a readable prefix), and
//! an end record with the totals. The format is documented in `docs/log-format.md`.
//!
//! Writing happens on a background thread: the VM only appends each effect to a
//! pending list (one uncontended lock); the writer thread encodes and writes a block
//! when 512 effects are pending, when a pending effect is a second old, and when the
//! VM asks (`flush_block`, `finish`).

mod reader;
mod writer;

pub use reader::{decode_block, LogError, Recording, Tail, MAX_VAL_DEPTH};
pub use writer::{LogWriter, MemoryLog};

use serde::{Deserialize, Serialize};

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

/// The name the main program is compiled under, from its `sys.argv[0]`: the path
/// of a script, `<string>` for `-c`, `<stdin>` for standard input (`-` or `''`),
/// `<run_module>` for `-m` (whose program calls `runpy`).
pub fn main_file_name(argv0: &str) -> String {
    match argv0 {
        "-c" => "<string>".into(),
        "-m" => "<run_module>".into(),
        "-" | "" => "<stdin>".into(),
        path => path.to_string(),
    }
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

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the writer's timing is tested with a real clock
mod tests;

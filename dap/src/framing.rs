//! DAP framing: each message is a header block (`Content-Length: N`, other
//! headers ignored, each line ended by CRLF, the block by an empty line)
//! followed by N bytes of UTF-8 JSON. Reading is tolerant: a bad header block is
//! reported and skipped, and reading goes on with the next one; only the end of
//! the stream (or an I/O error) stops it.

use std::io::{BufRead, Write};

/// The largest message body accepted (a bigger Content-Length is an error).
pub const MAX_BODY: usize = 64 << 20;

/// The longest header line accepted.
const MAX_HEADER_LINE: usize = 8192;

/// Why a message could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum FrameError {
    /// A header block with no Content-Length (skipped; reading goes on).
    MissingLength,
    /// A Content-Length that is not a number (skipped; reading goes on).
    BadLength(String),
    /// A Content-Length above `MAX_BODY` (the body is skipped; reading goes on).
    TooLarge(usize),
    /// A header line longer than 8 KiB (the rest of the block is skipped).
    LongHeader,
    /// The stream ended in the middle of a message.
    Truncated,
    Io(String),
}

impl FrameError {
    /// Whether reading can go on after this error.
    pub fn recoverable(&self) -> bool {
        !matches!(self, FrameError::Truncated | FrameError::Io(_))
    }
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::MissingLength => write!(f, "a message header without Content-Length"),
            FrameError::BadLength(s) => write!(f, "a bad Content-Length: '{s}'"),
            FrameError::TooLarge(n) => write!(
                f,
                "a message of {n} bytes (more than the {} MiB accepted)",
                MAX_BODY >> 20
            ),
            FrameError::LongHeader => write!(f, "a header line longer than 8 KiB"),
            FrameError::Truncated => write!(f, "the stream ended in the middle of a message"),
            FrameError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// Read one line (up to `\n`, which is dropped with a `\r` before it), at most
/// `MAX_HEADER_LINE` bytes. Ok(None) at the end of the stream before any byte.
fn read_line(r: &mut impl BufRead) -> Result<Option<Vec<u8>>, FrameError> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(FrameError::Io(e.to_string())),
        };
        if buf.is_empty() {
            return if line.is_empty() && !too_long {
                Ok(None)
            } else {
                Err(FrameError::Truncated)
            };
        }
        let (take, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if line.len() + take <= MAX_HEADER_LINE {
            line.extend_from_slice(&buf[..take]);
        } else {
            too_long = true;
        }
        r.consume(take);
        if done {
            break;
        }
    }
    if too_long {
        return Err(FrameError::LongHeader);
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

/// Skip the rest of a header block (after a bad line).
fn skip_block(r: &mut impl BufRead) -> Result<(), FrameError> {
    loop {
        match read_line(r) {
            Ok(Some(l)) if l.is_empty() => return Ok(()),
            Ok(Some(_)) | Err(FrameError::LongHeader) => {}
            Ok(None) => return Err(FrameError::Truncated),
            Err(e) => return Err(e),
        }
    }
}

/// Read `n` bytes, or fail with `Truncated`.
fn read_body(r: &mut impl BufRead, n: usize) -> Result<Vec<u8>, FrameError> {
    let mut body = vec![0u8; n];
    let mut got = 0;
    while got < n {
        match r.read(&mut body[got..]) {
            Ok(0) => return Err(FrameError::Truncated),
            Ok(k) => got += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(FrameError::Io(e.to_string())),
        }
    }
    Ok(body)
}

/// Skip `n` bytes (the body of a message too large to keep).
fn skip_body(r: &mut impl BufRead, mut n: usize) -> Result<(), FrameError> {
    while n > 0 {
        let buf = r.fill_buf().map_err(|e| FrameError::Io(e.to_string()))?;
        if buf.is_empty() {
            return Err(FrameError::Truncated);
        }
        let k = buf.len().min(n);
        r.consume(k);
        n -= k;
    }
    Ok(())
}

/// Read the next message body. Ok(None) at the end of the stream between
/// messages. Blank lines before a header block are skipped.
pub fn read_frame(r: &mut impl BufRead) -> Result<Option<Vec<u8>>, FrameError> {
    let mut length: Option<Result<usize, String>> = None;
    let mut started = false;
    loop {
        let line = match read_line(r) {
            Ok(Some(l)) => l,
            Ok(None) if !started => return Ok(None),
            Ok(None) => return Err(FrameError::Truncated),
            Err(FrameError::LongHeader) => {
                skip_block(r)?;
                return Err(FrameError::LongHeader);
            }
            Err(e) => return Err(e),
        };
        if line.is_empty() {
            if !started {
                continue;
            }
            break;
        }
        started = true;
        let text = String::from_utf8_lossy(&line);
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                let v = value.trim();
                length = Some(v.parse::<usize>().map_err(|_| v.to_string()));
            }
        }
    }
    match length {
        None => Err(FrameError::MissingLength),
        Some(Err(v)) => Err(FrameError::BadLength(v)),
        Some(Ok(n)) if n > MAX_BODY => {
            // Skipped (a stream ending inside it ends at the next read).
            let _ = skip_body(r, n);
            Err(FrameError::TooLarge(n))
        }
        Some(Ok(n)) => read_body(r, n).map(Some),
    }
}

/// Write one message.
pub fn write_frame(w: &mut dyn Write, body: &[u8]) -> std::io::Result<()> {
    write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
    w.write_all(body)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    /// A reader that gives its bytes a few at a time (as a pipe may).
    struct Trickle(Vec<u8>, usize, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.2.min(buf.len()).min(self.0.len() - self.1);
            buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
            self.1 += n;
            Ok(n)
        }
    }

    fn frames(input: &[u8], chunk: usize) -> Vec<Result<String, FrameError>> {
        let mut r = BufReader::with_capacity(chunk.max(1), Trickle(input.to_vec(), 0, chunk));
        let mut out = vec![];
        loop {
            match read_frame(&mut r) {
                Ok(Some(b)) => out.push(Ok(String::from_utf8(b).unwrap())),
                Ok(None) => break,
                Err(e) => {
                    let stop = !e.recoverable();
                    out.push(Err(e));
                    if stop {
                        break;
                    }
                }
            }
        }
        out
    }

    #[test]
    fn messages_split_anywhere_are_read_whole() {
        let input =
            b"Content-Length: 2\r\n\r\n{}Content-Length: 7\r\nContent-Type: x\r\n\r\n[1,2,3]";
        for chunk in [1, 2, 3, 5, 7, 64] {
            let got = frames(input, chunk);
            assert_eq!(got, vec![Ok("{}".into()), Ok("[1,2,3]".into())], "{chunk}");
        }
    }

    #[test]
    fn header_names_ignore_case_and_lf_alone_ends_lines() {
        let got = frames(b"content-length:  3\n\n123", 4);
        assert_eq!(got, vec![Ok("123".into())]);
    }

    #[test]
    fn bad_header_blocks_are_reported_and_skipped() {
        let input = b"Garbage here\r\n\r\nContent-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}";
        let got = frames(input, 3);
        assert_eq!(
            got,
            vec![
                Err(FrameError::MissingLength),
                Err(FrameError::BadLength("x".into())),
                Ok("{}".into())
            ]
        );
    }

    #[test]
    fn a_stream_cut_in_a_message_is_truncated() {
        assert_eq!(
            frames(b"Content-Length: 10\r\n\r\n{\"a\"", 2),
            vec![Err(FrameError::Truncated)]
        );
        assert_eq!(frames(b"Content-Len", 2), vec![Err(FrameError::Truncated)]);
        assert_eq!(frames(b"", 2), vec![]);
        assert_eq!(frames(b"\r\n\r\n", 2), vec![]);
    }

    #[test]
    fn huge_lengths_and_long_lines_are_refused() {
        let input = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1);
        assert_eq!(
            frames(input.as_bytes(), 64),
            vec![Err(FrameError::TooLarge(MAX_BODY + 1))]
        );
        let mut long = vec![b'x'; 10000];
        long.extend_from_slice(b"\r\n\r\nContent-Length: 1\r\n\r\n7");
        assert_eq!(
            frames(&long, 100),
            vec![Err(FrameError::LongHeader), Ok("7".into())]
        );
    }

    #[test]
    fn written_frames_read_back() {
        let mut buf = vec![];
        write_frame(&mut buf, "{\"é\":1}".as_bytes()).unwrap();
        assert!(buf.starts_with(b"Content-Length: 8\r\n\r\n"));
        assert_eq!(frames(&buf, 1), vec![Ok("{\"é\":1}".into())]);
    }
}

//! Files: the builtin `open()` and the file objects it returns (module `_io`).
//!
//! A file object holds a host handle number and the program-visible state (position,
//! read-ahead buffer, mode, closed flag). Every operation that touches the OS crosses
//! the effects boundary, and what is logged is what the program observes:
//! - `open`: `[handle, initial position]`, or the OS error;
//! - `file.read`: the bytes read (a chunk of read-ahead, or the rest of the file);
//! - `file.write`: the number of bytes accepted (the host buffers them);
//! - `file.seek`: the new position; `file.flush`, `file.close`, `file.truncate`.
//!
//! In replay the handle does not exist: nothing is opened, read or written, and the
//! program sees the logged results. Text files are UTF-8 (or Latin-1) with universal
//! newlines on input (`\r\n` and `\r` read as `\n`), as CPython's default.

use revpy_vm::effects::log::Val;
use revpy_vm::effects::{io_error_val, OsErr, OsResult};
use revpy_vm::object::opaque::OpaqueObject;
use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{EffectKind, Kind, ObjRef, PyErr, PyResult, Value, Vm};
use std::any::Any;
use std::io::{Read, Seek, SeekFrom};

use revpy_vm::types::codecs::{self, Codec};
use revpy_vm::Kw;

/// Bytes read ahead at a time.
const CHUNK: usize = 8192;

/// How a text file's bytes become text. Utf8 and Latin1 (with `errors='strict'`)
/// are decoded in place; any other codec or error handler transcodes each chunk read
/// to UTF-8 first (`Reader::fill`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Encoding {
    Utf8,
    Latin1,
    Codec(Codec),
}

/// The codec without its byte-order mark, once the mark is read or written.
fn without_bom(c: Codec, le: bool) -> Codec {
    match c {
        Codec::Utf16(None) => Codec::Utf16(Some(le)),
        Codec::Utf32(None) => Codec::Utf32(Some(le)),
        Codec::Utf8Sig => Codec::Utf8,
        c => c,
    }
}

#[derive(Clone, Debug)]
struct FileObj {
    handle: i64,
    /// The descriptor the program sees (`fileno()`), from the fd table.
    fd: i64,
    /// The file name as given to `open`.
    name: Value,
    mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
    encoding: Encoding,
    /// The encoding name as the program gave it (for `f.encoding`).
    encoding_name: String,
    /// The error handler (`f.errors`).
    errors: String,
    /// `Encoding::Codec` after the byte-order mark was read or written (a BOM-led
    /// codec then decodes without one); reset by a seek.
    live_codec: Option<Codec>,
    /// Raw bytes read but not decoded yet (the start of a multi-byte sequence).
    pending: Vec<u8>,
    closed: bool,
    /// Closing the file object closes the host file (`closefd=False` for `open(fd)`
    /// leaves the descriptor open).
    closefd: bool,
    /// The host position: just after the last byte read into `rbuf` or written.
    pos: u64,
    /// Read-ahead: bytes read from the host, consumed up to `rpos`.
    rbuf: Vec<u8>,
    rpos: usize,
}

impl FileObj {
    /// The position the program sees.
    fn tell(&self) -> u64 {
        self.pos - (self.rbuf.len() - self.rpos) as u64
    }
}

impl OpaqueObject for FileObj {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.name)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    /// An open file the program drops is closed by the host when the collector frees
    /// it (CPython closes it when its last reference goes), so a loop of
    /// `open(p).read()` does not run out of descriptors.
    fn host_handle(&self) -> Option<i64> {
        (!self.closed && self.closefd).then_some(self.handle)
    }
}

fn get(vm: &Vm, v: Value) -> Option<&FileObj> {
    match vm.heap.kind(v.obj()?) {
        Kind::Opaque(o) => o.as_any().downcast_ref::<FileObj>(),
        _ => None,
    }
}

fn get_mut(vm: &mut Vm, v: Value) -> Option<&mut FileObj> {
    match vm.heap.kind_mut(v.obj()?) {
        Kind::Opaque(o) => o.as_any_mut().downcast_mut::<FileObj>(),
        _ => None,
    }
}

/// The file object `v`, checked open: a clone of its state.
fn this(vm: &mut Vm, v: Value) -> PyResult<&mut FileObj> {
    let Some(f) = get(vm, v) else {
        let t = vm.type_name(v);
        return Err(vm.new_type_error(format!(
            "descriptor requires a file object but received a '{t}'"
        )));
    };
    if f.closed {
        return Err(vm.new_value_error("I/O operation on closed file.".into()));
    }
    Ok(get_mut(vm, v).expect("checked above"))
}

/// A class or value of the `_io` module (created on first use).
fn module_value(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let d = vm.native_module_dict("_io")?;
    let k = vm.intern(name);
    match vm.dict_get_str(d, k) {
        Some(v) => Ok(v),
        None => Err(vm.new_error(vm.types.system_error, format!("_io.{name} is missing"))),
    }
}

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match module_value(vm, "UnsupportedOperation") {
        Ok(Value::Obj(cls)) => vm.new_error(cls, msg.to_string()),
        _ => vm.new_error(vm.types.os_error, msg.to_string()),
    }
}

/// Raise the OS error an effect logged (with the file's name).
fn os_error(vm: &mut Vm, errno: i32, msg: &str, name: Option<Value>) -> PyErr {
    vm.new_os_error(errno as i64, msg, name)
}

/// A logged result that is not of the expected shape (a damaged recording).
/// A logged result the request rules out (a negative position, more bytes than
/// asked for): the replay diverged.
fn bad_result(vm: &mut Vm, kind: EffectKind, got: String, expected: String) -> PyErr {
    let e = vm.effects.bad_value(kind, got, expected);
    match vm.fx::<()>(Err(e)) {
        Err(e) => e,
        Ok(()) => vm.new_error(vm.types.system_error, "bad effect result".into()),
    }
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<(bool, bool, bool, char, bool)> {
    // Returns (binary, readable, writable, kind, plus).
    let mut seen = String::new();
    let mut kind = None;
    let mut plus = false;
    let mut binary = false;
    let mut text = false;
    for c in mode.chars() {
        if seen.contains(c) || !"rwxabt+U".contains(c) {
            return Err(vm.new_value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' | 'w' | 'x' | 'a' => {
                if kind.is_some() {
                    return Err(vm.new_value_error(
                        "must have exactly one of create/read/write/append mode".into(),
                    ));
                }
                kind = Some(c);
            }
            '+' => plus = true,
            'b' => binary = true,
            't' => text = true,
            _ => return Err(vm.new_value_error(format!("invalid mode: '{mode}'"))),
        }
    }
    if binary && text {
        return Err(vm.new_value_error("can't have text and binary mode at once".into()));
    }
    let Some(kind) = kind else {
        return Err(vm.new_value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus".into(),
        ));
    };
    let readable = kind == 'r' || plus;
    let writable = kind != 'r' || plus;
    Ok((binary, readable, writable, kind, plus))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
pub fn open(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<8> = KwSpec::new(
        "open",
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
    )
    .required(1);
    let [file, mode_v, _, enc_v, errors_v, newline, closefd_v, opener_v] =
        SPEC.parse(vm, args, kw)?;
    let file = file.unwrap_or(Value::None);
    let closefd = match closefd_v {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    // `open(fd)`: a descriptor from os.open (or another file's fileno()).
    let fd = match file {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    };
    if fd.is_none() && !closefd {
        return Err(vm.new_value_error("Cannot use closefd=False with file name".into()));
    }
    let fspath_k = vm.intern("__fspath__");
    let file =
        if fd.is_none() && vm.as_str(file).is_none() && vm.lookup_special(file, fspath_k).is_some()
        {
            crate::os::fspath(vm, file)?
        } else {
            file
        };
    let path = if fd.is_some() {
        String::new()
    } else {
        match vm.as_str(file) {
            Some(s) => s.to_string(),
            None => match vm.bytes_of(file) {
                Some(b) if matches!(vm.heap.kind(file.obj().expect("bytes")), Kind::Bytes(_)) => {
                    String::from_utf8_lossy(&b).into_owned()
                }
                _ => {
                    let t = vm.type_name(file);
                    return Err(vm.new_type_error(format!(
                        "expected str, bytes or os.PathLike object, not {t}"
                    )));
                }
            },
        }
    };
    if path.contains('\0') {
        return Err(vm.new_value_error("embedded null byte".into()));
    }
    let mode_v = mode_v.unwrap_or(Value::Undef);
    let mode = if mode_v.is_undef() {
        "r".to_string()
    } else {
        match vm.as_str(mode_v) {
            Some(s) => s.to_string(),
            None => {
                let t = vm.type_name(mode_v);
                return Err(
                    vm.new_type_error(format!("open() argument 'mode' must be str, not {t}"))
                );
            }
        }
    };
    let (binary, readable, writable, kind, plus) = parse_mode(vm, &mode)?;
    let enc_v = enc_v.unwrap_or(Value::None);
    let newline = newline.unwrap_or(Value::None);
    if binary && !enc_v.is_none() {
        return Err(vm.new_value_error("binary mode doesn't take an encoding argument".into()));
    }
    if binary && !newline.is_none() {
        return Err(vm.new_value_error("binary mode doesn't take a newline argument".into()));
    }
    let errors_v = errors_v.unwrap_or(Value::None);
    if binary && !errors_v.is_none() {
        return Err(vm.new_value_error("binary mode doesn't take an errors argument".into()));
    }
    let errors = if errors_v.is_none() {
        "strict".to_string()
    } else {
        vm.expect_str(errors_v, "open() argument 'errors'")?
    };
    let locale = vm.as_str(enc_v) == Some("locale");
    let (codec, encoding_name) = if enc_v.is_none() || locale {
        (Codec::Utf8, "UTF-8".to_string())
    } else {
        let e = vm.expect_str(enc_v, "open() argument 'encoding'")?;
        (vm.text_codec(&e, "open")?, e)
    };
    let encoding = match codec {
        Codec::Utf8 if errors == "strict" => Encoding::Utf8,
        Codec::Latin1 if errors == "strict" => Encoding::Latin1,
        c => Encoding::Codec(c),
    };
    let opener = opener_v.unwrap_or(Value::None);
    let fd = match fd {
        Some(fd) => Some(fd),
        None if !opener.is_none() => {
            // `opener(file, flags)` opens the descriptor (os.open's flags).
            let acc = if readable && writable {
                libc::O_RDWR
            } else if writable {
                libc::O_WRONLY
            } else {
                libc::O_RDONLY
            };
            let extra = match kind {
                'w' => libc::O_CREAT | libc::O_TRUNC,
                'a' => libc::O_CREAT | libc::O_APPEND,
                'x' => libc::O_CREAT | libc::O_EXCL,
                _ => 0,
            };
            let flags = (acc | extra | libc::O_CLOEXEC) as i64;
            let r = vm.call(opener, &[file, Value::Int(flags)], &[])?;
            match r {
                Value::Int(i) if i >= 0 => Some(i),
                Value::Int(i) => {
                    return Err(vm.new_value_error(format!("opener returned {i}")));
                }
                _ => return Err(vm.new_type_error("expected integer from opener".into())),
            }
        }
        None => None,
    };
    if let Some(fd) = fd {
        return open_fd(
            vm,
            fd,
            file,
            FileObj {
                handle: 0,
                fd,
                name: file,
                mode: mode.replace('t', ""),
                binary,
                readable,
                writable,
                encoding,
                encoding_name,
                errors,
                live_codec: None,
                pending: vec![],
                closed: false,
                closefd,
                pos: 0,
                rbuf: vec![],
                rpos: 0,
            },
        );
    }
    let r: Result<OsResult<(i64, i64)>, _> = vm.effects.effect_as(EffectKind::FileOpen, |fx| {
        let mut o = std::fs::OpenOptions::new();
        match kind {
            'r' => o.read(true).write(plus),
            'w' => o.write(true).create(true).truncate(true).read(plus),
            'a' => o.append(true).create(true).read(plus),
            _ => o.write(true).create_new(true).read(plus),
        };
        match o.open(&path) {
            Ok(mut f) => {
                if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                    return Val::Err(21, "Is a directory".into());
                }
                let pos = if kind == 'a' {
                    f.seek(SeekFrom::End(0)).unwrap_or(0)
                } else {
                    0
                };
                let h = fx.host.borrow_mut().insert(f);
                Val::List(vec![Val::Int(h), Val::Int(pos as i64)])
            }
            Err(e) => io_error_val(&e),
        }
    });
    let (handle, pos) = match vm.fx(r)? {
        Ok((h, p)) if p >= 0 => (h, p as u64),
        Ok((_, p)) => {
            return Err(bad_result(
                vm,
                EffectKind::FileOpen,
                format!("position {p}"),
                "a position of 0 or more".into(),
            ))
        }
        Err(OsErr(errno, msg)) => return Err(os_error(vm, errno, &msg, Some(file))),
    };
    let cls_name = if !binary {
        "TextIOWrapper"
    } else if readable && writable {
        "BufferedRandom"
    } else if readable {
        "BufferedReader"
    } else {
        "BufferedWriter"
    };
    let cls = match module_value(vm, cls_name)? {
        Value::Obj(c) => c,
        _ => return Err(vm.new_error(vm.types.system_error, "bad _io class".into())),
    };
    let fd = fd_alloc(vm, handle)?;
    vm.heap.note_host_open();
    let obj = FileObj {
        handle,
        fd,
        name: file,
        mode: mode.replace('t', ""),
        binary,
        readable,
        writable,
        encoding,
        encoding_name,
        errors,
        live_codec: None,
        pending: vec![],
        closed: false,
        closefd: true,
        pos,
        rbuf: vec![],
        rpos: 0,
    };
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(obj)))))
}

/// Read from the host: up to `n` bytes, or (`None`) everything up to the end.
fn host_read(vm: &mut Vm, handle: i64, n: Option<usize>, name: Value) -> PyResult<Vec<u8>> {
    let r: Result<OsResult<Vec<u8>>, _> = vm.effects.effect_as(EffectKind::FileRead, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        if let Err(e) = hf.flush() {
            return io_error_val(&e);
        }
        let mut buf = vec![];
        let r = match n {
            None => hf.file.read_to_end(&mut buf).map(|_| ()),
            Some(n) => (&mut hf.file)
                .take(n as u64)
                .read_to_end(&mut buf)
                .map(|_| ()),
        };
        match r {
            Ok(()) => Val::Bytes(buf),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(b) if n.is_none_or(|n| b.len() <= n) => Ok(b),
        Ok(b) => Err(bad_result(
            vm,
            EffectKind::FileRead,
            format!("{} bytes", b.len()),
            format!("at most {} bytes", n.unwrap_or(0)),
        )),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(name))),
    }
}

/// The read-ahead state taken out of a file object while an operation runs.
struct Reader {
    handle: i64,
    name: Value,
    buf: Vec<u8>,
    rpos: usize,
    pos: u64,
    eof: bool,
    /// Transcoding to UTF-8 with this codec and error handler (`Encoding::Codec`).
    codec: Option<Codec>,
    errors: String,
    pending: Vec<u8>,
}

impl Reader {
    fn take(vm: &mut Vm, v: Value) -> PyResult<Reader> {
        let f = this(vm, v)?;
        if !f.readable {
            return Err(unsupported(vm, "not readable"));
        }
        let codec = match f.encoding {
            Encoding::Codec(c) if !f.binary => Some(f.live_codec.unwrap_or(c)),
            _ => None,
        };
        Ok(Reader {
            handle: f.handle,
            name: f.name,
            buf: std::mem::take(&mut f.rbuf),
            rpos: f.rpos,
            pos: f.pos,
            eof: false,
            codec,
            errors: f.errors.clone(),
            pending: std::mem::take(&mut f.pending),
        })
    }
    fn put(mut self, vm: &mut Vm, v: Value) {
        if self.rpos == self.buf.len() {
            self.buf.clear();
            self.rpos = 0;
        } else if self.rpos > CHUNK {
            self.buf.drain(..self.rpos);
            self.rpos = 0;
        }
        if let Some(f) = get_mut(vm, v) {
            f.rbuf = self.buf;
            f.rpos = self.rpos;
            f.pos = self.pos;
            f.pending = self.pending;
            if self.codec.is_some() {
                f.live_codec = self.codec;
            }
        }
    }
    fn avail(&self) -> &[u8] {
        &self.buf[self.rpos..]
    }
    /// Read more from the host (`None`: all the rest). False at the end of the file.
    fn fill(&mut self, vm: &mut Vm, n: Option<usize>) -> PyResult<bool> {
        if self.eof {
            return Ok(false);
        }
        let data = match self.codec {
            None => host_read(vm, self.handle, n, self.name)?,
            Some(_) => return self.fill_transcoded(vm, n),
        };
        if self.rpos == self.buf.len() {
            self.buf.clear();
            self.rpos = 0;
        }
        self.pos += data.len() as u64;
        if self.buf.is_empty() {
            // Keep the host's buffer (a whole-file read is not copied again).
            self.buf = data;
            if self.buf.is_empty() || n.is_none() {
                self.eof = true;
            }
            return Ok(!self.buf.is_empty());
        }
        self.buf.extend_from_slice(&data);
        if data.is_empty() || n.is_none() {
            self.eof = true;
        }
        Ok(!data.is_empty())
    }
    /// `fill` for `Encoding::Codec`: read raw bytes, decode what is complete, and
    /// append it as UTF-8 (the text readers then see a UTF-8 file).
    fn fill_transcoded(&mut self, vm: &mut Vm, n: Option<usize>) -> PyResult<bool> {
        let Some(mut codec) = self.codec else {
            return Ok(false);
        };
        loop {
            let data = host_read(vm, self.handle, n, self.name)?;
            self.pos += data.len() as u64;
            let last = data.is_empty() || n.is_none();
            let mut raw = std::mem::take(&mut self.pending);
            raw.extend_from_slice(&data);
            // A BOM-led codec reads its mark once (from the first 4 bytes).
            let started = raw.len() >= 4 || last;
            // CPython's stream decoders of utf-16/utf-32 need the mark.
            let bom = match codec {
                Codec::Utf16(None) => Some(("UTF-16", [&b"\xff\xfe"[..], &b"\xfe\xff"[..]])),
                Codec::Utf32(None) => Some((
                    "UTF-32",
                    [&b"\xff\xfe\x00\x00"[..], &b"\x00\x00\xfe\xff"[..]],
                )),
                _ => None,
            };
            if let Some((name, marks)) = bom {
                if started && !raw.is_empty() && !marks.iter().any(|m| raw.starts_with(m)) {
                    let cls = vm.types.unicode_error;
                    return Err(vm.new_error(cls, format!("{name} stream does not start with BOM")));
                }
            }
            let decoded = codecs::decode::decode(codec, &raw, &self.errors, last);
            let (text, used) = match decoded {
                Ok(r) => r,
                Err(f) => return Err(vm.codec_error(f, Ok(&raw))),
            };
            if started && used > 0 {
                let le = !(raw.starts_with(b"\xfe\xff") || raw.starts_with(b"\x00\x00\xfe\xff"));
                codec = without_bom(codec, le);
                self.codec = Some(codec);
            }
            self.pending = raw[used..].to_vec();
            if self.rpos == self.buf.len() {
                self.buf.clear();
                self.rpos = 0;
            }
            self.buf.extend_from_slice(text.as_bytes());
            if last {
                self.eof = true;
                return Ok(!text.is_empty());
            }
            if !text.is_empty() {
                return Ok(true);
            }
        }
    }
    /// Binary: up to `n` bytes (`None`: to the end), or a line (through `\n`) when
    /// `line` is set, at most `n` bytes long.
    fn read_bytes(&mut self, vm: &mut Vm, n: Option<usize>, line: bool) -> PyResult<Vec<u8>> {
        if n.is_none() && !line {
            // Everything: the buffer itself becomes the bytes (no copy).
            while self.fill(vm, None)? {}
            let mut all = std::mem::take(&mut self.buf);
            if self.rpos > 0 {
                all.drain(..self.rpos);
            }
            self.rpos = 0;
            return Ok(all);
        }
        let mut out = vec![];
        loop {
            let want = n.map(|n| n - out.len());
            if want == Some(0) {
                break;
            }
            let avail = self.avail();
            if !avail.is_empty() {
                let mut take = want.map_or(avail.len(), |w| w.min(avail.len()));
                if line {
                    if let Some(i) = avail[..take].iter().position(|&b| b == b'\n') {
                        take = i + 1;
                        out.extend_from_slice(&avail[..take]);
                        self.rpos += take;
                        break;
                    }
                }
                out.extend_from_slice(&avail[..take]);
                self.rpos += take;
                continue;
            }
            let ask = match (want, line) {
                (None, false) => None,
                (Some(w), false) => Some(w.max(CHUNK)),
                _ => Some(CHUNK),
            };
            if !self.fill(vm, ask)? {
                break;
            }
        }
        Ok(out)
    }
    /// Text: up to `n` characters (`None`: to the end), or a line when `line` is set.
    fn read_text(
        &mut self,
        vm: &mut Vm,
        enc: Encoding,
        n: Option<usize>,
        line: bool,
    ) -> PyResult<String> {
        if n.is_none() && !line && matches!(enc, Encoding::Utf8 | Encoding::Codec(_)) {
            // Everything, as UTF-8 without '\r' (no newline translation): the buffer
            // itself becomes the text. Otherwise (or if it is not valid UTF-8) the
            // loop below decodes it, with its exact errors.
            while self.fill(vm, None)? {}
            if !self.buf[self.rpos..].contains(&b'\r') {
                let mut all = std::mem::take(&mut self.buf);
                if self.rpos > 0 {
                    all.drain(..self.rpos);
                }
                match String::from_utf8(all) {
                    Ok(text) => {
                        self.rpos = 0;
                        return Ok(text);
                    }
                    Err(e) => {
                        self.buf = e.into_bytes();
                        self.rpos = 0;
                    }
                }
            }
        }
        let mut out = String::new();
        let mut count = 0usize;
        loop {
            if n.is_some_and(|n| count >= n) {
                break;
            }
            let eof = self.eof;
            let avail = &self.buf[self.rpos..];
            let mut i = 0;
            let mut need_more = false;
            let mut done = false;
            while i < avail.len() {
                if n.is_some_and(|n| count >= n) {
                    done = true;
                    break;
                }
                if n.is_none() && enc == Encoding::Utf8 {
                    // A run of text up to the next '\r' or '\n' goes in at once, as
                    // far as it is valid UTF-8 (the loop below takes the rest: line
                    // ends, errors, a sequence cut by the buffer's end).
                    let rest = &avail[i..];
                    let stop = memchr::memchr2(b'\r', b'\n', rest).unwrap_or(rest.len());
                    let valid = match std::str::from_utf8(&rest[..stop]) {
                        Ok(text) => text,
                        Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""),
                    };
                    if !valid.is_empty() {
                        out.push_str(valid);
                        i += valid.len();
                        continue;
                    }
                }
                let b = avail[i];
                if b == b'\r' {
                    if i + 1 < avail.len() {
                        i += 1 + (avail[i + 1] == b'\n') as usize;
                    } else if eof {
                        i += 1;
                    } else {
                        need_more = true;
                        break;
                    }
                    out.push('\n');
                    count += 1;
                    if line {
                        done = true;
                        break;
                    }
                    continue;
                }
                if b < 0x80 || enc == Encoding::Latin1 {
                    out.push(b as char);
                    i += 1;
                    count += 1;
                    if line && b == b'\n' {
                        done = true;
                        break;
                    }
                    continue;
                }
                let len = match b {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => 0,
                };
                if len == 0 {
                    let at = i;
                    self.rpos += i;
                    return Err(decode_error_n(vm, avail, at, 1, "invalid start byte"));
                }
                if i + len > avail.len() {
                    // An incomplete sequence: valid so far?
                    let ok = avail[i + 1..].iter().all(|&c| c & 0xc0 == 0x80);
                    if ok && !eof {
                        need_more = true;
                        break;
                    }
                    self.rpos += i;
                    if ok {
                        let n = avail.len() - i;
                        return Err(decode_error_n(vm, avail, i, n, "unexpected end of data"));
                    }
                    let bad = invalid_len(&avail[i..]);
                    return Err(decode_error_n(
                        vm,
                        avail,
                        i,
                        bad,
                        "invalid continuation byte",
                    ));
                }
                match std::str::from_utf8(&avail[i..i + len]) {
                    Ok(s) => {
                        out.push_str(s);
                        i += len;
                        count += 1;
                    }
                    Err(_) => {
                        self.rpos += i;
                        let bad = invalid_len(&avail[i..i + len]);
                        return Err(decode_error_n(
                            vm,
                            avail,
                            i,
                            bad,
                            "invalid continuation byte",
                        ));
                    }
                }
            }
            self.rpos += i;
            if done {
                break;
            }
            let _ = need_more;
            let ask = match (n, line) {
                (None, false) => None,
                (Some(w), false) => Some((w - count).max(CHUNK)),
                _ => Some(CHUNK),
            };
            if !self.fill(vm, ask)? && self.rpos == self.buf.len() {
                break;
            }
        }
        Ok(out)
    }
}

/// The length of the invalid sequence `bytes` starts with (CPython reports it whole:
/// "can't decode bytes in position 4-5").
fn invalid_len(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes)
        .err()
        .and_then(|e| e.error_len())
        .unwrap_or(1)
}

/// CPython's UnicodeDecodeError for the `n` bytes at `pos` of `chunk`.
fn decode_error_n(vm: &mut Vm, chunk: &[u8], pos: usize, n: usize, why: &str) -> PyErr {
    let args = vec![
        vm.new_str("utf-8".into()),
        vm.new_bytes(chunk.to_vec()),
        Value::Int(pos as i64),
        Value::Int((pos + n.max(1)) as i64),
        vm.new_str(why.into()),
    ];
    vm.new_exception(vm.types.unicode_decode_error, args)
}

/// The optional positional size argument of `read(size=-1, /)`, `readline`,
/// `readlines`: None or negative means "all".
fn size_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Option<usize>> {
    let v = args.get(1).copied().unwrap_or(Value::None);
    if v.is_none() {
        return Ok(None);
    }
    match vm.index_of(v)? {
        Some(n) if n < 0 => Ok(None),
        Some(n) => Ok(Some(n as usize)),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("argument should be integer or None, not '{t}'")))
        }
    }
}

fn read_op(vm: &mut Vm, f: Value, n: Option<usize>, line: bool) -> PyResult<Value> {
    let (binary, enc) = {
        let o = this(vm, f)?;
        (o.binary, o.encoding)
    };
    let mut r = Reader::take(vm, f)?;
    if binary {
        let res = r.read_bytes(vm, n, line);
        r.put(vm, f);
        let b = res?;
        Ok(vm.new_bytes(b))
    } else {
        let res = r.read_text(vm, enc, n, line);
        r.put(vm, f);
        let s = res?;
        Ok(vm.new_str(s))
    }
}

fn f_read(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = size_arg(vm, args)?;
    read_op(vm, args[0], n, false)
}

fn f_readline(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let n = size_arg(vm, args)?;
    read_op(vm, args[0], n, true)
}

fn f_readlines(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let hint = size_arg(vm, args)?.filter(|h| *h > 0);
    let mut lines = vec![];
    let mut total = 0usize;
    loop {
        let l = read_op(vm, args[0], None, true)?;
        let n = vm.len(l)?;
        if n == 0 {
            break;
        }
        lines.push(l);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn f_iter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?;
    Ok(args[0])
}

fn f_next(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let l = read_op(vm, args[0], None, true)?;
    if vm.len(l)? == 0 {
        return Err(vm.new_stop_iteration(Value::None));
    }
    Ok(l)
}

/// Before writing or seeking: give back the read-ahead (seek the host to where the
/// program is).
fn drop_readahead(vm: &mut Vm, f: Value) -> PyResult<()> {
    let (unread, at) = {
        let o = this(vm, f)?;
        (o.rpos < o.rbuf.len(), o.tell())
    };
    if unread {
        seek_to(vm, f, SeekFrom::Start(at))?;
    } else if let Some(o) = get_mut(vm, f) {
        o.rbuf.clear();
        o.rpos = 0;
    }
    Ok(())
}

fn seek_to(vm: &mut Vm, f: Value, to: SeekFrom) -> PyResult<u64> {
    let (handle, name) = {
        let o = this(vm, f)?;
        (o.handle, o.name)
    };
    let r: Result<OsResult<i64>, _> = vm.effects.effect_as(EffectKind::FileSeek, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        if let Err(e) = hf.flush() {
            return io_error_val(&e);
        }
        match hf.file.seek(to) {
            Ok(p) => Val::Int(p as i64),
            Err(e) => io_error_val(&e),
        }
    });
    let pos = match vm.fx(r)? {
        Ok(p) if p >= 0 => p as u64,
        Ok(p) => {
            return Err(bad_result(
                vm,
                EffectKind::FileSeek,
                format!("position {p}"),
                "a position of 0 or more".into(),
            ))
        }
        Err(OsErr(errno, msg)) => return Err(os_error(vm, errno, &msg, Some(name))),
    };
    if let Some(o) = get_mut(vm, f) {
        o.pos = pos;
        o.rbuf.clear();
        o.rpos = 0;
        o.pending.clear();
        if pos == 0 {
            o.live_codec = None;
        }
    }
    Ok(pos)
}

fn write_bytes(vm: &mut Vm, f: Value, data: Vec<u8>) -> PyResult<()> {
    drop_readahead(vm, f)?;
    let (handle, name) = {
        let o = this(vm, f)?;
        (o.handle, o.name)
    };
    let len = data.len();
    let r: Result<OsResult<i64>, _> = vm.effects.effect_as(EffectKind::FileWrite, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        match hf.write(&data) {
            Ok(()) => Val::Int(len as i64),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(n) if n >= 0 && n as u64 <= len as u64 => {
            if let Some(o) = get_mut(vm, f) {
                o.pos += n as u64;
            }
            Ok(())
        }
        Ok(n) => Err(bad_result(
            vm,
            EffectKind::FileWrite,
            format!("{n} bytes written"),
            format!("0 to {len} bytes written"),
        )),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(name))),
    }
}

/// Text as the file's bytes. A BOM-led codec (utf-16, utf-32, utf-8-sig) writes
/// its mark only at the start of the file, as CPython.
fn encode_for(vm: &mut Vm, f: Value, s: &str) -> PyResult<Vec<u8>> {
    let (enc, live, at, errors) = {
        let o = this(vm, f)?;
        (o.encoding, o.live_codec, o.tell(), o.errors.clone())
    };
    let codec = match enc {
        Encoding::Utf8 => return Ok(s.as_bytes().to_vec()),
        Encoding::Latin1 => Codec::Latin1,
        Encoding::Codec(c) => match live {
            Some(l) => l,
            None if at > 0 => without_bom(c, true),
            None => c,
        },
    };
    let b = vm.encode_text(s, codec, &errors)?;
    if let (Encoding::Codec(c), false) = (enc, s.is_empty()) {
        if let Some(o) = get_mut(vm, f) {
            o.live_codec = Some(without_bom(c, true));
        }
    }
    Ok(b)
}

fn f_write(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("write", &args[1..], 1, 1)?;
    let (binary, writable) = {
        let o = this(vm, args[0])?;
        (o.binary, o.writable)
    };
    if !writable {
        return Err(unsupported(vm, "not writable"));
    }
    let v = args[1];
    let (data, n) = if binary {
        match vm.bytes_of(v) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.new_type_error(format!("a bytes-like object is required, not '{t}'"))
                );
            }
        }
    } else {
        match vm.as_str(v) {
            Some(s) => {
                let n = s.chars().count();
                let s = s.to_string();
                (encode_for(vm, args[0], &s)?, n)
            }
            None => {
                let t = vm.type_name(v);
                return Err(vm.new_type_error(format!("write() argument must be str, not {t}")));
            }
        }
    };
    write_bytes(vm, args[0], data)?;
    Ok(Value::Int(n as i64))
}

fn f_writelines(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("writelines", &args[1..], 1, 1)?;
    this(vm, args[0])?;
    let items = vm.iterate_rooted(args[1])?;
    for it in items {
        f_write(vm, &[args[0], it], &[])?;
    }
    Ok(Value::None)
}

fn f_seek(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("seek", &args[1..], 1, 2)?;
    let binary = this(vm, args[0])?.binary;
    let off_v = args[1];
    let Some(off) = vm.index_of(off_v)? else {
        let t = vm.type_name(off_v);
        return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    let wv = args.get(2).copied().unwrap_or(Value::Int(0));
    let whence = vm.expect_int(wv, "whence")?;
    if !binary && whence != 0 && off != 0 {
        let msg = if whence == 1 {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        };
        return Err(unsupported(vm, msg));
    }
    let cur = this(vm, args[0])?.tell();
    let to = match whence {
        0 => {
            if off < 0 && binary {
                return Err(vm.new_os_error(22, "Invalid argument", None));
            }
            if off < 0 {
                return Err(vm.new_value_error(format!("negative seek position {off}")));
            }
            SeekFrom::Start(off as u64)
        }
        1 => {
            let p = cur as i64 + off;
            if p < 0 {
                return Err(vm.new_os_error(22, "Invalid argument", None));
            }
            SeekFrom::Start(p as u64)
        }
        2 => SeekFrom::End(off),
        _ => {
            let msg = if binary {
                format!("whence value {whence} unsupported")
            } else {
                format!("invalid whence ({whence}, should be 0, 1 or 2)")
            };
            return Err(vm.new_value_error(msg));
        }
    };
    let p = seek_to(vm, args[0], to)?;
    Ok(Value::Int(p as i64))
}

fn f_tell(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let p = this(vm, args[0])?.tell();
    Ok(Value::Int(p as i64))
}

fn f_truncate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let writable = this(vm, args[0])?.writable;
    if !writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    drop_readahead(vm, args[0])?;
    let sv = args.get(1).copied().unwrap_or(Value::None);
    let (handle, name, cur) = {
        let o = this(vm, args[0])?;
        (o.handle, o.name, o.tell())
    };
    let size = if sv.is_none() {
        cur
    } else {
        vm.expect_int(sv, "size")?.max(0) as u64
    };
    let r: Result<OsResult<i64>, _> = vm.effects.effect_as(EffectKind::FileTruncate, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        if let Err(e) = hf.flush() {
            return io_error_val(&e);
        }
        match hf.file.set_len(size) {
            Ok(()) => Val::Int(size as i64),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(n) => Ok(Value::Int(n)),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(name))),
    }
}

fn f_flush(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let (handle, name, writable) = {
        let o = this(vm, args[0])?;
        (o.handle, o.name, o.writable)
    };
    if !writable {
        return Ok(Value::None);
    }
    let r: Result<OsResult<()>, _> = vm.effects.effect_as(EffectKind::FileFlush, |fx| {
        let mut host = fx.host.borrow_mut();
        match host.get_mut(handle).map(|hf| hf.flush()) {
            Some(Err(e)) => io_error_val(&e),
            _ => Val::Unit,
        }
    });
    match vm.fx(r)? {
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(name))),
        Ok(()) => Ok(Value::None),
    }
}

fn f_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(o) = get(vm, args[0]) else {
        return Err(vm.new_type_error("descriptor 'close' requires a file object".into()));
    };
    if o.closed {
        return Ok(Value::None);
    }
    let (handle, name, closefd) = (o.handle, o.name, o.closefd);
    if let Some(o) = get_mut(vm, args[0]) {
        o.closed = true;
        o.rbuf = vec![];
        o.rpos = 0;
    }
    if !closefd {
        // The descriptor stays open: only flush what this object wrote.
        return fd_flush(vm, handle, name);
    }
    let fd = get(vm, args[0]).map_or(-1, |o| o.fd);
    fd_free(vm, fd)?;
    vm.heap.note_host_close();
    let r: Result<OsResult<()>, _> = vm.effects.effect_as(EffectKind::FileClose, |fx| {
        let hf = fx.host.borrow_mut().remove(handle);
        match hf {
            Some(mut hf) => match hf.flush() {
                Ok(()) => Val::Unit,
                Err(e) => io_error_val(&e),
            },
            None => Val::Unit,
        }
    });
    match vm.fx(r)? {
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(name))),
        Ok(()) => Ok(Value::None),
    }
}

fn f_enter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?;
    Ok(args[0])
}

fn f_exit(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    f_close(vm, &args[..1], &[])?;
    Ok(Value::None)
}

fn f_readable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args[0])?.readable))
}
fn f_writable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args[0])?.writable))
}
fn f_seekable(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?;
    Ok(Value::Bool(true))
}
fn f_isatty(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, args[0])?;
    Ok(Value::Bool(false))
}

fn f_closed(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get(vm, args[0]) {
        Some(o) => Ok(Value::Bool(o.closed)),
        None => Err(vm.new_type_error("not a file object".into())),
    }
}
fn f_name(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get(vm, args[0]) {
        Some(o) => Ok(o.name),
        None => Err(vm.new_type_error("not a file object".into())),
    }
}
fn f_set_name(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get_mut(vm, args[0]) {
        Some(o) => {
            o.name = args[1];
            Ok(Value::None)
        }
        None => Err(vm.new_type_error("not a file object".into())),
    }
}
fn f_mode(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get(vm, args[0]) {
        Some(o) => {
            let m = o.mode.clone();
            Ok(vm.new_str(m))
        }
        None => Err(vm.new_type_error("not a file object".into())),
    }
}
fn f_encoding(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get(vm, args[0]) {
        Some(o) => {
            let e = o.encoding_name.clone();
            Ok(vm.new_str(e))
        }
        None => Err(vm.new_type_error("not a file object".into())),
    }
}

fn f_errors(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    match get(vm, args[0]) {
        Some(o) => {
            let e = o.errors.clone();
            Ok(vm.new_str(e))
        }
        None => Err(vm.new_type_error("not a file object".into())),
    }
}

fn f_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(o) = get(vm, args[0]) else {
        return Err(vm.new_type_error("not a file object".into()));
    };
    let (name, mode, binary, closed, enc) = (
        o.name,
        o.mode.clone(),
        o.binary,
        o.closed,
        o.encoding_name.clone(),
    );
    let cls = vm.type_of(args[0]);
    let cname = vm.class_name(cls);
    let s = if closed && binary {
        format!("<_io.{cname} name={}>", vm.repr(name)?)
    } else if closed {
        format!(
            "<_io.{cname} name={} mode='{mode}' encoding='{enc}'>",
            vm.repr(name)?
        )
    } else if binary {
        format!("<_io.{cname} name={}>", vm.repr(name)?)
    } else {
        format!(
            "<_io.{cname} name={} mode='{mode}' encoding='{enc}'>",
            vm.repr(name)?
        )
    };
    Ok(vm.new_str(s))
}

fn f_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let name = args.first().map(|c| vm.type_name(*c)).unwrap_or_default();
    Err(vm.new_type_error(format!(
        "cannot create '{name}' instances directly; use open()"
    )))
}

/// Create the `_io` module: the file classes, `open`, `UnsupportedOperation`.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_io");
    let d = vm.module_dict(m);
    vm.add_function(d, "open", open, Arity::parsed());
    let obj = vm.types.object;
    let methods: &[NativeDef] = &[
        ("read", f_read, Arity::range(0, 1)),
        ("readline", f_readline, Arity::range(0, 1)),
        ("readlines", f_readlines, Arity::range(0, 1)),
        ("write", f_write, Arity::exactly(1)),
        ("writelines", f_writelines, Arity::exactly(1)),
        ("seek", f_seek, Arity::range(1, 2)),
        ("tell", f_tell, Arity::none()),
        ("truncate", f_truncate, Arity::range(0, 1)),
        ("flush", f_flush, Arity::none()),
        ("close", f_close, Arity::none()),
        ("readable", f_readable, Arity::none()),
        ("writable", f_writable, Arity::none()),
        ("seekable", f_seekable, Arity::none()),
        ("isatty", f_isatty, Arity::none()),
        ("fileno", f_fileno, Arity::none()),
        ("__iter__", f_iter, Arity::none()),
        ("__next__", f_next, Arity::none()),
        ("__enter__", f_enter, Arity::none()),
        ("__exit__", f_exit, Arity::any()),
        ("__repr__", f_repr, Arity::none()),
    ];
    for cname in [
        "TextIOWrapper",
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
    ] {
        let cls = vm.new_native_class(cname, obj, "_io");
        vm.add_methods(cls, methods);
        vm.add_staticmethod(cls, "__new__", f_new, Arity::any().kw());
        vm.add_getter(cls, "closed", f_closed);
        vm.add_getter(cls, "name", f_name);
        // `f.name = ...` (tempfile names its files after the fact, as CPython).
        let k = vm.intern("name");
        if let Some(Value::Obj(p)) = vm.class_lookup(cls, k) {
            let setter = vm.add_function_value("name", f_set_name, Arity::exactly(2));
            if let Kind::Property(parts) = vm.heap.kind_mut(p) {
                parts[1] = setter;
            }
        }
        vm.add_getter(cls, "mode", f_mode);
        if cname == "TextIOWrapper" {
            vm.add_getter(cls, "encoding", f_encoding);
            vm.add_getter(cls, "errors", f_errors);
        }
        let k = vm.intern(cname);
        vm.dict_set(d, k, Value::Obj(cls))?;
    }
    let os_error = vm.types.os_error;
    let obj_cls = vm.types.object;
    let tcls = vm.new_native_class("_FdTable", obj_cls, "_io");
    let t = vm
        .heap
        .alloc(tcls, Kind::Opaque(Box::new(FdTable::default())));
    let k = vm.intern("_fd_table");
    vm.dict_set(d, k, Value::Obj(t))?;
    let uo = vm.new_native_class("UnsupportedOperation", os_error, "io");
    let k = vm.intern("UnsupportedOperation");
    vm.dict_set(d, k, Value::Obj(uo))?;
    Ok(m)
}

/// The builtin `open` (installed into `builtins`).
pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    vm.add_function(b, "open", open, Arity::parsed());
}

// ---- file descriptors (os.open, os.read, os.write, os.close, open(fd)) ----
//
// A descriptor names a host handle through the fd table (program state, kept in the
// `_io` module): each new file gets the lowest free number from 3 up (0-2 are the
// console), as POSIX allocates them, so `fileno()` and `os.open` give CPython's
// numbers. Handles come from the log in replay, so the table replays identically.

/// The fd table: descriptor -> host handle.
#[derive(Clone, Debug, Default)]
struct FdTable {
    map: std::collections::BTreeMap<i64, i64>,
}

impl OpaqueObject for FdTable {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, _: &mut dyn FnMut(Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn fd_table(vm: &mut Vm) -> PyResult<ObjRef> {
    match module_value(vm, "_fd_table")? {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Opaque(o) if o.as_any().is::<FdTable>()) => {
            Ok(r)
        }
        _ => Err(vm.new_error(vm.types.system_error, "_io._fd_table is damaged".into())),
    }
}

fn with_table<T>(vm: &mut Vm, f: impl FnOnce(&mut FdTable) -> T) -> PyResult<T> {
    let r = fd_table(vm)?;
    match vm.heap.kind_mut(r) {
        Kind::Opaque(o) => match o.as_any_mut().downcast_mut::<FdTable>() {
            Some(t) => Ok(f(t)),
            None => Err(vm.new_error(vm.types.system_error, "bad fd table".into())),
        },
        _ => Err(vm.new_error(vm.types.system_error, "bad fd table".into())),
    }
}

/// Give a new host handle the lowest free descriptor.
fn fd_alloc(vm: &mut Vm, handle: i64) -> PyResult<i64> {
    with_table(vm, |t| {
        let mut fd = 3;
        for k in t.map.keys() {
            if *k != fd {
                break;
            }
            fd += 1;
        }
        t.map.insert(fd, handle);
        fd
    })
}

fn fd_free(vm: &mut Vm, fd: i64) -> PyResult<()> {
    with_table(vm, |t| {
        t.map.remove(&fd);
    })
}

/// The host handle of an open descriptor, or EBADF.
fn fd_handle(vm: &mut Vm, fd: i64) -> PyResult<i64> {
    match with_table(vm, |t| t.map.get(&fd).copied())? {
        Some(h) => Ok(h),
        None => Err(bad_fd(vm)),
    }
}

fn bad_fd(vm: &mut Vm) -> PyErr {
    vm.new_os_error(9, "Bad file descriptor", None)
}

/// The host position of a handle (a `FileSeek` effect: `lseek(fd, 0, SEEK_CUR)`).
fn host_tell(vm: &mut Vm, handle: i64) -> PyResult<u64> {
    let r: Result<OsResult<i64>, _> = vm.effects.effect_as(EffectKind::FileSeek, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        if let Err(e) = hf.flush() {
            return io_error_val(&e);
        }
        match hf.file.stream_position() {
            Ok(p) => Val::Int(p as i64),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(p) if p >= 0 => Ok(p as u64),
        Ok(p) => Err(bad_result(
            vm,
            EffectKind::FileSeek,
            format!("position {p}"),
            "a position of 0 or more".into(),
        )),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, None)),
    }
}

/// `open(fd, ...)`: a file object over an open descriptor.
fn open_fd(vm: &mut Vm, fd: i64, file: Value, mut obj: FileObj) -> PyResult<Value> {
    if fd < 0 {
        return Err(vm.new_value_error("negative file descriptor".into()));
    }
    if fd <= 2 {
        return Err(vm.new_os_error(
            9,
            "Bad file descriptor (revpy: the console is sys.stdin/sys.stdout/sys.stderr)",
            None,
        ));
    }
    obj.handle = fd_handle(vm, fd)?;
    obj.pos = host_tell(vm, obj.handle)?;
    let cls_name = if !obj.binary {
        "TextIOWrapper"
    } else if obj.readable && obj.writable {
        "BufferedRandom"
    } else if obj.readable {
        "BufferedReader"
    } else {
        "BufferedWriter"
    };
    let cls = match module_value(vm, cls_name)? {
        Value::Obj(c) => c,
        _ => return Err(vm.new_error(vm.types.system_error, "bad _io class".into())),
    };
    let _ = file;
    if obj.closefd {
        vm.heap.note_host_open();
    }
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(obj)))))
}

/// Flush a handle's buffered writes (closing a file object with `closefd=False`).
fn fd_flush(vm: &mut Vm, handle: i64, name: Value) -> PyResult<Value> {
    let r: Result<OsResult<()>, _> = vm.effects.effect_as(EffectKind::FileFlush, |fx| {
        let mut host = fx.host.borrow_mut();
        match host.get_mut(handle).map(|hf| hf.flush()) {
            Some(Err(e)) => io_error_val(&e),
            _ => Val::Unit,
        }
    });
    match vm.fx(r)? {
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(name))),
        Ok(()) => Ok(Value::None),
    }
}

fn f_fileno(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args[0])?.fd))
}

fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// `os.open(path, flags, mode=0o777)`: a descriptor (logged: `[handle, position]`).
// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn os_open(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<4> = KwSpec::new("open", ["path", "flags", "mode", "dir_fd"])
        .required(2)
        .positional(3);
    let [pv, fv, mv, _] = SPEC.parse(vm, args, kw)?;
    let pv = pv.unwrap_or(Value::None);
    let path = crate::os::path_str(vm, pv, "open")?;
    let flags = vm.expect_int(fv.unwrap_or(Value::Int(0)), "flags")?;
    let mode = vm.expect_int(mv.unwrap_or(Value::Int(0o777)), "mode")?;
    let r: Result<OsResult<(i64, i64)>, _> = vm.effects.effect_as(EffectKind::OsOpen, |fx| {
        match host_os_open(&path, flags, mode) {
            Ok(mut f) => {
                let pos = if flags & libc::O_APPEND as i64 != 0 {
                    f.seek(SeekFrom::End(0)).unwrap_or(0)
                } else {
                    0
                };
                let h = fx.host.borrow_mut().insert(f);
                Val::List(vec![Val::Int(h), Val::Int(pos as i64)])
            }
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok((h, _)) if h >= 1 => Ok(Value::Int(fd_alloc(vm, h)?)),
        Ok((h, _)) => Err(bad_result(
            vm,
            EffectKind::OsOpen,
            format!("handle {h}"),
            "a handle of 1 or more".into(),
        )),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, Some(pv))),
    }
}

#[cfg(unix)]
fn host_os_open(path: &str, flags: i64, mode: i64) -> std::io::Result<std::fs::File> {
    use std::os::unix::io::FromRawFd;
    let c = std::ffi::CString::new(path)
        .map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    let flags =
        i32::try_from(flags).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is NUL-terminated and outlives the call; the returned descriptor is
    // owned by the File from here on.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(unsafe { std::fs::File::from_raw_fd(fd) })
}

#[cfg(not(unix))]
#[allow(clippy::disallowed_methods)]
fn host_os_open(path: &str, flags: i64, _mode: i64) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    let acc = flags & 3;
    o.read(acc != 1).write(acc != 0);
    if flags & 0o100 != 0 {
        o.create(true);
    }
    if flags & 0o200 != 0 {
        o.create_new(true);
    }
    if flags & 0o1000 != 0 {
        o.truncate(true);
    }
    o.open(path)
}

/// `os.close(fd)`.
fn os_close(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("close", args, 1, 1)?;
    let fd = fd_arg(vm, args[0])?;
    let handle = fd_handle(vm, fd)?;
    fd_free(vm, fd)?;
    let r: Result<OsResult<()>, _> = vm.effects.effect_as(EffectKind::FileClose, |fx| {
        let hf = fx.host.borrow_mut().remove(handle);
        match hf {
            Some(mut hf) => match hf.flush() {
                Ok(()) => Val::Unit,
                Err(e) => io_error_val(&e),
            },
            None => Val::Err(9, "Bad file descriptor".into()),
        }
    });
    match vm.fx(r)? {
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, None)),
        Ok(()) => Ok(Value::None),
    }
}

/// `os.read(fd, n)`: at most `n` bytes (logged as read).
fn os_read(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("read", args, 2, 2)?;
    let fd = fd_arg(vm, args[0])?;
    let n = vm.expect_int(args[1], "n")?;
    if n < 0 {
        return Err(vm.new_os_error(22, "Invalid argument", None));
    }
    let handle = fd_handle(vm, fd)?;
    let r: Result<OsResult<Vec<u8>>, _> = vm.effects.effect_as(EffectKind::FileRead, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        if let Err(e) = hf.flush() {
            return io_error_val(&e);
        }
        let mut buf = vec![0u8; n.min(1 << 24) as usize];
        match hf.file.read(&mut buf) {
            Ok(k) => {
                buf.truncate(k);
                Val::Bytes(buf)
            }
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(b) if b.len() as i64 <= n => Ok(vm.new_bytes(b)),
        Ok(b) => Err(bad_result(
            vm,
            EffectKind::FileRead,
            format!("{} bytes", b.len()),
            format!("at most {n} bytes"),
        )),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, None)),
    }
}

/// `os.write(fd, data)`: the number of bytes written (1 and 2 are the console).
fn os_write(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("write", args, 2, 2)?;
    let fd = fd_arg(vm, args[0])?;
    let Some(data) = vm.bytes_of(args[1]) else {
        let t = vm.type_name(args[1]);
        return Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    let len = data.len();
    if fd == 1 || fd == 2 {
        let s = String::from_utf8_lossy(&data).into_owned();
        let r = if fd == 1 {
            vm.effects.write_stdout(&s)
        } else {
            vm.effects.write_stderr(&s)
        };
        vm.fx(r)?;
        return Ok(Value::Int(len as i64));
    }
    let handle = fd_handle(vm, fd)?;
    let r: Result<OsResult<i64>, _> = vm.effects.effect_as(EffectKind::FileWrite, |fx| {
        let mut host = fx.host.borrow_mut();
        let Some(hf) = host.get_mut(handle) else {
            return Val::Err(9, "Bad file descriptor".into());
        };
        match hf.write(&data) {
            Ok(()) => Val::Int(len as i64),
            Err(e) => io_error_val(&e),
        }
    });
    match vm.fx(r)? {
        Ok(n) if n >= 0 && n as usize <= len => Ok(Value::Int(n)),
        Ok(n) => Err(bad_result(
            vm,
            EffectKind::FileWrite,
            format!("{n} bytes written"),
            format!("0 to {len} bytes written"),
        )),
        Err(OsErr(errno, msg)) => Err(os_error(vm, errno, &msg, None)),
    }
}

/// The descriptor functions of `os`.
pub const OS_FUNCTIONS: &[NativeDef] = &[
    ("open", os_open, Arity::parsed()),
    ("close", os_close, Arity::exactly(1)),
    ("read", os_read, Arity::exactly(2)),
    ("write", os_write, Arity::exactly(2)),
];

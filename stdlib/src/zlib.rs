//! The `zlib` module, in Rust, over `miniz_oxide`'s raw deflate and inflate.
//!
//! The zlib and gzip wrappers (headers, Adler-32 / CRC-32 trailers and their checks)
//! are written here, so headers, trailers and error messages are zlib's. The deflate
//! *body* is miniz_oxide's: it decompresses everything zlib does, but its compressed
//! bytes differ from zlib's for levels 1-9 (the same data, another valid encoding);
//! one-shot `compress` at level 0 writes zlib's stored blocks byte for byte. Errors inside a corrupt deflate body are
//! reported as `invalid compressed data` (miniz_oxide does not say which check
//! failed). Preset dictionaries (`zdict`) are not supported. Pure computation: no
//! effects.

use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};
use revpy_vm::object::opaque::OpaqueObject;
use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{Kind, ObjRef, PyErr, PyResult, Value, Vm};
use std::any::Any;

use revpy_vm::Kw;

const MAX_WBITS: i64 = 15;
const DEF_BUF_SIZE: i64 = 16384;
const Z_FINISH: i64 = 4;

// ---- checksums ----

fn crc_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    })
}

/// CRC-32 (zlib's), continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let t = crc_table();
    let mut c = !crc;
    for &b in data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Adler-32, continuing from `adler`.
pub fn adler32(data: &[u8], adler: u32) -> u32 {
    let (mut a, mut b) = (adler & 0xffff, adler >> 16);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

// ---- errors and arguments ----

fn zlib_error(vm: &mut Vm, msg: String) -> PyErr {
    let cls = match vm.native_module_dict("zlib") {
        Ok(d) => {
            let k = vm.intern("error");
            match vm.dict_get_str(d, k) {
                Some(Value::Obj(c)) => c,
                _ => vm.types.exception,
            }
        }
        Err(e) => return e,
    };
    vm.new_error(cls, msg)
}

fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let is_buf = matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Bytes(_) | Kind::ByteArray(_)));
    match vm.bytes_of(v) {
        Some(b) if is_buf => Ok(b),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn int_arg(vm: &mut Vm, v: Option<Value>, default: i64, what: &str) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.expect_int(v, what),
    }
}

// ---- the wrappers ----

#[derive(Clone, Copy, Debug, PartialEq)]
enum Wrap {
    Zlib,
    Gzip,
    Raw,
    /// Decompression with wbits 32+: zlib or gzip, by the first bytes.
    Auto,
}

fn wrap_of(wbits: i64, decompress: bool) -> Option<(Wrap, i64)> {
    match wbits {
        8..=15 => Some((Wrap::Zlib, wbits)),
        0 if decompress => Some((Wrap::Zlib, 15)),
        -15..=-8 => Some((Wrap::Raw, -wbits)),
        24..=31 => Some((Wrap::Gzip, wbits - 16)),
        40..=47 if decompress => Some((Wrap::Auto, wbits - 32)),
        32 if decompress => Some((Wrap::Auto, 15)),
        _ => None,
    }
}

// ---- compression ----

struct Deflater {
    level: i64,
    wbits: i64,
    strategy: i64,
    wrap: Wrap,
    comp: Box<CompressorOxide>,
    header_done: bool,
    finished: bool,
    adler: u32,
    crc: u32,
    size: u32,
    /// The input and flush modes so far, to rebuild `comp` in a copy
    /// (CompressorOxide cannot be cloned); emptied when the stream finishes.
    history: Vec<(Vec<u8>, i64)>,
}

impl Deflater {
    fn new(level: i64, wbits: i64, strategy: i64, wrap: Wrap) -> Deflater {
        let flags =
            create_comp_flags_from_zip_params(level as i32, -(wbits as i32), strategy as i32);
        Deflater {
            level,
            wbits,
            strategy,
            wrap,
            comp: Box::new(CompressorOxide::new(flags)),
            header_done: false,
            finished: false,
            adler: 1,
            crc: 0,
            size: 0,
            history: vec![],
        }
    }

    fn header(&self) -> Vec<u8> {
        match self.wrap {
            Wrap::Zlib => {
                let level = if self.level < 0 { 6 } else { self.level };
                let level_flags = if self.strategy >= 2 || level < 2 {
                    0
                } else if level < 6 {
                    1
                } else if level == 6 {
                    2
                } else {
                    3
                };
                let mut h: u32 = ((8 + ((self.wbits as u32 - 8) << 4)) << 8) | (level_flags << 6);
                h += 31 - h % 31;
                vec![(h >> 8) as u8, h as u8]
            }
            Wrap::Gzip => {
                let level = if self.level < 0 { 6 } else { self.level };
                let xfl = if level == 9 {
                    2
                } else if self.strategy >= 2 || level < 2 {
                    4
                } else {
                    0
                };
                // OS 3 (Unix), as zlib on Linux.
                vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
            }
            _ => vec![],
        }
    }

    /// Compress `data` with flush mode `mode` (zlib's Z_* value).
    fn run(&mut self, data: &[u8], mode: i64, record: bool) -> Result<Vec<u8>, String> {
        if self.finished {
            let what = if mode == 0 {
                "compressing data"
            } else {
                "flushing"
            };
            return Err(format!("Error -2 while {what}: inconsistent stream state"));
        }
        if record {
            self.history.push((data.to_vec(), mode));
        }
        let mut out = vec![];
        if !self.header_done {
            out.extend(self.header());
            self.header_done = true;
        }
        self.adler = adler32(data, self.adler);
        self.crc = crc32(data, self.crc);
        self.size = self.size.wrapping_add(data.len() as u32);
        let flush = match mode {
            0 => MZFlush::None,
            1 | 2 => MZFlush::Sync,
            3 => MZFlush::Full,
            4 => MZFlush::Finish,
            _ => MZFlush::Sync,
        };
        let mut input = data;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let r = miniz_oxide::deflate::stream::deflate(&mut self.comp, input, &mut buf, flush);
            out.extend_from_slice(&buf[..r.bytes_written]);
            input = &input[r.bytes_consumed..];
            match r.status {
                Ok(MZStatus::StreamEnd) => {
                    self.finished = true;
                    break;
                }
                Ok(_) => {
                    if input.is_empty() && r.bytes_written < buf.len() {
                        break;
                    }
                }
                Err(MZError::Buf) => {
                    if input.is_empty() {
                        break;
                    }
                }
                Err(e) => return Err(format!("Error {e:?} while compressing data")),
            }
        }
        if self.finished {
            match self.wrap {
                Wrap::Zlib => out.extend(self.adler.to_be_bytes()),
                Wrap::Gzip => {
                    out.extend(self.crc.to_le_bytes());
                    out.extend(self.size.to_le_bytes());
                }
                _ => {}
            }
            self.history.clear();
        }
        Ok(out)
    }

    fn replica(&self) -> Deflater {
        let mut d = Deflater::new(self.level, self.wbits, self.strategy, self.wrap);
        if self.finished {
            d.header_done = true;
            d.finished = true;
            return d;
        }
        for (data, mode) in &self.history {
            let _ = d.run(data, *mode, true);
        }
        d
    }
}

fn compress_all(level: i64, wbits: i64, data: &[u8]) -> Result<Vec<u8>, String> {
    let Some((wrap, bits)) = wrap_of(wbits, false) else {
        return Err("Bad compression level".into());
    };
    let mut d = Deflater::new(level, bits, 0, wrap);
    if level == 0 {
        // zlib's one-shot stored stream: blocks of at most 65535 bytes.
        let mut out = d.header();
        let mut chunks: Vec<&[u8]> = data.chunks(65535).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        let last = chunks.len() - 1;
        for (i, c) in chunks.iter().enumerate() {
            out.push(u8::from(i == last));
            let n = c.len() as u16;
            out.extend(n.to_le_bytes());
            out.extend((!n).to_le_bytes());
            out.extend_from_slice(c);
        }
        match wrap {
            Wrap::Zlib => out.extend(adler32(data, 1).to_be_bytes()),
            Wrap::Gzip => {
                out.extend(crc32(data, 0).to_le_bytes());
                out.extend((data.len() as u32).to_le_bytes());
            }
            _ => {}
        }
        return Ok(out);
    }
    d.run(data, Z_FINISH, false)
}

fn check_level(vm: &mut Vm, level: i64) -> PyResult<()> {
    if !(-1..=9).contains(&level) {
        return Err(zlib_error(vm, "Bad compression level".into()));
    }
    Ok(())
}

/// `compress(data, /, level=-1, wbits=15)`
fn z_compress(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("compress", ["data", "level", "wbits"])
        .required(1)
        .posonly(1);
    let [data, level, wbits] = SPEC.parse(vm, args, kw)?;
    let data = data_arg(vm, data.unwrap_or(Value::None))?;
    let level = int_arg(vm, level, -1, "level")?;
    let wbits = int_arg(vm, wbits, MAX_WBITS, "wbits")?;
    check_level(vm, level)?;
    if wrap_of(wbits, false).is_none() {
        return Err(vm.new_value_error("Invalid initialization option".into()));
    }
    match compress_all(level, wbits, &data) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(m) => Err(zlib_error(vm, m)),
    }
}

// ---- decompression ----

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Header,
    Body,
    Trailer,
    Done,
}

#[derive(Clone)]
struct Inflater {
    wrap: Wrap,
    wbits: i64,
    phase: Phase,
    state: Box<InflateState>,
    /// Header or trailer bytes gathered so far.
    pending: Vec<u8>,
    adler: u32,
    crc: u32,
    size: u32,
}

/// How a header or trailer parse went.
enum Parsed {
    /// Need more bytes.
    More,
    /// Complete: this many bytes.
    Done(usize),
    Bad(String),
}

impl Inflater {
    fn new(wrap: Wrap, wbits: i64) -> Inflater {
        Inflater {
            wrap,
            wbits,
            phase: if wrap == Wrap::Raw {
                Phase::Body
            } else {
                Phase::Header
            },
            state: InflateState::new_boxed(DataFormat::Raw),
            pending: vec![],
            adler: 1,
            crc: 0,
            size: 0,
        }
    }

    fn parse_header(&mut self) -> Parsed {
        let b = &self.pending;
        if self.wrap == Wrap::Auto {
            if b.len() < 2 {
                return Parsed::More;
            }
            self.wrap = if b[0] == 0x1f && b[1] == 0x8b {
                Wrap::Gzip
            } else {
                Wrap::Zlib
            };
        }
        let b = &self.pending;
        match self.wrap {
            Wrap::Zlib => {
                if b.len() < 2 {
                    return Parsed::More;
                }
                let (cmf, flg) = (b[0] as u32, b[1] as u32);
                if (cmf * 256 + flg) % 31 != 0 {
                    return Parsed::Bad("incorrect header check".into());
                }
                if cmf & 0x0f != 8 {
                    return Parsed::Bad("unknown compression method".into());
                }
                if (cmf >> 4) + 8 > self.wbits as u32 {
                    return Parsed::Bad("invalid window size".into());
                }
                if flg & 0x20 != 0 {
                    return Parsed::Bad("NEED_DICT".into());
                }
                Parsed::Done(2)
            }
            Wrap::Gzip => {
                if b.len() < 10 {
                    if (!b.is_empty() && b[0] != 0x1f) || (b.len() > 1 && b[1] != 0x8b) {
                        return Parsed::Bad("incorrect header check".into());
                    }
                    return Parsed::More;
                }
                if b[0] != 0x1f || b[1] != 0x8b {
                    return Parsed::Bad("incorrect header check".into());
                }
                if b[2] != 8 {
                    return Parsed::Bad("unknown compression method".into());
                }
                let flg = b[3];
                if flg & 0xe0 != 0 {
                    return Parsed::Bad("unknown header flags set".into());
                }
                let mut i = 10;
                if flg & 4 != 0 {
                    if b.len() < i + 2 {
                        return Parsed::More;
                    }
                    let xlen = b[i] as usize | (b[i + 1] as usize) << 8;
                    i += 2 + xlen;
                    if b.len() < i {
                        return Parsed::More;
                    }
                }
                for bit in [8u8, 16] {
                    if flg & bit != 0 {
                        match b[i.min(b.len())..].iter().position(|&c| c == 0) {
                            Some(p) => i += p + 1,
                            None => return Parsed::More,
                        }
                    }
                }
                if flg & 2 != 0 {
                    i += 2;
                    if b.len() < i {
                        return Parsed::More;
                    }
                }
                Parsed::Done(i)
            }
            _ => Parsed::Done(0),
        }
    }

    fn parse_trailer(&self) -> Parsed {
        let b = &self.pending;
        match self.wrap {
            Wrap::Zlib => {
                if b.len() < 4 {
                    return Parsed::More;
                }
                let want = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
                if want != self.adler {
                    return Parsed::Bad("incorrect data check".into());
                }
                Parsed::Done(4)
            }
            Wrap::Gzip => {
                if b.len() < 8 {
                    return Parsed::More;
                }
                let crc = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                if crc != self.crc {
                    return Parsed::Bad("incorrect data check".into());
                }
                let size = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
                if size != self.size {
                    return Parsed::Bad("incorrect length check".into());
                }
                Parsed::Done(8)
            }
            _ => Parsed::Done(0),
        }
    }

    /// Feed `input`; produce at most `limit` bytes (None: all). Returns the output and
    /// how many input bytes were used; the rest is unconsumed (the output limit was
    /// reached) or unused (the stream ended).
    fn feed(&mut self, input: &[u8], limit: Option<usize>) -> Result<(Vec<u8>, usize), String> {
        let mut out = vec![];
        let mut pos = 0;
        loop {
            match self.phase {
                Phase::Done => return Ok((out, pos)),
                Phase::Header | Phase::Trailer => {
                    let header = self.phase == Phase::Header;
                    // Take bytes one at a time until the part is complete.
                    loop {
                        let r = if header {
                            self.parse_header()
                        } else {
                            self.parse_trailer()
                        };
                        match r {
                            Parsed::Bad(m) => return Err(m),
                            Parsed::Done(n) => {
                                let extra = self.pending.len() - n;
                                pos -= extra;
                                self.pending.clear();
                                self.phase = if header { Phase::Body } else { Phase::Done };
                                break;
                            }
                            Parsed::More => {
                                if pos >= input.len() {
                                    return Ok((out, pos));
                                }
                                self.pending.push(input[pos]);
                                pos += 1;
                            }
                        }
                    }
                }
                Phase::Body => {
                    let room = limit.map(|l| l - out.len());
                    if room == Some(0) {
                        return Ok((out, pos));
                    }
                    let mut buf = vec![0u8; room.unwrap_or(1 << 16).clamp(1, 1 << 16)];
                    let r = miniz_oxide::inflate::stream::inflate(
                        &mut self.state,
                        &input[pos..],
                        &mut buf,
                        MZFlush::None,
                    );
                    let got = &buf[..r.bytes_written];
                    self.adler = adler32(got, self.adler);
                    self.crc = crc32(got, self.crc);
                    self.size = self.size.wrapping_add(got.len() as u32);
                    out.extend_from_slice(got);
                    pos += r.bytes_consumed;
                    match r.status {
                        Ok(MZStatus::StreamEnd) => {
                            self.phase = if self.wrap == Wrap::Raw {
                                Phase::Done
                            } else {
                                Phase::Trailer
                            };
                        }
                        Ok(_) => {
                            if r.bytes_written == 0 && r.bytes_consumed == 0 {
                                return Ok((out, pos));
                            }
                        }
                        Err(MZError::Buf) => return Ok((out, pos)),
                        Err(_) => return Err("invalid compressed data".into()),
                    }
                }
            }
        }
    }
}

fn decompress_error(vm: &mut Vm, m: String) -> PyErr {
    if m == "NEED_DICT" {
        return zlib_error(vm, "Error 2 while decompressing data".into());
    }
    zlib_error(vm, format!("Error -3 while decompressing data: {m}"))
}

/// `decompress(data, /, wbits=15, bufsize=16384)`
fn z_decompress(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("decompress", ["data", "wbits", "bufsize"])
        .required(1)
        .posonly(1);
    let [data, wbits, bufsize] = SPEC.parse(vm, args, kw)?;
    let data = data_arg(vm, data.unwrap_or(Value::None))?;
    let wbits = int_arg(vm, wbits, MAX_WBITS, "wbits")?;
    let bufsize = int_arg(vm, bufsize, DEF_BUF_SIZE, "bufsize")?;
    if bufsize < 0 {
        return Err(vm.new_value_error("bufsize must be non-negative".into()));
    }
    let Some((wrap, bits)) = wrap_of(wbits, true) else {
        return Err(zlib_error(
            vm,
            "Error -2 while preparing to decompress data: inconsistent stream state".into(),
        ));
    };
    let mut inf = Inflater::new(wrap, bits);
    match inf.feed(&data, None) {
        Ok((out, _)) if inf.phase == Phase::Done => Ok(vm.new_bytes(out)),
        Ok(_) => Err(zlib_error(
            vm,
            "Error -5 while decompressing data: incomplete or truncated stream".into(),
        )),
        Err(m) => Err(decompress_error(vm, m)),
    }
}

// ---- the Compress and Decompress objects ----

struct CompObj {
    d: Deflater,
}

impl Clone for CompObj {
    fn clone(&self) -> Self {
        CompObj {
            d: self.d.replica(),
        }
    }
}

impl std::fmt::Debug for CompObj {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "zlib.Compress")
    }
}

impl OpaqueObject for CompObj {
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

#[derive(Clone)]
struct DecompObj {
    inf: Inflater,
    unused: Vec<u8>,
    tail: Vec<u8>,
    eof: bool,
}

impl std::fmt::Debug for DecompObj {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "zlib.Decompress")
    }
}

impl OpaqueObject for DecompObj {
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

fn class(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let d = vm.native_module_dict("zlib")?;
    let k = vm.intern(name);
    match vm.dict_get_str(d, k) {
        Some(Value::Obj(c)) => Ok(c),
        _ => Err(vm.new_error(vm.types.system_error, format!("zlib.{name} is missing"))),
    }
}

fn comp_mut(vm: &mut Vm, v: Value) -> PyResult<&mut CompObj> {
    let ok = matches!(v.obj().map(|r| vm.heap.kind(r)), Some(Kind::Opaque(o)) if o.as_any().is::<CompObj>());
    if !ok {
        return Err(vm.new_type_error("a zlib.Compress object is required".into()));
    }
    match vm.heap.kind_mut(v.obj().expect("checked")) {
        Kind::Opaque(o) => Ok(o.as_any_mut().downcast_mut::<CompObj>().expect("checked")),
        _ => unreachable!("checked above"),
    }
}

fn decomp_mut(vm: &mut Vm, v: Value) -> PyResult<&mut DecompObj> {
    let ok = matches!(v.obj().map(|r| vm.heap.kind(r)), Some(Kind::Opaque(o)) if o.as_any().is::<DecompObj>());
    if !ok {
        return Err(vm.new_type_error("a zlib.Decompress object is required".into()));
    }
    match vm.heap.kind_mut(v.obj().expect("checked")) {
        Kind::Opaque(o) => Ok(o.as_any_mut().downcast_mut::<DecompObj>().expect("checked")),
        _ => unreachable!("checked above"),
    }
}

/// `compressobj(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None)`
fn z_compressobj(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<6> = KwSpec::new(
        "compressobj",
        ["level", "method", "wbits", "memLevel", "strategy", "zdict"],
    );
    let [level, method, wbits, mem, strategy, zdict] = SPEC.parse(vm, args, kw)?;
    let level = int_arg(vm, level, -1, "level")?;
    let method = int_arg(vm, method, 8, "method")?;
    let wbits = int_arg(vm, wbits, MAX_WBITS, "wbits")?;
    let mem = int_arg(vm, mem, 8, "memLevel")?;
    let strategy = int_arg(vm, strategy, 0, "strategy")?;
    if zdict.is_some_and(|z| !z.is_none()) {
        return Err(zlib_error(
            vm,
            "revpy's zlib does not support preset dictionaries (zdict)".into(),
        ));
    }
    let Some((wrap, bits)) = wrap_of(wbits, false) else {
        return Err(vm.new_value_error("Invalid initialization option".into()));
    };
    if !(-1..=9).contains(&level)
        || method != 8
        || !(1..=9).contains(&mem)
        || !(0..=4).contains(&strategy)
    {
        return Err(vm.new_value_error("Invalid initialization option".into()));
    }
    let cls = class(vm, "Compress")?;
    let o = CompObj {
        d: Deflater::new(level, bits, strategy, wrap),
    };
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(o)))))
}

fn c_compress(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let data = data_arg(vm, args[1])?;
    let r = comp_mut(vm, args[0])?.d.run(&data, 0, true);
    match r {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(m) => Err(zlib_error(vm, m)),
    }
}

fn c_flush(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let mode = match args.get(1) {
        Some(v) => vm.expect_int(*v, "mode")?,
        None => Z_FINISH,
    };
    if mode == 0 {
        return Ok(vm.new_bytes(vec![]));
    }
    let r = comp_mut(vm, args[0])?.d.run(&[], mode, true);
    match r {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(m) => Err(zlib_error(vm, m)),
    }
}

fn c_copy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let o = comp_mut(vm, args[0])?.clone();
    let cls = class(vm, "Compress")?;
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(o)))))
}

/// `decompressobj(wbits=15, zdict=b'')`
fn z_decompressobj(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("decompressobj", ["wbits", "zdict"]);
    let [wbits, zdict] = SPEC.parse(vm, args, kw)?;
    let wbits = int_arg(vm, wbits, MAX_WBITS, "wbits")?;
    if let Some(z) = zdict {
        let b = data_arg(vm, z)?;
        if !b.is_empty() {
            return Err(zlib_error(
                vm,
                "revpy's zlib does not support preset dictionaries (zdict)".into(),
            ));
        }
    }
    let Some((wrap, bits)) = wrap_of(wbits, true) else {
        return Err(vm.new_value_error("Invalid initialization option".into()));
    };
    let cls = class(vm, "Decompress")?;
    let o = DecompObj {
        inf: Inflater::new(wrap, bits),
        unused: vec![],
        tail: vec![],
        eof: false,
    };
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(o)))))
}

fn d_run(vm: &mut Vm, this: Value, data: Vec<u8>, limit: Option<usize>) -> PyResult<Value> {
    let o = decomp_mut(vm, this)?;
    if o.eof {
        o.unused.extend_from_slice(&data);
        return Ok(vm.new_bytes(vec![]));
    }
    match o.inf.feed(&data, limit) {
        Ok((out, used)) => {
            if o.inf.phase == Phase::Done {
                o.eof = true;
                o.unused.extend_from_slice(&data[used..]);
                o.tail.clear();
            } else if limit.is_some() {
                o.tail = data[used..].to_vec();
            } else {
                o.tail.clear();
            }
            Ok(vm.new_bytes(out))
        }
        Err(m) => Err(decompress_error(vm, m)),
    }
}

fn d_decompress(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("decompress", ["data", "max_length"])
        .required(1)
        .posonly(1);
    let [data, max] = SPEC.parse(vm, &args[1..], kw)?;
    let this = args[0];
    let data = data_arg(vm, data.unwrap_or(Value::None))?;
    let max = int_arg(vm, max, 0, "max_length")?;
    if max < 0 {
        return Err(vm.new_value_error("max_length must be non-negative".into()));
    }
    let limit = if max == 0 { None } else { Some(max as usize) };
    d_run(vm, this, data, limit)
}

fn d_flush(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(v) = args.get(1) {
        let n = vm.expect_int(*v, "length")?;
        if n <= 0 {
            return Err(vm.new_value_error("length must be greater than zero".into()));
        }
    }
    let tail = std::mem::take(&mut decomp_mut(vm, args[0])?.tail);
    d_run(vm, args[0], tail, None)
}

fn d_copy(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let o = decomp_mut(vm, args[0])?.clone();
    let cls = class(vm, "Decompress")?;
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Opaque(Box::new(o)))))
}

fn d_unused(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = decomp_mut(vm, args[0])?.unused.clone();
    Ok(vm.new_bytes(b))
}

fn d_tail(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let b = decomp_mut(vm, args[0])?.tail.clone();
    Ok(vm.new_bytes(b))
}

fn d_eof(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(decomp_mut(vm, args[0])?.eof))
}

fn no_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let name = args.first().map(|c| vm.type_name(*c)).unwrap_or_default();
    Err(vm.new_type_error(format!("cannot create 'zlib.{name}' instances")))
}

/// `crc32(data, value=0)`
fn z_crc32(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("crc32", args, 1, 2)?;
    let data = data_arg(vm, args[0])?;
    let start = match args.get(1) {
        Some(v) => vm.expect_int(*v, "value")? as u32,
        None => 0,
    };
    Ok(Value::Int(crc32(&data, start) as i64))
}

/// `adler32(data, value=1)`
fn z_adler32(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("adler32", args, 1, 2)?;
    let data = data_arg(vm, args[0])?;
    let start = match args.get(1) {
        Some(v) => vm.expect_int(*v, "value")? as u32,
        None => 1,
    };
    Ok(Value::Int(adler32(&data, start) as i64))
}

/// Create `zlib`.
pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("zlib");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("compress", z_compress, Arity::parsed()),
        ("decompress", z_decompress, Arity::parsed()),
        ("compressobj", z_compressobj, Arity::parsed()),
        ("decompressobj", z_decompressobj, Arity::parsed()),
        ("crc32", z_crc32, Arity::range(1, 2)),
        ("adler32", z_adler32, Arity::range(1, 2)),
    ];
    vm.add_functions(d, fns);
    let exc = vm.types.exception;
    let err = vm.new_native_class("error", exc, "zlib");
    let k = vm.intern("error");
    vm.dict_set(d, k, Value::Obj(err))?;
    let obj = vm.types.object;
    let comp = vm.new_native_class("Compress", obj, "zlib");
    vm.add_methods(
        comp,
        &[
            ("compress", c_compress, Arity::exactly(1)),
            ("flush", c_flush, Arity::range(0, 1)),
            ("copy", c_copy, Arity::none()),
        ],
    );
    vm.add_staticmethod(comp, "__new__", no_new, Arity::any().kw());
    let k = vm.intern("Compress");
    vm.dict_set(d, k, Value::Obj(comp))?;
    let dec = vm.new_native_class("Decompress", obj, "zlib");
    vm.add_methods(
        dec,
        &[
            ("decompress", d_decompress, Arity::parsed()),
            ("flush", d_flush, Arity::range(0, 1)),
            ("copy", d_copy, Arity::none()),
        ],
    );
    vm.add_getter(dec, "unused_data", d_unused);
    vm.add_getter(dec, "unconsumed_tail", d_tail);
    vm.add_getter(dec, "eof", d_eof);
    vm.add_staticmethod(dec, "__new__", no_new, Arity::any().kw());
    let k = vm.intern("Decompress");
    vm.dict_set(d, k, Value::Obj(dec))?;
    for (n, v) in [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        let k = vm.intern(n);
        vm.dict_set(d, k, Value::Int(v))?;
    }
    for (n, v) in [
        ("ZLIB_VERSION", "1.2.13"),
        ("ZLIB_RUNTIME_VERSION", "1.2.13"),
    ] {
        let k = vm.intern(n);
        let s = vm.new_str(v.to_string());
        vm.dict_set(d, k, s)?;
    }
    Ok(m)
}

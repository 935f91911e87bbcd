//! A small LZ77 codec for packed checkpoints (`pack.rs`): greedy matching with
//! one hash table, two repeat offsets, and an optional dictionary (the raw
//! image of an earlier checkpoint, so a checkpoint stores what changed since),
//! then Huffman codes for the stream's fields (`entropy`). No dependency,
//! deterministic output, a few hundred MB/s each way.
//!
//! The compressed data starts with a mode byte: `MODE_PLAIN`, the LZ stream
//! follows as it is; `MODE_HUFFMAN`, each byte of it is Huffman-coded with the
//! code of its field (literal run lengths, literals, match codes, offsets:
//! each is skewed its own way; coded together they would share one code).
//!
//! The LZ stream is a sequence of (literals, match) pairs: `varint(n)` literals
//! follow, then, unless the output is complete, `varint(code)` with
//! `code = (len - MIN_MATCH) << 2 | how`: `how` 0 is a new offset
//! (`varint(offset)` follows), 1 the last offset, 2 the one before it (the two
//! swap). A match may reach back into the dictionary, which conceptually
//! precedes the output.

const MIN_MATCH: usize = 4;
/// 2^18 entries (1 MiB while compressing): a dictionary (the raw image of a
/// nearby checkpoint, over a MB) indexed at every position in a smaller table
/// loses most of its positions to later ones, and the records that moved in it
/// (a dict's entries after a resize) come out as literals.
const HASH_BITS: u32 = 18;

#[inline]
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn varint_len(v: u64) -> usize {
    (64 - (v | 1).leading_zeros() as usize).div_ceil(7)
}

fn zig(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzig(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

#[inline]
fn hash4(b: &[u8], i: usize) -> usize {
    let v = u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// The length of the common run of `buf[a..]` and `buf[b..]` (a < b), up to `end`.
#[inline]
fn common(buf: &[u8], a: usize, b: usize, end: usize) -> usize {
    let mut n = 0;
    let max = end - b;
    while n + 8 <= max {
        let x = u64::from_le_bytes(buf[a + n..a + n + 8].try_into().unwrap());
        let y = u64::from_le_bytes(buf[b + n..b + n + 8].try_into().unwrap());
        let d = x ^ y;
        if d != 0 {
            return n + (d.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while n < max && buf[a + n] == buf[b + n] {
        n += 1;
    }
    n
}

/// Compress `input`, with `dict` (possibly empty) as if it preceded it.
/// `hints` (sorted by their first element) say where in `dict` data like the
/// input's from a position on may be found: `(input offset, dict offset)`
/// pairs (the same record in an older image); matches there, or a few bytes
/// off (a field's size changed), are tried first.
fn compress_lz(dict: &[u8], input: &[u8], hints: &[(u32, u32)]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(dict.len() + input.len());
    buf.extend_from_slice(dict);
    buf.extend_from_slice(input);
    let start = dict.len();
    let end = buf.len();
    let mut table = vec![u32::MAX; 1 << HASH_BITS];
    if end >= MIN_MATCH {
        // The dictionary's positions, later ones winning (every one: the
        // hints find the records that stayed in place, not the ones that moved).
        for i in 0..(start + 1).saturating_sub(MIN_MATCH) {
            table[hash4(&buf, i)] = i as u32;
        }
    }
    let mut out = Vec::with_capacity(input.len() / 4 + 16);
    // Repeat offsets: with a dictionary, the data at the same place in it.
    let mut rep = [start.max(1), start.max(1)];
    let mut lit = start;
    let mut i = start;
    let mut misses = 0usize;
    let mut h = 0usize;
    while i + MIN_MATCH <= end {
        // The best match here: (gain in bytes, length, offset, how).
        let mut best = (0i64, 0usize, 0usize, 0u64);
        let consider =
            |n: usize, off: usize, best: &mut (i64, usize, usize, u64), rep: &[usize; 2]| {
                if n < MIN_MATCH {
                    return;
                }
                let (how, cost) = if off == rep[0] {
                    (1, 1)
                } else if off == rep[1] {
                    (2, 1)
                } else if off.abs_diff(rep[0]) <= 60 {
                    (3, 2)
                } else {
                    (0, 1 + varint_len(off as u64))
                };
                let gain = n as i64 - cost as i64;
                if gain > best.0 {
                    *best = (gain, n, off, how);
                }
            };
        for &off in rep.iter() {
            if off <= i {
                consider(common(&buf, i - off, i, end), off, &mut best, &rep);
            }
        }
        // Just after a match or a short literal (a changed field): the old
        // record may go on a few bytes off (a field grew or shrank).
        let fresh = i - lit <= 2;
        if best.1 == 0 && fresh {
            // The record before this one grew or shrank.
            for d in [1i64, -1, 2, -2] {
                let off = rep[0] as i64 + d;
                if off > 0 && off as usize <= i {
                    let off = off as usize;
                    consider(common(&buf, i - off, i, end), off, &mut best, &rep);
                }
            }
        }
        let at = (i - start) as u64;
        while h + 1 < hints.len() && u64::from(hints[h + 1].0) <= at {
            h += 1;
        }
        if let Some(&(from, to)) = hints
            .get(h)
            .filter(|x| u64::from(x.0) <= at && (fresh || u64::from(x.0) == at))
        {
            let c0 = u64::from(to) + at - u64::from(from);
            for d in [0i64, -1, 1, -2, 2, -3, 3] {
                let c = c0 as i64 + d;
                if c < 0 || c as usize >= start || rep.contains(&(i - c as usize)) {
                    continue;
                }
                consider(
                    common(&buf, c as usize, i, end),
                    i - c as usize,
                    &mut best,
                    &rep,
                );
            }
        }
        let hk = hash4(&buf, i);
        let c = table[hk];
        table[hk] = i as u32;
        if c != u32::MAX && !rep.contains(&(i - c as usize)) {
            consider(
                common(&buf, c as usize, i, end),
                i - c as usize,
                &mut best,
                &rep,
            );
        }
        // A repeat a byte or two later may be worth the literals (a changed
        // field in a record otherwise like the old one).
        if best.3 != 1 && best.3 != 2 && best.1 > 0 {
            let later = (1..=2).any(|k| {
                i + k + MIN_MATCH <= end
                    && rep.iter().any(|&off| {
                        off <= i + k && {
                            let n = common(&buf, i + k - off, i + k, end);
                            n >= MIN_MATCH && (n as i64 - 1 - k as i64) >= best.0
                        }
                    })
            });
            if later {
                best = (0, 0, 0, 0);
            }
        }
        if best.1 < MIN_MATCH {
            misses += 1;
            // Skip faster through data that does not compress.
            i += 1 + (misses >> 6);
            continue;
        }
        misses = 0;
        let (_, n, off, how) = best;
        put_varint(&mut out, (i - lit) as u64);
        out.extend_from_slice(&buf[lit..i]);
        put_varint(&mut out, ((n - MIN_MATCH) as u64) << 2 | how);
        match how {
            0 => {
                put_varint(&mut out, off as u64);
                rep = [off, rep[0]];
            }
            1 => {}
            2 => rep = [rep[1], rep[0]],
            _ => {
                put_varint(&mut out, zig(off as i64 - rep[0] as i64));
                rep = [off, rep[0]];
            }
        }
        // Index a few positions inside the match (every one is slow on long runs).
        let stop = (i + n).min(end.saturating_sub(MIN_MATCH));
        let mut j = i + 1;
        while j < stop {
            table[hash4(&buf, j)] = j as u32;
            j += if n > 64 { 7 } else { 1 };
        }
        i += n;
        lit = i;
    }
    put_varint(&mut out, (end - lit) as u64);
    out.extend_from_slice(&buf[lit..end]);
    out
}

/// Where the decoder reads the fields of the LZ stream from: the bytes as
/// they are, or their Huffman codes (see `entropy`).
trait Source {
    /// The next byte of a field of `stream` (one of the `S_*`).
    fn byte(&mut self, stream: usize) -> Option<u8>;
    /// Whether the data was used up exactly.
    fn finished(&self) -> bool;
    /// Append the next `n` literals to `out`.
    #[inline]
    fn literals(&mut self, n: usize, out: &mut Vec<u8>) -> Option<()> {
        for _ in 0..n {
            let b = self.byte(S_LIT)?;
            out.push(b);
        }
        Some(())
    }
}

/// The LZ stream's fields: lengths of literal runs, literals, match codes,
/// offsets. Each has its own Huffman code.
const S_LITLEN: usize = 0;
const S_LIT: usize = 1;
const S_CODE: usize = 2;
const S_OFF: usize = 3;
const STREAMS: usize = 4;

/// The LZ stream as it is.
struct Plain<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Source for Plain<'_> {
    #[inline]
    fn byte(&mut self, _stream: usize) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn finished(&self) -> bool {
        self.pos == self.data.len()
    }
    #[inline]
    fn literals(&mut self, n: usize, out: &mut Vec<u8>) -> Option<()> {
        out.extend_from_slice(self.data.get(self.pos..self.pos.checked_add(n)?)?);
        self.pos += n;
        Some(())
    }
}

/// The LZ stream as it is, noting each byte's field (to build the Huffman
/// codes from).
struct Noting<'a> {
    plain: Plain<'a>,
    seen: Vec<u16>,
}

impl Source for Noting<'_> {
    #[inline]
    fn byte(&mut self, stream: usize) -> Option<u8> {
        let b = self.plain.byte(stream)?;
        self.seen.push((stream as u16) << 8 | u16::from(b));
        Some(b)
    }
    fn finished(&self) -> bool {
        self.plain.finished()
    }
}

#[inline]
fn read_varint<S: Source>(src: &mut S, stream: usize) -> Option<u64> {
    varint_from(|| src.byte(stream))
}

/// A LEB128 varint from `next` byte by byte (None when the bytes end or it
/// overflows 64 bits); `pack.rs` reads its fields with it too.
#[inline]
pub(crate) fn varint_from(mut next: impl FnMut() -> Option<u8>) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = next()?;
        if shift >= 64 {
            return None;
        }
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
        shift += 7;
    }
}

/// Decode an LZ stream (made by `compress_lz` with the same `dict`) into
/// `len` bytes. None if the data is not such a stream. A match reaching back
/// past the output's start reads the dictionary (which is not copied).
fn decode<S: Source>(dict: &[u8], src: &mut S, len: usize) -> Option<Vec<u8>> {
    let start = dict.len();
    let mut out = Vec::with_capacity(len);
    let mut rep = [start.max(1), start.max(1)];
    loop {
        let n = read_varint(src, S_LITLEN)? as usize;
        if n > len - out.len() {
            return None;
        }
        src.literals(n, &mut out)?;
        if out.len() == len {
            break;
        }
        let code = read_varint(src, S_CODE)?;
        let m = usize::try_from(code >> 2).ok()?.checked_add(MIN_MATCH)?;
        let off = match code & 3 {
            0 => {
                let off = usize::try_from(read_varint(src, S_OFF)?).ok()?;
                rep = [off, rep[0]];
                off
            }
            1 => rep[0],
            2 => {
                rep = [rep[1], rep[0]];
                rep[0]
            }
            _ => {
                let d = unzig(read_varint(src, S_OFF)?);
                let off = usize::try_from((rep[0] as i64).checked_add(d)?).ok()?;
                rep = [off, rep[0]];
                off
            }
        };
        // Positions count from the dictionary's start.
        let at = start + out.len();
        if off == 0 || off > at || m > len - out.len() {
            return None;
        }
        let mut from = at - off;
        let mut m = m;
        if from < start {
            let k = m.min(start - from);
            out.extend_from_slice(&dict[from..from + k]);
            m -= k;
            from = start;
        }
        let from = from - start;
        if m == 0 {
        } else if from + m <= out.len() {
            out.extend_from_within(from..from + m);
        } else {
            for k in 0..m {
                let b = out[from + k];
                out.push(b);
            }
        }
    }
    if !src.finished() {
        return None;
    }
    Some(out)
}

/// The first byte of a compressed image: how the LZ stream follows.
const MODE_PLAIN: u8 = 0;
const MODE_HUFFMAN: u8 = 1;

/// Compress `input`, with `dict` (possibly empty) as if it preceded it (see
/// `compress_lz`; `hints` as there), then code the LZ stream's fields with
/// Huffman codes of their own (literals, literal-run lengths, match codes and
/// offsets are each skewed differently), unless that is not smaller.
pub fn compress(dict: &[u8], input: &[u8], hints: &[(u32, u32)]) -> Vec<u8> {
    let lz = compress_lz(dict, input, hints);
    let mut noting = Noting {
        plain: Plain { data: &lz, pos: 0 },
        seen: Vec::with_capacity(lz.len()),
    };
    let check = decode(dict, &mut noting, input.len());
    debug_assert!(check.as_deref() == Some(input));
    let coded = entropy::encode(&noting.seen);
    if check.is_some() && coded.len() < lz.len() {
        let mut out = Vec::with_capacity(coded.len() + 1);
        out.push(MODE_HUFFMAN);
        out.extend_from_slice(&coded);
        out
    } else {
        let mut out = Vec::with_capacity(lz.len() + 1);
        out.push(MODE_PLAIN);
        out.extend_from_slice(&lz);
        out
    }
}

/// Decompress `data` (made by `compress` with the same `dict`) into `len` bytes.
/// None if the data is not such a stream.
pub fn decompress(dict: &[u8], data: &[u8], len: usize) -> Option<Vec<u8>> {
    let (&mode, rest) = data.split_first()?;
    match mode {
        MODE_PLAIN => decode(dict, &mut Plain { data: rest, pos: 0 }, len),
        MODE_HUFFMAN => decode(dict, &mut entropy::Reader::new(rest)?, len),
        _ => None,
    }
}

/// Huffman codes for the fields of an LZ stream: a code per field (`S_*`),
/// canonical, at most `MAX_BITS` bits, LSB first. The data: for each field the
/// 256 code lengths as nibbles, then the codes of the bytes in stream order.
mod entropy {
    use super::{Source, STREAMS};

    const MAX_BITS: u32 = 12;
    const SYMS: usize = 256;

    /// Code lengths (0: unused) for the counts, none over `MAX_BITS`.
    fn lengths(counts: &[u64; SYMS]) -> [u8; SYMS] {
        let mut freq = *counts;
        loop {
            let lens = huffman_lengths(&freq);
            if lens.iter().all(|&l| u32::from(l) <= MAX_BITS) {
                return lens;
            }
            // Flatten the counts and try again.
            for f in freq.iter_mut().filter(|f| **f > 0) {
                *f = (*f).div_ceil(2);
            }
        }
    }

    /// Huffman code lengths (unlimited) for the counts; deterministic.
    fn huffman_lengths(freq: &[u64; SYMS]) -> [u8; SYMS] {
        let mut lens = [0u8; SYMS];
        let used: Vec<usize> = (0..SYMS).filter(|&s| freq[s] > 0).collect();
        match used.len() {
            0 => return lens,
            1 => {
                lens[used[0]] = 1;
                return lens;
            }
            _ => {}
        }
        // Nodes: leaves 0..SYMS, inner ones after; parent links.
        let mut parent = vec![usize::MAX; 2 * SYMS];
        let mut heap: std::collections::BinaryHeap<std::cmp::Reverse<(u64, usize)>> = used
            .iter()
            .map(|&s| std::cmp::Reverse((freq[s], s)))
            .collect();
        let mut next = SYMS;
        while heap.len() > 1 {
            let std::cmp::Reverse((fa, a)) = heap.pop().unwrap_or_default();
            let std::cmp::Reverse((fb, b)) = heap.pop().unwrap_or_default();
            parent[a] = next;
            parent[b] = next;
            heap.push(std::cmp::Reverse((fa + fb, next)));
            next += 1;
        }
        for &s in &used {
            let mut d = 0u8;
            let mut n = s;
            while parent[n] != usize::MAX {
                n = parent[n];
                d = d.saturating_add(1);
            }
            lens[s] = d;
        }
        lens
    }

    /// Canonical codes (bit-reversed, for LSB-first output) of the lengths.
    fn codes(lens: &[u8; SYMS]) -> [u16; SYMS] {
        let mut codes = [0u16; SYMS];
        let mut code = 0u32;
        for len in 1..=MAX_BITS as u8 {
            for s in 0..SYMS {
                if lens[s] == len {
                    codes[s] = (code.reverse_bits() >> (32 - u32::from(len))) as u16;
                    code += 1;
                }
            }
            code <<= 1;
        }
        codes
    }

    /// Code the (field << 8 | byte) sequence.
    pub(super) fn encode(seen: &[u16]) -> Vec<u8> {
        let mut counts = [[0u64; SYMS]; STREAMS];
        for &x in seen {
            counts[usize::from(x >> 8)][usize::from(x & 0xff)] += 1;
        }
        let lens: Vec<[u8; SYMS]> = counts.iter().map(lengths).collect();
        let codes: Vec<[u16; SYMS]> = lens.iter().map(codes).collect();
        let mut out = Vec::with_capacity(seen.len() / 2 + STREAMS * SYMS / 2);
        for l in &lens {
            for pair in l.chunks(2) {
                out.push(pair[0] | pair[1] << 4);
            }
        }
        let mut acc = 0u64;
        let mut n = 0u32;
        for &x in seen {
            let (st, b) = (usize::from(x >> 8), usize::from(x & 0xff));
            acc |= u64::from(codes[st][b]) << n;
            n += u32::from(lens[st][b]);
            while n >= 8 {
                out.push(acc as u8);
                acc >>= 8;
                n -= 8;
            }
        }
        if n > 0 {
            out.push(acc as u8);
        }
        out
    }

    /// Reads the coded bytes of `encode`'s output.
    pub(super) struct Reader<'a> {
        data: &'a [u8],
        pos: usize,
        buf: u64,
        bits: u32,
        /// Bits consumed past the end of `data` (read as zeros): an error.
        over: bool,
        /// Per field (`field << MAX_BITS | prefix`): the symbol and code
        /// length for each `MAX_BITS` prefix (length 0: no code).
        tables: Vec<(u8, u8)>,
    }

    impl<'a> Reader<'a> {
        pub(super) fn new(data: &'a [u8]) -> Option<Reader<'a>> {
            let head = STREAMS * SYMS / 2;
            if data.len() < head {
                return None;
            }
            let mut tables = Vec::with_capacity(STREAMS << MAX_BITS);
            for st in 0..STREAMS {
                let mut lens = [0u8; SYMS];
                for (k, b) in data[st * SYMS / 2..(st + 1) * SYMS / 2].iter().enumerate() {
                    lens[2 * k] = b & 15;
                    lens[2 * k + 1] = b >> 4;
                }
                // Over-subscribed lengths are not a code.
                if lens.iter().any(|&l| u32::from(l) > MAX_BITS) {
                    return None;
                }
                let kraft: u64 = lens
                    .iter()
                    .filter(|&&l| l > 0)
                    .map(|&l| 1u64 << (MAX_BITS - u32::from(l)))
                    .sum();
                if kraft > 1 << MAX_BITS {
                    return None;
                }
                let codes = codes(&lens);
                let mut t = vec![(0u8, 0u8); 1 << MAX_BITS];
                for s in 0..SYMS {
                    let l = u32::from(lens[s]);
                    if l == 0 {
                        continue;
                    }
                    let mut k = usize::from(codes[s]);
                    while k < t.len() {
                        t[k] = (s as u8, l as u8);
                        k += 1 << l;
                    }
                }
                tables.extend_from_slice(&t);
            }
            Some(Reader {
                data: &data[head..],
                pos: 0,
                buf: 0,
                bits: 0,
                over: false,
                tables,
            })
        }
    }

    impl Reader<'_> {
        /// At least `MAX_BITS` bits in `buf` (zeros past the end of the data).
        #[inline]
        fn refill(&mut self) {
            if let Some(b) = self.data.get(self.pos..self.pos + 8) {
                // The bytes that fit are counted; those above them are the
                // next ones anyway (the next refill ORs the same bits in).
                let v = u64::from_le_bytes(b.try_into().unwrap_or_default());
                self.buf |= v << self.bits;
                let k = (63 - self.bits) / 8;
                self.pos += k as usize;
                self.bits += k * 8;
                return;
            }
            while self.bits <= 56 {
                let b = match self.data.get(self.pos) {
                    Some(b) => *b,
                    None if self.pos >= self.data.len() + 8 => break,
                    None => 0,
                };
                self.pos += 1;
                self.buf |= u64::from(b) << self.bits;
                self.bits += 8;
            }
        }
    }

    impl Source for Reader<'_> {
        #[inline]
        fn byte(&mut self, stream: usize) -> Option<u8> {
            if self.bits < MAX_BITS {
                self.refill();
            }
            let (sym, len) =
                self.tables[stream << MAX_BITS | (self.buf & ((1 << MAX_BITS) - 1)) as usize];
            if len == 0 || u32::from(len) > self.bits {
                return None;
            }
            self.buf >>= len;
            self.bits -= u32::from(len);
            if self.pos > self.data.len() && (self.pos - self.data.len()) * 8 > self.bits as usize {
                self.over = true;
                return None;
            }
            Some(sym)
        }

        fn finished(&self) -> bool {
            // Every byte was needed: what is left is the last byte's padding.
            !self.over && self.pos >= self.data.len() && {
                let unread_real =
                    (self.bits as usize).saturating_sub((self.pos - self.data.len()) * 8);
                unread_real < 8
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic byte generator (xorshift).
    fn noise(n: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    fn round_trip(dict: &[u8], input: &[u8]) -> usize {
        let c = compress(dict, input, &[]);
        let d = decompress(dict, &c, input.len()).expect("decodes");
        assert_eq!(d, input);
        c.len()
    }

    #[test]
    fn round_trips() {
        round_trip(&[], &[]);
        round_trip(&[], b"a");
        round_trip(&[], b"abcd");
        round_trip(&[], &[7u8; 1000]);
        round_trip(b"xyz", b"xyzxyzxyz");
        let n = noise(10_000, 3);
        assert!(round_trip(&[], &n) <= n.len() + n.len() / 64 + 8);
        // Structured data with small changes, against its old version.
        let mut old = vec![];
        for i in 0..5000u32 {
            old.extend_from_slice(&i.to_le_bytes());
            old.extend_from_slice(b"particle-record-");
        }
        let mut new = old.clone();
        for i in (0..new.len()).step_by(97) {
            new[i] ^= 0x55;
        }
        let alone = round_trip(&[], &new);
        let delta = round_trip(&old, &new);
        assert!(delta < alone, "{delta} vs {alone}");
        // Inserted bytes shift the alignment: the repeat offsets recover.
        let mut shifted = old[..3000].to_vec();
        shifted.extend_from_slice(b"++");
        shifted.extend_from_slice(&old[3000..]);
        assert!(round_trip(&old, &shifted) < 64);
        // Hints find records in an old image whose order changed.
        let recs: Vec<Vec<u8>> = (0..300u64).map(|k| noise(40, k + 1000)).collect();
        let old: Vec<u8> = recs.concat();
        let new: Vec<u8> = (0..300usize)
            .flat_map(|k| {
                let mut r = recs[299 - k].clone();
                r[k % 40] ^= 1;
                r
            })
            .collect();
        let hints: Vec<(u32, u32)> = (0..300u32).map(|k| (k * 40, (299 - k) * 40)).collect();
        let alone = compress(&[], &new, &[]).len();
        let blind = compress(&old, &new, &[]).len();
        let hinted = compress(&old, &new, &hints);
        assert_eq!(decompress(&old, &hinted, new.len()).unwrap(), new);
        assert!(hinted.len() * 3 < alone, "{} vs {alone}", hinted.len());
        assert!(
            hinted.len() <= blind + blind / 8,
            "{} vs {blind}",
            hinted.len()
        );
        // Mixed sizes and overlapping matches.
        for s in 0..20u64 {
            let mut v = noise(300 + s as usize * 37, s);
            let tail = v[10..50].to_vec();
            v.extend_from_slice(&tail);
            v.extend_from_slice(&[9u8; 33]);
            round_trip(&noise(100, s + 99), &v);
            round_trip(&[], &v);
        }
    }

    #[test]
    fn rejects_garbage() {
        let c = compress(&[], b"hello hello hello hello", &[]);
        for cut in 0..c.len() {
            assert!(decompress(&[], &c[..cut], 23).is_none());
        }
        assert!(decompress(&[], &[0, 9, 1], 5).is_none());
        assert!(decompress(&[], &[1, b'a', 3], 10).is_none());
        assert!(decompress(&[], &[2, 0], 0).is_none());
        // A stream with Huffman-coded fields: every cut, and changed bytes, are
        // caught or decode to something else, never panic.
        let mut v = vec![];
        for i in 0..3000u32 {
            v.extend_from_slice(&(i % 300).to_le_bytes()[..2]);
            v.extend_from_slice(b"rec");
        }
        let c = compress(&[], &v, &[]);
        assert_eq!(c[0], MODE_HUFFMAN);
        for cut in 0..c.len() {
            assert!(decompress(&[], &c[..cut], v.len()).is_none());
        }
        let mut longer = c.clone();
        longer.push(0);
        assert!(decompress(&[], &longer, v.len()).is_none());
        for k in (0..c.len()).step_by(7) {
            let mut bad = c.clone();
            bad[k] ^= 0x5a;
            let _ = decompress(&[], &bad, v.len());
        }
    }

    #[test]
    fn finds_moved_records_in_a_large_dictionary() {
        // A dict's entries (hash, key, value) in an old image of 200 kB; in
        // the new one every fifth was deleted and the rest compacted, so they
        // moved. The hints (for the records that stayed in place) say nothing
        // about them: the hash table must still find them.
        let entry = |k: u64| {
            let mut e = vec![];
            put_varint(&mut e, k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20);
            e.push(4);
            put_varint(&mut e, k * 2);
            e.push(6);
            put_varint(&mut e, k * 3 + 7);
            e
        };
        let old: Vec<u8> = (0..16_000u64).flat_map(entry).collect();
        let new: Vec<u8> = (0..16_000u64)
            .filter(|k| k % 5 != 0)
            .flat_map(entry)
            .collect();
        let hints = [(0u32, 0u32)];
        let c = compress(&old, &new, &hints);
        assert_eq!(decompress(&old, &c, new.len()).unwrap(), new);
        assert!(c.len() * 6 < new.len(), "{} of {}", c.len(), new.len());
    }

    #[test]
    fn codes_fields_when_smaller() {
        // Skewed literals and repetitive tokens: the Huffman form is chosen and
        // is smaller than the plain LZ stream.
        let mut old = vec![];
        for i in 0..4000u32 {
            old.extend_from_slice(&(i * 7).to_le_bytes());
            old.extend_from_slice(b"particle-record-");
        }
        let mut new = old.clone();
        for i in (0..new.len()).step_by(20) {
            new[i] = new[i].wrapping_add(3);
        }
        let plain = compress_lz(&old, &new, &[]);
        let c = compress(&old, &new, &[]);
        assert_eq!(c[0], MODE_HUFFMAN);
        assert!(
            c.len() * 5 < plain.len() * 4,
            "{} vs {}",
            c.len(),
            plain.len()
        );
        assert_eq!(decompress(&old, &c, new.len()).unwrap(), new);
        // Tiny inputs stay plain (the code lengths would cost more).
        assert_eq!(compress(&[], b"abc", &[])[0], MODE_PLAIN);
        // One distinct byte per field still codes and decodes.
        let same = vec![42u8; 5000];
        assert_eq!(
            decompress(&[], &compress(&[], &same, &[]), 5000).unwrap(),
            same
        );
    }
}

//! A small LZ77 codec for packed checkpoints (`pack.rs`): greedy matching with
//! one hash table, two repeat offsets, and an optional dictionary (the raw
//! image of an earlier checkpoint, so a checkpoint stores what changed since).
//! No dependency, deterministic output, a few hundred MB/s each way.
//!
//! The stream is a sequence of (literals, match) pairs: `varint(n)` literals
//! follow, then, unless the output is complete, `varint(code)` with
//! `code = (len - MIN_MATCH) << 2 | how`: `how` 0 is a new offset
//! (`varint(offset)` follows), 1 the last offset, 2 the one before it (the two
//! swap). A match may reach back into the dictionary, which conceptually
//! precedes the output.

const MIN_MATCH: usize = 4;
const HASH_BITS: u32 = 16;

#[inline]
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
fn get_varint(data: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *data.get(*pos)?;
        *pos += 1;
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
pub fn compress(dict: &[u8], input: &[u8], hints: &[(u32, u32)]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(dict.len() + input.len());
    buf.extend_from_slice(dict);
    buf.extend_from_slice(input);
    let start = dict.len();
    let end = buf.len();
    let mut table = vec![u32::MAX; 1 << HASH_BITS];
    if end >= MIN_MATCH {
        // The dictionary's positions, later ones winning (with hints, which
        // find most of what is in it, a few of them).
        let step = if hints.is_empty() { 1 } else { 4 };
        let mut i = 0;
        while i + MIN_MATCH <= start {
            table[hash4(&buf, i)] = i as u32;
            i += step;
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

/// Decompress `data` (made by `compress` with the same `dict`) into `len` bytes.
/// None if the data is not such a stream.
pub fn decompress(dict: &[u8], data: &[u8], len: usize) -> Option<Vec<u8>> {
    let start = dict.len();
    let mut out = Vec::with_capacity(start + len);
    out.extend_from_slice(dict);
    let end = start + len;
    let mut pos = 0;
    let mut rep = [start.max(1), start.max(1)];
    loop {
        let n = get_varint(data, &mut pos)? as usize;
        let lits = data.get(pos..pos.checked_add(n)?)?;
        if out.len() + n > end {
            return None;
        }
        out.extend_from_slice(lits);
        pos += n;
        if out.len() == end {
            break;
        }
        let code = get_varint(data, &mut pos)?;
        let m = (code >> 2) as usize + MIN_MATCH;
        let off = match code & 3 {
            0 => {
                let off = get_varint(data, &mut pos)? as usize;
                rep = [off, rep[0]];
                off
            }
            1 => rep[0],
            2 => {
                rep = [rep[1], rep[0]];
                rep[0]
            }
            _ => {
                let d = unzig(get_varint(data, &mut pos)?);
                let off = usize::try_from(rep[0] as i64 + d).ok()?;
                rep = [off, rep[0]];
                off
            }
        };
        let at = out.len();
        if off == 0 || off > at || at + m > end {
            return None;
        }
        let from = at - off;
        if off >= m {
            out.extend_from_within(from..from + m);
        } else {
            for k in 0..m {
                let b = out[from + k];
                out.push(b);
            }
        }
    }
    if pos != data.len() {
        return None;
    }
    out.drain(..start);
    Some(out)
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
    }
}

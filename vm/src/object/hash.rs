//! CPython's hash functions under PYTHONHASHSEED=0, so hashes and set iteration order
//! match `PYTHONHASHSEED=0 python3`.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// 2**61 - 1, the modulus of numeric hashes.
pub const MODULUS: u64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314159;
const BITS: u32 = 61;

#[inline]
fn rotl(x: u64, b: u32) -> u64 {
    x.rotate_left(b)
}

/// SipHash-1-3 with CPython's final mixing, key (0, 0).
pub fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut b: u64 = (data.len() as u64) << 56;
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! half_round {
        ($a:ident, $b:ident, $c:ident, $d:ident, $s:expr, $t:expr) => {
            $a = $a.wrapping_add($b);
            $c = $c.wrapping_add($d);
            $b = rotl($b, $s) ^ $a;
            $d = rotl($d, $t) ^ $c;
            $a = rotl($a, 32);
        };
    }
    macro_rules! round {
        () => {
            half_round!(v0, v1, v2, v3, 13, 16);
            half_round!(v2, v1, v0, v3, 17, 21);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mi = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        v3 ^= mi;
        round!();
        v0 ^= mi;
    }
    let mut t = [0u8; 8];
    let rest = chunks.remainder();
    t[..rest.len()].copy_from_slice(rest);
    b |= u64::from_le_bytes(t);
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    (v0 ^ v1) ^ (v2 ^ v3)
}

fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of raw bytes (bytes objects, and strings via their internal encoding).
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix(siphash13(data) as i64)
}

/// Hash of a str: SipHash over CPython's internal representation (latin-1, UCS-2 or
/// UCS-4, little endian, chosen by the widest character).
// Out of line: strs keep their hash, so this is the cold path of `PyStr::hash`.
#[inline(never)]
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    // ASCII text is its own latin-1 representation: hashed in place (most keys).
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let bytes: Vec<u8> = if max < 0x100 {
        s.chars().map(|c| c as u32 as u8).collect()
    } else if max < 0x10000 {
        s.chars()
            .flat_map(|c| (c as u32 as u16).to_le_bytes())
            .collect()
    } else {
        s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
    };
    hash_bytes(&bytes)
}

#[inline]
pub fn hash_int(i: i64) -> i64 {
    // An int smaller than the modulus (nearly all) is its own hash: no 128-bit
    // division.
    if i > -(MODULUS as i64) && i < MODULUS as i64 {
        return fix(i);
    }
    hash_int_wide(i)
}

fn hash_int_wide(i: i64) -> i64 {
    let m = MODULUS as i128;
    let v = i as i128;
    let r = if v < 0 { -((-v) % m) } else { v % m };
    fix(r as i64)
}

pub fn hash_bigint(i: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let (sign, mag) = (i.sign(), i.magnitude());
    let r = (BigInt::from(mag.clone()) % m).to_i64().expect("fits");
    let r = if sign == Sign::Minus { -r } else { r };
    fix(r)
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// Hash of a float; integral floats hash like the equal int. NaN hashes to 0 here
/// (CPython uses the object's address, which would not be deterministic).
pub fn hash_float(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let x = (x as i64).wrapping_mul(sign);
    fix(x)
}

/// Combine item hashes as CPython's tuple hash (xxHash-based).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// Hash of a complex number, as CPython.
pub fn hash_complex(re: f64, im: f64) -> i64 {
    let hr = hash_float(re) as u64;
    let hi = hash_float(im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    fix(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn known_hashes() {
        // Values from PYTHONHASHSEED=0 python3.
        assert_eq!(hash_int(-1), -2);
        // Either side of the modulus (the small-int shortcut's edges).
        let m = MODULUS as i64;
        for (v, h) in [
            (m, 0),
            (m - 1, m - 1),
            (m + 1, 1),
            (-m, 0),
            (-m + 1, -m + 1),
            (-m - 1, -2),
            (1 << 62, 2),
            (i64::MIN, -4),
            (i64::MAX, 3),
        ] {
            assert_eq!(hash_int(v), h, "hash({v})");
        }
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_tuple([].into_iter()), 5740354900026072187);
    }
}

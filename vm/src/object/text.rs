//! `Text`, the characters of a str object: up to `INLINE_MAX` bytes are kept in the
//! 16 bytes themselves, longer texts in a shared `Rc<str>`. Most strs a program
//! makes are short (words, keys, digits): inline, such a str is its 56-byte heap
//! slot only, where the `Rc` allocation (its two counts and the text, rounded up to
//! the allocator's size class) added 24 to 48 bytes and a pointer to follow.

use std::mem::ManuallyDrop;
use std::rc::Rc;

/// The longest text kept inline (the 16th byte is the tag).
pub const INLINE_MAX: usize = 15;

/// A shared text (`Rc<str>`) taken apart. The byte at offset 15 is always even: on
/// a little-endian machine it is the top byte of the length (a length is below
/// 2^56), on a big-endian one the low byte of the pointer (an `Rc` allocation is
/// 8-byte aligned and its text starts 16 bytes in).
#[cfg(target_endian = "little")]
#[derive(Clone, Copy)]
#[repr(C)]
struct Shared {
    ptr: *const u8,
    len: usize,
}
#[cfg(target_endian = "big")]
#[derive(Clone, Copy)]
#[repr(C)]
struct Shared {
    len: usize,
    ptr: *const u8,
}

/// A text kept inline: `tag` is `1 | len << 1` (odd, unlike `Shared`'s byte 15).
#[derive(Clone, Copy)]
#[repr(C)]
struct Inline {
    bytes: [u8; INLINE_MAX],
    tag: u8,
}

#[repr(C)]
union Repr {
    shared: Shared,
    inline: Inline,
}

/// The text of a str: cheap to clone (an inline copy or a count increment), so
/// methods can hold it while they allocate their results.
pub struct Text(Repr);

impl Text {
    /// The text, inline when it fits.
    pub fn new(s: &str) -> Text {
        if s.len() <= INLINE_MAX {
            let mut bytes = [0u8; INLINE_MAX];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Text::inline(bytes, s.len())
        } else {
            Text::from_rc(Rc::from(s))
        }
    }

    fn inline(bytes: [u8; INLINE_MAX], len: usize) -> Text {
        Text(Repr {
            inline: Inline {
                bytes,
                tag: 1 | (len as u8) << 1,
            },
        })
    }

    /// A long text as given; a short one is copied inline (the `Rc` is dropped).
    pub fn from_rc(rc: Rc<str>) -> Text {
        if rc.len() <= INLINE_MAX {
            return Text::new(&rc);
        }
        assert!(rc.len() < 1 << 56, "revpy internal error: text too long");
        let len = rc.len();
        let ptr = Rc::into_raw(rc) as *const u8;
        Text(Repr {
            shared: Shared { ptr, len },
        })
    }

    #[inline(always)]
    fn is_inline(&self) -> bool {
        // SAFETY: both variants have a byte at offset 15 (see `Shared`).
        unsafe { self.0.inline.tag & 1 != 0 }
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        // SAFETY: an inline text holds `tag >> 1` bytes of UTF-8; a shared one is the
        // pointer and length of a live `Rc<str>` that this `Text` owns a count of.
        unsafe {
            if self.is_inline() {
                let i = &self.0.inline;
                std::str::from_utf8_unchecked(i.bytes.get_unchecked(..(i.tag >> 1) as usize))
            } else {
                let s = self.0.shared;
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(s.ptr, s.len))
            }
        }
    }

    /// The shared text, if not inline (does not count as a new reference).
    fn rc(&self) -> Option<ManuallyDrop<Rc<str>>> {
        if self.is_inline() {
            return None;
        }
        // SAFETY: not inline, so `shared` came from `Rc::into_raw` (`from_rc`); the
        // `ManuallyDrop` keeps the count this `Text` owns from being released.
        let s = unsafe { self.0.shared };
        let raw = std::ptr::slice_from_raw_parts(s.ptr, s.len) as *const str;
        Some(ManuallyDrop::new(unsafe { Rc::from_raw(raw) }))
    }

    /// The text as an `Rc<str>`: shared when it is, a new copy when inline.
    pub fn to_rc(&self) -> Rc<str> {
        match self.rc() {
            Some(rc) => Rc::clone(&rc),
            None => Rc::from(self.as_str()),
        }
    }

    /// Whether both are the same shared text (a quick equality test).
    pub fn ptr_eq(&self, other: &Text) -> bool {
        match (self.rc(), other.rc()) {
            (Some(a), Some(b)) => Rc::ptr_eq(&a, &b),
            _ => false,
        }
    }

    /// How many strs share this text (1 when inline).
    pub fn share_count(&self) -> usize {
        self.rc().map_or(1, |r| Rc::strong_count(&r))
    }

    /// `src` with its ASCII letters upper- or lower-cased, copied once into its
    /// final place (a `String` first would be copied again into the `Rc`).
    pub fn ascii_case(src: &str, upper: bool) -> Text {
        let map = |b: &mut [u8]| {
            if upper {
                b.make_ascii_uppercase()
            } else {
                b.make_ascii_lowercase()
            }
        };
        if src.len() <= INLINE_MAX {
            let mut bytes = [0u8; INLINE_MAX];
            bytes[..src.len()].copy_from_slice(src.as_bytes());
            map(&mut bytes[..src.len()]);
            return Text::inline(bytes, src.len());
        }
        let mut rc: Rc<str> = Rc::from(src);
        let t = Rc::get_mut(&mut rc).expect("a new Rc is not shared");
        // SAFETY: ASCII case mapping keeps UTF-8 valid (it changes ASCII bytes only).
        map(unsafe { t.as_bytes_mut() });
        Text::from_rc(rc)
    }

    /// `a` followed by `b`, written once in its final place: through a `String`,
    /// `Rc<str>::from` copies the text once more, and for megabyte texts (`s1 + s2`)
    /// the two copies at once were the peak of the program's memory.
    pub fn concat(a: &str, b: &str) -> Text {
        Text::build(a.len() + b.len(), |w| {
            w.push(a);
            w.push(b);
        })
    }

    /// A text of `total` bytes written by `fill` (whole strs, `TextWriter::push`)
    /// in its final place: inline, or a new shared allocation.
    pub fn build(total: usize, fill: impl FnOnce(&mut TextWriter)) -> Text {
        if total <= INLINE_MAX {
            let mut bytes = [0u8; INLINE_MAX];
            let mut w = TextWriter {
                buf: &mut bytes[..total],
                pos: 0,
            };
            fill(&mut w);
            assert_eq!(w.pos, total, "revpy internal error: text size");
            return Text::inline(bytes, total);
        }
        // SAFETY: zeroed bytes are initialized `u8`s.
        let mut buf: Rc<[u8]> = unsafe { Rc::new_zeroed_slice(total).assume_init() };
        let mut w = TextWriter {
            buf: Rc::get_mut(&mut buf).expect("a new Rc is not shared"),
            pos: 0,
        };
        fill(&mut w);
        assert_eq!(w.pos, total, "revpy internal error: text size");
        // SAFETY: the bytes are whole UTF-8 texts one after the other (`push`), so
        // UTF-8; `str` and `[u8]` have the same layout.
        Text::from_rc(unsafe { Rc::from_raw(Rc::into_raw(buf) as *const str) })
    }
}

/// Writes a new text's bytes (`Text::build`): whole strs only, so it stays UTF-8.
pub struct TextWriter<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl TextWriter<'_> {
    #[inline]
    pub fn push(&mut self, s: &str) {
        self.buf[self.pos..self.pos + s.len()].copy_from_slice(s.as_bytes());
        self.pos += s.len();
    }
}

impl Drop for Text {
    fn drop(&mut self) {
        if let Some(rc) = self.rc() {
            drop(ManuallyDrop::into_inner(rc));
        }
    }
}

impl Clone for Text {
    fn clone(&self) -> Text {
        match self.rc() {
            // A new count for the clone; `rc` itself stays this text's.
            Some(rc) => {
                std::mem::forget(Rc::clone(&rc));
                Text(Repr {
                    // SAFETY: not inline (`rc` is `Some`).
                    shared: unsafe { self.0.shared },
                })
            }
            // SAFETY: inline: plain bytes.
            None => Text(Repr {
                inline: unsafe { self.0.inline },
            }),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for Text {}
impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}
impl From<String> for Text {
    fn from(s: String) -> Text {
        if s.len() <= INLINE_MAX {
            Text::new(&s)
        } else {
            Text::from_rc(Rc::from(s))
        }
    }
}
impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::new(s)
    }
}
impl From<Rc<str>> for Text {
    fn from(s: Rc<str>) -> Text {
        Text::from_rc(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_shared() {
        assert_eq!(std::mem::size_of::<Text>(), 16);
        for s in [
            "",
            "a",
            "fifteen bytes!!",
            "sixteen bytes!!!",
            "é",
            "x".repeat(100).as_str(),
        ] {
            let t = Text::new(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(t.is_inline(), s.len() <= INLINE_MAX);
            let c = t.clone();
            assert_eq!(c.as_str(), s);
            assert_eq!(t.share_count(), if t.is_inline() { 1 } else { 2 });
            drop(c);
            assert_eq!(t.share_count(), 1);
            assert_eq!(Text::concat(s, "yz").as_str(), format!("{s}yz"));
            assert_eq!(Text::ascii_case(s, true).as_str(), s.to_ascii_uppercase());
        }
        let j = Text::build(19, |w| {
            ["ab", "", "cdéfg", "hijklmnopqr"]
                .iter()
                .for_each(|p| w.push(p))
        });
        assert_eq!(j.as_str(), "abcdéfghijklmnopqr");
        let long = Text::new(&"y".repeat(40));
        assert!(long.ptr_eq(&long.clone()));
        assert!(!Text::new("ab").ptr_eq(&Text::new("ab")));
    }
}

# unicodedata: every function, the four normalization forms on tricky input, errors,
# ucd_3_2_0, and a cross-check over code points spread across the whole range (printed
# as digests so the expected output stays small).
import unicodedata as U


def show(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(f.__name__, "->", type(e).__name__, e)
    else:
        print(f.__name__, ascii(args), "->", ascii(r))


print(U.unidata_version, U.ucd_3_2_0.unidata_version, type(U.ucd_3_2_0).__name__)

# Properties.
for c in "A", "a", "1", " ", "\u00e9", "\u0301", "\u05d0", "\u0661", "\u4e00", "\uac00", "(", "\u2028", "\U0001F600", "\U000E0001", "\uffff", "\x00":
    print(ascii(c), U.category(c), ascii(U.bidirectional(c)), U.combining(c),
          U.east_asian_width(c), U.mirrored(c), ascii(U.decomposition(c)))

# Numbers, with and without default.
for c in "7", "\u0663", "\u00b2", "\u00bd", "\u2155", "\u2160", "\u4e07", "\U00012432", "x", "\u216c":
    print(ascii(c), U.decimal(c, None), U.digit(c, None), U.numeric(c, None))
show(U.decimal, "x")
show(U.digit, "x")
show(U.numeric, "x")
show(U.decimal, "x", "dflt")
show(U.numeric, "\u00bd", "dflt")

# Names and lookups (aliases, named sequences, algorithmic names, case).
for c in "A", " ", "\u00e9", "\uac00", "\ud7a3", "\u4e00", "\U0002a6df", "\uf900", "\U00018b00", "\U0001b170", "\U0001F600", "\x00", "\x80", "\U00017000", "\ue000":
    print(ascii(c), U.name(c, None))
show(U.name, "\x00")
show(U.name, "\x00", 42)
for n in ("BULLET", "bullet", "Latin Small Letter E With Acute", "LATIN CAPITAL LETTER GHA",
          "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "KEYCAP DIGIT ONE", "HANGUL SYLLABLE GAG",
          "HANGUL SYLLABLE PWILH", "hangul syllable ga", "CJK UNIFIED IDEOGRAPH-4E00",
          "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-0041",
          "cjk compatibility ideograph-f900", "KHITAN SMALL SCRIPT CHARACTER-18B00",
          "NUSHU CHARACTER-1B170", "LINE FEED", "LF", "BYTE ORDER MARK", "NULL", "XYZ", "",
          "BULLET ", " BULLET", "BULLET\x00", "x" * 256, "x" * 257, b"GREEK SMALL LETTER ALPHA"):
    show(U.lookup, n)
show(U.lookup, bytearray(b"BULLET"))
show(U.lookup, 5)

# Normalization.
samples = [
    "caf\u00e9", "cafe\u0301", "\ufb01", "\u2460", "\u212b", "\u00c5", "A\u030a",
    "\u1e9b\u0323", "\u0071\u0307\u0323", "q\u0323\u0307", "a\u0301\u0316", "a\u0316\u0301",
    "\uac00", "\uac01", "\u1100\u1161", "\u1100\u1161\u11a8", "\u1100\u1161\u11a7",
    "\u3131\u314f", "\ud7a3", "\u0958", "\u0344", "\u0308\u0301", "\u0f73", "\u1e0a\u0323",
    "\u2126", "\u00bd", "\u3000", "\ufe37", "\u1d2c", "\U0001d400", "\u01c4", "\u0b47\u0b3e",
    "x\u0300\u0300\u0315\u0301", "\u0041\u0301\u0302\u0303\u0327", "\u00e5\u0301",
    "e\u0304\u0301", "ABC", "\U0002f868", "\uf951",
]
for s in samples:
    print(ascii(s), [ascii(U.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [U.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])
print("slug:", "".join(c for c in U.normalize("NFKD", "Cr\u00e8me Br\u00fbl\u00e9e \ufb01n\u2460")
                       if not U.combining(c)).encode("ascii", "ignore"))
show(U.normalize, "NFX", "abc")
show(U.normalize, "nfc", "abc")
show(U.normalize, "NFX", "")
show(U.normalize, 1, "abc")
show(U.normalize, "NFC", 1)
show(U.normalize, "NFC", b"abc")
show(U.is_normalized, "NFX", "abc")
show(U.is_normalized, "NFX", "")
show(U.is_normalized, "NFC", None)


class S(str):
    pass


print(type(U.normalize("NFC", S("abc"))).__name__, U.category(S("x")))

# Argument errors.
for f in (U.category, U.bidirectional, U.combining, U.east_asian_width, U.mirrored, U.decomposition):
    show(f, "ab")
    show(f, "")
    show(f, 65)
for f in (U.name, U.decimal, U.digit, U.numeric):
    show(f, "ab")
    show(f, 3.5, None)
show(U.category)
show(U.name)
show(U.name, "a", "b", "c")
show(U.normalize, "NFC")
try:
    U.name(chr=" ")
except TypeError as e:
    print("TypeError", e)
try:
    U.UCD()
except TypeError as e:
    print("TypeError", e)

# ucd_3_2_0 (stringprep and the idna codec use it).
O = U.ucd_3_2_0
for c in "\U0001F600", "\u9fa5", "\u9fff", "\u0221", "\u20ac", "\u00e9", "\u0370", "\u1e9e", "\u2f868"[:1]:
    print(ascii(c), O.category(c), ascii(O.bidirectional(c)), O.combining(c), O.mirrored(c),
          O.east_asian_width(c), ascii(O.decomposition(c)), O.name(c, None), O.numeric(c, None))
show(O.lookup, "LATIN CAPITAL LETTER GHA")
show(O.lookup, "KEYCAP DIGIT ONE")
show(O.lookup, "GRINNING FACE")
show(O.lookup, "BULLET")
show(O.lookup, "CJK UNIFIED IDEOGRAPH-9FFF")
show(O.name, "\U0001F600")
for s in "\uf951", "\U0002f868", "\U0002f874", "\u1e9e\u0301", "\U0001F600\u0301", "\ufb01":
    print(ascii(s), [ascii(O.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")])

# Codecs: \N{...} in literals and unicode_escape, the namereplace handler.
print(ascii("\N{BULLET}\N{latin small letter e with acute}\N{LATIN CAPITAL LETTER GHA}"))
print(ascii(b"a\\N{BULLET}b\\N{HANGUL SYLLABLE GA}".decode("unicode_escape")))
show(bytes.decode, b"\\N{hangul syllable ga}", "unicode_escape")
for bad in (b"\\N{NO SUCH NAME}x", b"\\N{}", b"\\Nx", b"\\N", b"\\N{BULLET"):
    try:
        bad.decode("unicode_escape")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
    print(ascii(bad.decode("unicode_escape", "replace")))
print("\u00e9\u2022\uac00\U0001F600\U000E0080\x7f".encode("ascii", "namereplace"))
print("\u00e9\u2022\u20ac".encode("latin-1", "namereplace"))

# Cross-check: code points spread over the whole range, all properties, names and
# normalizations, folded into digests.


def digest(acc, s):
    for ch in s:
        acc = (acc * 1000003 + ord(ch)) & 0xFFFFFFFFFFFF
    return acc


forms = ("NFC", "NFD", "NFKC", "NFKD")
for db in (U, O):
    props = names = norms = 0
    count = 0
    for cp in list(range(0, 0x110000, 97)) + list(range(0xa0, 0x2000)) + list(range(0xac00, 0xac40)):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        count += 1
        props = digest(props, "|".join([
            db.category(c), db.bidirectional(c), str(db.combining(c)), db.east_asian_width(c),
            str(db.mirrored(c)), db.decomposition(c), str(db.decimal(c, -1)),
            str(db.digit(c, -1)), repr(db.numeric(c, -1))]))
        n = db.name(c, None)
        names = digest(names, str(n))
        if n is not None:
            names = digest(names, str(db.lookup(n) == c))
        for f in forms:
            norms = digest(norms, db.normalize(f, c + "\u0323\u0301" + c))
    print(db.unidata_version, count, props, names, norms)

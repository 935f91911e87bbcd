# Text codecs: encode/decode across utf-8/16/32, latin-1, cp1252 and the escape
# codecs, each error handler, and UnicodeError's fields and messages.
import codecs

samples = [
    (b"a\x00b", "utf-16"), (b"\xff\xfea\x00\x00\xd8", "utf-16"),
    (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xdca\x00", "utf-16"),
    (b"\xfe\xff\x00a\xd8\x00\x00a", "utf-16"), (b"\xfe\xff\x00h\x00i", "utf-16"),
    (b"a\x00\x00\x00b", "utf-32"), (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff\x00\x00\x00h", "utf-32"),
    (b"\x81\x80\x93x\x94", "cp1252"), (b"\xa4\xbd", "iso8859-15"),
    (b"\\x4", "unicode_escape"), (b"ab\\", "unicode_escape"),
    (b"\\u12", "unicode_escape"), (b"\\U00110000", "unicode_escape"),
    (b"\\u12", "raw_unicode_escape"), (b"\\101\\x41\\n\\\n\\t\\u00e9\\U0001F600", "unicode_escape"),
    (b"\\\\u00e9 \\u00e9 \\x41", "raw_unicode_escape"),
    (b"\xe2\x82", "utf-8"), (b"ab\xffcd\xe2\x82\xacx\xed\xa0\x80", "utf-8"),
    (b"\xef\xbb\xbfhi", "utf-8-sig"), (b"hi", "utf-8-sig"), (b"\xe9t\xe9\x80", "ascii"),
    (b"\xe9t\xe9", "latin-1"),
]
for b, enc in samples:
    for h in ("strict", "replace", "ignore", "backslashreplace"):
        try:
            print(enc, h, repr(b.decode(enc, h)))
        except UnicodeDecodeError as e:
            print(enc, h, "UnicodeDecodeError:", e)
            print("   ", e.encoding, e.object, e.start, e.end, e.reason)

texts = [("aĀĀb€", "cp1252"), ("a€Ÿ", "iso8859-15"), ("é\n\\x\U0001f600\x7f\t'\"", "unicode_escape"),
         ("é\n\\x\U0001f600ĀZ", "raw_unicode_escape"), ("hi😀", "utf-16"), ("hi", "utf-32"),
         ("hi😀", "utf-16-be"), ("hi", "utf-32-be"), ("hi", "utf-8-sig"), ("naïve ĀB", "ascii"),
         ("naïve ĀB", "latin-1")]
for s, enc in texts:
    for h in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(enc, h, s.encode(enc, h))
        except UnicodeEncodeError as e:
            print(enc, h, "UnicodeEncodeError:", e)
            print("   ", e.encoding, repr(e.object), e.start, e.end, e.reason)

# Round trips.
for enc in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "unicode_escape", "raw_unicode_escape"):
    s = "Grüße, 世界 😀 \\ \n"
    assert s.encode(enc).decode(enc) == s, enc
print("round trips ok")

# Names and aliases.
for n in ["UTF8", "utf_8", "U8", "latin_1", "Latin-1", "l1", "ISO-8859-1", "utf-16", "U16",
          "utf_32_be", "cp1252", "windows-1252", "unicode-escape", "ascii", "646", "US-ASCII",
          "utf-8-sig", "iso-8859-15", "mbcs", "hex", "rot13", "base64"]:
    try:
        print(n, codecs.lookup(n).name)
    except LookupError as e:
        print(n, "LookupError:", e)

# Errors for bad names and handlers.
for call in (lambda: "x".encode("nope"), lambda: b"x".decode("nope"), lambda: "x".encode("hex"),
             lambda: b"x".decode("rot13"), lambda: "é".encode("ascii", "bogus"),
             lambda: "e".encode("ascii", "bogus"), lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"),
             lambda: str(b"\xff", "utf-8"), lambda: str(b"\xff", "utf-8", "replace")):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

# UnicodeError constructed by hand.
e = UnicodeDecodeError("utf-8", b"abc", 1, 2, "bad")
print(e, e.args, e.start)
e = UnicodeEncodeError("ascii", "a\u20acb", 1, 2, "nope")
print(e, e.end)
print(UnicodeEncodeError("ascii", "abc", 0, 3, "r"))
for args in [("x",), ("utf-8", "str", 0, 1, "r"), (1, b"x", 0, 1, "r")]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as e:
        print("TypeError:", e)

# The codecs module: encode/decode by name, transforms, incremental decoders,
# iterencode/iterdecode, BOM constants and lookup().
import codecs

print(codecs.encode("hé", "utf-8"), codecs.decode(b"h\xc3\xa9"), codecs.decode(b"h\xe9", "latin-1"))
print(codecs.encode(b"hi", "hex"), codecs.decode(b"6869", "hex"), codecs.encode(b"hi", "base64"))
print(codecs.encode("Hello", "rot13"), codecs.decode("Uryyb", "rot_13"))
print(codecs.decode(b"\\u00e9\\n", "unicode_escape"), codecs.encode("é\n", "unicode_escape"))
print(codecs.decode(codecs.encode(b"abc" * 5, "zlib"), "zlib"))
for call in (lambda: codecs.encode(b"x", "utf-8"), lambda: codecs.decode("x", "utf-8"),
             lambda: codecs.lookup("nope"), lambda: codecs.decode(b"\xff", "utf-8")):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"\xe2\x82")), repr(d.decode(b"\xac!")), repr(d.decode(b"", True)))
d = codecs.getincrementaldecoder("utf-16")()
print(repr(d.decode(b"\xff\xfeh")), repr(d.decode(b"\x00i\x00")))
e = codecs.getincrementalencoder("utf-16")()
print(e.encode("a"), e.encode("b"))
print(list(codecs.iterdecode([b"\xc3", b"\xa9t\xc3", b"\xa9"], "utf-8")))
print(list(codecs.iterencode(["a", "b"], "utf-8-sig")))
print(codecs.utf_8_decode(b"ab\xe2", "strict", False), codecs.utf_8_encode("é"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16)
info = codecs.lookup("UTF8")
print(info.name, info.encode("x"), info.decode(b"x"), isinstance(info, tuple), len(info))
print(codecs.lookup_error("strict").__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)

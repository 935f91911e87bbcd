# Bytes literals and their repr.
b = b"hello"
print(b, repr(b), len(b), b[0], b[-1], b[1:3])
print(b'\x00\x01\x7f\x80\xff')
print(b"tab\tnl\nret\r", b'quote\'', b"dq\"", b"back\\")
print(rb"raw\n", br"\x00")
print(b"a" b"b" b"c")
print(list(b"ABC"), bytes([72, 105]), bytes(3))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
print(b"x" == b"x", b"a" < b"b", b"abc" < b"abd", b"" < b"a")
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex())
print(repr(b"'"), repr(b'"'), repr(b"'\""))
print(type(b).__name__, type(b[0]).__name__)
for x in b"hi!":
    print(x, end=" ")
print()
print(bytearray(b"abc"), bytearray(), bytearray(2))

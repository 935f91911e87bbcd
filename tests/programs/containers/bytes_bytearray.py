# bytes and bytearray: indexing, slicing, methods, mutation, decode, hex.
b = b"Hello, World"
print(b[0], b[-1], b[:5], b[::-1], b[7:], len(b), type(b[0]).__name__, type(b[:1]).__name__)
print(b.upper(), b.lower(), b.split(b", "), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"), b.startswith(b"He"))
print(b.strip(b"Hd"), b" x ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]), b.index(b"W"), b.endswith(b"ld"))
print(b.decode(), b.hex(), b"\x00\xff".hex(), bytes.fromhex("48656c6c6f"), b.isalpha(), b"123".isdigit())
print(bytes(range(65, 70)), bytes([0, 255]), bytes("é", "utf-8"), bytes(2), b"ab" * 2, b"a" + b"b")
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
ba += b"!"
print(ba, len(ba), ba[1], ba[-1:], bytes(ba))
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.pop(), ba)
ba.insert(0, 33)
ba.reverse()
print(ba, ba.decode(), ba.find(b"Z"), b"Z" in ba, 90 in ba)
ba.remove(ord("Z"))
print(ba, ba.upper(), ba.hex())
try:
    ba.append(300)
except ValueError as e:
    print("ValueError:", e)
ba2 = bytearray(3)
ba2[1] = 7
print(ba2, list(ba2), bytearray([1, 2]) == b"\x01\x02", bytearray(b"x") + b"y")
print(b"abc" < b"abd", b"a" == bytearray(b"a"), hash(b"abc") == hash(b"abc"), list(b"hi"))
print(b"%d-%s" % (5, b"x"), b"key=val".partition(b"="), b"a b  c".split(), b"AbC".swapcase())
print(bytes(b"copy"), bytearray(b"copy"))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(3, "little"), (255).to_bytes(1, "big"))

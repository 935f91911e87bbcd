data = bytearray(b"hello world")
m = memoryview(data)
print(len(m), m[0], m[-1], m.nbytes, m.format, m.itemsize, m.readonly, m.ndim, m.shape, m.strides)
print(m[0:5].tobytes(), bytes(m[6:]), m[::2].tolist(), m[::-1].tobytes(), m[1:8:3].tobytes())
m[0] = ord("H")
m[6:11] = b"WORLD"
print(data, m.obj is data)
sub = m[6:]
sub[0] = ord("w")
print(data, sub.tobytes(), sub.nbytes)
data[1] = ord("E")
print(m.tobytes(), m.tolist()[:3], m.hex())
print(m == data, m == b"HEllo world", m[:5] == b"HEllo", m != b"x", memoryview(b"ab") == memoryview(b"ab"))
ro = memoryview(b"abc")
print(ro.readonly, ro[1], hash(ro) == hash(b"abc"), list(ro), b"".join([ro, b"!"]))
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    m[100]
except IndexError as e:
    print("IndexError:", e)
try:
    m[0:2] = b"xyz"
except ValueError as e:
    print("ValueError:", e)
try:
    m[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    memoryview("text")
except TypeError as e:
    print("TypeError:", e)
try:
    hash(m)
except ValueError as e:
    print("ValueError:", e)
c = m.cast("c")
print(c[0], c.format, c.itemsize, len(c))
sb = memoryview(bytes([255, 1, 128])).cast("b")
print(sb.tolist(), sb.format)
w = memoryview(bytes([1, 0, 2, 0, 255, 255])).cast("H")
print(w.tolist(), len(w), w.itemsize, w.nbytes)
print(memoryview(b"\x01\x00\x00\x00\xff\xff\xff\xff").cast("i").tolist())
try:
    memoryview(b"abc").cast("H")
except TypeError as e:
    print("TypeError:", e)
with memoryview(bytearray(b"xyz")) as v:
    print(v[1])
try:
    len(v)
except ValueError as e:
    print("ValueError:", e)
v2 = memoryview(b"q")
v2.release()
v2.release()
print(bytearray(memoryview(b"abc")), bytes(memoryview(bytearray(b"de"))))
import array
a = array.array("i", [1, 2, 3])
am = memoryview(a)
print(am.format, am.itemsize, am.tolist(), len(am), am.nbytes)
print(memoryview(b"abcdef")[1:5][1:3].tobytes())
print(type(m).__name__, isinstance(m, memoryview))

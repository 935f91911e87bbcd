# bytearray's mutating methods, item and slice assignment, in-place operators.

ba = bytearray(b"hello")
print(ba, len(ba))

ba.append(33)
ba.extend(b" world")
ba.extend([32, 97, 98])
ba.extend(bytearray(b"!"))
ba.extend(x for x in range(48, 51))
print(ba)

ba.insert(0, 62)
ba.insert(-1, 60)
ba.insert(100, 46)
ba.insert(-100, 35)
print(ba)

print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("o"))
print(ba)
ba.reverse()
print(ba)

c = ba.copy()
c[0] = 88
print(ba[0] != c[0], type(c).__name__)
c.clear()
print(c, len(c))

# item and slice assignment
b = bytearray(range(10))
b[0] = 255
b[-1] = 128
print(list(b))
b[2:5] = b"\x01\x01"
print(list(b))
b[1:1] = [7, 7, 7]
print(list(b))
b[::2] = bytes(len(b[::2]))
print(list(b))
b[:] = b"reset"
print(b)
b[len(b):] = b"!!"
print(b)
b[1:3] = bytearray(b"")
print(b)
b[::-1] = b"abcde"
print(b)

# deletion
b = bytearray(b"0123456789")
del b[0]
del b[-1]
print(b)
del b[::2]
print(b)
del b[1:3]
print(b)
del b[:]
print(b)

# in-place operators keep identity
b = bytearray(b"ab")
alias = b
b += b"cd"
b *= 2
print(b, alias is b, alias)
b += bytearray(b"!")
print(alias)
m = bytearray(b"xy") * 3
print(m, 2 * bytearray(b"z"), bytearray(b"q") * 0)

# comparisons and membership
print(bytearray(b"abc") == b"abc", bytearray(b"abc") < b"abd", b"abc" >= bytearray(b"abc"))
print(bytearray(b"b") > bytearray(b"abc"), bytearray() == bytearray(), b"" < bytearray(b"\x00"))
print(98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"), bytearray(b"ca") in b"abc")

# constructors
print(bytearray(), bytearray(3), bytearray([1, 2, 3]), bytearray("hé", "utf-8"), bytearray(b"x"))
print(bytearray(range(65, 70)), bytearray(iter([104, 105])))

# errors
tests = [
    lambda: bytearray(b"a").append(256),
    lambda: bytearray(b"a").append(-1),
    lambda: bytearray(b"a").insert(0, 300),
    lambda: bytearray(b"a").remove(5),
    lambda: bytearray().pop(),
    lambda: bytearray(b"a").pop(5),
    lambda: bytearray().extend(5),
    lambda: bytearray().extend(["a"]),
    lambda: bytearray().extend([1000]),
    lambda: bytearray(-1),
    lambda: hash(bytearray(b"x")),
    lambda: bytearray(b"ab").__setitem__(0, 256),
    lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"xyz"),
    lambda: bytearray(b"abc").__setitem__(5, 1),
    lambda: bytearray(b"abc") + "s",
    lambda: b"abc"[0].__setitem__,
]
for t in tests:
    try:
        print("ok", t())
    except Exception as e:
        print(type(e).__name__ + ":", e)

# a small buffer workload
buf = bytearray()
for i in range(20):
    buf += bytes([i * 13 % 256])
    if len(buf) > 8:
        del buf[:3]
print(buf.hex(), sum(buf), buf.count(0), max(buf), bytes(buf))
words = bytearray(b"the cat sat on the mat")
while b"the" in words:
    i = words.find(b"the")
    words[i:i + 3] = b"a"
print(words, words.title(), words.split(b" "))

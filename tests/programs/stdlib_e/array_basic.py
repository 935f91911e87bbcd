# array: typecodes, item checks and their errors, sequence operations, slicing,
# bytes conversions (native sizes, little-endian), unicode arrays, comparisons.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A)
for c in array.typecodes:
    a = A(c) if c != "u" else A(c, "xy")
    print(c, a.itemsize, a.typecode, repr(a))
for c in "bBhHiIlL":
    for v in (300, -300, 70000, -70000, 2**33, -2**33, 10**30, -10**30):
        try:
            A(c, [v])
        except OverflowError as e:
            print(c, v, "OverflowError:", e)
for c in "qQ":
    for v in (2**64, -1, -2**64):
        try:
            A(c, [v])
        except OverflowError as e:
            print(c, v, "OverflowError:", e)
for c in "bBhHiIlLqQfdu":
    for v in ("x", 1.5, None):
        try:
            A(c, [v])
        except TypeError as e:
            print(c, repr(v), "TypeError:", e)
for bad in ("z", "bb", 3):
    try:
        A(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    A("i", "abc")
except TypeError as e:
    print("TypeError:", e)

a = A("i", [1, 2, 3])
print(a, len(a), a[0], a[-1], a[1:], a[::-1], a[::2], 2 in a, 9 in a, a.index(2), a.count(3))
print(A("b", [1]) + A("b", [2]), a * 2, 2 * a, list(a), a.tolist(), a.buffer_info()[1])
try:
    a + A("d")
except TypeError as e:
    print("TypeError:", e)
try:
    a.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
a[0] = 7
a.append(4)
a.extend([5, 6])
a.extend(A("i", [8]))
a.insert(0, -1)
print(a, a.pop(), a.pop(0), a)
a.remove(7)
a.reverse()
print(a, len(a))
del a[0]
print(a)
a[0:2] = A("i", [9, 9, 9])
print(a)
del a[::2]
print(a)
for bad in (lambda: a.__setitem__(slice(0, 1), [1]), lambda: a.extend(A("d", [1.0])),
            lambda: a.remove(99), lambda: A("i").pop(), lambda: a.fromlist((1,))):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
a += A("i", [1])
a *= 2
print(a)

b = A("H")
b.frombytes(b"\x01\x00\x02\x00")
print(b, b.tobytes())
b.byteswap()
print(b)
print(A("i", [1, -2]).tobytes(), A("l", [2**40]).tobytes(), A("d", [1.5]).tobytes(), A("f", [0.5]).tobytes())
print(A("f", [1.5, 2.25, 0.1]), A("d", [0.1]), A("b", b"\x01\xff"), A("h", bytearray(b"\x00\x80")))
try:
    A("i").frombytes(b"abc")
except ValueError as e:
    print("ValueError:", e)
u = A("u", "hello")
u.fromunicode(" world")
print(u, u.tounicode(), u.tobytes()[:8], len(u))
try:
    A("i").tounicode()
except ValueError as e:
    print("ValueError:", e)
c = A("d", range(3))
c.fromlist([3.5])
print(c, sum(c), max(c), sorted(A("i", [3, 1, 2])))
print(A("i", range(3)) == A("i", [0, 1, 2]), A("i", [1]) < A("i", [2]), A("i", [1]) == A("d", [1.0]),
      A("i", [1, 2]) != A("i", [1]), A("i") == [], A("B", [1]) <= A("B", [1]))
print(A("i", [1, 2]) == A("i", [1, 2]), A("b", A("i", [5, 6])))
import copy
d = copy.copy(c)
d.append(9)
print(c, d, copy.deepcopy(c) == c)
print(c.__hash__ is None)

# iter (incl. 2-arg sentinel form), next with default, hash, repr, ascii, str, id-free checks.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
data = [5, 3, 0, 7, 8]
pos = 0
def reader():
    global pos
    pos += 1
    return data[pos - 1]
print(list(iter(reader, 0)))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 4)))
s = iter("ab")
print(list(s), list(s))
print(repr("x"), repr(1), repr([1, "a", None]), repr((1,)), repr({"k": (1, 2)}), repr(set()), repr(frozenset()))
print(ascii("héllo"), ascii("日本"), ascii("😀"), ascii(["ü"]), ascii("plain"))
print(str(1), str("s"), str([1, "s"]), str(None), str(3.0), str(b"b"), str(-0.0))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(len("abc"), len([1, 2]), len({}), len(range(10)), len(b"xy"), len({1, 2, 2}))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(list(iter({"b": 1, "a": 2})), list(iter((4, 5))), next(iter(range(9, 0, -1))))

# Which built-in types a sequence pattern matches (CPython's Py_TPFLAGS_SEQUENCE).
from collections import deque
for s in (deque([1, 2]), memoryview(b"ab"), range(10**20, 10**20 + 2), [1, 2], "ab", b"ab", bytearray(b"ab"), {1: 2}):
    match s:
        case [a, b]:
            print(type(s).__name__, "seq", a, b)
        case _:
            print(type(s).__name__, "no")
class D(deque):
    pass
match D([1]):
    case [x]:
        print("D", x)

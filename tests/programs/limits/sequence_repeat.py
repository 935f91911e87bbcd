# Sequence repetition and sized constructors past what can be allocated: CPython's
# MemoryError / OverflowError, never an abort. (Every size here is at least 10**12
# bytes, so CPython fails at once too.)


def attempt(label, f):
    try:
        r = f()
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, len(r), repr(r)[:40])


attempt("'a' * 10**12", lambda: "a" * 10**12)
attempt("10**12 * 'a'", lambda: 10**12 * "a")
attempt("b'a' * 10**12", lambda: b"a" * 10**12)
attempt("[0] * 10**12", lambda: [0] * 10**12)
attempt("(0,) * 10**12", lambda: (0,) * 10**12)
attempt("bytearray(b'ab') * 2**40", lambda: bytearray(b"ab") * 2**40)
attempt("'ab' * 2**62", lambda: "ab" * 2**62)
attempt("'é' * 2**62", lambda: "é" * 2**62)
attempt("b'x' * 2**40", lambda: b"x" * 2**40)
attempt("b'xy' * 2**62", lambda: b"xy" * 2**62)
attempt("[0, 1] * 2**62", lambda: [0, 1] * 2**62)
attempt("(0, 1) * 2**62", lambda: (0, 1) * 2**62)
attempt("'a' * 2**63", lambda: "a" * 2**63)
attempt("[0] * 2**63", lambda: [0] * 2**63)
attempt("2**63 * [0]", lambda: 2**63 * [0])
attempt("'a' * -2**64", lambda: "a" * -2**64)
attempt("b'a' * 2**64", lambda: b"a" * 2**64)
attempt("bytes(10**12)", lambda: bytes(10**12))
attempt("bytearray(10**12)", lambda: bytearray(10**12))
attempt("bytes(2**64)", lambda: bytes(2**64))
attempt("bytearray(2**63)", lambda: bytearray(2**63))
attempt("bytes(-2**64)", lambda: bytes(-2**64))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytearray(-1)", lambda: bytearray(-1))
attempt("list(range(10**12))", lambda: list(range(10**12)))
attempt("tuple(range(10**12))", lambda: tuple(range(10**12)))
attempt("list(range(2**64))", lambda: list(range(2**64)))

# Empty and small repetitions still work, whatever the count.
attempt("'' * 10**18", lambda: "" * 10**18)
attempt("[] * 10**18", lambda: [] * 10**18)
attempt("() * 2**62", lambda: () * 2**62)
attempt("'ab' * 3", lambda: "ab" * 3)
attempt("3 * [1, 2]", lambda: 3 * [1, 2])
attempt("(1,) * 0", lambda: (1,) * 0)
attempt("b'ab' * -1", lambda: b"ab" * -1)
attempt("bytearray(b'x') * 3", lambda: bytearray(b"x") * 3)
attempt("bytes(3)", lambda: bytes(3))
attempt("'xyz' * 1000", lambda: "xyz" * 1000)
attempt("[None] * 100000", lambda: [None] * 100000)


def inplace(label, x, n):
    try:
        x *= n
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(x)[:40], len(x))


inplace("list *= 10**12", [0], 10**12)
inplace("str *= 10**12", "a", 10**12)
inplace("bytearray *= 10**12", bytearray(b"a"), 10**12)
inplace("list *= 2**62", [0, 1], 2**62)
inplace("tuple *= 2**62", (0, 1), 2**62)
inplace("bytes *= 2**62", b"ab", 2**62)
inplace("list *= 2**64", [1], 2**64)
inplace("list *= 3", [1, 2], 3)
inplace("bytearray *= 2", bytearray(b"ab"), 2)
inplace("list *= -1", [1, 2], -1)
x = [1, 2]
y = x
x *= 2
print(x is y, y)

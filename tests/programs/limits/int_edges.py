# Machine-int edges (i64::MIN) and ints too large to create: exact results past 64
# bits, MemoryError for shifts and powers past what can be allocated, and
# int.to_bytes / int.from_bytes argument errors.
m = -9223372036854775808


def attempt(label, f):
    try:
        r = f()
    except (MemoryError, OverflowError, ValueError, ZeroDivisionError, TypeError) as e:
        print(label, "->", type(e).__name__, e)
    else:
        if isinstance(r, int) and abs(r) > 10**60:
            print(label, "->", "int of", r.bit_length(), "bits")
        else:
            print(label, "->", repr(r))


attempt("m << 1", lambda: m << 1)
attempt("m << 3", lambda: m << 3)
attempt("m << 0", lambda: m << 0)
attempt("m << 63", lambda: m << 63)
attempt("m << 64", lambda: m << 64)
attempt("(m + 1) << 1", lambda: (m + 1) << 1)
attempt("1 << 62", lambda: 1 << 62)
attempt("1 << 63", lambda: 1 << 63)
attempt("-1 << 63", lambda: -1 << 63)
attempt("-1 << 64", lambda: -1 << 64)
attempt("3 << 62", lambda: 3 << 62)
attempt("m >> 1", lambda: m >> 1)
attempt("m >> 63", lambda: m >> 63)
attempt("m >> 64", lambda: m >> 64)
attempt("m >> 10**20", lambda: m >> 10**20)
attempt("-m", lambda: -m)
attempt("abs(m)", lambda: abs(m))
attempt("m // -1", lambda: m // -1)
attempt("m % -1", lambda: m % -1)
attempt("divmod(m, -1)", lambda: divmod(m, -1))
attempt("m // 7", lambda: m // 7)
attempt("m % 7", lambda: m % 7)
attempt("m * -1", lambda: m * -1)
attempt("m * m", lambda: m * m)
attempt("m - 1", lambda: m - 1)
attempt("m + m", lambda: m + m)
attempt("~m", lambda: ~m)
attempt("m ** 1", lambda: m ** 1)
attempt("m ** 2", lambda: m ** 2)
attempt("m ** 3", lambda: m ** 3)
attempt("m / -1", lambda: m / -1)
attempt("m / 3", lambda: m / 3)
attempt("m / 2**53", lambda: m / 2**53)
attempt("7 / m", lambda: 7 / m)
attempt("m / m", lambda: m / m)
attempt("pow(m, 2, 10**9 + 7)", lambda: pow(m, 2, 10**9 + 7))
x = m
x <<= 3
print(x)
x = m
x //= -1
print(x)

attempt("0 << 2**64", lambda: 0 << 2**64)
attempt("0 << 10**100", lambda: 0 << 10**100)
attempt("1 ** 2**100", lambda: 1 ** (2**100))
attempt("(-1) ** (2**100 + 1)", lambda: (-1) ** (2**100 + 1))
attempt("(-1) ** 2**100", lambda: (-1) ** (2**100))
attempt("0 ** 2**100", lambda: 0 ** (2**100))
attempt("(2**100) ** 0", lambda: (2**100) ** 0)
attempt("1 << 2**64", lambda: 1 << 2**64)
attempt("-1 << 2**63", lambda: -1 << 2**63)
attempt("1 << 2**62", lambda: 1 << 2**62)
attempt("(2**100) << 2**40", lambda: (2**100) << 2**40)
attempt("(1 << 1000) >> 2**70", lambda: (1 << 1000) >> 2**70)
attempt("-(1 << 1000) >> 2**70", lambda: -(1 << 1000) >> 2**70)
attempt("1 << -1", lambda: 1 << -1)
attempt("(1 << 100000) >> 99990", lambda: (1 << 100000) >> 99990)

attempt("(1).to_bytes(-1, 'big')", lambda: (1).to_bytes(-1, "big"))
attempt("(1).to_bytes(-1, 'middle')", lambda: (1).to_bytes(-1, "middle"))
attempt("(1).to_bytes(10**12, 'big')", lambda: (1).to_bytes(10**12, "big"))
attempt("(1).to_bytes(2**62, 'big')", lambda: (1).to_bytes(2**62, "big"))
attempt("(1).to_bytes(2**64, 'big')", lambda: (1).to_bytes(2**64, "big"))
attempt("(-1).to_bytes(10**12, 'big')", lambda: (-1).to_bytes(10**12, "big"))
attempt("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, "big"))
attempt("(-1).to_bytes(2, 'big')", lambda: (-1).to_bytes(2, "big"))
attempt("(-1).to_bytes(2, 'little', signed=True)", lambda: (-1).to_bytes(2, "little", signed=True))
attempt("(258).to_bytes(4, 'little')", lambda: (258).to_bytes(4, "little"))
attempt("(0).to_bytes(0, 'big')", lambda: (0).to_bytes(0, "big"))
attempt("(1).to_bytes()", lambda: (1).to_bytes())
attempt("from_bytes list", lambda: int.from_bytes([1, 2], "big"))
attempt("from_bytes 256", lambda: int.from_bytes([1, 256], "big"))
attempt("from_bytes -1", lambda: int.from_bytes([-1], "big"))
attempt("from_bytes signed", lambda: int.from_bytes(b"\xff\xfe", "little", signed=True))

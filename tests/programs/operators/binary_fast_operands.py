# BINARY_OP's int/float fast path matches the operand itself: every operator and
# its in-place form, on ints (overflow to big ints, negative floor division and
# modulo, division by zero) and floats (pow of positive and negative bases).
big = 2**62
cases = [(7, 2), (-7, 2), (7, -2), (big, big), (-big, big), (3, 0), (7.5, 2), (2, 0.5),
         (-8.0, 1 / 3), (0.0, -1), (10.0, 400)]
ops = ["+", "-", "*", "/", "//", "%", "&", "|", "^"]
for a, b in cases:
    row = []
    for op in ops:
        try:
            row.append(repr(eval(f"a {op} b")))
        except Exception as e:
            row.append(type(e).__name__)
    print(a, b, " ".join(row))

for a, b in cases:
    x = a
    try:
        x += b
        x -= b
        x *= b
        x //= b if b else 1
        x %= 1000 if isinstance(x, int) else 7.0
        print(repr(x))
    except Exception as e:
        print(type(e).__name__, e)
n = 3
n **= 3
n &= 0x1F
n |= 0x100
n ^= 0xFF
print(n, 2**63, -(2**63) - 1, 3 * big, big * -4)


def each(a, b):
    # LOAD_FAST then BINARY_OP: the operator runs inside the LOAD_FAST's arm.
    out = []
    for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b,
              lambda: a // b, lambda: a % b, lambda: a & b, lambda: a | b,
              lambda: a ^ b, lambda: a + 1, lambda: a - 1.5, lambda: 2 * a):
        try:
            out.append(repr(f()))
        except Exception as e:
            out.append(type(e).__name__)
    return " ".join(out)


for a, b in cases:
    print(each(a, b))
for a, b in [(2, 10), (2.0, 10), (0.5, -3), (-2.0, 3), (-8.0, 1 / 3), (0.0, -1),
             (10.0, 400), (1e10, 1e10), (2, -1), (4.0, 0.5)]:
    try:
        print(a ** b)
    except Exception as e:
        print(type(e).__name__, e)

# Arbitrary-precision arithmetic on digit lists, checked against Python's built-in big ints.
BASE = 10

def to_digits(n):
    return [int(d) for d in reversed(str(n))] or [0]

def from_digits(d):
    return int("".join(map(str, reversed(d))))

def trim(d):
    while len(d) > 1 and d[-1] == 0:
        d.pop()
    return d

def add(a, b):
    out, carry = [], 0
    for i in range(max(len(a), len(b))):
        s = carry + (a[i] if i < len(a) else 0) + (b[i] if i < len(b) else 0)
        out.append(s % BASE)
        carry = s // BASE
    if carry:
        out.append(carry)
    return out

def sub(a, b):
    out, borrow = [], 0
    for i in range(len(a)):
        s = a[i] - borrow - (b[i] if i < len(b) else 0)
        borrow = 1 if s < 0 else 0
        out.append(s + BASE if s < 0 else s)
    return trim(out)

def mul(a, b):
    out = [0] * (len(a) + len(b))
    for i, x in enumerate(a):
        carry = 0
        for j, y in enumerate(b):
            cur = out[i + j] + x * y + carry
            out[i + j] = cur % BASE
            carry = cur // BASE
        k = i + len(b)
        while carry:
            cur = out[k] + carry
            out[k] = cur % BASE
            carry = cur // BASE
            k += 1
    return trim(out)

def divmod_small(a, k):
    out, rem = [0] * len(a), 0
    for i in range(len(a) - 1, -1, -1):
        cur = rem * BASE + a[i]
        out[i], rem = divmod(cur, k)
    return trim(out), rem

def power(a, e):
    result = [1]
    while e:
        if e & 1:
            result = mul(result, a)
        a = mul(a, a)
        e >>= 1
    return result

x = 12345678901234567890123456789
y = 98765432109876543210
dx, dy = to_digits(x), to_digits(y)
checks = [
    ("add", from_digits(add(dx, dy)), x + y),
    ("sub", from_digits(sub(dx, dy)), x - y),
    ("mul", from_digits(mul(dx, dy)), x * y),
    ("div7", from_digits(divmod_small(dx, 7)[0]), x // 7),
    ("mod7", divmod_small(dx, 7)[1], x % 7),
    ("pow", from_digits(power(to_digits(3), 200)), 3 ** 200),
]
for name, mine, builtin in checks:
    print(f"{name:5} {mine == builtin} {mine}")
f = [1]
for i in range(2, 61):
    f = mul(f, to_digits(i))
print("60! =", from_digits(f))
print("digit sum", sum(f), "trailing zeros", next(i for i, d in enumerate(f) if d))
a, b = [0], [1]
for _ in range(300):
    a, b = b, add(a, b)
print("fib(300) =", from_digits(a), len(a), "digits")
n = to_digits(2 ** 127 - 1)
digits_base7 = []
while n != [0]:
    n, r = divmod_small(n, 7)
    digits_base7.append(r)
print("2**127-1 in base 7:", "".join(map(str, reversed(digits_base7))))

# Machine ints promoting to big ints and back transparently.
a = 1
for i in range(70):
    a *= 2
print(a)
for i in range(70):
    a //= 2
print(a, type(a).__name__)
big = 2**62
print(big + big, big + big - big)
print((big + big) // 2 == big)
vals = [2**31 - 1, 2**31, 2**32, 2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64]
for v in vals:
    print(v, -v, v + 1, v - 1, v * 3, v // 3, v % 1000, v >> 1, v << 1)
n = 1
f = 1
while n <= 30:
    f *= n
    n += 1
print(f)
print(f // (2**60), f % 2**61)
s = 0
for v in vals:
    s += v
print(s)
print(sum(vals) - s)
print((2**64 - 1) & 0xFFFF, (2**64) | 1, (2**64) ^ (2**64 + 5))
print(-(2**64) // 3, -(2**64) % 3, divmod(-(2**65), 7))
m = 3**40
print(m, m == 12157665459056928801, hash(m) == hash(12157665459056928801))

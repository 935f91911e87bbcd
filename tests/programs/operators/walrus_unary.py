# Assignment expressions and unary operators.
data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print("long list", n)
total = 0
i = 0
while (i := i + 1) <= 3:
    total += i
print(total, i)
filtered = [y for x in data if (y := x * 2) > 20]
print(filtered, y)
print((z := 10) + z)
chunks = []
it = iter("abcdefg")
while (c := next(it, None)) is not None:
    chunks.append(c.upper())
print(chunks)
print(-5, +5, -(-5), +(-5), ~5, ~-5, - -1, not -1)
print(-3.5, +2.0, -0.0, -(2**100), ~(2**100))
a = 7
print(-a, +a, ~a, -a ** 2, (-a) ** 2)
print(-True, +False, ~True)
def f(x):
    return (w := x * 3) + w
print(f(4))

# Number sequences: Collatz, look-and-say, Pascal's triangle, digits of pi and e via spigots.
def collatz(n):
    steps = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps.append(n)
    return steps

print(collatz(27)[:15], len(collatz(27)), max(collatz(27)))
longest = max(range(1, 3000), key=lambda n: (len(collatz(n)), -n))
print("longest under 3000:", longest, len(collatz(longest)))

def look_and_say(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
s = "1"
seq = [s]
for _ in range(9):
    s = look_and_say(s)
    seq.append(s)
print(seq, [len(x) for x in seq])

row = [1]
for n in range(10):
    print(" ".join(map(str, row)).center(40).rstrip())
    row = [a + b for a, b in zip([0] + row, row + [0])]

def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print("pi", pi_digits(60))

def e_digits(n):
    scale = 10 ** (n + 5)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total)[:n]
print("e ", e_digits(60))

fibs = [0, 1]
while len(fibs) < 100:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[99], sum(int(d) for d in str(fibs[99])), [f for f in fibs[:30] if f % 2 == 0])
fact100 = 1
for i in range(2, 101):
    fact100 *= i
print(len(str(fact100)), sum(map(int, str(fact100))), len(str(fact100)) - len(str(fact100).rstrip("0")))
print([n for n in range(1, 500) if n == sum(int(d) ** len(str(n)) for d in str(n))])
triangular = [n * (n + 1) // 2 for n in range(1, 15)]
print(triangular, [t for t in triangular if int(t ** 0.5) ** 2 == t])

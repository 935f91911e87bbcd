# Continued fractions, best rational approximations, Egyptian fractions, and exact decimal expansion.
def cf_of_rational(p, q):
    terms = []
    while q:
        a, r = divmod(p, q)
        terms.append(a)
        p, q = q, r
    return terms

def convergents(terms):
    h0, h1 = 0, 1
    k0, k1 = 1, 0
    out = []
    for a in terms:
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
        out.append((h1, k1))
    return out

def cf_of_sqrt(n, count):
    a0 = int(n ** 0.5)
    while a0 * a0 > n:
        a0 -= 1
    while (a0 + 1) ** 2 <= n:
        a0 += 1
    if a0 * a0 == n:
        return [a0]
    m, d, a = 0, 1, a0
    terms = [a0]
    while len(terms) < count:
        m = d * a - m
        d = (n - m * m) // d
        a = (a0 + m) // d
        terms.append(a)
    return terms

def egyptian(p, q):
    out = []
    while p:
        c = -(-q // p)
        out.append(c)
        p, q = p * c - q, q * c
    return out

def decimal_expansion(p, q):
    whole, r = divmod(p, q)
    digits, seen = [], {}
    while r and r not in seen:
        seen[r] = len(digits)
        d, r = divmod(r * 10, q)
        digits.append(str(d))
    if not r:
        return f"{whole}." + ("".join(digits) or "0")
    i = seen[r]
    return f"{whole}." + "".join(digits[:i]) + "(" + "".join(digits[i:]) + ")"

print(cf_of_rational(415, 93), cf_of_rational(649, 200), cf_of_rational(1, 7))
print(convergents(cf_of_rational(415, 93)))
pi_terms = cf_of_rational(314159265358979, 100000000000000)
print(pi_terms[:8], [f"{h}/{k}" for h, k in convergents(pi_terms[:5])])
for n in (2, 3, 7, 13, 16, 61):
    terms = cf_of_sqrt(n, 12)
    best = convergents(terms)[-1]
    print(n, terms, best, best[0] ** 2 - n * best[1] ** 2 if len(terms) > 1 else "perfect square")
for p, q in [(4, 13), (5, 121), (2, 3), (99, 100)]:
    e = egyptian(p, q)
    print(f"{p}/{q} =", " + ".join(f"1/{d}" for d in e))
for p, q in [(1, 3), (1, 7), (22, 7), (1, 8), (5, 12), (1, 81), (3, 1), (355, 113)]:
    print(f"{p}/{q} = {decimal_expansion(p, q)}")

# A Polynomial class with arithmetic dunders, evaluation, derivative, division and pretty printing.
class Poly:
    def __init__(self, coeffs):
        coeffs = list(coeffs)
        while len(coeffs) > 1 and coeffs[-1] == 0:
            coeffs.pop()
        self.c = coeffs or [0]

    @property
    def degree(self):
        return len(self.c) - 1 if self.c != [0] else -1

    def __call__(self, x):
        result = 0
        for coef in reversed(self.c):
            result = result * x + coef
        return result

    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    __radd__ = __add__

    def __neg__(self):
        return Poly([-x for x in self.c])

    def __sub__(self, o):
        return self + (-o if isinstance(o, Poly) else Poly([-o]))

    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(out)
    __rmul__ = __mul__

    def __pow__(self, n):
        result = Poly([1])
        for _ in range(n):
            result = result * self
        return result

    def __divmod__(self, d):
        num = self.c[:]
        if d.degree < 0:
            raise ZeroDivisionError("polynomial division by zero")
        q = [0] * max(len(num) - len(d.c) + 1, 1)
        while len(num) >= len(d.c) and any(num):
            shift = len(num) - len(d.c)
            factor = num[-1] // d.c[-1]
            q[shift] = factor
            for i, coef in enumerate(d.c):
                num[i + shift] -= factor * coef
            num.pop()
        return Poly(q), Poly(num)

    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c

    def derivative(self):
        return Poly([i * c for i, c in enumerate(self.c)][1:])

    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            c = self.c[i]
            if c == 0 and len(self.c) > 1:
                continue
            sign = "-" if c < 0 else "+"
            a = abs(c)
            coef = "" if a == 1 and i > 0 else str(a)
            var = "" if i == 0 else "x" if i == 1 else f"x^{i}"
            terms.append((sign, coef + var))
        s = " ".join(f"{sg} {t}" for sg, t in terms)
        return s[2:] if s.startswith("+") else "-" + s[2:]

x = Poly([0, 1])
p = 3 * x ** 2 - 2 * x + 5
q = x - 1
print(p, "|", q, "|", p.degree, q.degree)
print(p + q, "|", p - q, "|", p * q, "|", -p)
print([p(v) for v in range(-2, 3)], p(0.5), p(10 ** 10))
print(p.derivative(), "|", p.derivative().derivative(), "|", Poly([7]).derivative())
print((x + 1) ** 5)
print((x - 1) ** 3, (x ** 2 - 1) == (x - 1) * (x + 1))
quot, rem = divmod(x ** 3 - 6 * x ** 2 + 11 * x - 6, x - 1)
print(quot, "rem", rem)
quot, rem = divmod(x ** 4 + 1, x ** 2 + 1)
print(quot, "rem", rem)
roots = [r for r in range(-10, 11) if (x ** 3 - 6 * x ** 2 + 11 * x - 6)(r) == 0]
print("integer roots", roots)
try:
    divmod(p, Poly([0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(Poly([]), Poly([0, 0, 0]), Poly([0, 0, 0]).degree, Poly([-1]), Poly([0, -1]), 1 + x)

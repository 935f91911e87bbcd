# A hand-written Fraction class and exact determinants / matrix inverse by Gaussian elimination.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("zero denominator")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den) or 1
        self.num, self.den = num // g, den // g

    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x)

    def __add__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__

    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)

    def __rsub__(self, o):
        return Frac.of(o) - self

    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.num, self.den * o.den)
    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.den, self.den * o.num)

    def __neg__(self):
        return Frac(-self.num, self.den)

    def __eq__(self, o):
        o = Frac.of(o)
        return self.num == o.num and self.den == o.den

    def __hash__(self):
        return hash((self.num, self.den))

    def __bool__(self):
        return self.num != 0

    def __repr__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"

def det(m):
    m = [[Frac.of(v) for v in row] for row in m]
    n = len(m)
    result = Frac(1)
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col]), None)
        if pivot is None:
            return Frac(0)
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            result = -result
        result = result * m[col][col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            m[r] = [a - factor * b for a, b in zip(m[r], m[col])]
    return result

def inverse(m):
    n = len(m)
    aug = [[Frac.of(v) for v in row] + [Frac(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if aug[r][col]), None)
        if pivot is None:
            raise ValueError("matrix is singular")
        aug[col], aug[pivot] = aug[pivot], aug[col]
        p = aug[col][col]
        aug[col] = [v / p for v in aug[col]]
        for r in range(n):
            if r != col and aug[r][col]:
                f = aug[r][col]
                aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]

print(Frac(6, 8), Frac(3, -9), Frac(1, 2) + Frac(1, 3), Frac(1, 2) - 1, 2 * Frac(3, 4), Frac(1, 3) / Frac(2, 9))
print(1 - Frac(1, 4), Frac(5, 10) == Frac(1, 2), Frac(4, 2) == 2, {Frac(1, 2): "half"}[Frac(2, 4)])
mats = [
    [[2, 1], [1, 3]],
    [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    [[2, -1, 0], [-1, 2, -1], [0, -1, 2]],
    [[0, 1, 2], [1, 0, 3], [4, -3, 8]],
    [[1, 1, 1, 1], [1, 2, 4, 8], [1, 3, 9, 27], [1, 4, 16, 64]],
]
for m in mats:
    print("det", m, "=", det(m))
for m in mats:
    try:
        inv = inverse(m)
        print("inverse", inv)
    except ValueError as e:
        print("ValueError:", e)
hilbert = [[Frac(1, i + j + 1) for j in range(5)] for i in range(5)]
print("hilbert det", det(hilbert))
print("hilbert inverse row 0", inverse(hilbert)[0])
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# COMPARE_OP's fast path decides by the outcome (less, equal, greater, unordered)
# and the instruction's mask, fused with the conditional jump after it or not:
# every operator on ints, floats (NaN, signed zeros, infinities) and strs, as a
# value, as an `if` condition and as a `while`/`not` condition.
nan = float("nan")
inf = float("inf")
pairs = [
    (1, 2), (2, 2), (3, 2), (-5, 5), (2**62, -(2**62)),
    (1.5, 2.5), (2.0, 2.0), (nan, 1.0), (1.0, nan), (nan, nan),
    (-0.0, 0.0), (inf, inf), (-inf, inf), (inf, nan),
    ("a", "b"), ("b", "b"), ("ba", "b"), ("", "a"), ("é", "z"), ("€", "é"),
]

for a, b in pairs:
    values = (a < b, a <= b, a == b, a != b, a > b, a >= b)
    jumps = []
    if a < b:
        jumps.append("lt")
    if a <= b:
        jumps.append("le")
    if a == b:
        jumps.append("eq")
    if a != b:
        jumps.append("ne")
    if a > b:
        jumps.append("gt")
    if a >= b:
        jumps.append("ge")
    negated = []
    if not a < b:
        negated.append("!lt")
    if not a >= b:
        negated.append("!ge")
    if not a != b:
        negated.append("!ne")
    print(repr(a), repr(b), values, jumps, negated)

# A comparison whose jump starts a new line, and a chained comparison.
for a, b in pairs[:6]:
    r = (
        a
        < b
    )
    print(r, 0 < a < b, a < b < 10, a == b == 2)

# Loops ending on a comparison.
i = 0
while i < 5:
    i += 1
f = 0.0
while f != 2.5:
    f += 0.5
print(i, f)

# Mixed kinds go the general way.
print(1 < 2.5, 2.5 < 1, 1 == 1.0, True < 2, "a" == 1, 1 != "a")
try:
    print("a" < 1)
except TypeError as e:
    print("TypeError:", e)


class S(str):
    def __lt__(self, other):
        return "S.__lt__"


print(S("b") < "a", "a" < S("b"))

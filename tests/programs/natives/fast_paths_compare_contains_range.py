# The register fast paths of COMPARE_OP on strs, CONTAINS_OP on sets, range().

words = ["b", "a", "ab", "", "é", "z", "Z", "\U0001f600", "a\x00", "ß", "ab"]
for a in words:
    print(a.encode("unicode_escape"), [int(a < b) + 2 * int(a == b) + 4 * int(a >= b)
                                       + 8 * int(a != b) + 16 * int(a > b)
                                       + 32 * int(a <= b) for b in words])
s1 = "".join(["ab", "c"])
print(s1 == "abc", s1 != "abc", s1 < "abd", s1 > "abc", s1 >= "abc")


class S(str):
    def __eq__(self, other):
        return "eq called"

    def __lt__(self, other):
        return "lt called"

    __hash__ = str.__hash__


print(S("x") == "x", "x" == S("x"), S("a") < "b", "b" > S("a"))
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
print("a" == 1, "a" != None)

s = {1, 2, 2**70, "x", 3.5, (1, 2)}
for k in (1, 1.0, True, 2, 0, 2**70, "x", "y", 3.5, (1, 2), -1, False):
    print(repr(k), k in s, k not in s)
print(1 in {1.0}, True in {1}, 0 in {False}, 2 in frozenset([2.0]), "é" in {"é"})


class Weird:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        print("Weird.__eq__", other)
        return True


print(1 in {Weird()}, "a" in {Weird()})


class MySet(set):
    def __contains__(self, k):
        return "custom"


print(1 in MySet([1]), 5 in MySet())
try:
    [] in {1}
except TypeError as e:
    print("TypeError:", e)
seen = set()
for i in range(2000):
    seen.add(i % 37)
    if i % 3:
        seen.discard((i * 7) % 37)
print(sorted(seen), sum(1 for i in range(100) if i in seen))

for args in [(5,), (2, 9), (9, 2, -3), (0,), (-5,), (True,), (1, True), (2**63 - 1,),
             (-2**63, 2**63 - 1), (-2**63, 2**63 - 1, 2**62), (0, 2**64, 2**63),
             (2**70,), (10, 0, -1)]:
    r = range(*args)
    n = r.stop - r.start
    print(args, r, r[0] if r else "empty", list(r)[:4] if abs(n) < 100 else r[-1])
    if abs(n) < 2**62:
        print(len(r))
for args in [(1, 2, 0), (), (1, 2, 3, 4), (1.5,), ("3",), (None, 3)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    range(stop=3)
except TypeError as e:
    print("TypeError:", e)

# Comparisons, chained comparisons, identity and membership.
print(1 < 2, 2 < 1, 1 <= 1, 1 == 1.0, 1 != 1.0, 2 > 1.5, 3 >= 3)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0, 1 < 2 > 0 < 5)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(0) < noisy(5))
print(noisy(1) < noisy(2) < noisy(3))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] == [1, 2])
print((1, 2) < (1, 2, 3), (1, "a") < (1, "b"), (3,) > (2, 9), () == ())
print("abc" < "abd", "Z" < "a", "" < "a", "abc" < "ab", "é" > "z", "apple" >= "apple")
print(2**100 > 2**99, -(2**100) < 5, 2**53 + 1 > 2.0**53, 2**53 + 1 == 2.0**53)
print(float("nan") < 1, float("nan") > 1, float("inf") > 2**1000)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, not a is c)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "bc" in "abc", "x" in {"x": 1})
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), (1, 2) in [(1, 2)], 1 in {1.0})
print([1, [2, 3]] == [1, [2, 3]], {1: [2]} == {1: [2]}, {1, 2} == {2, 1})
print(1 == "1", None == 0, [] == (), (1,) == [1])
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > None)
except TypeError as e:
    print("TypeError:", e)

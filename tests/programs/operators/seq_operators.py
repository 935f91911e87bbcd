# Operators on sequences: concatenation, repetition, comparison, augmented forms.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s, "-" * 10, 3 * "xy", [0] * 4, (1, 2) * 2, [[]] * 2)
print([] * 5, "abc" * 0, "abc" * -1, [1, 2] * True)
nested = [[0] * 2] * 2
nested[0][0] = 9
print(nested)
print([1, 2] + [3], (1,) + (2, 3), "x" + "y", b"a" + b"b")
l = [1, 2, 3]
l *= 2
print(l)
l[1:3] = []
print(l)
try:
    print([1] + (2,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * 2.0)
except TypeError as e:
    print("TypeError:", e)
print(sorted([[3, 1], [2, 5], [3, 0], [2]]), max("apple", "banana"), min((3, "z"), (3, "a")))

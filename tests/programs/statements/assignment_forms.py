# Every assignment form.
a = b = c = [1]
print(a, b, c, a is b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q] = "pq"
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcdef"
print(h, mid, t)
h, *mid, t = "ab"
print(h, mid, t)
(a1, (b1, *c1)), d1 = (0, [1, 2, 3]), 4
print(a1, b1, c1, d1)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
class Obj:
    pass
o = Obj()
o.val = 10
o.val += 5
o.lst = [1, 2]
o.lst += [3]
print(o.val, o.lst)
d = {"k": 1}
d["k"] += 10
d["new"] = d.get("new", 0) + 1
print(d)
lst = [0, 1, 2, 3, 4, 5, 6, 7]
lst[0] = "zero"
lst[-1] *= 10
lst[2:4] = ["a", "b", "c"]
print(lst)
lst[::2] = [None] * len(lst[::2])
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
matrix = [[0] * 3 for _ in range(3)]
matrix[1][2] = 5
matrix[2][0] += 7
print(matrix)
o.lst[0], o.lst[1] = o.lst[1], o.lst[0]
print(o.lst)
s = 1
s += 1; s -= 3; s *= -4; s //= 3; s **= 3; s %= 7; s <<= 2; s >>= 1; s |= 1; s ^= 8; s &= 12
print(s)
f = 7.0
f /= 2
print(f)
i = j = 0
i += 1
print(i, j)
w = [1, 2, 3]
w[1:2] = range(10, 13)
w[len(w):] = [99]
w[:0] = [-1]
print(w)
ann: int = 5
ann2: list
print(ann)

# Comprehension variables do not leak; they see enclosing function scopes.
n = "module n"
result = [n for n in range(3)]
print(result, n)
def f():
    k = 10
    data = [k + i for i in range(3)]
    nested = [[k * a + b for b in range(2)] for a in range(2)]
    sets = {k - i for i in range(3)}
    dicts = {i: k for i in range(2)}
    gen = list(k + i for i in range(2))
    return data, nested, sets, dicts, gen
print(f())
def g():
    x = 1
    fs = [lambda: x + i for i in range(3)]
    x = 100
    return [fn() for fn in fs]
print(g())
total = 0
values = [total + v for v in range(3)]
print(values)
def walrus_leaks():
    res = [y := v * 2 for v in range(4)]
    return res, y
print(walrus_leaks())
matrix = [[1, 2], [3, 4]]
flat = [x for row in matrix for x in row]
print(flat, "x" in dir())
def uses_outer_loop_var():
    out = []
    for i in range(2):
        out.append([i * j for j in range(3)])
    return out, i
print(uses_outer_loop_var())

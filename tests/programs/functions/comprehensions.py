# List/set/dict comprehensions and generator expressions with their own scope.
x = "outer x"
squares = [x * x for x in range(6)]
print(squares, x)
print([(i, j) for i in range(3) for j in range(i)])
print([i * j for i in range(1, 4) if i != 2 for j in range(1, 4) if j > i])
print([[r * 3 + c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [v for row in matrix for v in row])
print({v % 3 for v in range(10)}, {c for c in "mississippi"} == set("misp"))
print({k: v for k, v in zip("abc", range(3))}, {n: n ** 2 for n in range(5) if n % 2 == 0})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print(sum(i for i in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
g = (n * 2 for n in range(4))
print(type(g).__name__, next(g), list(g), list(g))
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
words = ["apple", "Banana", "cherry", "date"]
print([w.upper() for w in words if len(w) > 4], sorted(words, key=lambda w: w.lower()))
def scope_test():
    y = 10
    return [y + i for i in range(3)]
print(scope_test())
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print([c for c in "hello" if c not in "aeiou"], "".join(c * 2 for c in "abc"))
print(any(n > 3 for n in [1, 5]), all(n > 0 for n in []), list(i for i in []))
data = {"x": [1, 2], "y": [3], "z": []}
print({k: len(v) for k, v in data.items()}, [k for k, v in data.items() if v])
total = 0
lst = [total := total + v for v in [1, 2, 3, 4]]
print(lst, total)

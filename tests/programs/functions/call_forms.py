# Calling functions with unpacking, methods, bound methods, and returned functions.
def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)
show()
show(1, *[2, 3], 4, *(5,), x=1, **{"y": 2}, z=3)
show(*"ab", *range(2), **dict.fromkeys(["p", "q"], 0))
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting="Hello"):
        return f"{greeting}, {self.name}!"
g = Greeter("World")
m = g.greet
print(m(), m("Hi"), Greeter.greet(g, "Hey"), Greeter.greet(g))
print(m.__self__ is g, m.__func__ is Greeter.greet, m.__name__)
methods = [g.greet, str.upper, len, abs]
print(methods[0]("Yo"), methods[1]("abc"), methods[2]([1, 2]), methods[3](-4))
def returns_tuple():
    return 1, "two", [3]
a, b, c = returns_tuple()
print(a, b, c, returns_tuple())
def no_return():
    x = 1
print(no_return())
def early(n):
    if n > 0:
        return "positive"
    return
print(early(1), early(-1))
def get_fn(kind):
    def plus(a, b):
        return a + b
    def minus(a, b):
        return a - b
    return {"plus": plus, "minus": minus}[kind]
print(get_fn("plus")(2, 3), get_fn("minus")(2, 3))
print((lambda f: f(f, 5))(lambda self, n: 1 if n == 0 else n * self(self, n - 1)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(sorted(["b", "A", "c"], key=str.lower), "-".join(map(str, range(3))))
print(max(["aa", "b", "cccc"], key=len), min([3, -5, 2], key=abs))

# Lambdas, higher-order functions and annotations.
sq = lambda x: x * x
print(sq(9), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
print((lambda a, b=10, *, c=100: a + b + c)(1, c=1))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda x: x ** 2, range(5))), list(filter(lambda x: x % 2, range(10))))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
def annotated(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(annotated.__annotations__)
def no_ann(a, b):
    pass
print(no_ann.__annotations__)
x: int = 5
y: str
print(__annotations__)
print(annotated(1), annotated.__name__, annotated.__defaults__)
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
def doc():
    """This is the docstring."""
    return 1
print(doc.__doc__, no_ann.__doc__)
print(callable(sq), callable(3), type(sq).__name__)

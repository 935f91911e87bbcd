# Truth values in `if`, `while`, `and`, `or` and `not` of built-in containers,
# their subclasses (which may define __bool__ or __len__), and plain instances,
# at warm instruction sites.


class L(list):
    def __len__(self):
        return 0


class D(dict):
    def __bool__(self):
        return False


class S(str):
    pass


class Plain:
    pass


class Falsy:
    def __bool__(self):
        return False


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


values = [[], [0], (), (0,), "", "x", {}, {"k": 0}, L([1, 2]), D(a=1), S(""), S("s"),
          Plain(), Falsy(), Sized(0), Sized(2), 0, 1, None, True, False, 0.0, 2.5]


def check(v):
    a = "if" if v else "else"
    b = v and "and"
    c = v or "or"
    d = not v
    return a, b if b == "and" else type(b).__name__, c if c == "or" else type(c).__name__, d


for _ in range(3):
    print([check(v) for v in values])

n = 0
work = [1, 2, 3]
while work:
    n += work.pop()
print(n, bool(work))
flags = [x or "empty" for x in ["", "a", [], [1], (), {}, {1: 2}]]
print(flags)
try:
    if Sized(-1):
        pass
except ValueError as e:
    print("ValueError", e)

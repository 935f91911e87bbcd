# Python subclasses of enumerate, map, zip, filter that override __next__:
# for loops, next(), builtins and unpacking must call the override.
class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v


class M(map):
    def __next__(self):
        v = super().__next__()
        return -v if isinstance(v, int) else v + "!"


class Z(zip):
    def __next__(self):
        a, b = super().__next__()
        return b, a


class F(filter):
    def __next__(self):
        return ("f", super().__next__())


class R(reversed):
    def __next__(self):
        return super().__next__() + 100


class Plain(enumerate):
    pass


for i, v in E("abc"):
    print(i, v)
print(next(E("xy")))
print(list(E("pq")))
print(list(M(abs, [-1, 2, -3])))
print([x for x in M(str, [1, 2])])
print(list(Z([1, 2], "ab")))
print(dict(Z("ab", [1, 2])))
print(list(F(None, [0, 1, 2])))
print(sorted(F(None, [3, 0, 1])))
print(list(R([1, 2, 3])))
print(sum(M(abs, [-1, -2])))
print(any(M(bool, [1])), all(M(bool, [1, 0])))
print(max(M(abs, [-5, 2])), min(M(abs, [-5, 2])))
print(tuple(E("ab", 5)), set(M(abs, [-1])))
print(list(Plain("ab", 1)), next(Plain("z")))
print("".join(x for _, x in E("hi")))
it = E("abc")
print(next(it), next(it), list(it))
a, b = Z([1, 2], [3, 4])
print(a, b)
print(*M(abs, [-7, 8]))


def delegate():
    r = yield from E("uv")
    return r


print(list(delegate()))
print(list(zip(E("ab"), M(abs, [-1, -2]))))
print(list(enumerate(F(None, [0, 5]))))

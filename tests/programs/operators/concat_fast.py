# `a + b` of built-in lists, tuples and strs (one allocation, identities as
# CPython), and the cases that must still go the general way.
t = (1, 2)
s = "abc"
l = [1, 2]
print(t + (), () + t, t + (3,), (t + ()) is t, (() + t) is t, (() + ()) == ())
print(s + "", "" + s, (s + "") is s, ("" + s) is s, s + "dé", "é" + s)
print(l + [], [] + l, (l + []) is l, l + l, len(l + l * 3))
x = l + [3]
x.append(4)
print(l, x)


class L(list):
    def __add__(self, o):
        return "L.__add__"

    def __radd__(self, o):
        return "L.__radd__"


class T(tuple):
    pass


class S(str):
    def __radd__(self, o):
        return "S.__radd__"


print(L([1]) + [2], [2] + L([1]), T((1,)) + (2,), (2,) + T((1,)), type(T((1,)) + ()).__name__)
print("a" + S("b"), S("b") + "a", type(S("b") + "a").__name__)
for a, b in [([1], (2,)), ((1,), [2]), ("a", 1), ([1], "a"), ((), None), ("", b"x")]:
    try:
        a + b
    except TypeError as e:
        print("TypeError", e)
acc = ""
for i in range(5):
    acc = acc + str(i) + ","
print(acc)
acc = ()
for i in range(4):
    acc = acc + (i,)
print(acc)

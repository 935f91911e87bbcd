# A built-in __new__ checks its first argument: a class, a subtype of its own, and
# one it can build.
import collections
import random


def show(f, *args):
    try:
        r = f(*args)
        print("ok", type(r).__name__)
    except TypeError as e:
        print("TypeError:", e)


show(map.__new__, 1.5, None, b"\xff")
show(enumerate.__new__, True, b"", len)
show(map.__new__)
show(map.__new__, int)
show(zip.__new__)
show(zip.__new__, int)
show(int.__new__, list)
show(list.__new__, dict)
show(object.__new__, int)
show(object.__new__, list)
show(tuple.__new__, int)
show(str.__new__, 1)
show(super.__new__)
show(staticmethod.__new__)
show(collections.deque.__new__, int)
show(float.__new__, bool)
show(dict.__new__, 5)


class L(list):
    pass


class I(int):
    pass


show(list.__new__, L)
show(int.__new__, I, 5)
show(object.__new__, L)
show(int.__new__, bool)
show(BaseException.__new__, ValueError)
show(KeyError.__new__, KeyError)
print(int.__new__(I, 7) + 1)
print(list.__new__(L) == [])

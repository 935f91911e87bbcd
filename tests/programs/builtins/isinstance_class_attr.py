# isinstance(obj, cls) falls back to obj.__class__ when type(obj) is not a
# subclass (proxies and mocks pose as the class they wrap).
class P:
    @property
    def __class__(self):
        return int


print(isinstance(P(), int), isinstance(P(), (str, int)), isinstance(P(), P))
print(isinstance(P(), str), type(P()) is P)


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattribute__(self, name):
        if name == "__class__":
            return type(object.__getattribute__(self, "_target"))
        return object.__getattribute__(self, name)


print(isinstance(Proxy([1]), list), isinstance(Proxy([1]), dict))


class NotAClass:
    @property
    def __class__(self):
        return 5


print(isinstance(NotAClass(), int))


class Missing:
    @property
    def __class__(self):
        raise AttributeError("no class")


print(isinstance(Missing(), int), isinstance(Missing(), Missing))


class Fails:
    @property
    def __class__(self):
        raise KeyError("k")


try:
    print(isinstance(Fails(), int))
except KeyError as e:
    print("KeyError", e)
print(isinstance(Fails(), Fails))
# In a loop (the call's fast path) and with a plain class: unchanged.
class Plain:
    pass


print(sum(isinstance(x, int) for x in [P(), Plain(), 1, "s", P()]))

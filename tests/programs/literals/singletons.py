# None, True, False, Ellipsis and their behaviours.
print(None, True, False, Ellipsis, ...)
print(repr(None), repr(...), type(None).__name__, type(...).__name__)
print(... is Ellipsis, None is None, True is True)
print(True + True, True * 10, False - 1, True / 2, -True, ~True, ~False)
print(int(True), float(False), str(True), bool(0), bool(""), bool([]), bool([0]))
print(True == 1, False == 0, hash(True), hash(False))
print(isinstance(True, int), issubclass(bool, int), type(True).__name__)
print(True and 3, False or "x", None or 0, not None, not ...)
print([None] * 3, (None,), {None: 1}[None])
print(True & False, True | False, True ^ True, True << 3)
print(sum([True, True, False, True]))
print(max(True, 0.5), min(False, -1))
def f():
    pass
print(f(), f() is None)
print(str(None) + "!", repr(True) + "?")
print({True: "a", 1: "b", 1.0: "c"})

# exec(code, globals, closure=cells): a function's code run with its free variables.
def outer():
    x = 5
    items = []

    def inner():
        items.append(x * 2)
        print("x is", x, "items", items)

    return inner


f = outer()
exec(f.__code__, {"print": print}, closure=f.__closure__)
exec(f.__code__, {"print": print}, closure=f.__closure__)

import types
cell = types.CellType(41)


def make():
    y = 0

    def g():
        nonlocal y
        y += 1
        print("y", y)

    return g


g = make()
exec(g.__code__, {}, closure=(cell,))
print(cell.cell_contents)

for args, kwargs in [
    ((g.__code__, {}), {}),
    ((g.__code__, {}), {"closure": ()}),
    ((g.__code__, {}), {"closure": (1,)}),
    ((g.__code__, {}), {"closure": [cell]}),
    (("x = 1", {}), {"closure": (cell,)}),
    ((compile("x = 1", "s", "exec"), {}), {"closure": (cell,)}),
    ((compile("x = 1", "s", "exec"), {}), {"closure": None}),
]:
    try:
        exec(*args, **kwargs)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)

empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError:", e)
try:
    types.CellType(1, 2)
except TypeError as e:
    print("TypeError:", e)

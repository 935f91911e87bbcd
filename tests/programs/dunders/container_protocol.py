# __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __bool__, __reversed__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError(f"cell {key} out of range")
            return self.cells.get(key, ".")
        raise TypeError("need (x, y)")
    def __setitem__(self, key, v):
        print("set", key, v)
        self.cells[key] = v
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, v):
        return v in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], "#" in g, "x" in g, "x" not in g)
for row in g:
    print(row)
del g[0, 0]
print(list(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
s = Seq()
print(list(s), 9 in s, 5 in s, [x for x in s])
a, b, c, d = s
print(a, b, c, d)
class Empty:
    def __len__(self):
        return 0
class Truthy:
    def __bool__(self):
        print("__bool__ called")
        return True
    def __len__(self):
        return 0
print(bool(Empty()), bool(Truthy()), "yes" if Empty() else "no", not Truthy())
class Rev:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev([1, 2, 3]))))
class SliceAware:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return ("index", k)
sa = SliceAware()
print(sa[1], sa[1:5], sa[::2], sa[:-1], sa["key"], sa[1:2, 3])

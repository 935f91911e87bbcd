# A SparseVector class storing non-zero entries in a dict, with full numeric and container dunders.
class SparseVector:
    def __init__(self, size, entries=None):
        self.size = size
        self.data = {i: v for i, v in (entries or {}).items() if v != 0}

    @classmethod
    def from_list(cls, values):
        return cls(len(values), dict(enumerate(values)))

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if isinstance(i, slice):
            idx = range(*i.indices(self.size))
            return SparseVector(len(idx), {n: self[j] for n, j in enumerate(idx)})
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("SparseVector index out of range")
        return self.data.get(i, 0)

    def __setitem__(self, i, v):
        if not 0 <= i < self.size:
            raise IndexError("SparseVector assignment index out of range")
        if v == 0:
            self.data.pop(i, None)
        else:
            self.data[i] = v

    def __iter__(self):
        return (self.data.get(i, 0) for i in range(self.size))

    def _check(self, other):
        if not isinstance(other, SparseVector):
            return False
        if other.size != self.size:
            raise ValueError(f"size mismatch: {self.size} vs {other.size}")
        return True

    def __add__(self, other):
        if not self._check(other):
            return NotImplemented
        out = dict(self.data)
        for i, v in other.data.items():
            out[i] = out.get(i, 0) + v
        return SparseVector(self.size, out)

    def __sub__(self, other):
        return self + (-other)

    def __neg__(self):
        return SparseVector(self.size, {i: -v for i, v in self.data.items()})

    def __mul__(self, k):
        if isinstance(k, SparseVector):
            self._check(k)
            return sum(v * k.data.get(i, 0) for i, v in self.data.items())
        return SparseVector(self.size, {i: v * k for i, v in self.data.items()})

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, SparseVector) and self.size == other.size and self.data == other.data

    def __bool__(self):
        return bool(self.data)

    def __abs__(self):
        return sum(v * v for v in self.data.values()) ** 0.5

    def __contains__(self, v):
        return v in self.data.values() or (v == 0 and len(self.data) < self.size)

    def __repr__(self):
        items = ", ".join(f"{i}: {self.data[i]}" for i in sorted(self.data))
        return f"SparseVector({self.size}, {{{items}}})"

a = SparseVector.from_list([0, 3, 0, 0, 4, 0])
b = SparseVector(6, {1: -3, 5: 2})
print(a, b, len(a), list(a))
print(a + b, a - b, -a, a * 2, 3 * b, a * b, abs(a))
print(a[1], a[-2], a[1:5], a[::2], 4 in a, 0 in a, 7 in a, bool(a), bool(a - a))
a[0] = 9
a[1] = 0
print(a, a == SparseVector.from_list([9, 0, 0, 0, 4, 0]), a != b)
for bad in (lambda: a[6], lambda: a + SparseVector(3), lambda: a + 1, lambda: a.__setitem__(10, 1)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([a, b], SparseVector(6)), max(a), sorted(b))

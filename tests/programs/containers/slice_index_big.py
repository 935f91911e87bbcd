# Slice bounds from __index__ that return ints too big for an index clamp by
# their sign, as CPython (they are not an IndexError).
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
l = [1, 2, 3]
print(l[:I(2**70)], l[I(-2**70):], l[::I(2**70)], "abc"[I(2**70):], (1,2)[:I(-2**70)])
l[:I(2**70)] = [9]
print(l)
print(range(10)[:I(2**70)], range(10)[I(-2**70):I(3)])

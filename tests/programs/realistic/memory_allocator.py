# A first-fit / best-fit memory allocator simulation with coalescing and fragmentation stats.
class OutOfMemory(Exception):
    pass

class Allocator:
    def __init__(self, size, strategy="first"):
        self.size = size
        self.free = [(0, size)]
        self.used = {}
        self.strategy = strategy
        self.next_handle = 1

    def malloc(self, n):
        if n <= 0:
            raise ValueError("size must be positive")
        candidates = [(i, blk) for i, blk in enumerate(self.free) if blk[1] >= n]
        if not candidates:
            raise OutOfMemory(f"cannot allocate {n} bytes (largest free block {max((b[1] for b in self.free), default=0)})")
        if self.strategy == "best":
            i, (start, length) = min(candidates, key=lambda c: (c[1][1], c[1][0]))
        else:
            i, (start, length) = candidates[0]
        if length == n:
            self.free.pop(i)
        else:
            self.free[i] = (start + n, length - n)
        h = self.next_handle
        self.next_handle += 1
        self.used[h] = (start, n)
        return h

    def release(self, h):
        start, n = self.used.pop(h)
        self.free.append((start, n))
        self.free.sort()
        merged = []
        for s, l in self.free:
            if merged and merged[-1][0] + merged[-1][1] == s:
                merged[-1] = (merged[-1][0], merged[-1][1] + l)
            else:
                merged.append((s, l))
        self.free = merged

    def map(self):
        cells = ["."] * self.size
        for h, (s, n) in self.used.items():
            for k in range(s, s + n):
                cells[k] = chr(ord("A") + (h - 1) % 26)
        return "".join(cells)

    def fragmentation(self):
        total = sum(l for _, l in self.free)
        return 0.0 if not total else round(1 - max(l for _, l in self.free) / total, 3)

for strategy in ("first", "best"):
    a = Allocator(48, strategy)
    handles = {}
    ops = [("alloc", "a", 8), ("alloc", "b", 10), ("alloc", "c", 4), ("alloc", "d", 5), ("alloc", "e", 3),
           ("free", "b"), ("free", "d"), ("alloc", "f", 4), ("alloc", "g", 9), ("alloc", "h", 6),
           ("free", "c"), ("alloc", "i", 12), ("alloc", "j", 20), ("free", "a"), ("free", "e")]
    print(f"strategy: {strategy}")
    for op in ops:
        try:
            if op[0] == "alloc":
                handles[op[1]] = a.malloc(op[2])
                what = f"alloc {op[1]}={op[2]:2}"
            else:
                a.release(handles.pop(op[1]))
                what = f"free  {op[1]}   "
        except OutOfMemory as e:
            what = f"FAIL  {op[1]}={op[2]:2}"
            print(f"  {what} | {e}")
            continue
        print(f"  {what} | {a.map()} | frag={a.fragmentation()}")
    print("  free list:", a.free)
try:
    Allocator(4).malloc(0)
except ValueError as e:
    print("ValueError:", e)

# A hand-written open-addressing hash table using the built-in hash() (deterministic under PYTHONHASHSEED=0).
class HashTable:
    _DELETED = object()

    def __init__(self, capacity=8):
        self.slots = [None] * capacity
        self.used = 0
        self.probes = 0

    def _index(self, key):
        mask = len(self.slots) - 1
        i = hash(key) & mask
        first_deleted = None
        perturb = hash(key) & 0xFFFFFFFFFFFFFFFF
        while True:
            self.probes += 1
            slot = self.slots[i]
            if slot is None:
                return (first_deleted if first_deleted is not None else i), False
            if slot is self._DELETED:
                if first_deleted is None:
                    first_deleted = i
            elif slot[0] == key:
                return i, True
            perturb >>= 5
            i = (i * 5 + 1 + perturb) & mask

    def __setitem__(self, key, value):
        i, found = self._index(key)
        if not found:
            self.used += 1
        self.slots[i] = (key, value)
        if self.used * 3 >= len(self.slots) * 2:
            self._resize(len(self.slots) * 4)

    def __getitem__(self, key):
        i, found = self._index(key)
        if not found:
            raise KeyError(key)
        return self.slots[i][1]

    def __delitem__(self, key):
        i, found = self._index(key)
        if not found:
            raise KeyError(key)
        self.slots[i] = self._DELETED
        self.used -= 1

    def __contains__(self, key):
        return self._index(key)[1]

    def __len__(self):
        return self.used

    def _resize(self, n):
        old = [s for s in self.slots if s is not None and s is not self._DELETED]
        self.slots = [None] * n
        self.used = 0
        for k, v in old:
            self[k] = v

    def keys(self):
        return [s[0] for s in self.slots if s is not None and s is not self._DELETED]

    def layout(self):
        return "".join("." if s is None else "x" if s is self._DELETED else "#" for s in self.slots)

t = HashTable()
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
for i, w in enumerate(words):
    t[w] = i
    print(f"{w:8} size={len(t):2} cap={len(t.slots):3} {t.layout()}")
print(t.keys())
print(t["gamma"], "mu" in t, "nu" in t, len(t))
for w in ["beta", "eta", "mu"]:
    del t[w]
print(t.keys(), len(t))
try:
    t["beta"]
except KeyError as e:
    print("KeyError:", e)
t["beta"] = 100
print(t["beta"], t.keys().index("beta"), len(t))
nums = HashTable()
for n in [0, 1, 8, 16, 64, -1, -2, 2**61 - 1, 2**61, 1.5, (1, 2)]:
    nums[n] = str(n)
print(nums.keys(), nums.probes)
print([hash(k) % 64 for k in ["alpha", "beta", "gamma"]], [hash(k) & 7 for k in words[:6]])

# A Bloom filter using salted built-in string hashes (deterministic under PYTHONHASHSEED=0).
class BloomFilter:
    def __init__(self, bits, hashes):
        self.bits = bits
        self.hashes = hashes
        self.array = 0
        self.count = 0

    def _positions(self, item):
        return [hash(f"{salt}:{item}") % self.bits for salt in range(self.hashes)]

    def add(self, item):
        for p in self._positions(item):
            self.array |= 1 << p
        self.count += 1

    def __contains__(self, item):
        return all(self.array >> p & 1 for p in self._positions(item))

    def fill_ratio(self):
        return bin(self.array).count("1") / self.bits

    def expected_fp(self):
        return (1 - (1 - 1 / self.bits) ** (self.hashes * self.count)) ** self.hashes

bf = BloomFilter(256, 3)
members = [f"user{i}" for i in range(0, 60, 2)]
for m in members:
    bf.add(m)
print(bf.count, "items,", f"{bf.fill_ratio():.3f} fill, expected fp {bf.expected_fp():.4f}")
print(all(m in bf for m in members))
probes = [f"user{i}" for i in range(1, 200, 2)]
false_positives = [p for p in probes if p in bf]
print(len(false_positives), "false positives out of", len(probes), false_positives[:8])
print(bf._positions("user0"), bf._positions("hello"))
print(hex(bf.array)[:40])
for bits, k in [(64, 1), (64, 4), (1024, 2), (1024, 7)]:
    f = BloomFilter(bits, k)
    for m in members:
        f.add(m)
    fp = sum(p in f for p in probes)
    print(f"bits={bits:5} k={k} fill={f.fill_ratio():.3f} fp={fp:3} expected={f.expected_fp():.3f}")

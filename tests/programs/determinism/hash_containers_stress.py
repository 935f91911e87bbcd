# More hashes: strings built at runtime, ints around 2**61-1 multiples, float integral equivalence.
M = (1 << 61) - 1
for k in range(-3, 4):
    v = k * M
    print(k, hash(v), hash(v + 1), hash(v - 1))
for e in [60, 61, 62, 63, 64, 65, 120, 121, 122, 200]:
    print(e, hash(2**e), hash(-(2**e)), hash(float(2**e)) == hash(2**e))
print(hash(-1) == hash(-2), hash(-1), hash(-2), hash(-1.0))
for f in [0.25, 0.125, 1e-10, 12345.678, -1e300, 2.5e-8, 1 / 7]:
    print(f, hash(f))
built = ""
for ch in "incremental":
    built += ch
    print(built, hash(built))
print(hash("a" * 1000), hash("é" * 500), hash("日" * 300), hash("😀" * 200))
print(hash(("a", "b")), hash((1, "a", 2.5, (False, True))), hash(((),)))
print(hash(b"bytes"), hash(b""), hash(b"\x00\xff"))
print(hash(range(3)) if False else "range skipped", hash(frozenset({"a", "b", "c"})))

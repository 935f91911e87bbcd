# hash() of ints, floats, bools, None-free numeric values and tuples/frozensets.
M = 2**61 - 1
ints = [0, 1, -1, -2, 2, 42, -42, 2**31, 2**32, 2**60, 2**61 - 2, M, M + 1, 2 * M, 3 * M + 5, -M, -(M + 1),
        2**62, 2**63, 2**64, 2**100, -(2**100), 10**30, -(10**30) + 7, 123456789012345678901234567890]
for i in ints:
    print(i, hash(i))
floats = [0.0, -0.0, 0.5, 1.5, -2.25, 1.0, 2.0, -1.0, 1e100, 1e-100, 3.141592653589793, 0.1, 1e16, 2.0**61,
          2.0**62, -2.0**80, 123.456, float("inf"), float("-inf"), 1 / 3, 5e-324, 1.7976931348623157e308]
for f in floats:
    print(f, hash(f))
print(hash(True), hash(False), hash(1.0) == hash(1), hash(2.0**70) == hash(2**70), hash(-0.5))
tuples = [(), (1,), (1, 2), (2, 1), (1, 2, 3), ("a", 1), (("nested",), 2.5), (0, 0),
          (1, (2, (3, (4,)))), ("x", "y", "z"), (-1,), (-1, -1), (1.5, "é")]
for t in tuples:
    print(t, hash(t))
fs = [frozenset(), frozenset([1]), frozenset([1, 2]), frozenset([2, 1]), frozenset("abc"), frozenset([(1, 2), 3])]
for f in fs:
    print(sorted(f, key=repr), hash(f))
print(hash(complex(1, 2)), hash(1j), hash(complex(3, 0)) == hash(3))

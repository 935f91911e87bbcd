# Sorting and min/max over bools mixed with ints, alone and first in tuples
# (keys such as `(x == y, n)`): bools are the ints 0 and 1, and the sort is
# stable between equal ones.
vals = [True, 0, False, 1, -1, True, 2, False, 1]
print(sorted(vals))
print([type(v).__name__ for v in sorted(vals)])
print(sorted(vals, reverse=True))
print(min(vals), max(vals), min(True, 1), max(1, True), max(False, 0))

rows = [(i % 3 == 0, i % 2 == 0, -i, i) for i in range(12)]
rows.sort()
print(rows)
print(sorted(rows, key=lambda r: (r[1], r[0])))
print(sorted([(True, "b"), (1, "a"), (False, "c"), (0, "d")]))
print(True < 2, 1 < True, False < True, True < True, -1 < False)

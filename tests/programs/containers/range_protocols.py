# range's protocols (truth, in, [], repr, ==, hash) on small and big bounds, and slices.
small, big, empty_big = range(2, 20, 3), range(10**20, 10**20 + 30, 7), range(10**20, 0)
for r in (small, big, empty_big, range(0), range(5, 0, -1)):
    print(repr(r), bool(r), len(r))
print(5 in small, 8 in small, 9 in small, 2.0 in small, 8.0 in small, 10**20 in small)
print(10**20 in big, 10**20 + 7 in big, 10**20 + 1 in big, True in range(2), "a" in small)
print(small[0], small[-1], small[2:5], small[::-1], big[1], big[-1], big[1:3])
try:
    small[10]
except IndexError as e:
    print("IndexError:", e)
try:
    small["x"]
except TypeError as e:
    print("TypeError:", e)
print(small == range(2, 21, 3), range(0) == range(5, 5), hash(range(0)) == hash(range(3, 3)))
print(repr(slice(1, 2)), repr(slice(None, -1, "s")), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))

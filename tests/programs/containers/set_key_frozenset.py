# A set used as a key of another set is looked up as the equal frozenset (in,
# discard and remove); other unhashable keys raise.
s = {frozenset({1, 2}), frozenset(), 3}
print({1, 2} in s, {2, 1} in s, set() in s, {9} in s, 3 in s)
s.discard({1, 2})
print(sorted(map(len, (x for x in s if isinstance(x, frozenset)))), len(s))
s.remove(set())
print(len(s))
try:
    s.remove({7})
except KeyError as e:
    print("KeyError", e)
for bad in ([1], {1: 2}):
    for op in ("in", "discard", "remove"):
        try:
            if op == "in":
                bad in s
            else:
                getattr(s, op)(bad)
        except TypeError as e:
            print(op, e)
fs = frozenset(s)
print({3} in fs, 3 in fs)

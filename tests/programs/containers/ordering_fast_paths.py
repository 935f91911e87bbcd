# Ordering of numbers, strs and tuples (the no-Python-code fast path of sort keys
# and min/max, and its fallbacks), sorted/min/max with tuple and str keys.
vals = [0, 1, -1, 1.5, float("nan"), True, "a", "ab", "b", "é", "€", (), (1,), (1, 2), (1, "a"), (1, "b"), ("a", 1), ("a", 2.0), (1.0, "a"), ((1, 2), 3), ((1, 3), 0), (float("nan"),), (1, None), (1, [1])]
out = []
for a in vals:
    for b in vals:
        try:
            out.append(a < b)
        except TypeError as e:
            out.append(str(e))
print(out)
class K(tuple): pass
class S(str):
    def __lt__(self, o): print("S.lt"); return True
print(max([(1, "b"), (1, "a"), (0, "z")]), min(["b", "a", "c"]))
print(sorted([(2, "x"), (1, "y"), (1, "x"), (2, "a")]), sorted(["é", "e", "€", "z"]))
print(sorted([(1, S("b")), (1, S("a"))]))
print(max([(1, 2), (1, 2.5), (1, 2)]), sorted({"b": 2, "a": 2, "c": 1}.items(), key=lambda kv: (-kv[1], kv[0])))

# dict: insertion order, views, get/setdefault/pop/popitem/update/copy/fromkeys, |, |=, KeyError.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d, 1 in d)
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append(1)
print(d.pop("new"), d.pop("missing", "dflt"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    d["nokey"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"x": 1, "b": 0})
d.update(y=2)
d.update([("z", 3)])
print(d)
cp = d.copy()
cp["x"] = "changed"
print(d["x"], cp["x"])
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([("k", "v")]), dict(zip("xy", (1, 2))))
e = {"a": 1, "b": 2}
f = {"b": 3, "c": 4}
print(e | f, f | e, e)
e |= f
print(e)
e |= [("d", 5)]
print(e)
keys = e.keys()
vals = e.values()
items = e.items()
e["late"] = 0
print(keys, vals, items)
print(keys & {"a", "c", "q"} == {"a", "c"}, "a" in keys, ("a", 1) in items, 5 in vals)
del e["a"]
print(list(e), e == {"b": 3, "c": 4, "d": 5, "late": 0}, {1: 2} == {1: 2.0})
try:
    {}.popitem()
except KeyError as e2:
    print("KeyError:", e2)
try:
    for k in e:
        e["boom"] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
print({1: "int", 1.0: "float", True: "bool"}, {"k": 1, "k": 2})
sq = {n: n * n for n in range(6) if n % 2}
print(sq, sorted(sq.items(), key=lambda kv: -kv[1]))
m = {}
m[3] = "c"
m[1] = "a"
m[2] = "b"
del m[1]
m[1] = "a again"
print(m, list(m.items())[0], next(iter(m)), reversed(m) is not None and list(reversed(m)))
print(dict(sorted({"z": 1, "a": 2}.items())), {**{"a": 1}, **{"b": 2}, "c": 3}, dict({"a": 1}, b=2))
print(len({}), bool({}), bool({0: 0}), {}.get(1, "none"), str({"a": [1, {"b": None}]}))

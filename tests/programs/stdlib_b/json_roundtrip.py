import json

data = {
    "name": "Widget", "price": 19.99, "qty": 3, "ok": True, "none": None,
    "tags": ["a", "b"], "ratio": 1 / 3, "big": 10 ** 20, "neg": -0.0, "sci": 1e-7,
    "exp": 1e22, "f": 100.0, "nested": {"z": [1, [2, [3, {}]]], "a": []},
    "unicode": "héllo wörld ✓ 😀", "ctrl": "tab\there\nnl \"q\" back\\slash \x01 \x7f",
}
s = json.dumps(data)
print(s)
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, {"a": [], "b": {}}, "x"], indent="\t"))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")), json.dumps([1, 2], indent=0))
print(json.dumps({3: "int", 1.5: "float", True: "t", None: "n", "s": "str"}))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]), json.dumps(3.0), json.dumps(2.5e-300))
print(json.dumps((1, 2)), json.dumps("x"), json.dumps(None), json.dumps("\u2028\ud7ff"), json.dumps(0.1 + 0.2))
back = json.loads(s)
print(back == data, back["unicode"], back["big"], type(back["f"]).__name__, back["neg"])
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": "\\u00e9\\ud83d\\ude00\\n"}'))
print(json.loads(" [ ] "), json.loads("{}"), json.loads('"x"'), json.loads("12"), json.loads("-0"), json.loads("1E3"), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads('{"a": 1, "a": 2}'), json.loads(b'{"k": "v"}'), json.loads('[1.5]', parse_float=str), json.loads("[7]", parse_int=float))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")


def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


doc = json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, default=encode)
print(doc)
obj = json.loads(doc, object_hook=decode)
print(type(obj["p"]).__name__, obj["p"].x, obj["s"])
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))


class MyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps({"c": 1 + 2j}, cls=MyEncoder), MyEncoder(indent=1).encode([1]))
for bad in [Point(0, 0), {(1, 2): 3}, float("nan")]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(type(e).__name__, e)

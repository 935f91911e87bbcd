# pickle: every protocol, the bytes CPython writes, objects of user classes with
# __getstate__/__setstate__/__reduce__/__slots__, and the errors.
import pickle, io, collections, copyreg

class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __eq__(self, other):
        return type(other) is P and other.x == self.x

class S:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __repr__(self):
        return f"S({self.a}, {self.b})"

class G:
    def __init__(self):
        self.n = 3
        self.cache = {"big": 1}
    def __getstate__(self):
        return {"n": self.n}
    def __setstate__(self, st):
        self.n = st["n"]
        self.cache = "rebuilt"

class R:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (R, (self.v * 2,))

class L(list):
    pass

class D(dict):
    pass

def top():
    return "top"

data = {"ints": [0, 1, -1, 255, 256, 65535, 2**31, -2**31 - 1, 2**100, -2**70],
        "floats": [1.5, -0.0, 1e300], "str": ["", "é", "日本", "a\nb"],
        "bytes": [b"", b"\x00\xff", bytearray(b"ab")], "tuples": [(), (1,), (1, 2), (1, 2, 3, 4)],
        "sets": [{1, 2}, frozenset({3})], "none": [None, True, False], "p": P("a")}
shared = [1, 2]
data["shared"] = [shared, shared]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    s = pickle.dumps(data, protocol=proto)
    back = pickle.loads(s)
    assert back == data, proto
    assert back["shared"][0] is back["shared"][1]
    print(proto, "ok")

for obj in [[1, (2, 3)], "é", 2**100, 1.5, b"\x00\xff", {"a": 1}, (1, "x"), top, len, P]:
    for proto in (0, 2, 4):
        print(proto, pickle.dumps(obj, protocol=proto))

print(pickle.loads(pickle.dumps(S(1, 2))))
try:
    pickle.dumps(S(1, 2), 0)
except TypeError as e:
    print("TypeError:", e)
g = pickle.loads(pickle.dumps(G()))
print(g.n, g.cache)
print(pickle.loads(pickle.dumps(R(5))).v)
l = L([1, 2]); l.tag = "t"
back = pickle.loads(pickle.dumps(l))
print(type(back).__name__, back, back.tag)
d = D(a=1)
print(type(pickle.loads(pickle.dumps(d))).__name__, pickle.loads(pickle.dumps(d)))
print(pickle.loads(pickle.dumps(collections.OrderedDict(a=1, b=2))))
print(pickle.loads(pickle.dumps(collections.Counter("abracadabra"))).most_common(2))
print(pickle.loads(pickle.dumps(collections.deque([1, 2], maxlen=5))))
Pt = collections.namedtuple("Pt", "x y")
globals()["Pt"] = Pt
print(pickle.loads(pickle.dumps(Pt(1, 2))))
rec = []
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[0] is back)

buf = io.BytesIO()
pickle.dump({"k": [1, 2]}, buf)
pickle.dump("second", buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))

def local():
    def inner():
        pass
    return inner

for bad in [lambda: 1, local()]:
    try:
        pickle.dumps(bad)
    except (pickle.PicklingError, AttributeError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
for junk in [b"", b"\x80\x04"]:
    try:
        pickle.loads(junk)
    except Exception as e:
        print(type(e).__name__, e)
print(copyreg.__newobj__ is not None, pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)

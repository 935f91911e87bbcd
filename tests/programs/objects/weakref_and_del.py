import gc
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"

def cb(r):
    print("callback: referent gone, ref dead:", r() is None)

a = Obj("a")
r = weakref.ref(a)
r2 = weakref.ref(a, cb)
print(r() is a, r is weakref.ref(a), r2 is r, weakref.getweakrefcount(a))
print(r == weakref.ref(a), hash(r) == hash(a))
del a
gc.collect()
print("after collect:", r(), r2())

class Res:
    count = 0
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("__del__", self.n)

x = Res(1)
y = Res(2)
del x
gc.collect()
print("x gone")
y = None
gc.collect()
print("y gone")

# cycles
class Node:
    def __init__(self):
        self.other = None
n1, n2 = Node(), Node()
n1.other, n2.other = n2, n1
w = weakref.ref(n1)
del n1, n2
gc.collect()
print("cycle collected:", w() is None)

# WeakValueDictionary
cache = weakref.WeakValueDictionary()
k1, k2 = Obj("k1"), Obj("k2")
cache["one"] = k1
cache["two"] = k2
print(sorted(cache.keys()), len(cache), cache.get("one"))
del k1
gc.collect()
print(sorted(cache.keys()), len(cache), "one" in cache, cache.get("one"))

# WeakKeyDictionary
wk = weakref.WeakKeyDictionary()
ka, kb = Obj("ka"), Obj("kb")
wk[ka] = 1
wk[kb] = 2
print(len(wk), wk[ka])
del ka
gc.collect()
print(len(wk), list(wk.values()))

# WeakSet
ws = weakref.WeakSet()
s1, s2 = Obj("s1"), Obj("s2")
ws.add(s1); ws.add(s2)
print(len(ws), s1 in ws)
del s2
gc.collect()
print(len(ws), list(ws))

# finalize
def bye(name):
    print("finalize:", name)
    return name
o = Obj("fin")
f = weakref.finalize(o, bye, "fin")
print(f.alive)
del o
gc.collect()
print(f.alive, f())
o2 = Obj("fin2")
f2 = weakref.finalize(o2, bye, "fin2")
print(f2(), f2.alive, f2())

# proxy
class P:
    def __init__(self):
        self.v = 5
    def m(self):
        return self.v * 2
p = P()
px = weakref.proxy(p)
print(px.v, px.m())
px.v = 7
print(p.v)
del p
gc.collect()
try:
    px.v
except ReferenceError as e:
    print("ReferenceError:", e)

for bad in (1, "s", [1], (1,), {}, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)

print("done")

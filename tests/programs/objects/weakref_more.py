import gc
import weakref

class C:
    def method(self):
        return 42

c = C()
r = weakref.ref(c)
print(type(r), type(r).__name__, r.__callback__, weakref.ReferenceType is weakref.ref)
wm = weakref.WeakMethod(c.method)
print(wm()(), wm() == c.method, c.method == c.method, c.method != C().method)
def cb(ref):
    print("callback got the dead ref:", ref() is None, ref is r2)
r2 = weakref.ref(c, cb)
print(r2.__callback__ is cb, weakref.getweakrefcount(c) >= 2)
del c
gc.collect()
print(wm(), r())
print(weakref.ref[int], weakref.WeakValueDictionary[str, int])
class Sub(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
o = C()
try:
    Sub(o, None, "t")
except TypeError as e:
    print("TypeError:", e)
s = Sub(o)
s.tag = "t"
print(s() is o, s.tag, isinstance(s, weakref.ref))
# ref equality when dead
a, b = C(), C()
ra, rb = weakref.ref(a), weakref.ref(b)
print(ra == rb, ra != rb)
d = {ra: 1}
print(d[weakref.ref(a)])
del a
gc.collect()
print(ra == weakref.ref(b), ra == ra, d[ra])
dead = weakref.ref(C())
gc.collect()
try:
    hash(dead)
except TypeError as e:
    print("TypeError:", e)
print(repr(dead).endswith("; dead>"))

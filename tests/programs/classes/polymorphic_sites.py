# Attribute loads, method loads and stores at one instruction site seeing many
# classes (the interpreter's per-site caches), instance attributes shadowing
# methods and class attributes, attributes added in different orders, and
# classes changed while sites remember them.


def make_classes(n):
    classes = []
    for i in range(n):
        def tag(self, i=i):
            return "tag%d" % i
        cls = type("C%d" % i, (), {"tag": tag, "shared": i * 10, "kind": "class%d" % i})
        classes.append(cls)
    return classes


def fill(obj, i):
    # Different insertion orders per class, so position hints differ.
    if i % 3 == 0:
        obj.x = i
        obj.y = i + 1
    elif i % 3 == 1:
        obj.y = i + 1
        obj.x = i
    else:
        obj.pad = None
        obj.y = i + 1
        obj.x = i
    return obj


def site_load(o):
    return o.x, o.y, o.shared, o.tag()


def site_store(o, v):
    o.x = v


classes = make_classes(9)
objs = [fill(c(), i) for i, c in enumerate(classes)]
for rnd in range(3):
    out = []
    for o in objs:
        out.append(site_load(o))
        site_store(o, o.x + 100)
    print(rnd, out)

# An instance attribute named like the method shadows it, at a warm site.
objs[4].tag = lambda: "instance tag"
objs[7].shared = "own shared"
print([site_load(o) for o in objs])

# The class changes: every site must see the new value.
classes[2].shared = "changed"
classes[5].tag = lambda self: "new tag"
print([site_load(o) for o in objs])
del objs[4].tag
print([o.tag() for o in objs])


# Many attributes: names the filter has not seen, and ones it has.
class Wide:
    def method(self):
        return "method"


w = Wide()
for k in range(14):
    setattr(w, "a%d" % k, k)
for _ in range(3):
    print(w.method(), w.a0, w.a13, getattr(w, "a7"), hasattr(w, "method2"))
w.method = "shadow"
print(w.method)
print(sorted(vars(w))[:3], len(vars(w)))
w.__dict__["late"] = 1
print(w.late, w.a5)


# An attribute whose name is built at run time (not interned like the source's).
class Dyn:
    def value(self):
        return "method value"


d = Dyn()
name = "".join(["val", "ue"])
setattr(d, name, "instance value")
for _ in range(2):
    print(d.value)
del d.value
print(d.value())

# Subclasses sharing the base's methods through one site.
class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


subs = [type("S%d" % i, (Base,), {}) for i in range(6)]
print(sum(s(i).get() for i, s in enumerate(subs * 50)))


# Method loads on built-in containers and their subclasses at one site.
class MyList(list):
    def count(self, x):
        return "overridden count of %r" % (x,)


class PlainSub(list):
    pass


def count_site(o, x):
    return o.count(x)


def copy_site(o):
    return o.copy()


receivers = [[1, 2, 1], (1, 1, 1), "a1b1", MyList([1]), PlainSub([1, 1]), b"\x01\x01", bytearray(b"\x01")]
for _ in range(2):
    print([count_site(o, 1 if not isinstance(o, str) else "1") for o in receivers])
ps = PlainSub([1])
ps.count = lambda x: "instance count"
print(count_site(ps, 1), count_site([1], 1))
for o in [[1], {"a": 1}, {1, 2}, bytearray(b"x"), MyList([2])]:
    print(type(o).__name__, copy_site(o))
print(count_site.__name__, [s.upper() for s in ["a", "b"]], "-".join(x.strip() for x in [" a ", "b "]))

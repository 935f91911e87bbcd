# Native recursion over nested containers counts against the recursion limit:
# repr/str, comparisons and `in` of structures nested deeper than it raise
# RecursionError (as CPython), cycles print as [...], and hashing deep tuples works.


def attempt(label, f):
    try:
        r = f()
    except RecursionError as e:
        print(label, "->", "RecursionError", e)
    else:
        print(label, "->", r)


def nest(n, make):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x


deep_list = nest(200000, lambda x: [] if x is None else [x])
deep_list2 = nest(200000, lambda x: [] if x is None else [x])
attempt("repr(deep list)", lambda: len(repr(deep_list)))
attempt("str(deep list)", lambda: len(str(deep_list)))
attempt("deep list == deep list2", lambda: deep_list == deep_list2)
attempt("deep list < deep list2", lambda: deep_list < deep_list2)
attempt("deep list in [deep list2]", lambda: deep_list in [deep_list2])
attempt("[] in deep list", lambda: [] in deep_list)
attempt("deep list == itself", lambda: deep_list == deep_list)
attempt("sorted deep lists", lambda: len(sorted([deep_list, deep_list2])))

deep_tuple = nest(100000, lambda x: () if x is None else (x,))
deep_tuple2 = nest(100000, lambda x: () if x is None else (x,))
attempt("repr(deep tuple)", lambda: len(repr(deep_tuple)))
attempt("deep tuple == deep tuple2", lambda: deep_tuple == deep_tuple2)
attempt("hash(deep tuple) == hash(deep tuple2)", lambda: hash(deep_tuple) == hash(deep_tuple2))
attempt("dict lookup with deep tuple", lambda: {deep_tuple: 1}.get(deep_tuple))
attempt("dict lookup with equal deep tuple", lambda: {deep_tuple: 1}.get(deep_tuple2))

deep_dict = nest(100000, lambda x: {} if x is None else {"k": x})
deep_dict2 = nest(100000, lambda x: {} if x is None else {"k": x})
attempt("repr(deep dict)", lambda: len(repr(deep_dict)))
attempt("deep dict == deep dict2", lambda: deep_dict == deep_dict2)

fs1 = nest(3000, lambda x: frozenset() if x is None else frozenset([x]))
fs2 = nest(3000, lambda x: frozenset() if x is None else frozenset([x]))
attempt("str(deep frozenset)", lambda: len(str(fs1)))
attempt("deep frozenset == deep frozenset2", lambda: fs1 == fs2)

# Two distinct self-referential lists.
a = []
a.append(a)
b = []
b.append(b)
attempt("a == b", lambda: a == b)
attempt("a != b", lambda: a != b)
attempt("a < b", lambda: a < b)
attempt("a in [b]", lambda: a in [b])
attempt("a == a", lambda: a == a)
attempt("repr(a)", lambda: repr(a))
attempt("str([a, a])", lambda: str([a, a]))
d = {}
d[1] = d
attempt("repr(d)", lambda: repr(d))
attempt("repr(d.values())", lambda: repr(d.values()))

# Shallow structures are unaffected.
medium = nest(300, lambda x: [] if x is None else [x, 1])
medium2 = nest(300, lambda x: [] if x is None else [x, 1])
attempt("repr(medium)", lambda: len(repr(medium)))
attempt("medium == medium2", lambda: medium == medium2)
t500 = nest(500, lambda x: () if x is None else (x, 7))
t500b = nest(500, lambda x: () if x is None else (x, 7))
attempt("t500 == t500b", lambda: t500 == t500b)
attempt("hash(t500) == hash(t500b)", lambda: hash(t500) == hash(t500b))
attempt("repr of wide list", lambda: len(repr([[i, (i, str(i))] for i in range(10000)])))


class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return f"Node({self.child!r})"

    def __eq__(self, other):
        return isinstance(other, Node) and self.child == other.child


chain = nest(5000, lambda x: Node([]) if x is None else Node([x]))
chain2 = nest(5000, lambda x: Node([]) if x is None else Node([x]))
# Python frames and native levels share the limit (which check fires first, and so
# the message, depends on the exact counting; only the type is shown).
for label, f in [("repr of user chain", lambda: repr(chain)),
                 ("user chain == user chain2", lambda: chain == chain2)]:
    try:
        f()
    except RecursionError:
        print(label, "->", "RecursionError")
short = nest(100, lambda x: Node([]) if x is None else Node([x]))
short2 = nest(100, lambda x: Node([]) if x is None else Node([x]))
attempt("repr of short user chain", lambda: len(repr(short)))
attempt("short user chain == short user chain2", lambda: short == short2)
print("done")

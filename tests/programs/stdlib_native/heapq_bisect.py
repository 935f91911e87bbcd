# heapq and bisect through the native _heapq/_bisect: results, the order of equal
# items and of comparisons, user __lt__, errors.
import heapq
import bisect
import random


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


rng = random.Random(3)
data = [rng.randrange(50) for _ in range(300)]

h = []
for x in data:
    heapq.heappush(h, x)
print("heap invariant", all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h)))
print("pops", [heapq.heappop(h) for _ in range(20)])
h2 = list(data)
heapq.heapify(h2)
print("heapify", h2[:15])
big = [rng.random() for _ in range(6000)]
h3 = list(big)
heapq.heapify(h3)
print("heapify big", [round(x, 6) for x in h3[:8]], sorted(big)[:3] == [heapq.heappop(h3) for _ in range(3)])
print("heapreplace", heapq.heapreplace(h2, 100), h2[:5])
print("heappushpop small", heapq.heappushpop(h2, -1), h2[:3])
print("heappushpop big", heapq.heappushpop(h2, 1000), h2[:3])
print("heappushpop empty", heapq.heappushpop([], 5))
print("nlargest", heapq.nlargest(5, data), heapq.nlargest(3, data, key=lambda v: -v))
print("nsmallest", heapq.nsmallest(5, data), heapq.nsmallest(4, [(v % 7, i) for i, v in enumerate(data)]))
print("merge", list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 11])))
print("merge key reverse", list(heapq.merge([9, 4, 1], [10, 3], key=lambda v: v, reverse=True)))
m = []
heapq._heapify_max(m)
mx = list(data[:40])
heapq._heapify_max(mx)
print("max heap", mx[:6], heapq._heappop_max(mx), heapq._heapreplace_max(mx, -5), mx[:4])

# Equal keys: the order of (priority, seq) pairs and stability as CPython's.
tasks = []
for i, p in enumerate([3, 1, 3, 2, 1, 3, 2]):
    heapq.heappush(tasks, (p, i, "t%d" % i))
print("tasks", [heapq.heappop(tasks)[2] for _ in range(len(tasks))])


# Comparisons are user code: the calls, in order.
class Logged:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Logged.log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return "L%d" % self.v


lh = [Logged(v) for v in [5, 3, 8, 1, 9, 2]]
heapq.heapify(lh)
heapq.heappush(lh, Logged(0))
heapq.heappop(lh)
print("comparisons", Logged.log)
print("logged heap", lh)


class Bad:
    def __lt__(self, other):
        raise ValueError("no order")


show("compare error", lambda: heapq.heapify([Bad(), Bad(), Bad()]))
show("uncomparable", lambda: heapq.heapify([1, "a", 2]))


class Shrinker:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return True


sh = []
sh.extend([Shrinker(sh), Shrinker(sh), Shrinker(sh)])
show("list changed", lambda: heapq.heapify(sh))
show("heappop empty", lambda: heapq.heappop([]))
show("heapreplace empty", lambda: heapq.heapreplace([], 1))
show("heappush tuple", lambda: heapq.heappush((), 1))
show("heappop None", lambda: heapq.heappop(None))
show("heapify str", lambda: heapq.heapify("abc"))
show("heappush args", lambda: heapq.heappush([]))
show("heappop args", lambda: heapq.heappop())
show("heapify kw", lambda: heapq.heapify(x=[]))


class MyList(list):
    pass


ml = MyList([4, 1, 3])
heapq.heapify(ml)
print("list subclass", ml, type(ml).__name__)

# bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print("bisect", x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print("lo hi", bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=-1))
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print("key", bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
ins = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(ins, x)
    bisect.insort_left(ins, x + 0.5)
print("insort", ins)
rk = []
for r in [("x", 3), ("y", 1), ("z", 3), ("w", 2)]:
    bisect.insort_right(rk, r, key=lambda t: t[1])
print("insort key", rk)


class Seq:
    def __init__(self, n):
        self.n = n
        self.inserted = []

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        print("  getitem", i)
        return i * 10

    def insert(self, i, x):
        self.inserted.append((i, x))


s = Seq(8)
print("seq", bisect.bisect_left(s, 35))
bisect.insort(s, 35)
print("seq insert", s.inserted)


class GI(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * -1


print("getitem override", bisect.bisect([1, 2, 3], 2), bisect.bisect(GI([-1, -2, -3]), 2))
show("lo negative", lambda: bisect.bisect_left(a, 1, -1))
show("hi float", lambda: bisect.bisect_left(a, 1, 0, 2.5))
show("lo str", lambda: bisect.bisect_left(a, 1, "x"))
show("hi beyond", lambda: bisect.bisect_left(a, 100, 0, 20))
show("missing x", lambda: bisect.bisect([1]))
show("too many", lambda: bisect.insort([], 1, 0, 1, None))
show("bad kw", lambda: bisect.bisect([1], 1, foo=1))
show("uncomparable", lambda: bisect.bisect([1, 2], "a"))
show("not a sequence", lambda: bisect.bisect(5, 1))
show("insort tuple", lambda: bisect.insort((1, 2), 1))

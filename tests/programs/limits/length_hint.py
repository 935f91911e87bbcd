# list() and tuple() ask the length hint first, as CPython: a hint too large to
# allocate raises MemoryError at once (itertools.repeat with a huge count used to
# iterate forever), and bad hints raise CPython's errors.
import itertools, collections
def t(name, f):
    try:
        r = f()
        print(name, '->', r if not isinstance(r, (list, tuple)) else (type(r).__name__, len(r)))
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(name, '->', type(e).__name__, e)
t("list repeat 10**18", lambda: list(itertools.repeat(0, 10**18)))
t("tuple repeat 10**18", lambda: tuple(itertools.repeat(0, 10**18)))
t("len list repeat 2**62", lambda: len(list(itertools.repeat(1, 2**62))))
t("repeat 2**70", lambda: itertools.repeat(0, 2**70))
t("repeat -2**70", lambda: itertools.repeat(0, -2**70))
t("repeat 1.5", lambda: itertools.repeat(0, 1.5))
t("list repeat 5", lambda: list(itertools.repeat(7, 5)))
t("list repeat -5", lambda: list(itertools.repeat(7, -5)))
t("Counter 2**70", lambda: list(collections.Counter(a=2**70).elements()))
t("Counter small", lambda: sorted(collections.Counter(a=2, b=3, c=0, d=-1).elements()))
t("Counter float", lambda: list(collections.Counter(a=1.5).elements()))
t("list range 10**10", lambda: list(range(10**10)))
t("tuple range 10**10", lambda: tuple(range(10**10)))
t("list range 2**64", lambda: list(range(2**64)))
t("list range iter", lambda: list(iter(range(10**10))))
t("list range 5", lambda: list(range(5)))
class H:
    def __init__(self, n, hint): self.n, self.hint = n, hint
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0: raise StopIteration
        self.n -= 1
        return self.n
    def __length_hint__(self): return self.hint
t("hint 10**18", lambda: list(H(3, 10**18)))
t("hint 2**70", lambda: list(H(3, 2**70)))
t("hint -1", lambda: list(H(3, -1)))
t("hint 1.5", lambda: list(H(3, 1.5)))
t("hint NotImplemented", lambda: list(H(3, NotImplemented)))
t("hint 100 gives 3", lambda: list(H(3, 100)))
t("hint True", lambda: list(H(3, True)))
class L:
    def __len__(self): return 10**18
    def __iter__(self): return iter([1, 2])
t("len 10**18", lambda: list(L()))
class E:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): raise TypeError("nope")
t("hint TypeError", lambda: list(E()))
class V:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): raise ValueError("bad")
t("hint ValueError", lambda: list(V()))
t("list of gen", lambda: list(x for x in range(4)))
t("list map", lambda: list(map(str, range(3))))

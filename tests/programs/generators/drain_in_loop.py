# A generator drained by a native (list, set, sum, any, all, ...) goes on in the
# same loop after each value the native takes: what the generator sees of itself
# and of the values sent, its frame's position, tracebacks, try/finally and with
# blocks, nested drains, and a consumer that stops taking values midway.


def self_aware():
    me = yield "first"
    for i in range(3):
        got = yield (i, me, g.gi_running, g.gi_frame.f_lineno)
        assert got is None
    yield "done"


g = self_aware()
print(list(g))
print(g.gi_frame, g.gi_running)


class Log:
    def __init__(self):
        self.events = []

    def __enter__(self):
        self.events.append("enter")
        return self

    def __exit__(self, *exc):
        self.events.append(("exit", exc[0].__name__ if exc[0] else None))
        return False


log = Log()


def guarded(n):
    try:
        with log:
            for i in range(n):
                yield i
                if i == 3:
                    raise KeyError(i)
    finally:
        log.events.append("finally")


try:
    sum(guarded(10))
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("KeyError", e, names)
print(log.events)
log.events.clear()
print(list(guarded(3)), log.events)

# nested drains
print(sum(sum(j for j in range(i)) for i in range(6)))
print(list(list(c for c in w) for w in ["ab", "", "cde"]))
print(sorted(set(x % 4 for x in (y * 3 for y in range(20)))))
print(all(any(v > 2 for v in row) for row in [[1, 3], [4], [0, 9]]))


# set() stops draining at a value whose hash runs Python code
class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash", self.v)
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v


def mixed():
    for v in [1, 2, K(3), 4, K(3), 5]:
        print("yield", v if not isinstance(v, K) else "K")
        yield v


s = set(mixed())
print(len(s))

# sum() switches to the general path on a value it cannot add natively
print(sum(x for x in [1, 2, 2**63, 3]), sum(x for x in [1, 2.5, 10**20]))
print(sum((x for x in [[1], [2]]), []))

# a generator that raises StopIteration itself is a RuntimeError
def bad():
    yield 1
    raise StopIteration


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


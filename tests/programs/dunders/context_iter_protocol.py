# __enter__/__exit__ and __iter__/__next__ written as classes.
class Range2:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 10
r = Range2(3)
print(list(r), list(r))
for v in Range2(2):
    print("v", v)
it = iter(Range2(5))
print(next(it), next(it), next(it, None))
print(sum(Range2(4)), max(Range2(3)), sorted(Range2(3), reverse=True))
class Resource:
    opened = []
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        Resource.opened.append(self.name)
        print("open", self.name, Resource.opened)
        return self
    def __exit__(self, et, ev, tb):
        Resource.opened.remove(self.name)
        print("close", self.name, "error" if et else "clean")
        return et is KeyError
with Resource("db") as db, Resource("file") as f:
    print("using", db.name, f.name)
with Resource("swallow"):
    raise KeyError("ignored")
try:
    with Resource("propagate"):
        raise ValueError("kept")
except ValueError as e:
    print("propagated", e)
print(Resource.opened)
class Timer:
    def __init__(self):
        self.ticks = 0
    def __enter__(self):
        return self.tick
    def tick(self):
        self.ticks += 1
    def __exit__(self, *a):
        print("ticks:", self.ticks)
        return False
with Timer() as tick:
    for _ in range(7):
        tick()
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)

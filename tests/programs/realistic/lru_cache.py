# An LRU cache built on dict insertion order, used as a memoizing decorator.
class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evictions += 1
        self.data[key] = value

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return f"LRU({list(self.data.items())})"

    def stats(self):
        return f"hits={self.hits} misses={self.misses} evictions={self.evictions}"

c = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print(c)
print(c.get("a"), c)
c.put("d", 4)
print(c, "b" in c)
c.put("c", 30)
print(c)
print(c.get("zzz", "missing"), c.stats(), len(c))

def lru_cache(maxsize):
    def decorator(fn):
        cache = LRUCache(maxsize)
        def wrapper(*args):
            sentinel = object()
            result = cache.get(args, sentinel)
            if result is sentinel:
                result = fn(*args)
                cache.put(args, result)
            return result
        wrapper.cache = cache
        wrapper.__name__ = fn.__name__
        return wrapper
    return decorator

@lru_cache(maxsize=100)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(90), fib.cache.stats())

@lru_cache(maxsize=2)
def slow_square(x):
    print("  computing", x)
    return x * x

for x in [1, 2, 1, 3, 2, 1, 1]:
    print(x, "->", slow_square(x))
print(slow_square.cache, slow_square.cache.stats(), slow_square.__name__)

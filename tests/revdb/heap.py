# A cache that only grows: `heap diff` names the growing types and the line that
# allocates them; `heap path` shows the cache holding a record.
class Record:
    def __init__(self, key, payload):
        self.key = key
        self.payload = payload


_cache = {}


def lookup(key):
    if key not in _cache:
        _cache[key] = Record(key, [key] * 50)
    return _cache[key]


def handle(i):
    tmp = [str(i)] * 5
    r = lookup(i)
    return len(tmp) + len(r.payload)


total = 0
for i in range(300):
    total += handle(i)
print(total)

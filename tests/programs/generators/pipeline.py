# Realistic: a lazy generator pipeline for processing log records.
LOG = """\
2024-01-01 INFO user=alice action=login ms=120
2024-01-01 WARN user=bob action=upload ms=900
2024-01-02 ERROR user=alice action=upload ms=3000
2024-01-02 INFO user=carol action=login ms=80
# comment line
2024-01-03 INFO user=bob action=logout ms=15

2024-01-03 ERROR user=carol action=download ms=2500
2024-01-04 INFO user=alice action=logout ms=20
"""
def read_lines(text):
    for line in text.splitlines():
        yield line
def non_blank(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line
def parse(lines):
    for line in lines:
        date, level, *fields = line.split()
        rec = {"date": date, "level": level}
        for f in fields:
            k, _, v = f.partition("=")
            rec[k] = int(v) if v.isdigit() else v
        yield rec
def where(records, **conds):
    for r in records:
        if all(r.get(k) == v for k, v in conds.items()):
            yield r
def pluck(records, key):
    return (r[key] for r in records)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
records = list(parse(non_blank(read_lines(LOG))))
print(len(records))
for r in records:
    print(r)
print(list(pluck(where(records, level="ERROR"), "user")))
print(sum(pluck(records, "ms")), max(pluck(records, "ms")))
print(list(window(pluck(records, "ms"), 3)))
by_user = {}
for r in records:
    by_user.setdefault(r["user"], []).append(r["action"])
print(by_user)
def running_avg(values):
    total = 0
    for i, v in enumerate(values, 1):
        total += v
        yield round(total / i, 2)
print(list(running_avg(pluck(records, "ms"))))
slow = (r for r in records if r["ms"] > 100)
print(next(slow)["user"], next(slow)["user"], len(list(slow)))

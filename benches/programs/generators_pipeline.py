# bench-group: pure
# Generator pipelines and comprehensions.
# Stresses: generator creation/resumption, yield from, generator expressions,
# list/dict/set comprehensions, zip/enumerate/map/filter, sum/min/max,
# closures, sorted with key, lambdas.


def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x


def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2147483648
        yield x >> 8


def mapped(f, it):
    for x in it:
        yield f(x)


def filtered(pred, it):
    for x in it:
        if pred(x):
            yield x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > size:
            del buf[0]
        if len(buf) == size:
            yield tuple(buf)


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def running_sum(it):
    total = 0
    for x in it:
        total += x
        yield total


def primes():
    # Incremental sieve with a dict of composites.
    composites = {}
    q = 2
    while True:
        if q not in composites:
            yield q
            composites[q * q] = [q]
        else:
            for p in composites[q]:
                composites.setdefault(p + q, []).append(p)
            del composites[q]
        q += 1


def make_scaler(k):
    def scale(x):
        return x * k % 1000003
    return scale


def pipeline_a(n):
    scale = make_scaler(7)
    src = take(n, lcg(12345))
    stage = mapped(scale, src)
    stage = filtered(lambda v: v % 3 != 0, stage)
    stage = windows(stage, 3)
    stage = mapped(lambda w: w[0] ^ w[1] ^ w[2], stage)
    acc = 0
    for s in running_sum(stage):
        acc = (acc + s) % 1000000007
    return acc


def pipeline_b(n):
    total = 0
    for chunk in chunks(take(n, naturals(1)), 64):
        squares = [x * x for x in chunk if x % 2]
        lookup = {x: x % 17 for x in chunk}
        bucket = {v for v in lookup.values()}
        total += sum(squares) % 100003 + len(bucket) + max(lookup.values())
        total += sum(a * b for a, b in zip(chunk, reversed(chunk))) % 997
    return total


def pipeline_c(depth, width):
    def build(d):
        if d == 0:
            return list(range(width))
        return [build(d - 1), d, [d * 2, build(d - 1)]]
    tree = build(depth)
    s = 0
    c = 0
    for v in flatten(tree):
        s += v
        c += 1
    return s, c


def pipeline_d(count):
    ps = list(take(count, primes()))
    gaps = [b - a for a, b in zip(ps, ps[1:])]
    hist = {}
    for g in gaps:
        hist[g] = hist.get(g, 0) + 1
    common = sorted(hist.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    twin = sum(1 for g in gaps if g == 2)
    return ps[-1], common, twin


def main(scale):
    a = pipeline_a(60000 * scale)
    print(f"pipeline a: {a}")
    b = pipeline_b(50000 * scale)
    print(f"pipeline b: {b}")
    cs, cc = pipeline_c(9 + scale // 4, 6)
    print(f"pipeline c: sum={cs} count={cc}")
    last, common, twin = pipeline_d(4000 * scale)
    print(f"pipeline d: last={last} twins={twin} common={common}")
    print(f"checksum: {(a + b + cs + cc + last + twin) % 1000000007}")


main(16)

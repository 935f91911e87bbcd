# bench-group: memory
"""Memory: 10^6 small objects alive at once (instances with two attributes, their
float and int values, plus tuples and short strs), then summed. Peak RSS is what
benches/compare.sh's memory table compares (CPython 3.11: about 200 MB)."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def main(n):
    points = [Point(i * 0.5, i) for i in range(n)]
    pairs = [(i, -i) for i in range(n // 4)]
    names = ["n%d" % i for i in range(n // 4)]
    sx = 0.0
    sy = 0
    for p in points:
        sx += p.x
        sy += p.y
    print("points", len(points), sx, sy)
    print("pairs", len(pairs), sum(a for a, _ in pairs))
    print("names", len(names), sum(len(s) for s in names))
    print("checksum:", (sy + len(names)) % 1000000007)


main(1000000)

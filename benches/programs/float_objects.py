# bench-group: pure
# Float-heavy small objects, after pyperformance's `float` benchmark.
# Stresses: object allocation, float attributes, method calls, float math,
# hand-written sin/cos (no imports), repr of floats via f-string formatting.

PI = 3.141592653589793
TWO_PI = 2.0 * PI


def sin(x):
    # Range-reduce to [-pi, pi] then Taylor series.
    k = int(x / TWO_PI)
    x = x - k * TWO_PI
    if x > PI:
        x -= TWO_PI
    elif x < -PI:
        x += TWO_PI
    x2 = x * x
    term = x
    total = x
    n = 1
    while n < 23:
        term = -term * x2 / ((n + 1) * (n + 2))
        total += term
        n += 2
    return total


def cos(x):
    return sin(x + PI / 2.0)


def sqrt(x):
    return x ** 0.5


class Point(object):
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return f"<Point: x={self.x:.9f}, y={self.y:.9f}, z={self.z:.9f}>"

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


class Vec(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def length(self):
        return sqrt(self.dot(self))


def maximize(points):
    next = points[0]
    for p in points[1:]:
        next = next.maximize(p)
    return next


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


def walk(steps):
    # A damped spiral of freshly allocated Vec objects.
    pos = Vec(0.0, 0.0)
    vel = Vec(1.0, 0.0)
    total = 0.0
    for i in range(steps):
        a = i * 0.001
        turn = Vec(cos(a), sin(a))
        vel = vel.scale(0.999).add(turn.scale(0.001))
        pos = pos.add(vel)
        total += pos.length()
    return pos, total


def main(n, rounds, steps):
    result = None
    for _ in range(rounds):
        result = benchmark(n)
    print(result)
    pos, total = walk(steps)
    print(f"walk: ({pos.x:.6f}, {pos.y:.6f}) total {total:.3f}")
    print(f"checksum: {result.x + result.y + result.z:.12f} {total:.6f}")


main(100000, 4, 80000)

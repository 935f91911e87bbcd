# String formatting corner cases: nested fields in format specs, % formatting of
# floats, str.format with attribute and index lookups, conversions, alignment.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __format__(self, spec):
        if spec == "polar":
            return f"<r={(self.x ** 2 + self.y ** 2) ** 0.5:.3f}>"
        return f"({self.x:{spec}}, {self.y:{spec}})"

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


p = Point(3, 4)
print(f"{p}", f"{p:polar}", f"{p:05.1f}", f"{p!r}", "{0:>6}|{0!r:>14}".format(p, p) if False else "")
print("{0.x}-{0.y} {1[0]}/{1[-1]}".format(p, [10, 20]) if False else "{0.x}-{0.y} {1[0]}/{1[2]}".format(p, [10, 20, 30]))
print("{pt.x} {d[key]} {d[0]} {lst[1]}".format(pt=p, d={"key": "v", 0: "zero"}, lst="ab"))
width, prec = 12, 3
print(f"[{3.14159265:{width}.{prec}f}]", f"[{'left':<{width}}]", f"[{'mid':^{width}}]")
print("[{:{}.{}}]".format(2.718281828, 10, 4), "[{:{w}d}]".format(42, w=6))
print("[{0:*^{1}}]".format("x", 7), "[{:+08.2f}]".format(-3.5), "[{:=+8}]".format(12))
print(format(1234567.891, ","), format(1234567.891, "_.2f"), format(12345678, "_x"), format(255, "#010b"))
print(f"{0.000012345:.3g}", f"{123456789.0:.3g}", f"{1e16:g}", f"{0.1:.20f}", f"{2.5:.0f}", f"{3.5:.0f}")
print(f"{1.0:e}", f"{-0.0:+.2f}", f"{float('inf'):>6}", f"{float('nan'):^7}", f"{1e-7:f}", f"{123.456:%}", f"{0.5:.1%}")
print("%5.2f|%-8.3e|%g|%G|%.0f|%#.0f|%+.1f" % (3.14159, 1234.5, 1e-5, 1e20, 2.5, 2.5, 0.05))
print("%s %r %a" % ("é", "é", "é"), "%5s|%-5s|%.2s" % ("ab", "cd", "efgh"), "%c%c" % (65, "z"))
print("%(a)s+%(b)d=%(c)05.1f" % {"a": "one", "b": 2, "c": 3.0}, "%%", "%x %X %o %#o %#x" % (255, 255, 8, 8, 255))
print("%d %i %d" % (3.99, -3.99, True), "%10.4d|" % 42, "%-+6d|" % 5, "% d" % 7)
print(f"{'nested {braces}'}", f"{{literal}}", "{{}} {}".format(1), f"{'a' 'b'}", f"{3!s:>4}", f"{'x'!a}")
n = 255
print(f"{n:x} {n:o} {n:b} {n:#X} {n:c} {n:08.3f} {n:,d} {-n:+,}")
import math
print(f"{math.pi:.{prec}}", f"{math.pi:10.{prec}e}", f"{math.tau=:.2f}", f"{n = }", f"{n=!r:>5}")
print("{:>10}".format(True), "{:d}".format(True), "{}".format(None), "{!r:^8}".format(None))
print(format("abc", "10"), format(12, ""), format(3.0), format(1e300 * 10), repr(format(0.1 + 0.2, ".17g")))
try:
    "{:d}".format("x")
except ValueError as e:
    print("ValueError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
try:
    "{0[5]}".format([1])
except IndexError as e:
    print("IndexError:", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)

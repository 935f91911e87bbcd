# print with sep, end, file and flush.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print("x", 1, 2.5, None, True, [1], sep=" | ", end=" END\n")
print(*range(5), sep=", ")
print(*[], sep="never")
print("flushed", flush=True)
print("to stdout explicitly", file=sys.stdout)
print(sep=":", end="[empty]\n")
print("multi\nline")
print(1, 2, sep=None, end=None)
words = ["alpha", "beta"]
for i, w in enumerate(words):
    print(w, end=", " if i < len(words) - 1 else "\n")
print("%s has %d items costing %.2f" % ("cart", 3, 9.5))
print("%5s|%-5s|%05d|%x|%o|%e|%r|%%" % ("ab", "cd", 42, 255, 8, 12345.678, "q"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%c%c" % (72, "i"), "%.3s" % "abcdef", "%+d %+d" % (5, -5), "% d" % 7)
print("%s" % [1, 2], "%s" % (1,), "%d%%" % 50, "%i" % 3.9, "%g" % 0.00001)

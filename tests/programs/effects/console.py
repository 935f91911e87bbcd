# Console effects: print, sys.stdout.write/writelines/flush, sys.stderr.write.
import sys

print("hello", "world", sep=", ", end="!\n")
print()
print(1, 2.5, None, [1, "a"], sep="|")
n = sys.stdout.write("written by sys.stdout.write\n")
print("write returned", n)
n = sys.stdout.write("héllo ✓\n")
print("write counts characters:", n)
sys.stdout.writelines(["line 1\n", "line 2\n"])
sys.stdout.flush()
print("to stderr", file=sys.stderr)
m = sys.stderr.write("sys.stderr.write\n")
print("stderr write returned", m)
print("flushed", flush=True)
print(sys.stdout.isatty() in (True, False), sys.stdin.name if hasattr(sys.stdin, "name") else "?")


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


s = Sink()
print("into", "an object", file=s)
print(s.parts)

# sys attributes
print(sys.argv[0].endswith("console.py"), len(sys.argv))
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor >= 0)
print(sys.version_info >= (3, 8), sys.version.startswith("3."))
print(sys.platform, sys.maxsize == 2**63 - 1, isinstance(sys.path, list))
print("sys" in sys.modules, sys.modules["sys"] is sys, type(sys.executable).__name__)
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
sys.exit("bye")

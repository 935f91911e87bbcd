# os and os.path: pure path functions, the filesystem, the environment.
import os
import os.path
from os.path import join, basename, dirname, splitext, normpath, split

print(os.sep, repr(os.linesep), os.name, os.path is os.path, os.curdir, os.pardir)
for p in ["a/b/c.txt", "/", "", "a/", "/usr//lib/", "file", ".bashrc", "a.b/c", "x.tar.gz", "..", "a/../b"]:
    print(repr(p), split(p), basename(p), dirname(p), splitext(p), normpath(p))
print(join("a", "b", "c"), join("/a", "/b", "c"), join("a/", "b"), join("", "x"), join("a", ""))
print(normpath("/a/./b/../../c//d/"), normpath("//x/y"), normpath("///x"), normpath("../../a/.."))
print(os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.abspath("sub/../f.txt") == join(os.getcwd(), "f.txt"))
print(os.path.abspath("/tmp/../etc"))
try:
    join("a", 3)
except TypeError as e:
    print("TypeError:", e)

d = "_os_paths_tmp"
if os.path.exists(d):
    for name in os.listdir(d):
        os.remove(join(d, name))
    os.rmdir(d)
print(os.path.exists(d), os.path.isdir(d))
os.makedirs(join(d, "x", "y"))
os.makedirs(join(d, "x", "y"), exist_ok=True)
try:
    os.makedirs(join(d, "x"))
except FileExistsError as e:
    print("FileExistsError:", e)
try:
    os.mkdir(d)
except FileExistsError as e:
    print("FileExistsError:", e.errno, e.strerror, e.filename)
with open(join(d, "data.txt"), "w") as f:
    f.write("12345")
print(os.path.exists(join(d, "data.txt")), os.path.isfile(join(d, "data.txt")), os.path.isdir(join(d, "data.txt")))
print(os.path.getsize(join(d, "data.txt")), os.path.isdir(join(d, "x")), os.path.isfile(d))
print(sorted(os.listdir(d)))
os.rename(join(d, "data.txt"), join(d, "renamed.txt"))
print(sorted(os.listdir(d)), os.path.exists(join(d, "data.txt")))
try:
    os.rename(join(d, "nope"), join(d, "other"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    os.remove(join(d, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    os.path.getsize(join(d, "nope"))
except OSError as e:
    print(type(e).__name__, e)
try:
    os.listdir(join(d, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
os.remove(join(d, "renamed.txt"))
os.rmdir(join(d, "x", "y"))
os.rmdir(join(d, "x"))
os.rmdir(d)
print(os.path.exists(d))

# The environment.
print("PATH" in os.environ, os.environ.get("REVPY_TEST_SURELY_UNSET"), os.getenv("REVPY_TEST_SURELY_UNSET", "dflt"))
print(os.getenv("PATH") == os.environ["PATH"], isinstance(os.environ.get("PATH"), str))
try:
    os.environ["REVPY_TEST_SURELY_UNSET"]
except KeyError as e:
    print("KeyError:", e)
os.environ["REVPY_TEST_SET"] = "1"
print(os.environ["REVPY_TEST_SET"], os.getenv("REVPY_TEST_SET"), "REVPY_TEST_SET" in os.environ)
del os.environ["REVPY_TEST_SET"]
print("REVPY_TEST_SET" in os.environ, len(os.environ) > 0, all(isinstance(k, str) for k in os.environ))
print(len(os.environ.keys()) == len(os.environ), os.environ.copy() == dict(os.environ.items()))
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)

pid = os.getpid()
print(type(pid).__name__, pid > 0)
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
print(os.path.exists("os_paths.py"), os.path.isfile("os_paths.py"), os.path.isdir("."))
print(os.path.exists("no\0such"), os.path.expanduser("x/~y"))

# pathlib: pure paths (parsing, parts, suffixes, joining, matching, relative_to)
# and concrete paths over the file system in a scratch directory.
import os
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath, PosixPath

p = PurePosixPath("/usr/lib/python3.11/os.tar.gz")
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.anchor, p.root, p.drive)
print(p.parent, list(p.parents), p.parts, p.parents[1], p.parents[-1])
print(p.with_suffix(".txt"), p.with_name("x.y"), p.with_stem("zz"), p.with_suffix(""))
print(p.relative_to("/usr"), p.is_relative_to("/usr/lib"), p.is_relative_to("/etc"))
print(PurePath("a") / "b" / "c.txt", PurePath("a/b").joinpath("c", "d"), "x" / PurePath("y"))
print(PurePath("a", "/b", "c"), PurePath("a//b/./c/"), PurePath(), PurePath("."), PurePath(".."))
print(p.match("*.gz"), p.match("lib/*/*.gz"), p.match("/usr/*.gz"), p.as_posix(), p.as_uri())
print(p.is_absolute(), PurePath("a").is_absolute(), PurePath("/a/b") == PurePosixPath("/a/b"))
print(sorted([PurePath("b"), PurePath("a/c"), PurePath("a")]), PurePath("a") < PurePath("b"))
print(hash(PurePath("x/y")) == hash(PurePath("x//y")), str(PurePath("a/b/")), bytes(PurePath("a")))
w = PureWindowsPath("c:/Windows/System32/x.DLL")
print(w, w.drive, w.root, w.parts, w.suffix, w.as_posix(), w.parent)
print(PureWindowsPath("//server/share/f.txt").anchor, PureWindowsPath("a") == PureWindowsPath("A"))
for bad in [lambda: PurePath("/a").relative_to("/b"), lambda: PurePath("a").with_suffix("x"),
            lambda: PurePath("/").with_name("x"), lambda: PurePath("a") / 3]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

D = Path("_pathlib_tmp")
print(type(D).__name__, isinstance(D, PurePath), isinstance(D, PosixPath), isinstance(D, os.PathLike))
if D.exists():
    for x in sorted(D.rglob("*"), reverse=True):
        x.rmdir() if x.is_dir() else x.unlink()
    D.rmdir()
D.mkdir()
(D / "sub" / "deep").mkdir(parents=True)
(D / "sub").mkdir(exist_ok=True)
try:
    D.mkdir()
except FileExistsError as e:
    print("FileExistsError:", e.errno)
f = D / "notes.txt"
print(f.write_text("alpha\nbeta\n"), f.read_text(), f.read_text().splitlines())
print((D / "data.bin").write_bytes(b"\x00\x01\x02"), (D / "data.bin").read_bytes())
(D / "sub" / "x.py").write_text("print(1)\n")
(D / "sub" / "deep" / "y.py").touch()
print(f.exists(), f.is_file(), f.is_dir(), D.is_dir(), (D / "nope").exists(), f.is_symlink())
print(f.stat().st_size, (D / "sub" / "deep" / "y.py").stat().st_size)
print(sorted(x.name for x in D.iterdir()))
print(sorted(str(x) for x in D.glob("*.txt")), sorted(str(x) for x in D.glob("*/*.py")))
print(sorted(str(x) for x in D.rglob("*.py")), sorted(str(x) for x in D.glob("**/")))
with f.open() as fh:
    print(fh.readline().strip(), fh.read())
with (D / "notes.txt").open("a") as fh:
    fh.write("gamma\n")
print(f.read_text().count("\n"))
g = f.rename(D / "renamed.txt")
print(g, g.exists(), f.exists())
h = g.replace(D / "sub" / "final.txt")
print(h, sorted(p.name for p in (D / "sub").iterdir()))
print(h.resolve() == Path.cwd() / D / "sub" / "final.txt", h.absolute() == Path.cwd() / h)
print(Path("a/../b").resolve() == Path.cwd() / "b", Path.cwd() == Path(os.getcwd()))
(D / "link").symlink_to("sub")
print((D / "link").is_symlink(), (D / "link").is_dir(), (D / "link").readlink(), (D / "link").resolve().name)
print((D / "link" / "final.txt").read_text().startswith("alpha"), (D / "sub").samefile(D / "link"))
print(Path("~").expanduser() == Path(os.path.expanduser("~")), Path.home() == Path(os.path.expanduser("~")))
print(os.fspath(D / "sub"), str(D / "sub"), D.joinpath("q").name, (D / "sub").with_name("other"))
try:
    (D / "missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    (D / "sub").rmdir()
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    (D / "sub").unlink()
except IsADirectoryError as e:
    print("IsADirectoryError:", e.errno)
(D / "missing.txt").unlink(missing_ok=True)
(D / "link").unlink()
for x in sorted(D.rglob("*"), reverse=True):
    x.rmdir() if x.is_dir() else x.unlink()
D.rmdir()
print(D.exists())

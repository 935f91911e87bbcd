# tempfile (names from a seeded-by-urandom Random: not printed) and shutil:
# copyfile/copy/copy2/copytree/move/rmtree/which/disk_usage/get_terminal_size.
import os
import shutil
import stat
import tempfile

print(tempfile.gettempprefix(), os.path.isdir(tempfile.gettempdir()), tempfile.TMP_MAX)
fd, name = tempfile.mkstemp(suffix=".txt", prefix="pre_")
base = os.path.basename(name)
print(type(fd).__name__, base.startswith("pre_"), base.endswith(".txt"), len(base), os.path.isabs(name))
print(oct(stat.S_IMODE(os.stat(name).st_mode)))
os.write(fd, b"mkstemp data")
os.close(fd)
with open(name) as f:
    print(f.read())
os.unlink(name)

d = tempfile.mkdtemp(prefix="dir_")
print(os.path.isdir(d), os.path.basename(d).startswith("dir_"), oct(stat.S_IMODE(os.stat(d).st_mode)))
os.rmdir(d)

with tempfile.TemporaryDirectory(suffix="_td") as td:
    print(os.path.isdir(td), td.endswith("_td"), os.listdir(td))
    src = os.path.join(td, "src.txt")
    with open(src, "w") as f:
        f.write("source text\n")
    os.chmod(src, 0o640)
    os.utime(src, (1000000000, 1100000000))
    print(shutil.copyfile(src, os.path.join(td, "cf.txt")) == os.path.join(td, "cf.txt"))
    os.mkdir(os.path.join(td, "dir"))
    print(shutil.copy(src, os.path.join(td, "dir")) == os.path.join(td, "dir", "src.txt"))
    shutil.copy2(src, os.path.join(td, "c2.txt"))
    for n in ("cf.txt", "dir/src.txt", "c2.txt"):
        st = os.stat(os.path.join(td, n))
        print(n, oct(stat.S_IMODE(st.st_mode)) if n != "cf.txt" else "-", st.st_mtime if n == "c2.txt" else "-")
    with open(os.path.join(td, "dir", "src.txt")) as f:
        print(repr(f.read()))
    os.makedirs(os.path.join(td, "tree", "a", "b"))
    for n in ("tree/top.txt", "tree/a/mid.txt", "tree/a/b/low.log", "tree/a/b/low.txt"):
        with open(os.path.join(td, n), "w") as f:
            f.write(n)
    shutil.copytree(os.path.join(td, "tree"), os.path.join(td, "tree2"),
                    ignore=shutil.ignore_patterns("*.log"))
    print(sorted((os.path.relpath(r, td), sorted(fs)) for r, ds, fs in os.walk(os.path.join(td, "tree2"))))
    try:
        shutil.copytree(os.path.join(td, "tree"), os.path.join(td, "tree2"))
    except FileExistsError as e:
        print("FileExistsError:", e.errno)
    shutil.copytree(os.path.join(td, "tree"), os.path.join(td, "tree2"), dirs_exist_ok=True)
    print(sorted(os.listdir(os.path.join(td, "tree2", "a", "b"))))
    print(os.path.relpath(shutil.move(os.path.join(td, "tree2"), os.path.join(td, "moved")), td))
    print(os.path.relpath(shutil.move(os.path.join(td, "c2.txt"), os.path.join(td, "dir")), td))
    print(sorted(os.listdir(td)), sorted(os.listdir(os.path.join(td, "dir"))))
    shutil.rmtree(os.path.join(td, "moved"))
    print(os.path.exists(os.path.join(td, "moved")))
    try:
        shutil.rmtree(os.path.join(td, "nothing"))
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.errno)
    shutil.rmtree(os.path.join(td, "nothing"), ignore_errors=True)
    seen = []
    shutil.rmtree(os.path.join(td, "nothing"), onerror=lambda f, p, e: seen.append((f.__name__, e[0].__name__)))
    print(seen)
    try:
        shutil.copyfile(src, src)
    except shutil.SameFileError as e:
        print("SameFileError")
    try:
        shutil.copyfile(os.path.join(td, "absent"), os.path.join(td, "x"))
    except FileNotFoundError as e:
        print("FileNotFoundError:", os.path.basename(e.filename))
    try:
        shutil.copyfile(src, os.path.join(td, "no_dir", "x"))
    except FileNotFoundError as e:
        print("FileNotFoundError:", os.path.relpath(e.filename, td))
print(os.path.exists(td))

with tempfile.NamedTemporaryFile("w+", suffix=".log") as nf:
    nf.write("named\n")
    nf.flush()
    nf.seek(0)
    print(nf.read(), os.path.exists(nf.name), nf.name.endswith(".log"), nf.delete)
print(os.path.exists(nf.name))
nf = tempfile.NamedTemporaryFile(delete=False)
nf.write(b"kept")
nf.close()
with open(nf.name, "rb") as f:
    print(f.read())
os.unlink(nf.name)
with tempfile.TemporaryFile() as tf:
    tf.write(b"anonymous")
    tf.seek(0)
    print(tf.read())
with tempfile.SpooledTemporaryFile(max_size=10) as sf:
    sf.write(b"short")
    print(sf._rolled, sf.tell())
    sf.write(b"-and now longer")
    print(sf._rolled)
    sf.seek(0)
    print(sf.read())
t = tempfile.TemporaryDirectory()
print(repr(t).startswith("<TemporaryDirectory '"), os.path.isdir(t.name))
t.cleanup()
print(os.path.exists(t.name))

print(shutil.which("sh") is not None, shutil.which("no-such-command-here"), shutil.which("sh", path=""))
print(shutil.get_terminal_size((123, 45)))
u = shutil.disk_usage(".")
print(type(u).__name__, u.total >= u.used, u._fields)

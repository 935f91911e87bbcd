# os: stat_result, lstat, scandir/DirEntry, walk, chdir, symlinks, realpath,
# access, chmod, utime, descriptors (open/read/write/close/fdopen), removedirs,
# replace, os.path.getatime/getctime/samefile/islink/relpath; all in a scratch
# directory that is removed at the end.
import os
import stat

D = "_os_files_tmp"


def rmtree(d):
    for root, dirs, files in os.walk(d, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(d)


if os.path.lexists(D):
    rmtree(D)
os.makedirs(os.path.join(D, "sub", "deep"))
with open(os.path.join(D, "a.txt"), "w") as f:
    f.write("hello\n")
with open(os.path.join(D, "sub", "b.bin"), "wb") as f:
    f.write(bytes(300))

s = os.stat(os.path.join(D, "a.txt"))
print(type(s).__name__, len(s), s.st_size, s[6], stat.S_ISREG(s.st_mode), stat.S_ISDIR(s.st_mode))
print(isinstance(s.st_mtime, float), isinstance(s.st_mtime_ns, int), s.st_nlink, s[8] == int(s.st_mtime))
print(stat.S_ISDIR(os.stat(D).st_mode), os.stat(D, follow_symlinks=False).st_ino == os.stat(D).st_ino)
r = os.stat_result((33188, 1, 2, 1, 0, 0, 6, 7, 8, 9))
print(r, r.st_mtime, r.st_atime_ns)
try:
    os.stat_result((1, 2))
except TypeError as e:
    print("TypeError:", e)

os.symlink("a.txt", os.path.join(D, "link"))
os.symlink("missing", os.path.join(D, "broken"))
ls = os.lstat(os.path.join(D, "link"))
print(stat.S_ISLNK(ls.st_mode), os.readlink(os.path.join(D, "link")))
print(os.path.islink(os.path.join(D, "link")), os.path.islink(os.path.join(D, "a.txt")))
print(os.path.exists(os.path.join(D, "broken")), os.path.lexists(os.path.join(D, "broken")))
print(os.path.realpath(os.path.join(D, "link")) == os.path.abspath(os.path.join(D, "a.txt")))
print(os.path.samefile(os.path.join(D, "link"), os.path.join(D, "a.txt")))

entries = sorted(os.scandir(D), key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_file(follow_symlinks=False), e.inode() == e.stat(follow_symlinks=False).st_ino)
print(os.fspath(entries[0]), isinstance(entries[0], os.PathLike))
with os.scandir(D) as it:
    print(sorted(e.name for e in it if e.is_dir()))

for root, dirs, files in os.walk(D):
    dirs.sort()
    print(root, dirs, sorted(files))
print([(r, sorted(f)) for r, d, f in os.walk(D, topdown=False) if not d])
print(list(os.walk(os.path.join(D, "nope"))))
errors = []
list(os.walk(os.path.join(D, "nope"), onerror=errors.append))
print(type(errors[0]).__name__, errors[0].filename)

here = os.getcwd()
os.chdir(D)
print(os.getcwd() == os.path.join(here, D), sorted(os.listdir()), os.path.isfile("a.txt"))
with open("sub/c.txt", "w") as f:
    f.write("relative after chdir")
os.chdir("..")
with open(os.path.join(D, "sub", "c.txt")) as f:
    print(os.getcwd() == here, f.read())
try:
    os.chdir(os.path.join(D, "a.txt"))
except NotADirectoryError as e:
    print("NotADirectoryError:", e.errno, e.filename)

A = os.path.join(D, "a.txt")
print(os.access(A, os.R_OK), os.access(A, os.F_OK), os.access(os.path.join(D, "zz"), os.F_OK))
os.chmod(A, 0o640)
print(oct(stat.S_IMODE(os.stat(A).st_mode)), stat.filemode(os.stat(A).st_mode))
os.utime(A, (1000000000, 1234567890))
s = os.stat(A)
print(s.st_atime, s.st_mtime, s.st_mtime_ns, os.path.getmtime(A), os.path.getatime(A))
os.utime(A, ns=(5 * 10**9, 6 * 10**9 + 500))
print(os.stat(A).st_mtime_ns, os.path.getctime(A) > 0)

fd = os.open(os.path.join(D, "fd.txt"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
print(fd, os.write(fd, b"written by fd\n"))
os.close(fd)
try:
    os.open(os.path.join(D, "fd.txt"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print("FileExistsError:", e.errno)
fd = os.open(os.path.join(D, "fd.txt"), os.O_RDONLY)
print(os.read(fd, 7), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print("OSError:", e.errno, e.strerror)
with os.fdopen(os.open(os.path.join(D, "fd.txt"), os.O_RDWR | os.O_APPEND), "a") as f:
    print(f.fileno(), f.write("appended\n"))
with open(os.path.join(D, "fd.txt")) as f:
    print(repr(f.read()), f.fileno())

os.replace(os.path.join(D, "fd.txt"), os.path.join(D, "sub", "deep", "moved.txt"))
print(sorted(os.listdir(os.path.join(D, "sub", "deep"))))
os.unlink(os.path.join(D, "sub", "deep", "moved.txt"))
os.removedirs(os.path.join(D, "sub", "deep"))
print(os.path.isdir(os.path.join(D, "sub")), os.path.isdir(D))
os.makedirs(os.path.join(D, "x", "y"))
os.renames(os.path.join(D, "x", "y"), os.path.join(D, "z", "w"))
print(os.path.isdir(os.path.join(D, "x")), os.path.isdir(os.path.join(D, "z", "w")))

print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath(os.path.join(D, "sub"), D))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonprefix(["interval", "internet"]))
print(os.path.splitdrive("/x/y"), os.path.normcase("A/B"), os.path.expandvars("$NO_SUCH_VAR_X/y"))
print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, os.extsep, os.pathsep, os.devnull)
print(os.cpu_count() >= 1, os.get_terminal_size.__name__, os.fsencode("é"), os.fsdecode(b"x"))
try:
    os.get_terminal_size(99)
except OSError as e:
    print("OSError:", e.errno)
try:
    os.stat(os.path.join(D, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    os.rmdir(D)
except OSError as e:
    print(type(e).__name__, e.errno)

rmtree(D)
print(os.path.exists(D))

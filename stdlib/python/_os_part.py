"""The part of `os` written in Python, run inside the native module `os` after its
functions are defined (see stdlib/src/os.rs and os_fs.rs).

Copyright (c) 2001-2023 Python Software Foundation; All Rights Reserved.
`walk`, `removedirs`, `renames`, `fsencode`/`fsdecode`, `fdopen` and `PathLike` are
ported from CPython 3.11's Lib/os.py (see LICENSE-PSF.txt). Changed for revpy:
`stat_result`, `terminal_size`, `DirEntry` and the scandir iterator are Python classes
over the natives `_stat` and `_scandir` (each call an effect); no `sys.audit`, no
`fwalk`; `putenv`/`unsetenv` change `os.environ` only (revpy starts no processes, so
the environment is program state once read).
"""

import sys

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_NDELAY = O_NONBLOCK
O_DSYNC = 0o10000
O_SYNC = 0o4010000
O_DIRECTORY = 0o200000
O_NOFOLLOW = 0o400000
O_CLOEXEC = 0o2000000
O_NOATIME = 0o1000000
O_ACCMODE = 3
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
EX_OK = 0
TMP_MAX = 238328
defpath = '/bin:/usr/bin'

supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = set()

_NS = 1000000000


class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat."""
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
              'st_size', 'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = len(seq)
        if n < 10:
            raise TypeError(f"os.stat_result() takes an at least 10-sequence ({n}-sequence given)")
        if n > 19:
            raise TypeError(f"os.stat_result() takes an at most 19-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:10])
        extra = list(seq[10:]) + [None] * (19 - n)
        # A 10-sequence: the float times are the int ones (as CPython).
        for i in range(3):
            if extra[i] is None:
                extra[i] = seq[7 + i]
        self._extra = tuple(extra)
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[0])
    st_mtime = property(lambda self: self._extra[1])
    st_ctime = property(lambda self: self._extra[2])
    st_atime_ns = property(lambda self: self._extra[3])
    st_mtime_ns = property(lambda self: self._extra[4])
    st_ctime_ns = property(lambda self: self._extra[5])
    st_blksize = property(lambda self: self._extra[6])
    st_blocks = property(lambda self: self._extra[7])
    st_rdev = property(lambda self: self._extra[8])

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(
            [f'{n}={v!r}' for n, v in zip(self._names, self)]) + ')'

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._extra,))


stat_result.__module__ = 'os'


def _make_stat(v):
    mode, ino, dev, nlink, uid, gid, size, ans, mns, cns, blksize, blocks, rdev = v
    a, an = divmod(ans, _NS)
    m, mn = divmod(mns, _NS)
    c, cn = divmod(cns, _NS)
    return stat_result((mode, ino, dev, nlink, uid, gid, size, a, m, c,
                        a + an * 1e-9, m + mn * 1e-9, c + cn * 1e-9,
                        ans, mns, cns, blksize, blocks, rdev))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path."""
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    return _make_stat(_stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Perform a stat system call on the given path, without following symbolic
    links."""
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    return _make_stat(_stat(path, False))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    """Set the access and modified time of path."""
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        a, m = times
        _utime(path, _to_ns(a), _to_ns(m))
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        a, m = ns
        if not isinstance(a, int) or not isinstance(m, int):
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        _utime(path, a, m)
    else:
        _utime(path, None, None)


def _to_ns(t):
    if isinstance(t, int):
        return t * _NS
    if isinstance(t, float):
        return int(round(t * _NS))
    raise TypeError("utime: 'times' must be either a tuple of two ints or None")


class terminal_size(tuple):
    """A tuple of (columns, lines) for holding terminal window size"""
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = len(seq)
        if n != 2:
            raise TypeError(f"os.terminal_size() takes a 2-sequence ({n}-sequence given)")
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return f'os.terminal_size(columns={self[0]!r}, lines={self[1]!r})'

    def __reduce__(self):
        return (terminal_size, (tuple(self),))


terminal_size.__module__ = 'os'


def get_terminal_size(fd=1):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(_terminal_size(fd))


class DirEntry:
    """An entry of os.scandir(): its name and path, what kind of file it is, and its
    stat (read when first asked, as CPython does)."""
    __slots__ = ('name', 'path', '_type', '_ino', '_stat', '_lstat')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def inode(self):
        return self._ino

    def is_symlink(self):
        return self._type == 2

    def _follow(self):
        # A symbolic link: what it points to (None if it points nowhere).
        if self._stat is None:
            try:
                self._stat = stat(self.path)
            except FileNotFoundError:
                return None
        return self._stat.st_mode

    def is_dir(self, *, follow_symlinks=True):
        if self._type == 2 and follow_symlinks:
            m = self._follow()
            return m is not None and (m & 0o170000) == 0o040000
        return self._type == 1

    def is_file(self, *, follow_symlinks=True):
        if self._type == 2 and follow_symlinks:
            m = self._follow()
            return m is not None and (m & 0o170000) == 0o100000
        return self._type == 0

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self._type == 2:
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    @classmethod
    def __class_getitem__(cls, item):
        from _generic_alias import GenericAlias
        return GenericAlias(cls, item)


DirEntry.__module__ = 'posix'


def _dir_entry(top, name, typ, ino):
    e = object.__new__(DirEntry)
    e.name = name
    e.path = path.join(top, name)
    e._type = typ
    e._ino = ino
    e._stat = None
    e._lstat = None
    return e


class _ScandirIterator:
    def __init__(self, top, entries):
        self._top = top
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        name, typ, ino = next(self._it)
        return _dir_entry(self._top, name, typ, ino)

    def close(self):
        self._it = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


_ScandirIterator.__name__ = _ScandirIterator.__qualname__ = 'ScandirIterator'
_ScandirIterator.__module__ = 'posix'


def scandir(path='.'):
    """Return an iterator of DirEntry objects for given path."""
    if path is None:
        path = '.'
    top = fspath(path)
    if isinstance(top, bytes):
        top = top.decode()
    return _ScandirIterator(top, _scandir(path))


def removedirs(name):
    """removedirs(name)

    Super-rmdir; remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """renames(old, new)

    Super-rename; create directories as necessary and delete any left empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for each directory
    under top (CPython's os.walk)."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return

    with scandir_it:
        while True:
            try:
                try:
                    entry = next(scandir_it)
                except StopIteration:
                    break
            except OSError as error:
                if onerror is not None:
                    onerror(error)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)

    if topdown:
        yield top, dirs, nondirs
        islink, join = path.islink, path.join
        for dirname in dirs:
            new_path = join(top, dirname)
            if followlinks or not islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to bytes."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from bytes to str."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def getfilesystemencoding():
    return 'utf-8'


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import _io
    return _io.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_exec_path(env=None):
    """Returns the sequence of directories that will be searched for the
    named executable (similar to a shell) when launching a process."""
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


def putenv(name, value):
    """Change or add an environment variable."""
    environ[name] = value


def unsetenv(name):
    """Delete an environment variable."""
    environ.pop(name, None)


def _fspath_hook(cls, C):
    for B in C.__mro__:
        if "__fspath__" in B.__dict__:
            return B.__dict__["__fspath__"] is not None
    return NotImplemented


class _PathLikeMeta(type):
    # What abc.ABCMeta gives CPython's os.PathLike: the __fspath__ hook and
    # register().
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        if cls is PathLike:
            if _fspath_hook(cls, sub) is True:
                return True
            return any(issubclass(sub, r) for r in _pathlike_registry)
        return False

    def register(cls, subclass):
        _pathlike_registry.append(subclass)
        return subclass


_pathlike_registry = []


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __class_getitem__(cls, item):
        from _generic_alias import GenericAlias
        return GenericAlias(cls, item)


PathLike.__module__ = 'os'


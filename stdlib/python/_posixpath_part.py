"""The part of `os.path` (posixpath) written in Python, run inside the native module
after its functions are defined (see stdlib/src/os.rs).

Copyright (c) 2001-2023 Python Software Foundation; All Rights Reserved.
Ported from CPython 3.11's Lib/posixpath.py and Lib/genericpath.py (see
LICENSE-PSF.txt). Changed for revpy: str paths only (bytes paths are refused by the
native functions); `realpath` resolves links on the host as one effect
(`os._realpath`) instead of a series of lstat/readlink calls.
"""


def _os():
    import os
    return os


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return _os().fspath(s)


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always
    empty."""
    p = _os().fspath(p)
    return p[:0], p


def getatime(filename):
    """Return the last access time of a file, reported by os.stat()."""
    return _os().stat(filename).st_atime


def getctime(filename):
    """Return the metadata change time of a file, reported by os.stat()."""
    return _os().stat(filename).st_ctime


def islink(path):
    """Test whether a path is a symbolic link"""
    try:
        st = _os().lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return (st.st_mode & 0o170000) == 0o120000


def lexists(path):
    """Test whether a path exists.  Returns True for broken symbolic links"""
    try:
        _os().lstat(path)
    except (OSError, ValueError):
        return False
    return True


def ismount(path):
    """Test whether a path is a mount point"""
    os = _os()
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    else:
        if (s1.st_mode & 0o170000) == 0o120000:
            return False
    path = os.fspath(path)
    parent = realpath(join(path, '..'))
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    if s1.st_dev != s2.st_dev:
        return True
    if s1.st_ino == s2.st_ino:
        return True
    return False


def samestat(s1, s2):
    """Test whether two stat buffers reference the same file"""
    return (s1.st_ino == s2.st_ino and
            s1.st_dev == s2.st_dev)


def samefile(f1, f2):
    """Test whether two pathnames reference the same actual file or directory

    This is determined by the device number and i-node number and
    raises an exception if an os.stat() call on either pathname fails.
    """
    os = _os()
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return samestat(s1, s2)


def realpath(filename, *, strict=False):
    """Return the canonical path of the specified filename, eliminating any
symbolic links encountered in the path."""
    return _os()._realpath(filename, strict)


def commonprefix(m):
    "Given a list of pathnames, returns the longest common leading component"
    if not m: return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_os().fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def _check_arg_types(funcname, *args):
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def relpath(path, start=None):
    """Return a relative version of a path"""
    if not path:
        raise ValueError("no path specified")
    os = _os()
    path = os.fspath(path)
    curdir = '.'
    sep = '/'
    pardir = '..'
    if start is None:
        start = curdir
    else:
        start = os.fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list)-i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_os().fspath, paths))
    sep = '/'
    curdir = '.'
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


_varprog = None


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    global _varprog
    os = _os()
    path = os.fspath(path)
    if '$' not in path:
        return path
    if not _varprog:
        import re
        _varprog = re.compile(r'\$(\w+|\{[^}]*\})', re.ASCII)
    search = _varprog.search
    start = '{'
    end = '}'
    environ = os.environ
    i = 0
    while True:
        m = search(path, i)
        if not m:
            break
        i, j = m.span(0)
        name = m.group(1)
        if name.startswith(start) and name.endswith(end):
            name = name[1:-1]
        try:
            value = environ[name]
        except KeyError:
            i = j
        else:
            tail = path[j:]
            path = path[:i] + value
            i = len(path)
            path += tail
    return path


supports_unicode_filenames = False

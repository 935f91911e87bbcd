"""Cache lines from Python source files, as CPython's linecache.

The source of every module the program loaded is part of its recording, so lines of
those come from there (the same in record and replay); other files are read with
`open()`, which goes through the effects boundary like any read of the world.
`getlines` is looked up through the module by its callers (`traceback`), so it can
be patched (`doctest` does).
"""

import sys
import _traceback

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache, or '' if not found."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date (revpy: the sources of loaded
    modules never change during a run; files read are kept as read)."""
    if filename is None:
        return
    if filename in cache and len(cache[filename]) == 1:
        return


def _split(text):
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines; [] if unavailable."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename:
        return []
    text = _traceback.source(filename)
    if text is None and filename.startswith('<') and filename.endswith('>'):
        return []
    if text is None and lazycache(filename, module_globals):
        try:
            data = cache[filename][0]()
        except (ImportError, OSError):
            pass
        else:
            if data is None:
                return []
            text = data
    if text is None:
        try:
            with open(filename, encoding='utf-8') as f:
                text = f.read()
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
            return []
    lines = _split(text)
    cache[filename] = (len(text), None, lines, filename)
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals' loader, if it has one."""
    if filename in cache:
        if len(cache[filename]) == 1:
            return True
        else:
            return False
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    if module_globals and '__name__' in module_globals:
        name = module_globals['__name__']
        if (loader := module_globals.get('__loader__')) is None:
            if spec := module_globals.get('__spec__'):
                try:
                    loader = spec.loader
                except AttributeError:
                    pass
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            get_lines = lambda: get_source(name)
            cache[filename] = (get_lines,)
            return True
    return False

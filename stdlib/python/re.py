"""Regular expressions: Python's `re` on revpy's own backtracking engine (`_sre`,
written in Rust). This module holds the Pattern and Match types, the template
syntax of sub(), split() and the module-level functions."""

import enum
import _sre

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "template", "escape", "error", "Pattern",
           "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    TEMPLATE = T = 1
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    UNICODE = U = 32
    VERBOSE = X = 64
    DEBUG = 128
    ASCII = A = 256

    def __repr__(self):
        if self._name_ is None:
            return hex(self._value_)
        if not self._value_:
            return "re.NOFLAG"
        return "|".join(n if n.startswith("0x") else "re." + n
                        for n in self._name_.split("|"))

    __str__ = __repr__


RegexFlag._numeric_repr_ = hex
NOFLAG = RegexFlag.NOFLAG
TEMPLATE = T = RegexFlag.TEMPLATE
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
UNICODE = U = RegexFlag.UNICODE
VERBOSE = X = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG
ASCII = A = RegexFlag.ASCII


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError = error

_FLAG_NAMES = [(1, "re.TEMPLATE"), (2, "re.IGNORECASE"), (4, "re.LOCALE"),
               (8, "re.MULTILINE"), (16, "re.DOTALL"), (32, "re.UNICODE"),
               (64, "re.VERBOSE"), (128, "re.DEBUG"), (256, "re.ASCII")]


class Pattern:
    """A compiled regular expression."""

    from _generic_alias import GenericAlias as _GA
    __class_getitem__ = classmethod(_GA)
    del _GA

    def __init__(self, pattern, flags):
        self.pattern = pattern
        if isinstance(flags, RegexFlag):
            flags = flags._value_
        flags = int(flags)
        if isinstance(pattern, str):
            if flags & LOCALE:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & ASCII and flags & UNICODE:
                raise ValueError("ASCII and UNICODE flags are incompatible")
        else:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
        try:
            prog, groups, names, final = _sre.compile(pattern, flags)
        except ValueError as e:
            raise error(e.args[0], pattern, e.args[1]) from None
        if isinstance(pattern, str) and not final & 256:
            final |= 32
        self._prog = prog
        self.flags = final
        self.groups = groups
        self.groupindex = dict(names)
        self._templates = {}

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and flags & (LOCALE | UNICODE | ASCII) == UNICODE:
            flags &= ~UNICODE
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if not flags:
            return "re.compile(%s)" % text
        names = []
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        return "re.compile(%s, %s)" % (text, "|".join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def match(self, string, pos=0, endpos=None):
        """Match at the start of the string (or at pos)."""
        return _sre.match(self._prog, self, string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """Match the whole string."""
        return _sre.match(self._prog, self, string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        """Find the first match anywhere in the string."""
        return _sre.match(self._prog, self, string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator of all non-overlapping matches."""
        return _sre.finditer(self._prog, self, string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        """All non-overlapping matches: strings, or tuples of groups."""
        return _sre.findall(self._prog, string, pos, endpos)

    def split(self, string, maxsplit=0):
        """Split the string by occurrences of the pattern (groups are kept)."""
        return _sre.split(self._prog, self, string, maxsplit)

    def subn(self, repl, string, count=0):
        """sub() that also returns the number of replacements."""
        if callable(repl):
            return _sre.subn(self._prog, self, repl, string, count, 2)
        literal = type(repl) is type(self.pattern) and (
            "\\" not in repl if type(repl) is str else b"\\" not in repl)
        if literal:
            return _sre.subn(self._prog, self, repl, string, count, 0)
        template = self._templates.get(repl) if isinstance(repl, (str, bytes)) else None
        if template is None:
            template = _compile_template(self, repl)
            if len(self._templates) >= 64:
                self._templates.clear()
            self._templates[repl] = template
        if len(template) == 1 and not isinstance(template[0], int):
            return _sre.subn(self._prog, self, template[0], string, count, 0)
        return _sre.subn(self._prog, self, template, string, count, 1)

    def sub(self, repl, string, count=0):
        """Replace matches with repl (a template with \\1, \\g<name>, or a function)."""
        return self.subn(repl, string, count)[0]

    def _expand(self, match, template):
        return _expand(match, _compile_template(self, template))

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._it = pattern.finditer(string, pos, endpos)

    def search(self):
        return next(self._it, None)


Match = _sre.Match
Match.__class_getitem__ = Pattern.__dict__["__class_getitem__"]


from _re_template import _compile_template, _expand  # noqa: E402

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags._value_
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")

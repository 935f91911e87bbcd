"""Extract, format and print Python tracebacks, in CPython's format.

revpy keeps an exception's traceback inside the exception (`__traceback__` is None),
so the functions that take a traceback accept the exception itself, and use the
exception's own frames when given `tb=None`. The frames come from `_traceback`.
"""

import sys
import _traceback

__all__ = ["extract_stack", "extract_tb", "format_exception",
           "format_exception_only", "format_list", "format_stack",
           "format_tb", "print_exc", "format_exc", "print_exception",
           "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException", "walk_stack",
           "walk_tb"]

_sentinel = object()
_RECURSIVE_CUTOFF = 3


class FrameSummary:
    """One frame: filename, lineno, name and the (stripped) source line."""

    __slots__ = ("filename", "lineno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _traceback.getline(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    """A list of FrameSummary objects, formatted as a traceback."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append("    {}\n".format(frame_summary.line))
        return "".join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for frame in self:
            key = (frame.filename, frame.lineno, frame.name)
            if last is None or key != last:
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append("  [Previous line repeated {} more time{}]\n".format(
                        count, "s" if count > 1 else ""))
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append("  [Previous line repeated {} more time{}]\n".format(
                count, "s" if count > 1 else ""))
        return result


def _limit(entries, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def _summary(raw):
    return StackSummary.from_list(
        [FrameSummary(f, n, name, line=line if line is not None else "")
         for f, n, name, line in raw])


def extract_tb(tb, limit=None):
    """The frames of a traceback (here: of an exception), outermost first."""
    if tb is None:
        return StackSummary()
    return _summary(_limit(_traceback.extract_tb(tb), limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def extract_stack(f=None, limit=None):
    """The frames running now, outermost first (without this function's caller
    chain below the caller)."""
    entries = _traceback.extract_stack(1)
    if limit is not None:
        entries = entries[-limit:] if limit >= 0 else entries[:-limit]
    return _summary(entries)


def format_stack(f=None, limit=None):
    entries = _traceback.extract_stack(1)
    if limit is not None:
        entries = entries[-limit:] if limit >= 0 else entries[:-limit]
    return _summary(entries).format()


def print_stack(f=None, limit=None, file=None):
    entries = _traceback.extract_stack(1)
    if limit is not None:
        entries = entries[-limit:] if limit >= 0 else entries[:-limit]
    print_list(_summary(entries), file=file)


def _resolve(exc, value):
    if value is _sentinel:
        return exc
    return value


def format_exception_only(exc, /, value=_sentinel):
    value = _resolve(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if isinstance(value, type):
        return [value.__qualname__ + "\n"]
    return [_traceback.exception_line(value) + "\n"]


def _format_one(value, limit):
    out = []
    entries = _limit(_traceback.extract_tb(value), limit)
    if entries:
        out.append("Traceback (most recent call last):\n")
        out.extend(_summary(entries).format())
    out.extend(format_exception_only(value))
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines of the report CPython prints for an uncaught exception."""
    value = _resolve(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    chain_list = []
    seen = set()
    cur = value
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        chain_list.append((cur, None))
        if not chain:
            break
        if cur.__cause__ is not None:
            chain_list[-1] = (cur, "\nThe above exception was the direct cause "
                                   "of the following exception:\n\n")
            cur = cur.__cause__
        elif cur.__context__ is not None and not cur.__suppress_context__:
            chain_list[-1] = (cur, "\nDuring handling of the above exception, "
                                   "another exception occurred:\n\n")
            cur = cur.__context__
        else:
            cur = None
    out = []
    for i in range(len(chain_list) - 1, -1, -1):
        e, _ = chain_list[i]
        out.extend(_format_one(e, limit))
        if i > 0:
            out.append(chain_list[i - 1][1])
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The current exception's report as a string."""
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the current exception's report (to sys.stderr by default)."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def clear_frames(tb):
    pass


def walk_tb(tb):
    return iter(())


def walk_stack(f):
    return iter(())


class TracebackException:
    """An exception captured for later formatting."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        self.exc_type = exc_type
        self._value = exc_value
        self._limit = limit
        self._str = str(exc_value) if exc_value is not None else ""
        self.stack = extract_tb(exc_value, limit=limit)
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = False

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        yield from format_exception(self._value, limit=self._limit, chain=chain)

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")

"""CSV parsing and writing.

This module provides classes that assist in the reading and writing
of Comma Separated Value (CSV) files, and implements the interface
described by PEP 305.  Although many CSV files are simple to parse,
the format is not formally defined by a stable specification and
is subtle enough that parsing lines of a CSV file with something
like line.split(",") is bound to fail.  The module supports three
basic APIs: reading, writing, and registration of dialects.

revpy: a Python port of CPython 3.11's C module Modules/_csv.c (same state
machine, quoting rules, dialect checks and messages), with a fast path for lines
that need no quoting or escaping. `csv` is CPython's Lib/csv.py on top of it.
Portions Copyright (c) 2001-2023 Python Software Foundation; see LICENSE-PSF.txt.
"""

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]


class Error(Exception):
    pass


Error.__module__ = "_csv"

_dialects = {}
_field_limit = 128 * 1024

_ATTRS = ("delimiter", "doublequote", "escapechar", "lineterminator",
          "quotechar", "quoting", "skipinitialspace", "strict")
_UNSET = object()


def _char(name, src, dflt):
    if src is _UNSET:
        return dflt
    if not isinstance(src, str):
        raise TypeError('"%s" must be string, not %s' % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


def _char_or_none(name, src, dflt):
    if src is _UNSET:
        return dflt
    if src is None:
        return None
    if not isinstance(src, str):
        raise TypeError('"%s" must be string or None, not %s'
                        % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ("_delimiter", "_doublequote", "_escapechar", "_lineterminator",
                 "_quotechar", "_quoting", "_skipinitialspace", "_strict")

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _ATTRS:
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            # Can we reuse this instance?
            if isinstance(dialect, Dialect) and not kwargs:
                return dialect
        v = {}
        for name in _ATTRS:
            x = kwargs.get(name, _UNSET)
            if x is _UNSET and dialect is not None:
                try:
                    x = getattr(dialect, name)
                except AttributeError:
                    x = _UNSET
            v[name] = x
        self = object.__new__(cls)
        delimiter = _char("delimiter", v["delimiter"], ",")
        doublequote = True if v["doublequote"] is _UNSET else bool(v["doublequote"])
        escapechar = _char_or_none("escapechar", v["escapechar"], None)
        lt = v["lineterminator"]
        if lt is _UNSET:
            lineterminator = "\r\n"
        elif lt is None:
            lineterminator = None
        elif not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        else:
            lineterminator = lt
        quotechar = _char_or_none("quotechar", v["quotechar"], '"')
        q = v["quoting"]
        if q is _UNSET:
            quoting = QUOTE_MINIMAL
        elif type(q) is not int:
            raise TypeError('"quoting" must be an integer')
        else:
            quoting = q
        skip = False if v["skipinitialspace"] is _UNSET else bool(v["skipinitialspace"])
        strict = False if v["strict"] is _UNSET else bool(v["strict"])
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if v["quotechar"] is None and v["quoting"] is _UNSET:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")
        set_ = object.__setattr__
        set_(self, "_delimiter", delimiter)
        set_(self, "_doublequote", doublequote)
        set_(self, "_escapechar", escapechar)
        set_(self, "_lineterminator", lineterminator)
        set_(self, "_quotechar", quotechar)
        set_(self, "_quoting", quoting)
        set_(self, "_skipinitialspace", skip)
        set_(self, "_strict", strict)
        return self

    def __setattr__(self, name, value):
        if name in _ATTRS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not "
                                 "writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' instances")


Dialect.__module__ = "_csv"


def _make_dialect(args, kwargs):
    # As C: a dialect given positionally, else Dialect's own defaults (which
    # are excel's), with the keyword arguments (which may name `dialect`).
    if len(args) > 1:
        raise TypeError("expected at most 2 arguments, got %d" % (len(args) + 1))
    return Dialect(*args, **kwargs)


# Reader states (as Modules/_csv.c).
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
 ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL,
 AFTER_ESCAPED_CRNL) = range(9)
_EOL = None


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterable, dialect, kwargs):
        self._input = iter(iterable)
        self.dialect = _make_dialect(dialect, kwargs)
        self.line_num = 0
        self._fields = None
        self._field = []
        self._flen = 0
        self._state = START_RECORD
        self._numeric = False

    def __iter__(self):
        return self

    def _save_field(self):
        field = "".join(self._field)
        self._field = []
        self._flen = 0
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if self._flen >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)
        self._flen += 1

    def _fast(self, line):
        """The fields of a whole line needing no quote, escape or line break
        handling, or None to use the state machine."""
        d = self.dialect
        if d._skipinitialspace:
            return None
        body = line.rstrip("\r\n")
        if "\r" in body or "\n" in body:
            return None
        if d._quoting != QUOTE_NONE and d._quotechar in body:
            return None
        if d._escapechar is not None and d._escapechar in body:
            return None
        if not body:
            return []
        fields = body.split(d._delimiter)
        for f in fields:
            if len(f) > _field_limit:
                return None
        if d._quoting == QUOTE_NONNUMERIC:
            fields = [float(f) if f else f for f in fields]
        return fields

    def __next__(self):
        self._fields = []
        self._field = []
        self._flen = 0
        self._state = START_RECORD
        self._numeric = False
        first = True
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if self._flen or self._state == IN_QUOTED_FIELD:
                    if self.dialect._strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s (the file "
                            "should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            if first:
                first = False
                fields = self._fast(line)
                if fields is not None:
                    self._fields = None
                    return fields
            self._scan(line)
            self._process(_EOL)
            if self._state == START_RECORD:
                break
        fields = self._fields
        self._fields = None
        return fields

    def _scan(self, line):
        """Feed the characters of a line to the state machine, taking runs of
        ordinary characters inside a field in one step."""
        d = self.dialect
        process = self._process
        n = len(line)
        i = 0
        quoted_stops = [ch for ch in (d._quotechar, d._escapechar) if ch is not None]
        field_stops = [ch for ch in (d._delimiter, d._escapechar, "\r", "\n")
                       if ch is not None]
        while i < n:
            state = self._state
            if state == IN_QUOTED_FIELD:
                stops = quoted_stops
            elif state == IN_FIELD:
                stops = field_stops
            else:
                process(line[i])
                i += 1
                continue
            j = n
            for ch in stops:
                k = line.find(ch, i, j)
                if k >= 0:
                    j = k
            if j > i:
                if self._flen + (j - i) > _field_limit:
                    for c in line[i:j]:
                        self._add_char(c)
                self._field.append(line[i:j])
                self._flen += j - i
                i = j
            if i < n:
                process(line[i])
                i += 1

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == START_RECORD:
            if c is _EOL:
                return
            if c == "\n" or c == "\r":
                self._state = EAT_CRNL
                return
            state = self._state = START_FIELD
        if state == START_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._state = IN_QUOTED_FIELD
            elif c == d._escapechar:
                self._state = ESCAPED_CHAR
            elif c == " " and d._skipinitialspace:
                pass
            elif c == d._delimiter:
                self._save_field()
            else:
                if d._quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = IN_FIELD
        elif state == ESCAPED_CHAR:
            if c == "\n" or c == "\r":
                self._add_char(c)
                self._state = AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = "\n"
            self._add_char(c)
            self._state = IN_FIELD
        elif state == AFTER_ESCAPED_CRNL or state == IN_FIELD:
            if state == AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif c == d._escapechar:
                self._state = ESCAPED_CHAR
            elif c == d._delimiter:
                self._save_field()
                self._state = START_FIELD
            else:
                # (the state stays AFTER_ESCAPED_CRNL if it was, as in C)
                self._add_char(c)
        elif state == IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d._escapechar:
                self._state = ESCAPE_IN_QUOTED_FIELD
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                if d._doublequote:
                    self._state = QUOTE_IN_QUOTED_FIELD
                else:
                    self._state = IN_FIELD
            else:
                self._add_char(c)
        elif state == ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = "\n"
            self._add_char(c)
            self._state = IN_QUOTED_FIELD
        elif state == QUOTE_IN_QUOTED_FIELD:
            if d._quoting != QUOTE_NONE and c == d._quotechar:
                self._add_char(c)
                self._state = IN_QUOTED_FIELD
            elif c == d._delimiter:
                self._save_field()
                self._state = START_FIELD
            elif c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif not d._strict:
                self._add_char(c)
                self._state = IN_FIELD
            else:
                raise Error("'%s' expected after '%s'" % (d._delimiter, d._quotechar))
        elif state == EAT_CRNL:
            if c == "\n" or c == "\r":
                pass
            elif c is _EOL:
                self._state = START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - do you "
                            "need to open the file in universal-newline mode?")


Reader.__module__ = "_csv"


def _is_number(x):
    # PyNumber_Check: has __index__, __int__ or __float__, or is a complex.
    t = type(x)
    return (isinstance(x, complex) or hasattr(t, "__index__")
            or hasattr(t, "__int__") or hasattr(t, "__float__"))


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, fileobj, dialect, kwargs):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = _make_dialect(dialect, kwargs)
        d = self.dialect
        specials = [d._delimiter]
        for ch in (d._escapechar, d._quotechar):
            if ch is not None and ch not in specials:
                specials.append(ch)
        for ch in d._lineterminator:
            if ch not in specials:
                specials.append(ch)
        self._specials = specials

    def _field(self, field, quoted):
        """The text of one field (without the delimiter)."""
        d = self.dialect
        if field:
            for s in self._specials:
                if s in field:
                    break
            else:
                return '%s%s%s' % (d._quotechar, field, d._quotechar) if quoted else field
            out = []
            quotechar = d._quotechar
            escapechar = d._escapechar
            specials = self._specials
            for c in field:
                if c in specials:
                    want_escape = False
                    if d._quoting == QUOTE_NONE:
                        want_escape = True
                    else:
                        if c == quotechar:
                            if d._doublequote:
                                out.append(quotechar)
                            else:
                                want_escape = True
                        elif c == escapechar:
                            want_escape = True
                        if not want_escape:
                            quoted = True
                    if want_escape:
                        if escapechar is None:
                            raise Error("need to escape, but no escapechar set")
                        out.append(escapechar)
                out.append(c)
            field = "".join(out)
        else:
            field = ""
        if quoted:
            return d._quotechar + field + d._quotechar
        return field

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        d = self.dialect
        try:
            it = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        parts = []
        quoting = d._quoting
        for field in it:
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = quoting == QUOTE_ALL
            if field is None:
                field = ""
            elif not isinstance(field, str):
                field = str(field)
            parts.append(self._field(field, quoted))
        if len(parts) == 1 and parts[0] == "":
            if quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d._quotechar * 2
        line = d._delimiter.join(parts) + d._lineterminator
        return self._write(line)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


Writer.__module__ = "_csv"


def reader(csvfile, /, *dialect, **fmtparams):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    return Reader(csvfile, dialect, fmtparams)


def writer(fileobj, /, *dialect, **fmtparams):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    return Writer(fileobj, dialect, fmtparams)


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.
    csv.unregister_dialect(name)"""
    try:
        del _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def get_dialect(name):
    """Return the dialect instance associated with name.
    dialect = csv.get_dialect(name)"""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all know dialect names.
    names = csv.list_dialects()"""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    global _field_limit
    if kwargs:
        raise TypeError("field_size_limit() takes no keyword arguments")
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d"
                        % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old

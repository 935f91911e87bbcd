"""JSON encoding: CPython's output byte for byte (float repr, escapes with
surrogate pairs, indent and separators)."""

__all__ = ["JSONEncoder"]

INFINITY = float("inf")
_SHORT = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\f": "\\f", "\n": "\\n",
          "\r": "\\r", "\t": "\\t"}


def py_encode_basestring(s):
    """A JSON string literal for s, keeping non-ASCII characters."""
    out = []
    for c in s:
        r = _SHORT.get(c)
        if r is not None:
            out.append(r)
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def py_encode_basestring_ascii(s):
    """A JSON string literal for s using only ASCII (\\uXXXX escapes)."""
    if s.isascii():
        if all(" " <= c and c not in '"\\' for c in s):
            return '"' + s + '"'
    out = []
    for c in s:
        r = _SHORT.get(c)
        if r is not None:
            out.append(r)
        elif " " <= c <= "~":
            out.append(c)
        else:
            n = ord(c)
            if n < 0x10000:
                out.append("\\u%04x" % n)
            else:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | ((n >> 10) & 0x3FF),
                                               0xDC00 | (n & 0x3FF)))
    return '"' + "".join(out) + '"'


try:
    from _json import encode_basestring, encode_basestring_ascii
except ImportError:
    encode_basestring = py_encode_basestring
    encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Extensible JSON encoder: override default() for other types."""
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        """Encode o, yielding the text in pieces."""
        markers = {} if self.check_circular else None
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        out = []
        _Encoding(self, markers, indent).value(o, 0, out)
        return iter(out)

    def _floatstr(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text


class _Encoding:
    def __init__(self, enc, markers, indent):
        self.enc = enc
        self.markers = markers
        self.indent = indent
        self.string = encode_basestring_ascii if enc.ensure_ascii else encode_basestring

    def value(self, o, level, out):
        if isinstance(o, str):
            out.append(self.string(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.enc._floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.array(o, level, out)
        elif isinstance(o, dict):
            self.object(o, level, out)
        else:
            key = self.mark(o)
            self.value(self.enc.default(o), level, out)
            self.unmark(key)

    def mark(self, o):
        if self.markers is None:
            return None
        key = id(o)
        if key in self.markers:
            raise ValueError("Circular reference detected")
        self.markers[key] = o
        return key

    def unmark(self, key):
        if key is not None:
            del self.markers[key]

    def newline(self, level):
        return "\n" + self.indent * level

    def array(self, lst, level, out):
        if not lst:
            out.append("[]")
            return
        key = self.mark(lst)
        out.append("[")
        if self.indent is not None:
            level += 1
            sep = self.enc.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            sep = self.enc.item_separator
        first = True
        for v in lst:
            if not first:
                out.append(sep)
            first = False
            self.value(v, level, out)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append("]")
        self.unmark(key)

    def object(self, dct, level, out):
        if not dct:
            out.append("{}")
            return
        key = self.mark(dct)
        out.append("{")
        if self.indent is not None:
            level += 1
            sep = self.enc.item_separator + self.newline(level)
            out.append(self.newline(level))
        else:
            sep = self.enc.item_separator
        items = sorted(dct.items()) if self.enc.sort_keys else dct.items()
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = self.enc._floatstr(k)
            elif k is True:
                k = "true"
            elif k is False:
                k = "false"
            elif k is None:
                k = "null"
            elif isinstance(k, int):
                k = int.__repr__(k)
            elif self.enc.skipkeys:
                continue
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, "
                                f"not {k.__class__.__name__}")
            if not first:
                out.append(sep)
            first = False
            out.append(self.string(k))
            out.append(self.enc.key_separator)
            self.value(v, level, out)
        if self.indent is not None:
            level -= 1
            out.append(self.newline(level))
        out.append("}")
        self.unmark(key)

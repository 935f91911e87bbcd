"""JSON decoding: a recursive-descent parser with CPython's error messages and
positions ("Expecting value: line 1 column 1 (char 0)")."""

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")
_WS = " \t\n\r"
_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
        "t": "\t"}
_HEX = "0123456789abcdefABCDEF"


class JSONDecodeError(ValueError):
    """Subclass of ValueError with: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _Stop(Exception):
    def __init__(self, pos):
        self.pos = pos


def _skip(s, end):
    n = len(s)
    while end < n and s[end] in _WS:
        end += 1
    return end


try:
    from _json import scanstring_fast as _scanstring_fast
except ImportError:
    _scanstring_fast = None


def scanstring(s, end, strict=True):
    """Scan the string literal whose opening quote is at end - 1."""
    if _scanstring_fast is not None:
        r = _scanstring_fast(s, end)
        if r is not None:
            return r
    return _scanstring(s, end, strict)


def _scanstring(s, end, strict=True):
    """The full scanner (non-ASCII documents, errors with CPython's messages)."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n:
            c = s[end]
            if c == '"' or c == "\\" or c < " ":
                break
            end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if end > start:
            chunks.append(s[start:end])
        c = s[end]
        end += 1
        if c == '"':
            break
        if c != "\\":
            if strict:
                raise JSONDecodeError("Invalid control character at", s, end - 1)
            chunks.append(c)
            continue
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != "u":
            if esc not in _ESC:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            chunks.append(_ESC[esc])
            end += 1
            continue
        uni = _hex4(s, end)
        end += 5
        if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
            uni2 = _hex4(s, end + 1)
            if 0xDC00 <= uni2 <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (uni2 - 0xDC00))
                end += 6
        chunks.append(chr(uni))
    return "".join(chunks), end


def _hex4(s, upos):
    esc = s[upos + 1:upos + 5]
    if len(esc) == 4 and upos + 5 < len(s) and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, upos)


class _Scanner:
    def __init__(self, ctx):
        self.strict = ctx.strict
        self.object_hook = ctx.object_hook
        self.object_pairs_hook = ctx.object_pairs_hook
        self.parse_float = ctx.parse_float
        self.parse_int = ctx.parse_int
        self.parse_constant = ctx.parse_constant
        self.memo = {}

    def scan(self, s, idx):
        n = len(s)
        if idx >= n:
            raise _Stop(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self.object(s, idx + 1)
        if c == "[":
            return self.array(s, idx + 1)
        if c == "n" and s[idx:idx + 4] == "null":
            return None, idx + 4
        if c == "t" and s[idx:idx + 4] == "true":
            return True, idx + 4
        if c == "f" and s[idx:idx + 5] == "false":
            return False, idx + 5
        if c == "N" and s[idx:idx + 3] == "NaN":
            return self.parse_constant("NaN"), idx + 3
        if c == "I" and s[idx:idx + 8] == "Infinity":
            return self.parse_constant("Infinity"), idx + 8
        if c == "-" and s[idx:idx + 9] == "-Infinity":
            return self.parse_constant("-Infinity"), idx + 9
        return self.number(s, idx)

    def number(self, s, idx):
        n = len(s)
        i = idx
        if i < n and s[i] == "-":
            i += 1
        if i >= n or not ("0" <= s[i] <= "9"):
            raise _Stop(idx)
        if s[i] == "0":
            i += 1
        else:
            while i < n and "0" <= s[i] <= "9":
                i += 1
        is_float = False
        if i + 1 < n and s[i] == "." and "0" <= s[i + 1] <= "9":
            i += 2
            while i < n and "0" <= s[i] <= "9":
                i += 1
            is_float = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and "0" <= s[j] <= "9":
                while j < n and "0" <= s[j] <= "9":
                    j += 1
                i = j
                is_float = True
        text = s[idx:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def object(self, s, end):
        pairs = []
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar and nextchar in _WS:
                end = _skip(s, end)
                nextchar = s[end:end + 1]
            if nextchar == "}":
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = self.memo.setdefault(key, key)
            if s[end:end + 1] != ":":
                end = _skip(s, end)
                if s[end:end + 1] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            try:
                value, end = self.scan(s, end)
            except _Stop as err:
                raise JSONDecodeError("Expecting value", s, err.pos) from None
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "}":
                break
            elif nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def array(self, s, end):
        values = []
        end = _skip(s, end)
        nextchar = s[end:end + 1]
        if nextchar == "]":
            return values, end + 1
        while True:
            try:
                value, end = self.scan(s, end)
            except _Stop as err:
                raise JSONDecodeError("Expecting value", s, err.pos) from None
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "]":
                break
            elif nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end


_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}


class JSONDecoder:
    """Simple JSON decoder (see json.loads for the options)."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """The Python value of the JSON document s."""
        obj, end = self.raw_decode(s, idx=_skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document at the start of s: (value, end index)."""
        try:
            return _Scanner(self).scan(s, idx)
        except _Stop as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None

"""In-memory text and binary streams: `io.StringIO` and `io.BytesIO`.

Both keep their contents plus a position. Writes at the end (the common case) are
collected in a list of pieces and joined only when the contents are needed.
"""

__all__ = ["StringIO", "BytesIO"]


def _size_arg(size):
    if size is None:
        return -1
    if not hasattr(size, "__index__"):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size.__index__()


def _index(v):
    if not hasattr(v, "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return v.__index__()


class _MemoryIO:
    _closed_msg = "I/O operation on closed file"
    _empty = ""

    def _init(self, initial):
        self._buf = initial
        self._parts = []
        self._folded = 0
        self._size = len(initial)
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    def _flat(self):
        if self._parts:
            self._buf = self._buf + self._empty.join(self._parts)
            self._parts = []
            self._folded = 0
        return self._buf

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._size:
            parts = self._parts
            parts.append(s)
            self._size += n
            if len(parts) - self._folded >= 256:
                # Join the pieces written since the last fold: a long run of small
                # writes (pprint) then holds a few large strings, not thousands of
                # small objects, until the contents are needed.
                k = self._folded
                parts[k:] = [self._empty.join(parts[k:])]
                self._folded = k + 1
        else:
            buf = self._flat()
            if pos > self._size:
                buf = buf + self._pad * (pos - self._size)
            buf = buf[:pos] + s + buf[pos + n:]
            self._buf = buf
            self._size = len(buf)
        self._pos = pos + n
        return n

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._parts = []
        self._folded = 0

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def tell(self):
        self._check()
        return self._pos

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._flat()
        pos = self._pos
        if size < 0:
            end = self._size
        else:
            end = min(self._size, pos + size)
        if pos >= end:
            return self._empty
        self._pos = end
        return buf[pos:end]

    def _line_end(self, buf, pos):
        i = buf.find(self._nl, pos)
        return self._size if i < 0 else i + len(self._nl)

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._flat()
        pos = self._pos
        if pos >= self._size:
            return self._empty
        end = self._line_end(buf, pos)
        if size >= 0:
            end = min(end, pos + size)
        self._pos = end
        return buf[pos:end]

    def readlines(self, hint=-1):
        self._check()
        hint = _size_arg(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        else:
            size = _index(size)
            if size < 0:
                raise ValueError("Negative size value %d" % size)
        if size < self._size:
            self._buf = self._flat()[:size]
            self._size = size
        return size

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class StringIO(_MemoryIO):
    """Text I/O in memory."""

    _pad = "\0"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._nl = "\n" if newline in (None, "") else newline
        self._init("")
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _line_end(self, buf, pos):
        if self._newline != "":
            return _MemoryIO._line_end(self, buf, pos)
        # Universal newlines without translation: \r, \r\n or \n ends a line.
        n = self._size
        i = pos
        while i < n:
            c = buf[i]
            if c == "\n":
                return i + 1
            if c == "\r":
                if i + 1 < n and buf[i + 1] == "\n":
                    return i + 2
                return i + 1
            i += 1
        return n

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif self._newline in ("\r", "\r\n"):
            s = s.replace("\n", self._newline)
        self._write(s)
        return n

    def getvalue(self):
        self._check()
        return self._flat()

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if pos < 0 and whence == 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._size
        self._pos = pos
        return pos

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


class BytesIO(_MemoryIO):
    """Binary I/O in memory."""

    _closed_msg = "I/O operation on closed file."
    _empty = b""
    _pad = b"\0"
    _nl = b"\n"

    def __init__(self, initial_bytes=None):
        self._init(b"")
        if initial_bytes is not None:
            self._buf = _bytes_like(initial_bytes)
            self._size = len(self._buf)

    def write(self, b):
        self._check()
        return self._write(_bytes_like(b))

    def getvalue(self):
        self._check()
        return self._flat()

    def getbuffer(self):
        """A view of the contents. revpy's is a read-only snapshot (CPython's is
        writable and shares the buffer): writing through it raises TypeError."""
        self._check()
        return memoryview(self._flat())

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._size + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def __repr__(self):
        return "<_io.BytesIO object at 0x%x>" % id(self)


def _bytes_like(b):
    if isinstance(b, bytes):
        return b
    if isinstance(b, bytearray):
        return bytes(b)
    try:
        return bytes(memoryview(b))
    except Exception:
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__) from None

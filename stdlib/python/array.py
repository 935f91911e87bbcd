"""array: efficient arrays of numeric values, as CPython 3.11's `array` module.

Written for revpy in Python: an array keeps its items in a list, checked and
converted (floats of typecode 'f' rounded to single precision) as CPython's C
arrays store them; tobytes/frombytes use `struct` with CPython's native sizes on a
64-bit little-endian Linux (l and L are 8 bytes, u is 4). buffer_info() reports
id(self) as the address (revpy has no memory addresses); no buffer protocol
(memoryview).
"""

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

# typecode -> (struct format, itemsize)
_FMT = {'b': ('b', 1), 'B': ('B', 1), 'u': ('I', 4), 'h': ('h', 2), 'H': ('H', 2),
        'i': ('i', 4), 'I': ('I', 4), 'l': ('q', 8), 'L': ('Q', 8),
        'q': ('q', 8), 'Q': ('Q', 8), 'f': ('f', 4), 'd': ('d', 8)}

_LONG = (-2**63, 2**63 - 1)
_INT = (-2**31, 2**31 - 1)
_SHORT = (-2**15, 2**15 - 1)


def _range_error(v, lo, hi, name):
    if v > hi:
        raise OverflowError(name + " is greater than maximum")
    if v < lo:
        raise OverflowError(name + " is less than minimum")


def _check_long(v):
    if not _LONG[0] <= v <= _LONG[1]:
        raise OverflowError("Python int too large to convert to C long")


def _check_unsigned(v, bits, neg_msg):
    if v < 0:
        raise OverflowError(neg_msg)
    if v > 2**64 - 1:
        raise OverflowError("Python int too large to convert to C unsigned long")
    if v > 2**bits - 1:
        raise OverflowError("unsigned int is greater than maximum")


def _convert(code, v):
    """The item CPython would store for `v` (or its exception)."""
    if code in 'fd':
        if isinstance(v, (int, float)) or hasattr(type(v), '__float__'):
            v = float(v)
        else:
            raise TypeError("must be real number, not %s" % type(v).__name__)
        if code == 'f':
            v = _struct.unpack('<f', _struct.pack('<f', v))[0]
        return v
    if code == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    if not isinstance(v, int):
        if hasattr(type(v), '__index__'):
            v = v.__index__()
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(v).__name__)
    v = int(v)
    if code == 'b':
        _check_long(v)
        _range_error(v, *_SHORT, "signed short integer")
        _range_error(v, -128, 127, "signed char")
    elif code == 'B':
        _check_long(v)
        _range_error(v, 0, 255, "unsigned byte integer")
    elif code == 'h':
        _check_long(v)
        _range_error(v, *_SHORT, "signed short integer")
    elif code == 'H':
        _check_long(v)
        _range_error(v, *_INT, "signed integer")
        _range_error(v, 0, 65535, "unsigned short")
    elif code == 'i':
        _check_long(v)
        _range_error(v, *_INT, "signed integer")
    elif code == 'I':
        _check_unsigned(v, 32, "can't convert negative value to unsigned int")
    elif code == 'l':
        _check_long(v)
    elif code == 'L':
        _check_unsigned(v, 64, "can't convert negative value to unsigned int")
    elif code == 'q':
        if not _LONG[0] <= v <= _LONG[1]:
            raise OverflowError("int too big to convert")
    elif code == 'Q':
        if v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v > 2**64 - 1:
            raise OverflowError("int too big to convert")
    return v


class array:
    """array(typecode [, initializer]) -> array

    Return a new array whose items are restricted by typecode, and
    initialized from the optional initializer value, which must be a list,
    string or iterable over elements of the appropriate type."""

    __slots__ = ('_code', '_data')

    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s"
                            % type(typecode).__name__)
        if typecode not in _FMT:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._code = typecode
        self._data = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self._data = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._code == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
            self.extend_values(initializer._data)
        else:
            self.extend_values(initializer)

    def extend_values(self, it):
        code = self._code
        add = self._data.append
        for v in it:
            add(_convert(code, v))

    @property
    def typecode(self):
        return self._code

    @property
    def itemsize(self):
        return _FMT[self._code][1]

    # -- sequence protocol --

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def __contains__(self, v):
        return v in self._data

    def _new(self, data):
        a = array(self._code)
        a._data = data
        return a

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._data[i])
        try:
            return self._data[i]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._code != self._code:
                raise TypeError("bad argument type for built-in operation")
            self._data[i] = list(v._data)
            return
        v = _convert(self._code, v)
        try:
            self._data[i] = v
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        try:
            del self._data[i]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._code != self._code:
            raise TypeError("bad argument type for built-in operation")
        return self._new(self._data + other._data)

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._code != self._code:
            raise TypeError("bad argument type for built-in operation")
        self._data += other._data
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        return self._new(self._data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        self._data *= n
        return self

    def _cmp_data(self, other):
        if not isinstance(other, array):
            return None
        return other._data

    def __eq__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data == d

    def __ne__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data != d

    def __lt__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data < d

    def __le__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data <= d

    def __gt__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data > d

    def __ge__(self, other):
        d = self._cmp_data(other)
        return NotImplemented if d is None else self._data >= d

    __hash__ = None

    def __repr__(self):
        if not self._data:
            return "array('%s')" % self._code
        if self._code == 'u':
            return "array('u', %r)" % ''.join(self._data)
        return "array('%s', %r)" % (self._code, self._data)

    def __copy__(self):
        return self._new(list(self._data))

    def __deepcopy__(self, memo):
        return self._new(list(self._data))

    def __reduce_ex__(self, protocol):
        return (array, (self._code, list(self._data)))

    # -- methods --

    def append(self, v, /):
        self._data.append(_convert(self._code, v))

    def buffer_info(self):
        return (id(self), len(self._data))

    def byteswap(self):
        size = self.itemsize
        if self._code == 'u':
            raise RuntimeError("don't know how to byteswap this array type")
        raw = self.tobytes()
        swapped = b''.join(raw[i:i + size][::-1] for i in range(0, len(raw), size))
        self._data = []
        self.frombytes(swapped)

    def count(self, v, /):
        return self._data.count(v)

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError("can only extend with array of same kind")
            self._data.extend(iterable._data)
        else:
            self.extend_values(iterable)

    def frombytes(self, buffer, /):
        if not isinstance(buffer, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(buffer).__name__)
        fmt, size = _FMT[self._code]
        if len(buffer) % size:
            raise ValueError("bytes length not a multiple of item size")
        n = len(buffer) // size
        items = _struct.unpack('<%d%s' % (n, fmt), bytes(buffer))
        if self._code == 'u':
            items = [chr(c) for c in items]
        self._data.extend(items)

    def fromfile(self, f, n, /):
        if not isinstance(n, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
        if n < 0:
            raise ValueError("negative count")
        size = self.itemsize
        data = f.read(size * n)
        if not isinstance(data, bytes):
            raise TypeError("read() didn't return bytes")
        whole = len(data) - len(data) % size
        self.frombytes(data[:whole])
        if len(data) != size * n:
            raise EOFError("read() didn't return enough bytes")

    def fromlist(self, lst, /):
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        items = [_convert(self._code, v) for v in lst]
        self._data.extend(items)

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._code != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._data.extend(s)

    def index(self, v, start=0, stop=None, /):
        data = self._data
        n = len(data)
        if stop is None:
            stop = n
        for i in range(*slice(start, stop).indices(n)):
            if data[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def insert(self, i, v, /):
        self._data.insert(i, _convert(self._code, v))

    def pop(self, i=-1, /):
        if not self._data:
            raise IndexError("pop from empty array")
        try:
            return self._data.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v, /):
        try:
            self._data.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def reverse(self):
        self._data.reverse()

    def tobytes(self):
        fmt, _ = _FMT[self._code]
        data = self._data
        if self._code == 'u':
            data = [ord(c) for c in data]
        return _struct.pack('<%d%s' % (len(data), fmt), *data)

    def tofile(self, f, /):
        f.write(self.tobytes())

    def tolist(self):
        return list(self._data)

    def tounicode(self):
        if self._code != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._data)

    from _generic_alias import GenericAlias as _GA
    __class_getitem__ = classmethod(_GA)
    del _GA


array.__module__ = 'array'
ArrayType = array

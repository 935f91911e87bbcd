"""codecs: encoders and decoders by name, as CPython's `codecs` module.

The text codecs (utf-8, utf-8-sig, utf-16, utf-32, ascii, latin-1, cp1252,
iso8859-15, unicode_escape, raw_unicode_escape) are native (`_codecs`); the
bytes-to-bytes codecs (hex, base64, zlib, bz2 is missing) and rot13 are here.
Error handlers registered with `register_error` are kept but the native codecs
only know the built-in ones (strict, ignore, replace, backslashreplace,
xmlcharrefreplace).
"""

import _codecs
import builtins

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE", "BOM_LE",
           "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8",
           "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE", "BOM_UTF32",
           "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo", "Codec",
           "IncrementalEncoder", "IncrementalDecoder", "StreamReader",
           "StreamWriter", "StreamReaderWriter", "getencoder", "getdecoder",
           "getincrementalencoder", "getincrementaldecoder", "getreader",
           "getwriter", "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors", "backslashreplace_errors",
           "namereplace_errors", "register_error", "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE, BOM32_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM64_LE, BOM64_BE = BOM_UTF32_LE, BOM_UTF32_BE


class CodecInfo(tuple):
    """A codec's functions: encode, decode, and the incremental and stream classes."""
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """Keeps the bytes of an unfinished sequence for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""

    def read(self, size=-1, chars=-1, firstline=False):
        data = self.bytebuffer + self.stream.read()
        text, consumed = self.decode(data, self.errors)
        self.bytebuffer = data[consumed:]
        return text

    def readline(self, size=None, keepends=True):
        raise NotImplementedError("revpy: StreamReader.readline")

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""

    def __iter__(self):
        return iter(self.readlines())

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __iter__(self):
        return iter(self.reader)

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


def _text_codec(name):
    """The CodecInfo of a native text codec, named canonically."""
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError("%s_encode() argument 1 must be str, not %s"
                            % (name.replace('-', '_'), type(input).__name__))
        return (_codecs._encode(input, name, errors), len(input))

    def decode(input, errors='strict'):
        return _codecs._decode(input, name, errors, True)

    class IncEncoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._started = False

        def encode(self, input, final=False):
            data = _codecs._encode(input, name, self.errors)
            # The BOM of utf-16/utf-32/utf-8-sig goes only at the start.
            if self._started and name in ("utf-16", "utf-32", "utf-8-sig"):
                data = data[{"utf-16": 2, "utf-32": 4, "utf-8-sig": 3}[name]:]
            if input:
                self._started = True
            return data

        def reset(self):
            self._started = False

    class IncDecoder(BufferedIncrementalDecoder):
        _order = None

        def _buffer_decode(self, input, errors, final):
            if name in ("utf-16", "utf-32") and self._order is None:
                # As CPython's stream decoders: read the mark once, require it.
                marks = {"utf-16": (BOM_UTF16_LE, BOM_UTF16_BE),
                         "utf-32": (BOM_UTF32_LE, BOM_UTF32_BE)}[name]
                if len(input) < len(marks[0]) and not final:
                    return ("", 0)
                if input.startswith(marks[0]):
                    self._order = name + "-le"
                elif input.startswith(marks[1]):
                    self._order = name + "-be"
                elif input or final:
                    raise UnicodeError("%s stream does not start with BOM" % name.upper())
                else:
                    return ("", 0)
                text, used = _codecs._decode(input[len(marks[0]):], self._order, errors, final)
                return (text, used + len(marks[0]))
            return _codecs._decode(input, self._order or name, errors, final)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self._order = None

    class Writer(StreamWriter):
        def encode(self, input, errors='strict'):
            return encode(input, errors)

    class Reader(StreamReader):
        def decode(self, input, errors='strict'):
            return _codecs._decode(input, name, errors, False)

    return CodecInfo(encode, decode, Reader, Writer, IncEncoder, IncDecoder, name=name)


def _hex_encode(input, errors='strict'):
    import binascii
    return (binascii.b2a_hex(input), len(input))


def _hex_decode(input, errors='strict'):
    import binascii
    return (binascii.a2b_hex(input), len(input))


def _base64_encode(input, errors='strict'):
    import base64
    return (base64.encodebytes(input), len(input))


def _base64_decode(input, errors='strict'):
    import base64
    return (base64.decodebytes(input), len(input))


def _zlib_encode(input, errors='strict'):
    import zlib
    return (zlib.compress(input), len(input))


def _zlib_decode(input, errors='strict'):
    import zlib
    return (zlib.decompress(input), len(input))


_ROT13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                       "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")


def _rot13(input, errors='strict'):
    return (str.translate(input, _ROT13), len(input))


_TRANSFORMS = {
    "hex": (_hex_encode, _hex_decode),
    "base64": (_base64_encode, _base64_decode),
    "zlib": (_zlib_encode, _zlib_decode),
    "rot-13": (_rot13, _rot13),
}
_ALIASES = {"hex_codec": "hex", "base_64": "base64", "base64_codec": "base64",
            "zip": "zlib", "zlib_codec": "zlib", "rot13": "rot-13", "rot_13": "rot-13"}

_search_functions = []
_cache = {}


def register(search_function):
    """Register a function that maps an encoding name to a CodecInfo (or None)."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def lookup(encoding):
    """The CodecInfo for an encoding name; LookupError if there is none."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = encoding.lower().replace(' ', '_')
    info = _cache.get(key)
    if info is not None:
        return info
    for f in _search_functions:
        info = f(key)
        if info is not None:
            if not isinstance(info, tuple) or len(info) != 4:
                raise TypeError("codec search functions must return 4-tuples")
            _cache[key] = info
            return info
    name = _codecs.lookup_name(encoding)
    if name is not None:
        info = _text_codec(name)
    else:
        t = _ALIASES.get(key.replace('-', '_'), key)
        if t not in _TRANSFORMS:
            raise LookupError("unknown encoding: %s" % encoding)
        enc, dec = _TRANSFORMS[t]
        info = CodecInfo(enc, dec, name=t, _is_text_encoding=False)
    _cache[key] = info
    return info


def _generic_encode(obj, encoding='utf-8', errors='strict'):
    """Encode `obj` with the codec registered for `encoding` (`_codecs.encode`
    handles native text codecs itself)."""
    try:
        return lookup(encoding).encode(obj, errors)[0]
    except (TypeError, ValueError) as e:
        if type(e) not in (TypeError, ValueError):
            raise
        raise type(e)("encoding with %r codec failed (%s: %s)"
                      % (encoding, type(e).__name__, e)) from e


def _generic_decode(obj, encoding='utf-8', errors='strict'):
    """Decode `obj` with the codec registered for `encoding`."""
    try:
        return lookup(encoding).decode(obj, errors)[0]
    except (TypeError, ValueError) as e:
        if type(e) not in (TypeError, ValueError):
            raise
        raise type(e)("decoding with %r codec failed (%s: %s)"
                      % (encoding, type(e).__name__, e)) from e


from _codecs import encode, decode


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file; with an encoding, text is encoded and decoded by that codec."""
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("revpy: codecs.EncodedFile")


def _handler(name):
    def handler(exc):
        raise TypeError("revpy: the %r error handler is built into the codecs and "
                        "cannot be called directly" % name)
    handler.__name__ = name + "_errors"
    return handler


strict_errors = _handler("strict")
ignore_errors = _handler("ignore")
replace_errors = _handler("replace")
xmlcharrefreplace_errors = _handler("xmlcharrefreplace")
backslashreplace_errors = _handler("backslashreplace")
namereplace_errors = _handler("namereplace")

_error_handlers = {"strict": strict_errors, "ignore": ignore_errors,
                   "replace": replace_errors,
                   "xmlcharrefreplace": xmlcharrefreplace_errors,
                   "backslashreplace": backslashreplace_errors,
                   "namereplace": namereplace_errors}


def register_error(name, handler):
    """Kept for lookup_error; revpy's native codecs use only the built-in handlers."""
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def utf_8_encode(input, errors='strict'):
    return lookup('utf-8').encode(input, errors)


def utf_8_decode(input, errors='strict', final=False):
    return _codecs._decode(input, 'utf-8', errors, final)


def latin_1_encode(input, errors='strict'):
    return lookup('latin-1').encode(input, errors)


def latin_1_decode(input, errors='strict'):
    return _codecs._decode(input, 'latin-1', errors, True)


def ascii_encode(input, errors='strict'):
    return lookup('ascii').encode(input, errors)


def ascii_decode(input, errors='strict'):
    return _codecs._decode(input, 'ascii', errors, True)


def unicode_escape_encode(input, errors='strict'):
    return lookup('unicode_escape').encode(input, errors)


def unicode_escape_decode(input, errors='strict', final=True):
    return _codecs._decode(input, 'unicode_escape', errors, final)


def raw_unicode_escape_encode(input, errors='strict'):
    return lookup('raw_unicode_escape').encode(input, errors)


def raw_unicode_escape_decode(input, errors='strict', final=True):
    return _codecs._decode(input, 'raw_unicode_escape', errors, final)

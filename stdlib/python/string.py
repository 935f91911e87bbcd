"""String constants, Template ($-substitution), Formatter and capwords.

Formatter is CPython 3.11's (Lib/string.py, Copyright (c) 2001-2023 Python Software
Foundation; see LICENSE-PSF.txt); the parsers it takes from CPython's C `_string`
module (formatter_parser, formatter_field_name_split) are written here in Python,
following Objects/stringlib/unicode_format.h.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words, capitalize each, and join them with sep (or a space)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # As CPython's; they take effect in subclasses, whose `pattern` is compiled
    # from them (with `re`) as CPython does. Template itself scans its text
    # without `re`, so that importing string stays cheap. (flags: re.IGNORECASE.)
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = 2

    def __init_subclass__(cls):
        super().__init_subclass__()
        import re as _re
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            delim = _re.escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{id})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """
        cls.pattern = _re.compile(pattern, cls.flags | _re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _scan_re(self, pattern):
        """_scan() for subclasses, with their compiled `pattern`."""
        t = self.template
        i = 0
        for mo in pattern.finditer(t):
            if mo.start() > i:
                yield ('text', t[i:mo.start()], None, i)
            i = mo.end()
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                kind = 'named' if mo.group('named') else 'braced'
                yield (kind, mo.group(), named, mo.start())
            elif mo.group('escaped') is not None:
                yield ('escaped', self.delimiter, None, mo.start())
            elif mo.group('invalid') is not None:
                yield ('invalid', mo.group(), None, mo.start('invalid'))
            else:
                raise ValueError('Unrecognized named group in pattern', pattern)
        if i < len(t):
            yield ('text', t[i:], None, i)

    def _scan(self):
        """Yield (kind, text, name, start) pieces: kind is 'text', 'escaped',
        'named', 'braced' or 'invalid' (start: index after the delimiter)."""
        pattern = getattr(type(self), 'pattern', None)
        if pattern is not None:
            yield from self._scan_re(pattern)
            return
        t = self.template
        delim = self.delimiter
        n, dl = len(t), len(delim)
        i = 0
        while i < n:
            j = t.find(delim, i)
            if j < 0:
                yield ('text', t[i:], None, i)
                return
            if j > i:
                yield ('text', t[i:j], None, i)
            k = j + dl
            if t.startswith(delim, k):
                yield ('escaped', delim, None, k)
                i = k + dl
                continue
            if k < n and t[k] in _ID_START:
                e = k + 1
                while e < n and t[e] in _ID_CHARS:
                    e += 1
                yield ('named', t[j:e], t[k:e], k)
                i = e
                continue
            if k < n and t[k] == '{':
                e = k + 1
                if e < n and t[e] in _ID_START:
                    e += 1
                    while e < n and t[e] in _ID_CHARS:
                        e += 1
                    if e < n and t[e] == '}':
                        yield ('braced', t[j:e + 1], t[k + 1:e], k)
                        i = e + 1
                        continue
            yield ('invalid', delim, None, k)
            i = k

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping={}, /, **kws):
        if not kws:
            pass
        elif mapping:
            mapping = _ChainMap(kws, mapping)
        else:
            mapping = kws
        out = []
        for kind, text, name, start in self._scan():
            if kind == 'text' or kind == 'escaped':
                out.append(text)
            elif kind == 'invalid':
                self._invalid(start)
            else:
                out.append('%s' % (mapping[name],))
        return ''.join(out)

    def safe_substitute(self, mapping={}, /, **kws):
        if not kws:
            pass
        elif mapping:
            mapping = _ChainMap(kws, mapping)
        else:
            mapping = kws
        out = []
        for kind, text, name, start in self._scan():
            if kind in ('named', 'braced'):
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(text)
            else:
                out.append(text)
        return ''.join(out)

    def is_valid(self):
        return all(kind != 'invalid' for kind, _, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for kind, text, name, start in self._scan():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
        return ids


class _ChainMap:
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


########################################################################
# the Formatter class (PEP 3101)

class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):

            # output the literal text
            if literal_text:
                result.append(literal_text)

            # if there's a field, output it
            if field_name is not None:
                # this is some markup, find the object and do
                #  the formatting

                # handle arg indexing when empty field_names are given.
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    # disable auto arg incrementing, if it gets
                    # used later on, then an exception will be raised
                    auto_arg_index = False

                # given the field_name, find the object it references
                #  and the argument it came from
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)

                # do any conversion on the resulting object
                obj = self.convert_field(obj, conversion)

                # expand the format spec, if needed
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth-1,
                    auto_arg_index=auto_arg_index)

                # format the object and append to the result
                result.append(self.format_field(obj, format_spec))

        return ''.join(result), auto_arg_index


    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]


    def check_unused_args(self, used_args, args, kwargs):
        pass


    def format_field(self, value, format_spec):
        return format(value, format_spec)


    def convert_field(self, value, conversion):
        # do any conversion on the resulting object
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))


    # returns an iterable that contains tuples of the form:
    # (literal_text, field_name, format_spec, conversion)
    # literal_text can be zero length
    # field_name can be None, in which case there's no
    #  object to format and output
    # if field_name is not None, it is looked up, formatted
    #  with format_spec and conversion and then used
    def parse(self, format_string):
        return _formatter_parser(format_string)


    # given a field_name, find the object it references.
    #  field_name:   the field being looked up, e.g. "0.name"
    #                 or "lookup[3]"
    #  used_args:    a set of which args have been used
    #  args, kwargs: as passed in to vformat
    def get_field(self, field_name, args, kwargs):
        first, rest = _formatter_field_name_split(field_name)

        obj = self.get_value(first, args, kwargs)

        # loop through the rest of the field_name, doing
        #  getattr or getitem as needed
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]

        return obj, first


def _formatter_parser(s):
    """The pieces of a format string, as _string.formatter_parser (a generator)."""
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_parser' requires a 'str' object but "
                        "received a '%s'" % type(s).__name__)
    return _formatter_parts(s)


def _formatter_parts(s):
    # Follows CPython's MarkupIterator (Objects/stringlib/unicode_format.h).
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        end = i
        if c == '}' and (at_end or s[i] != c):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        if not at_end:
            if s[i] == c:
                i += 1
                markup = False
            else:
                end -= 1
        literal = s[start:end]
        if not markup:
            yield (literal, None, None, None)
            continue
        # The field: its name, then an optional conversion and format spec.
        name_start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                continue
            if c == '}' or c == ':' or c == '!':
                break
        name = s[name_start:i - 1]
        conversion = None
        if c == '!' or c == ':':
            if c == '!':
                if i >= n:
                    raise ValueError("end of string while looking for conversion "
                                     "specifier")
                conversion = s[i]
                i += 1
                if i < n:
                    c = s[i]
                    i += 1
                    if c == '}':
                        yield (literal, name, '', conversion)
                        continue
                    if c != ':':
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = i
            count = 1
            while i < n:
                c = s[i]
                i += 1
                if c == '{':
                    count += 1
                elif c == '}':
                    count -= 1
                    if count == 0:
                        break
            if count:
                raise ValueError("unmatched '{' in format spec")
            yield (literal, name, s[spec_start:i - 1], conversion)
        elif c != '}':
            raise ValueError("expected '}' before end of string")
        else:
            yield (literal, name, '', None)


def _formatter_field_name_split(name):
    """(first, rest) of a field name, as _string.formatter_field_name_split."""
    if not isinstance(name, str):
        raise TypeError("descriptor 'formatter_field_name_split' requires a 'str' "
                        "object but received a '%s'" % type(name).__name__)
    n = len(name)
    p = 0
    while p < n and name[p] not in '.[':
        p += 1
    first = name[:p]
    if first.isdigit() and first.isascii():
        first = int(first)
    return first, _field_name_rest(name, p)


def _field_name_rest(name, p):
    n = len(name)
    while p < n:
        c = name[p]
        p += 1
        if c == '.':
            start = p
            while p < n and name[p] not in '.[':
                p += 1
            attr = name[start:p]
            if not attr:
                raise ValueError("Empty attribute in format string")
            yield (True, attr)
        elif c == '[':
            start = p
            while p < n and name[p] != ']':
                p += 1
            if p >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:p]
            p += 1
            if not key:
                raise ValueError("Empty attribute in format string")
            if key.isdigit() and key.isascii():
                key = int(key)
            yield (False, key)
            if p < n and name[p] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")

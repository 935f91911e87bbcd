"""String constants, Template ($-substitution) and capwords."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Template"]

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

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, text, name, start) pieces: kind is 'text', 'escaped',
        'named', 'braced' or 'invalid' (start: index after the delimiter)."""
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

"""Replacement templates for re.sub() and Match.expand(): `\\1`, `\\g<name>`,
`\\g<2>` and the usual escapes, parsed once into literal pieces and group numbers."""

import re as _re

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}


def _compile_template(pattern, template):
    is_bytes = isinstance(template, bytes)
    if is_bytes:
        text = str(template, "latin1")
    elif isinstance(template, str):
        text = template
    else:
        # As CPython: the template is decoded as Latin-1 text first; a literal of the
        # wrong type fails later, when the result is joined.
        raise TypeError("decoding to str: need a bytes-like object, %s found"
                        % type(template).__name__)
    pieces = []
    lit = []
    i = 0
    n = len(text)

    def flush():
        if lit:
            s = "".join(lit)
            pieces.append(s.encode("latin1") if is_bytes else s)
            lit.clear()

    def err(msg, pos):
        raise _re.error(msg, template, pos)

    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            err("bad escape (end of pattern)", start)
        c = text[i]
        i += 1
        if c == "g":
            if i >= n or text[i] != "<":
                err("missing <", i)
            j = text.find(">", i + 1)
            if j < 0:
                if i + 1 >= n:
                    err("missing group name", i + 1)
                err("missing >, unterminated name", i + 1)
            name = text[i + 1:j]
            if not name:
                err("missing group name", i + 1)
            if name.isdigit() and name.isascii():
                index = int(name)
                if index > pattern.groups:
                    err("invalid group reference %d" % index, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                err("bad character in group name '%s'" % name, i + 1)
            flush()
            pieces.append(index)
            i = j + 1
        elif c == "0":
            v = 0
            k = 0
            while k < 2 and i < n and text[i] in "01234567":
                v = v * 8 + int(text[i])
                i += 1
                k += 1
            lit.append(chr(v))
        elif c.isdigit() and c.isascii():
            if (i + 1 < n and c in "01234567" and text[i] in "01234567"
                    and text[i + 1] in "01234567"):
                v = int(text[i - 1:i + 2], 8)
                if v > 0o377:
                    err("octal escape value \\%s outside of range 0-0o377" % text[i - 1:i + 2],
                        start)
                lit.append(chr(v))
                i += 2
                continue
            index = int(c)
            if i < n and text[i].isdigit() and text[i].isascii():
                index = index * 10 + int(text[i])
                i += 1
            if index > pattern.groups:
                err("invalid group reference %d" % index, start + 1)
            flush()
            pieces.append(index)
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            err("bad escape \\%s" % c, start)
        else:
            lit.append("\\" + c)
    flush()
    return pieces


def _expand(match, pieces):
    out = []
    empty = match.string[:0]
    for p in pieces:
        if isinstance(p, int):
            g = match.group(p)
            out.append(empty if g is None else g)
        else:
            out.append(p)
    return empty.join(out)

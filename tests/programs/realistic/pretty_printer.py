# A hand-written JSON-like serializer and pretty printer, plus a tiny parser for it.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

def dumps(v, indent=0, level=0):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    nl = "\n" if indent else ""
    sep = "," + nl if indent else ", "
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + nl + sep.join(pad + dumps(x, indent, level + 1) for x in v) + nl + end_pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = (pad + escape(str(k)) + ": " + dumps(val, indent, level + 1) for k, val in v.items())
        return "{" + nl + sep.join(items) + nl + end_pad + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not serializable")

def loads(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            obj = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return obj
            while True:
                ws()
                k = value()
                ws()
                pos += 1  # colon
                obj[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return obj
        if c == "[":
            pos += 1
            arr = []
            ws()
            if s[pos] == "]":
                pos += 1
                return arr
            while True:
                arr.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return arr
        if c == '"':
            pos += 1
            out = ""
            while s[pos] != '"':
                if s[pos] == "\\":
                    pos += 1
                    out += {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[s[pos]]
                else:
                    out += s[pos]
                pos += 1
            pos += 1
            return out
        for word, val in (("null", None), ("true", True), ("false", False)):
            if s.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(s) and s[pos] in "-+.eE0123456789":
            pos += 1
        text = s[start:pos]
        return float(text) if any(ch in text for ch in ".eE") else int(text)
    return value()

doc = {"name": "revpy", "version": [0, 1, 0], "stable": False, "ratio": 0.75, "meta": None,
       "authors": [{"name": "A \"quoted\" name", "tags": ["x", "y"]}, {"name": "tab\there", "tags": []}],
       "empty": {}, "big": 2**70, "neg": -1.5e-7}
print(dumps(doc))
print(dumps(doc, indent=2))
back = loads(dumps(doc, indent=4))
print(back == doc, back["authors"][0]["name"], back["big"])
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(dumps(loads('  [1, 2.5, "a\\nb", {"k": [true, false, null]}, -3e2] ')))

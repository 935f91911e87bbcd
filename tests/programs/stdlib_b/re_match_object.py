# The re.Match type: groups, names, spans, repr, indexing, errors.
import re

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?", "Jane Doe, x")
print(m)
print(type(m), type(m).__name__, isinstance(m, re.Match))
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "last", 0))
print(m[0], m[1], m["first"], m[True])
print(m.groups(), m.groups("-"), m.groups(default=0))
print(m.groupdict(), m.groupdict("?"), m.groupdict(default=None))
print(m.span(), m.span(2), m.span("opt"), m.start(), m.start("last"), m.end(1), m.end("opt"))
print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos)
print(m.re, m.re is re.compile(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?"), repr(m.string))
print(m.expand(r"\2, \1 [\g<first>] \g<0>"))
print(bool(m), m.__copy__() is m)
for bad in (4, -1, "nope", 1.5, b"first", None, (1,)):
    try:
        print(m.group(bad))
    except IndexError as e:
        print("IndexError", e)
    try:
        print(m[bad])
    except IndexError as e:
        print("IndexError", e)
try:
    m.groups(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    m.expand(r"\9")
except re.error as e:
    print("error", e)

# lastindex / lastgroup
for pat, s in [(r"(a)(b)?", "ab"), (r"(a)(b)?", "a"), (r"((a)b)", "ab"), (r"(?P<x>a)|(?P<y>b)", "b"),
               (r"a", "a"), (r"(a)|b", "b"), (r"(?:(a)|b)*", "ab")]:
    m = re.match(pat, s)
    print(pat, m.lastindex, m.lastgroup, m.regs)

# pos / endpos
p = re.compile(r"\d+")
m = p.search("ab12cd345", 3, 8)
print(m, m.pos, m.endpos, m.span())
print(p.match("ab12", 2), p.match("ab12", 2, 3), p.fullmatch("ab12", 2), p.fullmatch("ab12x", 2))
print(p.search("123", -5, 100), p.search("123", 2, 1), p.search("123", 5))
print(p.search("123", endpos=2))

# non-ASCII text: positions are characters
m = re.search(r"(é+)(\w)", "ça: ééx!")
print(m, m.span(1), m.group(2), m.regs)
print(re.findall(r"\w+", "naïve café 東京 x_1"))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(2) + m.group(1), "héllo wörld 東京"))
print(re.sub(r"(é)", r"<\1>", "aébéc"), re.split(r"é", "aébéc"))

# bytes
m = re.match(rb"(\w+)=(\d*)", b"key=12;")
print(m, m.groups(), m[1], m.span(2), m.expand(rb"\2:\1"))
print(re.findall(rb"[a-z]+", b"ab cd\xe9ef"), re.sub(rb"\d", b"#", bytearray(b"a1b22")))
print(re.findall(rb"a", bytearray(b"aXa")), re.split(rb",", b"a,b"))

# copy and deepcopy of matches and patterns
import copy
m = re.match("a", "a")
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(re.compile("a")) is re.compile("a"))

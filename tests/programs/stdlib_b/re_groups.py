import re

m = re.match(r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?", "2024-05 rest")
print(m)
print(m.group(), m.group(0), m.group(1, 2), m.group("year"), m["month"], m[0])
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.span(), m.span(2), m.start("month"), m.end(), m.start(3), m.span("day"))
print(m.lastindex, m.lastgroup, m.re.pattern, m.string, m.pos, m.endpos, m.regs)
print(m.re.groupindex, m.re.groups, m.expand(r"\g<month>/\1"))
for bad in (4, "nope", -1):
    try:
        m.group(bad)
    except IndexError as e:
        print(type(e).__name__, e)

print(re.match(r"((a)(b))", "ab").lastindex, re.match(r"(a)(b)", "ab").lastindex)
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").lastindex)
print(re.match(r"(a|b)*c", "abbac").group(1), re.match(r"(a*)*", "b").groups())
print(re.match(r"(?:(a)|(b))+", "ab").groups(), re.match(r"(a)?(b)", "b").groups())
print(re.search(r"(\d+)\s(\d+)?", "12 x").groups(), re.match(r"()", "").groups())

pat = re.compile(r"(?P<key>\w+)\s*=\s*(?P<val>[^;]*);?")
for mm in pat.finditer("a = 1; bb=two;c =  3"):
    print(mm.span(), mm["key"], repr(mm["val"]))
print(pat.findall("x=1;y=2"), pat.search("  k = v", 2), pat.match("  k = v"), pat.match("  k = v", 2))
print(pat.fullmatch("k=v"), pat.fullmatch("k=v!"), pat.search("k=v", 0, 2))

print(re.findall(r"\b\w", "hello big world"), re.findall(r"\B\w", "ab cd"))
print(re.findall(r"(?<=\$)\d+(?:\.\d\d)?", "cost $12.50 or $3"), re.findall(r"\w+(?!\d)\b", "ab1 cd ef2"))
print(re.findall(r"(?<![\w.])\d+(?![\w.])", "1 2.5 33 x4"), re.search(r"(?=(\w\w))", "abc").groups())
print(re.match(r"(\w+) \1", "hey hey you"), re.match(r"(?i)(\w+) \1", "Hey HEY"), re.search(r"(a)(?(1)b|c)", "xab"))
print(re.findall(r"(a)?(?(1)b|c)", "ab c b"))
print(re.match(r"a.c", "a\nc"), re.match(r"a.c", "a\nc", re.S), re.findall(r"^\d", "1\n2\n3", re.M), re.findall(r"\d$", "1\n2\n3"))
print(re.search(r"$", "ab\n").span(), re.search(r"\Z", "ab\n").span(), re.findall(r"\A\w", "ab\ncd", re.M))
print(re.match(r"[a-z]+", "HeLLo", re.I), re.match(r"[^\d\s]+", "ab1"), re.match(r"[\w-]+", "a-b_c d"), re.findall(r"[]a]", "a]b"))
verbose = re.compile(r"""
    (?P<int>\d+)     # integer part
    (?:\.(?P<frac>\d+))?  # fraction
    \s*(?P<unit>[a-z]+)   # unit
""", re.VERBOSE)
print(verbose.match("12.5 kg").groupdict(), verbose.match("7m").groupdict(), verbose.flags)
print(re.match(r"\w+", "héllo wörld"), re.match(r"\w+", "héllo", re.A), re.findall(r"\d", "٣4"), re.findall(r"\s", "a\u3000b\tc"))
print(re.match(r"a{2,3}", "aaaa"), re.match(r"a{2,3}?", "aaaa"), re.match(r"a{,2}", "aaa"), re.match(r"a{2}", "aaa"), re.match(r"x{1,2", "x{1,2"))
print(re.match(r"(a+)+?b", "aab"), re.match(r"<.*?>", "<a><b>"), re.match(r"<.*>", "<a><b>"), re.match(r"a++", "aaa"), re.match(r"(?>a+)a", "aaa"))
print(re.match(b"(\\d+)", b"42abc"), re.match(b"(\\d+)", b"42abc").group(1), re.compile(b"x", re.I))
print(repr(re.compile(r"\d+\n")), re.compile("a", re.I | re.S | re.X), re.compile("(?i)a").flags, re.compile("a", re.A).flags)
print(re.compile("ab") == re.compile("ab"), re.compile("ab") is re.compile("ab"), bool(re.match("", "")))
for bad in ["(?P<a>x)(?P<a>y)", "(?P=nope)", r"\1(a)", "[z-a]", "(?<x", "(?Px)", "a)", "(a", "x{3,1}", "(?z)", r"\x4", "a(?i)b", "[\\d-z]"]:
    try:
        re.compile(bad)
        print("ok", bad)
    except re.error as e:
        print("error:", e, "|", e.msg, e.pos)
try:
    re.match("a", b"a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    re.compile("a\n(b")
except re.error as e:
    print(e, e.lineno, e.colno)

# The re fast paths: finditer steps its scanner in place, Match.lastgroup,
# m.group() without arguments, and attribute/method sites that see match objects
# and other objects in turn.
import re

TOKEN = re.compile(r"(?P<num>\d+)|(?P<word>[a-z]+)|(\s+)|(?P<op>[-+])")
for m in TOKEN.finditer("ab 12+cd -"):
    print(repr(m.group()), m.lastgroup, m.lastindex, m.span(), m.group(0), m[0])

# Unnamed groups: lastgroup is None; no group matched: None too.
m = re.match(r"(a)(b)?", "a")
print(m.lastgroup, m.lastindex, m.groups())
m = re.match(r"(?P<x>a)(b)", "ab")
print(m.lastgroup, m.lastindex)
m = re.match(r"(?P<x>a)|b", "b")
print(m.lastgroup, m.lastindex)
m = re.match(r"(?P<outer>a(?P<inner>b))", "ab")
print(m.lastgroup, m.lastindex)

# Empty matches: the scanner must advance past them.
print([m.span() for m in re.finditer(r"x*", "axxb")])
print([m.group() for m in re.finditer(r"\b", "ab cd")])
print([m.group() for m in re.finditer(r"", "")])

# A scanner consumed in pieces, with another scanner in between.
it = re.finditer(r"\d", "1a2b3")
other = re.finditer(r"[a-z]", "1a2b3")
print(next(it).group(), next(other).group(), next(it).group(), next(other).group())
print([m.group() for m in it], [m.group() for m in other])
print(next(it, "done"))

# Non-ASCII text and bytes.
print([(m.group(), m.lastgroup) for m in re.finditer(r"(?P<w>\w+)", "héllo wörld")])
print([m.group() for m in re.finditer(rb"(?P<d>\d+)", b"a1b22")])
print(re.match(rb"(?P<d>\d)", b"7").lastgroup)

# Method and attribute sites that see a Match, then something else, then a Match.
class Fake:
    lastgroup = "fake"
    def group(self, *a):
        return "fake-group"

things = [re.match(r"(?P<n>\d)", "5"), Fake(), re.match(r"(?P<w>[a-z])", "q"), Fake()]
for t in things:
    print(t.group(), t.lastgroup)

# Errors keep CPython's messages.
m = re.match(r"(?P<a>x)", "x")
for bad in ("nope", 5, -1):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError:", e)
try:
    m.group(k=1)
except TypeError as e:
    print("TypeError:", e)

# findall / finditer / split / sub / subn, with empty matches, counts, groups and callables.
import re

print(re.findall(r"\w+", "ab cd  ef"), re.findall(r"(\w)(\d)?", "a1 b c2"), re.findall(r"(\w+)", "x y"))
print(re.findall(r"", "abc"), re.findall(r"a*", "baaac"), re.findall(r"\b", "ab cd"))
print(re.findall(r"(a)|b", "ab"), re.findall(r"x*", ""), re.findall("(?:)", ""))
p = re.compile(r"\d")
print(p.findall("a1b2c3d4", 2), p.findall("a1b2c3d4", 2, 5), p.findall("12", 5))
it = re.finditer(r"(\w)(\d)?", "a1 b c2")
print(type(it).__name__, iter(it) is it)
for m in it:
    print(m.span(), m.groups(), m.lastindex)
print(next(it, "done"))
print([m.span() for m in re.finditer(r"a*", "baaac")])
print([m.group() for m in p.finditer("a1b2c3", 1, 4)])

print(re.split(r",", "a,b,,c"), re.split(r"(,)", "a,b"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r"x*", "axbc"), re.split(r"\b", "ab cd"), re.split(r",", "a,b,c", maxsplit=1))
print(re.split(r",", "a,b,c", 2), re.split(r",", "a,b", -1), re.split(r"", "ab"), re.split("a", ""))
print(re.split(r"\s+", "  lead and trail  "), re.split(r"(?=b)", "abab"))

print(re.sub(r"a", "bb", "banana"), re.sub(r"a", "bb", "banana", 2), re.sub(r"a", "bb", "banana", count=1))
print(re.sub(r"x*", "-", "abc"), re.sub(r"", "-", "ab"), re.sub(r"(?m)^", "> ", "a\nb"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"))
print(re.sub(r"(?P<k>\w)=(?P<v>\d)", r"\g<v>=\g<k> \g<0> \g<1>", "a=1 b=2"))
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.sub(r"a", r"\n\t\\", "a"), repr(re.sub("a", r"\0\01\141", "a")))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 22 333"))
print(re.sub(r"\d", lambda m: None, "a1b2"), re.sub(r"\d", lambda m: "", "a1b2"))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"o", "0", "foo boo", 3), re.subn("z", "y", "abc"))
print(re.compile(r"o").subn(lambda m: m.group().upper(), "foo", count=1))
print(re.sub(rb"(\d)", rb"<\1>", b"a1b2"), re.subn(rb"a", lambda m: b"A", b"aba"))
print(re.sub("a", "é", "bab"), re.sub("é", "e", "ééé", 2), re.sub("(é)(x)?", r"\2\1", "éxé"))
for repl in (lambda m: 3, lambda m: b"x"):
    try:
        re.sub("a", repl, "bab")
    except TypeError as e:
        print("TypeError", e)
try:
    re.sub(rb"a", lambda m: "x", b"bab")
except TypeError as e:
    print("TypeError", e)
for bad in (r"\g<9>", r"\g<x", r"\q", r"\g<-1>", r"\7"):
    try:
        re.sub("(a)", bad, "a")
    except re.error as e:
        print("error", e)
try:
    re.sub("(a)", r"\g<nope>", "a")
except IndexError as e:
    print("IndexError", e)
try:
    re.sub("a", b"b", "a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", 3, "a")
except TypeError as e:
    print("TypeError", e)
for args in [("a", "b"), (b"a", "b")]:
    try:
        re.findall(*args[:1], args[1] if args[0] == "a" else "b") if False else None
        re.findall(args[0], b"a" if isinstance(args[0], str) else "a")
    except TypeError as e:
        print("TypeError", e)
try:
    re.search("a", 5)
except TypeError as e:
    print("TypeError", e)

# calls back into Python from sub: the match is usable, exceptions propagate
def boom(m):
    if m.start() > 2:
        raise ValueError("stop at %d" % m.start())
    return m.group().upper()
try:
    re.sub(r"\w", boom, "abcdef")
except ValueError as e:
    print("ValueError", e)
seen = []
print(re.sub(r"(\w)(\d)", lambda m: seen.append(m.groups()) or m.group(2), "a1b2c"), seen)

# scanner
sc = re.compile(r"\d").scanner("a1b2")
print(sc.search(), sc.search(), sc.search())

import re

text = "The quick brown fox, born 2019-03-14, jumped over 3 lazy dogs."
print(re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", text))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", r"\g<d>.\g<m>.\g<y>", text))
print(re.sub(r"\b(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
print(re.sub(r"o", "0", text, count=2), re.subn(r"\s+", " ", "a  b \t c\n"))
print(re.sub(r"", "-", "abc"), re.sub(r"x*", "-", "abxd"), re.sub(r"(x)?y", r"[\1]", "y xy"))
print(re.sub(r"a", r"\n\t\\", "bab"), repr(re.sub(r"a", "\\\\", "a")), re.sub(r"(a)", r"\g<1>0", "a"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) + 1), "v1.9.10"), re.sub("a", lambda m: None, "banana") if False else "")
print(re.sub(b"a", b"o", b"banana"), re.sub(r"(?i)HELLO", "bye", "Hello hello"), re.sub("a", "b", "aaa", flags=0))
for bad in [r"\3", r"\g<x>", r"\g<1", r"\g<>", r"\q", "\\", r"\g<a-b>"]:
    try:
        print(re.sub(r"(a)(b)", bad, "ab"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

print(re.split(r"\s*,\s*", "a , b,c ,d"), re.split(r"(\s*),(\s*)", "a , b"), re.split(r"[,;]", "a,b;c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"\b", "hi there"), re.split(r"(a)|b", "xaybz"), re.split(r"\d", "abc"))
print(re.split(r"^", "a\nb", flags=re.M), re.split(r"$", "a\nb", flags=re.M), re.split("", "ab"))
print(re.findall(r"\w+|[^\w\s]", "Hi, you! ok?"), re.findall(r"(\w+)=(\w+)?", "a=1 b= c=3"), re.findall("", "ab"))
print([m.span() for m in re.finditer(r"\d*", "a12b")], [m.group() for m in re.finditer(r"a|ab", "abab")])
print(re.escape("1+1=2? [yes] (a|b) ^$ \\ ~ # & - _ é"), re.escape(b"a.b"), re.match(re.escape("a.b*"), "a.b*"))
words = re.compile(r"[A-Za-z']+")
counts = {}
for w in words.findall("It's a truth universally acknowledged, that a single man; it's a TRUTH."):
    counts[w.lower()] = counts.get(w.lower(), 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
tokens = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<op>[-+*/()])|(?P<name>[a-z_]\w*))")
pos = 0
src = "x1 + 42*(y - 3.5)"
out = []
while pos < len(src):
    m = tokens.match(src, pos)
    if not m:
        break
    out.append((m.lastgroup, m.group(m.lastgroup)))
    pos = m.end()
print(out)
log = """2024-01-02 ERROR disk full
2024-01-02 INFO started
2024-01-03 WARNING cpu hot
2024-01-04 ERROR net down"""
errs = re.findall(r"^(\S+) ERROR (.*)$", log, re.MULTILINE)
print(errs, len(re.findall(r"^\S+ (?:ERROR|WARNING)", log, re.M)))
print(re.sub(r"(?m)^(\S+) (\w+)", r"\2@\1", log).splitlines()[1])

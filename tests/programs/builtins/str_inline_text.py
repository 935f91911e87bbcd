# Short strs keep their text inline (up to 15 bytes), longer ones share it: every
# str operation must see the same text on both sides of the limit.
for n in range(12, 20):
    s = "x" * (n - 1) + "é"
    t = "ab" * n
    print(n, len(s), len(t), s[-1], t[n - 1 : n + 2], s.upper()[-3:], t.upper()[:3])
    u = t[:7] + t[7:]
    print(u == t, hash(u) == hash(t), u is t, {t: 1}[u], t.lower() == t, (t + "!")[-2:])
    print(t.split("b")[:3], t.strip("a"), t.lstrip("a")[:4], t.rstrip("b")[-4:])
    print(t.replace("ab", "A", 2)[:6], t.find("ba"), t.count("a"), t.startswith("ab"), t.endswith("ab"))

# Concatenation around the inline limit, with non-ASCII text.
a = "déjà"
for k in range(6):
    b = a * k
    c = b + "|" + a
    print(len(c), len(c.encode()), c[-5:], c.upper()[:6], c.split("|")[-1] == a)

# Case mapping of ASCII text keeps the length in characters.
for w in ["", "a", "Hello World", "MIXED case words here", "x" * 15, "y" * 16]:
    lo, up = w.lower(), w.upper()
    print(repr(lo), repr(up), len(lo), len(up), lo[::-1][:3], up.swapcase() == lo)

# Slices, joins and dict keys across the limit.
words = ["k" * i for i in range(20)]
d = {w: i for i, w in enumerate(words)}
print(sum(d["".join(["k"] * i)] for i in range(20)), "-".join(words)[-30:])
print(sorted(words, key=len, reverse=True)[:2], max(words), min(words[1:]))

# strip with and without characters, and subclasses (the result is always a str).
class S(str):
    pass

for x in [S("abc"), S("  abc "), S("xxabcxx")]:
    for r in [x.strip(), x.strip("x"), x.lstrip(), x.rstrip("x"), x.strip(None)]:
        print(type(r).__name__, repr(r))
print(repr("é,x,é".strip("é,")), repr("ééa".lstrip("é")), repr("aéé".rstrip("é")))
print(repr(",.a.,".strip(",.")), repr("a".strip("a")), repr("".strip("x")))
for f in (str.strip, str.lstrip, str.rstrip):
    try:
        f("a", 1)
    except TypeError as e:
        print(e)

# split with one-character and longer separators, with maxsplit, both ways.
s = "a,b,,c,"
for sep in [",", ",,", "b,"]:
    for m in [-1, 0, 1, 2]:
        print(sep, m, s.split(sep, m), s.rsplit(sep, m))
print("é|ü|ö".split("|"), "é|ü|ö".rsplit("|", 1), "ééé".split("é"))

# join: lists and tuples of strs are read in place; everything else (subclasses,
# other iterables, non-str items) takes the generic path with its errors.
class L(list):
    def __iter__(self):
        return iter(["over", "ridden"])

class T(str):
    pass

print(repr("".join([])), repr(",".join(("a",))), repr("--".join(["ab", "cdé", "f" * 14])))
print(",".join(L(["x", "y"])), "+".join(x for x in "abc"), "|".join({"k": 1}))
print(repr(T("-").join([T("a"), "b"])), type(T("-").join([T("a")])).__name__)
print(len(" ".join(["w"] * 10000)), " ".join(["é"] * 5), "".join(["ab"] * 8))
for bad in (["a", 1], ("a", None), ["a", b"b"]):
    try:
        "-".join(bad)
    except TypeError as e:
        print(e)
try:
    str.join(1, ["a"])
except TypeError as e:
    print(e)

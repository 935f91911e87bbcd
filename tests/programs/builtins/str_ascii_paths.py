# str hashing and the case/strip methods on ASCII text (computed in place) agree
# with the general paths: hashes of ASCII, latin-1 and wider text, set order,
# lower/upper of ASCII, non-ASCII and str subclasses, strip results.

for s in ["", "a", "abc", "hello world", "x" * 40, "caf\xe9", "\u20acuro", "\U0001f600!",
          "ka|zen", "Zen,", "12345"]:
    print(repr(s), hash(s))
print(sorted({"ka", "lo", "mi", "ne", "ru"}), list({"ka", "lo", "mi", "ne", "ru"}))
print(list({"alpha": 1, "beta": 2, "gamma": 3}.items()))

for s in ["", "abc", "ABC", "MiXeD 123 !?", "caf\xe9", "CAF\xc9", "stra\xdfe", "\u0130i",
          "\u03a3\u0391\u03a3", "a\u0301"]:
    print(repr(s.lower()), repr(s.upper()))


class S(str):
    def lower(self):
        return "S.lower:" + str.lower(self)


s = S("HeLLo")
print(s.lower(), s.upper(), type(s.upper()).__name__, type(str.lower(s)).__name__)
t = "abc"
print(t.lower() == t, t.lower() is not None, type(t.upper()).__name__)

for s in ["  x  ", "x", ",.word.,", "", "   ", "\t\nmid\r\n", "caf\xe9  ", ",,"]:
    print(repr(s.strip()), repr(s.strip(",.")), repr(s.lstrip()), repr(s.rstrip(" ,")))
w = "word"
print(w.strip() is w, w.strip(",.") is w)
print(repr(S("  pad  ").strip()), type(S("  pad  ").strip()).__name__)

counts = {}
for word in "the cat and The CAT and the dog".split():
    k = word.strip(",.").lower()
    counts[k] = counts.get(k, 0) + 1
print(counts)

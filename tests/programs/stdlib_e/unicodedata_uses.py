# unicodedata as real programs use it: slugs, accent stripping, caseless matching,
# display width, urllib's NFKC netloc check, unicode_escape with \N{...}.
import re
import unicodedata
from urllib.parse import urlsplit


def slugify(value):
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn")


def caseless_equal(a, b):
    nfd = lambda s: unicodedata.normalize("NFD", s)
    return nfd(nfd(a).casefold()) == nfd(nfd(b).casefold())


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)


print(unicodedata.__doc__.splitlines()[3])
for t in ("Héllo Wörld — Ça va?", "ﬁnal ① ½", "Ǆemal Bijedić", "Ἀθῆναι", "東京 2020"):
    print(ascii(t), slugify(t), ascii(strip_accents(t)), width(t))
print(caseless_equal("Straße", "STRASSE"), caseless_equal("Å", "A\u030a"),
      caseless_equal("\u212b", "å"), caseless_equal("e", "é"))
words = ["zèbre", "Zebra", "éclair", "eclat", "Äpfel", "apple"]
print(sorted(words, key=lambda w: strip_accents(w).casefold()))
print(urlsplit("http://ｅxample.com/päth"))
try:
    urlsplit("http://a\uff03b@c/")
except ValueError as e:
    print("ValueError", e)
print([unicodedata.name(c) for c in "a1 €"])
print(b"Caf\\N{LATIN SMALL LETTER E WITH ACUTE} \\N{EM DASH} ok".decode("unicode_escape"))
print("naïve café ☕".encode("ascii", "namereplace").decode("ascii"))
counts = {}
for c in "Hello, Wörld! 123 ½ — ☕":
    cat = unicodedata.category(c)
    counts[cat] = counts.get(cat, 0) + 1
print(sorted(counts.items()))

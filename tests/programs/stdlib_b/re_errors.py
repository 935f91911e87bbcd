# Bad patterns raise re.error (with the position), OverflowError or RecursionError as CPython;
# mismatched str/bytes raise TypeError. Nothing crashes.
import re

cases = [
    "(?(1)a|b)", "(?(2)a|b)(x)", "(?(0)a|b)", "(?(-1)a|b)", "(?(a)a|b)", "(?(1a)a|b)",
    "(?(1)a|b|c)", "(?(1)", "(?(1", "a{2,1}", "a**", "a{1,2}{3}", "*a", "a|*", "^*", "\\b*",
    "(?<=a+)b", "(?<=a|bc)d", "(?<=a{1,2})b", "(?<=(a)\\1)b", "(a\\1)", "(?P<n>a(?P=n))",
    "\\N{NOPE}", "\\N", "\\N{", "\\N{LATIN", "a(?i)b", "(?i)a(?m)b", "\\2(a)(b)", "(a)\\2",
    "\\g<1>", "[a-", "[z-a]", "(?P<1>a)", "(?P<a>a)(?P<a>b)", "(?<", "(?", "(", ")", "a)",
    "\\", "\\q", "[\\q]", "\\x4", "\\u004", "\\U00110000", "\\777", "[\\777]", "(?Pxa)",
    "(?P=)", "(?P=x)", "(?#abc", "{3}", "(?i-i:a)", "(?a-u:a)", "(?L)a", "(?au)a", "(?t:a)",
    "(?-t:a)", "(?x-:a)", "(?-", "(?i", "(?i-", "(?i-m", "(?i!)", "(?-!:a)", "(?-i!)",
    "[]", "[^]", "[\\d-z]", "[a-\\d]", "\\8", "\\10", "(?P<n>)(?P=n", "(?P<n", "(?P<>a)",
    "(?P<a-b>x)", "(?:a", "[", "(?<=(?P<g>a)(?P=g))b", "(?<=\\1)(a)", "(?Q)", "(?<x)",
    "(?P<=x)", "a{4294967295}", "a{4294967296}", "a{1,4294967295}", "a{99999999999999999999}",
    "(?:(?:a{4000000000}){4000000000}){4000000000}", "(?<=(?:(?:a{4000000000}){4000000000}){4000000000})b",
]
for p in cases:
    try:
        r = re.compile(p)
        print(repr(p), "ok", r.groups)
    except re.error as e:
        print(repr(p), "error:", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except (OverflowError, RecursionError) as e:
        print(repr(p), type(e).__name__, e)

try:
    re.compile("a\n(b\n c")
except re.error as e:
    print(e, e.lineno, e.colno)
for n in (10, 100, 400, 1000, 10000):
    for p in ("(" * n + "a" + ")" * n, "(?:" * n + "a" + ")" * n, "(" * n):
        try:
            print(n, re.match(p, "a") is not None)
        except RecursionError as e:
            print(n, "RecursionError", e)
        except re.error as e:
            print(n, "error", e)
print(re.match("a|" * 10000 + "b", "b"), len(re.compile("a" * 100000).pattern))

for pat, s in [(b"a", "a"), ("a", b"a"), (b"(?u)a", b"a"), ("(?L)a", "a"), ("a", 1), (1, "a")]:
    try:
        print(repr(pat), re.findall(pat, s))
    except re.error as e:
        print(repr(pat), "error:", e)
    except TypeError as e:
        print(repr(pat), "TypeError:", e)
for flags in (re.LOCALE, re.ASCII | re.UNICODE):
    try:
        re.compile("a", flags)
    except ValueError as e:
        print("ValueError", e)
try:
    re.compile(b"a", re.UNICODE)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)

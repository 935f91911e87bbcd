# str corner cases: split/rsplit with maxsplit, splitlines separators, partition,
# title with apostrophes, casefold, expandtabs, translate with dicts, escapes in repr,
# count/find with ranges, and join errors.

s = "  alpha  beta\tgamma\n delta  "
print(s.split(), s.split(None, 2), s.rsplit(None, 2), s.split(" ", 3), "a,b,,c".split(",", -1))
print("x".split("x"), "".split(), "".split(","), "abc".split("abc"), "a b".rsplit(" ", 0))
print("one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\u2028eight".splitlines())
print("keep\nends\r\n".splitlines(True), "no newline".splitlines(), "".splitlines(), "\n".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition("="), "none".rpartition("="))
print("they're bill's friends from the UK".title(), "hELLO wORLD".swapcase(), "ß straße".casefold(), "ǅungla".title())
print("a\tbc\tdef\tg".expandtabs(4), repr("x\ty".expandtabs(0)), "12345\t6".expandtabs(5))
table = str.maketrans({"a": "1", "b": None, "c": "xyz"})
print("abcabc".translate(table), "hello".translate(str.maketrans("el", "ip")), "strip".translate(str.maketrans("", "", "aeiou")))
print(repr("tab\there"), repr("quote's"), repr('dq"'), repr("both'\""), repr("\x00\x7f\x80\u200b"), repr("\\"), ascii("café ☕"))
text = "the cat sat on the mat with the hat"
print(text.count("the"), text.count("the", 5), text.count("the", 5, 20), text.find("at", 10), text.rfind("at", 0, 20), text.index("mat"))
print(text.startswith(("a", "the")), text.endswith("hat", 0, len(text)), text.startswith("cat", 4), "".startswith(""))
print("-".join(["a", "b"]), "".join([]), ", ".join(str(i) for i in range(3)), "x".join("abc"))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
print("Hello"[::-1], "Hello"[1:-1], "Hello"[10:], "Hello"[-10:2], "abcdef"[::2], "abcdef"[-1::-2])
print("%-10s|" % "left", "{:^9}".format("mid"), "abc".center(8, "*"), "abc".ljust(2), "42".zfill(6), "-42".zfill(6), "+".zfill(3))
print("  x  ".strip(), "xxhixx".strip("x"), "www.example.com".lstrip("w."), "hello!!!".rstrip("!"), "abc".removeprefix("ab"), "abc".removesuffix("bc"))
print("ABC".lower(), "abc".upper(), "Hello World".istitle(), "HELLO".isupper(), "hello".islower(), "Hello1".isalnum(), "   ".isspace(), "abc".isidentifier(), "1abc".isidentifier())
print(str(1.0), str([1, "a"]), str(("x",)), str({"k": "v"}), str(None), str(b"b"), str(3 + 0j))
print("a" * 3, 3 * "ab", "a" < "b" < "ba", "Z" < "a", "é" > "z", ord("€"), chr(8364), "abc" in "xabcx", "" in "x")
print(f"{'x':>{3}}", "{0}{1}{0}".format("ab", "-"), "%s and %s" % ("a", "b"), "%(x)s" % {"x": 1})
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.casefold), max(words, key=len), "".join(sorted("hello")))
print("ab cd".replace(" ", ""), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "mississippi".replace("ss", "SS"))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError:", e)

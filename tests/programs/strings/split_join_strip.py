# split/rsplit (maxsplit), join, strip family, partition, splitlines.
s = "  the quick  brown fox  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "a,b,,c".split(",", maxsplit=2))
print("".split(), "".split(","), "abc".split("abc"), "x".split("x"), "a--b--c".split("--"))
print("1 2\t3\n4\r\n5\x0b6".split(), "one  two".split(" "), "a b c".rsplit(maxsplit=1))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), " ".join("abc"), "+".join(("1", "2")))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()), repr("\t\n x \n".strip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "file.txt..".rstrip("."))
print("mississippi".strip("ips"), repr("   ".strip()), "hello".strip(""), "<<a>>".lstrip("<").rstrip(">"))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "novalue".partition("="), "novalue".rpartition("="))
text = "line1\nline2\r\nline3\rline4\n\nline6"
print(text.splitlines(), text.splitlines(keepends=True))
print("".splitlines(), "one\n".splitlines(), "a\n\nb".split("\n"), "trailing\n".split("\n"))
print("removeprefix:", "prefix_body".removeprefix("prefix_"), "body".removeprefix("x"), "name.py".removesuffix(".py"))
csv = "name,age,city\nAnn,30,Oslo\nBo,25,Rome"
rows = [line.split(",") for line in csv.splitlines()]
header, *records = rows
print([dict(zip(header, r)) for r in records])

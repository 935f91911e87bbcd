import fnmatch

names = ["a.py", "b.txt", "setup.py", ".hidden.py", "data1.csv", "data22.csv", "README", "x[1].log"]
for pat in ["*.py", "?.txt", "data?.csv", "data*.csv", "[ab]*", "[!ab]*", "*[0-9]*", "x[[]1].log",
            "*", "README", "readme", "*.[ch]", "[a-c]*.*", "[]]", "[!]]*", "**.py", "*a*a*"]:
    print(repr(pat), fnmatch.filter(names, pat), fnmatch.translate(pat))
print(fnmatch.fnmatch("FOO.PY", "*.py"), fnmatch.fnmatchcase("FOO.PY", "*.PY"))
print(fnmatch.fnmatch(b"abc.c", b"*.c"), fnmatch.fnmatch("a\nb", "a?b"))
print(fnmatch.translate("[z-a]"), fnmatch.translate("[a-b-c]"), fnmatch.translate("[\\]"))
print(fnmatch.filter(["aaaa" * 10 + "b"], "*a*a*a*a*a*a*c"))
try:
    fnmatch.fnmatch(1, "x")
except TypeError as e:
    print("TypeError:", e)

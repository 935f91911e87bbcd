# The str-like methods of bytes (and bytearray, which returns bytearrays).


def show(label, value):
    print(f"{label:>14}: {value!r}")


data = b"  The quick brown fox, jumps over the lazy dog.  "
show("strip", data.strip())
show("lstrip", data.lstrip())
show("rstrip", data.rstrip())
show("strip chars", b"xxhixyx".strip(b"xy"))
show("lstrip chars", b"xxhixyx".lstrip(b"x"))
show("rstrip chars", b"xxhixyx".rstrip(bytearray(b"xy")))
show("strip None", b"\t a \n".strip(None))

# split / rsplit with and without separators and maxsplit
line = b"a,b,,c,d"
show("split", line.split(b","))
show("split max", line.split(b",", 2))
show("rsplit max", line.rsplit(b",", 2))
show("split kw", line.split(sep=b",", maxsplit=1))
show("ws split", b"  one  two\tthree\nfour  ".split())
show("ws split max", b"  one  two\tthree\nfour  ".split(None, 2))
show("ws rsplit max", b"  one  two\tthree\nfour  ".rsplit(maxsplit=2))
show("ws split empty", b"   ".split())
show("multi sep", b"a--b----c".split(b"--"))
show("rsplit multi", b"a--b----c".rsplit(b"--", 1))
show("splitlines", b"one\ntwo\r\nthree\rfour\n".splitlines())
show("splitlines ke", b"one\ntwo\r\nthree\rfour\n".splitlines(keepends=True))
show("splitlines vt", b"a\x0bb\x0cc".splitlines())

# partition
show("partition", b"key=value=x".partition(b"="))
show("rpartition", b"key=value=x".rpartition(b"="))
show("partition no", b"novalue".partition(b"="))
show("rpartition no", b"novalue".rpartition(b"="))

# searching with ranges and int arguments
s = b"abracadabra"
show("find", (s.find(b"bra"), s.find(b"bra", 2), s.find(b"bra", 2, 9), s.find(b"zz")))
show("rfind", (s.rfind(b"bra"), s.rfind(b"bra", 0, 8), s.rfind(ord("a")), s.rfind(b"")))
show("find int", (s.find(ord("c")), s.find(99, 5), s.find(b"", 20), s.find(b"", 11)))
show("index", (s.index(b"cad"), s.rindex(b"a"), s.index(ord("d"), -5)))
show("count", (s.count(b"a"), s.count(b"a", 1), s.count(b"a", 1, -1), s.count(ord("b")), s.count(b"")))
show("count ovl", b"aaaa".count(b"aa"))
show("starts", (s.startswith(b"abra"), s.startswith(b"cad", 4), s.startswith((b"x", b"ab")), s.startswith(b"a", 3, 3)))
show("ends", (s.endswith(b"bra"), s.endswith(b"cad", 0, 7), s.endswith((b"x", b"ra")), s.endswith(b"", 20)))
for bad in [lambda: s.index(b"zz"), lambda: s.rindex(120), lambda: s.find("a"),
            lambda: s.startswith("a"), lambda: s.count(256)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print("  error:", type(e).__name__, e)

# replace
show("replace", s.replace(b"a", b"A"))
show("replace cnt", s.replace(b"a", b"A", 2))
show("replace empty", b"abc".replace(b"", b"-"))
show("replace e cnt", b"abc".replace(b"", b"-", 2))
show("replace del", s.replace(b"bra", b""))

# case
t = b"hello wORLD 123 it's-a_test"
show("upper", t.upper())
show("lower", t.lower())
show("swapcase", t.swapcase())
show("capitalize", t.capitalize())
show("title", t.title())
show("is* flags", [f(x) for x in (b"abc", b"ABC", b"Abc Def", b"a1", b"12", b" \t", b"", b"ab c")
                   for f in (bytes.isalnum, bytes.isalpha, bytes.isdigit)])
show("case flags", [f(x) for x in (b"abc", b"ABC", b"Abc Def", b"a1", b"12", b" \t", b"", b"Abc dEf")
                    for f in (bytes.islower, bytes.isupper, bytes.isspace, bytes.istitle)])
show("isascii", (b"abc".isascii(), b"\x80".isascii(), b"".isascii()))

# padding
show("center", (b"ab".center(7), b"ab".center(7, b"*"), b"abc".center(6, b"-"), b"abc".center(2)))
show("ljust/rjust", (b"ab".ljust(5, b"."), b"ab".rjust(5), b"ab".rjust(1)))
show("zfill", (b"42".zfill(5), b"-42".zfill(5), b"+7".zfill(4), b"".zfill(3), b"abc".zfill(2)))
show("expandtabs", (b"a\tbc\td".expandtabs(), b"a\tbc\td".expandtabs(4), b"ab\n\tc".expandtabs(tabsize=3)))

# join, hex, fromhex
show("join", b", ".join([b"x", bytearray(b"y"), b"z"]))
show("join gen", b"".join(bytes([c]) for c in range(97, 101)))
show("hex", b"\xb9\x01\xef".hex())
show("hex sep", (b"\xb9\x01\xef".hex("-"), b"\xb9\x01\xef".hex(":", 2), b"\xb9\x01\xef".hex(b" ", -2)))
show("fromhex", (bytes.fromhex("de ad  be ef"), bytearray.fromhex("0a0B")))
for bad in ["abc", "a b", "zz"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("  error:", e)

# translate / maketrans
table = bytes.maketrans(b"abc", b"xyz")
show("maketrans len", len(table))
show("translate", b"aabbcc-abc".translate(table))
show("translate del", b"aabbcc-abc".translate(table, b"-b"))
show("translate None", b"hello world".translate(None, b"lo"))

# removeprefix / removesuffix
show("removeprefix", (b"prefix-data".removeprefix(b"prefix-"), b"data".removeprefix(b"x")))
show("removesuffix", (b"file.txt".removesuffix(b".txt"), b"file".removesuffix(b".txt")))

# the same methods on bytearray return bytearrays
ba = bytearray(b" Mixed Case ")
show("ba strip", ba.strip())
show("ba split", ba.split())
show("ba partition", ba.partition(b"d"))
show("ba upper", ba.upper())
show("ba replace", ba.replace(b" ", b"_"))
show("ba center", bytearray(b"x").center(5, b"."))
show("ba join", bytearray(b"+").join([b"1", b"2"]))

# % formatting
show("%d %s", b"%d items of %s" % (3, b"spam"))
show("%r %a", b"%r and %a" % (b"q", "caf\xe9"))
show("%x %o %c", b"%x %X %o %c %c" % (255, 255, 8, 65, b"z"))
show("%f %e %g", b"%.2f|%10.3e|%g|%-8.1f|" % (3.14159, 12345.678, 0.0001, 2.5))
show("widths", b"[%5d][%-5d][%05d][%+d][% d]" % (42, 42, 42, 42, 42))
show("%s bytearray", b"<%s>" % bytearray(b"ba"))
show("%%", b"100%% %s" % b"sure")
show("mapping", b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 30})
show("single", b"value: %d" % 7)
for bad in [lambda: b"%s" % "str", lambda: b"%d %d" % (1,), lambda: b"%d" % (1, 2),
            lambda: b"%c" % 300, lambda: b"%x" % 1.5]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print("  error:", type(e).__name__, e)


class HasBytes:
    def __bytes__(self):
        return b"<custom>"


show("__bytes__", (bytes(HasBytes()), b"%s" % HasBytes()))
show("bytes(str)", bytes("h\xe9", "latin-1"))
show("decode", (b"caf\xc3\xa9".decode(), b"abc".decode("ascii"), b"\xff".decode("utf-8", "replace")))

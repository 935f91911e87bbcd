# str.format, format_map, maketrans/translate, encode.
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}-{n:03d}".format(name="id", n=7))
print("{0[0]} {0[1]} {1[key]} {2.real}".format(["L0", "L1"], {"key": "V"}, 3 + 4j))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:.3}".format("truncate"), "{:+.2e}".format(12345.678))
print("{!r} {!s} {!a}".format("q", "q", "ü"), "{{}} {}".format(1), "{0:{1}}".format(5, 4) + "|")
print("{:,}".format(10**9), "{:_x}".format(0xdeadbeef), "{:#b}".format(5), "{:%}".format(0.25), "{:n}".format(1234))
data = {"user": "amy", "count": 3}
print("{user} has {count} items".format_map(data), "{user}".format(**data))
class Default(dict):
    def __missing__(self, k):
        return "?" + k + "?"
print("{a} {b}".format_map(Default(a=1)))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
table = str.maketrans("abc", "xyz")
print("aabbcc-abc".translate(table))
t2 = str.maketrans({"a": "1", "b": None, "c": "three"})
print("abcabc".translate(t2))
t3 = str.maketrans("lo", "01", "h")
print("hello world".translate(t3))
print(sorted(str.maketrans("ab", "cd").items()))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
print("Hello, World!".translate(rot13), "Hello, World!".translate(rot13).translate(rot13))
print("héllo".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"), "€".encode("utf-8"), "😀".encode())
print("héllo".encode("latin-1"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(b"h\xc3\xa9llo".decode(), b"h\xe9llo".decode("latin-1"), b"abc".decode("ascii"), len("😀".encode("utf-8")))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xffabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"))

# bytes/str count, find and rfind with bounds: single bytes, longer needles, empty.
b = b"abcabcab" * 3
for sub in [b"a", b"ab", b"abc", b"", b"x", b"cab", 97, b"bcabcabcabcabcabcabcabcabcabc"]:
    print(sub, b.count(sub), b.find(sub), b.rfind(sub), b.count(sub, 3), b.find(sub, 4, 20), b.rfind(sub, 2, 9), b.count(sub, -5), b.find(sub, 30), bytearray(b).rfind(sub,1,-1))
print(memoryview(b).tobytes().count(b"c"), b.count(b"ab", 10, 5), b.find(b"", 24), b.find(b"", 25), b.rfind(b""))
s = "héllo wörld hé"
for sub in ["é", "hé", "l", "", "ö", "z", "wörld"]:
    print(sub, s.count(sub), s.count(sub, 2), s.count(sub, 1, -2))

# Reading text: lines and chunks across the 8 KiB read-ahead (multi-byte characters,
# \r\n and \r line ends cut by it), and UTF-8 errors with CPython's positions.
import os
p = "_rd_test.txt"
with open(p, "wb") as f:
    f.write(("aé" * 3000 + "\r\n" + "x" * 8190 + "€\r" + "ü\n" * 5000 + "end").encode())
with open(p) as f:
    lines = list(f)
print(len(lines), [len(l) for l in lines[:4]], lines[-1], sum(map(len, lines)))
with open(p) as f:
    t = f.read()
print(len(t), t.count("\n"), t[6000:6003])
with open(p) as f:
    print(len(f.readline()), len(f.read(9000)), len(f.readline()), len(f.read()))
with open(p, "wb") as f:
    f.write(b"ok line\n" + b"a" * 9000 + b"\xe2\x82" + b"\nbad\xffbyte\n")
with open(p) as f:
    print(f.readline())
    try:
        for l in f: print(len(l))
    except UnicodeDecodeError as e:
        print("UDE", e)
with open(p, errors="strict") as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print("UDE", e)
os.remove(p)
import os
for data in [b"ab\xe2\x82", b"ab\xe2\x28\xa1x", b"\xf0\x9f\x98", b"\xf0\x9f\x98z", b"\xed\xa0\x80", b"a\x80b", b"\xc3"]:
    open("_u8_test.bin","wb").write(data)
    try:
        print(repr(open("_u8_test.bin").read()))
    except UnicodeDecodeError as e:
        print(e)
    try:
        print(repr(open("_u8_test.bin").readline()))
    except UnicodeDecodeError as e:
        print(e)
os.remove("_u8_test.bin")

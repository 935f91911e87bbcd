# open() with encodings other than utf-8 and with error handlers: utf-16/utf-32
# (BOM once, at the start), utf-8-sig (Excel's CSVs), cp1252, ascii; reads by
# line, by size and across chunk boundaries; seek(0); f.errors; the errors.
import csv
import os

P = "_open_encodings_tmp.txt"

with open(P, "w", encoding="utf-16") as f:
    f.write("héllo\n")
    f.write("wörld 😀\n")
print(open(P, "rb").read())
with open(P, encoding="utf-16") as f:
    print(f.readline(), end="")
    print(repr(f.read(3)), repr(f.read()))
    f.seek(0)
    print(f.readlines(), f.encoding, f.errors)
with open(P, "a", encoding="utf-16") as f:
    f.write("more\n")
print(open(P, "rb").read()[-12:], open(P, encoding="utf-16").read().splitlines())

for enc in ("utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "cp1252", "latin-1", "utf-8-sig"):
    with open(P, "w", encoding=enc) as f:
        f.write("ab€\n" if enc != "latin-1" else "abé\n")
    raw = open(P, "rb").read()
    print(enc, raw, repr(open(P, encoding=enc).read()))

# A big file: multi-byte characters straddle every read chunk.
text = "".join("%d:é€😀\n" % i for i in range(5000))
for enc in ("utf-16", "utf-32-le", "utf-8-sig", "cp1252"):
    t = text if enc != "cp1252" else text.replace("😀", "x")
    with open(P, "w", encoding=enc) as f:
        f.write(t)
    with open(P, encoding=enc) as f:
        lines = f.readlines()
    with open(P, encoding=enc) as f:
        chunks = []
        while True:
            c = f.read(777)
            if not c:
                break
            chunks.append(c)
    print(enc, len(lines), lines[4999], "".join(chunks) == t, "".join(lines) == t)

# Excel-style CSV with a BOM.
with open(P, "wb") as f:
    f.write(b"\xef\xbb\xbfname,qty\r\napple,3\r\n")
with open(P, newline="", encoding="utf-8-sig") as f:
    print(list(csv.DictReader(f)))
with open(P, newline="") as f:
    print(list(csv.reader(f)))

# Error handlers.
with open(P, "wb") as f:
    f.write(b"ok\xff\xfeend\n\xe2\x82")
for enc, errors in (("utf-8", "replace"), ("utf-8", "ignore"), ("utf-8", "backslashreplace"),
                    ("ascii", "replace"), ("ascii", "strict"), ("utf-8", "strict"), ("utf-16", "strict")):
    try:
        with open(P, encoding=enc, errors=errors) as f:
            print(enc, errors, repr(f.read()))
    except UnicodeError as e:
        print(enc, errors, type(e).__name__ + ":", e)
with open(P, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("né€\n")
print(open(P, "rb").read())
for enc in ("ascii", "latin-1", "cp1252"):
    try:
        with open(P, "w", encoding=enc) as f:
            f.write("ok ĀĀ!")
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
for bad in (lambda: open(P, encoding="nope"), lambda: open(P, "rb", errors="strict"),
            lambda: open(P, encoding="hex")):
    try:
        bad()
    except (LookupError, ValueError) as e:
        print(type(e).__name__ + ":", e)
os.remove(P)

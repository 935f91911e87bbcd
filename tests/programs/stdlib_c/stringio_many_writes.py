# Many small writes at the end (StringIO joins them in batches internally), mixed
# with tell/seek/read/overwrite, must read back exactly as written.
import io

s = io.StringIO()
for i in range(1000):
    s.write(str(i % 10))
    if i % 97 == 0:
        print("tell", s.tell())
v = s.getvalue()
print(len(v), v[:30], v[-30:])

s.seek(250)
print("read", repr(s.read(12)))
s.seek(500)
s.write("XYZ")
print("after overwrite", repr(s.getvalue()[495:510]), s.tell())
s.seek(0, 2)
for i in range(600):
    s.write("ab")
print(len(s.getvalue()), s.getvalue()[-7:], s.tell())
s.seek(1001)
s.write("<" * 5)
print(repr(s.getvalue()[995:1012]))
s.truncate(1003)
print(len(s.getvalue()), repr(s.getvalue()[-6:]))
print(sum(1 for _ in io.StringIO("x\n" * 700)))

b = io.BytesIO()
for i in range(700):
    b.write(bytes([65 + i % 26]))
print(len(b.getvalue()), b.getvalue()[:28], b.tell())
b.seek(260)
print(b.read(5))
b.seek(0, 2)
b.write(b"!" * 300)
print(len(b.getvalue()), b.getvalue()[-3:])

import io
s = io.StringIO()
print(s.write('hello\n'), s.write('world\nlast'), s.tell())
print(repr(s.getvalue()))
s.seek(0); print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0); print(s.readlines()); s.seek(0); print(list(s))
s.seek(2); s.write('XY'); print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(0, 2); print(s.tell())
with io.StringIO('a\nb\nc') as f:
    for line in f: print(repr(line))
print(f.closed)
s = io.StringIO('abc'); s.seek(6); s.write('x'); print(repr(s.getvalue()))
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\r\nb\rc\nd', newline=nl); print(repr(nl), repr(s.getvalue()), s.readlines())
s = io.StringIO('one two\nthree'); print(s.readline(2), s.readline(100), s.readlines(1))
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.readline(), b.tell(), b.read(), b.getvalue())
b.seek(-2, 2); print(b.read()); b.seek(1); b.write(b'ZZ'); print(b.getvalue())
b.seek(10); b.write(bytearray(b'!')); print(b.getvalue(), b.truncate(3), b.getvalue(), b.tell())
b = io.BytesIO(); b.write(b'x'); b.writelines([b'1', b'2']); print(b.getvalue(), list(io.BytesIO(b'a\nb')))
print(io.SEEK_END, isinstance(s, io.StringIO))
tests = [lambda: io.StringIO().write(3), lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1), lambda: io.StringIO(newline='x'),
         lambda: io.StringIO(3), lambda: io.BytesIO('x'), lambda: io.BytesIO().write('x'), lambda: io.StringIO().truncate(-1),
         lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().seek(0, 5), lambda: io.StringIO().read('a'), lambda: io.StringIO().seek(1.5)]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
c = io.StringIO('x'); c.close(); print(c.closed)
for t in [c.read, c.getvalue, c.tell, lambda: c.write('a')]:
    try: t()
    except ValueError as e: print(e)
c = io.BytesIO(b'x'); c.close()
try: c.read()
except ValueError as e: print(e)
print(io.StringIO('abc').read(None), io.StringIO('abc').readable(), io.StringIO().seekable())

# zlib and gzip: checksums, the zlib/gzip/raw wrappers (headers and trailers),
# stored (level 0) streams byte for byte, round trips at every level, streaming
# objects (flush modes, max_length, unused_data), errors; gzip in memory and on
# disk (binary and text). Compressed sizes at levels 1-9 are not printed: revpy's
# deflate encoder is not zlib's (the bytes differ, both decode each other).
import gzip
import io
import os
import zlib

print(zlib.crc32(b"123456789"), zlib.adler32(b"123456789"), zlib.crc32(b""), zlib.adler32(b""))
print(zlib.crc32(b"abc", 5), zlib.adler32(b"abc", 7), zlib.crc32(b"a" * 100000), zlib.adler32(bytes(range(256)) * 100))
print(zlib.crc32(b"world", zlib.crc32(b"hello ")) == zlib.crc32(b"hello world"))
data = b"hello hello hello hello world " * 50 + bytes(range(256))
for level in (-1, 0, 1, 2, 5, 6, 9):
    c = zlib.compress(data, level)
    print(level, c[:2].hex(), c[-4:].hex(), zlib.decompress(c) == data)
print(zlib.compress(b"abc", 0).hex(), zlib.compress(b"", 0).hex())
print(zlib.compress(b"abc", 0, -15).hex(), zlib.compress(b"abc", 0, 31).hex())
print(len(zlib.compress(bytes(70000), 0)), zlib.decompress(zlib.compress(bytes(70000), 0)) == bytes(70000))
for wbits in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    print(wbits, c[:2].hex() if wbits > 0 else "raw", zlib.decompress(c, wbits) == data)
gz = zlib.compress(data, 6, 31)
print(zlib.decompress(gz, 47) == data, zlib.decompress(zlib.compress(data), 47) == data, zlib.decompress(zlib.compress(data), 0) == data)
big = bytes(i * 7 % 251 for i in range(200000))
print(zlib.decompress(zlib.compress(big, 1)) == big, zlib.decompress(zlib.compress(big, 9), bufsize=1) == big)

co = zlib.compressobj(6, zlib.DEFLATED, 15)
parts = [co.compress(data[:100]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(data[100:]), co.flush()]
print(parts[1][-4:].hex(), zlib.decompress(b"".join(parts)) == data)
try:
    co.flush()
except zlib.error as e:
    print("zlib.error:", e)
co = zlib.compressobj(level=9, wbits=-15)
raw = co.compress(data) + co.flush(zlib.Z_FULL_FLUSH) + co.compress(b"more") + co.flush()
print(zlib.decompress(raw, -15) == data + b"more")
co1 = zlib.compressobj()
p = co1.compress(b"shared prefix ")
co2 = co1.copy()
a = co1.compress(b"one") + co1.flush()
b = co2.compress(b"two") + co2.flush()
print(zlib.decompress(p + a), zlib.decompress(p + b))
try:
    co1.compress(b"after finish")
except zlib.error as e:
    print("zlib.error:", e)

z = zlib.compress(data)
do = zlib.decompressobj()
out = do.decompress(z[:50]) + do.decompress(z[50:] + b"EXTRA")
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data)
do = zlib.decompressobj()
chunks = []
buf = z
while buf:
    chunk = do.decompress(buf, 100)
    assert len(chunk) <= 100
    chunks.append(chunk)
    buf = do.unconsumed_tail
chunks.append(do.flush())
print(b"".join(chunks) == data, do.eof, len(chunks) > 5)
do = zlib.decompressobj(31)
print(do.decompress(gz[:7]), do.eof, do.decompress(gz[7:]) == data, do.eof)
do = zlib.decompressobj()
half = do.decompress(z[:len(z) // 2])
d2 = do.copy()
print(half + do.decompress(z[len(z) // 2:]) == data, half + d2.decompress(z[len(z) // 2:]) == data)

for bad in (b"not zlib data", zlib.compress(b"abc")[:-1], zlib.compress(b"abc")[:-4] + b"\0\0\0\0",
            b"\x78\x9c", b"\x1f\x8b\x08\x00", zlib.compress(b"x")[:1]):
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("zlib.error:", e)
try:
    zlib.decompress(gz[:-8] + b"\0\0\0\0" + gz[-4:], 31)
except zlib.error as e:
    print("zlib.error:", e)
try:
    zlib.decompress(gz[:-4] + b"\0\0\0\0", 31)
except zlib.error as e:
    print("zlib.error:", e)
for call in (lambda: zlib.compress(b"x", 10), lambda: zlib.compress("str"), lambda: zlib.crc32("s"),
             lambda: zlib.compressobj(wbits=99), lambda: zlib.decompressobj().decompress(b"", -1)):
    try:
        call()
    except (zlib.error, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.DEF_BUF_SIZE)

text = b"gzip data line\n" * 100
g = gzip.compress(text, mtime=0)
print(g[:10].hex(), gzip.decompress(g) == text, gzip.decompress(gzip.compress(text, 1, mtime=0)) == text)
g2 = gzip.compress(text, mtime=1234567890)
print(g2[:10].hex(), gzip.decompress(g2 + g) == text * 2)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="name.txt") as f:
    print(f.write(text), f.write(b"tail"), f.mode, f.name)
print(buf.getvalue()[:19])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.readline(), f.read(10), f.tell(), f.peek(1)[:1], len(f.read()), f.mtime)
    f.seek(15)
    print(f.read(4), f.readable(), f.writable(), f.seekable())
try:
    gzip.decompress(b"\x1f\x8bxx")
except EOFError as e:
    print("EOFError:", e)
try:
    gzip.decompress(g[:-3])
except EOFError as e:
    print("EOFError:", e)
try:
    gzip.decompress(b"PK\x03\x04")
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
name = "_zlib_gzip_tmp.gz"
with gzip.open(name, "wt") as f:
    f.write("text\nlines\r\nhere\n")
with gzip.open(name, "rt") as f:
    print(f.readlines())
with gzip.open(name) as f:
    print(f.read())
with gzip.open(name, "ab") as f:
    f.write(b"appended member\n")
with gzip.open(name, "rb") as f:
    print(f.read())
with open(name, "rb") as f:
    raw = f.read()
print(raw[:3].hex(), gzip.decompress(raw))
os.remove(name)

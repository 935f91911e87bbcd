# Files: open() in text and binary modes, reading, writing, seeking, errors.
import os

D = "_files_tmp"
os.makedirs(D, exist_ok=True)
A = os.path.join(D, "a.txt")
with open(A, "w") as f:
    print(f.write("hello\nworld\r\nthird\rfourth"), f.closed, f.name, f.mode, f.tell())
    f.writelines(["x\n", "y\n"])
    print(repr(f))
print(f.closed, repr(f))
with open(A) as f:
    print(repr(f.read(3)), f.tell(), repr(f.readline()), repr(f.readlines()))
with open(A) as f:
    for line in f:
        print(repr(line))
with open(A, "rb") as f:
    print(f.read(4), f.readline(), f.tell(), f.read(), repr(f))
    f.seek(2)
    print(f.read(3), f.tell())
    f.seek(-3, 2)
    print(f.read(), f.read())
with open(A, "a") as f:
    print(f.tell())
    f.write("Z")
with open(A) as f:
    print(repr(f.read()[-5:]))
B = os.path.join(D, "b.bin")
with open(B, "wb") as f:
    f.write(bytes(range(256)))
    f.write(bytearray(b"end"))
with open(B, "rb") as f:
    d = f.read()
    print(len(d), d[-5:], repr(f))
U = os.path.join(D, "u.txt")
with open(U, "w", encoding="utf-8") as f:
    f.write("héllo wörld ✓ 𝄞\n" * 3)
with open(U, encoding="utf-8") as f:
    print(f.read(8), f.readline(), f.read(2), len(f.read()), f.encoding)
with open(A, "r+") as f:
    f.seek(0)
    f.write("HE")
    f.seek(0)
    print(repr(f.readline()))
    f.seek(0, 2)
    f.write("end")
    print(f.tell())
with open(os.path.join(D, "c.txt"), "w+") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print(repr(f.read()))
    f.truncate(4)
    f.seek(0)
    print(repr(f.read()))
big = os.path.join(D, "big.txt")
with open(big, "w") as f:
    for i in range(3000):
        f.write(f"line {i} " + "x" * (i % 50) + "\n")
with open(big) as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[-1], end="")
with open(big) as f:
    total = sum(len(line) for line in f)
print(total, os.path.getsize(big))
with open(big, "rb") as f:
    f.seek(10000)
    print(f.read(20), f.tell())
for bad in ["missing.txt", D]:
    try:
        open(os.path.join(D, "missing.txt") if bad == "missing.txt" else bad)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, repr(e.filename), e)
try:
    open(A, "x")
except FileExistsError as e:
    print("FileExistsError:", e)
try:
    open(os.path.join(D, "nodir", "f.txt"), "w")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
f = open(A)
f.close()
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
with open(A) as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__, e)
    print(f.readable(), f.writable(), f.seekable())
for mode in ["rw", "rr", "", "z", "rbt"]:
    try:
        open(A, mode)
    except ValueError as e:
        print("ValueError:", e)
try:
    open(A, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
with open(A, "w") as f:
    f.write("x")
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
with open(A, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError:", e)
with open(A, "w") as f:
    print("print to a file", 42, file=f)
with open(A) as f:
    print(repr(f.read()))
for name in sorted(os.listdir(D)):
    os.remove(os.path.join(D, name))
os.rmdir(D)
print(os.path.exists(D))

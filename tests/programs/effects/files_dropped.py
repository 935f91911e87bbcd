# Files the program drops without closing: what was written is visible to the next
# open, stat and listdir (CPython closes a file when its last reference goes), and a
# loop that opens many files without closing them does not run out of descriptors.
import os

D = "_files_dropped_tmp"
os.makedirs(D, exist_ok=True)
P = os.path.join(D, "a.txt")

for i in range(3):
    open(P, "w").write("line %d\n" % i)
    print(repr(open(P).read()), os.path.getsize(P))

f = open(P, "a")
f.write("appended\n")
del f
print(open(P).read().splitlines())

open(os.path.join(D, "b.bin"), "wb").write(bytes(range(10)))
print(sorted(os.listdir(D)), os.stat(os.path.join(D, "b.bin")).st_size)

total = 0
for i in range(3000):
    total += len(open(P).read())
print(total)

for name in sorted(os.listdir(D)):
    os.remove(os.path.join(D, name))
os.rmdir(D)
print(os.path.exists(D))

# bench-group: memory
"""Memory: write a 50 MB text file (1 MB at a time), then read it back whole as
text and as bytes, and line by line. Peak RSS is what benches/compare.sh's memory
table compares (CPython 3.11 needs about 3x the file). The file goes to a fresh
temporary directory and is removed. Prints sizes and counts."""
import os
import tempfile

MB = 1 << 20


def main(mbs):
    line = "".join(chr(97 + i % 26) for i in range(63)) + "\n"
    chunk = line * (MB // len(line))
    d = tempfile.mkdtemp()
    path = os.path.join(d, "data.txt")
    try:
        with open(path, "w") as f:
            for _ in range(mbs):
                f.write(chunk)
        with open(path) as f:
            text = f.read()
        print("text", len(text), text.count("\n"), text[:10])
        del text
        with open(path, "rb") as f:
            data = f.read()
        print("bytes", len(data), data.count(b"z"))
        del data
        lines = 0
        longest = 0
        with open(path) as f:
            for ln in f:
                lines += 1
                if len(ln) > longest:
                    longest = len(ln)
        print("lines", lines, longest)
    finally:
        os.remove(path)
        os.rmdir(d)
    print("checksum:", lines * 64)


main(50)

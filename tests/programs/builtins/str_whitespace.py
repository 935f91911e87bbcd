# Python's whitespace is Unicode's White_Space plus U+001C..U+001F: strip,
# split, isspace and splitlines must agree with CPython on every one of them.
import sys

spaces = [c for c in range(0x3001) if chr(c).isspace()]
print([hex(c) for c in spaces])
for c in [0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0xA0, 0x1680, 0x2007, 0x200B, 0x202F, 0x3000, 0xFEFF]:
    ch = chr(c)
    s = ch + "a" + ch + "b" + ch
    print(hex(c), ch.isspace(), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()),
          s.split(), s.rsplit(None, 1), s.split(maxsplit=1), len(s.splitlines()))
print("\x1c\x1d\x1e\x1f".isspace(), "a\x1fb".split(), "\x1f".strip() == "")
print("one\x1ctwo\x1dthree\x1ethree\x1ffour".splitlines())
print(" \t\x1c x \x1f\n".split(" "), "x\x1f\x1fy".rsplit())

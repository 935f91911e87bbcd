from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(list(Perm), len(Perm))
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(rw), len(rw), list(rw))
print(Perm.RWX, list(Perm.RWX), Perm(7) is Perm.RWX, Perm(6) is rw)
print(~Perm.R, repr(Perm(0)), str(Perm(0)), bool(Perm(0)), Perm.R & Perm.W)
print(rw ^ Perm.R, Perm.RWX & ~Perm.W, [p.name for p in Perm.RWX])
print(Perm.__members__)
try:
    Perm(8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Perm.R | 1
except TypeError as e:
    print(type(e).__name__, e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print([c.value for c in Color], Color.WHITE, Color.RED | Color.BLUE)
for c in Color.WHITE:
    print(" ", c)


class Mode(IntFlag):
    READ = 1
    WRITE = 2
    EXEC = 4


m = Mode.READ | Mode.WRITE
print(m, repr(m), m == 3, m + 1, Mode.READ | 8, repr(Mode.READ | 8), repr(Mode(0)))
print(Mode.WRITE in m, isinstance(m, int), ~Mode.READ, repr(~Mode.READ), f"{m}")
print(Mode(5), repr(Mode(5)), m & 1, repr(m & 1))

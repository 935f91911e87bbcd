# Python calls and returns that switch frames inside the interpreter loop (no
# trip through its frame start): results land in the caller's stack slot, the
# caller's position, locals and operand stack survive, and the cases that leave
# through the generic return (__init__, generators, outermost frame, exceptions)
# still work.
import sys


def ident(a):
    return a


def add3(a, b=2, c=3):
    return a + b + c


def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)


def mixed(x):
    # Operand stack items below the call's result survive the switch.
    return [x, ident(x + 1), (ident(x), add3(x)), x * 2]


class P:
    def __init__(self, v):
        self.v = v
        self.w = ident(v) * 2

    def m(self, a):
        return self.v + a

    def chain(self, n):
        if n == 0:
            return self
        return self.chain(n - 1)


class Bad:
    def __init__(self):
        return 5


def gen(n):
    for i in range(n):
        yield ident(i) + add3(i)


def raiser(n):
    if n == 0:
        raise ValueError("bottom")
    return raiser(n - 1)


def catcher():
    try:
        return raiser(3)
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("finally ran")


def frame_names():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name


def caller_of_frame_names():
    return frame_names()


print(ident(7), add3(1), add3(1, 1), add3(1, 1, 1))
print(deep(200))
print(mixed(10))
p = P(4)
print(p.v, p.w, p.m(3), p.chain(50) is p)
print(list(gen(4)))
print(sum(ident(i) for i in range(10)))
print(catcher())
print(caller_of_frame_names())
print(sorted([3, 1, 2], key=ident))
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)

sys.setrecursionlimit(120)
try:
    deep(500)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print(deep(300))

total = 0
for i in range(1000):
    total += ident(i) + p.m(i)
print(total)


def tb():
    return raiser(2)


tb()

# x[a:b], x[a:b:c] and x[a:b] = v, which run without a slice object on built-in
# lists, tuples and strs with int or None bounds: every edge must behave as the
# general path (and user classes must still receive a real slice object).

lst = list(range(10))
tup = tuple(lst)
s = "abcdefghij"
u = "αβγδεζηθικ"

bounds = [None, 0, 1, 3, -1, -3, 9, 10, 11, -11, -100, 100]
steps = [None, 1, 2, 3, -1, -2, -3, 100, -100]
out = []
for seq in (lst, tup, s, u):
    for a in bounds:
        for b in bounds:
            out.append(seq[a:b])
            for c in steps:
                out.append(seq[a:b:c])
print(len(out), hash(tuple(str(x) for x in out)) == hash(tuple(str(x) for x in out)))
print(out[:40])
print(out[-40:])

# The whole tuple / str sliced is itself; a list slice is a copy.
print(tup[:] is tup, tup[0:] is tup, tup[:100] is tup, tup[::1] is tup)
print(s[:] is s, s[0:10] is s)
print(lst[:] is lst, lst[:] == lst)

# Subclasses and user __getitem__ still get a slice object.
class Seq:
    def __getitem__(self, k):
        return ("got", k, type(k).__name__)

class L(list):
    def __getitem__(self, k):
        return ("L", k)

class T(tuple):
    pass

class S(str):
    pass

print(Seq()[1:2], Seq()[::-1], Seq()[None:5:2])
print(L([1, 2, 3])[1:], L([1, 2, 3])[:2])
print(type(T((1, 2, 3))[1:]).__name__, T((1, 2, 3))[1:])
print(type(S("abc")[1:]).__name__, S("abc")[:] == "abc", type(S("abc")[:]).__name__)

# __index__ bounds, bools, and bad bounds.
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        print("index", self.v)
        return self.v

print(lst[I(2):I(5)], lst[I(8):I(1):I(-2)], s[I(1):I(3)])
print(lst[True:3], tup[False:True], s[True::True])
for bad in ["1", 1.5, [1]]:
    try:
        lst[bad:2]
    except TypeError as e:
        print("TypeError", e)
    try:
        lst[1:2:bad]
    except TypeError as e:
        print("TypeError", e)
try:
    lst[1:2:0]
except ValueError as e:
    print("ValueError", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
five = 5
try:
    five[1:2]
except TypeError as e:
    print("TypeError", e)
print(lst[1:2:-9223372036854775808], lst[-9223372036854775808:9223372036854775807])
print(lst[2**70:], lst[:-2**70], lst[::2**70], lst[::-2**70], lst[-2**70::-1])
print(s[:-2**70], tup[-2**70:], s[::-2**70], lst[::-9223372036854775807])

class Bad:
    def __index__(self):
        raise KeyError("no index")

try:
    lst[Bad():]
except KeyError as e:
    print("KeyError", e)

# Slice assignment.
a = list(range(10))
a[2:5] = [20, 30, 40]
print(a)
a[2:5] = (7,)
print(a)
a[:0] = [-1, -2]
print(a)
a[100:] = [99]
print(a)
a[-3:] = []
print(a)
a[:] = a
print(a)
a[1:3] = a
print(a)
a[::2] = tuple(range(len(a[::2])))
print(a)
a[::-3] = [0] * len(a[::-3])
print(a)
b = list(range(10))
b[:4] = b[3::-1]
print(b)
for k in range(1, 6):
    p = list(range(8))
    p[:k + 1] = p[k::-1]
    print(k, p)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    b[::-1] = (1,)
except ValueError as e:
    print("ValueError", e)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError", e)
try:
    b[1:2:0] = []
except ValueError as e:
    print("ValueError", e)
try:
    b["x":2] = []
except TypeError as e:
    print("TypeError", e)
try:
    tup[1:2] = (1,)
except TypeError as e:
    print("TypeError", e)
try:
    s[1:2] = "x"
except TypeError as e:
    print("TypeError", e)
b[1:3] = "xy"
print(b)
b[1:3] = range(3)
print(b)

class Store:
    def __setitem__(self, k, v):
        print("set", k, v)

Store()[1:2] = [1]
Store()[::3] = ()

class LS(list):
    def __setitem__(self, k, v):
        print("LS set", k, v)
        super().__setitem__(k, v)

ls = LS([1, 2, 3])
ls[:1] = [9, 9]
print(ls)

# An error inside a sliced expression reports the right line.
def f(x):
    return x[1:
             2:0]

try:
    f([1, 2, 3])
except ValueError as e:
    import traceback
    print(traceback.format_exc().splitlines()[-3:])

# Ranges sliced (machine-int bounds, and bounds that leave them).
rs = [range(10), range(3, 30, 4), range(20, -5, -3), range(0), range(5, 1), range(-10**18, 10**18, 10**17)]
for r in rs:
    for a, b, c in [(None, None, None), (1, 4, None), (-3, None, None), (None, None, -1), (8, 1, -2),
                    (None, 2, 3), (100, -100, -7), (-100, 100, 9)]:
        x = r[a:b:c]
        print(r, (a, b, c), x, list(x)[:5], len(x))
big = range(2**62, 2**63 - 1, 2**61)
print(big[::-1], big[::3], big[1:], range(-2**63, 2**63 - 1, 2**62)[::-2])
print(range(10)[2:8][1:3], range(10)[I(1):I(4)])

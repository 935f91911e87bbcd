# The CALL fast paths: len, isinstance, list.append, class calls with __init__,
# bound methods, and methods of built-in subclasses.
class L(list):
    pass

class M(type):
    def __instancecheck__(cls, x):
        return True

class Meta(metaclass=M):
    pass

print(len([1, 2]), len((1,)), len("héllo"), len({1: 2}), len({1, 2, 3}), len(b"ab"), len(range(5)))
print(len(L([1, 2, 3])))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()))
class LL(list):
    def __len__(self):
        return 42
print(len(LL([1])))
for bad in (5, None, len):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len([], [])
except TypeError as e:
    print("TypeError:", e)

print(isinstance(1, int), isinstance(True, int), isinstance("a", (int, str)), isinstance(3, Meta))
print(isinstance(L(), list), isinstance([], L))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)

a = []
a.append(1)
list.append(a, 2)
app = a.append
app(3)
l = L()
l.append(4)
for i in range(20):
    l.append(i)
print(a, l[:3], len(l))
try:
    list.append(5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    a.append()
except TypeError as e:
    print("TypeError:", e)
l.x = 1
l.append(99)
print(l[-1], l.x)
class L2(list):
    def append(self, v):
        super().append(v * 2)
l2 = L2()
l2.append(5)
print(l2)
class L3(list):
    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)
l3 = L3()
l3.append(1)
print(l3)

class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
    def m(self, k):
        return self.x + self.y + k

for i in range(3):
    p = P(i)
    print(p.x, p.y, P(i, 5).y)
try:
    P()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
class Counter:
    n = 0
    def __init__(self):
        Counter.n += 1
for i in range(3):
    Counter()
print(Counter.n)
def late_init(self, v):
    self.v = v * 10
class Q:
    def __init__(self, v):
        self.v = v
objs = []
for i in range(4):
    if i == 2:
        Q.__init__ = late_init
    objs.append(Q(i).v)
print(objs)
from abc import ABC, abstractmethod
class A(ABC):
    @abstractmethod
    def f(self): ...
    def __init__(self):
        pass
try:
    A()
except TypeError as e:
    print("TypeError:", e)
class N:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, a):
        print("init", a)
N(1)

m = P(1).m
print(m(3), [m(k) for k in range(3)])
try:
    m()
except TypeError as e:
    print("TypeError:", e)
class Holder:
    pass
h = Holder()
h.cb = P(10).m
print(h.cb(1))
import sys
def rec(n):
    return rec(n + 1)
class R:
    def __init__(self, n):
        R(n + 1)
try:
    R(0)
except RecursionError as e:
    print("RecursionError:", e)
class T:
    def __init__(self, v):
        self.v = 1 / v
def make(v):
    return T(v)
make(0)

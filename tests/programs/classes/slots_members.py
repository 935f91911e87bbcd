class S:
    __slots__ = ("a", "b", "__p")
    def __init__(self):
        self.a = 1
        self.__p = 3
print(S.a, type(S.a).__name__, S.a.__name__, S.a.__objclass__ is S, S.a.__qualname__)
print(S._S__p)
s = S()
print(s.a, hasattr(s, "b"), S.a.__get__(s, S), S.a.__get__(None, S) is S.a)
try:
    s.b
except AttributeError as e:
    print("AE", e)
S.b.__set__(s, 5); print(s.b)
del s.b
print(hasattr(s, "b"))
try:
    s.c = 1
except AttributeError as e:
    print("AE", e)
try:
    S.a.__get__(1, int)
except TypeError as e:
    print("TE", e)
class T(S):
    __slots__ = ("c",)
t = T(); t.c = 4; print(t.a, t.c, "c" in T.__dict__, "a" in T.__dict__, sorted(k for k in S.__dict__ if not k.startswith("__")))
class G:
    __slots__ = ("v",)
    def __getattr__(self, n):
        return "fallback " + n
print(G().v)
import copy, pickle
s2 = copy.copy(s); print(s2.a)
print(pickle.loads(pickle.dumps(s)).a)
from dataclasses import dataclass
@dataclass(slots=True)
class P:
    x: int
    y: int = 2
print(P(1), P.x)

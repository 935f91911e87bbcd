from typing import Protocol, runtime_checkable, Generic, TypeVar
T = TypeVar("T")
class P(Protocol):
    def m(self): ...
try:
    isinstance(1, P)
except TypeError as e:
    print(e)
@runtime_checkable
class Q(Protocol):
    x: int
    def m(self): ...
class A:
    x = 1
    def m(self): pass
class B:
    def m(self): pass
print(isinstance(A(), Q), isinstance(B(), Q))
try:
    issubclass(A, Q)
except TypeError as e:
    print(e)
class Impl(Q):
    x = 2
    def m(self): return 1
print(isinstance(Impl(), Q), Impl().m())
@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closeable), issubclass(F, Closeable), issubclass(int, Closeable))
class Box(Protocol[T]):
    def get(self) -> T: ...
class IntBox:
    def get(self) -> int:
        return 1
def use(b: Box[int]) -> int:
    return b.get()
print(use(IntBox()))
try:
    runtime_checkable(int)
except TypeError as e:
    print(e)

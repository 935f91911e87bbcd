import typing
from typing import (Any, Callable, ClassVar, Final, Generic, Literal, NamedTuple, Optional,
                    Protocol, TypedDict, TypeVar, Union, Annotated, cast, overload,
                    get_type_hints, get_args, get_origin, TYPE_CHECKING, List, Dict, Iterable)
import collections.abc as abc
T = TypeVar("T")
K = TypeVar("K", bound=int)
S = TypeVar("S", int, str)
print(T, K.__bound__, S.__constraints__, T.__name__)

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), type(s).__name__, Stack[int], Stack.__parameters__)
print(Stack[int] == Stack[int], get_origin(Stack[int]), get_args(Stack[int]))

class Pair(Generic[K, T]):
    pass
print(Pair[int, str], Pair.__mro__[-2:])

class Sized2(Protocol):
    def __len__(self) -> int: ...
def size(x: Sized2) -> int:
    return len(x)
print(size([1, 2]))

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"
    def norm(self) -> int:
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p, p.norm(), p._replace(x=1), Point._fields, Point._field_defaults, p._asdict())
print(Point(1), isinstance(p, tuple))
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1))

class Movie(TypedDict):
    name: str
    year: int
m: Movie = {"name": "x", "year": 1}
print(m, Movie(name="y", year=2), Movie.__required_keys__ == frozenset({"name", "year"}))

def apply(f: Callable[[int], str], v: int) -> str:
    return f(v)
print(apply(str, 5), Callable[[int], str], Callable[..., int])
print(Literal["a", "b"], Final[int], ClassVar[int], Optional[int], Union[int, str], Union[int, None])
print(Annotated[int, "meta"])
print(cast(int, "x"), cast("list[int]", 3))

@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x
print(g(3), g("s"))

def h(a: int, b: "list[int] | None" = None, *, c: dict[str, int] | None = None) -> Optional[str]:
    return None
print(get_type_hints(h))
print(h.__annotations__)
print(TYPE_CHECKING)

print(Union[int, str] == (int | str), Optional[int] == (int | None), (int | None) == Optional[int])
print(get_args(int | None), get_origin(int | None), get_origin(list[int]), get_args(dict[str, int]))
print(get_args(abc.Callable[[int], str]), get_origin(abc.Callable[[int], str]))
print(get_args(Callable[[int], str]), get_origin(Callable[[int], str]))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Literal[1]), get_args(Literal[1, 2]))
print(int | List[int], Union[int | str, float], Optional[int | str])
print(get_origin(Any), get_args(int))
class C:
    a: ClassVar[int] = 1
    b: Final = 2
    c: list[int] | None
print(get_type_hints(C))
def f(x: Iterable[int]) -> list[int]:
    return list(x)
print(f(range(3)), Iterable[int], List[int], Dict[str, int])
x: Any = 3
print(x)

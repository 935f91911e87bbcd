from typing import (List, Dict, Set, Tuple, Optional, Union, Any, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, TypeVar, Generic, NamedTuple,
                    Protocol, TypedDict, Literal, Final, ClassVar, cast, overload,
                    TYPE_CHECKING, get_type_hints, FrozenSet, Type)
import typing

print(List[int], Dict[str, int], Set[str], Tuple[int, str], Tuple[int, ...])
print(Optional[int], Union[int, str], Union[int, None], Union[int, Union[str, float]])
print(Callable[[int], str], Callable[..., None], Any, Literal["a", 1], Final[int], ClassVar[List[int]])
print(Optional[List[Dict[str, int]]])
print(Union[int] is int, Union[int, int] is int)
print(List[int] == List[int], List[int] == List[str])
print(TYPE_CHECKING, cast(int, "x"))

T = TypeVar("T")
K = TypeVar("K", bound=str)
print(T, K, T.__name__)

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def __len__(self) -> int:
        return len(self.items)

s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), len(s), type(s).__name__, Stack.__parameters__)
print(Stack[int])
print(Stack.__mro__)

class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v
print(Pair("a", 1).k, Pair[str, int])

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.x, p.y, p.label, p.norm1(), p[0], tuple(p), len(p))
print(p._asdict(), p._replace(y=5), Point._fields, Point._field_defaults)
print(p == (3, -4, "p"), isinstance(p, tuple), Point.__annotations__)
a, b, c = p
print(a, b, c)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)

Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("x", 3))

class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="Blade Runner", year=1982)
print(m, type(m).__name__)

class Drawable(Protocol):
    def draw(self) -> str: ...
class Circle:
    def draw(self) -> str:
        return "circle"
def render(d: Drawable) -> str:
    return d.draw()
print(render(Circle()))

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2
print(f(2), f("ab"))

class Config:
    name: str
    retries: int = 3
    tags: "List[str]"
print(get_type_hints(Config))
def g(a: int, b: Optional[str] = None) -> bool:
    return True
print(get_type_hints(g))
print(g.__annotations__)
MAX: Final = 10
print(MAX, typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
def gen() -> Generator[int, None, None]:
    yield 1
def it(xs: Iterable[int]) -> Iterator[int]:
    return iter(xs)
print(list(gen()), list(it([1, 2])))
print(Sequence[int], Mapping[str, float], FrozenSet[int], Type[int])

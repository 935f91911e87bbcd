from typing import Generic, TypeVar, Protocol, runtime_checkable, List, Optional, Iterator, Self
from dataclasses import dataclass, field
T = TypeVar("T")
U = TypeVar("U")

class Node(Generic[T]):
    def __init__(self, value: T, next: "Optional[Node[T]]" = None) -> None:
        self.value = value
        self.next = next

class LinkedList(Generic[T]):
    def __init__(self) -> None:
        self.head: Node[T] | None = None
    def push(self, v: T) -> Self:
        self.head = Node(v, self.head)
        return self
    def __iter__(self) -> Iterator[T]:
        n = self.head
        while n:
            yield n.value
            n = n.next

ll = LinkedList[int]()
ll.push(1).push(2)
print(list(ll), ll.__orig_class__)

class IntList(LinkedList[int]):
    pass
print(IntList.__mro__, IntList.__parameters__ if hasattr(IntList, "__parameters__") else None)

class Both(LinkedList[T], Generic[T]):
    pass
print(Both[str])

@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...

@dataclass
class Cfg:
    names: list[str] = field(default_factory=list)
    limit: int | None = None
    tags: dict[str, list[int]] = field(default_factory=dict)
print(Cfg(), Cfg(["a"], 3))

try:
    Generic[int]
except TypeError as e:
    print("TypeError:", e)
try:
    LinkedList[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], List[int])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(list, list[int] | None)
except TypeError as e:
    print("TypeError:", e)
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
try:
    list[int]()
    list[int].append
    print(list[int].__name__, list[int].__mro_entries__((list[int],)))
except Exception as e:
    print(type(e), e)
print(isinstance([], List), issubclass(list, List))
print(hash(int | str) == hash(str | int), (int | str) == (str | int), int | int, (int | str).__args__)
print({list[int]: 1}[list[int]], list[int] != list[str], repr(list[list[int]]), tuple[()], list[int].__class__)
class M(list[int]):
    pass
print(M.__mro__, M([1]))
print(type(int | str), type(list[int]))
import types
print(types.UnionType, types.GenericAlias, types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)))
try:
    types.UnionType()
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, 3)
except TypeError as e:
    print(e)
try:
    isinstance(1, (int, 3))
except TypeError as e:
    print(e)
try:
    isinstance(1, (str, 3))
except TypeError as e:
    print(e)
try:
    issubclass(1, int | str)
except TypeError as e:
    print(e)
print(isinstance(1, (str, (int | None))))

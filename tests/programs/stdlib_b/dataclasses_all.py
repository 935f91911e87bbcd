from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         FrozenInstanceError, InitVar, KW_ONLY, is_dataclass,
                         make_dataclass)
from typing import List, Dict, ClassVar, Optional


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(p), Point(5), Point(y=3, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__match_args__, [f.name for f in fields(Point)], is_dataclass(p), is_dataclass(int))
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((1,), {"z": 2})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, label="rc")]
print(sorted(vs))
print(Version(1, 2) == Version(1, 2, label="x"), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9))
print(hash(Version(1, 2)) == hash(Version(1, 2, label="z")), len({Version(1), Version(1, 0)}))
try:
    Version(1).major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del Version(1).minor
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    Version(1) < Point(1)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    counts: Dict[str, int] = field(default_factory=dict, repr=False)
    secret: str = field(default="s3", repr=False, compare=False)
    total: int = field(init=False, default=0)
    unit: ClassVar[str] = "pcs"

    def __post_init__(self):
        self.total = len(self.items)


a = Inventory("a")
b = Inventory("b", ["x", "y"])
a.items.append("z")
print(a, b, Inventory.unit, b.total, a.items is not b.items)
print([(f.name, f.init, f.repr, f.compare) for f in fields(Inventory)])
print(asdict(b), astuple(b))
try:
    Inventory("c", total=3)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Node:
    value: int
    children: List["Node"] = field(default_factory=list)
    meta: Optional[Dict[str, Point]] = None


tree = Node(1, [Node(2), Node(3, [Node(4)], {"p": Point(1, 1)})])
print(tree)
print(asdict(tree))
print(astuple(tree))
print(replace(tree.children[0], value=20), tree.children[0])


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Derived(Base):
    c: float = 1.5
    a: int = 10


print(Derived(), Derived(1, "x", 2.5), [f.name for f in fields(Derived)])


@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.x *= scale


w = WithInit(3)
print(w, WithInit(3, 10), [f.name for f in fields(WithInit)])
print(replace(w, scale=1))


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3


print(KW(1, c=5), KW(1, b=0))
try:
    KW(1, 2)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(eq=False, repr=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), hasattr(Plain(1), "v"), type(hash(Plain(1))))


@dataclass(unsafe_hash=True)
class Key:
    k: str
    n: int = field(default=0, hash=False)


print(hash(Key("a")) == hash(Key("a", 5)), Key("a") == Key("a", 5))

for bad in ("mutable", "order", "nondefault", "both"):
    try:
        if bad == "mutable":
            @dataclass
            class M:
                xs: list = []
        elif bad == "order":
            @dataclass(order=True, eq=False)
            class O:
                x: int
        elif bad == "nondefault":
            @dataclass
            class N:
                x: int = 1
                y: int
        else:
            field(default=1, default_factory=list)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

C = make_dataclass("C", [("x", int), ("y", int, field(default=5))])
print(C(1), C(1, 2) == C(1, 2))
try:
    fields(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    asdict(Point)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Loop:
    name: str
    other: "Loop" = None


l1 = Loop("l1")
l1.other = l1
print(l1)

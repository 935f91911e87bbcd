"""PEP 563 at module and class level: `__annotations__` holds strings; annotations of
local variables and of attribute/subscript targets are never evaluated."""
from __future__ import annotations

import sys

x: int = 5
y: list[Undefined]
z: 'quoted' = 'value'
(paren): Missing = 1
print(__annotations__)
print(x, z, paren)
print('y' in globals())


class Point:
    """A point."""
    x: float
    y: float = 0.0
    label: str | None = None
    origin: ClassVar[Point]

    def move(self, dx: float) -> Point:
        total: Undefined = self.x + dx
        other: AlsoUndefined
        return Point()


print(Point.__annotations__)
print(Point.y, Point.label)
print(Point.move.__annotations__)
print(Point().move.__annotations__ is Point.move.__annotations__)


class Obj:
    pass


o = Obj()
o.attr: NotDefined = 3
d = {}
d['key']: NotDefined = 4
print(o.attr, d)


def uses_local_annotations():
    a: DoesNotExist = 1
    b: AlsoMissing
    a += 1
    return a


print(uses_local_annotations())
print(uses_local_annotations.__annotations__)

for i in range(2):
    loop_var: LoopAnn = i
print(__annotations__['loop_var'])

if True:
    nested: Nested[int] = 1
print(__annotations__['nested'])

try:
    in_try: Try = 1
finally:
    pass
print(__annotations__['in_try'])
print(sys.modules[__name__].__annotations__ is __annotations__)

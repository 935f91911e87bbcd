"""PEP 563: with `from __future__ import annotations`, annotations are stored as the
strings CPython's unparser produces, and never evaluated."""
from __future__ import annotations

import typing


def show(f):
    for k, v in f.__annotations__.items():
        print(f"{k!r}: {v!r}")


# Forward references and names that do not exist are fine: nothing is evaluated.
class Node:
    def __init__(self, value: int, next: Node | None = None) -> None:
        self.value = value
        self.next = next

    def append(self, other: Node) -> Node:
        self.next = other
        return other


show(Node.__init__)
show(Node.append)


def f1(a: list[int] | None, b: dict[str, 'Node'], c: "tuple[int, ...]") -> Undefined[X]:
    pass


show(f1)


def f2(a: 1 + 2 * 3, b: (1 + 2) * 3, c: -x ** 2, d: (-x) ** 2, e: x ** -y, g: 2 ** 3 ** 4,
       h: (2 ** 3) ** 4, i: a - (b - c), j: (a - b) - c, k: a | b & c ^ d, l: (a | b) & c,
       m: a << 1 >> 2, n: ~a, o: +a, p: not a, q: a and b or c, r: a and (b or c),
       s: (a or b) and c, t: a if b else c, u: (a if b else c) if d else e,
       v: a < b <= c == d != e > f >= g, w: a is not b, x: a not in b, y: a in b is c,
       z: not (a < b), aa: (not a) < b, ab: a @ b, ac: a // b % c, ad: a / (b * c)):
    pass


show(f2)


def f3(a: x.y.z, b: x[1:2], c: x[1:2, ::3], d: x[:, None], e: x[()], g: x[1,],
       h: x[(1, 2)], i: x[a, b], j: f(a, *b, c=1, **d), k: f(x for x in y),
       l: f((x for x in y), 1), m: [1, 2, [3]], n: {1, 2}, o: {1: 2, **d}, p: {},
       q: (), r: (1,), s: (1, 2), t: [x for x in y if x if not x],
       u: {k: v for k, v in d.items()}, v: {x for x in y}, w: (x for x in y for z in x),
       x: lambda: 1, y: lambda a, b=1, *c, d, e=2, **f: a, z: lambda *a: 0,
       aa: lambda a, /, b: 0, ab: lambda *, a: 0, ac: f(lambda: 1), ad: (lambda: 1)()):
    pass


show(f3)


def f4(a: 'str', b: "it's", c: 'say "hi"', d: 'both \' and "', e: b'bytes', f: 1.5,
       g: 1e100, h: 1e400, i: 2j, j: 1.5e-7, k: 10 ** 20, l: 123456789012345678901234567890,
       m: ..., n: None, o: True, p: False, q: 'tab\tnew\nline\\', r: 'caf\u00e9',
       s: '\x00\x7f', t: 0x1F, u: 0o17, v: 1_000, w: 1.0, x: 3.14j, y: u'unicode',
       z: 'a' 'b', aa: 1 .real, ab: 1.5.real, ac: 'x'.join, ad: (1).bit_length,
       ae: -1, af: - 1.5, ag: 'zero\u200bwidth'):
    pass


show(f4)


def f5(a: f'{x}', b: f'{x!r:>{width}} and {y!s}', c: f'{{literal}} {x}', d: f"{'q'}",
       e: f'{x=}', f: f'{ {1: 2}[1] }'):
    pass


show(f5)


def f6(*args: int, **kwargs: str) -> typing.Optional[typing.List[int]]:
    pass


def f7(a, /, b: int, *, c: 'C' = None, d: D):
    pass


def f8(x: int = 1) -> 'return value':
    pass


show(f6)
show(f7)
show(f8)
print(f6.__annotations__ is f6.__annotations__)


"""Every __future__ feature of Python 3.11 compiles; all but `annotations` change
nothing. The statement also runs as a normal import of the `__future__` module."""
from __future__ import generator_stop, division, absolute_import
from __future__ import (print_function, unicode_literals,
                        nested_scopes, with_statement, generators)
from __future__ import annotations as ann, division as div

import __future__

print(7 / 2, 7 // 2)
print(type('text').__name__)
print(division is __future__.division, div is division)
print(ann.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
print(sorted(__future__.all_feature_names))


def gen():
    yield 1
    return 2


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)


def f(x: int) -> undefined:
    return x


print(f.__annotations__)

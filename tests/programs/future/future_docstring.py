"""A docstring may come before future statements; so may comments and blank lines."""

# A comment.

from __future__ import annotations; from __future__ import division


def f(a: A) -> B:
    pass


print(__doc__)
print(f.__annotations__)

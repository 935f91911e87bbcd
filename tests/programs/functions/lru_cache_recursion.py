# An lru_cache'd __hash__ that hashes self recurses through the wrapper with no
# Python frame in between: RecursionError, as CPython, not a crash.
import functools


class K:
    @functools.lru_cache
    def __hash__(self):
        return hash(self)


try:
    hash(K())
except RecursionError as e:
    print("RecursionError:", e)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(300) % 1000007)

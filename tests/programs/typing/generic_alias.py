import collections, collections.abc as abc, queue, re, os, typing
from collections import deque, defaultdict, OrderedDict, Counter, ChainMap
print(deque[int], defaultdict[str, int], OrderedDict[str, int], Counter[str], ChainMap[str, int])
print(abc.Callable[[int], str], abc.Callable[..., str], abc.Iterable[int], abc.Iterator[int], abc.Generator[int, None, None], abc.Mapping[str, int], abc.Sequence[int])
print(abc.Callable[[int], str].__args__, abc.Callable[[], int], abc.Callable[[int, str], list[int]])
print(queue.Queue[int], re.Pattern[str], re.Match[str], os.PathLike[str])
print(deque[int]([1,2]), dict[str, list[int]], tuple[int, ...], type[int], list[int] | None)
try: abc.Callable[int]
except TypeError as e: print(e)
try: abc.Callable[int, str]
except TypeError as e: print(e)
try: int[str]
except TypeError as e: print(e)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None), isinstance(None, int | None))
print(isinstance(3, (int | str, float)))
class A: pass
print(A | None, None | A, A | list[A])
T = typing.TypeVar('T')
print(list[T], list[T][int], dict[str, T][float], list[T].__parameters__)
def f(x: list[int] | None = None) -> dict[str, int]: pass
print(f.__annotations__)

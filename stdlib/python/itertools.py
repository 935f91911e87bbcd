"""Functions creating iterators for efficient looping (CPython's itertools).

Each function checks its arguments when called, as CPython's do, and returns a
generator that produces the same items in the same order.
"""

from _collections import deque as _deque

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement",
           "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice",
           "pairwise", "permutations", "product", "repeat", "starmap", "takewhile", "tee",
           "zip_longest"]

_MAXSIZE = 9223372036854775807


class count:
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, "__add__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class repeat:
    """repeat(object [,times]) -> object for the specified number of times, or
    endlessly."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
            if not -0x8000000000000000 <= times <= 0x7FFFFFFFFFFFFFFF:
                raise OverflowError("Python int too large to convert to C ssize_t")
            times = max(times, 0)
        self._left = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._left})"


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


def cycle(iterable, /):
    """cycle(p) --> p0, p1, ... plast, p0, p1, ..."""
    return _cycle(iter(iterable))


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        yield from it


class chain:
    """chain(*iterables) --> the items of the first iterable, then the next, ..."""
    __slots__ = ("_gen",)

    def __init__(self, *iterables):
        self._gen = _chain(iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._gen = _chain(iterable)
        return self


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    """compress('ABCDEF', [1,0,1,0,1,1]) --> A C E F"""
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def dropwhile(predicate, iterable, /):
    """Drop items from the iterable while predicate(item) is true."""
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def takewhile(predicate, iterable, /):
    """Return successive entries from an iterable as long as the predicate holds."""
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


def filterfalse(function, iterable, /):
    """Return those items of iterable for which function(item) is false."""
    return _filterfalse(function, iter(iterable))


_NULL = object()


def _same(a, b):
    return a is b or a == b


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _NULL
        self._token = None

    def __iter__(self):
        return self

    def _step(self):
        v = next(self._it)
        k = v if self._keyfunc is None else self._keyfunc(v)
        self._currvalue = v
        self._currkey = k

    def __next__(self):
        self._token = None
        while True:
            if self._currkey is _NULL:
                pass
            elif self._tgtkey is _NULL:
                break
            elif not _same(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        token = self._token = object()
        return (self._currkey, _grouper(self, self._tgtkey, token))


def _grouper(parent, tgtkey, token):
    while parent._token is token:
        if parent._currvalue is _NULL:
            try:
                parent._step()
            except StopIteration:
                return
        if not _same(tgtkey, parent._currkey):
            return
        r = parent._currvalue
        parent._currvalue = _NULL
        yield r


def _check_index(v, msg):
    if v is None:
        return None
    try:
        v = v.__index__()
    except (AttributeError, TypeError):
        raise ValueError(msg) from None
    return v


def islice(*args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])"""
    if len(args) < 2:
        raise TypeError(f"islice expected at least 2 arguments, got {len(args)}")
    if len(args) > 4:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args)}")
    stop_msg = ("Stop argument for islice() must be None or an integer: "
                "0 <= x <= sys.maxsize.")
    idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
    start, step = 0, 1
    if len(args) == 2:
        stop = args[1]
        if stop is not None:
            stop = _check_index(stop, stop_msg)
            if stop == -1:
                raise ValueError(stop_msg)
    else:
        if args[1] is not None:
            start = _check_index(args[1], idx_msg)
        stop = args[2]
        if stop is not None:
            stop = _check_index(stop, stop_msg)
            if stop == -1:
                raise ValueError(stop_msg)
    if start < 0 or (stop is not None and stop < -1):
        raise ValueError(idx_msg)
    if len(args) == 4 and args[3] is not None:
        try:
            step = args[3].__index__()
        except (AttributeError, TypeError):
            step = -1
    if step < 1:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(args[0]), start, stop, step)


def _islice(it, start, stop, step):
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def pairwise(iterable, /):
    """pairwise('ABCDEFG') --> AB BC CD DE EF FG"""
    return _pairwise(iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable, /):
    """starmap(pow, [(2,5), (3,2)]) --> 32 9"""
    return _starmap(function, iter(iterable))


def _tee_gen(it, mydeque, deques):
    while True:
        if not mydeque:
            try:
                newval = next(it)
            except StopIteration:
                return
            for d in deques:
                d.append(newval)
        yield mydeque.popleft()


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    deques = [_deque() for _ in range(n)]
    return tuple(_tee_gen(it, d, deques) for d in deques)


def _zip_longest(iterators, fillvalue):
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def zip_longest(*iterables, fillvalue=None):
    """zip_longest('ABCD', 'xy', fillvalue='-') --> Ax By C- D-"""
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _product(pools):
    n = len(pools)
    if any(len(p) == 0 for p in pools):
        return
    indices = [0] * n
    yield tuple(p[0] for p in pools)
    while True:
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple(pools[j][indices[j]] for j in range(n))


def product(*iterables, repeat=1):
    """Cartesian product of input iterables; product('ab', range(2)) -->
    ('a',0) ('a',1) ('b',0) ('b',1)"""
    if not isinstance(repeat, int):
        raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def permutations(iterable, r=None):
    """permutations(range(3), 2) --> (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)"""
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    _check_r(r)
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    """combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"""
    pool = tuple(iterable)
    _check_r(r)
    return _combinations(pool, r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """combinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC"""
    pool = tuple(iterable)
    _check_r(r)
    return _cwr(pool, r)


try:  # revpy: the native iterator types (stdlib/src/itertools.rs), as CPython's C ones
    from _itertools import (accumulate, chain, combinations, combinations_with_replacement,
                            compress, count, cycle, dropwhile, filterfalse, islice,
                            pairwise, permutations, product, repeat, starmap, takewhile,
                            zip_longest)
except ImportError:
    pass

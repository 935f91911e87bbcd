# bench-group: stdlib
"""copy.deepcopy as in pyperformance's deepcopy benchmark: nested dicts, lists and
tuples, a dataclass instance, objects copied through __reduce__/__setstate__, and
structures sharing one list many times (the memo). Prints a checksum of the copies."""
import copy
from dataclasses import dataclass


@dataclass
class A:
    string: str
    lst: list
    boolean: bool


class C(object):
    def __init__(self):
        self.a = 1
        self.b = [2, 3]

    def __reduce__(self):
        return (C, (), self.__dict__)

    def __setstate__(self, state):
        self.__dict__.update(state)


def size(v):
    if isinstance(v, dict):
        return 1 + sum(size(x) for x in v.values())
    if isinstance(v, (list, tuple)):
        return 1 + sum(size(x) for x in v)
    return 1


def benchmark_reduce(n):
    c = C()
    total = 0
    for _ in range(n):
        d = copy.deepcopy(c)
        total += d.a + len(d.b) + (d.b is not c.b)
    return total


def benchmark_memo(n):
    shared = [1] * 100
    data = {'a': (shared, shared, shared), 'b': [shared] * 100}
    total = 0
    for _ in range(n):
        d = copy.deepcopy(data)
        total += (d['a'][0] is d['b'][5]) + (d['a'][0] is not shared)
    return total + size(d)


def benchmark(n):
    a = {'list': [1, 2, 3, 43], 't': (1, 2, 3), 'str': 'hello', 'subdict': {'a': True}}
    dc = A('hello', [1, 2, 3], True)
    total = 0
    for _ in range(n):
        for _ in range(30):
            total += len(copy.deepcopy(a))
        for s in ['red', 'blue', 'green']:
            dc.string = s
            for kk in range(5):
                dc.lst[0] = kk
                for b in [True, False]:
                    dc.boolean = b
                    d = copy.deepcopy(dc)
                    total += d.lst[0] + len(d.string) + d.boolean
    return total


def main(n):
    r1 = benchmark(n)
    r2 = benchmark_reduce(n * 20)
    r3 = benchmark_memo(n // 4)
    print("dicts and dataclass", r1)
    print("reduce", r2)
    print("memo", r3)
    print("checksum:", (r1 * 31 + r2) * 31 + r3)


main(3000)

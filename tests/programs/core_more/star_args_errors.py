# The errors for non-iterables after * and non-mappings after ** in calls and
# displays name the callable as CPython does (module-qualified for Python code).


def f(*args, **kwargs):
    return args, kwargs


class K:
    def method(self, *args):
        return args


tests = [
    lambda: f(*5),
    lambda: f(*None),
    lambda: f(0, *5),
    lambda: [*5],
    lambda: (*1.5,),
    lambda: {*3},
    lambda: K().method(*7),
    lambda: K(*8),
    lambda: print(*9),
    lambda: f(**[1]),
    lambda: K().method(**3),
    lambda: print(**None),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: K().method(**{"x": 1}, x=2),
    lambda: {**5},
]
for t in tests:
    try:
        print("ok", t())
    except TypeError as e:
        print("TypeError:", e)


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)


class BadIter:
    def __iter__(self):
        raise TypeError("custom iter failure")


print(f(*Seq()), [*Seq()])
try:
    f(*BadIter())
except TypeError as e:
    print("TypeError:", e)

# Where a failed assert is reported, as CPython 3.11: at the last comparison its
# test branches on (through not / and / or / conditional expressions), otherwise
# at the whole statement (so no ^^^ markers under a one-line assert).
import sys
import traceback


def f(x, y, z):
    return x


def check(label, fn):
    try:
        fn()
    except AssertionError as e:
        print(label, "->", e, file=sys.stderr)
        traceback.print_exc()


x, y, z = 1, 0, 0


def a1():
    assert f(x, y, z) == 2, "call compared"


def a2():
    assert f(y, y, z), "a call"


def a3():
    assert isinstance(x, int) and x > 5, "and: the last compare"


def a4():
    assert x == 1 and y, "and: a compare then a name"


def a5():
    assert not x == 1, "not"


def a6():
    assert y if x == 1 else z, "conditional"


def a7():
    assert [y][0], "subscript"


def a8():
    assert (
        x == 2
    ), "compare on its own line"


def a9():
    assert f(y, y, z), (
        "message on the next lines"
    )


def a10():
    assert y


for i, fn in enumerate([a1, a2, a3, a4, a5, a6, a7, a8, a9, a10], 1):
    check(f"a{i}", fn)

"""unittest's Ctrl-C handling (`-c/--catch`).

Copyright (c) 2001-2023 Python Software Foundation; All Rights Reserved.
CPython 3.11's Lib/unittest/signals.py (see LICENSE-PSF.txt). Changed for revpy,
which has no `signal` module and no weak references: results are registered in a
plain list, and installHandler() refuses with NotImplementedError (no SIGINT handler
can be installed); removeHandler() has nothing to remove.
"""

from functools import wraps

__unittest = True

_results = []


def registerResult(result):
    if not any(r is result for r in _results):
        _results.append(result)


def removeResult(result):
    for i, r in enumerate(_results):
        if r is result:
            del _results[i]
            return True
    return False


_interrupt_handler = None


def installHandler():
    raise NotImplementedError(
        "revpy has no signal handling: unittest's -c/--catch is not available")


def removeHandler(method=None):
    if method is not None:
        @wraps(method)
        def inner(*args, **kwargs):
            return method(*args, **kwargs)
        return inner

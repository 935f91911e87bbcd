"""Functions to run when the program ends (after the main module finishes or
raises, before its objects are finalized), last registered first. revpy: written
for revpy; the VM calls `_callbacks` itself at exit (see vm/src/types/weakref.rs)."""

_callbacks = []


def register(func, /, *args, **kwargs):
    """Register `func(*args, **kwargs)` to be called at exit; returns `func`."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Remove every registration of `func`."""
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        func(*args, **kwargs)

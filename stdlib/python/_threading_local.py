"""Thread-local objects: `threading.local`.

revpy: written for revpy (CPython's Lib/_threading_local.py swaps the instance
`__dict__`, which revpy does not support). Each thread sees its own attributes,
kept in a dict per thread ident; a subclass's `__init__` runs again, with the
constructor's arguments, the first time a new thread touches the object, as in
CPython.
"""

from _thread import get_ident

__all__ = ["local"]


def _dict(self):
    dicts = object.__getattribute__(self, "_local__dicts")
    ident = get_ident()
    d = dicts.get(ident)
    if d is None:
        d = dicts[ident] = {}
        args, kw = object.__getattribute__(self, "_local__args")
        init = type(self).__init__
        if init is not object.__init__:
            init(self, *args, **kw)
    return d


class local:
    __slots__ = ("_local__dicts", "_local__args", "__weakref__")

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__dicts", {get_ident(): {}})
        object.__setattr__(self, "_local__args", (args, kw))
        return self

    def __getattribute__(self, name):
        if name in ("_local__dicts", "_local__args"):
            return object.__getattribute__(self, name)
        d = _dict(self)
        if name == "__dict__":
            return d
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        raise AttributeError(
            f"'{type(self).__name__}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % type(self).__name__)
        _dict(self)[name] = value

    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % type(self).__name__)
        d = _dict(self)
        if name not in d:
            raise AttributeError(name)
        del d[name]

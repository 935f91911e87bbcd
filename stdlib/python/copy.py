"""Shallow and deep copy operations.

copy(x) and deepcopy(x, memo) follow CPython's copy module: types may define
__copy__ / __deepcopy__(memo) or __reduce_ex__ / __reduce__; other instances are
rebuilt with cls.__new__(cls) and a copy of their __dict__ (and slots).
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _f():
    pass


_atomic = {type(None), int, float, bool, complex, bytes, str, type, range,
           type(Ellipsis), type(NotImplemented), type(_f), type(len), property}


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    if _native_deepcopy is not None and type(memo) is dict:
        # revpy: the recursion over atomic values, lists, dicts and tuples in Rust
        # (stdlib/src/copy.rs); other objects come back to _deepcopy_other.
        return _native_deepcopy(x, memo, _deepcopy_other)
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_other(x, memo):
    """deepcopy's copy of an object that is not atomic, a list, a dict or a tuple
    (the caller records it in memo)."""
    copier = getattr(x, "__deepcopy__", None)
    if copier is not None:
        return copier(memo)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, memo, *rv)


try:
    from _copy import deepcopy as _native_deepcopy
except ImportError:
    _native_deepcopy = None


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _defines(cls, name):
    """The class in cls's MRO whose own namespace defines name."""
    for base in cls.__mro__:
        if name in base.__dict__:
            return base
    return None


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reduce(x):
    """x's reduce tuple: from a __reduce_ex__/__reduce__ it defines itself, or the
    default protocol (cls.__new__ plus state)."""
    cls = type(x)
    for name in ("__reduce_ex__", "__reduce__"):
        owner = _defines(cls, name)
        if owner is not None and owner is not object:
            rv = getattr(x, name)(4) if name == "__reduce_ex__" else getattr(x, name)()
            if isinstance(rv, str):
                return rv
            if not isinstance(rv, tuple):
                raise Error("un(deep)copyable object of type %s" % cls)
            return rv
    if cls in (set, frozenset):
        return (cls, (list(x),))
    if cls is bytearray:
        return (cls, (bytes(x),))
    args = ()
    if hasattr(x, "__getnewargs__"):
        args = tuple(x.__getnewargs__())
    elif isinstance(x, tuple):
        args = (tuple(x),)
    state = getattr(x, "__dict__", None) or None
    slots = {}
    for base in cls.__mro__:
        names = base.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (base.__name__.lstrip("_"), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        state = (state, slots)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + args, state, listiter, dictiter)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y

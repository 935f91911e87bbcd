"""The methods `dataclasses` generates, as closures over a class's fields."""

from dataclasses import MISSING, FrozenInstanceError, _FIELD_INITVAR


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


def _names(names):
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"


def _bind(qual, std, kw, args, kwargs):
    """Bind __init__ arguments to field names as Python binds a signature."""
    npos = len(std)
    if len(args) > npos:
        lo = 1 + sum(1 for f in std if f.default is MISSING and f.default_factory is MISSING)
        hi = npos + 1
        takes = f"{hi}" if lo == hi else f"from {lo} to {hi}"
        s = "" if hi == 1 and lo == hi else "s"
        nkw = sum(1 for f in kw if f.name in kwargs)
        given = f"{len(args) + 1}"
        if nkw:
            ks = "" if nkw == 1 else "s"
            given += (f" positional argument{'' if len(args) == 0 else 's'} "
                      f"(and {nkw} keyword-only argument{ks})")
        raise TypeError(f"{qual}() takes {takes} positional argument{s} but "
                        f"{given} were given")
    values = {}
    for f, a in zip(std, args):
        values[f.name] = a
    allowed = [f.name for f in std] + [f.name for f in kw]
    for k, v in kwargs.items():
        if k not in allowed:
            raise TypeError(f"{qual}() got an unexpected keyword argument '{k}'")
        if k in values:
            raise TypeError(f"{qual}() got multiple values for argument '{k}'")
        values[k] = v
    for group, kind in ((std, "positional"), (kw, "keyword-only")):
        missing = []
        for f in group:
            if f.name in values:
                continue
            if f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = _HAS_DEFAULT_FACTORY
            else:
                missing.append(f.name)
        if missing:
            s = "" if len(missing) == 1 else "s"
            raise TypeError(f"{qual}() missing {len(missing)} required {kind} "
                            f"argument{s}: {_names(missing)}")
    return values


def _make_init(cls, all_fields, std, kw, frozen):
    qual = f"{cls.__qualname__}.__init__"
    has_post_init = hasattr(cls, "__post_init__")
    initvars = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]

    def __init__(self, *args, **kwargs):
        values = _bind(qual, std, kw, args, kwargs)
        for f in all_fields:
            if f._field_type is _FIELD_INITVAR:
                continue
            if f.default_factory is not MISSING:
                if f.init:
                    value = values[f.name]
                    if value is _HAS_DEFAULT_FACTORY:
                        value = f.default_factory()
                else:
                    value = f.default_factory()
            elif f.init:
                value = values[f.name]
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[n] for n in initvars])
    return __init__


_repr_running = set()


def _make_repr(fields):
    names = [f.name for f in fields]

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        finally:
            _repr_running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"
    return __repr__


def _make_eq(fields):
    names = [f.name for f in fields]

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (tuple(getattr(self, n) for n in names)
                    == tuple(getattr(other, n) for n in names))
        return NotImplemented
    return __eq__


def _make_order(fields):
    names = [f.name for f in fields]

    def key(obj):
        return tuple(getattr(obj, n) for n in names)

    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return key(self) < key(other)
        return NotImplemented

    def __le__(self, other):
        if other.__class__ is self.__class__:
            return key(self) <= key(other)
        return NotImplemented

    def __gt__(self, other):
        if other.__class__ is self.__class__:
            return key(self) > key(other)
        return NotImplemented

    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return key(self) >= key(other)
        return NotImplemented
    return [("__lt__", __lt__), ("__le__", __le__), ("__gt__", __gt__), ("__ge__", __ge__)]


def _make_hash(fields):
    names = [f.name for f in fields]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))
    return __hash__


def _make_frozen(cls, fields):
    names = {f.name for f in fields}

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return [__setattr__, __delattr__]

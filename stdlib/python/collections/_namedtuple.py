"""collections.namedtuple: tuple subclasses with named fields.

CPython generates ``__new__`` from source text with ``exec``; revpy has no ``exec``,
so ``__new__`` here binds its arguments itself and raises the same TypeErrors a
generated ``def __new__(_cls, x, y)`` would.
"""

from keyword import iskeyword as _iskeyword
import _collections

_tuple_new = tuple.__new__


class _tuplegetter:
    """The descriptor of a field: reads item `index` of the tuple, read-only."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _names_list(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _make_new(typename, field_names, field_defaults):
    nfields = len(field_names)
    nrequired = nfields - len(field_defaults)
    where = f"{typename}.__new__()"

    def __new__(_cls, *args, **kwargs):
        n = len(args)
        if n == nfields and not kwargs:
            return _tuple_new(_cls, args)
        if n > nfields:
            if nrequired == nfields:
                takes = _plural(nfields + 1, "positional argument")
            else:
                takes = f"from {nrequired + 1} to {nfields + 1} positional arguments"
            given = "was" if n + 1 == 1 else "were"
            raise TypeError(f"{where} takes {takes} but {n + 1} {given} given")
        for key in kwargs:
            if key not in field_names:
                raise TypeError(f"{where} got an unexpected keyword argument '{key}'")
            if field_names.index(key) < n:
                raise TypeError(f"{where} got multiple values for argument '{key}'")
        values = list(args)
        missing = []
        for name in field_names[n:]:
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            what = _plural(len(missing), "required positional argument")
            raise TypeError(f"{where} missing {what}: {_names_list(missing)}")
        return _tuple_new(_cls, values)

    __new__.__qualname__ = f"{typename}.__new__"
    return __new__


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_")
                    or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             f"identifiers: {name!r}")
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a "
                             f"keyword: {name!r}")

    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ", ".join(field_names)
    if num_fields == 1:
        arg_list += ","
    repr_fmt = "(" + ", ".join(f"{name}=%r" for name in field_names) + ")"

    __new__ = _make_new(typename, field_names, field_defaults)
    __new__.__doc__ = f"Create new instance of {typename}({arg_list})"
    if defaults is not None:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f"Expected {num_fields} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self):
        """Return a nicely formatted representation string"""
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f"{typename}.{method.__name__}"

    class_namespace = {
        "__doc__": f"{typename}({arg_list})",
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, f"Alias for field number {index}")

    result = type(typename, (tuple,), class_namespace)
    if module is None:
        module = _collections._caller_module(1) or "__main__"
    result.__module__ = module
    return result

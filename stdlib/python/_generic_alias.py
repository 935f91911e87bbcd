"""`types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | None`).

The VM builds these when a built-in class is subscripted (`list[int]`, through the
`__class_getitem__` of list, dict, tuple, set, frozenset, type, ...) and when `|` is
applied to classes (`int | None`); library classes take them with
`__class_getitem__ = classmethod(GenericAlias)`. Written after CPython 3.11's
Objects/genericaliasobject.c and Objects/unionobject.c: reprs, equality, hashing,
`__origin__`/`__args__`/`__parameters__`, substitution of type variables, and the
TypeErrors of isinstance()/issubclass().
"""

_NoneType = type(None)


def _repr_item(p):
    if p is ...:
        return "..."
    if isinstance(p, list):
        return "[" + ", ".join(_repr_item(a) for a in p) + "]"
    if isinstance(p, (GenericAlias, UnionType)):
        return repr(p)
    try:
        if hasattr(p, "__origin__") and hasattr(p, "__args__"):
            return repr(p)
        qualname = p.__qualname__
        module = p.__module__
    except AttributeError:
        return repr(p)
    if not isinstance(qualname, str) or not isinstance(module, str):
        return repr(p)
    if module == "builtins":
        return qualname
    return f"{module}.{qualname}"


def _is_typevar(a):
    return hasattr(type(a), "__typing_subst__") and not isinstance(a, type)


def _collect_parameters(args):
    params = []
    for a in args:
        if _is_typevar(a):
            if a not in params:
                params.append(a)
            continue
        if isinstance(a, type):
            continue
        sub = getattr(a, "__parameters__", None)
        if isinstance(sub, tuple):
            for p in sub:
                if p not in params:
                    params.append(p)
        elif isinstance(a, (list, tuple)):
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _subst(a, mapping):
    if _is_typevar(a):
        return mapping.get(a, a)
    if isinstance(a, list):
        return [_subst(x, mapping) for x in a]
    if isinstance(a, type):
        return a
    params = getattr(a, "__parameters__", None)
    if isinstance(params, tuple) and params:
        sub = tuple(mapping.get(p, p) for p in params)
        return a[sub if len(sub) != 1 else sub[0]]
    return a


def _substitute(alias, params, items):
    if not params:
        raise TypeError(f"There are no type variables left in {alias!r}")
    if not isinstance(items, tuple):
        items = (items,)
    if len(items) != len(params):
        many = "many" if len(items) > len(params) else "few"
        raise TypeError(f"Too {many} arguments for {alias!r}; actual {len(items)}, "
                        f"expected {len(params)}")
    return dict(zip(params, items))


_ATTR_EXCEPTIONS = frozenset((
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
    "__reduce__", "__copy__", "__deepcopy__",
))


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    __slots__ = ("__origin__", "__args__", "_parameters", "__unpacked__")

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, "__origin__", origin)
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "_parameters", None)
        object.__setattr__(self, "__unpacked__", False)
        return self

    @property
    def __parameters__(self):
        p = self._parameters
        if p is None:
            p = _collect_parameters(self.__args__)
            object.__setattr__(self, "_parameters", p)
        return p

    def __repr__(self):
        origin = _repr_item(self.__origin__)
        if not self.__args__:
            return f"{origin}[()]"
        return origin + "[" + ", ".join(_repr_item(a) for a in self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getattr__(self, name):
        if name in _ATTR_EXCEPTIONS:
            raise AttributeError(
                f"'types.GenericAlias' object has no attribute '{name}'")
        return getattr(self.__origin__, name)

    def __setattr__(self, name, value):
        if name in _ATTR_EXCEPTIONS or name in ("_parameters",):
            raise AttributeError("readonly attribute")
        setattr(self.__origin__, name, value)

    def __getitem__(self, items):
        mapping = _substitute(self, self.__parameters__, items)
        args = tuple(_subst(a, mapping) for a in self.__args__)
        return GenericAlias(self.__origin__, args)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __reduce__(self):
        return (GenericAlias, (self.__origin__, self.__args__))

    def __dir__(self):
        names = set(dir(self.__origin__))
        names.update(("__origin__", "__args__", "__parameters__"))
        return sorted(names)


GenericAlias.__module__ = "types"


def _unionable(obj):
    return (obj is None or isinstance(obj, (type, GenericAlias, UnionType)))


def _flatten(args):
    out = []
    for a in args:
        if a is None:
            a = _NoneType
        items = a.__args__ if isinstance(a, UnionType) else (a,)
        for x in items:
            if not any(x is y or (type(x) is type(y) and x == y) for y in out):
                out.append(x)
    return tuple(out)


def _union_or(a, b):
    """`a | b` for classes, None, generic aliases and unions (NotImplemented if
    one of them is something else)."""
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = _flatten((a, b))
    if len(args) == 1:
        return args[0]
    return UnionType._make(args)


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    __slots__ = ("__args__", "_parameters")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    @classmethod
    def _make(cls, args):
        self = object.__new__(cls)
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "_parameters", None)
        return self

    @property
    def __parameters__(self):
        p = self._parameters
        if p is None:
            p = _collect_parameters(self.__args__)
            object.__setattr__(self, "_parameters", p)
        return p

    def __setattr__(self, name, value):
        raise AttributeError(
            f"'types.UnionType' object attribute '{name}' is read-only")

    def __repr__(self):
        return " | ".join("None" if a is _NoneType else _repr_item(a)
                          for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    def __getitem__(self, items):
        mapping = _substitute(self, self.__parameters__, items)
        result = None
        for a in self.__args__:
            a = _subst(a, mapping)
            result = a if result is None else result | a
        return result

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError(
                    "isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError(
                    "issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)


UnionType.__module__ = "types"


def _class_getitem(cls, item):
    """The `__class_getitem__` of the built-in generic classes."""
    return GenericAlias(cls, item)

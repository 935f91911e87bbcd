"""Type hints at runtime: the names programs import for annotations. Subscripting
them builds alias objects that print as CPython's; they check nothing."""

import sys
from _generic_alias import GenericAlias as _PEP585Alias, UnionType as _UnionType

TYPE_CHECKING = False

__all__ = [
    "Any", "Callable", "ClassVar", "Final", "Generic", "Literal", "Optional",
    "Protocol", "Tuple", "Type", "TypeVar", "Union", "AbstractSet", "ByteString",
    "Container", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView",
    "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet",
    "Sequence", "Sized", "ValuesView", "Awaitable", "Collection", "Reversible",
    "Generator", "Dict", "DefaultDict", "OrderedDict", "Counter", "Deque", "List",
    "Set", "FrozenSet", "NamedTuple", "TypedDict", "cast", "final", "get_type_hints",
    "NewType", "no_type_check", "overload", "runtime_checkable", "Text",
    "TYPE_CHECKING", "NoReturn", "Never", "Self", "LiteralString", "TypeAlias",
    "Annotated", "assert_never", "reveal_type", "get_origin", "get_args",
]


def _type_repr(obj):
    if isinstance(obj, (_PEP585Alias, _UnionType)):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None:
        return "None"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    if callable(obj) and hasattr(obj, "__qualname__") and not isinstance(obj, _Final):
        return obj.__qualname__
    return repr(obj)


def _convert(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _Final:
    __slots__ = ()


class ForwardRef(_Final):
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _GenericAlias(_Final):
    """`List[int]`, `Dict[str, int]`, `Stack[T]`: an origin with arguments."""

    def __init__(self, origin, args, name=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(_convert(a) for a in args)
        self._name = name
        self.__parameters__ = tuple(a for a in self.__args__ if isinstance(a, TypeVar))

    def __repr__(self):
        name = self._name and "typing." + self._name or _type_repr(self.__origin__)
        if not self.__args__:
            return f"{name}[()]"
        return name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        args = tuple(subst.get(a, a) for a in self.__args__)
        return _GenericAlias(self.__origin__, args, self._name)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            if origin is Generic or any(isinstance(b, _GenericAlias) and b is not self
                                        and b.__origin__ is Generic for b in bases):
                if origin is Generic and self in bases:
                    i = bases.index(self)
                    for b in bases[i + 1:]:
                        if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                            return ()
                return (origin,)
            for b in bases:
                if b is not self and isinstance(b, type) and issubclass(b, origin):
                    return ()
            return (origin,)
        return ()

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __eq__(self, other):
        if not isinstance(other, (_UnionAlias, _UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f"typing.Callable[..., {_type_repr(args[1])}]"
        params = ", ".join(_type_repr(a) for a in args[:-1])
        return f"typing.Callable[[{params}], {_type_repr(args[-1])}]"


class _LiteralAlias(_GenericAlias):
    def __init__(self, origin, args, name=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self.__parameters__ = ()

    def __repr__(self):
        return "typing.Literal[" + ", ".join(repr(a) for a in self.__args__) + "]"


class _SpecialGenericAlias(_Final):
    """`List`, `Dict`, ...: a builtin class that can be subscripted."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Tuple":
            return _GenericAlias(tuple, params, "Tuple")
        if self._name == "Callable":
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _CallableAlias(self.__origin__, (..., result), "Callable")
            return _CallableAlias(self.__origin__, tuple(args) + (result,), "Callable")
        if self._nparams >= 0 and len(params) != self._nparams:
            many = "many" if len(params) > self._nparams else "few"
            raise TypeError(f"Too {many} arguments for {self!r}; actual {len(params)}, "
                            f"expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self._name in ("List", "Dict", "Set", "Tuple", "FrozenSet", "Type"):
            raise TypeError(f"Type {self._name} cannot be instantiated; use "
                            f"{self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, other):
        return Union[self, other]


class _SpecialForm(_Final):
    """`Any`, `Union`, `Optional`, ...: special names with their own subscription."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _convert(p)
        if isinstance(p, (_UnionAlias, _UnionType)):
            items = p.__args__
        else:
            items = (p,)
        for q in items:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat), "Union")


def _optional(self, parameters):
    return _union(None, (parameters, None))


def _literal(self, parameters):
    return _LiteralAlias(Literal, parameters, "Literal")


def _single(self, parameters):
    return _GenericAlias(self, (parameters,), self._name)


class _AnnotatedAlias(_GenericAlias):
    """`Annotated[int, "meta"]`: the type (`__origin__`) with its metadata."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,), "Annotated")
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[{}, {}]".format(
            _type_repr(self.__origin__), ", ".join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    return _AnnotatedAlias(_convert(params[0]), tuple(params[1:]))


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    return t


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
Literal = _SpecialForm("Literal", _literal)
ClassVar = _SpecialForm("ClassVar", _single)
Final = _SpecialForm("Final", _single)
Annotated = _SpecialForm("Annotated", _annotated)
TypeGuard = _SpecialForm("TypeGuard", _single)
Required = _SpecialForm("Required", _single)
NotRequired = _SpecialForm("NotRequired", _single)
Unpack = _SpecialForm("Unpack", _single)
Concatenate = _SpecialForm("Concatenate", _single)


class TypeVar(_Final):
    """A type variable: `T = TypeVar("T")`."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = _convert(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        return arg

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        super().__init__(name, bound=bound, covariant=covariant,
                         contravariant=contravariant)


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """Base class of generic classes: `class Stack(Generic[T])`."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to Generic[...] must all be type variables "
                                    "or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError("Parameters to Generic[...] must all be unique")
        elif cls is Protocol:
            pass
        else:
            expected = len(getattr(cls, "__parameters__", ()))
            if expected and len(params) != expected:
                many = "many" if len(params) > expected else "few"
                raise TypeError(f"Too {many} arguments for {cls}; actual {len(params)}, "
                                f"expected {expected}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for base in cls.__dict__.get("__orig_bases__", ()):
            if isinstance(base, _GenericAlias):
                for p in base.__parameters__:
                    if p not in tvars:
                        tvars.append(p)
        cls.__parameters__ = tuple(tvars)


from abc import ABCMeta as _ABCMeta

_SPECIAL_NAMES = frozenset((
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__",
    "__module__", "__new__", "__slots__", "__subclasshook__", "__weakref__",
    "__class_getitem__", "__init_subclass__", "__parameters__", "__orig_bases__",
    "__qualname__", "__protocol_attrs__", "__match_args__", "__classcell__",
    "_is_protocol", "_is_runtime_protocol", "_abc_impl", "_abc_registry",
    "_abc_cache", "_abc_negative_cache", "_abc_negative_cache_version",
))


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        for name in list(base.__dict__) + list(base.__dict__.get("__annotations__", {})):
            if name not in _SPECIAL_NAMES and name not in attrs:
                attrs.append(name)
    return attrs


class _ProtocolMeta(_ABCMeta):
    """isinstance() against a @runtime_checkable protocol checks that the object
    has the protocol's members."""

    def __instancecheck__(cls, instance):
        if not getattr(cls, "_is_protocol", False) or cls is Protocol:
            return super().__instancecheck__(instance)
        if not getattr(cls, "_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if super().__subclasscheck__(type(instance)):
            return True
        for attr in _protocol_attrs(cls):
            try:
                val = getattr(instance, attr)
            except AttributeError:
                return False
            if val is None and callable(getattr(cls, attr, None)):
                return False
        return True

    def __subclasscheck__(cls, other):
        if not getattr(cls, "_is_protocol", False) or cls is Protocol:
            return super().__subclasscheck__(other)
        if not getattr(cls, "_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        attrs = _protocol_attrs(cls)
        if any(not callable(getattr(cls, a, None)) for a in attrs):
            raise TypeError("Protocols with non-method members don't support "
                            "issubclass()")
        if not isinstance(other, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if super().__subclasscheck__(other):
            return True
        return all(any(a in b.__dict__ for b in other.__mro__) for a in attrs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for structural types: subclasses of a protocol are checked by
    type checkers; isinstance() works on @runtime_checkable ones."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (isinstance() checks members)."""
    if not (isinstance(cls, type) and getattr(cls, "_is_protocol", False)):
        raise TypeError("@runtime_checkable can be only applied to protocol classes,"
                        f" got {cls!r}")
    cls._is_runtime_protocol = True
    return cls


def _alias(origin, nparams, name):
    return _SpecialGenericAlias(origin, nparams, name)


List = _alias(list, 1, "List")
Dict = _alias(dict, 2, "Dict")
Set = _alias(set, 1, "Set")
FrozenSet = _alias(frozenset, 1, "FrozenSet")
Tuple = _alias(tuple, -1, "Tuple")
Type = _alias(type, 1, "Type")
Text = str


class _AbstractProtocol:
    pass


def _abstract(name, nparams):
    cls = type(name, (), {"__module__": "typing"})
    return _alias(cls, nparams, name)


try:
    import collections.abc as _abc
except ImportError:
    _abc = None


def _from_abc(name, nparams):
    origin = getattr(_abc, name, None) if _abc is not None else None
    if origin is None:
        return _abstract(name, nparams)
    return _alias(origin, nparams, name)


Callable = _alias(_abc.Callable if _abc is not None else object, -1, "Callable")
Hashable = _from_abc("Hashable", 0)
Sized = _from_abc("Sized", 0)
Iterable = _from_abc("Iterable", 1)
Iterator = _from_abc("Iterator", 1)
Reversible = _from_abc("Reversible", 1)
Container = _from_abc("Container", 1)
Collection = _from_abc("Collection", 1)
Generator = _from_abc("Generator", 3)
Awaitable = _from_abc("Awaitable", 1)
Coroutine = _from_abc("Coroutine", 3)
AsyncIterable = _from_abc("AsyncIterable", 1)
AsyncIterator = _from_abc("AsyncIterator", 1)
Sequence = _from_abc("Sequence", 1)
MutableSequence = _from_abc("MutableSequence", 1)
AbstractSet = _from_abc("Set", 1)
AbstractSet._name = "AbstractSet"
MutableSet = _from_abc("MutableSet", 1)
Mapping = _from_abc("Mapping", 2)
MutableMapping = _from_abc("MutableMapping", 2)
MappingView = _from_abc("MappingView", 1)
KeysView = _from_abc("KeysView", 1)
ItemsView = _from_abc("ItemsView", 2)
ValuesView = _from_abc("ValuesView", 1)
ByteString = _from_abc("ByteString", 0)
SupportsInt = _abstract("SupportsInt", 0)
SupportsFloat = _abstract("SupportsFloat", 0)
SupportsAbs = _abstract("SupportsAbs", 1)
SupportsIndex = _abstract("SupportsIndex", 0)
IO = _abstract("IO", 1)
TextIO = _abstract("TextIO", 0)
BinaryIO = _abstract("BinaryIO", 0)

try:
    import collections as _collections
    DefaultDict = _alias(_collections.defaultdict, 2, "DefaultDict")
    OrderedDict = _alias(_collections.OrderedDict, 2, "OrderedDict")
    Counter = _alias(_collections.Counter, 1, "Counter")
    Deque = _alias(_collections.deque, 1, "Deque")
    ChainMap = _alias(_collections.ChainMap, 2, "ChainMap")
except (ImportError, AttributeError):
    DefaultDict = _alias(dict, 2, "DefaultDict")
    OrderedDict = _alias(dict, 2, "OrderedDict")
    Counter = _alias(dict, 1, "Counter")
    Deque = _alias(list, 1, "Deque")
    ChainMap = _alias(dict, 2, "ChainMap")


def cast(typ, val):
    """Return the value unchanged (a hint to type checkers)."""
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-decorated.")
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def get_origin(tp):
    """The unsubscripted version of a type: `list` for `list[int]` and
    `List[int]`, `types.UnionType` for `int | None`, `Union` for `Optional[int]`."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _PEP585Alias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _UnionType):
        return _UnionType
    return None


def get_args(tp):
    """The arguments of a subscripted type, with Callable's parameters as a list:
    `get_args(Callable[[int], str]) == ([int], str)`."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _PEP585Alias)):
        res = tp.__args__
        if (_abc is not None and tp.__origin__ is _abc.Callable
                and not (len(res) == 2 and res[0] is ...)):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _UnionType):
        return tp.__args__
    return ()


def _eval_hint(value, globalns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return _eval_str(value.__forward_arg__.strip(), globalns)
    return value


def _split_top(text, sep):
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    parts.append(cur.strip())
    return parts


def _eval_str(text, globalns):
    """Evaluate a string annotation made of names, attributes, subscripts, `|`,
    `None`, `...` and literals (there is no eval)."""
    alts = _split_top(text, "|")
    if len(alts) > 1:
        result = _eval_str(alts[0], globalns)
        for a in alts[1:]:
            result = result | _eval_str(a, globalns)
        return result
    if text == "None":
        return None
    if text == "...":
        return ...
    if text[:1] in "'\"":
        return text[1:-1]
    if text[:1].isdigit() or text[:1] == "-":
        return int(text)
    if text.startswith("["):
        return [_eval_str(a, globalns) for a in _split_top(text[1:-1], ",") if a]
    if text.endswith("]") and "[" in text:
        i = text.index("[")
        base = _eval_str(text[:i], globalns)
        args = [_eval_str(a, globalns) for a in _split_top(text[i + 1:-1], ",") if a]
        return base[tuple(args) if len(args) != 1 else args[0]]
    head, *rest = text.split(".")
    if head in globalns:
        obj = globalns[head]
    else:
        import builtins
        if not hasattr(builtins, head):
            raise NameError(f"name '{head}' is not defined")
        obj = getattr(builtins, head)
    for attr in rest:
        obj = getattr(obj, attr)
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (along its MRO), function or module; string
    annotations naming a global or builtin are resolved."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            g = globalns
            if g is None:
                mod = sys.modules.get(base.__module__)
                g = mod.__dict__ if mod is not None else {}
            for name, value in ann.items():
                hints[name] = _eval_hint(value, g)
        if not include_extras:
            hints = {k: _strip_annotations(t) for k, t in hints.items()}
        return hints
    ann = getattr(obj, "__annotations__", None) or {}
    g = globalns if globalns is not None else getattr(obj, "__globals__", None)
    if g is None:
        g = getattr(obj, "__dict__", {})
    for name, value in ann.items():
        hints[name] = _eval_hint(value, g)
    if not include_extras:
        hints = {k: _strip_annotations(t) for k, t in hints.items()}
    return hints


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


# --- NamedTuple --------------------------------------------------------------

def _make_nmtuple(name, fields, defaults, module, namespace=None):
    """A tuple subclass with named fields, as collections.namedtuple."""
    fields = tuple(fields)
    nfields = len(fields)
    defaults = tuple(defaults)
    field_defaults = dict(zip(fields[nfields - len(defaults):], defaults))

    def __new__(_cls, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError(f"{name}.__new__() takes {nfields + 1} positional arguments "
                            f"but {len(args) + 1} were given")
        values = list(args)
        for f in fields[len(args):]:
            if f in kwargs:
                values.append(kwargs.pop(f))
            elif f in field_defaults:
                values.append(field_defaults[f])
            else:
                missing = [g for g in fields[len(values):]
                           if g not in kwargs and g not in field_defaults]
                if len(missing) == 1:
                    raise TypeError(f"{name}.__new__() missing 1 required positional "
                                    f"argument: '{missing[0]}'")
                quoted = ", ".join(f"'{m}'" for m in missing[:-1])
                raise TypeError(f"{name}.__new__() missing {len(missing)} required "
                                f"positional arguments: {quoted} and '{missing[-1]}'")
        for f in fields[:len(args)]:
            if f in kwargs:
                raise TypeError(f"{name}.__new__() got multiple values for argument '{f}'")
        if kwargs:
            k = next(iter(kwargs))
            raise TypeError(f"{name}.__new__() got an unexpected keyword argument '{k}'")
        return tuple.__new__(_cls, values)

    def __repr__(self):
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"{self.__class__.__name__}({inner})"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **kwds):
        values = [kwds.pop(f, v) for f, v in zip(self._fields, self)]
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return self.__class__(*values)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != nfields:
            raise TypeError(f"Expected {nfields} arguments, got {len(values)}")
        return tuple.__new__(cls, values)

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        "__new__": __new__, "__repr__": __repr__, "_asdict": _asdict,
        "_replace": _replace, "_make": _make, "__getnewargs__": __getnewargs__,
        "_fields": fields, "_field_defaults": field_defaults, "__slots__": (),
        "__module__": module, "__match_args__": fields,
    }
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i], doc=f"Alias for field number {i}")
    if namespace:
        for k, v in namespace.items():
            if k in ns and k not in ("__module__",) and k in fields:
                continue
            if k not in ("__annotations__", "__qualname__", "__orig_bases__",
                         "__slots__") and k not in fields:
                ns[k] = v
    cls = type(name, (tuple,), ns)
    return cls


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get("__annotations__", {})
        fields = list(types)
        defaults = []
        for f in fields:
            if f in ns:
                defaults.append(ns[f])
            elif defaults:
                s = "s" if len(defaults) > 1 else ""
                raise TypeError(f"Non-default namedtuple field {f} cannot follow default "
                                f"field{s} {', '.join(fields[:fields.index(f)][-len(defaults):])}")
        nm = _make_nmtuple(typename, fields, defaults, ns.get("__module__", "__main__"), ns)
        nm.__annotations__ = dict(types)
        if "__qualname__" in ns:
            nm.__qualname__ = ns["__qualname__"]
        return nm


def NamedTuple(typename, fields=None, /, **kwargs):
    """`class P(NamedTuple): x: int` or `NamedTuple("P", [("x", int)])`."""
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nm = _make_nmtuple(typename, [n for n, t in fields], (), _caller_module())
    nm.__annotations__ = {n: t for n, t in fields}
    return nm


def _caller_module():
    return "__main__"


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# --- TypedDict ---------------------------------------------------------------

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp = type.__new__(_TypedDictMeta, name, (dict,), dict(ns))
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
        annotations.update(ns.get("__annotations__", {}))
        tp.__annotations__ = annotations
        tp.__total__ = total
        keys = set(annotations)
        tp.__required_keys__ = frozenset(keys if total else ())
        tp.__optional_keys__ = frozenset(() if total else keys)
        return tp

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {"__annotations__": dict(fields), "__module__": "__main__"}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, "TypedDict", (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries

"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

A simplified version of CPython's design: the metaclass `EnumType` turns the plain
attributes of a class body into members (singletons of the class), keeps them in
definition order, and answers `Color(1)` (lookup by value), `Color['RED']` (by name),
iteration, `len` and `in`."""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "property", "verify", "member", "nonmember",
           "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP", "global_enum"]

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value

    # `WHITE = RED | GREEN` in a class body where RED and GREEN are auto(): CPython
    # resolves auto() as each name is stored; here the expression is kept and
    # evaluated once its operands have values.
    def __or__(self, other):
        return _AutoExpr(lambda a, b: a | b, self, other)

    def __and__(self, other):
        return _AutoExpr(lambda a, b: a & b, self, other)

    def __xor__(self, other):
        return _AutoExpr(lambda a, b: a ^ b, self, other)

    def __add__(self, other):
        return _AutoExpr(lambda a, b: a + b, self, other)

    def __ror__(self, other):
        return _AutoExpr(lambda a, b: a | b, other, self)

    def __rand__(self, other):
        return _AutoExpr(lambda a, b: a & b, other, self)


class _AutoExpr(auto):
    def __init__(self, op, left, right):
        self.value = _auto_null
        self._op, self._left, self._right = op, left, right

    def _resolve(self):
        def val(x):
            if isinstance(x, _AutoExpr):
                return x._resolve()
            return x.value if isinstance(x, auto) else x
        return self._op(val(self._left), val(self._right))


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


property = property


def _is_single_bit(num):
    return isinstance(num, int) and num != 0 and num & (num - 1) == 0


def _is_descriptor(obj):
    return (hasattr(obj, "__get__") or hasattr(obj, "__set__")
            or hasattr(obj, "__delete__"))


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" \
        and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" \
        and name[-2] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % cls_name.lstrip("_")
    return len(name) > len(pattern) and name.startswith(pattern) and \
        not name.endswith("_")


class mappingproxy:
    """A read-only view of a dict (what `Color.__members__` returns)."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def copy(self):
        return dict(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if "__new__" in base.__dict__ or base in (int, str, float, bytes, tuple):
                return base
    return object


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        enum_bases = [b for b in bases if isinstance(b, EnumType)]
        for b in enum_bases:
            if b._member_names_:
                raise TypeError(f"{cls} cannot extend {b!r}".replace(
                    f"{cls} cannot", f"<enum {cls!r}> cannot"))
        member_type = _find_data_type(bases)
        first_enum = enum_bases[-1] if enum_bases else None
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        names = []
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == "_ignore_":
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                names.append((key, value.value))
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                  or _is_descriptor(value) or isinstance(value, type)):
                body[key] = value
            else:
                names.append((key, value))
        # A `__new__` in an enum's body creates its members; the class itself keeps
        # Enum.__new__ (lookup by value). Enum's own `__new__` is that lookup.
        custom_new = body.pop("__new__", None) if enum_bases else None
        if custom_new is not None and isinstance(custom_new, staticmethod):
            custom_new = custom_new.__func__
        body["_new_member_"] = custom_new
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if custom_new is None:
            for b in enum_class.__mro__[1:]:
                if b.__dict__.get("_new_member_") is not None:
                    custom_new = b.__dict__["_new_member_"]
                    break
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._unhashable_values_ = []
        enum_class._member_type_ = member_type
        if boundary is not None:
            enum_class._boundary_ = boundary
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            enum_class._flag_mask_ = 0
            enum_class._singles_mask_ = 0
            enum_class._all_bits_ = 0
            enum_class._inverted_ = None
        last_values = []
        gen = enum_class._generate_next_value_
        for index, (name, value) in enumerate(names):
            if isinstance(value, _AutoExpr):
                value = value._resolve()
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gen(name, 1, index, last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(gen(name, 1, index, last_values[:]) if isinstance(v, auto)
                              else v for v in value)
            last_values.append(value)
            _add_member(enum_class, name, value, member_type, custom_new, is_flag)
        # The mixed-in data type (int, str) must not shadow Enum's methods.
        if first_enum is not None:
            for meth in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if meth not in classdict:
                    enum_method = getattr(first_enum, meth)
                    found = getattr(enum_class, meth)
                    if found in (getattr(member_type, meth), getattr(object, meth)):
                        type.__setattr__(enum_class, meth, enum_method)
        if first_enum is not None:
            type.__setattr__(enum_class, "__new__", Enum.__dict__["__new__"])
        if is_flag:
            for op in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__",
                       "__invert__"):
                if op not in classdict:
                    type.__setattr__(enum_class, op, getattr(Flag, op))
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        classdict = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, last[:])
                last.append(value)
                classdict[name] = value
        elif isinstance(names, dict):
            classdict.update(names)
        else:
            for name, value in names:
                classdict[name] = value
        classdict["__module__"] = module if module is not None else "__main__"
        if qualname is not None:
            classdict["__qualname__"] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType
Flag = None


def _add_member(enum_class, name, value, member_type, custom_new, is_flag):
    if isinstance(value, tuple) and member_type is not tuple:
        args = value
    else:
        args = (value,)
    if custom_new is not None:
        enum_member = custom_new(enum_class, *args)
    elif member_type is object:
        enum_member = object.__new__(enum_class)
    else:
        enum_member = member_type.__new__(enum_class, *args)
    if not hasattr(enum_member, "_value_"):
        if member_type is object:
            enum_member._value_ = value
        else:
            try:
                enum_member._value_ = member_type(*args)
            except Exception:
                enum_member._value_ = value
    value = enum_member._value_
    enum_member._name_ = name
    enum_member.__objclass__ = enum_class
    enum_member._sort_order_ = len(enum_class._member_names_)
    enum_class.__init__(enum_member, *args)
    # An alias: a second name for a value already present.
    for existing in enum_class._member_map_.values():
        if existing._value_ == value:
            enum_member = existing
            break
    else:
        if not is_flag or _is_single_bit(value):
            enum_class._member_names_.append(name)
    if is_flag and isinstance(value, int):
        enum_class._flag_mask_ |= value
        if _is_single_bit(value):
            enum_class._singles_mask_ |= value
        enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1
    enum_class._member_map_[name] = enum_member
    type.__setattr__(enum_class, name, enum_member)
    try:
        enum_class._value2member_map_.setdefault(value, enum_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and exc is not None:
            raise exc
        ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError("error in %s._missing_: returned %r instead of None or a "
                            "valid member" % (cls.__name__, result))
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = last_values[-1]
            return last + 1
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


Enum._value_repr_ = None


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)


IntEnum._value_repr_ = int.__repr__


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


StrEnum._value_repr_ = str.__repr__


class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


from _enum_flag import Flag, IntFlag  # noqa: E402  (needs the classes above)


def unique(enumeration):
    """Class decorator: no two members may share a value."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for (alias, name) in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls):
    return cls

# Special methods that are not plain functions: staticmethod, classmethod, a callable
# object (no __get__), a user descriptor, a property returning a function. CPython
# binds them through the descriptor protocol (lookup_maybe_method), so a staticmethod
# gets no instance, a classmethod the class, a callable object no instance, ...
import math
import operator
import os


def describe(a):
    # type() only: isinstance() would ask a test class's __getattribute__ for
    # __class__.
    t = type(a)
    if t in (bool, int, float, str, bytes, tuple, type(None), slice):
        return repr(a)
    if issubclass(t, type):
        return "<class %s>" % a.__name__
    return "<%s>" % t.__name__


def show_call(name, tag, args, kw=None):
    parts = [describe(x) for x in args]
    if kw:
        parts += ["%s=%s" % (k, describe(v)) for k, v in sorted(kw.items())]
    print("   ", name, tag, "(" + ", ".join(parts) + ")")


class CallableObj:
    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def __call__(self, *a, **kw):
        show_call(self.name, "callable", a, kw)
        return self.fn(*a)


class Descr:
    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def __get__(self, inst, owner):
        name, fn = self.name, self.fn
        tag = "descr[%s,%s]" % (describe(inst), owner.__name__)

        def bound(*a, **kw):
            show_call(name, tag, a, kw)
            return fn(*a)

        return bound


def k_static(name, fn):
    def f(*a, **kw):
        show_call(name, "static", a, kw)
        return fn(*a)

    return staticmethod(f)


def k_class(name, fn):
    def f(cls, *a, **kw):
        show_call(name, "class[%s]" % cls.__name__, a, kw)
        return fn(*a)

    return classmethod(f)


def k_callable(name, fn):
    return CallableObj(name, fn)


def k_descr(name, fn):
    return Descr(name, fn)


def k_prop(name, fn):
    def getter(self):
        tag = "prop[%s]" % type(self).__name__

        def f(*a, **kw):
            show_call(name, tag, a, kw)
            return fn(*a)

        return f

    return property(getter)


def k_func(name, fn):
    def f(self, *a, **kw):
        show_call(name, "func", a, kw)
        return fn(*a)

    return f


KINDS = [
    ("func", k_func),
    ("static", k_static),
    ("class", k_class),
    ("callable", k_callable),
    ("descr", k_descr),
    ("prop", k_prop),
]


def check(label, thunk):
    try:
        r = thunk()
        print(" ", label, "->", describe(r) if not isinstance(r, list) else r)
    except Exception as e:
        print(" ", label, "!!", type(e).__name__, e)


def make(kind, bases=(), plain=None, **impls):
    ns = {name: kind(name, fn) for name, fn in impls.items()}
    if plain:
        ns.update(plain)
    return type("C", bases, ns)


def counter(n):
    state = [0]

    def nxt(*a):
        if state[0] >= n:
            raise StopIteration
        state[0] += 1
        return state[0] * 10

    return nxt


for kname, kind in KINDS:
    print("=== kind", kname)

    C = make(kind, __iter__=lambda *a: iter([1, 2]))
    check("list(iter)", lambda: list(C()))
    check("unpack", lambda: (lambda p, q: (p, q))(*C()))

    def loop(c):
        out = []
        for x in c:
            out.append(x)
        a, b = c
        out.append((a, b))
        out.extend([*c])
        return out

    check("for/unpack/star", lambda: loop(C()))

    def gen(c):
        yield from c

    check("yield from", lambda: list(gen(C())))

    C = make(kind, plain={"__iter__": lambda self: self}, __next__=counter(2))
    check("next", lambda: next(C()))
    C = make(kind, plain={"__iter__": lambda self: self}, __next__=counter(2))
    check("list(next)", lambda: list(C()))

    C = make(kind, __len__=lambda *a: 3)
    check("len", lambda: len(C()))
    check("bool via len", lambda: bool(C()))
    check("not via len", lambda: not C())

    C = make(kind, __bool__=lambda *a: False)
    check("bool", lambda: bool(C()))
    check("if", lambda: "yes" if C() else "no")
    check("not", lambda: not C())
    check("and", lambda: C() and 1)

    C = make(kind, __hash__=lambda *a: 42)
    check("hash", lambda: hash(C()))
    check("set", lambda: len({C(), C()}))

    C = make(kind, __repr__=lambda *a: "R!")
    check("repr", lambda: repr(C()))
    check("str via repr", lambda: str(C()))
    check("list repr", lambda: repr([C()]))
    check("f!r", lambda: f"{C()!r}")

    C = make(kind, __str__=lambda *a: "S!")
    check("str", lambda: str(C()))
    check("f-string", lambda: f"{C()}")
    check("format()", lambda: format(C()))
    check("percent", lambda: "%s" % C())
    check("print", lambda: print(C()))

    C = make(kind, __contains__=lambda *a: True)
    check("in", lambda: 1 in C())
    check("not in", lambda: 1 not in C())

    C = make(kind, __getitem__=lambda *a: "item")
    check("getitem", lambda: C()[1])
    check("getitem slice", lambda: C()[1:2])

    def gi(*a):
        if a[-1] >= 2:
            raise IndexError
        return a[-1]

    C = make(kind, __getitem__=gi)
    check("iter via getitem", lambda: list(C()))
    check("in via getitem", lambda: 1 in C())

    C = make(kind, __setitem__=lambda *a: None, __delitem__=lambda *a: None)

    def setdel(c):
        c[1] = 2
        c[1:2] = 3
        del c[1]

    check("setitem/delitem", lambda: setdel(C()))

    C = make(kind, __enter__=lambda *a: "entered", __exit__=lambda *a: None)

    def with_(c):
        with c as x:
            return x

    check("with", lambda: with_(C()))

    C = make(kind, __call__=lambda *a: "called")
    check("call", lambda: C()(1, 2))
    check("call kw", lambda: C()(1, k=2))
    check("call star", lambda: C()(*[1], **{"k": 2}))
    check("map", lambda: list(map(C(), [7])))

    C = make(kind, __index__=lambda *a: 1)
    check("list[index]", lambda: [10, 20, 30][C()])
    check("operator.index", lambda: operator.index(C()))
    check("hex", lambda: hex(C()))
    check("range", lambda: list(range(C())))
    check("slice", lambda: [10, 20, 30][C():])

    C = make(kind, __format__=lambda *a: "F!")
    check("format", lambda: format(C(), "x"))
    check("f-spec", lambda: f"{C():>5}")

    C = make(kind, __reversed__=lambda *a: iter([2, 1]))
    check("reversed", lambda: list(reversed(C())))

    ops = {}
    for op in ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
               "lshift", "rshift", "and", "or", "xor", "divmod"]:
        ops["__%s__" % op] = (lambda o: lambda *a: o)(op)
        ops["__r%s__" % op] = (lambda o: lambda *a: "r" + o)(op)
    C = make(kind, **ops)
    c = C()
    check("binary", lambda: [c + 1, c - 1, c * 1, c @ 1, c / 1, c // 1, c % 1, c ** 1,
                             c << 1, c >> 1, c & 1, c | 1, c ^ 1, divmod(c, 1)])
    check("reflected", lambda: [1 + c, 1 - c, 1 * c, 1 / c, 1 // c, 1 % c, 2 ** c,
                                1 << c, 1 >> c, 1 & c, 1 | c, 1 ^ c, divmod(1, c)])
    check("pow3", lambda: pow(c, 2, 3))
    check("operator.add", lambda: operator.add(c, 1))

    C = make(kind, __iadd__=lambda *a: "iadd", __isub__=lambda *a: "isub")

    def inplace(c):
        d = c
        c += 1
        d -= 1
        return [c, d]

    check("inplace", lambda: inplace(C()))
    C = make(kind, __add__=lambda *a: "add")

    def inplace_fallback(c):
        c += 1
        return c

    check("inplace fallback", lambda: inplace_fallback(C()))

    C = make(kind, __neg__=lambda *a: "neg", __pos__=lambda *a: "pos",
             __invert__=lambda *a: "inv", __abs__=lambda *a: "abs")
    check("unary", lambda: [-C(), +C(), ~C(), abs(C())])

    C = make(kind, __int__=lambda *a: 7, __float__=lambda *a: 2.5,
             __complex__=lambda *a: 1j)
    check("int", lambda: int(C()))
    check("float", lambda: float(C()))
    check("complex", lambda: repr(complex(C())))

    cmps = {"__%s__" % n: (lambda o: lambda *a: o)(n)
            for n in ["eq", "ne", "lt", "le", "gt", "ge"]}
    C = make(kind, **cmps)
    c = C()
    check("compare", lambda: [c == 1, c != 1, c < 1, c <= 1, c > 1, c >= 1])
    check("reflected compare", lambda: [1 == c, 1 != c, 1 < c, 1 <= c, 1 > c, 1 >= c])
    C = make(kind, __eq__=lambda *a: True, plain={"__hash__": lambda self: 1})
    check("list in (eq)", lambda: 5 in [C()])
    check("list.index", lambda: [C()].index(5))
    check("list.count", lambda: [C(), C()].count(5))
    check("dict key", lambda: {C(): "v"}[C()])
    C = make(kind, __lt__=lambda *a: False)
    check("sorted", lambda: len(sorted([C(), C(), C()])))
    check("min", lambda: type(min(C(), C())).__name__)

    C = make(kind, __init__=lambda *a: None)
    check("init", lambda: type(C(1, 2)).__name__)
    check("init kw", lambda: type(C(1, k=2)).__name__)

    C = make(kind, __new__=lambda *a: "new result")
    check("new", lambda: C(1, 2))

    C = make(kind, __getattr__=lambda *a: "ga")
    check("getattr", lambda: C().missing)
    check("getattr()", lambda: getattr(C(), "missing2"))
    check("hasattr", lambda: hasattr(C(), "missing3"))

    C = make(kind, __getattribute__=lambda *a: "gab")
    check("getattribute", lambda: C().x)
    check("getattribute method", lambda: C().meth)

    C = make(kind, __setattr__=lambda *a: None, __delattr__=lambda *a: None)

    def setdelattr(c):
        c.x = 1
        setattr(c, "y", 2)
        del c.x
        delattr(c, "y")

    check("setattr/delattr", lambda: setdelattr(C()))

    D = make(kind, __set_name__=lambda *a: None)

    def set_name():
        class Owner:
            attr = D()
        return Owner.__name__

    check("set_name", set_name)

    D = make(kind, __set__=lambda *a: None, __delete__=lambda *a: None,
             plain={"__get__": lambda self, inst, owner: "got"})

    def descr_ops():
        class Owner:
            attr = D()
        o = Owner()
        o.attr = 5
        del o.attr
        return o.attr

    check("descriptor set/delete", descr_ops)

    Base = make(kind, __init_subclass__=lambda *a: None)

    def init_subclass():
        class Sub(Base, flag=1):
            pass
        return Sub.__name__

    check("init_subclass", init_subclass)

    C = make(kind, __class_getitem__=lambda *a: "cgi")
    check("class_getitem", lambda: C[int])

    C = make(kind, bases=(dict,), __missing__=lambda *a: "missing")
    check("missing", lambda: C()["k"])

    C = make(kind, __length_hint__=lambda *a: 4)
    check("length_hint", lambda: operator.length_hint(C()))

    C = make(kind, __fspath__=lambda *a: "/p")
    check("fspath", lambda: os.fspath(C()))

    C = make(kind, __round__=lambda *a: 3, __trunc__=lambda *a: 4,
             __floor__=lambda *a: 5, __ceil__=lambda *a: 6)
    check("round", lambda: round(C()))
    check("round 1", lambda: round(C(), 1))
    check("trunc", lambda: math.trunc(C()))
    check("floor", lambda: math.floor(C()))
    check("ceil", lambda: math.ceil(C()))

    C = make(kind, __bytes__=lambda *a: b"B")
    check("bytes", lambda: bytes(C()))

    C = make(kind, __dir__=lambda *a: ["b", "a"])
    check("dir", lambda: dir(C()))

    Meta = make(kind, bases=(type,), __instancecheck__=lambda *a: True,
                __subclasscheck__=lambda *a: True)
    Chk = Meta("Chk", (), {})
    check("isinstance", lambda: isinstance(1, Chk))
    check("issubclass", lambda: issubclass(int, Chk))

    def await_it(*a):
        yield "awaited"

    C = make(kind, __await__=await_it)

    async def co_await(c):
        return await c

    def drive(coro):
        try:
            while True:
                print("    yielded", coro.send(None))
        except StopIteration as e:
            return e.value

    check("await", lambda: drive(co_await(C())))

    class Aw:
        def __await__(self):
            return iter([])

    def anext_(*a):
        async def inner():
            raise StopAsyncIteration
        return inner()

    C = make(kind, __aiter__=lambda *a: A(), __anext__=anext_)
    A = make(kind, __anext__=anext_)

    async def co_afor(c):
        out = []
        async for x in c:
            out.append(x)
        return out

    check("async for", lambda: drive(co_afor(C())))

    C = make(kind, __aenter__=lambda *a: Aw(), __aexit__=lambda *a: Aw())

    async def co_awith(c):
        async with c as x:
            return x

    check("async with", lambda: drive(co_awith(C())))


print("=== other callables as special methods")
import functools


class StrType:
    __str__ = str  # a class: no __get__, called without the instance


check("class as __str__", lambda: str(StrType()))


class LenBuiltin:
    __len__ = len  # a built-in function: no __get__


check("builtin function as __len__", lambda: len(LenBuiltin()))


def plain_repr(*a):
    return "partial%r" % (tuple(describe(x) for x in a),)


class PartialRepr:
    __repr__ = functools.partial(plain_repr, "p")


check("partial as __repr__", lambda: repr(PartialRepr()))


class CachedItem:
    @functools.lru_cache(maxsize=None)
    def __getitem__(self, k):
        return ("cached", k)


check("lru_cache as __getitem__", lambda: CachedItem()[3])


class ListLike(list):
    __len__ = list.__len__
    __iter__ = list.__iter__


check("method of a built-in type", lambda: (len(ListLike([1, 2])), list(ListLike([3]))))


class NoneIter:
    __iter__ = None


check("__iter__ = None", lambda: iter(NoneIter()))


class NoneHash:
    __hash__ = None


check("__hash__ = None", lambda: hash(NoneHash()))


class NoneLen:
    __len__ = None


check("__len__ = None", lambda: len(NoneLen()))

print("=== redefined after use (caches)")


class Calls:
    def __call__(self, x):
        return ("func", x)


def call_site(c, x):
    return c(x)


c = Calls()
for i in range(3):
    check("call %d" % i, lambda: call_site(c, i))
Calls.__call__ = staticmethod(lambda x: ("static", x))
check("call static", lambda: call_site(c, 9))
Calls.__call__ = classmethod(lambda cls, x: (cls.__name__, x))
check("call class", lambda: call_site(c, 8))


class Inits:
    def __init__(self, x):
        self.x = ("func", x)


def make_site(x):
    return Inits(x)


for i in range(3):
    check("init %d" % i, lambda: make_site(i).x)
Inits.__init__ = staticmethod(lambda x: print("    static init", x))
check("init static", lambda: hasattr(make_site(5), "x"))


class Sized:
    def __len__(self):
        return 1


def len_site(s):
    return len(s)


s = Sized()
for i in range(3):
    check("len %d" % i, lambda: len_site(s))
Sized.__len__ = staticmethod(lambda: 5)
check("len static", lambda: len_site(s))


class Adds:
    def __add__(self, o):
        return ("func", o)

    def __lt__(self, o):
        return True


def add_site(a, b):
    return a + b


a = Adds()
for i in range(3):
    check("add %d" % i, lambda: add_site(a, i))
Adds.__add__ = staticmethod(lambda o: ("static", o))
check("add static", lambda: add_site(a, 7))
Adds.__add__ = CallableObj("__add__", lambda o: ("callable", o))
check("add callable", lambda: add_site(a, 6))
check("sorted func", lambda: len(sorted([Adds(), Adds()])))
Adds.__lt__ = staticmethod(lambda o: print("    static lt", describe(o)) or True)
check("sorted static", lambda: len(sorted([Adds(), Adds()])))


class Iters:
    def __iter__(self):
        yield 1


def iter_site(x):
    return [v for v in x]


for i in range(3):
    check("iter %d" % i, lambda: iter_site(Iters()))
Iters.__iter__ = staticmethod(lambda: iter("ab"))
check("iter static", lambda: iter_site(Iters()))


class Meta(type):
    @staticmethod
    def __call__(*a):
        return ("meta static", tuple(describe(x) for x in a))


class WithMeta(metaclass=Meta):
    pass


check("metaclass __call__ static", lambda: WithMeta(1))

print("=== divmod and pow")


class DM:
    def __divmod__(self, o):
        return NotImplemented

    def __rdivmod__(self, o):
        return ("rdivmod", o)


class DM2(DM):
    def __rdivmod__(self, o):
        return ("sub rdivmod", describe(o))


check("divmod NotImplemented", lambda: divmod(DM(), 1))
check("rdivmod", lambda: divmod(1, DM()))
check("subclass rdivmod first", lambda: divmod(DM(), DM2()))
check("divmod complex", lambda: divmod(1j, 2))
check("divmod object", lambda: divmod(object(), 2))
check("divmod ints", lambda: (divmod(7, 2), divmod(-7.5, 2), divmod(True, 2)))


class IntSub(int):
    def __floordiv__(self, o):
        return "floordiv"


check("divmod int subclass", lambda: divmod(IntSub(7), 2))


class P:
    def __pow__(self, *a):
        return NotImplemented

    def __rpow__(self, *a):
        return "rpow"


check("pow3 NotImplemented", lambda: pow(P(), 2, 3))
check("pow3 rpow unused", lambda: pow(2, P(), 3))
check("pow3 object", lambda: pow(object(), 2, 3))
check("pow3 float", lambda: pow(2.0, 2, 3))
check("pow3 ints", lambda: pow(3, 4, 5))
print("=== length_hint")
check("length_hint default", lambda: operator.length_hint(5, 7))
check("length_hint negative default", lambda: operator.length_hint(5, -3))
check("length_hint list", lambda: operator.length_hint([1, 2], 7))
check("length_hint bad default", lambda: operator.length_hint([], "x"))


class LH:
    def __length_hint__(self):
        return NotImplemented


check("length_hint NotImplemented", lambda: operator.length_hint(LH(), 4))
LH.__length_hint__ = lambda self: -1
check("length_hint negative", lambda: operator.length_hint(LH(), 4))
LH.__length_hint__ = lambda self: "x"
check("length_hint str", lambda: operator.length_hint(LH(), 4))
print("=== with errors")


class OnlyEnter:
    def __enter__(self):
        return 1


def with_only_enter():
    with OnlyEnter():
        pass


check("missing __exit__", with_only_enter)


class NoneProtocols:
    __contains__ = None
    __reversed__ = None
    __iter__ = None

    def __getitem__(self, i):
        return i


check("__contains__ = None", lambda: 1 in NoneProtocols())
check("__reversed__ = None", lambda: reversed(NoneProtocols()))
check("__iter__ = None, unpack", lambda: [*NoneProtocols()])
check("__iter__ = None, list", lambda: list(NoneProtocols()))


def for_none():
    for x in NoneProtocols():
        pass


check("__iter__ = None, for", for_none)

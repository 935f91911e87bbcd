import types
from types import SimpleNamespace, MappingProxyType

ns = SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns.b)
ns.c = [1, 2]
print(ns)
print(ns == SimpleNamespace(a=1, b="x", c=[1, 2]), ns != SimpleNamespace())
del ns.a
print(vars(ns))
ns.self = ns
print(ns)
print(type(ns).__name__, type(ns).__module__)
try:
    SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    {ns: 1}
except TypeError as e:
    print("TypeError: unhashable")

class Point(SimpleNamespace):
    pass
print(Point(x=1, y=2))

d = {"k": 1, "j": 2}
mp = MappingProxyType(d)
print(mp, mp["k"], len(mp), list(mp), "k" in mp, mp.get("z", 0))
print(list(mp.keys()), list(mp.values()), list(mp.items()))
d["new"] = 3
print(mp["new"], mp == d, mp.copy())
print(mp | {"z": 9})
try:
    mp["x"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    MappingProxyType([1, 2])
except TypeError as e:
    print("TypeError:", e)

def f(): pass
def g(): yield 1
class K:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(g(), types.GeneratorType), isinstance(f, types.GeneratorType))
print(isinstance(K().m, types.MethodType), isinstance(K.m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(isinstance(None, types.NoneType), type(...) is types.EllipsisType, types.NotImplementedType)
print(isinstance(f.__code__, types.CodeType))

def body(ns):
    ns["x"] = 10
    ns["hello"] = lambda self: "hi " + type(self).__name__
Dyn = types.new_class("Dyn", (K,), exec_body=body)
print(Dyn.__name__, Dyn.x, Dyn().hello(), issubclass(Dyn, K))

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"tag": kw.get("tag")}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
T = types.new_class("T", (), {"metaclass": Meta, "tag": 5})
print(type(T).__name__, T.tag)
print(types.prepare_class("Z", (int,)))
print(types.resolve_bases((int, str)))

class E:
    def __init__(self):
        self._v = 7
    @types.DynamicClassAttribute
    def v(self):
        return self._v
print(E().v)
try:
    E.v
except AttributeError:
    print("AttributeError on class access")

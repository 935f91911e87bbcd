# types.ModuleType(name, doc=None) and subclasses of it.
import sys
import types

m = types.ModuleType("m", "the doc")
m.x = 3
print(m, m.__name__, m.__doc__, m.x)
print(sorted(m.__dict__))
print(types.ModuleType("n").__doc__)
print(isinstance(m, types.ModuleType), type(m) is type(sys))


class Verbose(types.ModuleType):
    def hello(self):
        return "hello from " + self.__name__


v = Verbose("vmod")
print(v, v.hello(), type(v).__name__, isinstance(v, types.ModuleType))
sys.modules["vmod"] = v
v.answer = 42
import vmod

print(vmod.answer, vmod is v)
for bad in [(), (1,), ("a", "b", "c")]:
    try:
        types.ModuleType(*bad)
    except TypeError as e:
        print("TypeError:", e)

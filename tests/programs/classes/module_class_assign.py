# A module's __class__ set to a ModuleType subclass (module-level properties and
# __setattr__), and the messages for assigning to a __slots__ instance.
import sys
import types


class Tracked(types.ModuleType):
    @property
    def answer(self):
        return 42

    def __setattr__(self, key, value):
        print("set", key)
        super().__setattr__(key, value)


me = sys.modules[__name__]
me.__class__ = Tracked
print(me.answer, type(me).__name__, isinstance(me, types.ModuleType))
me.z = 1
print(z)
me.__class__ = types.ModuleType
me.w = 2
print(w, type(me).__name__)


class NotModule:
    pass


try:
    me.__class__ = NotModule
except TypeError as e:
    print("TypeError:", e)


class S:
    __slots__ = ("a",)
    kind = "s"

    def m(self):
        pass


s = S()
s.a = 1
for name in ["m", "kind", "b"]:
    try:
        setattr(s, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)

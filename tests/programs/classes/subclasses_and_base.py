# type.__subclasses__() (direct subclasses, oldest first) and __base__ (the
# base whose layout the class extends, not simply the first base).
class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(A.__subclasses__())
print(B.__subclasses__(), C.__subclasses__(), D.__subclasses__())
print(bool in int.__subclasses__())
print(object.__base__, int.__base__, bool.__base__, type.__base__, D.__base__)


class Mixin:
    pass


class MyDict(Mixin, dict):
    pass


class MyList(Mixin, list):
    pass


print(MyDict.__base__, MyList.__base__, Mixin.__subclasses__())


class Slotted:
    __slots__ = ("x",)


class WithSlots(Mixin, Slotted):
    pass


print(WithSlots.__base__)
# A subclass registry, as plugin systems build one.
class Plugin:
    pass


class Csv(Plugin):
    pass


class Json(Plugin):
    pass


class PrettyJson(Json):
    pass


def all_subclasses(c):
    out = []
    for s in c.__subclasses__():
        out.append(s.__name__)
        out.extend(all_subclasses(s))
    return out


print(all_subclasses(Plugin))
# __bases__ assignment moves a class between its bases' lists.
class E:
    pass


class F(A):
    pass


F.__bases__ = (E,)
print(F in A.__subclasses__(), F in E.__subclasses__(), F.__base__)

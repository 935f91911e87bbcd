# sys.modules may hold any object: imports return it, `from` reads its attributes,
# None stops the import.
import sys


class M:
    x = 1
    _y = 2


sys.modules["mod"] = M
import mod

print(mod is M)
from mod import x

print(x)
try:
    from mod import z
except ImportError as e:
    print(type(e).__name__, e)


from mod import *

print(sorted(k for k in globals() if not k.startswith("__")))

sys.modules["nonem"] = None
try:
    import nonem
except ImportError as e:
    print(type(e).__name__, e)
try:
    from nonem import a
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("nonem")
except ImportError as e:
    print(type(e).__name__, e)

sys.modules["osx"] = type("C", (), {})
try:
    import osx.path
except ImportError as e:
    print(type(e).__name__, e)
try:
    import math.nothing
except ImportError as e:
    print(type(e).__name__, e)

sys.modules["num"] = 42
import num

print(num)
print(__import__("num"))
try:
    from num import real, nothing
except ImportError as e:
    print(type(e).__name__, e)
from num import real

print(real)


class A:
    __all__ = ["q"]
    q = 5


sys.modules["alla"] = A
from alla import *

print(q)


class B1:
    __all__ = [1]
    q = 6


class B2:
    __all__ = None


class B3:
    __all__ = ["nope"]


class B4:
    __all__ = (x for x in ["q"])


sys.modules["allb1"] = B1
sys.modules["allb2"] = B2
sys.modules["allb3"] = B3
sys.modules["allb4"] = B4
try:
    from allb1 import *
except TypeError as e:
    print(type(e).__name__, e)
try:
    from allb2 import *
except TypeError as e:
    print(type(e).__name__, e)
try:
    from allb3 import *
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from allb4 import *
except TypeError as e:
    print(type(e).__name__, e)

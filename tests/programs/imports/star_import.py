# from module import * with and without __all__.
from mod_helpers import *
print(PI, area(3), Greeter("Cy").greet())
print("_private" in globals(), "bump" in globals())
from mod_all import *
print(public_a, public_b, "not_exported" in globals())
import mod_all
print(mod_all.not_exported)

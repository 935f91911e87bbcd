# `__builtins__` is the builtins module in __main__ (a module's globals get its
# dict), and builtins found through it are the same objects.
import builtins
import mod_builtins_user

print(__builtins__ is builtins, type(__builtins__).__name__)
print(__builtins__.len is len, getattr(__builtins__, "print") is print)
print(mod_builtins_user.kind(), mod_builtins_user.same())
builtins.shout = lambda s: s.upper() + "!"
print(shout("builtins are shared"))

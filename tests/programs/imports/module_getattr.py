# PEP 562: a module's __getattr__ is called for names it does not have.
import mod_lazy

print(mod_lazy.plain)
print(mod_lazy.lazy_value)
print(mod_lazy.anything_else)
print(getattr(mod_lazy, "missing", "default"))
print(hasattr(mod_lazy, "missing"), hasattr(mod_lazy, "lazy_value"))
try:
    mod_lazy.missing
except AttributeError as e:
    print("AttributeError:", e)

from mod_lazy import lazy_value, anything_else
print(lazy_value, anything_else)
try:
    from mod_lazy import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    from mod_lazy import boom
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# (CPython also asks for __path__ on `from ... import`: an import-system detail)
print([c for c in mod_lazy.calls if c != "__path__"])

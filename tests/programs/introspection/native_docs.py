# Built-in functions, types and methods carry CPython's docstrings and text
# signatures: `__doc__`, `__text_signature__`, `inspect.signature` and `help()`.
import inspect
import math
import pydoc
import types

print(len.__doc__)
print(len.__text_signature__, repr(print.__text_signature__))
print(str.join.__doc__.splitlines()[0], str.join.__text_signature__)
print(dict.get.__doc__, int.__add__.__doc__, math.sqrt.__doc__)
print(int.__doc__.splitlines()[:2])
print(ValueError.__doc__, KeyError.__doc__)
print(types.FunctionType.__doc__.splitlines()[0])
print(object.__doc__.splitlines()[0])

for f in (len, sorted, "x".join, str.join, dict.fromkeys, {}.get, math.sqrt, divmod,
          [].append, str.split, "a b".split, math.isclose, int.to_bytes, print, sum):
    try:
        sig = inspect.signature(f)
    except ValueError as e:
        sig = "ValueError: %s" % e
    print(getattr(f, "__qualname__", f), sig)

sig = inspect.signature(str.split)
for p in sig.parameters.values():
    print(" ", p.name, p.kind, p.default)
print(inspect.signature(math.isclose).parameters["rel_tol"].default)

# What help() shows (pydoc's text, without the pager).
print(pydoc.render_doc(len, renderer=pydoc.plaintext))
print(pydoc.render_doc(divmod, renderer=pydoc.plaintext))
print(pydoc.render_doc(math.sqrt, renderer=pydoc.plaintext))


# A user's function keeps its own docstring; one without has None.
def f(a, b=2, *, c):
    "Add them."


def g():
    pass


print(f.__doc__, g.__doc__, inspect.signature(f))

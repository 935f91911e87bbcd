# `m.name` and `m.name(...)` on modules, remembered per instruction: the cache must
# see rebinding, deletion, new names, module __getattr__ (PEP 562), __class__
# assignment to a module subclass, and names of the module type itself.
import math
import sys

import mod_attrcache as mod


def use(m):
    out = []
    for i in range(3):
        out.append(m.f(i))
        out.append(m.k)
    return out


print(use(mod))
mod.f = lambda x: ("g", x)          # rebinding: same dict layout
mod.k = 2
print(use(mod))
mod.extra = 5                       # a new name: the layout changes
print(use(mod), mod.extra)
del mod.k
try:
    print(use(mod))
except AttributeError as e:
    print("AttributeError:", e)
mod.__getattr__ = lambda name: "missing " + name
print(use(mod))
mod.k = 3
print(use(mod))


# Names of the module type: data descriptors win over the dict.
print(sorted(k for k in mod.__dict__ if not k.startswith("__")), mod.__name__)
mod.__dict__["__class__"] = "shadow?"
for _ in range(3):
    print(mod.__class__.__name__, mod.__name__)

# Two modules at one site.
import mod_attrcache2 as other
for m in [mod, other, mod, other]:
    print(m.f(0), m.k)

# Real modules: functions called through the module.
total = 0.0
for i in range(1, 6):
    total += math.sqrt(i) + math.log(i)
print(round(total, 6), math.pi)
print(sys.modules[__name__].use is use)
me = sys.modules[__name__]
counter = 0


def bump():
    global counter
    counter += 1


for _ in range(3):
    me.bump()
print(counter)

# import / from-import of a module next to the script.
print("main starts, __name__ =", __name__)
import mod_helpers
print(mod_helpers.PI, mod_helpers.area(2), mod_helpers.Greeter("Ann").greet())
print(mod_helpers.bump(), mod_helpers.bump(), mod_helpers.counter)
import mod_helpers
import mod_helpers as mh
print(mh is mod_helpers, mh.counter)
from mod_helpers import area, Greeter as G, counter
print(area(1), G("Bob").greet(), counter)
mod_helpers.bump()
print(counter, mod_helpers.counter)
print(mod_helpers.__name__, type(mod_helpers).__name__, mod_helpers.__doc__)
print(sorted(k for k in vars(mod_helpers) if not k.startswith("__")))
def reimport():
    import mod_helpers as again
    return again
print(reimport() is mod_helpers, reimport().counter)

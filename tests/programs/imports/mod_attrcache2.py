# Support module of module_attr_cache.py.
k = "ok"


def f(x):
    return ("other", x)

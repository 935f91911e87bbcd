# Support module of module_attr_cache.py.
k = 1


def f(x):
    return ("f", x)

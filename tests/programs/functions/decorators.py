# Decorators: simple, with arguments, stacked, on methods and classes.
log = []
def trace(f):
    def wrapper(*args, **kwargs):
        log.append(f"call {f.__name__}{args}")
        result = f(*args, **kwargs)
        log.append(f"ret {result}")
        return result
    wrapper.__name__ = f.__name__
    return wrapper
def repeat(times):
    def deco(f):
        def wrapper(*args):
            return [f(*args) for _ in range(times)]
        return wrapper
    return deco
def prefix(p):
    def deco(f):
        def wrapper(*a):
            return p + str(f(*a))
        return wrapper
    return deco
@trace
def add(a, b):
    return a + b
print(add(2, 3), add.__name__)
print(log)
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
@prefix("<")
@prefix("[")
def val(x):
    return x
print(val(5))
@repeat(2)
@prefix("#")
def tag(t):
    return t
print(tag("x"))
registry = {}
def register(name):
    def deco(cls_or_fn):
        registry[name] = cls_or_fn
        return cls_or_fn
    return deco
@register("sq")
def square(x):
    return x * x
@register("cls")
class Thing:
    pass
print(sorted(registry), registry["sq"](7), registry["cls"].__name__)
def add_method(cls):
    cls.greet = lambda self: "hello from " + type(self).__name__
    return cls
@add_method
class Person:
    pass
print(Person().greet())
class Calc:
    def __repr__(self):
        return "Calc()"
    @trace
    def mul(self, a, b):
        return a * b
log.clear()
print(Calc().mul(6, 7), log)
def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w
@counted
def noop():
    return None
for _ in range(4):
    noop()
print(noop.calls)
order = []
def d1(f):
    order.append("d1")
    return f
def d2(f):
    order.append("d2")
    return f
@d1
@d2
def z():
    pass
print(order)

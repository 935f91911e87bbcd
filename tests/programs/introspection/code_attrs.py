def f(a, b=2, *c, d, e=5, **g):
    "doc"
    x = a + b
    return x

def outer():
    k = 1
    def inner(y):
        return k + y
    return inner

def gen():
    yield 1

def posonly(a, b, /, c):
    pass

class C:
    def m(self):
        return self

for fn in (f, outer, outer(), gen, posonly, C.m, lambda q: q):
    co = fn.__code__
    print(co.co_name, co.co_qualname, co.co_firstlineno, co.co_argcount,
          co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
    print("  ", co.co_varnames, co.co_freevars, co.co_cellvars, hex(co.co_flags))
    print("  ", co.co_filename.rsplit("/", 1)[-1], type(co).__name__)
print(f.__code__.co_consts[0])
print('a' in f.__code__.co_varnames, 'x' in f.__code__.co_varnames)
c = compile("y = len('abc')\nz = y + 1", "<mod>", "exec")
print(c.co_name, c.co_filename, c.co_names, c.co_firstlineno)
print(all(len(p) == 4 and p[2] is None for p in f.__code__.co_positions()))

# code.replace
def rf(x):
    return 1 / x
c = rf.__code__.replace(co_name="renamed", co_filename="virtual.py", co_firstlineno=100)
print(c.co_name, c.co_filename, c.co_firstlineno, rf.__code__.co_name)
try:
    c.replace(bogus=1)
except TypeError as e:
    print(e)
try:
    c.replace(co_name=3)
except TypeError as e:
    print(e)
g = {}
exec(compile("def h(): return 2", "<x>", "exec"), g)
print(g["h"](), g["h"].__code__.co_filename)
print(eval(compile("40 + 2", "<x>", "eval").replace(co_name="<e>")))


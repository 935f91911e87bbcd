# del on names, subscripts, slices and attributes.
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
print(lst)
del lst[::3]
print(lst)
del lst[:]
print(lst)
class C:
    pass
c = C()
c.attr = 1
c.other = 2
del c.attr
print(hasattr(c, "attr"), c.other)
try:
    del c.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
nested = {"x": [1, 2, {"y": 3}]}
del nested["x"][2]["y"]
print(nested)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())

# Class bodies: names are not visible inside methods; comprehension scoping in class bodies.
value = "module value"
class Demo:
    value = "class value"
    doubled = value * 2
    items = [1, 2, 3]
    squares = [n * n for n in items]
    def method(self):
        return value
    def method_self(self):
        return self.value
    @staticmethod
    def static():
        return value
d = Demo()
print(Demo.doubled, Demo.squares, d.method(), d.method_self(), Demo.static())
class Counter:
    count = 0
    def inc(self):
        try:
            count += 1
        except UnboundLocalError as e:
            return "UnboundLocalError: " + str(e)
print(Counter().inc())
class Outer:
    x = 10
    class Inner:
        try:
            y = x
        except NameError as e:
            y = "NameError: " + str(e)
print(Outer.Inner.y)
def func_with_class():
    local = "function local"
    class Local:
        attr = local
        def get(self):
            return local
    return Local.attr, Local().get()
print(func_with_class())
class Config:
    a = 1
    b = a + 1
    c = [b] * 2
    del a
print(hasattr(Config, "a"), Config.b, Config.c)
class Gen:
    base = 5
    vals = list(range(base))
print(Gen.vals)

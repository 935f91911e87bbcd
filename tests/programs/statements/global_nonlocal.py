# global and nonlocal declarations.
counter = 0
def incr():
    global counter
    counter += 1
    return counter
incr(); incr()
print(counter)
def make_global():
    global created_later
    created_later = "made inside"
make_global()
print(created_later)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
        return x
    inner()
    inner()
    return x
print(outer())
def counter_factory():
    count = 0
    def step(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return step, get
step, get = counter_factory()
step(); step(5)
print(get())
step2, get2 = counter_factory()
print(get2(), step2(100), get())
def deep():
    v = "outer"
    def mid():
        def inn():
            nonlocal v
            v = "changed by inn"
        inn()
    mid()
    return v
print(deep())
g = "module"
def shadow():
    g = "local"
    def show():
        return g
    return show()
print(shadow(), g)
def uses_global():
    return g.upper()
print(uses_global())

# global and nonlocal working together; shadowing at several levels.
level = "global"
def outer():
    level = "outer"
    def middle():
        nonlocal level
        level = "changed by middle"
        def inner():
            global level
            level = "changed global by inner"
            return level
        return inner()
    r = middle()
    return r, level
print(outer(), level)
counter = 0
def make_counter():
    count = 0
    def both():
        global counter
        nonlocal count
        counter += 1
        count += 10
        return counter, count
    return both
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c2(), counter)
def reads_then_declares():
    global late
    late = "set"
    return late
print(reads_then_declares(), late)
def nested_nonlocal_chain():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 1
        l2()
        l2()
    l1()
    return a
print(nested_nonlocal_chain())
def func_attr_state():
    func_attr_state.calls = getattr(func_attr_state, "calls", 0) + 1
    return func_attr_state.calls
print(func_attr_state(), func_attr_state())

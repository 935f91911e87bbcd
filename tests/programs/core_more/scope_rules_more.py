# Scope rules: class bodies do not enclose methods, walrus in comprehensions binds in
# the enclosing function, global/nonlocal interplay, names assigned later are local
# (UnboundLocalError), and default values evaluated once.

x = "global"


class K:
    x = "class"
    y = x + "!"
    z = [x for _ in range(1)]

    def method(self):
        return x


print(K.y, K.z, K().method())


def walrus_scope():
    data = [3, 8, 1, 9]
    if any((big := v) > 5 for v in data):
        print("first big:", big)
    total = [running := 0] and [running := running + v for v in data]
    return total, running


print(walrus_scope())


def unbound():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        return str(e)


print(unbound())


def outer():
    a = 1

    def middle():
        def inner():
            nonlocal a
            a += 10
            return a

        return inner

    f = middle()
    f()
    return a, f()


print(outer())

counter = 0


def bump():
    global counter
    counter += 1

    def nested():
        return counter * 100

    return nested()


print(bump(), bump(), counter)


def defaults(item, bucket=[], stamp=len(x)):
    bucket.append(item)
    return bucket, stamp


print(defaults(1), defaults(2), defaults(3, []))


def make():
    funcs = {}
    for op in ("add", "mul"):
        if op == "add":
            def f(a, b):
                return a + b
        else:
            def f(a, b):
                return a * b
        funcs[op] = f
    return funcs


fs = make()
print(fs["add"](3, 4), fs["mul"](3, 4), fs["add"].__qualname__)


def shadowing():
    len = lambda s: -1
    return len("abc"), [len(w) for w in ["a"]]


print(shadowing(), len("abc"))


def class_in_function(v):
    class Local:
        value = v

        def get(self):
            return self.value, v

    return Local


L1, L2 = class_in_function(1), class_in_function(2)
print(L1().get(), L2().get(), L1.__qualname__)


def comprehension_vars():
    i = "outer i"
    squares = [i * i for i in range(4)]
    return i, squares, {k: v for k, v in zip("ab", range(2))}


print(comprehension_vars())


def del_then_use():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


print(del_then_use())
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)


def global_decl_later():
    global late_global
    late_global = "created in function"


global_decl_later()
print(late_global)

# __build_class__ called by hand with bad arguments.


def show(*args, **kw):
    try:
        r = __build_class__(*args, **kw)
        print("ok", r.__name__, sorted(k for k in vars(r) if not k.startswith("__")))
    except TypeError as e:
        print("TypeError:", e)


def body():
    a = 1


def gen():
    yield 1


show()
show(body)
show(object(), "X")
show(len, "X")
show(body, 1)
show(body, "X")
show(lambda x: 0, "X")
show(gen, "G")
show(body, "Y", object)

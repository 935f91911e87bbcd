# f.__code__ and e.__traceback__ are the same objects each time they are read, and
# a traceback grows outwards as the exception leaves frames (inner objects kept).
def f():
    pass


print(f.__code__ is f.__code__, f.__code__ == f.__code__)
codes = {id(f.__code__) for _ in range(3)}
print(len(codes))


def inner():
    raise ValueError("x")


def middle():
    try:
        inner()
    except ValueError as e:
        middle.seen = e.__traceback__
        raise


try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    print(tb is e.__traceback__)
    print(tb.tb_next is middle.seen, tb.tb_next.tb_next is middle.seen.tb_next)
    names = []
    t = tb
    while t:
        names.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(names)
    e.__traceback__ = tb.tb_next
    print(e.__traceback__ is middle.seen)
    e.__traceback__ = None
    print(e.__traceback__)

# Generator send, throw and close protocols.
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
                print("received", v)
            except ValueError as e:
                print("caught thrown", e)
                yield "recovered"
    finally:
        print("echo finally, received =", received)
g = echo()
print(next(g))
print(g.send("x"))
print(g.send("y"))
print(g.throw(ValueError("bad")))
print(next(g))
g.close()
print("closed")
g.close()
try:
    g.send("after close")
except StopIteration:
    print("StopIteration after close")
def not_started():
    yield 1
g = not_started()
try:
    g.send("x")
except TypeError as e:
    print("TypeError:", e)
g = not_started()
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("throw into fresh generator propagates:", repr(e))
print(next(g, "finished"))
def ignores_close():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        yield 2
g = ignores_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
g = running_total()
next(g)
for v in [5, 10, 15]:
    print("total", g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def catch_all():
    while True:
        try:
            yield
        except Exception as e:
            print("swallowed", type(e).__name__)
g = catch_all()
next(g)
g.throw(TypeError)
g.throw(IndexError("i"))
g.close()
def gen_raises():
    yield 1
    raise RuntimeError("from generator")
try:
    for v in gen_raises():
        print("value", v)
except RuntimeError as e:
    print("caught", e)
def stop_inside():
    yield 1
    raise StopIteration("oops")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e)

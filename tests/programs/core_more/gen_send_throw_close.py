# Generators: send/throw/close interplay, try/finally inside generators, return values.


def accumulator():
    total = 0
    try:
        while True:
            try:
                x = yield total
            except ValueError as e:
                print("  acc caught", e)
                total = 0
                continue
            if x is None:
                break
            total += x
    finally:
        print("  acc finally, total =", total)
    return total


g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
print(g.throw(ValueError("reset")))
print(g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)

# close() runs finally blocks; a generator that yields in finally is an error
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("  closer cleanup")

c = closer()
print(next(c))
c.close()
c.close()
print("closed twice fine")
try:
    next(c)
except StopIteration:
    print("exhausted after close")

def stubborn():
    try:
        yield 1
    finally:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# GeneratorExit can be caught and the generator return normally
def catches_exit():
    try:
        yield "a"
    except GeneratorExit:
        print("  got GeneratorExit")
        return "ignored"

ce = catches_exit()
next(ce)
print(ce.close())

# throw into a fresh generator raises immediately, without running it
def never():
    print("never printed")
    yield 1

n = never()
try:
    n.throw(KeyError("k"))
except KeyError as e:
    print("fresh throw:", repr(e))
print(list(n))

# send non-None to a just-started generator
try:
    accumulator().send(1)
except TypeError as e:
    print("TypeError:", e)

# throw with an exception type and a traceback-free instance
def echo():
    while True:
        try:
            yield
        except Exception as e:
            print("  echo got", type(e).__name__, e.args)

e = echo()
next(e)
e.throw(IndexError)
e.throw(IndexError("idx", 2))
e.throw(TypeError, "via type")
e.close()

# return value through StopIteration, and raising StopIteration inside a generator
def ret_only():
    return 42
    yield

try:
    next(ret_only())
except StopIteration as e:
    print("value:", e.value)

def bad_stop():
    yield 1
    raise StopIteration("oops")

try:
    list(bad_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

# generator state via gi_running / gi_frame-free checks
def self_ref():
    yield gen_ref.gi_running

gen_ref = self_ref()
print("running inside:", next(gen_ref), "outside:", gen_ref.gi_running)

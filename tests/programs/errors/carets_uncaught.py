# The interpreter's own traceback printer (an uncaught exception and its context
# chain): CPython 3.11's ^^^ markers, whole-line statements without them.
d = {"a": [1, 2]}


class O:
    pass


o = O()


def f(x):
    return x.missing


steps = [
    lambda: d['a'][5],
    lambda: 1 + 'a',
    lambda: o.foo(),
    lambda: f(1),
    lambda: {'k': 1}['é'],
    lambda: '中文' + 1,
    lambda: 10 // (len(d) - 1),
]


def run(i):
    if i == len(steps):
        x, y = 5
    try:
        steps[i]()
    except Exception:
        run(i + 1)


try:
    y = int('x') 
except ValueError:
    if True:
        try:
            y = (1 +
                 'b')
        except TypeError:
            run(0)

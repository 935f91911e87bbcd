# traceback: format_exc, print_exc, format_exception, extract_tb, stacks, chains.
# CPython names the main script by its absolute path: clean() keeps the base name.
import io
import re
import sys
import traceback


def clean(s):
    if isinstance(s, list):
        return [clean(x) for x in s]
    return re.sub(r'File "[^"]*/', 'File "', s)


def out(s):
    print(clean(s), end='')


def inner(x):
    return 1 / x


def outer(x):
    return inner(x)


try:
    outer(0)
except ZeroDivisionError:
    out(traceback.format_exc())
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    out(buf.getvalue())
    e = sys.exc_info()[1]

print(clean(traceback.format_exception(e)))
print(traceback.format_exception_only(e))
out(''.join(traceback.format_exception(type(e), e, e.__traceback__)))
tb = traceback.extract_tb(e.__traceback__ if e.__traceback__ is not None else e)
for fs in tb:
    print(fs.filename.rsplit('/', 1)[-1], fs.lineno, fs.name, repr(fs.line))
print(len(traceback.format_tb(e.__traceback__ if e.__traceback__ is not None else e)))


class MyError(Exception):
    pass


def chain():
    try:
        {}['k']
    except KeyError as k:
        raise MyError('wrapped') from k


try:
    chain()
except MyError:
    out(traceback.format_exc())

try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
except TypeError:
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    out(buf.getvalue())

try:
    try:
        raise ValueError('hidden')
    except ValueError:
        raise TypeError('shown') from None
except TypeError:
    out(traceback.format_exc())

print(repr(traceback.format_exc()))
print(traceback.format_exception_only(ValueError('x')))
print(traceback.format_exception_only(KeyError('k')))
print(traceback.format_exception(ValueError('no tb')))


def show():
    out(''.join(traceback.format_stack()))
    buf = io.StringIO()
    traceback.print_stack(file=buf)
    out(buf.getvalue())
    print([tuple(f)[1:3] for f in traceback.extract_stack()])


def caller():
    show()


caller()


def rec(n):
    if n == 0:
        raise RuntimeError('deep')
    rec(n - 1)


try:
    rec(10)
except RuntimeError:
    out(traceback.format_exc())
try:
    rec(3)
except RuntimeError as r:
    out(''.join(traceback.format_exception(r, limit=2)))
try:
    rec(1)
except RuntimeError:
    traceback.print_exc()
print('end')

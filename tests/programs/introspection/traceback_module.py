import sys
import traceback


def inner(x):
    return 10 / x


def middle(x):
    return inner(x) + 1


def outer(x):
    try:
        return middle(x)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e


try:
    outer(0)
except ValueError as e:
    err = e
    traceback.print_exc()
    sys.stderr.write("".join(traceback.format_exc(limit=1)))
    print(type(sys.exc_info()[2]).__name__)

traceback.print_exception(err)
traceback.print_exception(type(err), err, err.__traceback__, chain=False)
sys.stderr.write("".join(traceback.format_exception_only(type(err), err)))
sys.stderr.write("".join(traceback.format_tb(err.__cause__.__traceback__)))

summary = traceback.extract_tb(err.__cause__.__traceback__)
print(type(summary).__name__, len(summary))
for fs in summary:
    print(fs.filename.rsplit("/", 1)[-1], fs.lineno, fs.name, repr(fs.line))
print([f.f_code.co_name for f, line in traceback.walk_tb(err.__cause__.__traceback__)])

te = traceback.TracebackException.from_exception(err)
print(te.exc_type.__name__, str(te), len(te.stack), te.__cause__ is not None)
sys.stderr.write("".join(te.format()))
print(list(te.format_exception_only()))


def show_stack():
    st = traceback.extract_stack()
    print([(f.name, f.lineno) for f in st])
    sys.stderr.write("".join(traceback.format_stack(limit=2)))
    traceback.print_stack(limit=1)


def caller():
    show_stack()


caller()

try:
    compile("x = (1 +\n", "bad.py", "exec")
except SyntaxError as e:
    sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))

try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as e:
    traceback.print_exc()

e = Exception("no traceback")
print(e.__traceback__, traceback.format_exception(e))
fs = traceback.FrameSummary("f.py", 3, "fn", line="x = 1")
print(fs, fs.line, list(fs))
print(traceback.StackSummary.from_list([("a.py", 1, "f", "pass")]).format())


def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    recurse(n - 1)


try:
    recurse(8)
except RecursionError:
    traceback.print_exc()

# sys.excepthook: the default is sys.__excepthook__; a program's own hook reports the
# uncaught exception; a hook that raises gets CPython's "Error in sys.excepthook".
import sys

print(sys.excepthook is sys.__excepthook__, sys.excepthook.__name__)
print(sys.displayhook is sys.__displayhook__)


def hook(t, v, tb):
    print("hook:", t.__name__, v, tb is v.__traceback__, file=sys.stderr)
    print("frames:", tb.tb_frame.f_code.co_name if tb else None)
    raise RuntimeError("the hook failed")


sys.excepthook = hook


def f():
    raise KeyError("k")


f()

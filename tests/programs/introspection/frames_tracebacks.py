import sys
def f(a, b=2):
    c = a + b
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals), fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name, fr.f_globals is globals(), fr.f_lasti > 0)
    return fr
fr = f(1)
print(fr.f_back.f_back)
def g():
    return 1 / 0
def h():
    g()
try:
    h()
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_code.co_filename.rsplit("/", 1)[-1])
        tb = tb.tb_next
    t, v, tb2 = sys.exc_info()
    print(t.__name__, v is e, tb2.tb_lineno)
    e2 = ValueError("x").with_traceback(e.__traceback__)
    print(e2.__traceback__.tb_next.tb_frame.f_code.co_name)
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
print(sys._getframe().f_back)
def deep(n):
    local_n = n * 10
    if n == 0:
        raise KeyError("k")
    deep(n - 1)
try:
    deep(2)
except KeyError as e:
    tb = e.__traceback__
    while tb:
        fl = tb.tb_frame.f_locals
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0, sorted(k for k in fl if not k.startswith('__'))[:6], fl.get('local_n'))
        tb = tb.tb_next
import traceback
def cur():
    fr = sys._getframe()
    a = 1
    x = fr.f_locals
    b = 2
    y = fr.f_locals
    print(x is y, sorted(y), fr.f_lineno)
cur()
import sys
def f():
    me = sys._getframe()
    v = 1
    print(sorted(me.f_locals))
    v = 2
    w = 3
    raise ValueError
try:
    f()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_locals["v"], sorted(tb.tb_frame.f_locals), tb.tb_frame.f_lineno)
    print(tb.tb_frame.f_back.f_code.co_name)

# try/except/else/finally control flow, including return/break/continue in finally.
def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError as e:
        print("except", e)
        return "error"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)
print(f(2))
print(f(0))
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("cleanup", i)
    return i
print(h())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def multi(v):
    try:
        if v == 0:
            raise KeyError("k")
        if v == 1:
            raise IndexError("i")
        if v == 2:
            raise TypeError("t")
        return "none raised"
    except (KeyError, IndexError) as e:
        return "lookup: " + type(e).__name__
    except Exception as e:
        return "other: " + repr(e)
for v in range(4):
    print(multi(v))
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught outside:", e)
    finally:
        print("outer finally")
nested()
try:
    pass
except Exception:
    print("no")
else:
    print("else with no exception")
def loop_break_in_finally():
    out = []
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            out.append(i)
            break
    return out
print(loop_break_in_finally())
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
print("e" in globals())
x = 0
while True:
    try:
        x += 1
        if x < 3:
            continue
        break
    finally:
        print("while finally", x)
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
            raise ValueError(i)
        finally:
            continue
    return out
print(continue_in_finally())
def return_overrides_exception_in_loop():
    for i in range(5):
        try:
            if i == 2:
                return f"returned at {i}"
        finally:
            if i == 2:
                print("finally sees return pending at", i)
    return "end"
print(return_overrides_exception_in_loop())

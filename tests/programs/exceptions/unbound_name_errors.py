# NameError vs UnboundLocalError, and scoping-related errors.
def uses_before_assign():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
        print(isinstance(e, NameError))
    x = 5
    return x
x = "global"
print(uses_before_assign())
def undefined():
    return not_defined_anywhere
try:
    undefined()
except NameError as e:
    print("NameError:", e, type(e).__name__)
def cond(flag):
    if flag:
        y = 1
    return y
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def augment():
    counter += 1
counter = 0
try:
    augment()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def closure_unbound():
    def inner():
        return z
    try:
        return inner()
    except NameError as e:
        return f"{type(e).__name__}: {e}"
    z = 1
print(closure_unbound())
def deleted():
    v = 1
    del v
    return v
try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    del never_existed
except NameError as e:
    print("NameError:", e)
class C:
    attr = 1
    def m(self):
        return attr
try:
    C().m()
except NameError as e:
    print("NameError:", e)
try:
    print(undefined_builtin_like_len)
except NameError as e:
    print("NameError:", e)

# and/or return operands; not; conditional expressions; short-circuiting.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [], [] or None, "" and 1)
print(0 or "" or None, 1 and "a" and [1], 0 or 0.0 or "last")
print(not 0, not 1, not [], not [0], not "", not None)
def t(v):
    print("called", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(t(1) and t(0) or t(3))
x = 5
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
for v in [-2, 0, 7]:
    print(v, "neg" if v < 0 else ("zero" if v == 0 else "pos"))
y = [] or [1, 2]
print(y)
d = {}
val = d.get("k") or "default"
print(val)
print((lambda a: a or "empty")(""), (lambda a: a and a[0])("xyz"))
print(bool(0.0), bool(0j), bool(" "), bool(()), bool({}), bool(set()), bool(range(0)))
print(True and not False, not (True and False), (not True) == False)

# assert with and without message, pass in various places.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], f"empty list {len([])}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare:", repr(e), e.args)
def f():
    pass
class C:
    pass
for i in range(2):
    pass
if True:
    pass
print(f(), C.__name__, i)
def validate(age):
    assert isinstance(age, int), "age must be int"
    assert age >= 0, f"age must be >= 0, got {age}"
    return age
for a in [5, -1, "x"]:
    try:
        print(validate(a))
    except AssertionError as e:
        print("invalid:", e)

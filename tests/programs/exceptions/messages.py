# CPython's messages for the common built-in errors.
class Foo:
    pass
one, nothing, text = 1, None, "s"
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1.5 // 0.0", lambda: 1.5 // 0.0),
    ("5.0 % 0", lambda: 5.0 % 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("{}['k']", lambda: {}["k"]),
    ("{}[1]", lambda: {}[1]),
    ("[][0]", lambda: [][0]),
    ("()[0]", lambda: ()[0]),
    ("''[0]", lambda: ""[0]),
    ("[1][-2]", lambda: [1][-2]),
    ("1 + 'a'", lambda: 1 + "a"),
    ("'a' + 1", lambda: "a" + 1),
    ("[] - []", lambda: [] - []),
    ("None + 1", lambda: None + 1),
    ("-'a'", lambda: -"a"),
    ("~1.5", lambda: ~1.5),
    ("1[0]", lambda: one[0]),
    ("None[0]", lambda: nothing[0]),
    ("None()", lambda: nothing()),
    ("'s'()", lambda: text()),
    ("f(1, 2, 3)", lambda: f(1, 2, 3)),
    ("f(1)", lambda: f(1)),
    ("f()", lambda: f()),
    ("f(1, 2, b=3)", lambda: f(1, 2, b=3)),
    ("g(1)", lambda: g(1)),
    ("g(1, 2, 3)", lambda: g(1, 2, 3)),
    ("Foo().bar", lambda: Foo().bar),
    ("Foo.x", lambda: Foo.x),
    ("(1).foo", lambda: (1).foo),
    ("'s'.nope()", lambda: "s".nope()),
    ("None.x", lambda: None.x),
    ("undefined_name", lambda: undefined_name),
    ("int('abc')", lambda: int("abc")),
    ("int('12', 2)", lambda: int("12", 2)),
    ("float('x')", lambda: float("x")),
    ("a, b = [1, 2, 3]", lambda: [(a, b) for a, b in [[1, 2, 3]]]),
    ("a, b, c = [1, 2]", lambda: [(a, b, c) for a, b, c in [[1, 2]]]),
    ("a, b = 1", lambda: [(a, b) for a, b in [1]]),
    ("[].index(1)", lambda: [].index(1)),
    ("{1: 2}[[1]]", lambda: {1: 2}[[1]]),
    ("len(5)", lambda: len(5)),
    ("iter(5)", lambda: iter(5)),
    ("next(iter([]))", lambda: next(iter([]))),
    ("'abc'.index('z')", lambda: "abc".index("z")),
    ("sorted([1, None])", lambda: sorted([1, None])),
    ("[1] * 'a'", lambda: [1] * "a"),
    ("'%d' % 'x'", lambda: "%d" % "x"),
    ("int.foo", lambda: int.foo),
    ("object().__dict__", lambda: object().__dict__),
    ("(1, 2).append(3)", lambda: (1, 2).append(3)),
    ("chr(1114112)", lambda: chr(1114112)),
    ("list(1)", lambda: list(1)),
    ("dict([1])", lambda: dict([1])),
    ("abs('x')", lambda: abs("x")),
    ("'a' < 1", lambda: "a" < 1),
    ("{}.x = 1", lambda: setattr({}, "x", 1)),
]
for src, fn in cases:
    try:
        fn()
        print(src, "-> no error")
    except Exception as e:
        print(f"{src:24} -> {type(e).__name__}: {e}")

# match on builtin types: int/str/bytes/tuple/dict/None, strings are not sequences, singletons.
def kind(x):
    match x:
        case None:
            return "None"
        case True | False as b:
            return f"bool {b}"
        case int() if x < 0:
            return "negative int"
        case int():
            return "int"
        case float(f) if f != f:
            return "nan"
        case float():
            return "float"
        case str("") :
            return "empty str"
        case str(s):
            return f"str of len {len(s)}"
        case bytes(b):
            return f"bytes {b!r}"
        case []:
            return "empty sequence"
        case [x]:
            return f"singleton sequence of {kind(x)}"
        case [_, _, *_] as seq:
            return f"sequence of {len(seq)}"
        case {}:
            return "mapping"
        case set() | frozenset():
            return "set-like"
        case _:
            return type(x).__name__
for v in [None, True, False, -3, 0, 7, 2.5, float("nan"), "", "abc", b"xy", [], (), [1], ("s",), [1, 2, 3],
          (1, 2), {}, {"k": 1}, {1}, frozenset(), range(2), range(0), 3j, object]:
    print(repr(v) if not isinstance(v, type) else v.__name__, "->", kind(v))
def unpack_point(p):
    match p:
        case (x, y):
            return f"2d {x},{y}"
        case (x, y, z):
            return f"3d {x},{y},{z}"
        case {"x": x, "y": y}:
            return f"dict {x},{y}"
        case _:
            return "not a point"
print([unpack_point(p) for p in [(1, 2), [1, 2, 3], {"x": 0, "y": 5, "z": 9}, "xy", (1,)]])

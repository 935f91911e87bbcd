# match: literal, capture, wildcard, value patterns, or, as, guard.
class Color:
    RED = "red"
    GREEN = "green"
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case Color.RED:
            return "the color red"
        case str() as s if len(s) > 5:
            return "long string " + s
        case int(n) if n > 100:
            return f"big int {n}"
        case other:
            return f"other {other!r}"
for v in [0, 1, 3, "hello", True, None, -1, 2.5, "red", "green", "lengthy", 500, 50, [1]]:
    print(repr(v), "->", describe(v))
def wild(x):
    match x:
        case "a":
            return 1
        case _:
            return "wildcard"
print(wild("a"), wild("b"))
def as_pattern(x):
    match x:
        case (1 | 2) as small:
            return f"small {small}"
        case [_, _] as pair:
            return f"pair {pair}"
        case _:
            return "?"
print(as_pattern(2), as_pattern([5, 6]), as_pattern((7, 8)), as_pattern("ab"))
match 1 + 1:
    case 2:
        print("computed subject matched")
match "no match":
    case "x":
        print("no")
print("after non-matching match")

# match: sequence patterns (incl. star) and mapping patterns (incl. **rest).
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [first, *middle, last] if not middle:
            return "impossible"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7, 8], "abc", {1: 2}, range(3), [[1, 2], [3]]]:
    print(repr(v), "->", seq(v))
def nested(x):
    match x:
        case [(a, b), [c, *d]]:
            return f"a={a} b={b} c={c} d={d}"
        case [[x1, y1], *others]:
            return f"point {x1},{y1} + {len(others)}"
        case _:
            return "no"
print(nested([(1, 2), [3, 4, 5]]))
print(nested([[1, 2], "x", "y"]))
print(nested([1]))
def mapping(x):
    match x:
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": "rect", "w": w, "h": h, **rest}:
            return f"rect {w}x{h} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
        case _:
            return "not mapping"
print(mapping({"type": "circle", "r": 5, "color": "red"}))
print(mapping({"type": "rect", "w": 2, "h": 3}))
print(mapping({"type": "rect", "w": 2, "h": 3, "z": 1, "a": 0}))
print(mapping({"type": "tri"}))
print(mapping({"other": 1}))
print(mapping([("type", "circle")]))
def commands(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["pick", "up", item]:
            return "picking " + item
        case ["drop", *items] if items:
            return "dropping " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown: " + cmd
for c in ["go north", "go up", "pick up lamp", "drop a b c", "drop", "exit", "quit now"]:
    print(c, "=>", commands(c))

# match: nested class/sequence/mapping mixes, value patterns from enums-like classes, guards with side effects.
class Op:
    ADD = "+"
    SUB = "-"
    MUL = "*"
class BinOp:
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
class Num:
    __match_args__ = ("value",)
    def __init__(self, value):
        self.value = value
def simplify(e):
    match e:
        case BinOp(Op.ADD, Num(0), x) | BinOp(Op.ADD, x, Num(0)):
            return simplify(x)
        case BinOp(Op.MUL, Num(1), x) | BinOp(Op.MUL, x, Num(1)):
            return simplify(x)
        case BinOp(Op.MUL, Num(0), _) | BinOp(Op.MUL, _, Num(0)):
            return Num(0)
        case BinOp(op, Num(a), Num(b)):
            return Num({"+": a + b, "-": a - b, "*": a * b}[op])
        case BinOp(op, l, r):
            l2, r2 = simplify(l), simplify(r)
            if (l2, r2) != (l, r):
                return simplify(BinOp(op, l2, r2))
            return e
        case _:
            return e
def show(e):
    match e:
        case Num(v):
            return str(v)
        case BinOp(op, l, r):
            return f"({show(l)} {op} {show(r)})"
        case str(name):
            return name
exprs = [
    BinOp("+", Num(0), "x"),
    BinOp("*", BinOp("+", Num(2), Num(3)), BinOp("*", Num(1), "y")),
    BinOp("-", BinOp("*", "z", Num(0)), Num(4)),
    BinOp("+", BinOp("*", Num(1), BinOp("+", "a", Num(0))), BinOp("-", Num(10), Num(3))),
]
for e in exprs:
    print(show(e), "=>", show(simplify(e)))
calls = []
def check(tag, result):
    calls.append(tag)
    return result
for value in [(1, 2), (3, 4), (5, 6)]:
    match value:
        case (a, b) if check(f"g1:{a}", a > 4):
            print("first guard", a, b)
        case (a, b) if check(f"g2:{a}", a > 2):
            print("second guard", a, b)
        case _:
            print("fallback", value)
print(calls)
def http(status):
    match status:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 as code:
            return f"redirect {code}"
        case int(code) if 400 <= code < 500:
            return f"client error {code}"
        case int(code) if code >= 500:
            return f"server error {code}"
        case _:
            return "unknown"
print([http(s) for s in (200, 204, 302, 404, 418, 503, 99, "200")])
config = {"server": {"host": "localhost", "ports": [80, 443]}, "debug": True, "users": [{"name": "root", "admin": True}]}
match config:
    case {"server": {"host": str(host), "ports": [first_port, *other_ports]}, "users": [{"name": admin_name, "admin": True}, *_]}:
        print(host, first_port, other_ports, admin_name)
match (1, [2, {"k": (3, 4)}]):
    case (1, [x, {"k": (y, z)}]) if x + y + z == 9:
        print("deep match", x, y, z)
match [1, 2, 3]:
    case (1, *rest):
        print("tuple pattern matches list", rest)
match {"a": 1, "b": 2}:
    case {"a": 1, **rest} if not rest:
        print("no rest")
    case {"a": 1, **rest}:
        print("rest", rest)

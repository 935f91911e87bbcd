# A tiny spreadsheet: cells with formulas, dependency resolution, cycle detection.
import sys

class CycleError(Exception):
    pass

class Sheet:
    def __init__(self):
        self.raw = {}
        self.cache = {}

    def set(self, name, value):
        self.raw[name] = value
        self.cache.clear()

    def get(self, name, visiting=()):
        if name in self.cache:
            return self.cache[name]
        if name in visiting:
            raise CycleError(" -> ".join(visiting + (name,)))
        raw = self.raw.get(name, 0)
        if isinstance(raw, str) and raw.startswith("="):
            value = self.evaluate(raw[1:], visiting + (name,))
        else:
            value = raw
        self.cache[name] = value
        return value

    def evaluate(self, expr, visiting):
        tokens = expr.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split()
        pos = 0
        def atom():
            nonlocal pos
            tok = tokens[pos]
            pos += 1
            if tok in ("SUM", "MAX", "MIN", "AVG"):
                assert tokens[pos] == "("
                pos += 1
                args = []
                while tokens[pos] != ")":
                    if tokens[pos] == ",":
                        pos += 1
                        continue
                    args.extend(rng(tokens[pos]) if ":" in tokens[pos] else [expr_()])
                pos += 1
                return {"SUM": sum, "MAX": max, "MIN": min, "AVG": lambda a: sum(a) / len(a)}[tok](args)
            if tok == "(":
                v = expr_()
                pos += 1
                return v
            if tok[0].isalpha():
                return self.get(tok, visiting)
            return float(tok) if "." in tok else int(tok)
        def rng(tok):
            nonlocal pos
            pos += 1
            a, b = tok.split(":")
            col, r1, r2 = a[0], int(a[1:]), int(b[1:])
            return [self.get(f"{col}{r}", visiting) for r in range(r1, r2 + 1)]
        def term():
            nonlocal pos
            v = atom()
            while pos < len(tokens) and tokens[pos] in ("*", "/"):
                op = tokens[pos]
                pos += 1
                rhs = atom()
                v = v * rhs if op == "*" else v / rhs
            return v
        def expr_():
            nonlocal pos
            v = term()
            while pos < len(tokens) and tokens[pos] in ("+", "-"):
                op = tokens[pos]
                pos += 1
                rhs = term()
                v = v + rhs if op == "+" else v - rhs
            return v
        return expr_()

s = Sheet()
for name, val in [("A1", 10), ("A2", 20), ("A3", 30.5), ("B1", "=A1 * 2"), ("B2", "=B1 + A2 * 3"),
                  ("B3", "=SUM(A1:A3)"), ("C1", "=AVG(A1:A3) / 2"), ("C2", "=MAX(A1:A3) - MIN(A1:A3)"),
                  ("C3", "=(B1 + B2) * (A1 - 8)"), ("D1", "=E1 + 1")]:
    s.set(name, val)
for name in sorted(s.raw):
    print(name, s.raw[name], "=>", s.get(name))
s.set("A1", 100)
print("after A1=100:", [(n, s.get(n)) for n in ("B1", "B2", "B3", "C3")])
s.set("E1", "=D1 * 2")
try:
    s.get("D1")
except CycleError as e:
    print("cycle:", e)
s.set("E1", 5)
print("D1 =", s.get("D1"))
s.set("F1", "=A1 / 0")
try:
    s.get("F1")
except ZeroDivisionError as e:
    print("error in F1:", e, file=sys.stdout)

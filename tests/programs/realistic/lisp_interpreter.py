# A small Lisp interpreter: reader, environments with closures, special forms, tail recursion via loop.
class LispError(Exception):
    pass

class Symbol(str):
    pass

def tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split()

def read(tokens):
    if not tokens:
        raise LispError("unexpected EOF")
    tok = tokens.pop(0)
    if tok == "(":
        lst = []
        while tokens and tokens[0] != ")":
            lst.append(read(tokens))
        if not tokens:
            raise LispError("missing )")
        tokens.pop(0)
        return lst
    if tok == ")":
        raise LispError("unexpected )")
    if tok == "'":
        return [Symbol("quote"), read(tokens)]
    try:
        return int(tok)
    except ValueError:
        try:
            return float(tok)
        except ValueError:
            return Symbol(tok)

class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__(zip(params, args))
        self.outer = outer

    def find(self, name):
        env = self
        while env is not None:
            if name in env:
                return env
            env = env.outer
        raise LispError(f"unbound symbol {name}")

class Lambda:
    def __init__(self, params, body, env):
        self.params, self.body, self.env = params, body, env

    def __repr__(self):
        return f"<lambda ({' '.join(self.params)})>"

def standard_env():
    env = Env()
    env.update({
        "+": lambda *a: sum(a), "-": lambda a, b=None: -a if b is None else a - b,
        "*": lambda a, b: a * b, "/": lambda a, b: a / b, "<": lambda a, b: a < b,
        ">": lambda a, b: a > b, "=": lambda a, b: a == b, "car": lambda l: l[0],
        "cdr": lambda l: l[1:], "cons": lambda a, l: [a] + l, "list": lambda *a: list(a),
        "null?": lambda l: l == [], "mod": lambda a, b: a % b, "length": len,
    })
    return env

def evaluate(x, env):
    while True:
        if isinstance(x, Symbol):
            return env.find(x)[x]
        if not isinstance(x, list):
            return x
        if not x:
            return []
        op, *args = x
        if op == "quote":
            return args[0]
        if op == "if":
            test, conseq, alt = args
            x = conseq if evaluate(test, env) not in (False, [], 0) else alt
            continue
        if op == "define":
            name, expr = args
            env[name] = evaluate(expr, env)
            return None
        if op == "lambda":
            return Lambda(args[0], args[1], env)
        if op == "begin":
            for e in args[:-1]:
                evaluate(e, env)
            x = args[-1]
            continue
        f = evaluate(op, env)
        vals = [evaluate(a, env) for a in args]
        if isinstance(f, Lambda):
            if len(vals) != len(f.params):
                raise LispError(f"expected {len(f.params)} args, got {len(vals)}")
            x, env = f.body, Env(f.params, vals, f.env)
            continue
        if callable(f):
            return f(*vals)
        raise LispError(f"not a procedure: {f!r}")

def to_str(v):
    if isinstance(v, list):
        return "(" + " ".join(to_str(e) for e in v) + ")"
    if v is True:
        return "#t"
    if v is False:
        return "#f"
    return str(v)

env = standard_env()
program = """
(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))
(fact 20)
(fact 30)
(define count (lambda (n acc) (if (= n 0) acc (count (- n 1) (+ acc 1)))))
(count 5000 0)
(define map (lambda (f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l))))))
(map (lambda (x) (* x x)) '(1 2 3 4 5))
(define make-adder (lambda (n) (lambda (x) (+ x n))))
(define add5 (make-adder 5))
(add5 10)
(map add5 (list 1 2 3))
(begin (define x 3) (* x x))
(if (> 3 2) 'yes 'no)
(length '(a b c (d e)))
(/ 7 2)
(undefined-thing 1)
(fact 1 2)
(1 2 3)
'(nested (list (here)))
(car '())
"""
for line in program.strip().splitlines():
    try:
        result = evaluate(read(tokenize(line)), env)
        if result is not None:
            print(line, "=>", to_str(result))
    except LispError as e:
        print(line, "=> error:", e)
    except IndexError as e:
        print(line, "=> IndexError:", e)
print(env["add5"], sorted(k for k in env if "-" in k or k in ("fact", "map")))
for bad in ["(+ 1 2", ")", ""]:
    try:
        read(tokenize(bad))
    except LispError as e:
        print(repr(bad), "->", e)

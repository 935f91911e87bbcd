# An interpreter for a small Forth-like stack language with user-defined words.
class StackError(Exception):
    pass

class Forth:
    def __init__(self):
        self.stack = []
        self.words = {}
        self.output = []
        self.builtins = {
            "+": lambda: self.binop(lambda a, b: a + b),
            "-": lambda: self.binop(lambda a, b: a - b),
            "*": lambda: self.binop(lambda a, b: a * b),
            "/": lambda: self.binop(self.div),
            "mod": lambda: self.binop(lambda a, b: a % b),
            "dup": lambda: self.push(self.peek()),
            "drop": lambda: self.pop(),
            "swap": self.swap,
            "over": lambda: self.push(self.stack[-2] if len(self.stack) > 1 else self.underflow()),
            ".": lambda: self.output.append(str(self.pop())),
            "=": lambda: self.binop(lambda a, b: -1 if a == b else 0),
            "<": lambda: self.binop(lambda a, b: -1 if a < b else 0),
        }

    def underflow(self):
        raise StackError("stack underflow")

    def div(self, a, b):
        if b == 0:
            raise StackError("division by zero")
        return a // b

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        if not self.stack:
            self.underflow()
        return self.stack.pop()

    def peek(self):
        if not self.stack:
            self.underflow()
        return self.stack[-1]

    def swap(self):
        b, a = self.pop(), self.pop()
        self.push(b)
        self.push(a)

    def binop(self, f):
        b, a = self.pop(), self.pop()
        self.push(f(a, b))

    def run(self, src):
        tokens = src.lower().split()
        self.execute(tokens)

    def execute(self, tokens):
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t == ":":
                end = tokens.index(";", i)
                name, body = tokens[i + 1], tokens[i + 2:end]
                if name.lstrip("-").isdigit():
                    raise StackError("cannot redefine numbers")
                self.words[name] = [w for b in body for w in self.words.get(b, [b])]
                i = end + 1
                continue
            if t == "times":
                body_end = tokens.index("loop", i)
                body = tokens[i + 1:body_end]
                for _ in range(self.pop()):
                    self.execute(body)
                i = body_end + 1
                continue
            if t in self.words:
                self.execute(self.words[t])
            elif t in self.builtins:
                self.builtins[t]()
            elif t.lstrip("-").isdigit():
                self.push(int(t))
            else:
                raise StackError(f"unknown word {t!r}")
            i += 1

programs = [
    "1 2 + 3 * .",
    "10 3 mod . 10 3 / . -7 2 / .",
    ": square dup * ; 7 square .",
    ": cube dup square * ; 3 cube .",
    "1 2 swap . .",
    "5 6 over . . .",
    "3 4 = . 4 4 = . 2 9 < .",
    "1 5 times dup 2 * loop . . . . . .",
    ": square 1 ; 9 square .",
    "drop",
    "1 0 /",
    "foo",
    ": 5 6 ;",
    "2 100 times 2 * loop .",
]
for src in programs:
    f = Forth()
    try:
        f.run(src)
        print(f"{src:40} -> {' '.join(f.output)} | stack {f.stack}")
    except StackError as e:
        print(f"{src:40} -> error: {e} | output {f.output}")
shared = Forth()
for line in [": double 2 * ;", ": quad double double ;", "5 quad .", "1 2 3", "+ + ."]:
    shared.run(line)
print(shared.output, shared.stack, sorted(shared.words))

# A tokenizer for an indentation-sensitive mini language that emits INDENT/DEDENT tokens, plus a tree builder.
class TokenizeError(Exception):
    pass

KEYWORDS = {"def", "if", "else", "while", "return", "print"}

def tokenize(src):
    tokens = []
    indents = [0]
    for lineno, raw in enumerate(src.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip(" "))
        if width > indents[-1]:
            indents.append(width)
            tokens.append(("INDENT", width, lineno))
        while width < indents[-1]:
            indents.pop()
            tokens.append(("DEDENT", width, lineno))
        if width != indents[-1]:
            raise TokenizeError(f"line {lineno}: inconsistent dedent to column {width}")
        i = width
        while i < len(line):
            ch = line[i]
            if ch == " ":
                i += 1
            elif ch.isalpha() or ch == "_":
                j = i
                while j < len(line) and (line[j].isalnum() or line[j] == "_"):
                    j += 1
                word = line[i:j]
                tokens.append(("KEYWORD" if word in KEYWORDS else "NAME", word, lineno))
                i = j
            elif ch.isdigit():
                j = i
                while j < len(line) and line[j].isdigit():
                    j += 1
                tokens.append(("NUMBER", int(line[i:j]), lineno))
                i = j
            elif ch == '"':
                j = line.find('"', i + 1)
                if j == -1:
                    raise TokenizeError(f"line {lineno}: unterminated string")
                tokens.append(("STRING", line[i + 1:j], lineno))
                i = j + 1
            elif line[i:i + 2] in ("==", "!=", "<=", ">="):
                tokens.append(("OP", line[i:i + 2], lineno))
                i += 2
            elif ch in "+-*/<>=():,":
                tokens.append(("OP", ch, lineno))
                i += 1
            else:
                raise TokenizeError(f"line {lineno}: unexpected {ch!r}")
        tokens.append(("NEWLINE", None, lineno))
    while len(indents) > 1:
        indents.pop()
        tokens.append(("DEDENT", 0, "eof"))
    return tokens

def blocks(tokens):
    root = []
    stack = [root]
    line = []
    for kind, value, _ in tokens:
        if kind == "NEWLINE":
            stack[-1].append(" ".join(str(v) for v in line))
            line = []
        elif kind == "INDENT":
            child = []
            stack[-1].append(child)
            stack.append(child)
        elif kind == "DEDENT":
            stack.pop()
        else:
            line.append(value if kind != "STRING" else f'"{value}"')
    return root

def show(tree, depth=0):
    for node in tree:
        if isinstance(node, list):
            show(node, depth + 1)
        else:
            print("  " * depth + node)

SRC = '''
def fib(n):   # comment
    if n < 2:
        return n
    else:
        return fib(n - 1) + fib(n - 2)

i = 0
while i <= 10:
    print("fib", i, fib(i))
    i = i + 1
print("done")
'''
toks = tokenize(SRC)
print(len(toks), "tokens")
for t in toks[:24]:
    print(t)
print({k: sum(1 for t in toks if t[0] == k) for k in ("KEYWORD", "NAME", "NUMBER", "STRING", "OP", "INDENT", "DEDENT", "NEWLINE")})
show(blocks(toks))
for bad in ["if x:\n    y\n  z", 'print("oops)', "x = 3 $ 4"]:
    try:
        tokenize(bad)
    except TokenizeError as e:
        print("TokenizeError:", e)

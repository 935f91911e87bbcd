# Shunting-yard conversion of infix to RPN, RPN evaluation, and expression tree printing.
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
RIGHT = {"^"}

def tokenize(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            out.append(num)
            num = ""
        if ch in PREC or ch in "()":
            out.append(ch)
        elif not ch.isspace():
            raise ValueError(f"bad character {ch!r}")
    if num:
        out.append(num)
    return out

def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if t in PREC:
            while ops and ops[-1] in PREC and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t not in RIGHT)):
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            if not ops:
                raise ValueError("mismatched ')'")
            ops.pop()
        else:
            out.append(t)
    while ops:
        op = ops.pop()
        if op == "(":
            raise ValueError("mismatched '('")
        out.append(op)
    return out

def eval_rpn(rpn):
    st = []
    for t in rpn:
        if t in PREC:
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("nan"),
                       "%": a % b if b else float("nan"), "^": a ** b}[t])
        else:
            st.append(float(t) if "." in t else int(t))
    if len(st) != 1:
        raise ValueError(f"malformed expression, stack {st}")
    return st[0]

def tree(rpn):
    st = []
    for t in rpn:
        if t in PREC:
            b, a = st.pop(), st.pop()
            st.append((t, a, b))
        else:
            st.append(t)
    return st[0]

def show(node, indent=0):
    if isinstance(node, tuple):
        op, a, b = node
        show(b, indent + 4)
        print(" " * indent + op)
        show(a, indent + 4)
    else:
        print(" " * indent + node)

for expr in ["3 + 4 * 2 / (1 - 5) ^ 2 ^ 3", "(1 + 2) * (3 + 4)", "2 ^ 3 ^ 2", "10 - 4 - 3", "7 % 3 + 2.5",
             "((15 / (7 - (1 + 1))) * 3) - (2 + (1 + 1))", "1 / 0", "(1 + 2", "1 + 2)", "2 $ 3", "1 2"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:45} | {' '.join(rpn):40} | {eval_rpn(rpn)}")
    except (ValueError, IndexError) as e:
        print(f"{expr:45} | error: {type(e).__name__}: {e}")
show(tree(to_rpn(tokenize("(1 + 2) * 3 - 4 / 5"))))

# A tiny bytecode compiler and virtual machine for arithmetic programs with variables and loops.
def compile_program(lines):
    code = []
    labels = {}
    fixups = []
    for line in lines:
        parts = line.split()
        if not parts:
            continue
        if parts[0].endswith(":"):
            labels[parts[0][:-1]] = len(code)
            continue
        op, args = parts[0].upper(), parts[1:]
        if op in ("JMP", "JZ"):
            fixups.append((len(code), args[0]))
            code.append([op, None])
        elif op == "PUSH":
            code.append([op, int(args[0])])
        elif op in ("LOAD", "STORE"):
            code.append([op, args[0]])
        else:
            code.append([op])
    for idx, label in fixups:
        if label not in labels:
            raise NameError(f"undefined label {label!r}")
        code[idx][1] = labels[label]
    return code

def run(code, trace=False, limit=10000):
    stack, env, pc, steps, out = [], {}, 0, 0, []
    binops = {"ADD": lambda a, b: a + b, "SUB": lambda a, b: a - b, "MUL": lambda a, b: a * b,
              "DIV": lambda a, b: a // b, "MOD": lambda a, b: a % b, "LT": lambda a, b: int(a < b),
              "EQ": lambda a, b: int(a == b)}
    while pc < len(code):
        steps += 1
        if steps > limit:
            raise RuntimeError(f"step limit {limit} exceeded at pc={pc}")
        instr = code[pc]
        op = instr[0]
        if trace:
            print(f"  {pc:3} {op:5} {instr[1] if len(instr) > 1 else '':<6} {stack}")
        pc += 1
        if op == "PUSH":
            stack.append(instr[1])
        elif op == "LOAD":
            stack.append(env[instr[1]])
        elif op == "STORE":
            env[instr[1]] = stack.pop()
        elif op in binops:
            b, a = stack.pop(), stack.pop()
            stack.append(binops[op](a, b))
        elif op == "JMP":
            pc = instr[1]
        elif op == "JZ":
            if stack.pop() == 0:
                pc = instr[1]
        elif op == "PRINT":
            out.append(stack.pop())
        elif op == "DUP":
            stack.append(stack[-1])
        elif op == "HALT":
            break
        else:
            raise ValueError(f"bad opcode {op}")
    return out, env, steps

factorial = """
    push 1
    store acc
    push 10
    store n
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
""".splitlines()
out, env, steps = run(compile_program(factorial))
print("factorial:", out, env, steps)
fizz = """
    push 1
    store i
top:
    load i
    push 16
    lt
    jz end
    load i
    push 15
    mod
    jz fb
    load i
    print
    jmp next
fb:
    push -15
    print
next:
    load i
    push 1
    add
    store i
    jmp top
end:
    halt
""".splitlines()
out, env, steps = run(compile_program(fizz))
print("fizz:", out, steps)
small = compile_program(["push 2", "push 3", "add", "dup", "mul", "print"])
print(small)
print(run(small, trace=True))
for bad in (["jmp nowhere"], ["push 1", "push 0", "div"], ["l:", "jmp l"], ["frob"], ["load x"]):
    try:
        print(run(compile_program(bad), limit=50))
    except (NameError, ZeroDivisionError, RuntimeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)

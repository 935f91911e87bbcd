# A line-based diff using the longest common subsequence, printed in unified-like format with hunks.
def lcs_table(a, b):
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    return t

def diff(a, b):
    t = lcs_table(a, b)
    i = j = 0
    ops = []
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            ops.append((" ", a[i], i, j))
            i += 1
            j += 1
        elif t[i + 1][j] >= t[i][j + 1]:
            ops.append(("-", a[i], i, j))
            i += 1
        else:
            ops.append(("+", b[j], i, j))
            j += 1
    ops.extend(("-", a[k], k, j) for k in range(i, len(a)))
    ops.extend(("+", b[k], len(a), k) for k in range(j, len(b)))
    return ops

def hunks(ops, context=1):
    changed = [k for k, op in enumerate(ops) if op[0] != " "]
    if not changed:
        return []
    groups = [[changed[0]]]
    for k in changed[1:]:
        if k - groups[-1][-1] <= 2 * context + 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    out = []
    for g in groups:
        lo, hi = max(0, g[0] - context), min(len(ops), g[-1] + context + 1)
        out.append(ops[lo:hi])
    return out

old = """def greet(name):
    print("Hello " + name)

def main():
    greet("world")
    greet("revpy")
    return 0

main()""".splitlines()
new = """def greet(name, punctuation="!"):
    print("Hello " + name + punctuation)

def main():
    greet("world")
    greet("revpy")
    greet("again")
    return 0

if __name__ == "__main__":
    main()""".splitlines()
ops = diff(old, new)
print("--- old")
print("+++ new")
for h in hunks(ops):
    a_start = h[0][2] + 1
    b_start = h[0][3] + 1
    a_len = sum(1 for op in h if op[0] != "+")
    b_len = sum(1 for op in h if op[0] != "-")
    print(f"@@ -{a_start},{a_len} +{b_start},{b_len} @@")
    for op in h:
        print(op[0] + op[1])
stats = {"+": 0, "-": 0, " ": 0}
for op in ops:
    stats[op[0]] += 1
print(stats)
print(diff(list("abcabba"), list("cbabac")))
print("".join(op[0] if op[0] != " " else "=" for op in diff(list("kitten"), list("sitting"))))
print(hunks(diff(["same"], ["same"])))

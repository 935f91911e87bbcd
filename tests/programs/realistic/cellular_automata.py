# Elementary cellular automata (rules 30, 90, 110) and a 1-D majority vote smoother.
def run(rule, width, steps, start=None):
    cells = start or [0] * width
    if start is None:
        cells[width // 2] = 1
    table = {(a, b, c): (rule >> (a * 4 + b * 2 + c)) & 1 for a in (0, 1) for b in (0, 1) for c in (0, 1)}
    rows = [cells]
    for _ in range(steps):
        cells = [table[(cells[i - 1], cells[i], cells[(i + 1) % width])] for i in range(width)]
        rows.append(cells)
    return rows

def show(rows):
    for r in rows:
        print("".join("#" if c else " " for c in r).rstrip())

for rule in (30, 90):
    print(f"rule {rule}")
    show(run(rule, 31, 15))
rows = run(110, 40, 20, start=[0] * 39 + [1])
print("rule 110")
show(rows)
center = [r[30] for r in run(30, 61, 60)]
print("rule 30 centre column:", "".join(map(str, center)))
print("bits -> int:", int("".join(map(str, center[:32])), 2))
print("live counts rule 90:", [sum(r) for r in run(90, 31, 15)])
noisy = [1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0]
def smooth(xs):
    n = len(xs)
    return [1 if xs[i - 1] + xs[i] + xs[(i + 1) % n] >= 2 else 0 for i in range(n)]
s = noisy
for i in range(4):
    print(i, "".join(map(str, s)))
    s = smooth(s)

# Conway's Game of Life on a small wrapping grid, using sets of live cells.
W, H = 12, 8

def parse(pattern, ox, oy):
    cells = set()
    for y, line in enumerate(pattern.strip().splitlines()):
        for x, ch in enumerate(line):
            if ch == "#":
                cells.add(((x + ox) % W, (y + oy) % H))
    return cells

def neighbours(x, y):
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            if dx or dy:
                yield (x + dx) % W, (y + dy) % H

def step(live):
    counts = {}
    for (x, y) in live:
        for n in neighbours(x, y):
            counts[n] = counts.get(n, 0) + 1
    return {c for c, k in counts.items() if k == 3 or (k == 2 and c in live)}

def render(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))

glider = parse(".#.\n..#\n###", 1, 1)
blinker = parse("###", 7, 5)
world = glider | blinker
for gen in range(5):
    print(f"generation {gen}: {len(world)} alive")
    print(render(world))
    world = step(world)
history = []
world = parse("##\n##", 0, 0) | parse(".#.\n.#.\n.#.", 5, 2)
for gen in range(6):
    key = tuple(sorted(world))
    if key in history:
        print("cycle detected at generation", gen, "period", gen - history.index(key))
        break
    history.append(key)
    world = step(world)
print(sorted(world))

# Small sudoku solver (4x4 and 9x9) with backtracking and constraint sets.
def solve(grid, n):
    box = int(n ** 0.5)
    rows = [set() for _ in range(n)]
    cols = [set() for _ in range(n)]
    boxes = [set() for _ in range(n)]
    empty = []
    for r in range(n):
        for c in range(n):
            v = grid[r][c]
            b = (r // box) * box + c // box
            if v:
                rows[r].add(v)
                cols[c].add(v)
                boxes[b].add(v)
            else:
                empty.append((r, c, b))
    steps = 0
    def bt(i):
        nonlocal steps
        if i == len(empty):
            return True
        r, c, b = empty[i]
        for v in range(1, n + 1):
            if v not in rows[r] and v not in cols[c] and v not in boxes[b]:
                steps += 1
                grid[r][c] = v
                rows[r].add(v); cols[c].add(v); boxes[b].add(v)
                if bt(i + 1):
                    return True
                rows[r].discard(v); cols[c].discard(v); boxes[b].discard(v)
                grid[r][c] = 0
        return False
    ok = bt(0)
    return ok, steps

def parse(text):
    return [[int(ch) if ch.isdigit() else 0 for ch in line.strip()] for line in text.strip().splitlines()]

def show(grid):
    for row in grid:
        print(" ".join(str(v) if v else "." for v in row))

small = parse("""
1...
..2.
.3..
...4
""")
ok, steps = solve(small, 4)
print("4x4 solved:", ok, "steps:", steps)
show(small)
puzzle = parse("""
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
""")
ok, steps = solve(puzzle, 9)
print("9x9 solved:", ok, "steps:", steps)
show(puzzle)
print(all(sorted(row) == list(range(1, 10)) for row in puzzle),
      all(sorted(col) == list(range(1, 10)) for col in zip(*puzzle)))
bad = parse("""
11..
....
....
....
""")
print("contradictory:", solve(bad, 4))

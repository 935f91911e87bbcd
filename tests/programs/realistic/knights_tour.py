# Knight's tour with Warnsdorff's heuristic, knight distance by BFS, and attacked-square counting.
MOVES = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)]

def neighbours(x, y, n, visited=()):
    return [(x + dx, y + dy) for dx, dy in MOVES
            if 0 <= x + dx < n and 0 <= y + dy < n and (x + dx, y + dy) not in visited]

def tour(n, start):
    path = [start]
    visited = {start}
    while len(path) < n * n:
        options = neighbours(*path[-1], n, visited)
        if not options:
            return None
        nxt = min(options, key=lambda p: (len(neighbours(*p, n, visited)), p))
        path.append(nxt)
        visited.add(nxt)
    return path

def board(path, n):
    order = {p: i + 1 for i, p in enumerate(path)}
    w = len(str(n * n))
    return "\n".join(" ".join(str(order[(x, y)]).rjust(w) for x in range(n)) for y in range(n))

def distance(a, b, n=8):
    frontier, seen, d = [a], {a}, 0
    while frontier:
        if b in frontier:
            return d
        nxt = []
        for p in frontier:
            for q in neighbours(*p, n):
                if q not in seen:
                    seen.add(q)
                    nxt.append(q)
        frontier, d = nxt, d + 1
    return -1

for n, start in [(5, (0, 0)), (6, (0, 0)), (8, (0, 0)), (4, (0, 0))]:
    p = tour(n, start)
    if p is None:
        print(f"{n}x{n} from {start}: no tour found")
        continue
    closed = (p[-1][0] - p[0][0], p[-1][1] - p[0][1]) in MOVES
    print(f"{n}x{n} from {start}: complete, closed={closed}")
    print(board(p, n))
def valid(path, n):
    return len(set(path)) == n * n and all((b[0] - a[0], b[1] - a[1]) in MOVES for a, b in zip(path, path[1:]))
print(valid(tour(8, (0, 0)), 8), valid(tour(8, (3, 4)), 8))
print([distance((0, 0), t) for t in [(0, 0), (1, 2), (1, 1), (7, 7), (0, 1), (3, 3)]])
counts = [[len(neighbours(x, y, 8)) for x in range(8)] for y in range(8)]
print("\n".join("".join(map(str, row)) for row in counts), sum(map(sum, counts)))

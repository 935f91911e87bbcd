# Grid path problems: minimum path sum with reconstruction, counting paths with obstacles, Dijkstra on weights.
GRID = [
    [1, 3, 1, 2, 8],
    [1, 5, 1, 9, 1],
    [4, 2, 1, 1, 3],
    [7, 1, 9, 1, 1],
]

def min_path(grid):
    h, w = len(grid), len(grid[0])
    cost = [[0] * w for _ in range(h)]
    came = {}
    for r in range(h):
        for c in range(w):
            if r == 0 and c == 0:
                cost[r][c] = grid[r][c]
                continue
            options = []
            if r > 0:
                options.append((cost[r - 1][c], (r - 1, c)))
            if c > 0:
                options.append((cost[r][c - 1], (r, c - 1)))
            best, frm = min(options)
            cost[r][c] = best + grid[r][c]
            came[(r, c)] = frm
    path = [(h - 1, w - 1)]
    while path[-1] in came:
        path.append(came[path[-1]])
    return cost[h - 1][w - 1], path[::-1]

def count_paths(h, w, blocked):
    ways = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            if (r, c) in blocked:
                continue
            if r == 0 and c == 0:
                ways[r][c] = 1
            else:
                ways[r][c] = (ways[r - 1][c] if r else 0) + (ways[r][c - 1] if c else 0)
    return ways[h - 1][w - 1]

def dijkstra(grid, start, goal):
    h, w = len(grid), len(grid[0])
    dist = {start: grid[start[0]][start[1]]}
    done = set()
    prev = {}
    while True:
        frontier = [(d, p) for p, d in dist.items() if p not in done]
        if not frontier:
            return None, []
        d, p = min(frontier)
        if p == goal:
            break
        done.add(p)
        r, c = p
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < h and 0 <= nc < w and (nr, nc) not in done:
                nd = d + grid[nr][nc]
                if nd < dist.get((nr, nc), float("inf")):
                    dist[(nr, nc)] = nd
                    prev[(nr, nc)] = p
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    return dist[goal], path[::-1]

total, path = min_path(GRID)
print("right/down min path:", total, path)
total2, path2 = dijkstra(GRID, (0, 0), (3, 4))
print("any-direction min path:", total2, path2)
for r, row in enumerate(GRID):
    print(" ".join(f"[{v}]" if (r, c) in path2 else f" {v} " for c, v in enumerate(row)))
print(count_paths(3, 3, set()), count_paths(3, 7, set()), count_paths(3, 3, {(1, 1)}), count_paths(10, 10, set()))
print(count_paths(4, 4, {(0, 1), (1, 1), (2, 1)}), count_paths(2, 2, {(0, 1), (1, 0)}), count_paths(18, 18, {(9, 9)}))

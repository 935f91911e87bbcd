# Maze solving with BFS on a text grid; prints the path drawn on the maze.
MAZE = """\
###############
#S    #       #
# ### # ##### #
# #   #     # #
# # ####### # #
# #       # # #
# ####### # # #
#       # #   #
####### # ### #
#       #    E#
###############"""

def parse(text):
    grid = [list(line) for line in text.splitlines()]
    start = end = None
    for y, row in enumerate(grid):
        for x, ch in enumerate(row):
            if ch == "S":
                start = (x, y)
            elif ch == "E":
                end = (x, y)
    return grid, start, end

def bfs(grid, start, end):
    prev = {start: None}
    frontier = [start]
    explored = 0
    while frontier:
        nxt = []
        for (x, y) in frontier:
            explored += 1
            if (x, y) == end:
                path = []
                node = end
                while node:
                    path.append(node)
                    node = prev[node]
                return path[::-1], explored
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = x + dx, y + dy
                if grid[ny][nx] != "#" and (nx, ny) not in prev:
                    prev[(nx, ny)] = (x, y)
                    nxt.append((nx, ny))
        frontier = nxt
    return None, explored

grid, start, end = parse(MAZE)
print("start", start, "end", end, "size", len(grid[0]), "x", len(grid))
path, explored = bfs(grid, start, end)
print("path length", len(path) - 1, "explored", explored)
for (x, y) in path[1:-1]:
    grid[y][x] = "."
print("\n".join("".join(row) for row in grid))
moves = []
for (x1, y1), (x2, y2) in zip(path, path[1:]):
    moves.append({(1, 0): "R", (-1, 0): "L", (0, 1): "D", (0, -1): "U"}[(x2 - x1, y2 - y1)])
compressed = []
for m in moves:
    if compressed and compressed[-1][0] == m:
        compressed[-1][1] += 1
    else:
        compressed.append([m, 1])
print(" ".join(f"{m}{n}" for m, n in compressed))
blocked, s2, e2 = parse("#####\n#S#E#\n#####")
print(bfs(blocked, s2, e2))

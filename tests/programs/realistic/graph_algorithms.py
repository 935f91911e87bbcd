# Graph algorithms by hand: BFS, DFS, topological sort, Dijkstra, connected components.
EDGES = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3),
         ("E", "D", 4), ("D", "F", 11), ("G", "H", 1)]

def build(edges, directed=False):
    g = {}
    for u, v, w in edges:
        g.setdefault(u, []).append((v, w))
        g.setdefault(v, [])
        if not directed:
            g[v].append((u, w))
    return g

def bfs(g, start):
    seen = {start}
    order = []
    queue = [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt, _ in sorted(g[node]):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order

def dfs(g, start, seen=None):
    if seen is None:
        seen = []
    seen.append(start)
    for nxt, _ in sorted(g[start]):
        if nxt not in seen:
            dfs(g, nxt, seen)
    return seen

def dijkstra(g, src):
    dist = {n: float("inf") for n in g}
    prev = {}
    dist[src] = 0
    todo = set(g)
    while todo:
        u = min(todo, key=lambda n: (dist[n], n))
        todo.remove(u)
        if dist[u] == float("inf"):
            break
        for v, w in g[u]:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev

def path(prev, target):
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]

def components(g):
    seen = set()
    comps = []
    for n in sorted(g):
        if n not in seen:
            comp = bfs(g, n)
            seen.update(comp)
            comps.append(sorted(comp))
    return comps

def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for v, _ in g[n]:
            indeg[v] += 1
    ready = sorted(n for n in g if indeg[n] == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for v, _ in g[n]:
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
                ready.sort()
    if len(out) != len(g):
        raise ValueError("graph has a cycle")
    return out

g = build(EDGES)
print("bfs", bfs(g, "A"))
print("dfs", dfs(g, "A"))
dist, prev = dijkstra(g, "A")
for n in sorted(dist):
    print(n, dist[n], path(prev, n) if dist[n] != float("inf") else "unreachable")
print("components", components(g))
dg = build(EDGES, directed=True)
print("topo", topo(dg))
try:
    topo(build([("x", "y", 1), ("y", "z", 1), ("z", "x", 1)], directed=True))
except ValueError as e:
    print("ValueError:", e)

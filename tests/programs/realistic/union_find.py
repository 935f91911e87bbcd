# Union-find (disjoint sets) with path compression; Kruskal's MST and friend circles.
class DisjointSet:
    def __init__(self, items=()):
        self.parent = {}
        self.rank = {}
        self.size = {}
        for x in items:
            self.add(x)

    def add(self, x):
        if x not in self.parent:
            self.parent[x] = x
            self.rank[x] = 0
            self.size[x] = 1

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True

    def groups(self):
        out = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return sorted(sorted(g) for g in out.values())

ds = DisjointSet("abcdefgh")
for a, b in ["ab", "cd", "ef", "ac", "gh", "bd", "eh"]:
    print(a, b, "merged" if ds.union(a, b) else "already joined")
print(ds.groups(), ds.find("d") == ds.find("a"), ds.find("a") == ds.find("e"))
print(sorted((ds.find(x), ds.size[ds.find(x)]) for x in "aeg"))
edges = [(7, "A", "B"), (5, "A", "D"), (8, "B", "C"), (9, "B", "D"), (7, "B", "E"), (5, "C", "E"),
         (15, "D", "E"), (6, "D", "F"), (8, "E", "F"), (9, "E", "G"), (11, "F", "G")]
mst_set = DisjointSet("ABCDEFG")
mst = [(w, u, v) for w, u, v in sorted(edges) if mst_set.union(u, v)]
print("MST", mst, "weight", sum(w for w, _, _ in mst))
friends = [[1, 1, 0, 0, 0], [1, 1, 0, 0, 1], [0, 0, 1, 0, 0], [0, 0, 0, 1, 1], [0, 1, 0, 1, 1]]
circles = DisjointSet(range(5))
for i, row in enumerate(friends):
    for j, f in enumerate(row):
        if f and i < j:
            circles.union(i, j)
print("circles:", circles.groups())
grid = ["11000", "11011", "00100", "00011", "10001"]
land = DisjointSet((r, c) for r in range(5) for c in range(5) if grid[r][c] == "1")
for r in range(5):
    for c in range(5):
        if grid[r][c] == "1":
            for dr, dc in ((0, 1), (1, 0)):
                if (r + dr, c + dc) in land.parent:
                    land.union((r, c), (r + dr, c + dc))
islands = land.groups()
print(len(islands), "islands; sizes", sorted(len(i) for i in islands))

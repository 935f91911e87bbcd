# Nested containers: copying, aliasing, deep structures, equality.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
shallow = matrix[:]
shallow[0][0] = 100
shallow[1] = "replaced"
print(matrix, shallow)
def deep_copy(x):
    if isinstance(x, list):
        return [deep_copy(v) for v in x]
    if isinstance(x, dict):
        return {k: deep_copy(v) for k, v in x.items()}
    return x
config = {"db": {"hosts": ["a", "b"], "port": 5432}, "debug": [True]}
cp = deep_copy(config)
cp["db"]["hosts"].append("c")
print(config, cp)
print(config == deep_copy(config), config is deep_copy(config))
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}
def total(node):
    return node["value"] + sum(total(c) for c in node["children"])
def depth(node):
    return 1 + max((depth(c) for c in node["children"]), default=0)
print(total(tree), depth(tree))
grid = [["."] * 4 for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(r) for r in grid))
inventory = {"fruits": {"apple": 3, "pear": 0}, "veg": {"kale": 2}}
for cat, items in inventory.items():
    for name, qty in items.items():
        print(cat, name, qty)
print({k: sum(v.values()) for k, v in inventory.items()})
rec = []
rec.append(rec)
print(rec, len(rec), rec[0] is rec)
d = {}
d["self"] = d
print(d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)

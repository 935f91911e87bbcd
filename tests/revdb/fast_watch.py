class Node:
    def __init__(self, name, val):
        self.name = name
        self.val = val
        self.kids = []


root = Node("root", 0)
table = {"a": 1, "b": [1, 2], 7: "seven"}
items = [Node("n%d" % i, i) for i in range(4)]
for k in range(6):
    items[k % 4].val += k
    root.kids.append(items[k % 4])
    table["a"] = table["a"] * 2
    table[7] = None if k % 2 else "odd"
    if k == 3:
        root.name = "ROOT"
        items.pop()
        del table["b"]
items[-1].val = 2.5
print(root.name, len(root.kids))

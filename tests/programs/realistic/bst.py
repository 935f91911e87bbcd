# A binary search tree with insert, delete, traversal generators, height and __repr__.
class BST:
    class _Node:
        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.count = 0

    def __setitem__(self, key, val):
        def ins(node):
            if node is None:
                self.count += 1
                return BST._Node(key, val)
            if key < node.key:
                node.left = ins(node.left)
            elif key > node.key:
                node.right = ins(node.right)
            else:
                node.val = val
            return node
        self.root = ins(self.root)

    def __getitem__(self, key):
        node = self.root
        while node:
            if key == node.key:
                return node.val
            node = node.left if key < node.key else node.right
        raise KeyError(key)

    def __delitem__(self, key):
        def delete(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = delete(node.left, key)
            elif key > node.key:
                node.right = delete(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.val = succ.key, succ.val
                node.right = delete(node.right, succ.key)
            return node
        self.root = delete(self.root, key)
        self.count -= 1

    def __len__(self):
        return self.count

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def __iter__(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return walk(self.root)

    def preorder(self):
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            yield n.key
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)

    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)

    def __repr__(self):
        def r(n):
            if n is None:
                return "."
            if n.left is None and n.right is None:
                return str(n.key)
            return f"({r(n.left)} {n.key} {r(n.right)})"
        return r(self.root)

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t[k] = f"v{k}"
print(t, len(t), t.height())
print(list(t), list(t.preorder()))
print(t[40], 65 in t, 99 in t)
t[40] = "updated"
print(t[40], len(t))
for k in [20, 30, 50]:
    del t[k]
    print("deleted", k, "->", t, len(t))
try:
    del t[1234]
except KeyError as e:
    print("KeyError:", e)
try:
    t[1]
except KeyError as e:
    print("KeyError:", e)
words = BST()
for w in "pear apple fig banana cherry apple kiwi".split():
    words[w] = words[w] + 1 if w in words else 1
print(list(words), [(w, words[w]) for w in words], words.height())

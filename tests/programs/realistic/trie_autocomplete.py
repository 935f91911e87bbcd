# A trie for autocomplete with counts, prefix search, deletion and longest common prefix.
class TrieNode:
    __slots__ = ("children", "count", "end")

    def __init__(self):
        self.children = {}
        self.count = 0
        self.end = 0

class Trie:
    def __init__(self, words=()):
        self.root = TrieNode()
        self.words = 0
        for w in words:
            self.insert(w)

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, TrieNode())
            node.count += 1
        node.end += 1
        self.words += 1

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def __contains__(self, word):
        node = self._find(word)
        return bool(node and node.end)

    def count_prefix(self, prefix):
        node = self._find(prefix)
        return node.count if node else 0

    def complete(self, prefix, limit=None):
        node = self._find(prefix)
        results = []
        def walk(n, acc):
            if n.end:
                results.append((acc, n.end))
            for ch in sorted(n.children):
                walk(n.children[ch], acc + ch)
        if node:
            walk(node, prefix)
        results.sort(key=lambda r: (-r[1], r[0]))
        return results[:limit] if limit else results

    def delete(self, word):
        if word not in self:
            raise KeyError(word)
        node = self.root
        for ch in word:
            child = node.children[ch]
            child.count -= 1
            if child.count == 0:
                del node.children[ch]
                break
            node = child
        else:
            node.end -= 1
        self.words -= 1

    def longest_common_prefix(self):
        node, prefix = self.root, ""
        while len(node.children) == 1 and not node.end:
            ch, node = next(iter(node.children.items()))
            prefix += ch
        return prefix

corpus = ("the then there these they them theory thermal theme tea teach team tear "
          "the the then there to too tool toolbox top").split()
t = Trie(corpus)
print(t.words, "words inserted")
for p in ["th", "the", "tea", "to", "x", ""]:
    print(repr(p), t.count_prefix(p), t.complete(p, limit=5))
print("there" in t, "ther" in t, "toolbox" in t)
t.delete("toolbox")
t.delete("the")
print(t.complete("to"), t.complete("the", 3), t.words)
try:
    t.delete("nope")
except KeyError as e:
    print("KeyError:", e)
print(repr(Trie(["interview", "internet", "interval", "internal"]).longest_common_prefix()),
      repr(Trie(["a", "b"]).longest_common_prefix()), repr(Trie(["same", "same"]).longest_common_prefix()))

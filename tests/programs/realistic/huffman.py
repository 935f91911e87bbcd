# Huffman compression: build a tree with a hand-written heap, encode and decode a message.
class Leaf:
    def __init__(self, ch, freq):
        self.ch, self.freq = ch, freq

class Internal:
    def __init__(self, left, right):
        self.left, self.right = left, right
        self.freq = left.freq + right.freq

def heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i and heap[(i - 1) // 2][:2] > heap[i][:2]:
        heap[i], heap[(i - 1) // 2] = heap[(i - 1) // 2], heap[i]
        i = (i - 1) // 2

def heap_pop(heap):
    top = heap[0]
    last = heap.pop()
    if heap:
        heap[0] = last
        i = 0
        while True:
            l, r, s = 2 * i + 1, 2 * i + 2, i
            if l < len(heap) and heap[l][:2] < heap[s][:2]:
                s = l
            if r < len(heap) and heap[r][:2] < heap[s][:2]:
                s = r
            if s == i:
                break
            heap[i], heap[s] = heap[s], heap[i]
            i = s
    return top

def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    heap = []
    seq = 0
    for ch, f in sorted(freq.items()):
        heap_push(heap, (f, seq, Leaf(ch, f)))
        seq += 1
    while len(heap) > 1:
        f1, _, a = heap_pop(heap)
        f2, _, b = heap_pop(heap)
        heap_push(heap, (f1 + f2, seq, Internal(a, b)))
        seq += 1
    return heap[0][2], freq

def codes(node, prefix="", table=None):
    if table is None:
        table = {}
    if isinstance(node, Leaf):
        table[node.ch] = prefix or "0"
    else:
        codes(node.left, prefix + "0", table)
        codes(node.right, prefix + "1", table)
    return table

def decode(bits, root):
    out = []
    node = root
    for b in bits:
        node = node.left if b == "0" else node.right
        if isinstance(node, Leaf):
            out.append(node.ch)
            node = root
    return "".join(out)

text = "this is an example of a huffman tree"
root, freq = build(text)
table = codes(root)
for ch in sorted(table, key=lambda c: (len(table[c]), c)):
    print(repr(ch), freq[ch], table[ch])
encoded = "".join(table[ch] for ch in text)
print(len(encoded), "bits vs", len(text) * 8, "uncompressed")
print(encoded[:64])
print(decode(encoded, root) == text)
packed = int(encoded, 2).to_bytes((len(encoded) + 7) // 8, "big")
print(packed.hex())
for sample in ["aaaa", "ab", "mississippi river"]:
    r, _ = build(sample)
    t = codes(r)
    e = "".join(t[c] for c in sample)
    print(sample, sorted(t.items()), e, decode(e, r) if len(t) > 1 else sample)

# A singly linked list class with __iter__, __len__, __getitem__, __repr__, reverse, and sorting.
class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self.size = 0
        for v in reversed(list(iterable)):
            self.push_front(v)

    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1

    def append(self, v):
        node = Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("linked list index out of range")
        for j, v in enumerate(self):
            if j == i:
                return v

    def __contains__(self, v):
        return any(x == v for x in self)

    def __repr__(self):
        return "LinkedList([" + " -> ".join(repr(v) for v in self) + "])"

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.value == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{v!r} not in list")

    def sorted(self):
        def merge(a, b):
            out = []
            while a and b:
                out.append(a.pop(0) if a[0] <= b[0] else b.pop(0))
            return out + a + b
        def msort(xs):
            if len(xs) <= 1:
                return xs
            mid = len(xs) // 2
            return merge(msort(xs[:mid]), msort(xs[mid:]))
        return LinkedList(msort(list(self)))

ll = LinkedList([3, 1, 4, 1, 5])
ll.append(9)
ll.push_front(2)
print(ll, len(ll), ll[0], ll[-1], 4 in ll, 7 in ll)
ll.reverse()
print(ll)
ll.remove(1)
ll.remove(2)
print(ll, len(ll))
try:
    ll.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
print(ll.sorted(), list(ll.sorted()) == sorted(ll), ll == LinkedList([9, 5, 1, 4, 3]))
empty = LinkedList()
print(empty, len(empty), list(empty), bool(empty))
words = LinkedList("the quick brown fox".split())
print(words.sorted(), [w.upper() for w in words], max(words, key=len))

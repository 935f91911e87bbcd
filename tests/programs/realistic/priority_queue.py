# A binary heap priority queue implemented by hand, used for task scheduling.
class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0

    def __len__(self):
        return len(self.heap)

    def push(self, priority, item):
        entry = (priority, self.counter, item)
        self.counter += 1
        self.heap.append(entry)
        self._sift_up(len(self.heap) - 1)

    def pop(self):
        if not self.heap:
            raise IndexError("pop from empty priority queue")
        top = self.heap[0]
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            self._sift_down(0)
        return top[0], top[2]

    def peek(self):
        return self.heap[0][0], self.heap[0][2]

    def _sift_up(self, i):
        while i > 0:
            parent = (i - 1) // 2
            if self.heap[i] < self.heap[parent]:
                self.heap[i], self.heap[parent] = self.heap[parent], self.heap[i]
                i = parent
            else:
                break

    def _sift_down(self, i):
        n = len(self.heap)
        while True:
            left, right = 2 * i + 1, 2 * i + 2
            smallest = i
            if left < n and self.heap[left] < self.heap[smallest]:
                smallest = left
            if right < n and self.heap[right] < self.heap[smallest]:
                smallest = right
            if smallest == i:
                return
            self.heap[i], self.heap[smallest] = self.heap[smallest], self.heap[i]
            i = smallest

pq = PriorityQueue()
tasks = [(3, "write report"), (1, "fix outage"), (2, "review PR"), (1, "call customer"),
         (5, "refactor"), (2, "deploy"), (4, "lunch")]
for p, t in tasks:
    pq.push(p, t)
print(len(pq), pq.peek())
order = []
while pq:
    order.append(pq.pop())
print(order)
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)
def heap_sort(values):
    q = PriorityQueue()
    for v in values:
        q.push(v, v)
    return [q.pop()[1] for _ in range(len(values))]
data = [37, 5, 99, -4, 12, 5, 0, 64, 23, 8, 8, 71]
print(heap_sort(data), heap_sort(data) == sorted(data))
time = 0
events = PriorityQueue()
for name, start, dur in [("A", 0, 5), ("B", 2, 3), ("C", 1, 7), ("D", 6, 1)]:
    events.push(start, ("start", name, dur))
while events:
    time, (kind, name, dur) = events.pop()
    print(f"t={time:2} {kind:5} {name}")
    if kind == "start":
        events.push(time + dur, ("end", name, 0))

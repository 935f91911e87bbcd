import queue
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full

q = Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
print([q.get() for _ in range(3)], q.get_nowait(), q.qsize())
q.task_done()
q.task_done()
print(q.unfinished_tasks, list(q.queue))

lq = LifoQueue()
for c in "abc":
    lq.put(c)
print([lq.get() for _ in range(3)], lq.empty())

pq = PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
    pq.put(item)
print([pq.get() for _ in range(4)])

sq = SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())

bounded = Queue(maxsize=2)
bounded.put("x")
bounded.put_nowait("y")
print(bounded.full(), bounded.qsize())
try:
    bounded.put("z", block=False)
except Full:
    print("Full raised")
try:
    bounded.put_nowait("z")
except queue.Full as e:
    print("Full again", repr(e))
for qq in (Queue(), LifoQueue(), PriorityQueue(), SimpleQueue()):
    try:
        qq.get(block=False)
    except Empty as e:
        print(type(qq).__name__, "Empty", repr(e))
    try:
        qq.get_nowait()
    except queue.Empty:
        print("get_nowait Empty")
try:
    Queue().get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    Queue(1).task_done()
except ValueError as e:
    print("ValueError:", e)
try:
    Queue().get(timeout=0)
except Empty:
    print("timeout 0: Empty")
try:
    bounded.put(1, timeout=0.0)
except Full:
    print("timeout 0: Full")
print(issubclass(Empty, Exception), Empty.__module__, Full.__module__)

# Breadth-first search with a queue, as scripts do.
graph = {"A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": []}
seen, order, work = {"A"}, [], Queue()
work.put("A")
while not work.empty():
    node = work.get()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            work.put(nxt)
print(order)
done = Queue()
done.put(1)
done.get()
done.task_done()
done.join()
print("joined")

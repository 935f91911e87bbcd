# queue: producer/consumer, task_done/join, LifoQueue, PriorityQueue, SimpleQueue,
# Empty and Full.
import queue
import threading

q = queue.Queue()
results = []

def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * item)
        q.task_done()

ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for i in range(20):
    q.put(i)
q.join()
print("squares", sorted(results))
for _ in ws:
    q.put(None)
for w in ws:
    w.join()
print("empty", q.empty(), q.qsize())

bq = queue.Queue(maxsize=2)
bq.put(1)
bq.put(2)
print("full", bq.full())
try:
    bq.put(3, block=False)
except queue.Full:
    print("Full raised")
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(bq.get(), bq.get())
try:
    bq.get_nowait()
except queue.Empty:
    print("Empty raised")
try:
    bq.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")

# A bounded queue between a producer and a consumer: order is kept.
pipe = queue.Queue(maxsize=3)
got = []
def produce():
    for i in range(10):
        pipe.put(i)
    pipe.put("end")
def consume():
    while (x := pipe.get()) != "end":
        got.append(x)
p, c = threading.Thread(target=produce), threading.Thread(target=consume)
c.start(); p.start(); p.join(); c.join()
print("pipe", got)

lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print("lifo", [lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3]:
    pq.put((x, str(x)))
print("priority", [pq.get()[1] for _ in range(5)])
sq = queue.SimpleQueue()
sq.put("a"); sq.put("b")
print("simple", sq.get(), sq.get(), sq.empty(), type(sq).__name__)
print(queue.Empty.__module__, queue.Empty.__name__)

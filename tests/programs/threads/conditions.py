# Condition, Event, Semaphore, BoundedSemaphore, Barrier: results that do not depend
# on the schedule.
import threading

items = []
cond = threading.Condition()

def consumer(out):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        out.append(sum(items))

out = []
c = threading.Thread(target=consumer, args=(out,))
c.start()
for i in range(1, 4):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print("consumer saw", out)

with cond:
    print("wait timeout ->", cond.wait(timeout=0.01))

ev = threading.Event()
seen = []
def waiter(i):
    ev.wait()
    seen.append(i)
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for w in ws:
    w.start()
print("before set", seen, ev.is_set())
ev.set()
for w in ws:
    w.join()
print("after set", sorted(seen), ev.is_set())
ev.clear()
print("wait(0.01) ->", ev.wait(0.01))

sem = threading.Semaphore(2)
active = [0]
peak = [0]
def limited():
    with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        for _ in range(1000):
            pass
        active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
[t.start() for t in ts]
[t.join() for t in ts]
print("peak <= 2:", peak[0] <= 2)

bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
print("sem acquire nb", threading.Semaphore(0).acquire(blocking=False))

barrier = threading.Barrier(3)
phases = []
def party(i):
    phases.append(("a", i))
    barrier.wait()
    phases.append(("b", i))
ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
[p.start() for p in ps]
[p.join() for p in ps]
firsts = [p[0] for p in phases]
print("all a before b:", firsts == ["a"] * 3 + ["b"] * 3)
print("barrier", barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)

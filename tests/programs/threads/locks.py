# Lock, RLock, with-statements and a counter guarded by a lock: the total is exact.
import threading

counter = 0
lock = threading.Lock()

def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=add, args=(20000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

print(lock.locked(), lock.acquire(), lock.locked())
print("non-blocking", lock.acquire(blocking=False))
print("timeout", lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)

r = threading.RLock()
with r:
    with r:
        print("rlock nested ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

def rec(n):
    with r:
        return 0 if n == 0 else 1 + rec(n - 1)
print("recursive", rec(5))

# Two threads taking two locks in the same order never deadlock.
a, b = threading.Lock(), threading.Lock()
done = []
def both(name):
    for _ in range(100):
        with a:
            with b:
                pass
    done.append(name)
ts = [threading.Thread(target=both, args=(n,)) for n in "xy"]
[t.start() for t in ts]
[t.join() for t in ts]
print(sorted(done))

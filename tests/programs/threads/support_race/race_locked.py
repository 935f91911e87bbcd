# The same read-modify-write under a lock: no chaos seed loses an update.
import threading
counter = 0
lock = threading.Lock()
def bump(n):
    global counter
    for _ in range(n):
        with lock:
            tmp = counter
            counter = tmp + 1
ts = [threading.Thread(target=bump, args=(200,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)

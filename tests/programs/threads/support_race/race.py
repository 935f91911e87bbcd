# A lost-update race: read, switch, write. Some chaos seeds lose updates.
import threading
counter = 0
def bump(n):
    global counter
    for _ in range(n):
        tmp = counter
        counter = tmp + 1
ts = [threading.Thread(target=bump, args=(200,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)

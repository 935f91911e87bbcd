# An exception in a thread goes to threading.excepthook; the thread ends, the others
# go on; the program's exit status is not changed by it.
import threading

def hook(args):
    print("hook:", args.thread.name, args.exc_type.__name__, args.exc_value)

threading.excepthook = hook

def boom(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    print("fine", n)

for i in range(4):
    t = threading.Thread(target=boom, args=(i,), name=f"T{i}")
    t.start()
    t.join()

def exits():
    raise SystemExit(3)
t = threading.Thread(target=exits)
t.start()
t.join()
print("SystemExit in a thread is silent")

threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)

def worker_error():
    try:
        {}["missing"]
    except KeyError as e:
        print("caught in thread", repr(e))
w = threading.Thread(target=worker_error)
w.start()
w.join()
print("main done")

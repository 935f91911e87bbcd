# Thread objects: names, idents, is_alive, join with a timeout, daemon, current_thread,
# main_thread, enumerate, active_count, local, Timer, get_ident.
import threading
import time

main = threading.current_thread()
print(main.name, main is threading.main_thread(), main.daemon)
print(threading.get_ident() == main.ident, threading.active_count())

def slow():
    time.sleep(0.05)

t = threading.Thread(target=slow, name="slowpoke")
print(repr(t.name), t.is_alive(), t.ident is None)
t.start()
print("alive", t.is_alive(), t.ident is not None, t.ident != main.ident)
t.join(timeout=0.001)
print("still alive after short join", t.is_alive())
t.join()
print("alive after join", t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=slow).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))

ws = [Worker(n) for n in (10, 100, 1000)]
[w.start() for w in ws]
[w.join() for w in ws]
print([(w.name, w.result) for w in ws])

ev = threading.Event()
def named():
    print("in", threading.current_thread().name, threading.active_count())
    print(sorted(th.name for th in threading.enumerate()))
    ev.set()
n = threading.Thread(target=named, name="Named")
n.start()
ev.wait()
n.join()
print("after", threading.active_count(), [th.name for th in threading.enumerate()])

data = threading.local()
data.x = "main"
out = []
def use_local(v):
    data.x = v
    time.sleep(0.001)
    out.append((v, data.x))
ls = [threading.Thread(target=use_local, args=(v,)) for v in "abc"]
[l.start() for l in ls]
[l.join() for l in ls]
print(sorted(out), data.x)

fired = []
tm = threading.Timer(0.01, fired.append, args=("timer",))
tm.start()
tm.join()
print(fired)
tc = threading.Timer(10, fired.append, args=("never",))
tc.start()
tc.cancel()
tc.join()
print(fired, tc.is_alive())

d = threading.Thread(target=time.sleep, args=(100,), daemon=True)
d.start()
print("daemon", d.daemon, d.is_alive())
print("end of main")

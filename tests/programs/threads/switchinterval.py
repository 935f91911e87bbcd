# sys.setswitchinterval / getswitchinterval: the value round-trips in microseconds,
# bad values are refused, and threads still interleave correctly with a short
# interval (a locked counter is exact).
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(1e-9)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0123456789)
print(sys.getswitchinterval())
for bad in (0, -1, "x", -0.5):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setswitchinterval(0.0001)
lock = threading.Lock()
count = 0


def work():
    global count
    for _ in range(2000):
        with lock:
            count += 1


ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count, sys.getswitchinterval())

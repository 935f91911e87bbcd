# concurrent.futures.ThreadPoolExecutor: submit, map, as_completed, wait, exceptions,
# callbacks, shutdown.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
import concurrent.futures as cf

def square(x):
    return x * x

def fail(x):
    raise ValueError(f"bad {x}")

with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(square, i) for i in range(8)]
    print("results", [f.result() for f in futs])
    print("map", list(ex.map(square, range(5))))
    done = sorted(f.result() for f in as_completed(futs))
    print("as_completed", done)
    f = ex.submit(fail, 7)
    try:
        f.result()
    except ValueError as e:
        print("raised", e, f.exception())
    print("done()", f.done(), f.cancelled())
    seen = []
    g = ex.submit(square, 9)
    g.add_done_callback(lambda fut: seen.append(fut.result()))
    d, nd = wait([g])
    print("wait", len(d), len(nd))
print("callback", seen)

ex = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool")
names = sorted(set(ex.map(lambda _: __import__("threading").current_thread().name.split("_")[0], range(4))))
print("names", names)
ex.shutdown(wait=True)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

fut = cf.Future()
print(fut.done(), fut.cancel(), fut.cancelled())
try:
    fut.result()
except cf.CancelledError:
    print("CancelledError")

# After sys.stdout.close() (or leaving `with sys.stdout:`), writes, flushes and
# print() raise ValueError, as CPython's streams.
import sys

with sys.stdout as f:
    f.write("inside\n")
print(sys.stdout.closed, file=sys.stderr)
for attempt in (lambda: print("lost"), lambda: sys.stdout.write("lost"),
                lambda: sys.stdout.flush(), lambda: print("x", file=sys.stdout)):
    try:
        attempt()
    except ValueError as e:
        print("ValueError:", e, file=sys.stderr)
print("the end")

# sys.exit with an integer status.
import sys
print("before exit")
def finish(code):
    print("exiting with", code)
    sys.exit(code)
try:
    finish(3)
finally:
    print("finally still runs")
print("not reached")

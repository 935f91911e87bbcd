# Without sys.excepthook the uncaught exception is still printed, after a note.
import sys

del sys.excepthook
try:
    sys.__excepthook__(ValueError, "not an exception", None)
except TypeError as e:
    print("TypeError:", e)
sys.__excepthook__(ValueError, ValueError("printed by the default hook"), None)
print("still running")
raise ValueError(3)

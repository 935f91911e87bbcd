# The program waits for its non-daemon threads at the end; daemon threads are left
# behind (a daemon waiting forever does not hold the program).
import threading
import time

forever = threading.Event()

def daemon_work():
    forever.wait()
    print("never printed")

def late():
    time.sleep(0.02)
    print("late thread finishes after the main code")

threading.Thread(target=daemon_work, daemon=True).start()
threading.Thread(target=late).start()
print("main code ends")

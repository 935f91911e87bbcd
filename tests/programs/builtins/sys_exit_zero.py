# sys.exit(0) and sys.exit(None) end the program successfully.
import sys
print("start")
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
print("continuing")
sys.exit()
print("not reached")

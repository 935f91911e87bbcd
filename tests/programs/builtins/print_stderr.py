# Output to stderr in a successful program (expected stderr is recorded too).
import sys
print("stdout line 1")
print("stderr line 1", file=sys.stderr)
print("stdout line 2")
print("written to stderr", file=sys.stderr)
print("written to stdout", file=sys.stdout)
print("warn:", 42, sep=" ", file=sys.stderr)
print(len(sys.argv), sys.argv[0])

# Output on both streams, then exit status 2 via SystemExit raised directly.
import sys
print("stdout before")
print("stderr before", file=sys.stderr)
raise SystemExit(2)

# OSError's subclasses, and the one OSError(errno, msg) makes for each errno.
import builtins
import errno
import sys

names = ["BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError",
         "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
         "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError",
         "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError"]
for n in names:
    cls = getattr(builtins, n)
    print(n, [b.__name__ for b in cls.__mro__[1:-2]])
for code in ["EAGAIN", "ECHILD", "EPIPE", "ECONNABORTED", "ECONNREFUSED", "ECONNRESET",
             "EEXIST", "ENOENT", "EINTR", "EISDIR", "ENOTDIR", "EACCES", "EPERM", "ESRCH",
             "ETIMEDOUT", "EINVAL"]:
    e = OSError(getattr(errno, code), "message")
    print(code, type(e).__name__, e.errno, e)
try:
    raise BrokenPipeError(errno.EPIPE, "Broken pipe")
except ConnectionError as e:
    print("caught", type(e).__name__, e.errno, e.strerror)

# The console streams as a program sees them when its output is piped.
out = sys.stdout
print(out.mode, out.closed, out.fileno(), out.readable(), out.writable(),
      sys.stdin.readable(), sys.stderr.fileno())
print(hasattr(out, "__enter__"), hasattr(out, "__exit__"))

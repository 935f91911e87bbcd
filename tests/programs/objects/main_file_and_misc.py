import os
import sys

# pow with a negative modulus: the result has the modulus's sign
print(pow(3, 2, -7), pow(-3, 5, -7), pow(2, -1, -7), pow(5, 0, -3), pow(10, 3, -1000), pow(7, 2, 7))
print(pow(2, 100, -97), pow(-2, 101, 97))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
# %* widths and precisions
print("%*d|%-*d|%.*f|%*.*f|%*s|" % (5, 42, 4, 7, 2, 3.14159, 8, 3, 2.5, -6, "ab"))
try:
    "%*d" % ("x", 3)
except TypeError as e:
    print("TypeError:", e)
# sys.implementation
print(hasattr(sys.implementation, "cache_tag"), type(sys.implementation.name).__name__)
print(sys.implementation.version[:2] == sys.version_info[:2])
# __file__ of the main script is absolute
print(os.path.isabs(__file__), os.path.basename(__file__))
here = os.path.dirname(__file__)
with open(os.path.join(here, "main_file_and_misc.py")) as f:
    print(f.readline().rstrip())
# chained `in`
print(1 in [1] in [[1]], 1 in [2] in [[1]], 2 not in [1] in [[1]])

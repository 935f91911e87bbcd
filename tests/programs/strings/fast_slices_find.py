# Slices of lists, tuples, str (ASCII and not), bytes and slice assignment
# (fast paths with step 1 and the general ones), find/count/startswith bounds
# past the end, split separators, and their errors.
import itertools
L = list(range(7)); T = tuple(L); S = "abcdefg"; U = "aé€𝄞bcd"; B = b"abcdefg"
vals = [None, -9, -3, -1, 0, 1, 2, 5, 9]
steps = [None, -3, -2, -1, 1, 2, 3]
out = []
for a in vals:
    for b in vals:
        for c in steps:
            sl = slice(a, b, c)
            out.append((L[sl], T[sl], S[sl], U[sl], B[sl]))
print(len(str(out)), str(out)[:300])
print(T[:] is T, S[:] is S, T[0:7] is T, S[0:100] is S, L[:] is L)
class MyT(tuple): pass
class MyS(str): pass
m = MyT((1,2)); ms = MyS("ab")
print(type(m[:]), m[:] is m, type(ms[:]), ms[:] is ms)
for a in vals:
    for b in vals:
        for c in steps:
            l = list(range(7))
            try:
                l[a:b:c] = ["x", "y"]
                out.append(l)
            except ValueError as e:
                out.append(str(e))
print(str(out)[-400:])
import sys
print(len(str(out)))
class Idx:
    def __init__(s, v): s.v = v
    def __index__(s):
        L2.append(1); return s.v
L2 = [0,1,2]
print(L2[Idx(0):Idx(10)])
L2 = [0,1,2]
L2[Idx(0):Idx(10)] = [9]
print(L2)
try:
    L[1:2:0]
except ValueError as e: print(e)
try:
    L["a":2]
except TypeError as e: print(e)
print("abcab".find("b"), "abcab".rfind("b"), "abcab".find("ab", 1), "abcab".rfind("ab", 0, 4), "é€ab€".find("€", 2), "é€ab€".rfind("€"), "é€ab€".find("ab"), "x".find(""), "abc".find("", 5), "abc".rfind(""))
print("abcab".count("ab"), "é€ab€".count("€", 1, 3), "ab".count(""), "é€".count(""), "é€ab€".count("", 2))
print("abc".startswith("ab"), "abc".startswith(("x","b"), 1), "é€ab".endswith("ab", 0, 4), "é€ab".startswith("€", 1), "abc".endswith(("c",)))
print("a,b,,c".split(","), " a  b c ".split(), "a b c".rsplit(None, 1), "a,b,c".rsplit(",", 1), "a\u3000b".split(), "x".split("x"))
try: "a".split("")
except ValueError as e: print(e)
try: "a".find(3)
except TypeError as e: print(e)
try: "a".startswith(3)
except TypeError as e: print(e)

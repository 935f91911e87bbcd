# exec/eval honour `__builtins__` in the globals they are given (a dict or a module).
import builtins

g = {"__builtins__": {"len": len, "print": print}}
exec("print(len('abc'))", g)
for src in ["abs(-1)", "len([1, 2])"]:
    try:
        print(eval(src, {"__builtins__": {"len": len}}))
    except NameError as e:
        print("NameError:", e)
exec("print(abs(-2))", {"__builtins__": builtins})
exec("print(max(3, 4))", {})
ns = {}
exec("def f():\n    return min(5, 6)\n", ns)
print(ns["f"](), type(ns["__builtins__"]).__name__)
try:
    exec("def h():\n    return sorted([2, 1])\nprint(h())", {"__builtins__": {"print": print}})
except NameError as e:
    print("NameError:", e)
print(len("still fine here"))

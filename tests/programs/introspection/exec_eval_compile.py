x = 5
print(eval("x + 1"))
exec("y = x * 2")
print(y)
exec("print(__name__, x)")
print(eval("[i * i for i in range(4)]"))
g = {}
exec("a = 1\ndef f(): return a + 1\nb = f()", g)
print(sorted(k for k in g if k != '__builtins__'), g['b'], type(g['__builtins__']).__name__)
l = {}
exec("z = 3", g, l)
print(l, 'z' in g)
c = compile("1 + 2", "<expr>", "eval")
print(type(c).__name__, eval(c))
c = compile("for i in range(2): print(i)", "<s>", "exec")
exec(c)
exec(compile("1+1", "<s>", "single"))
exec(compile("None", "<s>", "single"))
def f():
    q = 7
    return eval("q * 2")
print(f())
for src, mode in [("1+", "exec"), ("def f(:\n  pass", "exec"), ("a b", "eval")]:
    try:
        compile(src, "dir/f.py", mode)
    except SyntaxError as e:
        print(type(e).__name__, str(e), e.args, repr(e.text), e.lineno, e.offset, e.filename, e.msg)
for bad in ["compile('x', 'f', 'bad')", "exec(42)", "eval(42)", "eval('x', 1)", "eval('x', {}, 1)", "exec('x', None, 1)", "compile(1, 'f', 'exec')", "eval('x', [])", "exec('x', [])"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
import sys, io
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
exec(compile("40 + 2", "<s>", "single"))
v = sys.stdout.getvalue()
sys.stdout = old
print(repr(v))
print(eval("  1 + 1"))
def outer():
    k = 1
    def inner(): return k
    return inner
try:
    exec(outer().__code__)
except TypeError as e:
    print(e)
exec("1+")

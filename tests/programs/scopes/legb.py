# LEGB name resolution: local, enclosing, global, builtin.
x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        x = "local x"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing()
print(outer())
def reads_global():
    return x
print(reads_global())
def shadow_builtin():
    len = lambda s: "shadowed len"
    return len("abc")
print(shadow_builtin(), len("abc"))
print = print
def uses_builtin_print():
    print("builtins still reachable")
uses_builtin_print()
def make():
    y = 1
    def a():
        def b():
            def c():
                return y
            return c()
        return b()
    return a()
print(make())
sum = lambda v: "module-level sum shadows builtin"
print(sum([1, 2]))
del sum
print(sum([1, 2]))
def param_shadows(x):
    return x
print(param_shadows("param"), x)
def later_global():
    return defined_after_function
defined_after_function = "resolved at call time"
print(later_global())

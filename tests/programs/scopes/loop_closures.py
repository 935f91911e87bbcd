# Closures capturing loop variables: late binding and fixes.
callbacks = []
for i in range(3):
    callbacks.append(lambda: i)
print([cb() for cb in callbacks])
i = 100
print([cb() for cb in callbacks])
callbacks = []
for i in range(3):
    callbacks.append(lambda i=i: i)
print([cb() for cb in callbacks])
def make_multipliers():
    return [lambda x: x * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])
def make_multipliers_fixed():
    def factory(k):
        return lambda x: x * k
    return [factory(k) for k in range(1, 4)]
print([m(10) for m in make_multipliers_fixed()])
def counter_per_iteration():
    fs = []
    for name in ["a", "b"]:
        count = 0
        def bump(name=name):
            nonlocal count
            count += 1
            return name, count
        fs.append(bump)
    return fs
fa, fb = counter_per_iteration()
print(fa(), fa(), fb(), fa())
handlers = {}
for event in ["click", "key"]:
    def handler(e=event):
        return "handled " + e
    handlers[event] = handler
print(handlers["click"](), handlers["key"]())
gens = [(lambda: j) for j in range(2)]
print([g() for g in gens])

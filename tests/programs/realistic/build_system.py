# A make-like build system: targets with dependencies, topological order, incremental rebuilds, cycles.
class BuildError(Exception):
    pass

class Target:
    def __init__(self, name, deps=(), action=None):
        self.name = name
        self.deps = list(deps)
        self.action = action or (lambda inputs: "+".join(inputs) or name)

class Builder:
    def __init__(self):
        self.targets = {}
        self.sources = {}
        self.cache = {}
        self.log = []

    def rule(self, name, deps=(), action=None):
        self.targets[name] = Target(name, deps, action)

    def source(self, name, content):
        self.sources[name] = content

    def order(self, goal):
        result, state = [], {}
        def visit(n, path):
            if state.get(n) == "done":
                return
            if state.get(n) == "active":
                raise BuildError("dependency cycle: " + " -> ".join(path + [n]))
            state[n] = "active"
            if n in self.targets:
                for d in self.targets[n].deps:
                    visit(d, path + [n])
            elif n not in self.sources:
                raise BuildError(f"no rule to make {n!r} (needed by {path[-1] if path else 'command line'!r})")
            state[n] = "done"
            result.append(n)
        visit(goal, [])
        return result

    def build(self, goal):
        built = []
        for n in self.order(goal):
            if n in self.sources:
                continue
            t = self.targets[n]
            inputs = [self.sources[d] if d in self.sources else self.cache[d][0] for d in t.deps]
            key = tuple(inputs)
            if n in self.cache and self.cache[n][1] == key:
                self.log.append(f"up to date: {n}")
                continue
            out = t.action(inputs)
            self.cache[n] = (out, key)
            built.append(n)
            self.log.append(f"built {n} -> {out!r}")
        return built

b = Builder()
b.source("main.c", "MAIN")
b.source("util.c", "UTIL")
b.source("util.h", "H")
b.rule("main.o", ["main.c", "util.h"], lambda ins: "obj(" + ",".join(ins) + ")")
b.rule("util.o", ["util.c", "util.h"], lambda ins: "obj(" + ",".join(ins) + ")")
b.rule("app", ["main.o", "util.o"], lambda ins: "link[" + " ".join(ins) + "]")
b.rule("docs", ["README"])
b.rule("all", ["app", "test"])
b.rule("test", ["app"], lambda ins: f"tested {len(ins[0])} bytes")
print("order:", b.order("all"))
print("first build:", b.build("all"))
print("second build:", b.build("all"))
b.source("util.h", "H2")
print("after touching util.h:", b.build("all"))
b.source("main.c", "MAIN")
print("no-op source rewrite:", b.build("app"))
for goal in ["docs", "missing"]:
    try:
        b.build(goal)
    except BuildError as e:
        print("BuildError:", e)
b.rule("a", ["b"])
b.rule("b", ["c"])
b.rule("c", ["a"])
try:
    b.order("a")
except BuildError as e:
    print("BuildError:", e)
print(b.cache["app"][0])
for line in b.log:
    print(" ", line)

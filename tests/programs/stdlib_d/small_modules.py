import colorsys
import graphlib
import reprlib

print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), colorsys.hsv_to_rgb(0.5, 0.5, 0.4))
print(colorsys.rgb_to_hls(1.0, 0.5, 0.0), colorsys.hls_to_rgb(0.0833, 0.5, 1.0))
print(colorsys.rgb_to_yiq(0.1, 0.2, 0.3), colorsys.yiq_to_rgb(0.5, 0.1, -0.1))
print([colorsys.hsv_to_rgb(h / 6, 1, 1) for h in range(6)])

ts = graphlib.TopologicalSorter({"D": {"B", "C"}, "C": {"A"}, "B": {"A"}})
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
ts.add("compile", "fetch")
ts.add("test", "compile")
ts.add("package", "compile", "docs")
ts.prepare()
order = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    order.append(ready)
    ts.done(*ready)
print(order)
try:
    list(graphlib.TopologicalSorter({1: [2], 2: [3], 3: [1]}).static_order())
except graphlib.CycleError as e:
    print("CycleError:", e.args[0], e.args[1])
ts = graphlib.TopologicalSorter({"a": []})
try:
    ts.done("a")
except ValueError as e:
    print("ValueError:", e)

print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(20))), reprlib.repr(tuple(range(10))), reprlib.repr([[[[[[[1]]]]]]]))
print(reprlib.repr(10 ** 50), reprlib.repr(frozenset("abcdefgh")))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"), r.repr(b"bytes" * 10))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%s, %r)" % (self.name, self.children)


n = Node("root")
n.children.append(n)
n.children.append(Node("leaf"))
print(repr(n), Node.__repr__.__name__)

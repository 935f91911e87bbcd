# Inventory system: items, stock movements, reports sorted by several keys.
class Item:
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = set(tags)

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"<{self.sku} {self.name} x{self.qty}>"

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, item):
        if item.sku in self.items:
            raise ValueError(f"duplicate sku {item.sku}")
        self.items[item.sku] = item

    def receive(self, sku, n):
        self.items[sku].qty += n
        self.log.append(("in", sku, n))

    def ship(self, sku, n):
        item = self.items[sku]
        if item.qty < n:
            self.log.append(("backorder", sku, n - item.qty))
            n = item.qty
        item.qty -= n
        self.log.append(("out", sku, n))
        return n

    def low_stock(self, threshold):
        return sorted((i for i in self.items.values() if i.qty < threshold), key=lambda i: (i.qty, i.sku))

    def by_tag(self):
        out = {}
        for item in self.items.values():
            for t in sorted(item.tags):
                out.setdefault(t, []).append(item.sku)
        return dict(sorted(out.items()))

inv = Inventory()
for args in [("A1", "widget", 2.50, 10, ["tools", "small"]),
             ("B2", "gadget", 12.00, 3, ["tools"]),
             ("C3", "doohickey", 0.75, 100, ["small", "bulk"]),
             ("D4", "gizmo", 99.99, 0, ["premium"])]:
    inv.add(Item(*args))
try:
    inv.add(Item("A1", "dup", 1))
except ValueError as e:
    print("error:", e)
inv.receive("D4", 2)
print("shipped", inv.ship("A1", 4), inv.ship("B2", 5), inv.ship("C3", 50))
print(inv.low_stock(5))
print(inv.by_tag())
for kind, sku, n in inv.log:
    print(f"{kind:>9} {sku} {n:4d}")
report = sorted(inv.items.values(), key=lambda i: (-i.value, i.name))
print(f"{'SKU':<4} {'Name':<10} {'Qty':>4} {'Price':>7} {'Value':>8}")
for i in report:
    print(f"{i.sku:<4} {i.name:<10} {i.qty:>4} {i.price:>7.2f} {i.value:>8.2f}")
print(f"{'total':>27} {sum(i.value for i in report):>8.2f}")

"""A small inventory simulation: the bundled example for `revpy run`.

Try `revpy dis examples/inventory.py` to see its bytecode, or
`revpy run --trace examples/inventory.py 2>&1 | head` to watch it execute.
"""


class OutOfStock(Exception):
    def __init__(self, item, wanted, available):
        super().__init__(f"{item}: wanted {wanted}, only {available} left")
        self.item = item


class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price:.2f}, qty={self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, name, price, qty):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)
        self.log.append(("add", name, qty))

    def sell(self, name, qty):
        item = self.items[name]
        if item.qty < qty:
            raise OutOfStock(name, qty, item.qty)
        item.qty -= qty
        self.log.append(("sell", name, qty))
        return item.price * qty

    def value(self):
        return sum(i.price * i.qty for i in self.items.values())

    def low_stock(self, threshold=5):
        yield from (i for i in sorted(self.items.values(), key=lambda i: i.qty) if i.qty < threshold)


def main():
    inv = Inventory()
    for name, price, qty in [("apple", 0.5, 40), ("pear", 0.75, 12), ("fig", 2.25, 6), ("kiwi", 0.4, 3)]:
        inv.add(name, price, qty)
    revenue = 0.0
    orders = [("apple", 15), ("fig", 4), ("kiwi", 5), ("pear", 10), ("apple", 30)]
    for name, qty in orders:
        try:
            revenue += inv.sell(name, qty)
        except OutOfStock as e:
            print("refused:", e)
    print(f"revenue: {revenue:.2f}")
    print(f"stock value: {inv.value():.2f}")
    print("low stock:", list(inv.low_stock()))
    match inv.log[-1]:
        case ("sell", name, qty) if qty > 5:
            print(f"last: big sale of {qty} {name}")
        case (kind, name, _):
            print(f"last: {kind} {name}")


if __name__ == "__main__":
    main()

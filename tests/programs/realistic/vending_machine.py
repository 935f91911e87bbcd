# A vending machine state machine with coins, selection, change-making and refunds.
class VendingError(Exception):
    pass

class Machine:
    COINS = (200, 100, 50, 20, 10, 5)

    def __init__(self, stock, float_coins):
        self.stock = dict(stock)
        self.coins = dict(float_coins)
        self.state = "idle"
        self.credit = 0
        self.inserted = []
        self.sales = []

    def insert(self, coin):
        if coin not in self.COINS:
            raise VendingError(f"rejected coin {coin}")
        self.state = "has_credit"
        self.credit += coin
        self.inserted.append(coin)
        self.coins[coin] = self.coins.get(coin, 0) + 1

    def make_change(self, amount):
        out = []
        available = dict(self.coins)
        for c in self.COINS:
            while amount >= c and available.get(c, 0) > 0:
                amount -= c
                available[c] -= 1
                out.append(c)
        if amount:
            raise VendingError("cannot make exact change")
        self.coins = available
        return out

    def select(self, code):
        if self.state != "has_credit":
            raise VendingError("insert coins first")
        if code not in self.stock:
            raise VendingError(f"unknown product {code}")
        name, price, qty = self.stock[code]
        if qty == 0:
            raise VendingError(f"{name} is sold out")
        if self.credit < price:
            raise VendingError(f"{name} costs {price}, credit is {self.credit}")
        change = self.make_change(self.credit - price)
        self.stock[code] = (name, price, qty - 1)
        self.sales.append((name, price))
        self.credit = 0
        self.inserted = []
        self.state = "idle"
        return name, change

    def refund(self):
        coins = self.inserted
        for c in coins:
            self.coins[c] -= 1
        self.credit = 0
        self.inserted = []
        self.state = "idle"
        return coins

m = Machine({"A1": ("cola", 120, 2), "A2": ("chips", 85, 1), "B1": ("gum", 35, 0)}, {50: 1, 20: 2, 10: 1, 5: 1})
script = [("select", "A1"), ("insert", 100), ("insert", 3), ("select", "A1"), ("insert", 50),
          ("select", "A1"), ("insert", 100), ("select", "B1"), ("select", "A2"), ("insert", 200),
          ("select", "A2"), ("refund", None), ("insert", 20), ("insert", 100), ("select", "A1"),
          ("insert", 100), ("insert", 20), ("select", "A1"), ("insert", 50), ("insert", 50), ("select", "Z9"), ("refund", None)]
for action, arg in script:
    try:
        if action == "insert":
            m.insert(arg)
            result = f"credit {m.credit}"
        elif action == "select":
            name, change = m.select(arg)
            result = f"vended {name}, change {change}"
        else:
            result = f"refunded {m.refund()}"
    except VendingError as e:
        result = f"error: {e}"
    print(f"{action:6} {str(arg):5} -> {result:40} [{m.state}]")
print("sales", m.sales, "revenue", sum(p for _, p in m.sales))
print("coins", dict(sorted(m.coins.items())), "stock", m.stock)

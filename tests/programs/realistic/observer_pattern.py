# Observer pattern with properties: a stock ticker notifying subscribers, with weak coupling via callbacks.
class Observable:
    def __init__(self):
        self._observers = []

    def subscribe(self, fn):
        self._observers.append(fn)
        return lambda: self._observers.remove(fn)

    def notify(self, *args):
        for fn in list(self._observers):
            fn(*args)

class Stock(Observable):
    def __init__(self, symbol, price):
        super().__init__()
        self.symbol = symbol
        self._price = price
        self.history = [price]

    @property
    def price(self):
        return self._price

    @price.setter
    def price(self, value):
        if value <= 0:
            raise ValueError(f"price must be positive, got {value}")
        old = self._price
        self._price = value
        self.history.append(value)
        if value != old:
            self.notify(self, old, value)

class Portfolio:
    def __init__(self, name):
        self.name = name
        self.holdings = {}
        self.log = []

    def buy(self, stock, qty):
        self.holdings[stock.symbol] = (stock, self.holdings.get(stock.symbol, (stock, 0))[1] + qty)
        stock.subscribe(self.on_change)

    def on_change(self, stock, old, new):
        qty = self.holdings[stock.symbol][1]
        self.log.append(f"{self.name}: {stock.symbol} {old} -> {new} ({(new - old) * qty:+.2f})")

    def value(self):
        return round(sum(s.price * q for s, q in self.holdings.values()), 2)

alerts = []
def alert_on_drop(threshold):
    def check(stock, old, new):
        if (old - new) / old >= threshold:
            alerts.append(f"ALERT {stock.symbol} fell {100 * (old - new) / old:.1f}%")
    return check

acme = Stock("ACME", 100.0)
globex = Stock("GLBX", 50.0)
p1, p2 = Portfolio("p1"), Portfolio("p2")
p1.buy(acme, 10)
p1.buy(globex, 5)
p2.buy(acme, 3)
unsub = acme.subscribe(alert_on_drop(0.05))
for s, price in [(acme, 102.5), (globex, 49.0), (acme, 95.0), (acme, 95.0), (globex, 40.0), (acme, 80.0)]:
    s.price = price
unsub()
acme.price = 10.0
try:
    globex.price = -1
except ValueError as e:
    print("ValueError:", e)
for line in p1.log + p2.log:
    print(line)
print(alerts)
print(p1.value(), p2.value(), acme.history, globex.history, len(acme._observers))

# Shopping cart with pricing rules (buy-N-get-one, bulk discount, coupons) using cents.
class Product:
    def __init__(self, sku, name, cents):
        self.sku, self.name, self.cents = sku, name, cents

class Rule:
    def apply(self, cart):
        return 0, None

class BuyNGetOne(Rule):
    def __init__(self, sku, n):
        self.sku, self.n = sku, n

    def apply(self, cart):
        qty = cart.qty.get(self.sku, 0)
        free = qty // (self.n + 1)
        if free:
            return free * cart.products[self.sku].cents, f"buy {self.n} get 1 free on {self.sku} x{free}"
        return 0, None

class Bulk(Rule):
    def __init__(self, sku, min_qty, pct):
        self.sku, self.min_qty, self.pct = sku, min_qty, pct

    def apply(self, cart):
        qty = cart.qty.get(self.sku, 0)
        if qty >= self.min_qty:
            amount = qty * cart.products[self.sku].cents * self.pct // 100
            return amount, f"{self.pct}% bulk discount on {self.sku}"
        return 0, None

class Coupon(Rule):
    def __init__(self, code, off, minimum):
        self.code, self.off, self.minimum = code, off, minimum

    def apply(self, cart):
        if cart.subtotal() >= self.minimum:
            return self.off, f"coupon {self.code}"
        return 0, None

def money(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}${c // 100:,}.{c % 100:02d}"

class Cart:
    def __init__(self, products, rules):
        self.products = {p.sku: p for p in products}
        self.rules = rules
        self.qty = {}

    def add(self, sku, n=1):
        if sku not in self.products:
            raise KeyError(sku)
        self.qty[sku] = self.qty.get(sku, 0) + n

    def remove(self, sku, n=1):
        left = self.qty.get(sku, 0) - n
        if left < 0:
            raise ValueError(f"cannot remove {n} {sku}, only {self.qty.get(sku, 0)} in cart")
        if left:
            self.qty[sku] = left
        else:
            del self.qty[sku]

    def subtotal(self):
        return sum(self.products[s].cents * q for s, q in self.qty.items())

    def receipt(self):
        lines = []
        for sku, q in sorted(self.qty.items()):
            p = self.products[sku]
            lines.append(f"{p.name:<12}{q:>3} x {money(p.cents):>8} = {money(p.cents * q):>10}")
        sub = self.subtotal()
        lines.append(f"{'subtotal':<29}{money(sub):>10}")
        total = sub
        for rule in self.rules:
            amount, label = rule.apply(self)
            if amount:
                total -= amount
                lines.append(f"  {label:<27}{money(-amount):>10}")
        tax = (total * 8 + 50) // 100
        lines.append(f"{'tax 8%':<29}{money(tax):>10}")
        lines.append(f"{'TOTAL':<29}{money(total + tax):>10}")
        return "\n".join(lines)

products = [Product("APL", "apple", 45), Product("BRD", "bread", 299), Product("CHS", "cheese", 1250),
            Product("WIN", "wine", 4999)]
rules = [BuyNGetOne("APL", 3), Bulk("CHS", 3, 15), Coupon("SAVE5", 500, 10000)]
cart = Cart(products, rules)
cart.add("APL", 9)
cart.add("BRD")
cart.add("CHS", 2)
print(cart.receipt())
print()
cart.add("CHS")
cart.add("WIN", 2)
cart.remove("APL", 2)
print(cart.receipt())
for bad in [lambda: cart.add("XYZ"), lambda: cart.remove("BRD", 5)]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(money(0), money(5), money(123456789), money(-99))

# Recipe scaling with exact fractions (hand-written), unit normalisation and shopping list merging.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Q:
    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g

    @classmethod
    def parse(cls, text):
        if " " in text:
            whole, frac = text.split()
            return cls.parse(whole) + cls.parse(frac)
        if "/" in text:
            a, b = text.split("/")
            return cls(int(a), int(b))
        if "." in text:
            whole, dec = text.split(".")
            return cls(int(whole + dec), 10 ** len(dec))
        return cls(int(text))

    def __add__(self, o):
        return Q(self.n * o.d + o.n * self.d, self.d * o.d)

    def __mul__(self, o):
        o = o if isinstance(o, Q) else Q(o)
        return Q(self.n * o.n, self.d * o.d)

    def __truediv__(self, o):
        o = o if isinstance(o, Q) else Q(o)
        return Q(self.n * o.d, self.d * o.n)

    def __lt__(self, o):
        return self.n * o.d < o.n * self.d

    def __str__(self):
        whole, rem = divmod(self.n, self.d)
        if rem == 0:
            return str(whole)
        return f"{whole} {rem}/{self.d}" if whole else f"{rem}/{self.d}"

TO_BASE = {"tsp": ("ml", Q(5)), "tbsp": ("ml", Q(15)), "cup": ("ml", Q(240)), "ml": ("ml", Q(1)),
           "g": ("g", Q(1)), "kg": ("g", Q(1000)), "": ("", Q(1))}

def parse_recipe(text):
    items = []
    for line in text.strip().splitlines():
        qty_text, rest = line.split(" x ")
        unit, name = rest.split(" ", 1) if rest.split(" ", 1)[0] in TO_BASE else ("", rest)
        items.append((Q.parse(qty_text), unit, name))
    return items

def nice(qty, unit):
    base, factor = TO_BASE[unit]
    if base == "ml":
        ml = qty * factor
        for u in ("cup", "tbsp", "tsp"):
            amount = ml / TO_BASE[u][1]
            if not amount < Q(1, 2) if u != "tsp" else True:
                return f"{amount} {u}"
    if base == "g" and not qty * factor < Q(1000):
        return f"{qty * factor / 1000} kg"
    return f"{qty} {unit}".strip()

PANCAKES = """
1 1/2 x cup flour
3 1/2 x tsp baking powder
1 x tbsp sugar
1/4 x tsp salt
1 1/4 x cup milk
1 x  egg
3 x tbsp butter
"""
COOKIES = """
2.25 x cup flour
1 x tsp salt
1 x cup butter
3/4 x cup sugar
2 x  egg
340 x g chocolate
"""
pancakes = parse_recipe(PANCAKES)
for factor in (Q(1), Q(2), Q(1, 3), Q(5, 2)):
    print(f"pancakes x{factor}:", "; ".join(f"{nice(q * factor, u)} {n}" for q, u, n in pancakes))
shopping = {}
for recipe, mult in ((pancakes, Q(2)), (parse_recipe(COOKIES), Q(3))):
    for q, u, n in recipe:
        base, f = TO_BASE[u]
        key = (n.strip(), base)
        shopping[key] = shopping.get(key, Q(0)) + q * mult * f
for (name, base), total in sorted(shopping.items()):
    print(f"{name:<15} {nice(total, base or '')}")
print(Q.parse("0.125"), Q.parse("3"), Q.parse("2 2/4"), Q(6, -4), Q(0, 5))

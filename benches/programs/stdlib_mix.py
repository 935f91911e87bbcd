# bench-group: stdlib
# Standard-library workload: build a JSON document of orders, serialize and parse
# it with json, tokenize generated text with re, and aggregate with collections
# (Counter, defaultdict, deque, namedtuple). Deterministic (an LCG, no random).
# Stresses: json encoding/decoding, the regex engine, Counter/defaultdict updates,
# namedtuple construction and attribute access, deque windows.
import json
import re
from collections import Counter, defaultdict, deque, namedtuple

Order = namedtuple("Order", "id customer region items total")

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
         "omicron pi rho sigma tau upsilon phi chi psi omega").split()
REGIONS = ["north", "south", "east", "west", "central"]


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return self.x % n


def make_document(rng, n):
    orders = []
    for i in range(n):
        items = []
        for _ in range(1 + rng.next(4)):
            items.append({"sku": "SKU-%04d" % rng.next(500),
                          "qty": 1 + rng.next(5),
                          "price": rng.next(10000) / 100})
        orders.append({"id": i, "customer": "cust%03d" % rng.next(300),
                       "region": REGIONS[rng.next(5)], "items": items,
                       "note": " ".join(WORDS[rng.next(len(WORDS))] for _ in range(6)),
                       "paid": rng.next(3) != 0})
    return {"version": 2, "orders": orders}


TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?)|(?P<word>[A-Za-z]+)|(?P<op>[-+*/=<>])|(?P<ws>\s+)")


def tokenize(text):
    counts = Counter()
    numbers = 0.0
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "num":
            numbers += float(m.group())
        elif kind == "word":
            counts[m.group().lower()] += 1
        elif kind == "op":
            counts["op:" + m.group()] += 1
    return counts, numbers


def main():
    rng = Lcg(42)
    checksum = 0
    for round_ in range(24):
        doc = make_document(rng, 1500)
        text = json.dumps(doc, sort_keys=(round_ % 2 == 0))
        data = json.loads(text)
        pretty = json.dumps(data["orders"][:5], indent=2)
        checksum = (checksum * 31 + len(text) + len(pretty)) % 1000000007
        orders = [Order(o["id"], o["customer"], o["region"], len(o["items"]),
                        round(sum(it["qty"] * it["price"] for it in o["items"]), 2))
                  for o in data["orders"]]
        by_region = defaultdict(list)
        for o in orders:
            by_region[o.region].append(o.total)
        for region in sorted(by_region):
            totals = by_region[region]
            checksum = (checksum * 31 + int(sum(totals) * 100)) % 1000000007
        window = deque(maxlen=50)
        best = 0.0
        for o in orders:
            window.append(o.total)
            if len(window) == window.maxlen:
                best = max(best, sum(window) / len(window))
        checksum = (checksum * 31 + int(best * 1000)) % 1000000007
        customers = Counter(o.customer for o in orders)
        top = customers.most_common(3)
        checksum = (checksum * 31 + sum(c for _, c in top)) % 1000000007
        notes = "\n".join("order %d: %s = %d * %s" % (o["id"], o["note"], len(o["items"]),
                                                       o["items"][0]["price"])
                          for o in data["orders"])
        counts, numbers = tokenize(notes)
        skus = Counter(re.findall(r"SKU-(\d+)", text))
        checksum = (checksum * 31 + int(numbers) + len(skus)) % 1000000007
        print("round", round_, len(text), top[0], counts.most_common(2),
              skus.most_common(1), round(best, 2))
    print("checksum:", checksum)


main()

# Discrete-event simulation of a bank with tellers, using a deterministic pseudo-random generator.
class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33

    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)

class Customer:
    def __init__(self, cid, arrival, service):
        self.cid, self.arrival, self.service = cid, arrival, service
        self.start = self.end = None
        self.teller = None

    @property
    def wait(self):
        return self.start - self.arrival

def simulate(n_customers, n_tellers, seed):
    rng = LCG(seed)
    t = 0
    customers = []
    for i in range(n_customers):
        t += rng.randint(1, 6)
        customers.append(Customer(i, t, rng.randint(3, 12)))
    free_at = [0] * n_tellers
    for c in customers:
        teller = min(range(n_tellers), key=lambda k: (free_at[k], k))
        c.teller = teller
        c.start = max(c.arrival, free_at[teller])
        c.end = c.start + c.service
        free_at[teller] = c.end
    return customers

def stats(customers, n_tellers):
    waits = [c.wait for c in customers]
    busy = [sum(c.service for c in customers if c.teller == k) for k in range(n_tellers)]
    makespan = max(c.end for c in customers)
    return {
        "avg_wait": round(sum(waits) / len(waits), 2),
        "max_wait": max(waits),
        "waited": sum(1 for w in waits if w > 0),
        "utilisation": [f"{b / makespan:.0%}" for b in busy],
        "makespan": makespan,
    }

rng = LCG(42)
print([rng.randint(1, 6) for _ in range(12)])
for tellers in (1, 2, 3):
    cs = simulate(25, tellers, seed=2024)
    print(tellers, "tellers:", stats(cs, tellers))
cs = simulate(8, 2, seed=7)
print(f"{'id':>2} {'arr':>4} {'svc':>4} {'start':>5} {'end':>4} {'wait':>4} teller")
for c in cs:
    print(f"{c.cid:>2} {c.arrival:>4} {c.service:>4} {c.start:>5} {c.end:>4} {c.wait:>4} {c.teller}")
timeline = {}
for c in cs:
    for minute in range(c.start, c.end):
        timeline.setdefault(c.teller, set()).add(minute)
for k in sorted(timeline):
    end = max(c.end for c in cs)
    print(f"T{k} " + "".join("#" if m in timeline[k] else "." for m in range(end)))

# Rate limiting algorithms on a simulated clock: token bucket, fixed window and sliding log.
class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate, self.capacity = rate, capacity
        self.tokens = capacity
        self.last = 0.0

    def allow(self, now):
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

class FixedWindow:
    def __init__(self, limit, window):
        self.limit, self.window = limit, window
        self.counts = {}

    def allow(self, now):
        key = int(now // self.window)
        if self.counts.get(key, 0) < self.limit:
            self.counts[key] = self.counts.get(key, 0) + 1
            return True
        return False

class SlidingLog:
    def __init__(self, limit, window):
        self.limit, self.window = limit, window
        self.log = []

    def allow(self, now):
        while self.log and self.log[0] <= now - self.window:
            self.log.pop(0)
        if len(self.log) < self.limit:
            self.log.append(now)
            return True
        return False

requests = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.9, 1.0, 1.05, 1.1, 1.5, 2.0, 2.01, 2.02, 2.03, 2.04, 3.5, 3.6, 5.0, 5.0]
limiters = {"bucket": TokenBucket(rate=2.0, capacity=3), "fixed": FixedWindow(3, 1.0), "sliding": SlidingLog(3, 1.0)}
results = {name: [lim.allow(t) for t in requests] for name, lim in limiters.items()}
print(f"{'t':>5} " + " ".join(f"{n:>8}" for n in results))
for i, t in enumerate(requests):
    print(f"{t:5.2f} " + " ".join(f"{'ok' if results[n][i] else 'DENY':>8}" for n in results))
print({n: sum(r) for n, r in results.items()})
b = TokenBucket(0.5, 1)
print([b.allow(t) for t in (0, 1, 2, 3, 4, 4.5, 6)], round(b.tokens, 3))

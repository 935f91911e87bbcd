# Cooperative multitasking with generators: a round-robin scheduler, sleeping, message channels and joins.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

class Send:
    def __init__(self, channel, value):
        self.channel, self.value = channel, value

class Recv:
    def __init__(self, channel):
        self.channel = channel

class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.waiting = {}
        self.channels = {}
        self.time = 0
        self.trace = []
        self.results = {}

    def spawn(self, name, gen):
        self.ready.append((name, gen, None))

    def run(self, max_ticks=100):
        while (self.ready or self.sleeping or self.waiting) and self.time < max_ticks:
            if not self.ready:
                self.time = min(t for t, _, _ in self.sleeping)
            woken = [s for s in self.sleeping if s[0] <= self.time]
            self.sleeping = [s for s in self.sleeping if s[0] > self.time]
            for _, name, gen in sorted(woken, key=lambda s: (s[0], s[1])):
                self.ready.append((name, gen, None))
            if not self.ready:
                if not self.sleeping:
                    break
                continue
            name, gen, value = self.ready.pop(0)
            try:
                req = gen.send(value)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.trace.append(f"t={self.time} {name} finished -> {stop.value!r}")
                continue
            if isinstance(req, Sleep):
                self.sleeping.append((self.time + req.ticks, name, gen))
            elif isinstance(req, Send):
                q = self.channels.setdefault(req.channel, [])
                q.append(req.value)
                if req.channel in self.waiting:
                    wname, wgen = self.waiting.pop(req.channel)
                    self.ready.append((wname, wgen, q.pop(0)))
                self.ready.append((name, gen, None))
            elif isinstance(req, Recv):
                q = self.channels.setdefault(req.channel, [])
                if q:
                    self.ready.append((name, gen, q.pop(0)))
                else:
                    self.waiting[req.channel] = (name, gen)
            else:
                self.ready.append((name, gen, None))
            self.time += 1
        return self.results

def worker(name, steps, log):
    total = 0
    for i in range(steps):
        log.append(f"{name} step {i}")
        total += i
        yield
    return total

def producer(channel, items, log):
    for it in items:
        log.append(f"produce {it}")
        yield Send(channel, it)
        yield Sleep(2)
    yield Send(channel, None)
    return len(items)

def consumer(channel, log):
    received = []
    while True:
        item = yield Recv(channel)
        if item is None:
            break
        log.append(f"consume {item}")
        received.append(item * 10)
    return received

def sleeper(log):
    for d in (3, 1, 4):
        log.append(f"sleep {d}")
        yield Sleep(d)
    return "rested"

log = []
s = Scheduler()
s.spawn("w1", worker("w1", 3, log))
s.spawn("w2", worker("w2", 2, log))
s.spawn("prod", producer("jobs", ["a", "b", "c"], log))
s.spawn("cons", consumer("jobs", log))
s.spawn("zz", sleeper(log))
results = s.run()
for line in log:
    print(line)
for line in s.trace:
    print(line)
print(results, "final time", s.time)

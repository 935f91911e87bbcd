# A long, deterministic program for benchmarking the reverse debugger
# (benches/debug_latency.sh): about 3.6e7 stop points, about 3 s under
# `revpy run`. No I/O until the final prints, no randomness.
#
# The heap: 20000 Particle instances in a list, a dict indexing them by id, a
# dict of per-tag counters, and a ring of 500 small tuples. Every epoch
# moves 1400 particles, replaces one particle with a new object and writes to
# the ring, so checkpoints taken at different times differ.
#
# The global `tracker.value` changes once per epoch, at the end of it, on one
# line (`tracker.value = ...`); every epoch runs the same stop points (no
# data-dependent branches), so the changes are evenly spaced, about 1.1e4 stop
# points apart. A watch on `$N.value` found by `bcontinue` therefore goes back
# at most one epoch.

N_PARTICLES = 20000
EPOCHS = 3200
PER_EPOCH = 1400


class Particle:
    def __init__(self, i):
        self.id = i
        self.x = (i * 37) % 1000
        self.v = (i * 7) % 13 - 6
        self.tag = "t" + str(i % 64)


class Tracker:
    def __init__(self):
        self.value = 0
        self.epochs = 0


tracker = Tracker()
particles = [Particle(i) for i in range(N_PARTICLES)]
by_id = {}
for p in particles:
    by_id[p.id] = p
counts = {}
LOG_SIZE = 500
log = [None] * LOG_SIZE


def advance(p, e):
    p.x = (p.x + p.v * (e % 5 + 1) + (p.id ^ e) % 3 - 1) % 1000
    return p.x * (p.x % 7 + 1) - (p.v * p.v) % 11


def epoch(e):
    n = len(particles)
    start = (e * 1237) % n
    total = 0
    for k in range(PER_EPOCH):
        p = particles[(start + k) % n]
        total += advance(p, e)
        counts[p.tag] = counts.get(p.tag, 0) + 1
    # Replace one particle: an old object dies, a new one is born.
    j = (e * 7919) % n
    old = particles[j]
    del by_id[old.id]
    fresh = Particle(N_PARTICLES + e)
    particles[j] = fresh
    by_id[fresh.id] = fresh
    log[e % LOG_SIZE] = (e, total % 1000, old.id)
    return total


checksum = 0
for e in range(EPOCHS):
    checksum = (checksum * 31 + epoch(e)) % 1000000007
    tracker.value = (tracker.value * 3 + checksum) % 1000003
    tracker.epochs += 1

print("epochs:", tracker.epochs)
print("tracker:", tracker.value)
print("particles:", len(particles), len(by_id), "log:", len(log))
print("checksum:", checksum)

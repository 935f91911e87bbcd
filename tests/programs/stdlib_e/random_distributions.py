# Seeded random: every distribution CPython 3.11 has draws the same numbers.
import random

for seed in (0, 1, 42, 2**70, "seed", b"bytes"):
    random.seed(seed)
    print(repr(seed))
    print(" ", random.vonmisesvariate(1.0, 2.0), random.vonmisesvariate(0.5, 0.0))
    print(" ", random.gammavariate(0.5, 2.0), random.gammavariate(1.0, 3.0), random.gammavariate(4.5, 1.5))
    print(" ", random.betavariate(2.0, 3.0), random.betavariate(0.3, 0.7))
    print(" ", random.paretovariate(2.5), random.weibullvariate(1.5, 0.8))
    print(" ", random.expovariate(0.5), random.lognormvariate(0, 1), random.normalvariate(3, 2))
    print(" ", random.gauss(), random.triangular(0, 10, 2), random.uniform(-1, 1))

r = random.Random(7)
print([round(r.gammavariate(2.0, 1.0), 12) for _ in range(5)])
print(random.Random.VERSION, random.BPF, random.RECIP_BPF, random.TWOPI)
print(random.NV_MAGICCONST, random.LOG4, random.SG_MAGICCONST)
for bad in ((0, 1), (1, -1)):
    try:
        random.gammavariate(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    random.betavariate(-1, 2)
except ValueError as e:
    print("ValueError:", e)
print(type(random.SystemRandom().random()).__name__)
try:
    random.no_such_name
except AttributeError as e:
    print("AttributeError:", e)

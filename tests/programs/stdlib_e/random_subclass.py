import random
class Zero(random.Random):
    def random(self): return 0.0
z = Zero()
print(z.choice([1, 2, 3]), z.randint(5, 9), z.uniform(1, 2), z.sample(range(10), 3), z.choices("abc", k=4))
l = list(range(5)); z.shuffle(l); print(l)
class Bits(random.Random):
    def __init__(self):
        super().__init__(1)
        self.n = 0
    def getrandbits(self, k):
        self.n += 1
        return self.n % (1 << k)
b = Bits()
print(b.randrange(100), b.randrange(100), b.choice("xyz"), b.n)
class Plain(random.Random):
    pass
p = Plain(42); print(p.random(), p.randint(1, 10), p.choice("abcdef"))
class Counting(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.calls = 0
    def random(self):
        self.calls += 1
        return super().random()
c = Counting(3)
print(c.randint(1, 100), c.gauss(0, 1), c.calls, round(c.expovariate(2.0), 6))
print(Zero._randbelow.__name__, Bits._randbelow.__name__)

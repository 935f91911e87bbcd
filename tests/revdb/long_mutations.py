# A longer recording for the checkpoint budget test (tests/revdb.rs): a heap
# of a few thousand objects, rewritten in place as the program runs.


class Cell:
    def __init__(self, i):
        self.i = i
        self.v = i % 7


class Tracker:
    def __init__(self):
        self.value = 0


tracker = Tracker()
cells = [Cell(i) for i in range(3000)]
for rnd in range(40):
    for k in range(0, 3000, 7):
        c = cells[(k * 13 + rnd) % 3000]
        c.v = (c.v * 3 + rnd) % 101
    tracker.value = rnd
    cells[rnd] = Cell(rnd * 1000)
print(sum(c.v for c in cells))

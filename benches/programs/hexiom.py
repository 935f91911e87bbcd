# bench-group: pure
"""A smaller Hexiom, after pyperformance's hexiom benchmark: place numbered tiles on a
hexagonal board so that every tile's number is the count of its occupied
neighbours. A solver with constraint propagation (the possible values of every
cell, bounds on neighbour counts, remaining tile counts) and backtracking on the
most constrained cell, copying its state at each branch. Puzzles are generated
from a seeded LCG. Prints the solutions and a checksum."""

EMPTY = 7
DIRS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)]


class Hex:
    def __init__(self, size):
        self.size = size
        self.cells = []
        self.index = {}
        r = size - 1
        for x in range(-r, r + 1):
            for y in range(-r, r + 1):
                if -r <= x + y <= r:
                    self.index[(x, y)] = len(self.cells)
                    self.cells.append((x, y))
        self.neighbours = []
        for (x, y) in self.cells:
            ns = []
            for dx, dy in DIRS:
                j = self.index.get((x + dx, y + dy))
                if j is not None:
                    ns.append(j)
            self.neighbours.append(ns)
        self.count = len(self.cells)


class Done:
    """The values each cell may still take (sets of 0..6 and EMPTY)."""

    def __init__(self, count, cells=None):
        if cells is None:
            self.cells = [set(range(8)) for _ in range(count)]
        else:
            self.cells = [set(c) for c in cells]

    def copy(self):
        return Done(0, self.cells)

    def already_done(self, i):
        return len(self.cells[i]) == 1

    def value(self, i):
        for v in self.cells[i]:
            return v

    def remove(self, i, v):
        self.cells[i].discard(v)

    def set_done(self, i, v):
        self.cells[i] = {v}


class Impossible(Exception):
    pass


class Solver:
    def __init__(self, hexa, tiles, hints):
        self.hex = hexa
        self.tiles = tiles
        self.hints = hints
        self.nodes = 0

    def propagate(self, done):
        hexa = self.hex
        changed = True
        while changed:
            changed = False
            # tile counts: a value placed as often as there are tiles is used up
            placed = [0] * 8
            for i in range(hexa.count):
                if done.already_done(i):
                    placed[done.value(i)] += 1
            for v in range(8):
                if placed[v] > self.tiles[v]:
                    raise Impossible()
                if placed[v] == self.tiles[v]:
                    for i in range(hexa.count):
                        c = done.cells[i]
                        if len(c) > 1 and v in c:
                            c.discard(v)
                            changed = True
            # neighbour bounds
            for i in range(hexa.count):
                c = done.cells[i]
                if not c:
                    raise Impossible()
                ns = hexa.neighbours[i]
                sure = 0
                maybe = 0
                for j in ns:
                    cj = done.cells[j]
                    if EMPTY not in cj:
                        sure += 1
                        maybe += 1
                    elif len(cj) > 1:
                        maybe += 1
                for v in list(c):
                    if v != EMPTY and not (sure <= v <= maybe):
                        c.discard(v)
                        changed = True
                if not c:
                    raise Impossible()
                if len(c) == 1:
                    v = next(iter(c))
                    if v != EMPTY:
                        # the undecided neighbours are all empty or all full
                        if sure == v and maybe > v:
                            for j in ns:
                                cj = done.cells[j]
                                if len(cj) > 1 and EMPTY in cj:
                                    done.set_done(j, EMPTY)
                                    changed = True
                        elif maybe == v and sure < v:
                            for j in ns:
                                cj = done.cells[j]
                                if len(cj) > 1 and EMPTY in cj:
                                    cj.discard(EMPTY)
                                    changed = True

    def solve(self, done, solutions, limit):
        self.nodes += 1
        try:
            self.propagate(done)
        except Impossible:
            return
        best = None
        best_len = 9
        for i in range(self.hex.count):
            n = len(done.cells[i])
            if 1 < n < best_len:
                best, best_len = i, n
        if best is None:
            solutions.append([done.value(i) for i in range(self.hex.count)])
            return
        for v in sorted(done.cells[best]):
            if len(solutions) >= limit:
                return
            d = done.copy()
            d.set_done(best, v)
            self.solve(d, solutions, limit)

    def run(self, limit):
        done = Done(self.hex.count)
        for i, v in self.hints:
            done.set_done(i, v)
        solutions = []
        self.solve(done, solutions, limit)
        return solutions


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.x >> 8) % n


def make_puzzle(size, seed, fill, nhints):
    hexa = Hex(size)
    rng = Lcg(seed)
    occupied = [rng.next(100) < fill for _ in range(hexa.count)]
    solution = []
    for i in range(hexa.count):
        if occupied[i]:
            solution.append(sum(1 for j in hexa.neighbours[i] if occupied[j]))
        else:
            solution.append(EMPTY)
    tiles = [0] * 8
    for v in solution:
        tiles[v] += 1
    hints = []
    while len(hints) < nhints:
        i = rng.next(hexa.count)
        if all(i != h for h, _ in hints):
            hints.append((i, solution[i]))
    return hexa, tiles, hints, solution


def show(hexa, values):
    r = hexa.size - 1
    lines = []
    for y in range(-r, r + 1):
        row = []
        for x in range(-r, r + 1):
            i = hexa.index.get((x, y))
            if i is not None:
                v = values[i]
                row.append("." if v == EMPTY else str(v))
        lines.append(" " * abs(y) + " ".join(row))
    return "\n".join(lines)


def main(rounds):
    checksum = 0
    for k in range(rounds):
        size = 3 + k % 2
        hexa, tiles, hints, solution = make_puzzle(size, 1000 + k, 55, 2 + k % 3)
        solver = Solver(hexa, tiles, hints)
        sols = solver.run(3)
        assert solution in sols or len(sols) == 3
        for s in sols:
            for v in s:
                checksum = (checksum * 8 + v) % 1000000007
        checksum = (checksum + solver.nodes) % 1000000007
        if k < 3:
            print("puzzle", k, "size", size, "solutions", len(sols), "nodes", solver.nodes)
            print(show(hexa, sols[0]))
    print("checksum:", checksum)


main(25)

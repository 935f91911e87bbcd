# bench-group: pure
# N-queens, solved with recursive generators.
# Stresses: generators (yield / yield from), recursion, list/tuple building,
# sets of ints, generator expressions, any()/all().


def permutations_gen(items):
    # All permutations of a list, as a recursive generator.
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        first = items[i]
        rest = items[:i] + items[i + 1:]
        for p in permutations_gen(rest):
            yield [first] + p


def queens_by_permutation(n):
    # pyperformance-style: a permutation is a solution if all diagonals differ.
    cols = list(range(n))
    for vec in permutations_gen(cols):
        if (n == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def place(n, row, placed, cols, diag1, diag2):
    # Backtracking solver, one generator frame per row.
    if row == n:
        yield tuple(placed)
        return
    for c in range(n):
        if c in cols or (row + c) in diag1 or (row - c) in diag2:
            continue
        cols.add(c)
        diag1.add(row + c)
        diag2.add(row - c)
        placed.append(c)
        yield from place(n, row + 1, placed, cols, diag1, diag2)
        placed.pop()
        cols.discard(c)
        diag1.discard(row + c)
        diag2.discard(row - c)


def queens_backtrack(n):
    return place(n, 0, [], set(), set(), set())


def solution_hash(sol):
    h = 0
    for c in sol:
        h = (h * 31 + c + 1) % 1000000007
    return h


def main(perm_n, bt_n):
    count = 0
    acc = 0
    first = None
    for sol in queens_by_permutation(perm_n):
        if first is None:
            first = sol
        count += 1
        acc = (acc + solution_hash(sol)) % 1000000007
    print(f"permutation solver n={perm_n}: {count} solutions, first {first}")

    count2 = 0
    acc2 = 0
    last = None
    for sol in queens_backtrack(bt_n):
        count2 += 1
        acc2 = (acc2 * 7 + solution_hash(sol)) % 1000000007
        last = sol
    print(f"backtracking solver n={bt_n}: {count2} solutions, last {list(last)}")
    print(f"checksum: {acc} {acc2}")


main(9, 12)

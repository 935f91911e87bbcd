# N-queens with generators, counting solutions and printing the first board.
def queens(n):
    cols = [0] * n
    def place(row, used_cols, diag1, diag2):
        if row == n:
            yield tuple(cols)
            return
        for c in range(n):
            if c in used_cols or (row - c) in diag1 or (row + c) in diag2:
                continue
            cols[row] = c
            yield from place(row + 1, used_cols | {c}, diag1 | {row - c}, diag2 | {row + c})
    yield from place(0, frozenset(), frozenset(), frozenset())

def board(sol):
    return "\n".join("".join("Q" if c == col else "." for c in range(len(sol))) for col in sol)

for n in range(1, 9):
    sols = list(queens(n))
    print(n, len(sols), sols[0] if sols else None)
first = next(queens(8))
print(board(first))
gen = queens(6)
print(next(gen), next(gen), list(gen))
def symmetric(sol):
    n = len(sol)
    return tuple(n - 1 - c for c in sol) == sol or sol[::-1] == sol
print(sum(1 for s in queens(8) if s[0] < 4), [s for s in queens(8) if s[0] == 0][:2])
print(any(symmetric(s) for s in queens(8)))

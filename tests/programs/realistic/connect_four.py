# Connect Four: board, move validation, win detection and a scripted game between simple strategies.
ROWS, COLS = 6, 7

class Board:
    def __init__(self):
        self.grid = [["." for _ in range(COLS)] for _ in range(ROWS)]
        self.moves = []

    def drop(self, col, piece):
        if not 0 <= col < COLS:
            raise ValueError(f"column {col} out of range")
        for r in range(ROWS - 1, -1, -1):
            if self.grid[r][col] == ".":
                self.grid[r][col] = piece
                self.moves.append((piece, col))
                return r
        raise ValueError(f"column {col} is full")

    def undo(self):
        piece, col = self.moves.pop()
        for r in range(ROWS):
            if self.grid[r][col] != ".":
                self.grid[r][col] = "."
                return

    def winner(self):
        for r in range(ROWS):
            for c in range(COLS):
                p = self.grid[r][c]
                if p == ".":
                    continue
                for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                    if all(0 <= r + k * dr < ROWS and 0 <= c + k * dc < COLS and self.grid[r + k * dr][c + k * dc] == p
                           for k in range(1, 4)):
                        return p
        return None

    def valid(self):
        return [c for c in range(COLS) if self.grid[0][c] == "."]

    def __str__(self):
        return "\n".join(" ".join(row) for row in self.grid) + "\n" + " ".join(map(str, range(COLS)))

def smart(board, me, other):
    for piece in (me, other):
        for c in board.valid():
            board.drop(c, piece)
            won = board.winner() == piece
            board.undo()
            if won:
                return c
    prefs = [3, 2, 4, 1, 5, 0, 6]
    return next(c for c in prefs if c in board.valid())

def scripted(cols):
    it = iter(cols)
    def strategy(board, me, other):
        for c in it:
            if c in board.valid():
                return c
        return board.valid()[0]
    return strategy

def play(x_strategy, o_strategy):
    b = Board()
    players = [("X", x_strategy), ("O", o_strategy)]
    turn = 0
    while b.winner() is None and b.valid():
        piece, strat = players[turn % 2]
        b.drop(strat(b, piece, "O" if piece == "X" else "X"), piece)
        turn += 1
    return b, b.winner() or "draw"

b, w = play(smart, scripted([0, 0, 0, 6, 6, 6, 1, 1]))
print(b)
print("winner:", w, "moves:", b.moves)
b, w = play(scripted([3, 3, 3, 3, 4, 4, 5]), smart)
print(b)
print("winner:", w, len(b.moves), "moves")
b, w = play(smart, smart)
print(b)
print("winner:", w, len(b.moves), "moves")
test = Board()
for _ in range(ROWS):
    test.drop(2, "X")
for bad in (2, 9):
    try:
        test.drop(bad, "O")
    except ValueError as e:
        print("ValueError:", e)

# Tic-tac-toe with a perfect minimax player playing against itself and against scripted moves.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]

def winner(b):
    for a, c, d in LINES:
        if b[a] != " " and b[a] == b[c] == b[d]:
            return b[a]
    return "draw" if " " not in b else None

memo = {}
def minimax(b, player):
    key = ("".join(b), player)
    if key in memo:
        return memo[key]
    w = winner(b)
    if w == "X":
        result = (1, None)
    elif w == "O":
        result = (-1, None)
    elif w == "draw":
        result = (0, None)
    else:
        best = None
        for i in range(9):
            if b[i] == " ":
                b[i] = player
                score, _ = minimax(b, "O" if player == "X" else "X")
                b[i] = " "
                if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                    best = (score, i)
        result = best
    memo[key] = result
    return result

def show(b):
    return "\n".join(" " + " | ".join(b[r * 3:r * 3 + 3]) for r in range(3))

def play(scripted_o=None):
    b = [" "] * 9
    player = "X"
    moves = []
    scripted = list(scripted_o or [])
    while winner(b) is None:
        if player == "O" and scripted:
            move = scripted.pop(0)
            if b[move] != " ":
                move = minimax(b, player)[1]
        else:
            move = minimax(b, player)[1]
        b[move] = player
        moves.append((player, move))
        player = "O" if player == "X" else "X"
    return b, moves, winner(b)

b, moves, w = play()
print(show(b))
print("moves", moves, "result", w)
for script in ([1, 2, 3], [8, 7], [4, 0, 2]):
    b, moves, w = play(script)
    print(script, "->", w, "".join(b).replace(" ", "_"), moves)
print("positions evaluated:", len(memo))
print(minimax(list("XX OO    "), "X"), minimax(list("XX OO    "), "O"))

# Parsing chess positions in FEN, rendering the board, counting material and listing simple pawn/knight moves.
VALUES = {"p": 1, "n": 3, "b": 3, "r": 5, "q": 9, "k": 0}

class FENError(ValueError):
    pass

def parse_fen(fen):
    parts = fen.split()
    if len(parts) != 6:
        raise FENError(f"expected 6 fields, got {len(parts)}")
    rows = parts[0].split("/")
    if len(rows) != 8:
        raise FENError(f"expected 8 ranks, got {len(rows)}")
    board = []
    for r in rows:
        row = []
        for ch in r:
            if ch.isdigit():
                row.extend(["."] * int(ch))
            elif ch.lower() in VALUES:
                row.append(ch)
            else:
                raise FENError(f"bad piece {ch!r}")
        if len(row) != 8:
            raise FENError(f"rank {r!r} has {len(row)} squares")
        board.append(row)
    return {"board": board, "turn": parts[1], "castling": parts[2], "ep": parts[3],
            "halfmove": int(parts[4]), "fullmove": int(parts[5])}

def to_fen(pos):
    ranks = []
    for row in pos["board"]:
        s, empty = "", 0
        for sq in row:
            if sq == ".":
                empty += 1
            else:
                s += (str(empty) if empty else "") + sq
                empty = 0
        ranks.append(s + (str(empty) if empty else ""))
    return " ".join(["/".join(ranks), pos["turn"], pos["castling"], pos["ep"], str(pos["halfmove"]), str(pos["fullmove"])])

def square(r, c):
    return "abcdefgh"[c] + str(8 - r)

def material(board):
    white = sum(VALUES[p.lower()] for row in board for p in row if p.isupper())
    black = sum(VALUES[p] for row in board for p in row if p.islower())
    return white, black

def moves(pos):
    b = pos["board"]
    white = pos["turn"] == "w"
    out = []
    for r in range(8):
        for c in range(8):
            p = b[r][c]
            if p == "." or p.isupper() != white:
                continue
            if p.lower() == "p":
                d = -1 if white else 1
                if 0 <= r + d < 8 and b[r + d][c] == ".":
                    out.append(f"{square(r, c)}-{square(r + d, c)}")
                    start = 6 if white else 1
                    if r == start and b[r + 2 * d][c] == ".":
                        out.append(f"{square(r, c)}-{square(r + 2 * d, c)}")
                for dc in (-1, 1):
                    if 0 <= r + d < 8 and 0 <= c + dc < 8:
                        t = b[r + d][c + dc]
                        if t != "." and t.isupper() != white:
                            out.append(f"{square(r, c)}x{square(r + d, c + dc)}")
            elif p.lower() == "n":
                for dr, dc in ((1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)):
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < 8 and 0 <= cc < 8:
                        t = b[rr][cc]
                        if t == ".":
                            out.append(f"N{square(r, c)}-{square(rr, cc)}")
                        elif t.isupper() != white:
                            out.append(f"N{square(r, c)}x{square(rr, cc)}")
    return sorted(out)

START = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1"
MID = "r1bqkb1r/pppp1ppp/2n2n2/4p3/2B1P3/5N2/PPPP1PPP/RNBQK2R b KQkq - 4 4"
for fen in (START, MID):
    pos = parse_fen(fen)
    print("\n".join(f"{8 - i} " + " ".join(row) for i, row in enumerate(pos["board"])))
    print("  a b c d e f g h")
    print("turn", pos["turn"], "castling", pos["castling"], "material", material(pos["board"]), "round trip", to_fen(pos) == fen)
    ms = moves(pos)
    print(len(ms), "pawn/knight moves:", ms)
for bad in ["8/8/8 w - - 0 1", "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNX w KQkq - 0 1",
            "rnbqkbnr/ppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "only one field"]:
    try:
        parse_fen(bad)
    except FENError as e:
        print("FENError:", e)

# Ten-pin bowling score calculator with validation and frame-by-frame breakdown.
class BowlingError(ValueError):
    pass

def frames(rolls):
    i = 0
    out = []
    for frame in range(10):
        if i >= len(rolls):
            raise BowlingError(f"incomplete game: frame {frame + 1} missing")
        if rolls[i] == 10:
            if frame < 9:
                out.append((rolls[i],))
                i += 1
                continue
        if frame == 9:
            rest = rolls[i:]
            if len(rest) < 2:
                raise BowlingError("incomplete tenth frame")
            if rest[0] + rest[1] >= 10 or rest[0] == 10:
                if len(rest) != 3:
                    raise BowlingError("tenth frame needs exactly three rolls")
            elif len(rest) != 2:
                raise BowlingError("too many rolls in tenth frame")
            out.append(tuple(rest))
            i = len(rolls)
            break
        a, b = rolls[i], rolls[i + 1] if i + 1 < len(rolls) else None
        if b is None:
            raise BowlingError(f"incomplete game: frame {frame + 1} has one roll")
        if a + b > 10:
            raise BowlingError(f"frame {frame + 1}: {a} + {b} pins is more than 10")
        out.append((a, b))
        i += 2
    if i != len(rolls):
        raise BowlingError("rolls after the end of the game")
    return out

def score(rolls):
    for r in rolls:
        if not 0 <= r <= 10:
            raise BowlingError(f"invalid roll {r}")
    fs = frames(rolls)
    total = 0
    running = []
    i = 0
    for n, f in enumerate(fs):
        if n == 9:
            total += sum(f)
        elif f == (10,):
            total += 10 + rolls[i + 1] + rolls[i + 2]
        elif sum(f) == 10:
            total += 10 + rolls[i + 2]
        else:
            total += sum(f)
        i += len(f)
        running.append(total)
    return total, running, fs

def mark(f):
    if f == (10,):
        return "X"
    if len(f) == 2 and sum(f) == 10:
        return f"{f[0] or '-'}/"
    return "".join("X" if r == 10 else str(r) if r else "-" for r in f)

games = {
    "gutter": [0] * 20,
    "all ones": [1] * 20,
    "one spare": [5, 5, 3] + [0] * 17,
    "one strike": [10, 3, 4] + [0] * 16,
    "perfect": [10] * 12,
    "all spares": [5, 5] * 10 + [5],
    "mixed": [10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1],
    "too many pins": [7, 5] + [0] * 18,
    "incomplete": [10, 10, 3],
    "extra": [0] * 21,
    "bad roll": [11] + [0] * 19,
}
for name, rolls in games.items():
    try:
        total, running, fs = score(rolls)
        print(f"{name:14} {total:3}  " + " ".join(f"{mark(f):>3}" for f in fs) + "  " + str(running))
    except BowlingError as e:
        print(f"{name:14} error: {e}")

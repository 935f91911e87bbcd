# A scripted Snake game on a small board: movement, growth, collisions, deterministic food placement.
W, H = 10, 7

class GameOver(Exception):
    pass

class Snake:
    DIRS = {"U": (0, -1), "D": (0, 1), "L": (-1, 0), "R": (1, 0)}
    OPPOSITE = {"U": "D", "D": "U", "L": "R", "R": "L"}

    def __init__(self):
        self.body = [(3, 3), (2, 3), (1, 3)]
        self.direction = "R"
        self.score = 0
        self.food_seq = 7
        self.food = self.place_food()
        self.ticks = 0

    def place_food(self):
        while True:
            self.food_seq = (self.food_seq * 31 + 11) % (W * H)
            pos = (self.food_seq % W, self.food_seq // W)
            if pos not in self.body:
                return pos

    def turn(self, d):
        if d != self.OPPOSITE[self.direction]:
            self.direction = d

    def tick(self):
        self.ticks += 1
        dx, dy = self.DIRS[self.direction]
        hx, hy = self.body[0]
        head = (hx + dx, hy + dy)
        if not (0 <= head[0] < W and 0 <= head[1] < H):
            raise GameOver(f"hit the wall at {head}")
        if head in self.body[:-1]:
            raise GameOver(f"bit itself at {head}")
        self.body.insert(0, head)
        if head == self.food:
            self.score += 10
            self.food = self.place_food()
        else:
            self.body.pop()

    def draw(self):
        rows = []
        for y in range(H):
            row = ""
            for x in range(W):
                if (x, y) == self.body[0]:
                    row += "@"
                elif (x, y) in self.body:
                    row += "o"
                elif (x, y) == self.food:
                    row += "*"
                else:
                    row += "."
            rows.append(row)
        return "\n".join(rows)

def play(moves, show_every=0):
    s = Snake()
    try:
        for i, m in enumerate(moves):
            if m != ".":
                s.turn(m)
            s.tick()
            if show_every and (i + 1) % show_every == 0:
                print(f"tick {s.ticks} score {s.score} len {len(s.body)} food {s.food}")
                print(s.draw())
        return f"survived {s.ticks} ticks, score {s.score}, length {len(s.body)}"
    except GameOver as e:
        return f"game over after {s.ticks} ticks: {e}; score {s.score}"

print(Snake().draw())
print(play("..D.LL.U..RRR.DD", show_every=8))
print(play("RRRRRRRRRR"))
print(play("DLU"))
print(play("L" + "." * 3))
print(play("DDDLLLUUURRRDDDLLLUUU"))
print(play(".....U.LLLDD..RRRRR", show_every=7))

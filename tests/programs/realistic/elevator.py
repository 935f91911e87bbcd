# An elevator controller simulation (SCAN algorithm) processing timed requests step by step.
class Elevator:
    def __init__(self, floors):
        self.floors = floors
        self.floor = 0
        self.direction = 0
        self.stops = set()
        self.log = []
        self.moved = 0

    def request(self, floor):
        if not 0 <= floor < self.floors:
            raise ValueError(f"no floor {floor}")
        if floor != self.floor or self.direction != 0:
            self.stops.add(floor)

    def step(self, t):
        if not self.stops:
            self.direction = 0
            return
        if self.direction == 0:
            nearest = min(self.stops, key=lambda f: (abs(f - self.floor), f))
            self.direction = 1 if nearest > self.floor else -1
        ahead = [f for f in self.stops if (f - self.floor) * self.direction > 0]
        if not ahead and self.floor not in self.stops:
            self.direction = -self.direction
        if self.floor not in self.stops:
            self.floor += self.direction
            self.moved += 1
        if self.floor in self.stops:
            self.stops.discard(self.floor)
            self.log.append((t, self.floor))
            if not any((f - self.floor) * self.direction > 0 for f in self.stops):
                self.direction = -self.direction if self.stops else 0

requests = {0: [5], 1: [2], 3: [8], 4: [1], 9: [3, 9], 12: [0], 20: [4]}
e = Elevator(10)
for t in range(40):
    for f in requests.get(t, []):
        e.request(f)
    e.step(t)
    if t < 25:
        arrow = {1: "^", -1: "v", 0: "-"}[e.direction]
        print(f"t={t:2} floor={e.floor} {arrow} pending={sorted(e.stops)}")
print("stops served:", e.log)
print("floors travelled:", e.moved)
try:
    e.request(12)
except ValueError as err:
    print("ValueError:", err)

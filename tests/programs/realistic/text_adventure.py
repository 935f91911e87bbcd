# A tiny text adventure driven by a scripted list of commands (a state machine).
ROOMS = {
    "hall": {"desc": "A dusty hall.", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "Shelves of old books.", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "A cold kitchen.", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "Dark and damp.", "exits": {"up": "kitchen"}, "items": ["treasure"], "locked": True},
}

class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.over = False

    def look(self):
        r = ROOMS[self.room]
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        return f"[{self.room}] {r['desc']} You see: {items}. Exits: {exits}."

    def go(self, direction):
        exits = ROOMS[self.room]["exits"]
        if direction not in exits:
            return "You can't go that way."
        target = exits[direction]
        if ROOMS[target].get("locked"):
            if "key" in self.inventory:
                ROOMS[target]["locked"] = False
                self.room = target
                return "You unlock the door with the key. " + self.look()
            return "The door is locked."
        self.room = target
        return self.look()

    def take(self, item):
        items = ROOMS[self.room]["items"]
        if item not in items:
            return f"There is no {item} here."
        items.remove(item)
        self.inventory.append(item)
        if item == "treasure":
            self.over = True
            return "You found the treasure! You win."
        return f"Taken: {item}."

    def handle(self, line):
        self.moves += 1
        match line.split():
            case ["look"]:
                return self.look()
            case ["go", direction]:
                return self.go(direction)
            case ["take", item]:
                return self.take(item)
            case ["inventory"] | ["i"]:
                return "You carry: " + (", ".join(self.inventory) or "nothing")
            case ["drop", item] if item in self.inventory:
                self.inventory.remove(item)
                ROOMS[self.room]["items"].append(item)
                return f"Dropped {item}."
            case ["drop", item]:
                return f"You don't have {item}."
            case _:
                self.moves -= 1
                return f"I don't understand {line!r}."

game = Game()
script = ["look", "take lamp", "go east", "go down", "go west", "go north", "take key",
          "take sword", "i", "dance", "drop book", "drop lamp", "look", "go south", "go east",
          "go down", "take treasure", "look"]
for cmd in script:
    print(">", cmd)
    print(game.handle(cmd))
    if game.over:
        break
print("moves:", game.moves, "inventory:", game.inventory)

class Box:
    def __init__(self, v):
        self.v = v

a = Box(1)
b = Box(2)
made = [Box(i) for i in range(5)]
print(made[0].v)

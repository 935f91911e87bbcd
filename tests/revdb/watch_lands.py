class Box:
    def __init__(self):
        self.v = 0


def compute(k):
    t = k * 2
    return t + 1


b = Box()
for i in range(3):
    b.v = compute(i)
print(b.v)

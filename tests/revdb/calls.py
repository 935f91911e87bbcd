def square(n):
    r = n * n
    return r


def total(items):
    s = 0
    for i in items:
        s += square(i)
    return s


class Acc:
    def __init__(self):
        self.count = 0

    def add(self, k):
        self.count += k


a = Acc()
for k in range(3):
    a.add(k)
print(total([1, 2, 3]))
print('end')

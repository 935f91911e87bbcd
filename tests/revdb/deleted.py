class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

big = 2 ** 100
lst = [1, 2, 3]
d = {'a': 1, 'b': [2]}
pt = Point(1, 2)
f = 1.5
del big, lst, d, pt, f
print('done')

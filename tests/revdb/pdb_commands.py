def square(n):
    r = n * n
    return r


def total(items):
    s = 0
    for i in items:
        s += square(i)
    return s


words = ["alpha" * 30, "beta"]
data = list(range(50))
print(total([1, 2, 3]))
print(total(data))
